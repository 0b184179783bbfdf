// Keeps in-page links from replacing the scenario in the address (below), writes to the clipboard for the page's
// WebAssembly, registers the service worker (sw.js beside the page) and offers a one-click reload when a new version
// is ready.
//
// Loaded as an ordinary same-origin script (no inline JS, so the Content-Security-Policy needs no exception).
// The banner #update-ready (hidden by default) holds the button #update-reload; clicking it tells the waiting
// worker to take over, and the page reloads once it does.
// In-page links (the skip links, the glossary's terms): the address's fragment is the scenario, so a link such as
// "#g-hhi" must not replace it. A click on a link to an element of this page scrolls to the element and focuses it
// instead, and marks it with the class "jumped" (the glossary highlights it) while the address keeps the scenario.
document.addEventListener('click', function (event) {
  const link = event.target.closest && event.target.closest('a[href^="#"]');
  const id = link && link.getAttribute('href').slice(1);
  const target = id && !id.includes('=') && document.getElementById(id);
  if (!target || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  const before = document.querySelector('.jumped');
  if (before) before.classList.remove('jumped');
  target.classList.add('jumped');
  if (!target.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA|SUMMARY)$/.test(target.tagName)) {
    target.setAttribute('tabindex', '-1');
  }
  target.scrollIntoView();
  target.focus({ preventScroll: true });
});

// The page's one clipboard write, called by src/web/clipboard.rs: a string as text, a canvas as its picture in PNG.
// Throws where the browser has no asynchronous clipboard (a page not served securely) or, for a picture, no
// ClipboardItem. The item holds the promise of the PNG, made at once: browsers that allow writing only during the
// click itself (Safari) accept that, where a PNG made first would come too late. Here rather than in the module's
// glue: the promise's closure costs the page less in JavaScript than through wasm-bindgen.
window.reeCopy = function (what) {
  const clipboard = navigator.clipboard;
  return typeof what === 'string'
    ? clipboard.writeText(what)
    : clipboard.write([new ClipboardItem({ 'image/png': new Promise((resolve) => what.toBlob(resolve)) })]);
};

// The text of a file of the site (src/web/files.rs: sources.txt, read when the projection is downloaded), from the
// service worker's cache once the site is saved for offline use; false or a rejection when it cannot be read.
window.reeText = (url) => fetch(url).then((response) => response.ok && response.text());

(function () {
  'use strict';

  if (!('serviceWorker' in navigator)) return;

  /** Set once the user asked for the new version; only then does a controller change reload the page. */
  let userAsked = false;

  /** Shows the banner and wires its button to activate `worker`. */
  function offerUpdate(worker) {
    const banner = document.getElementById('update-ready');
    const button = document.getElementById('update-reload');
    if (!banner || !button) return;
    banner.hidden = false;
    button.onclick = function () {
      button.disabled = true;
      // Another tab may have accepted this update already: the worker then controls this page too, and no further
      // controllerchange will come, so reload now.
      if (worker.state === 'activated' || worker.state === 'redundant' || navigator.serviceWorker.controller === worker) {
        window.location.reload();
        return;
      }
      userAsked = true;
      worker.postMessage({ type: 'SKIP_WAITING' });
    };
  }

  /** Offers the update once `worker` has installed, if an older worker controls this page. */
  function watch(worker) {
    if (!worker) return;
    const check = function () {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
    };
    check();
    worker.addEventListener('statechange', check);
  }

  navigator.serviceWorker.addEventListener('controllerchange', function () {
    if (userAsked) window.location.reload();
  });

  function register() {
    navigator.serviceWorker
      .register(new URL('sw.js', document.baseURI).href)
      .then(function (registration) {
        if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
        watch(registration.installing);
        registration.addEventListener('updatefound', function () {
          watch(registration.installing);
        });
        // Look for a new build whenever the app comes back to the foreground.
        document.addEventListener('visibilitychange', function () {
          if (document.visibilityState === 'visible') registration.update().catch(function () {});
        });
      })
      .catch(function (error) {
        // Offline support is an extra: the calculator works without it, so report quietly.
        console.warn('Service worker registration failed; the app still works online.', error);
      });
  }

  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register);
})();
