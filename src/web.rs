//! The only module that touches the browser: location and history, events on `window`,
//! colour scheme, device pixel ratio, resize observation, timers, clipboard, downloads,
//! file reading, JSON parsing with the browser's `JSON.parse`, timings for the benchmark and
//! the panic hook.
//!
//! Everything else in the crate is plain Rust. Functions here never panic: when the
//! browser refuses something they return an error text or do nothing.

use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, EventTarget, HtmlCanvasElement, HtmlElement, HtmlInputElement, Window};

/// Longest scenario file the page reads, in bytes.
pub const MAX_FILE_BYTES: f64 = 64.0 * 1024.0;

/// Shortest time between two history writes while a slider moves, in milliseconds.
pub const URL_WRITE_INTERVAL_MS: f64 = 250.0;

/// The fragment key that deliberately crashes the page, so tests can see the error panel.
///
/// `#debug-panic=1` (anywhere in the fragment) makes [`panic_if_requested`] panic once the
/// app is mounted. It harms nothing: the panel offers a link back to the default page.
pub const DEBUG_PANIC_KEY: &str = "debug-panic=1";

fn window() -> Option<Window> {
    web_sys::window()
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// The current URL fragment without its leading `#` (empty if none).
pub fn location_fragment() -> String {
    let hash = window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

/// The page's address without its fragment, for "reset" links and copied links.
pub fn page_address() -> String {
    let href = window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}

/// The full shareable address for a fragment.
pub fn link_for(fragment: &str) -> String {
    format!("{}#{fragment}", page_address())
}

/// How a new fragment enters the browser history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryMode {
    /// Replace the current entry, throttled (slider moves).
    Replace,
    /// Add an entry, at once (discrete choices such as a preset).
    Push,
}

/// A pending throttled history write.
#[derive(Default)]
struct UrlWriter {
    last_write_ms: f64,
    pending: Option<String>,
    timer: Option<(i32, Closure<dyn FnMut()>)>,
}

thread_local! {
    static URL_WRITER: RefCell<UrlWriter> = RefCell::new(UrlWriter {
        last_write_ms: f64::NEG_INFINITY,
        ..UrlWriter::default()
    });
}

fn history_write(fragment: &str, mode: HistoryMode) {
    let Some(window) = window() else { return };
    let Ok(history) = window.history() else {
        return;
    };
    let current = location_fragment();
    if current == fragment && mode == HistoryMode::Replace {
        return;
    }
    let url = format!("#{fragment}");
    // A refused write (for example a browser's own rate limit) leaves the old address; the next write catches up.
    let _ = match mode {
        HistoryMode::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
        HistoryMode::Push if current != fragment => {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        }
        HistoryMode::Push => Ok(()),
    };
}

fn clear_timer(writer: &mut UrlWriter) {
    if let (Some((handle, _closure)), Some(window)) = (writer.timer.take(), window()) {
        window.clear_timeout_with_handle(handle);
    }
}

/// Writes `fragment` into the address bar: a push at once, or a replace at most every
/// [`URL_WRITE_INTERVAL_MS`], with a final write after the last change.
pub fn write_fragment(fragment: &str, mode: HistoryMode) {
    let now = now_ms();
    URL_WRITER.with(|cell| {
        let Ok(mut writer) = cell.try_borrow_mut() else {
            return;
        };
        if mode == HistoryMode::Push {
            // The pending replace belongs to the entry we are leaving: finish it first.
            if let Some(pending) = writer.pending.take() {
                history_write(&pending, HistoryMode::Replace);
            }
            clear_timer(&mut writer);
            history_write(fragment, HistoryMode::Push);
            writer.last_write_ms = now;
            return;
        }
        let wait = writer.last_write_ms + URL_WRITE_INTERVAL_MS - now;
        if wait <= 0.0 && writer.timer.is_none() {
            history_write(fragment, HistoryMode::Replace);
            writer.last_write_ms = now;
            return;
        }
        writer.pending = Some(fragment.to_string());
        if writer.timer.is_none() {
            let closure = Closure::<dyn FnMut()>::new(flush_pending_fragment);
            let handle = window().and_then(|window| {
                window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(
                        closure.as_ref().unchecked_ref(),
                        wait.max(0.0).ceil() as i32,
                    )
                    .ok()
            });
            if let Some(handle) = handle {
                writer.timer = Some((handle, closure));
            }
        }
    });
}

fn flush_pending_fragment() {
    let now = now_ms();
    URL_WRITER.with(|cell| {
        let Ok(mut writer) = cell.try_borrow_mut() else {
            return;
        };
        // Dropping the closure that is running is not allowed: keep it until the next timer replaces it.
        if let Some((_, closure)) = writer.timer.take() {
            SPENT_TIMER.with(|spent| *spent.borrow_mut() = Some(closure));
        }
        if let Some(pending) = writer.pending.take() {
            history_write(&pending, HistoryMode::Replace);
            writer.last_write_ms = now;
        }
    });
}

thread_local! {
    static SPENT_TIMER: RefCell<Option<Closure<dyn FnMut()>>> = const { RefCell::new(None) };
}

/// Forgets a throttled write that has not happened yet (the user navigated meanwhile).
pub fn cancel_pending_fragment_write() {
    URL_WRITER.with(|cell| {
        if let Ok(mut writer) = cell.try_borrow_mut() {
            writer.pending = None;
            clear_timer(&mut writer);
        }
    });
}

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

fn listen(
    target: EventTarget,
    name: &'static str,
    handler: impl FnMut(web_sys::Event) + 'static,
) -> Option<Listener> {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
    target
        .add_event_listener_with_callback(name, closure.as_ref().unchecked_ref())
        .ok()?;
    Some(Listener {
        target,
        name,
        closure,
    })
}

/// Calls `handler` with the new fragment whenever back, forward or an edited address changes it.
pub fn on_navigation(handler: impl Fn(String) + 'static) -> Vec<Listener> {
    let Some(window) = window() else {
        return Vec::new();
    };
    let handler = std::rc::Rc::new(handler);
    ["popstate", "hashchange"]
        .into_iter()
        .filter_map(|name| {
            let handler = handler.clone();
            listen(window.clone().into(), name, move |_| {
                cancel_pending_fragment_write();
                handler(location_fragment());
            })
        })
        .collect()
}

const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

/// Whether the system asks for a dark colour scheme.
pub fn prefers_dark() -> bool {
    window()
        .and_then(|window| window.match_media(DARK_QUERY).ok().flatten())
        .is_some_and(|query| query.matches())
}

/// Calls `handler` with [`prefers_dark`] whenever the system colour scheme changes.
pub fn on_colour_scheme_change(handler: impl Fn(bool) + 'static) -> Option<Listener> {
    let query = window()?.match_media(DARK_QUERY).ok()??;
    listen(query.into(), "change", move |_| handler(prefers_dark()))
}

/// The device pixel ratio (1 when unknown), limited to a sane range.
pub fn device_pixel_ratio() -> f64 {
    let ratio = window().map_or(1.0, |window| window.device_pixel_ratio());
    if ratio.is_finite() && ratio > 0.0 {
        ratio.clamp(0.5, 4.0)
    } else {
        1.0
    }
}

/// Milliseconds since navigation, or since a worker started (0 when unknown).
pub fn now_ms() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .ok()
        .and_then(|performance| performance.dyn_into::<web_sys::Performance>().ok())
        .map_or(0.0, |performance| performance.now())
}

/// The CSS size of an element in pixels.
pub fn css_size(element: &Element) -> (f64, f64) {
    let rect = element.get_bounding_client_rect();
    (rect.width(), rect.height())
}

/// A resize observer that disconnects when dropped.
pub struct ResizeWatch {
    observer: web_sys::ResizeObserver,
    _closure: Closure<dyn FnMut(JsValue)>,
}

impl Drop for ResizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `handler` with the element's CSS size whenever it changes (and once at the start).
pub fn watch_size(element: &Element, handler: impl Fn(f64, f64) + 'static) -> Option<ResizeWatch> {
    let watched = element.clone();
    let closure = Closure::<dyn FnMut(JsValue)>::new(move |_entries: JsValue| {
        let (width, height) = css_size(&watched);
        handler(width, height);
    });
    let observer = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    Some(ResizeWatch {
        observer,
        _closure: closure,
    })
}

/// Runs `task` once after `delay_ms` milliseconds.
pub fn after(delay_ms: i32, task: impl FnOnce() + 'static) {
    let Some(window) = window() else { return };
    let closure = Closure::once_into_js(task);
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(closure.unchecked_ref(), delay_ms);
}

fn set_window_property(name: &str, value: &JsValue) {
    if let Some(window) = window() {
        let _ = js_sys::Reflect::set(&window, &JsValue::from_str(name), value);
    }
}

thread_local! {
    static READY: Cell<bool> = const { Cell::new(false) };
    static INPUT_START: Cell<Option<(f64, Option<u32>)>> = const { Cell::new(None) };
    static INPUT_SEQUENCE: Cell<u32> = const { Cell::new(0) };
}

/// Marks the page ready (`window.__reeReady = true`) once the first chart is drawn.
pub fn set_ready() {
    if !READY.with(|ready| ready.replace(true)) {
        set_window_property("__reeReady", &JsValue::TRUE);
    }
}

/// Notes that an input event happened at `event_time_ms` (the event's `timeStamp`).
///
/// Chart draws that follow before the browser's next task extend the same record in
/// `window.__reeTimings`: one number per input, from the event to the end of the last draw.
pub fn mark_input(event_time_ms: f64) {
    let start = if event_time_ms.is_finite() && event_time_ms > 0.0 {
        event_time_ms
    } else {
        now_ms()
    };
    INPUT_START.with(|cell| cell.set(Some((start, None))));
    let sequence = INPUT_SEQUENCE.with(|cell| {
        let next = cell.get().wrapping_add(1);
        cell.set(next);
        next
    });
    after(0, move || {
        if INPUT_SEQUENCE.with(Cell::get) == sequence {
            INPUT_START.with(|cell| cell.set(None));
        }
    });
}

/// Notes the end of a chart draw, for the input-to-canvas timings.
pub fn note_chart_drawn() {
    let Some((start, slot)) = INPUT_START.with(Cell::get) else {
        return;
    };
    let Some(window) = window() else { return };
    let timings = window_array(&window, "__reeTimings");
    let elapsed = JsValue::from_f64(now_ms() - start);
    let slot = match slot {
        Some(index) => {
            timings.set(index, elapsed);
            index
        }
        None => timings.push(&elapsed).saturating_sub(1),
    };
    INPUT_START.with(|cell| cell.set(Some((start, Some(slot)))));
}

/// Records how long one analysis run (Monte Carlo plus tornado) took, in
/// `window.__reeAnalysisMs`, for the benchmark.
pub fn note_analysis_run(elapsed_ms: f64) {
    let Some(window) = window() else { return };
    window_array(&window, "__reeAnalysisMs").push(&JsValue::from_f64(elapsed_ms));
}

/// The array at `window[name]`, created there first if missing (timings the benchmark reads).
fn window_array(window: &web_sys::Window, name: &str) -> js_sys::Array {
    let key = JsValue::from_str(name);
    match js_sys::Reflect::get(window, &key)
        .ok()
        .and_then(|value| value.dyn_into::<js_sys::Array>().ok())
    {
        Some(array) => array,
        None => {
            let array = js_sys::Array::new();
            let _ = js_sys::Reflect::set(window, &key, &array);
            array
        }
    }
}

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
/// Requests and answers are flat number arrays (see `app::analysis_hook`); the worker
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

/// Whether this code runs in a worker (no window): the module then only serves analyses.
pub fn in_worker() -> bool {
    window().is_none()
}

/// The worker's entry: answers one analysis request (see `app::analysis_hook::answer`).
#[wasm_bindgen::prelude::wasm_bindgen(js_name = runAnalysis)]
pub fn run_analysis(request: &[f64]) -> js_sys::Float64Array {
    js_sys::Float64Array::from(crate::app::analysis_hook::answer(request).as_slice())
}

/// Offers `text` to the user as a file download.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not prepare the file".to_string())?;
    download_blob(file_name, &blob)
}

fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let failed = || "the browser refused the download".to_string();
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|_| failed())?;
    let anchor: web_sys::HtmlAnchorElement = document()
        .and_then(|document| document.create_element("a").ok())
        .and_then(|element| element.dyn_into().ok())
        .ok_or_else(failed)?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Give the browser time to start the download before the address is released.
    after(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    Ok(())
}

/// Offers the canvas's current pixels as a PNG download.
pub fn download_canvas_png(canvas: &HtmlCanvasElement, file_name: &str) -> Result<(), String> {
    let file_name = file_name.to_string();
    let callback = Closure::once_into_js(move |blob: JsValue| {
        if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
            let _ = download_blob(&file_name, &blob);
        }
    });
    canvas
        .to_blob(callback.unchecked_ref())
        .map_err(|_| "the browser could not export the chart".to_string())
}

/// Copies `text` to the clipboard.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let window = window().ok_or("no window")?;
    let clipboard = window.navigator().clipboard();
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err("the clipboard is not available".into());
    }
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| "the browser did not allow copying".into())
}

/// Selects the whole text of a field, so the user can copy it by hand.
pub fn select_field(field: &HtmlInputElement) {
    let _ = field.focus();
    field.select();
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The browser's `JSON.parse(text, reviver)`.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse_with_reviver(text: &str, reviver: &js_sys::Function) -> Result<JsValue, JsValue>;
}

/// Parses JSON text with the browser's `JSON.parse` into the crate's [`Json`](crate::json::Json),
/// so the page carries no JSON parser of its own.
///
/// Numbers keep their exact source text where the browser gives it to the reviver (JSON.parse
/// source text access; elsewhere the shortest text of the double), and are read as serde_json
/// reads them, so a 64-bit seed survives exactly. The reviver sees numbers in the order the walk
/// below visits them (depth first, keys in the object's own order).
pub fn parse_json(text: &str) -> Result<crate::json::Json, String> {
    let sources: std::rc::Rc<RefCell<Vec<String>>> = std::rc::Rc::default();
    let collected = sources.clone();
    let reviver = Closure::<dyn FnMut(JsValue, JsValue, JsValue) -> JsValue>::new(
        move |_key: JsValue, value: JsValue, context: JsValue| {
            if let Some(number) = value.as_f64() {
                let source = js_sys::Reflect::get(&context, &JsValue::from_str("source"))
                    .ok()
                    .and_then(|source| source.as_string())
                    .or_else(|| {
                        js_sys::Number::from(number)
                            .to_string_with_radix(10)
                            .ok()
                            .map(String::from)
                    })
                    .unwrap_or_default();
                collected.borrow_mut().push(source);
            }
            value
        },
    );
    let value =
        json_parse_with_reviver(text, reviver.as_ref().unchecked_ref()).map_err(|error| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|error| String::from(error.message()))
                .unwrap_or_else(|| "unreadable".to_string())
        })?;
    let sources = sources.borrow();
    let mut next = 0;
    Ok(from_js(&value, &sources, &mut next))
}

/// One parsed JavaScript value as [`Json`](crate::json::Json); numbers take the next source text.
fn from_js(value: &JsValue, sources: &[String], next: &mut usize) -> crate::json::Json {
    use crate::json::{Json, Number};
    if value.is_null() || value.is_undefined() {
        Json::Null
    } else if let Some(flag) = value.as_bool() {
        Json::Bool(flag)
    } else if let Some(number) = value.as_f64() {
        let source = sources.get(*next).map(String::as_str);
        *next += 1;
        Json::Number(
            source
                .and_then(Number::from_source)
                .unwrap_or(Number::F64(number)),
        )
    } else if let Some(text) = value.as_string() {
        Json::String(text)
    } else if js_sys::Array::is_array(value) {
        let items: Vec<Json> = js_sys::Array::from(value)
            .iter()
            .map(|item| from_js(&item, sources, next))
            .collect();
        Json::Array(items)
    } else {
        let object = js_sys::Object::from(value.clone());
        let entries: Vec<(String, Json)> = js_sys::Object::keys(&object)
            .iter()
            .map(|key| {
                let item = js_sys::Reflect::get(&object, &key).unwrap_or(JsValue::NULL);
                (
                    key.as_string().unwrap_or_default(),
                    from_js(&item, sources, next),
                )
            })
            .collect();
        Json::object_from_entries(entries)
    }
}

/// Reads the first file chosen in a file input as text, refusing files over [`MAX_FILE_BYTES`].
///
/// `Ok(None)` means no file was chosen.
pub async fn read_chosen_file(
    input: &HtmlInputElement,
) -> Result<Option<(String, String)>, String> {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return Ok(None);
    };
    let name = file.name();
    if file.size() > MAX_FILE_BYTES {
        return Err(format!(
            "{name} is {} KB; scenario files are at most {} KB",
            crate::text::fixed(file.size() / 1024.0, 0),
            crate::text::fixed(MAX_FILE_BYTES / 1024.0, 0)
        ));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| format!("{name} could not be read"))?;
    let text = text
        .as_string()
        .ok_or_else(|| format!("{name} is not a text file"))?;
    Ok(Some((name, text)))
}

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
        link.set_href(&page_address());
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

/// Installs the panic hook: log the message, then show the friendly error panel.
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!(
            "Rare-Earth Outlook stopped: {info}"
        )));
        show_error_panel();
    }));
}

/// Renders the app into `#app`, replacing the static loading state (nothing in a worker).
pub fn mount_app() {
    if in_worker() {
        return;
    }
    let root = document().and_then(|document| document.get_element_by_id("app"));
    match root {
        Some(root) => {
            yew::Renderer::<crate::app::App>::with_root(root).render();
        }
        None => web_sys::console::error_1(&JsValue::from_str(
            "Rare-Earth Outlook: the page has no #app element to render into",
        )),
    }
}

/// Whether the address asks for a deliberate crash ([`DEBUG_PANIC_KEY`]).
pub fn debug_panic_requested() -> bool {
    location_fragment()
        .split('&')
        .any(|pair| pair == DEBUG_PANIC_KEY)
}

/// Panics on purpose when [`debug_panic_requested`], so tests can check the error panel.
pub fn panic_if_requested() {
    if debug_panic_requested() {
        panic!("deliberate failure requested by #{DEBUG_PANIC_KEY}");
    }
}
