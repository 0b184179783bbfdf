//! A small JSON value for scenario files: read on either side, written the same way everywhere.
//!
//! The command line parses file text with serde_json ([`parse`]); the page parses it with the
//! browser's own `JSON.parse` (`web::json::parse_json`), so the page's wasm carries no JSON parser.
//! Both end in this one [`Json`] tree with serde_json's semantics (numbers are unsigned, signed or
//! floating as serde_json reads them; duplicate keys keep the last value; object keys are sorted),
//! so the strict loader in `scenario_file` behaves the same on both sides. [`Json::to_pretty`]
//! writes exactly what `serde_json::to_string_pretty` writes (a test compares them).

use std::fmt::Write;

/// A JSON number as serde_json holds it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// A non-negative integer.
    U64(u64),
    /// A negative integer.
    I64(i64),
    /// Anything else.
    F64(f64),
}

impl Number {
    /// The number read from its JSON text, with serde_json's rules: an integer literal is an
    /// integer when it fits in 64 bits, everything else a correctly rounded double.
    pub fn from_source(text: &str) -> Option<Number> {
        let integer = !text.contains(['.', 'e', 'E']);
        if integer {
            if let Ok(value) = text.parse::<u64>() {
                return Some(Number::U64(value));
            }
            if let Ok(value) = text.parse::<i64>() {
                // serde_json reads "-0" as the double -0.0.
                return Some(if value == 0 {
                    Number::F64(-0.0)
                } else {
                    Number::I64(value)
                });
            }
        }
        crate::text::parse_number(text).map(Number::F64)
    }

    /// The value as a double.
    pub fn as_f64(self) -> f64 {
        match self {
            Number::U64(value) => value as f64,
            Number::I64(value) => value as f64,
            Number::F64(value) => value,
        }
    }

    /// The value as an unsigned integer, if it is one.
    pub fn as_u64(self) -> Option<u64> {
        match self {
            Number::U64(value) => Some(value),
            Number::I64(_) | Number::F64(_) => None,
        }
    }

    fn write(self, out: &mut String) {
        match self {
            Number::U64(value) => {
                let _ = write!(out, "{value}");
            }
            Number::I64(value) => {
                let _ = write!(out, "{value}");
            }
            Number::F64(value) if value.is_finite() => {
                out.push_str(&crate::text::json_number(value));
            }
            Number::F64(_) => out.push_str("null"),
        }
    }
}

/// A JSON value. Objects keep their entries in order: sorted by key when read, as built when written.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// An object read from input: sorted by key, the last of duplicate keys kept (as serde_json does).
    pub fn object_from_entries(entries: impl IntoIterator<Item = (String, Json)>) -> Json {
        // A sorted insert rather than a map: far less code in the page (no B-tree, no sort routine).
        let mut sorted: Vec<(String, Json)> = Vec::new();
        for (key, value) in entries {
            match sorted.binary_search_by(|(existing, _)| existing.as_str().cmp(&key)) {
                Ok(index) => sorted[index].1 = value,
                Err(index) => sorted.insert(index, (key, value)),
            }
        }
        Json::Object(sorted)
    }

    /// The entries, if this is an object.
    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(entries) => Some(entries),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    /// The number as a double, if this is a number.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(number) => Some(number.as_f64()),
            _ => None,
        }
    }

    /// The number as an unsigned integer, if this is one.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(number) => number.as_u64(),
            _ => None,
        }
    }

    /// Compact JSON text, as serde_json's `Display` writes it (for messages).
    pub fn to_compact(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None);
        out
    }

    /// Pretty JSON text with two-space indentation, as `serde_json::to_string_pretty` writes it.
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(0));
        out
    }

    /// Writes the value; `indent` is the current depth when pretty, `None` when compact.
    fn write(&self, out: &mut String, indent: Option<usize>) {
        let newline = |out: &mut String, depth: usize| {
            out.push('\n');
            for _ in 0..depth {
                out.push_str("  ");
            }
        };
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Json::Number(number) => number.write(out),
            Json::String(text) => write_string(out, text),
            Json::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    if let Some(depth) = indent {
                        newline(out, depth + 1);
                    }
                    item.write(out, indent.map(|depth| depth + 1));
                }
                if let (Some(depth), false) = (indent, items.is_empty()) {
                    newline(out, depth);
                }
                out.push(']');
            }
            Json::Object(entries) => {
                out.push('{');
                for (index, (key, value)) in entries.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    if let Some(depth) = indent {
                        newline(out, depth + 1);
                    }
                    write_string(out, key);
                    out.push_str(if indent.is_some() { ": " } else { ":" });
                    value.write(out, indent.map(|depth| depth + 1));
                }
                if let (Some(depth), false) = (indent, entries.is_empty()) {
                    newline(out, depth);
                }
                out.push('}');
            }
        }
    }
}

/// The value of `key` in an object's entries.
pub fn get<'a>(entries: &'a [(String, Json)], key: &str) -> Option<&'a Json> {
    entries
        .iter()
        .find(|(candidate, _)| candidate == key)
        .map(|(_, value)| value)
}

/// A JSON string literal with serde_json's escapes.
fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Parses JSON text with serde_json (the command line and tests; the page uses the browser's
/// parser instead, so this and serde_json's parser are not in its wasm).
pub fn parse(text: &str) -> Result<Json, String> {
    serde_json::from_str::<serde_json::Value>(text)
        .map(from_serde)
        .map_err(|error| error.to_string())
}

/// The same value as a [`Json`].
fn from_serde(value: serde_json::Value) -> Json {
    use serde_json::Value;
    match value {
        Value::Null => Json::Null,
        Value::Bool(value) => Json::Bool(value),
        Value::Number(number) => Json::Number(match (number.as_u64(), number.as_i64()) {
            (Some(value), _) => Number::U64(value),
            (None, Some(value)) => Number::I64(value),
            (None, None) => Number::F64(number.as_f64().unwrap_or(f64::NAN)),
        }),
        Value::String(text) => Json::String(text),
        Value::Array(items) => Json::Array(items.into_iter().map(from_serde).collect()),
        Value::Object(map) => {
            Json::object_from_entries(map.into_iter().map(|(key, value)| (key, from_serde(value))))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_serde_json() {
        assert_eq!(Number::from_source("7"), Some(Number::U64(7)));
        assert_eq!(
            Number::from_source("-0").map(|number| number.as_f64().to_bits()),
            Some((-0.0f64).to_bits())
        );
        assert_eq!(Number::from_source("-3"), Some(Number::I64(-3)));
        assert_eq!(
            Number::from_source("18446744073709551615"),
            Some(Number::U64(u64::MAX))
        );
        assert_eq!(
            Number::from_source("18446744073709551616"),
            Some(Number::F64(18446744073709551616.0))
        );
        assert_eq!(Number::from_source("2028.0"), Some(Number::F64(2028.0)));
        assert_eq!(Number::from_source("1e-7"), Some(Number::F64(1e-7)));
        assert_eq!(Number::from_source("1e+400"), None);
        for text in [
            "7",
            "-0",
            "-3",
            "1.5",
            "1e-300",
            "0.1",
            "18446744073709551615",
            "2028.0",
        ] {
            let ours = Number::from_source(text).map(Json::Number);
            assert_eq!(ours, parse(text).ok(), "{text}");
        }
    }

    #[test]
    fn written_text_matches_serde_json() {
        let text = r#"{"b": [1, -2, 0.1, 1e-7, 2028.0, 1e300, -0, true, null, "a\"\\\n\u0001é x\t\r\b\f\u001f"], "a": {}, "c": [], "d": {"x": {"y": 18446744073709551615}}, "e": [[1, {"k": [2, []]}], {}]}"#;
        let ours = parse(text);
        let theirs: Result<serde_json::Value, _> = serde_json::from_str(text);
        assert!(ours.is_ok() && theirs.is_ok());
        if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
            assert_eq!(
                ours.to_pretty(),
                serde_json::to_string_pretty(&theirs).unwrap_or_default()
            );
            assert_eq!(ours.to_compact(), theirs.to_string());
        }
    }

    #[test]
    fn numbers_that_are_not_finite_are_written_as_null() {
        assert_eq!(Json::Number(Number::F64(f64::NAN)).to_compact(), "null");
        assert_eq!(Json::Number(Number::F64(f64::INFINITY)).to_pretty(), "null");
    }

    #[test]
    fn duplicate_keys_keep_the_last_and_keys_are_sorted() {
        let parsed = parse(r#"{"z": 1, "a": 2, "z": 3}"#);
        assert_eq!(
            parsed,
            Ok(Json::Object(vec![
                ("a".to_string(), Json::Number(Number::U64(2))),
                ("z".to_string(), Json::Number(Number::U64(3))),
            ]))
        );
    }
}
