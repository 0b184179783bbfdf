//! "My scenarios": the scenarios a reader saved in the browser under names of their own, as a list
//! the page keeps in one `localStorage` key ([`STORAGE_KEY`]). This module is the list's rules and
//! its stored text, with no browser in sight (the page reads and writes the key through
//! `web::storage`, and parses the text with the browser's `JSON.parse`).
//!
//! # Stored format
//!
//! The key [`STORAGE_KEY`] (`ree-outlook.saved.v1`; a new format would take a new key) holds a JSON
//! array, oldest first, of objects with three strings:
//!
//! ```json
//! [{"name":"Skeptic, high sanctions","link":"v=1&p=skeptic&sanctions=0.9&st=separation&d=2025.1","saved":"2026-11-30"}]
//! ```
//!
//! `name` is the reader's name for it (see [`clean_name`]), `link` the scenario's link fragment
//! without `#` (opened through `url::decode`, exactly as the link would be, so a fragment saved by an
//! older version opens with the same notices) and `saved` the day it was saved (`YYYY-MM-DD`, the
//! reader's calendar).
//!
//! # Rules
//!
//! - A name is trimmed, its runs of spaces, line breaks and control characters become one space,
//!   and it must be 1 to [`MAX_NAME_CHARS`] characters long.
//! - Names are unique: saving (or renaming) under a name already taken keeps both scenarios and
//!   suffixes the new name (`Skeptic (2)`), and the message says so. Nothing is ever replaced.
//! - At most [`MAX_ENTRIES`] scenarios are kept; saving one more is refused with a message.
//! - An entry that cannot be read (not an object with a `name` and a `link` string) is skipped, named
//!   in [`SavedList::skipped`], and written back unchanged after the readable ones, so nothing stored
//!   is lost. A stored value that is not a JSON array is refused as a whole ([`SavedList::parse`]
//!   fails), and the page then never writes over it without keeping it aside first.

use crate::json::{get, Json};

/// The `localStorage` key holding the list.
pub const STORAGE_KEY: &str = "ree-outlook.saved.v1";

/// Where the page keeps an unreadable stored list before it begins a new one (only when this key is free).
pub const UNREADABLE_KEY: &str = "ree-outlook.saved.v1.unreadable";

/// Longest name, in characters (Unicode scalar values).
pub const MAX_NAME_CHARS: usize = 60;

/// Most scenarios kept.
pub const MAX_ENTRIES: usize = 100;

/// One saved scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    /// The reader's name for it (clean and unique in its list).
    pub name: String,
    /// The scenario's link fragment, without `#`.
    pub link: String,
    /// The day it was saved, `YYYY-MM-DD`.
    pub saved: String,
}

/// The stored list: the readable entries, and the unreadable ones kept as they were.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SavedList {
    /// The readable entries, oldest first.
    pub entries: Vec<Saved>,
    /// Entries that could not be read, written back unchanged after the readable ones.
    pub kept: Vec<Json>,
    /// What each unreadable entry was, for the reader: `entry 3 ("name")` or `entry 3`.
    pub skipped: Vec<String>,
}

/// The name the reader typed, cleaned: trimmed, with each run of whitespace and control characters
/// as one space; or why it cannot be used (empty, longer than [`MAX_NAME_CHARS`]).
pub fn clean_name(raw: &str) -> Result<String, String> {
    let name = raw
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let length = name.chars().count();
    if length == 0 {
        Err("Type a name for the scenario first.".to_string())
    } else if length > MAX_NAME_CHARS {
        Err(format!(
            "A name can have at most {MAX_NAME_CHARS} characters; this one has {length}."
        ))
    } else {
        Ok(name)
    }
}

impl SavedList {
    /// The list from the stored value, parsed as JSON (`Err`: the parser's complaint). An entry
    /// that cannot be read is kept aside and named; a value that is not an array is refused, with why.
    pub fn parse(parsed: Result<Json, String>) -> Result<SavedList, String> {
        let Ok(Json::Array(items)) = parsed else {
            return Err("it is not a list of scenarios".to_string());
        };
        let mut list = SavedList::default();
        for (index, item) in items.into_iter().enumerate() {
            let text = |key| {
                item.as_object()
                    .and_then(|entries| get(entries, key)?.as_str())
            };
            let name = text("name").and_then(|name| clean_name(name).ok());
            match (name, text("link")) {
                (Some(name), Some(link)) if list.position(&name).is_none() => {
                    list.entries.push(Saved {
                        name,
                        link: link.to_string(),
                        saved: text("saved").unwrap_or_default().to_string(),
                    })
                }
                _ => {
                    list.skipped.push(match text("name") {
                        Some(name) => format!("entry {} (“{name}”)", index + 1),
                        None => format!("entry {}", index + 1),
                    });
                    list.kept.push(item);
                }
            }
        }
        Ok(list)
    }

    /// The text to store: the entries, then the unreadable ones as they were.
    pub fn to_json(&self) -> String {
        let text = |value: &str| Json::String(value.to_string());
        let items = self.entries.iter().map(|entry| {
            Json::Object(vec![
                ("name".to_string(), text(&entry.name)),
                ("link".to_string(), text(&entry.link)),
                ("saved".to_string(), text(&entry.saved)),
            ])
        });
        Json::Array(items.chain(self.kept.iter().cloned()).collect()).to_compact()
    }

    /// What the reader should know about the entries that could not be read (empty when none).
    pub fn skipped_note(&self) -> String {
        match self.skipped.len() {
            0 => String::new(),
            count => format!(
                "{count} saved {} could not be read and {} left as stored: {}.",
                if count == 1 { "scenario" } else { "scenarios" },
                if count == 1 { "is" } else { "are" },
                self.skipped.join(", ")
            ),
        }
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.entries.iter().position(|entry| entry.name == name)
    }

    /// `name`, or when another entry than `except` has it, `name (2)`, `name (3)`, … (the name
    /// shortened so the whole stays within [`MAX_NAME_CHARS`]).
    fn unique(&self, name: String, except: Option<usize>) -> String {
        let taken = |candidate: &str| {
            self.position(candidate)
                .is_some_and(|index| Some(index) != except)
        };
        let mut candidate = name.clone();
        let mut number = 1;
        while taken(&candidate) {
            number += 1;
            let suffix = format!(" ({number})");
            let room = MAX_NAME_CHARS - suffix.chars().count();
            let base: String = name.chars().take(room).collect();
            candidate = format!("{}{suffix}", base.trim_end());
        }
        candidate
    }

    /// The message for an entry stored as `name` when the reader asked for `asked`.
    fn named(done: &str, name: &str, asked: &str) -> String {
        if name == asked {
            format!("{done} “{name}”.")
        } else {
            format!("{done} “{name}”, as “{asked}” was already taken.")
        }
    }

    /// Saves `link` under the name `raw` (cleaned, made unique) on `day`; says what it did, or why not.
    pub fn save(&mut self, raw: &str, link: &str, day: &str) -> Result<String, String> {
        let asked = clean_name(raw)?;
        if self.entries.len() + self.kept.len() >= MAX_ENTRIES {
            return Err(format!(
                "This browser keeps at most {MAX_ENTRIES} scenarios here: delete one first."
            ));
        }
        let name = self.unique(asked.clone(), None);
        let message = Self::named("Saved", &name, &asked);
        self.entries.push(Saved {
            name,
            link: link.to_string(),
            saved: day.to_string(),
        });
        Ok(message)
    }

    /// Renames the entry `old` to `raw` (cleaned, made unique); says what it did, or why not.
    pub fn rename(&mut self, old: &str, raw: &str) -> Result<String, String> {
        let asked = clean_name(raw)?;
        let index = self.position(old).ok_or_else(|| gone(old))?;
        let name = self.unique(asked.clone(), Some(index));
        let message = Self::named(&format!("Renamed “{old}” to"), &name, &asked);
        self.entries[index].name = name;
        Ok(message)
    }

    /// Deletes the entry `name`; says so, or that it was not there.
    pub fn delete(&mut self, name: &str) -> Result<String, String> {
        let index = self.position(name).ok_or_else(|| gone(name))?;
        self.entries.remove(index);
        Ok(format!("Deleted “{name}”."))
    }

    /// The entry called `name`.
    pub fn find(&self, name: &str) -> Option<&Saved> {
        self.position(name).map(|index| &self.entries[index])
    }
}

/// Why an entry the page listed cannot be changed.
fn gone(name: &str) -> String {
    format!(
        "“{name}” is no longer saved (changed in another tab?); the list now shows what is stored."
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn list(text: &str) -> Result<SavedList, String> {
        SavedList::parse(parse(text))
    }

    #[test]
    fn names_are_trimmed_collapsed_and_limited() {
        assert_eq!(
            clean_name("  Skeptic \n\t high  "),
            Ok("Skeptic high".to_string())
        );
        assert_eq!(clean_name("a\u{0}b\u{7f}c"), Ok("a b c".to_string()));
        assert!(clean_name("").is_err());
        assert!(clean_name(" \n\t\u{3000} ").is_err());
        let longest = "é".repeat(MAX_NAME_CHARS);
        assert_eq!(clean_name(&longest), Ok(longest.clone()));
        let error = clean_name(&format!("{longest}x")).err().unwrap_or_default();
        assert!(
            error.contains("at most 60 characters; this one has 61"),
            "{error}"
        );
        // Unicode counts in characters, not bytes, and passes through unchanged.
        assert_eq!(
            clean_name("Россия 🇷🇺 2030"),
            Ok("Россия 🇷🇺 2030".to_string())
        );
    }

    #[test]
    fn save_rename_delete_round_trip_through_the_stored_text() {
        let mut saved = SavedList::default();
        assert_eq!(
            saved.save(" Skeptic ", "v=1&p=skeptic", "2026-11-30"),
            Ok("Saved “Skeptic”.".to_string())
        );
        assert_eq!(
            saved.save("Hub «€» \"q\"", "v=1&p=hub-budget", "2026-12-01"),
            Ok("Saved “Hub «€» \"q\"”.".to_string())
        );
        let text = saved.to_json();
        assert_eq!(
            text,
            r#"[{"name":"Skeptic","link":"v=1&p=skeptic","saved":"2026-11-30"},{"name":"Hub «€» \"q\"","link":"v=1&p=hub-budget","saved":"2026-12-01"}]"#
        );
        let mut read = list(&text).unwrap_or_default();
        assert_eq!(read, saved);
        assert_eq!(
            read.rename("Skeptic", "  Sceptic "),
            Ok("Renamed “Skeptic” to “Sceptic”.".to_string())
        );
        assert_eq!(
            read.find("Sceptic").map(|entry| entry.link.as_str()),
            Some("v=1&p=skeptic")
        );
        assert!(read.find("Skeptic").is_none());
        assert_eq!(read.delete("Sceptic"), Ok("Deleted “Sceptic”.".to_string()));
        assert_eq!(read.entries.len(), 1);
        assert!(
            read.delete("Sceptic").is_err(),
            "deleting what is gone says so"
        );
        assert!(
            read.rename("Sceptic", "x").is_err(),
            "renaming what is gone says so"
        );
        assert_eq!(list("[]"), Ok(SavedList::default()));
    }

    #[test]
    fn duplicate_names_are_suffixed_never_replaced() {
        let mut saved = SavedList::default();
        for link in ["a", "b", "c"] {
            assert!(saved.save("Skeptic", link, "2026-11-30").is_ok());
        }
        let names: Vec<&str> = saved
            .entries
            .iter()
            .map(|entry| entry.name.as_str())
            .collect();
        assert_eq!(names, ["Skeptic", "Skeptic (2)", "Skeptic (3)"]);
        assert_eq!(
            saved.save("Skeptic", "d", "2026-11-30"),
            Ok("Saved “Skeptic (4)”, as “Skeptic” was already taken.".to_string())
        );
        // Renaming to its own name changes nothing; to another's name suffixes.
        assert_eq!(
            saved.rename("Skeptic (2)", "Skeptic (2)"),
            Ok("Renamed “Skeptic (2)” to “Skeptic (2)”.".to_string())
        );
        assert_eq!(
            saved.rename("Skeptic (4)", "Skeptic"),
            Ok(
                "Renamed “Skeptic (4)” to “Skeptic (4)”, as “Skeptic” was already taken."
                    .to_string()
            )
        );
        // A long name keeps within the limit with its suffix.
        let long = "x".repeat(MAX_NAME_CHARS);
        assert!(saved.save(&long, "e", "d").is_ok());
        assert!(saved.save(&long, "f", "d").is_ok());
        let last = saved
            .entries
            .last()
            .map(|entry| entry.name.clone())
            .unwrap_or_default();
        assert_eq!(last, format!("{} (2)", "x".repeat(MAX_NAME_CHARS - 4)));
        assert_eq!(last.chars().count(), MAX_NAME_CHARS);
    }

    #[test]
    fn bad_names_and_a_full_list_are_refused_and_change_nothing() {
        let mut saved = SavedList::default();
        assert!(saved.save("   ", "a", "d").is_err());
        assert!(saved
            .save(&"n".repeat(MAX_NAME_CHARS + 1), "a", "d")
            .is_err());
        assert!(saved.entries.is_empty());
        for index in 0..MAX_ENTRIES {
            assert!(saved.save(&format!("s{index}"), "a", "d").is_ok());
        }
        let before = saved.clone();
        let error = saved.save("one more", "a", "d").err().unwrap_or_default();
        assert!(error.contains("at most 100"), "{error}");
        assert!(saved.rename("s1", "").is_err());
        assert_eq!(saved, before);
    }

    #[test]
    fn corrupt_values_are_refused_whole_and_corrupt_entries_kept_and_named() {
        for text in ["", "{", "not json", "{\"a\":1}", "null", "\"[]\""] {
            assert!(list(text).is_err(), "{text:?} is refused");
        }
        let text = r#"[{"name":"Good","link":"v=1&p=skeptic","saved":"2026-11-30"},{"name":"No link"},7,{"name":"  ","link":"x"},{"name":"Good","link":"dup"},{"link":"v=1","name":"Undated"}]"#;
        let mut read = list(text).unwrap_or_default();
        let names: Vec<&str> = read
            .entries
            .iter()
            .map(|entry| entry.name.as_str())
            .collect();
        assert_eq!(names, ["Good", "Undated"]);
        assert_eq!(read.entries[1].saved, "");
        assert_eq!(read.kept.len(), 4);
        assert_eq!(
            read.skipped_note(),
            "4 saved scenarios could not be read and are left as stored: entry 2 (“No link”), entry 3, entry 4 (“  ”), entry 5 (“Good”)."
        );
        // A change writes the unreadable entries back as they were.
        assert!(read.delete("Good").is_ok());
        let again = list(&read.to_json()).unwrap_or_default();
        // (the duplicate "Good" is readable once the first is gone)
        assert_eq!(again.kept, read.kept[..3]);
        let names: Vec<&str> = again
            .entries
            .iter()
            .map(|entry| entry.name.as_str())
            .collect();
        assert_eq!(names, ["Undated", "Good"]);
        let one = list(r#"[1]"#).unwrap_or_default();
        assert_eq!(
            one.skipped_note(),
            "1 saved scenario could not be read and is left as stored: entry 1."
        );
        assert_eq!(SavedList::default().skipped_note(), "");
    }
}
