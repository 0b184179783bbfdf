// The page's texts in a language other than English (i18n/<id>.json beside the page, in the page's message order; see
// src/i18n.rs): reeTexts(id) is a promise of the file's text, fetched once per page, for src/web/lang.rs; a failed
// fetch is forgotten, so a later switch tries again. Loaded as an ordinary blocking script in the head (it is small),
// so it is there before the WebAssembly asks for it, and the reader's language starts loading before the
// WebAssembly's own download.
window.reeTexts = function (id) {
  const pending = window.reeTexts.pending;
  if (!pending[id]) {
    const texts = fetch('i18n/' + id + '.json').then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.text();
    });
    // The page's own parts in that language come with them, so they are in place when the page renders in it.
    pending[id] = Promise.all([texts, window.reeStatic.fetch(id)]).then(function (both) { return both[0]; });
    pending[id].catch(function () { delete pending[id]; });
  }
  return pending[id];
};
window.reeTexts.pending = {};
// The first of the reader's preferred languages (navigator.languages, best first) that the page has: 'en', 'ru' or
// 'zh', or '' (src/web/lang.rs then takes English).
window.reePreferred = function () {
  for (const tag of navigator.languages || [navigator.language || '']) {
    const id = tag.split(/[-_]/)[0].toLowerCase();
    if (id === 'en' || id === 'ru' || id === 'zh') return id;
  }
  return '';
};
// The parts of the page's own HTML in a language (i18n/<id>.static.json: "html:<element id>" is an element's inner
// HTML, "label:<element id>" its aria-label), put in place; 'en' puts back the page's own English, kept when first
// replaced. Called by src/web/lang.rs whenever the language changes, and below at once for the reader's language.
window.reeStatic = function (id) {
  const originals = window.reeStatic.originals;
  window.reeStatic.current = id;
  const put = function (texts) {
    for (const key in texts) {
      const colon = key.indexOf(':');
      const element = document.getElementById(key.slice(colon + 1));
      if (!element) continue;
      const label = key.slice(0, colon) === 'label';
      if (!(key in originals)) originals[key] = label ? element.getAttribute('aria-label') : element.innerHTML;
      if (label) element.setAttribute('aria-label', texts[key]);
      else element.innerHTML = texts[key];
    }
  };
  if (id !== 'ru' && id !== 'zh') return put(originals);
  const loaded = window.reeStatic.loaded[id];
  if (loaded) return put(loaded);
  window.reeStatic.fetch(id).then(function (texts) {
    // Only if the page still wants that language when the texts come.
    if (window.reeStatic.current === id) put(texts);
  });
};
// The texts of i18n/<id>.static.json, fetched once ({} if they cannot be read: the page's English parts stay).
window.reeStatic.fetch = function (id) {
  const pending = window.reeStatic.pending;
  if (!pending[id]) {
    pending[id] = fetch('i18n/' + id + '.static.json')
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (texts) { return (window.reeStatic.loaded[id] = texts); }, function () {
        delete pending[id];
        return {};
      });
  }
  return pending[id];
};
window.reeStatic.loaded = {};
window.reeStatic.originals = {};
window.reeStatic.pending = {};

// The reader's language starts loading now, beside the WebAssembly, so its first frame need not wait for both in turn:
// the link's lang= or else the browser's preference (the choice src/bin/ree-web.rs makes, which reads the link fully).
(function () {
  const chosen = /[#&]lang=([a-z]+)/i.exec(location.hash);
  const id = chosen ? chosen[1].toLowerCase() : window.reePreferred();
  if (id === 'ru' || id === 'zh') {
    window.reeTexts(id);
    // The page's own parts follow as soon as they are parsed.
    document.addEventListener('DOMContentLoaded', function () { window.reeStatic(id); });
  }
})();
