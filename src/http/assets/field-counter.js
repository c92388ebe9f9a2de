/* global document */
// The application form's counters: '已输入 N 字，最多 M 字' beside each field, updated while typing. Progressive
// enhancement only — the limits are shown without it and enforced by the server, which keeps what was typed.
(function () {
  'use strict';
  function count(text) {
    return Array.from(text).length;
  }
  function update(field) {
    var out = document.getElementById(field.id + '-count');
    if (!out) return;
    var max = Number(field.getAttribute('data-limit'));
    var n = count(field.value);
    var text = (n > 0 ? '已输入 ' + n + ' 字，' : '') + '最多 ' + max + ' 字';
    if (n > max) text += '，超出 ' + (n - max) + ' 字';
    out.textContent = text;
    out.classList.toggle('over', n > max);
  }
  document.addEventListener('DOMContentLoaded', function () {
    var fields = document.querySelectorAll('[data-limit]');
    for (var i = 0; i < fields.length; i++) {
      fields[i].addEventListener('input', function (event) {
        update(event.target);
      });
    }
  });
})();
