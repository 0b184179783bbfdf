//! JSON text parsed by the browser's `JSON.parse` into the core's [`Json`], so the page carries
//! no JSON parser of its own (scenario files).

use crate::json::{Json, Number};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The browser's `JSON.parse(text, reviver)`.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse_with_reviver(text: &str, reviver: &js_sys::Function) -> Result<JsValue, JsValue>;
}

/// Parses JSON text with the browser's `JSON.parse` into the core's [`Json`],
/// so the page carries no JSON parser of its own.
///
/// Numbers keep their exact source text where the browser gives it to the reviver (JSON.parse
/// source text access; elsewhere the shortest text of the double), and are read as serde_json
/// reads them, so a 64-bit seed survives exactly. The reviver sees numbers in the order the walk
/// below visits them (depth first, keys in the object's own order).
pub fn parse_json(text: &str) -> Result<Json, String> {
    let sources: Rc<RefCell<Vec<String>>> = Rc::default();
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

/// One parsed JavaScript value as [`Json`]; numbers take the next source text.
fn from_js(value: &JsValue, sources: &[String], next: &mut usize) -> Json {
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
        let keys = js_sys::Object::keys(&object);
        let entries = keys.iter().map(|key| {
            let item = js_sys::Reflect::get(&object, &key).unwrap_or(JsValue::NULL);
            (
                key.as_string().unwrap_or_default(),
                from_js(&item, sources, next),
            )
        });
        Json::object_from_entries(entries)
    }
}
