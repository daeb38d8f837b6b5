// Starts a prerendered public page's code once the page has painted (scripts/prerender.ts puts this
// file, and the code's addresses in its data attributes, in place of the module script tags).
// The HTML and stylesheet alone make the first paint, so the code need not compete with them:
// requested after the paint, it does not delay the page's first or largest paint, and it hydrates
// the page a moment later. "After the paint" is the browser's own first-contentful-paint entry: an
// animation frame runs before its frame is presented, so code requested from one still raced the
// paint. Where paint timing is missing, the next frame is the signal, with a timer for background
// tabs (no frames there).
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
    // A tab opened (or put) in the background paints nothing until it is shown, so there is no paint
    // to wait for: start at once. A visible tab waits for its paint however slow the network is.
    if (document.visibilityState === 'hidden') start();
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') start();
    });
    // Only a safety net: a prerendered page always has text to paint.
    setTimeout(start, 10000);
  } else {
    requestAnimationFrame(() => setTimeout(start, 0));
    setTimeout(start, 1000);
  }
})();
