// Starts a prerendered public page's code once the page has painted (scripts/prerender.ts puts this
// file, and the code's addresses in its data attributes, in place of the module script tags).
// The HTML and stylesheet alone make the first paint, so the code need not compete with them:
// requested after the paint, it does not delay the page's largest paint, and it hydrates the page
// a moment later. A tab opened in the background (no animation frames) starts on a timer instead.
(() => {
  const boot = document.currentScript;
  if (!boot) return;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    for (const href of (boot.dataset.modules ?? '').split(' ').filter(Boolean)) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = href;
      document.head.append(link);
    }
    const entry = document.createElement('script');
    entry.type = 'module';
    entry.crossOrigin = '';
    entry.src = boot.dataset.entry ?? '';
    document.head.append(entry);
  };
  requestAnimationFrame(() => setTimeout(start, 0));
  setTimeout(start, 1000);
})();
