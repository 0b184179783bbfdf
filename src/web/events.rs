//! Event listeners that are removed when dropped.
//!
//! Hand-written rather than `gloo_events::EventListener`, which does the same but made the page
//! 0.25 KB larger, gzipped (timers do come from `gloo_timers`).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::EventTarget;

/// An event listener that is removed when dropped.
pub struct Listener {
    target: EventTarget,
    name: &'static str,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.name, self.closure.as_ref().unchecked_ref());
    }
}

/// Calls `handler` for every `name` event on `target` until the listener is dropped.
pub fn listen(
    target: EventTarget,
    name: &'static str,
    handler: impl FnMut(web_sys::Event) + 'static,
) -> Option<Listener> {
    listen_boxed(target, name, Box::new(handler))
}

/// [`listen`] with the handler boxed: one copy of wasm-bindgen's closure code serves every
/// listener.
fn listen_boxed(
    target: EventTarget,
    name: &'static str,
    handler: Box<dyn FnMut(web_sys::Event)>,
) -> Option<Listener> {
    let closure = Closure::wrap(handler);
    target
        .add_event_listener_with_callback(name, closure.as_ref().unchecked_ref())
        .ok()?;
    Some(Listener {
        target,
        name,
        closure,
    })
}
