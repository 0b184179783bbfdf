//! The WebAssembly entry point for Trunk: the panic hook and its error panel, then the app
//! mounted into `#app` or, in the analysis worker, the worker's loop.
//!
//! The same module runs in the page and in the analysis worker (`www/analysis-worker.js` loads
//! it); `main` runs in both. This file and `web` are the code that calls browser APIs.

#[cfg(target_arch = "wasm32")]
fn main() {
    page::install_panic_hook();
    if ree_outlook::web::in_worker() {
        ree_outlook::web::worker::serve();
        return;
    }
    page::mount_app();
    #[cfg(feature = "test-hooks")]
    page::panic_if_requested();
}

/// The web entry does nothing natively; the command-line tool is `ree-outlook`.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}

/// Mounting the app, and the friendly error panel when it panics.
#[cfg(target_arch = "wasm32")]
mod page {
    use ree_outlook::web::{document, history};
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::HtmlElement;

    /// The fragment key that deliberately crashes the page, so tests can see the error panel (only
    /// with the `test-hooks` feature, which the shipped page is built without).
    #[cfg(feature = "test-hooks")]
    ///
    /// `#debug-panic=1` (anywhere in the fragment) makes [`panic_if_requested`] panic once the
    /// app is mounted. It harms nothing: the panel offers a link back to the default page.
    pub const DEBUG_PANIC_KEY: &str = "debug-panic=1";

    /// Reveals the static error panel of index.html and hides the dead app.
    fn show_error_panel() {
        let Some(document) = document() else { return };
        if let Some(panel) = document.get_element_by_id("error-panel") {
            let _ = panel.remove_attribute("hidden");
        }
        if let Some(link) = document
            .get_element_by_id("reset-defaults")
            .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        {
            link.set_href(&history::page_address());
        }
        if let Some(app) = document.get_element_by_id("app") {
            let _ = app.set_attribute("hidden", "");
        }
        if let Some(panel) = document
            .get_element_by_id("error-panel")
            .and_then(|element| element.dyn_into::<HtmlElement>().ok())
        {
            let _ = panel.focus();
        }
    }

    /// Installs the panic hook: log the message, then show the friendly error panel (in the
    /// worker, only the log).
    pub fn install_panic_hook() {
        yew::set_custom_panic_hook(Box::new(|info| {
            web_sys::console::error_1(&JsValue::from_str(&format!(
                "Rare-Earth Outlook stopped: {info}"
            )));
            show_error_panel();
        }));
    }

    /// Renders the app into `#app`, replacing the static loading state.
    ///
    /// In a language other than English, once its texts are read (in parallel with the
    /// WebAssembly: www/pwa.js starts the fetch), so the first frame is in the reader's language;
    /// if they cannot be read, in English with a notice saying so.
    pub fn mount_app() {
        let Some(root) = document().and_then(|document| document.get_element_by_id("app")) else {
            web_sys::console::error_1(&JsValue::from_str(
                "Rare-Earth Outlook: the page has no #app element to render into",
            ));
            return;
        };
        let chosen = ree_outlook::url::decode(&history::location_href())
            .state
            .lang;
        let lang = chosen.unwrap_or_else(ree_outlook::web::lang::browser_preference);
        ree_outlook::web::lang::load(
            lang,
            Box::new(move |loaded| {
                ree_outlook::web::lang::apply(lang, loaded);
                ree_outlook::app::mount(root);
            }),
        );
    }

    /// Whether the address asks for a deliberate crash ([`DEBUG_PANIC_KEY`]).
    #[cfg(feature = "test-hooks")]
    fn debug_panic_requested() -> bool {
        history::location_fragment()
            .split('&')
            .any(|pair| pair == DEBUG_PANIC_KEY)
    }

    /// Panics on purpose when [`debug_panic_requested`], so tests can check the error panel.
    #[cfg(feature = "test-hooks")]
    pub fn panic_if_requested() {
        if debug_panic_requested() {
            panic!("deliberate failure requested by #{DEBUG_PANIC_KEY}");
        }
    }
}
