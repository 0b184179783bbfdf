// Keeps in-page links from replacing the scenario in the address (below), writes to the clipboard for the page's
// WebAssembly, reads the site's files and puts the page's own HTML in the reader's language, shows the all-claims view
// in place of the calculator, registers the service worker (sw.js beside the page) and offers a one-click reload when a
// new version is ready. Each part is a section below, in that order.
//
// Loaded as an ordinary same-origin script (no inline JS, so the Content-Security-Policy needs no exception), in the
// head and not deferred: it is small, and the reader's language starts loading before the WebAssembly's download.
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

// The site's static files and the page's languages. reeText(url): the text of a file of the site (sources.txt, read
// when the projection is downloaded; a language's texts), from the service worker's cache once the site is saved for
// offline use; rejects when it cannot be read.
const reeGet = (url) => fetch(url).then((r) => (r.ok ? r : Promise.reject(new Error('HTTP ' + r.status))));
window.reeText = (url) => reeGet(url).then((r) => r.text());

// A language other than English (src/web/lang.rs; i18n/<id>.json holds its texts in the page's message order, see
// src/i18n.rs). Each file is fetched once per page; a failed fetch is forgotten, so a later switch tries again.
const reeOnce = (cache, key, make) => cache[key] || (cache[key] = make().catch((e) => { delete cache[key]; throw e; }));
const reeFetched = {};
// The texts, with the page's own HTML parts in that language (so they are in place when the page renders in it).
window.reeTexts = (id) =>
  reeOnce(reeFetched, id, () => Promise.all([window.reeText('i18n/' + id + '.json'), reeParts(id)]).then((both) => both[0]));
// i18n/<id>.static.json: "html:<element id>" is an element's inner HTML, "label:<element id>" its aria-label.
const reeLoaded = {};
const reeParts = (id) =>
  reeOnce(reeFetched, id + '.static', () => reeGet('i18n/' + id + '.static.json').then((r) => r.json()))
    .then((texts) => (reeLoaded[id] = texts), () => ({}));
// The first of the reader's preferred languages (navigator.languages, best first) that the page has, or ''.
window.reePreferred = () =>
  (navigator.languages || [navigator.language || '']).map((tag) => tag.split(/[-_]/)[0].toLowerCase()).find((id) => ['en', 'ru', 'zh'].includes(id)) || '';
// Puts the page's own HTML parts in language `id`, and links the manifest in that language; 'en' puts back the
// English, kept when first replaced. Called by src/web/lang.rs whenever the language changes.
const reeOriginal = {};
let reeCurrent = '';
window.reeStatic = (id) => {
  reeCurrent = id;
  const other = id === 'ru' || id === 'zh';
  // The app's name and description in the language (manifest.ru.webmanifest…, written by scripts/post_build.py).
  const manifest = document.querySelector('link[rel=manifest]');
  if (manifest) manifest.href = other ? 'manifest.' + id + '.webmanifest' : 'manifest.webmanifest';
  const put = (texts) => {
    for (const key in texts) {
      const colon = key.indexOf(':');
      const element = document.getElementById(key.slice(colon + 1));
      if (!element) continue;
      const label = key.slice(0, colon) === 'label';
      if (!(key in reeOriginal)) reeOriginal[key] = label ? element.getAttribute('aria-label') : element.innerHTML;
      if (label) element.setAttribute('aria-label', texts[key]);
      else element.innerHTML = texts[key];
    }
  };
  if (!other) put(reeOriginal);
  else if (reeLoaded[id]) put(reeLoaded[id]);
  // Only if the page still wants that language when they come.
  else reeParts(id).then((texts) => reeCurrent === id && put(texts));
};
// The reader's language starts loading now, beside the WebAssembly (this script is loaded in the head, before it):
// the link's lang= or else the browser's preference (the choice src/bin/ree-web.rs makes, which reads the link fully);
// the page's own parts follow as soon as they are parsed.
(() => {
  const chosen = /[#&]lang=([a-z]+)/i.exec(location.hash);
  const id = chosen ? chosen[1].toLowerCase() : window.reePreferred();
  if (id === 'ru' || id === 'zh') {
    window.reeTexts(id).catch(() => {});
    document.addEventListener('DOMContentLoaded', () => window.reeStatic(id));
  }
})();

// The all-claims view from the calculator, without leaving the page. claims.html (claims.ru.html, claims.zh.html) is a
// static page of its own, for a reload, a shared link or a reader without JavaScript. A click on a link to it from the
// calculator shows that page's <main> in place of the calculator instead: the view is drawn in the click's next frame
// rather than after a whole navigation, and Back returns to the calculator as it was left, without starting it again.
// Pointing at the link (or focusing or touching it) fetches the page (from the service worker's cache once the site is
// saved) and starts its first chart loading, so a click has nothing left to wait for. The address becomes the page's,
// a history entry of its own; src/web/history.rs leaves entries at other addresses alone.
// In the view, "Back to the calculator" goes back, and a preset's link opens that preset in the calculator in place of
// the view's entry (the app reads it as an edited address); its other links (languages, the method) load their page.
const reeClaims = /^claims(\.[a-z]+)?\.html$/;
const reeHome = location.pathname + location.search;
const reeViews = {};
let reeShown = null;
let reeLeft = null;
// The view of page `file`: the page, parsed (inert: nothing in it loads), with a copy of its first picture made part of
// this document, so that picture loads now and the view's own copy finds it loaded. The rest of the view is made
// part of this document when first shown: its later pictures then load as they are scrolled to, as on the page.
const reeView = (file) =>
  reeOnce(reeViews, file, () =>
    window.reeText(file).then((text) => {
      const page = new DOMParser().parseFromString(text, 'text/html');
      return { page, first: document.importNode(page.querySelector('picture'), true), main: null };
    }));
// A link of the calculator (not of the view) to a claims page, or null.
const reeClaimsLink = (event) => {
  const link = event.target.closest && event.target.closest('a[href]');
  return link && reeClaims.test(link.getAttribute('href')) && !link.closest('.claims-main') ? link : null;
};
const reeShow = (view) => {
  if (reeShown === view) return;
  if (reeShown) reeShown.main.remove();
  else reeLeft = { title: document.title, y: scrollY, focus: document.activeElement };
  reeShown = view;
  view.main = view.main || document.importNode(view.page.querySelector('main'), true);
  document.body.classList.add('claims-view');
  document.body.append(view.main);
  document.title = view.page.title;
  scrollTo(0, 0);
  const heading = view.main.querySelector('h1');
  heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
};
const reeHide = () => {
  if (!reeShown) return;
  reeShown.main.remove();
  reeShown = null;
  document.body.classList.remove('claims-view');
  document.title = reeLeft.title;
  scrollTo(0, reeLeft.y);
  if (reeLeft.focus && reeLeft.focus.focus) reeLeft.focus.focus({ preventScroll: true });
};
for (const type of ['pointerover', 'focusin', 'touchstart']) {
  document.addEventListener(type, (event) => {
    const link = reeClaimsLink(event);
    if (link) reeView(link.getAttribute('href')).catch(() => {});
  }, { passive: true });
}
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  const link = reeClaimsLink(event);
  if (link) {
    event.preventDefault();
    const file = link.getAttribute('href');
    reeView(file).then((view) => {
      if (reeShown) return; // a second click while the page came
      history.pushState({ reeView: file }, '', file);
      reeShow(view);
    }, () => location.assign(link.href));
    return;
  }
  const inView = reeShown && event.target.closest && event.target.closest('.claims-main a[href]');
  if (!inView || new URL(inView.href).pathname !== new URL('./', location.href).pathname) return;
  event.preventDefault();
  if (inView.classList.contains('claims-back') && history.state && history.state.reeView) {
    history.back();
    return;
  }
  reeHide();
  history.replaceState(null, '', reeHome + new URL(inView.href).hash);
  dispatchEvent(new PopStateEvent('popstate', { state: null }));
});
addEventListener('popstate', () => {
  const file = location.pathname.slice(location.pathname.lastIndexOf('/') + 1);
  // Shown only if the address is still that page's when it comes (a second Back may have come first).
  const here = () => location.pathname.endsWith('/' + file);
  if (reeClaims.test(file)) reeView(file).then((view) => here() && reeShow(view), () => here() && location.reload());
  else reeHide();
});

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
