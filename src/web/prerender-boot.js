// Starts a prerendered public page's code once the page has painted (scripts/prerender.ts puts this
// file, and the code's addresses in its data attributes, in place of the module script tags).
// The HTML and stylesheet alone make the first paint, so the code need not compete with them:
// requested after the paint, it does not delay the page's first or largest paint, and it hydrates
// the page a moment later. "After the paint" is the browser's own first-contentful-paint entry: an
// animation frame runs before its frame is presented, so code requested from one still raced the
// paint. Where paint timing is missing, the next frame is the signal; a tab opened in the
// background (no frames, no paint) starts on a timer.
(() => {
  const boot = document.currentScript;
  if (!boot) return;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    // One insertion for all of them: the head is touched once, not once per module.
    const tags = document.createDocumentFragment();
    for (const href of (boot.dataset.modules ?? '').split(' ').filter(Boolean)) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = href;
      tags.append(link);
    }
    const entry = document.createElement('script');
    entry.type = 'module';
    entry.crossOrigin = '';
    entry.src = boot.dataset.entry ?? '';
    tags.append(entry);
    document.head.append(tags);
  };
  const paintTiming =
    typeof PerformanceObserver === 'function' &&
    (PerformanceObserver.supportedEntryTypes ?? []).includes('paint');
  if (paintTiming) {
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      observer.disconnect();
      start();
    });
    observer.observe({ type: 'paint', buffered: true });
  } else {
    requestAnimationFrame(() => setTimeout(start, 0));
  }
  setTimeout(start, 1000);
})();
