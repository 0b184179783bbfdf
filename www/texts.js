// The page's texts in a language other than English (i18n/<id>.json beside the page, in the page's message order; see
// src/i18n.rs): reeTexts(id) is a promise of the file's text, fetched once per page, for src/web/lang.rs; a failed
// fetch is forgotten, so a later switch tries again. Loaded as an ordinary blocking script in the head (it is small),
// so it is there before the WebAssembly asks for it, and the reader's language starts loading before the
// WebAssembly's own download.
window.reeTexts = function (id) {
  const pending = window.reeTexts.pending;
  if (!pending[id]) {
    pending[id] = fetch('i18n/' + id + '.json').then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.text();
    });
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
// The reader's language starts loading now, beside the WebAssembly, so its first frame need not wait for both in turn:
// the link's lang= or else the browser's preference (the choice src/bin/ree-web.rs makes, which reads the link fully).
(function () {
  const chosen = /[#&]lang=([a-z]+)/i.exec(location.hash);
  const id = chosen ? chosen[1].toLowerCase() : window.reePreferred();
  if (id === 'ru' || id === 'zh') window.reeTexts(id);
})();
