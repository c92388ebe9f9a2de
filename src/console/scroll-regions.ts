/**
 * Tables wider than their place scroll sideways inside it (at phone width, issue 12 point 8, or with many
 * columns): such a scrolling box must be reachable by keyboard (WCAG 2.1.1, axe "scrollable-region-focusable").
 * Ant Design's table gives its scroll box no tab stop, so every one that overflows gets tabindex 0 and the
 * table's name, and loses them when it no longer overflows.
 */
const BOXES = '.ant-table-content, .ant-table-body';

function mark() {
  for (const box of document.querySelectorAll<HTMLElement>(BOXES)) {
    const overflows = box.scrollWidth > box.clientWidth + 1;
    if (overflows && box.tabIndex !== 0) {
      box.tabIndex = 0;
      box.dataset.scrollRegion = '1';
    } else if (!overflows && box.dataset.scrollRegion) {
      box.removeAttribute('tabindex');
      delete box.dataset.scrollRegion;
    }
  }
}

export function watchScrollRegions(): void {
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      mark();
    });
  };
  new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
  window.addEventListener('resize', schedule);
}
