//! The page's language in the browser: the reader's preference (`navigator.languages`), the
//! texts of a language other than English (`i18n/<lang>.json` beside the page, fetched by
//! `reeTexts` in www/pwa.js, which starts the fetch for the reader's language before the
//! WebAssembly has loaded), the parts of the page's own HTML in that language
//! (`i18n/<lang>.static.json`, put in place by `reeStatic`), and the document's `lang` attribute
//! and title.

use crate::i18n::{self, Catalogue, Lang, Msg};
use wasm_bindgen::JsValue;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `window.reeTexts` (www/pwa.js): a promise of the text of `i18n/<id>.json`, fetched once.
    #[wasm_bindgen(catch, js_name = reeTexts)]
    fn texts(id: &str) -> Result<js_sys::Promise, JsValue>;

    /// `window.reeStatic` (www/pwa.js): puts the page's own HTML parts in the language `id`.
    #[wasm_bindgen(catch, js_name = reeStatic)]
    fn static_parts(id: &str) -> Result<(), JsValue>;

    /// `window.reePreferred` (www/pwa.js): the first of `navigator.languages` the page has
    /// (its code), or an empty string.
    #[wasm_bindgen(catch, js_name = reePreferred)]
    fn preferred() -> Result<String, JsValue>;
}

/// The first of the reader's preferred languages (`navigator.languages`, best first) that the
/// page has, else English.
pub fn browser_preference() -> Lang {
    preferred()
        .ok()
        .and_then(|id| Lang::from_tag(&id))
        .unwrap_or(Lang::En)
}

/// What a language switch is told: the language's texts (none for English) or why they could not
/// be read.
pub type Loaded = Box<dyn FnOnce(Result<Option<Catalogue>, String>)>;

/// Reads `lang`'s texts, then calls `done` (at once for English, which is compiled in).
pub fn load(lang: Lang, done: Loaded) {
    if lang == Lang::En {
        return done(Ok(None));
    }
    match texts(lang.id()) {
        Ok(promise) => super::when_settled(
            &promise,
            Box::new(move |value| {
                // The promise fulfils with the file's text and rejects with an error.
                done(match value.as_string() {
                    Some(text) => super::json::parse_json(&text)
                        .and_then(|json| Catalogue::from_json(lang, &json))
                        .map(Some),
                    None => Err(js_sys::Error::from(value)
                        .message()
                        .as_string()
                        .unwrap_or_default()),
                })
            }),
        ),
        Err(_) => done(Err("the page's script is missing".into())),
    }
}

thread_local! {
    /// The language asked for at start whose texts could not be read, and why, until the page
    /// takes it to say so ([`take_failure`]).
    static FAILURE: std::cell::RefCell<Option<(Lang, String)>> = const { std::cell::RefCell::new(None) };
}

/// The language the page was to open in whose texts could not be read, and why (once).
pub fn take_failure() -> Option<(Lang, String)> {
    FAILURE.with(|failure| failure.borrow_mut().take())
}

/// Puts what [`load`] read for `lang` in use (English where it read nothing, and the failure kept
/// for [`take_failure`]) and marks the document: its `lang` attribute, for screen readers and
/// fonts, and its title.
pub fn apply(lang: Lang, loaded: Result<Option<Catalogue>, String>) {
    let catalogue = match loaded {
        Ok(catalogue) => catalogue,
        Err(why) => {
            FAILURE.with(|failure| *failure.borrow_mut() = Some((lang, why)));
            None
        }
    };
    i18n::set_language(catalogue);
    let lang = i18n::language();
    super::mark_root("lang", Some(lang.id()));
    let _ = static_parts(lang.id());
    if let Some(document) = super::document() {
        document.set_title(crate::tr!(Msg::PageTitle));
    }
}
