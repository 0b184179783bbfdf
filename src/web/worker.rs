//! The analysis worker: a web worker that loads the page's own WebAssembly module
//! (`www/analysis-worker.js`) and answers analysis requests off the main thread.
//!
//! This file is the page's end ([`AnalysisWorker`]) and the worker's ([`answer`]); what the numbers
//! mean is [`crate::worker_protocol`].

use super::document;
use super::timings::now_ms;
use crate::worker_protocol;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Name of the worker script (copied into the build from `www/analysis-worker.js`).
pub const ANALYSIS_WORKER_SCRIPT: &str = "analysis-worker.js";

/// The page's own module and WebAssembly addresses, from the preload links Trunk writes.
fn bundle_addresses() -> Option<(String, String)> {
    let document = document()?;
    let href = |selector: &str| -> Option<String> {
        let element = document.query_selector(selector).ok()??;
        js_sys::Reflect::get(&element, &JsValue::from_str("href"))
            .ok()?
            .as_string()
    };
    Some((
        href("link[rel=modulepreload][href*=ree-web]")?,
        href("link[rel=preload][href$='.wasm']")?,
    ))
}

/// A web worker running the analyses with the page's own WebAssembly module.
///
/// Requests and answers are flat number arrays (see [`crate::worker_protocol`]); the worker
/// answers one request at a time, in order.
pub struct AnalysisWorker {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

/// What the worker says.
#[derive(Debug)]
pub enum WorkerMessage {
    /// The module is loaded; requests are answered from now on.
    Ready,
    /// The worker could not start; compute on the main thread instead.
    Failed(String),
    /// The answer to request `id`.
    Answer(u32, Vec<f64>),
}

impl AnalysisWorker {
    /// Starts the worker, or `None` where workers or the build's preload links are missing.
    pub fn start(on_message: impl Fn(WorkerMessage) + 'static) -> Option<AnalysisWorker> {
        let (module, wasm) = bundle_addresses()?;
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options(ANALYSIS_WORKER_SCRIPT, &options).ok()?;
        let handler = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let data = event.data();
                let field = |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name)).ok();
                let kind = field("kind")
                    .and_then(|kind| kind.as_string())
                    .unwrap_or_default();
                let message = match kind.as_str() {
                    "ready" => WorkerMessage::Ready,
                    "answer" => {
                        let id = field("id").and_then(|id| id.as_f64()).unwrap_or(-1.0);
                        let values = field("output")
                            .and_then(|output| output.dyn_into::<js_sys::Float64Array>().ok())
                            .map(|array| array.to_vec());
                        match values {
                            Some(values) if id >= 0.0 => WorkerMessage::Answer(id as u32, values),
                            _ => WorkerMessage::Failed("the worker sent a malformed answer".into()),
                        }
                    }
                    _ => WorkerMessage::Failed(
                        field("error")
                            .and_then(|error| error.as_string())
                            .unwrap_or_else(|| "the worker failed".into()),
                    ),
                };
                on_message(message);
            },
        );
        worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        let init = js_sys::Object::new();
        let set = |key: &str, value: &JsValue| {
            let _ = js_sys::Reflect::set(&init, &JsValue::from_str(key), value);
        };
        set("kind", &JsValue::from_str("init"));
        set("module", &JsValue::from_str(&module));
        set("wasm", &JsValue::from_str(&wasm));
        worker.post_message(&init).ok()?;
        Some(AnalysisWorker {
            worker,
            _on_message: handler,
        })
    }

    /// Sends request `id`; false if the browser refused to send it.
    pub fn send(&self, id: u32, request: &[f64]) -> bool {
        let message = js_sys::Object::new();
        let set = |key: &str, value: &JsValue| {
            let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), value);
        };
        set("kind", &JsValue::from_str("run"));
        set("id", &JsValue::from_f64(f64::from(id)));
        set("input", &js_sys::Float64Array::from(request).into());
        self.worker.post_message(&message).is_ok()
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
