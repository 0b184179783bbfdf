//! The analysis worker: a web worker running the page's own WebAssembly module, which answers
//! analysis requests off the main thread.
//!
//! Both ends of the conversation are in this file (the page's [`AnalysisWorker`], the worker's
//! [`serve`]), so the message format is defined once, here; `www/analysis-worker.js` only loads
//! the module. What the numbers mean is [`crate::worker_protocol`].
//!
//! Start-up: the page starts [`ANALYSIS_WORKER_SCRIPT`] (copied from `www/analysis-worker.js`) and
//! sends it the addresses of the page's module and WebAssembly as `[module, wasm]`. The script
//! loads them, which runs the binary's `main` (`src/bin/ree-web.rs`); in a worker that calls
//! [`serve`]. A failure to load reaches the page as the worker's `error` event.
//!
//! Every message after that is a `Float64Array`: a request's id followed by its numbers, both
//! ways (page → worker: the request; worker → page: the answer). The worker's first message, an
//! empty array, says it is ready; an id alone says it could not read that request.

use super::document;
use super::events::{listen, Listener};
use super::timings::now_ms;
use crate::worker_protocol;
use js_sys::{Float64Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Name of the worker script (copied into the build from `www/analysis-worker.js`).
pub const ANALYSIS_WORKER_SCRIPT: &str = "analysis-worker.js";

/// A message: `id` followed by `numbers`.
fn framed(id: u32, numbers: &[f64]) -> Float64Array {
    let mut message = Vec::with_capacity(numbers.len() + 1);
    message.push(f64::from(id));
    message.extend_from_slice(numbers);
    Float64Array::from(message.as_slice())
}

/// A received message's numbers, `None` if it is not a message of this file's.
fn numbers_of(event: &web_sys::Event) -> Option<Vec<f64>> {
    let data = event.dyn_ref::<web_sys::MessageEvent>()?.data();
    Some(data.dyn_ref::<Float64Array>()?.to_vec())
}

/// A message's id and the numbers after it; `None` for an empty message or a malformed id.
fn unframed(message: &[f64]) -> Option<(u32, &[f64])> {
    let (id, numbers) = message.split_first()?;
    let id =
        (id.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(id)).then_some(*id as u32)?;
    Some((id, numbers))
}

/// The page's own module and WebAssembly addresses, from the preload links Trunk writes.
fn bundle_addresses() -> Option<(String, String)> {
    let document = document()?;
    let href = |selector: &str| -> Option<String> {
        let element = document.query_selector(selector).ok()??;
        Reflect::get(&element, &JsValue::from_str("href"))
            .ok()?
            .as_string()
    };
    Some((
        href("link[rel=modulepreload][href*=ree-web]")?,
        href("link[rel=preload][href$='.wasm']")?,
    ))
}

/// The page's end: a web worker running the analyses with the page's own WebAssembly module.
///
/// It answers one request at a time, in order. Dropping it terminates the worker.
pub struct AnalysisWorker {
    worker: web_sys::Worker,
    _listeners: [Listener; 2],
}

/// What the worker says.
#[derive(Debug)]
pub enum WorkerMessage {
    /// The module is loaded; requests are answered from now on.
    Ready,
    /// The worker could not start or answer; compute on the main thread instead.
    Failed(String),
    /// The answer to request `id`.
    Answer(u32, Vec<f64>),
}

impl AnalysisWorker {
    /// Starts the worker and calls `on_message` with everything it says, or `None` where workers
    /// or the build's preload links are missing.
    pub fn start(on_message: impl Fn(WorkerMessage) + 'static) -> Option<AnalysisWorker> {
        let (module, wasm) = bundle_addresses()?;
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options(ANALYSIS_WORKER_SCRIPT, &options).ok()?;
        let on_message = std::rc::Rc::new(on_message);
        let on_error = on_message.clone();
        let messages = listen(worker.clone().into(), "message", move |event| {
            let message = match numbers_of(&event) {
                Some(numbers) if numbers.is_empty() => WorkerMessage::Ready,
                Some(numbers) => match unframed(&numbers) {
                    Some((id, answer)) if !answer.is_empty() => {
                        WorkerMessage::Answer(id, answer.to_vec())
                    }
                    _ => WorkerMessage::Failed("the worker could not read a request".into()),
                },
                None => WorkerMessage::Failed("the worker sent an unknown message".into()),
            };
            on_message(message);
        })?;
        // The script could not load the module, or the module stopped (a panic): say so once.
        let errors = listen(worker.clone().into(), "error", move |event| {
            // Handled here (the page falls back), so the browser need not report it as uncaught.
            event.prevent_default();
            let reason = event
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|event| event.message())
                .filter(|reason| !reason.is_empty())
                .unwrap_or_else(|| "the worker stopped".into());
            on_error(WorkerMessage::Failed(reason));
        })?;
        let init = js_sys::Array::of2(&JsValue::from_str(&module), &JsValue::from_str(&wasm));
        worker.post_message(&init).ok()?;
        Some(AnalysisWorker {
            worker,
            _listeners: [messages, errors],
        })
    }

    /// Sends request `id`; false if the browser refused to send it.
    pub fn send(&self, id: u32, request: &[f64]) -> bool {
        self.worker.post_message(&framed(id, request)).is_ok()
    }
}

impl Drop for AnalysisWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// The worker's side: answers one request with the flat results, timed with the worker's clock
/// (empty if the request is malformed; see [`worker_protocol::answer`]).
pub fn answer(request: &[f64]) -> Vec<f64> {
    worker_protocol::answer(request, now_ms)
}

/// The worker's end: answers every request the page sends, in order, then says it is ready.
/// Does nothing outside a worker.
pub fn serve() {
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return;
    };
    let replies = scope.clone();
    let listener = listen(scope.clone().into(), "message", move |event| {
        let numbers = numbers_of(&event).unwrap_or_default();
        if let Some((id, request)) = unframed(&numbers) {
            let _ = replies.post_message(&framed(id, &answer(request)));
        }
    });
    // The listener serves for the worker's whole life.
    std::mem::forget(listener);
    let _ = scope.post_message(&Float64Array::new_with_length(0));
}
