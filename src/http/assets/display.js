/* global document, window, SpeechSynthesisUtterance */
// 适老化: reads the page's main text aloud with the browser's speech synthesis (shown only where there is one),
// and marks the display settings in force (aria-pressed) from the display cookie.
(function () {
  var m = /(?:^|; )gk_display=([a-z]+)\.([01])\.([01])/.exec(document.cookie);
  var size = m ? m[1] : 'standard';
  document.querySelectorAll('.display-bar a[data-size]').forEach(function (a) {
    a.setAttribute('aria-current', a.getAttribute('data-size') === size ? 'true' : 'false');
  });
  var contrast = document.querySelector('.display-bar a[data-contrast]');
  if (contrast) contrast.setAttribute('aria-current', m && m[2] === '1' ? 'true' : 'false');
  var spacing = document.querySelector('.display-bar a[data-spacing]');
  if (spacing) spacing.setAttribute('aria-current', m && m[3] === '1' ? 'true' : 'false');

  var button = document.querySelector('[data-read-aloud]');
  if (!button || !('speechSynthesis' in window) || typeof SpeechSynthesisUtterance === 'undefined') return;
  button.hidden = false;
  var speaking = false;
  function reset() {
    speaking = false;
    button.textContent = '朗读全文';
    button.setAttribute('aria-pressed', 'false');
  }
  button.setAttribute('aria-pressed', 'false');
  button.addEventListener('click', function () {
    if (speaking) {
      window.speechSynthesis.cancel();
      reset();
      return;
    }
    var main = document.getElementById('main');
    var text = main ? main.innerText : document.body.innerText;
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'zh-CN';
    utterance.rate = 0.9;
    utterance.onend = reset;
    utterance.onerror = reset;
    speaking = true;
    button.textContent = '停止朗读';
    button.setAttribute('aria-pressed', 'true');
    window.speechSynthesis.speak(utterance);
  });
})();
