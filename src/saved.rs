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
//! without `#` (opened by `url::decode`, as the link would be, so a fragment saved by an older
//! version opens with the same notices) and `saved` the day it was saved (`YYYY-MM-DD`, the reader's
//! calendar; shown as it is).
//!
//! # Rules
//!
//! - A name is trimmed and must be 1 to [`MAX_NAME_CHARS`] characters long (Unicode scalar values).
//! - Names are unique: saving or renaming to a name already saved is refused with a message
//!   ([`TAKEN`]: choose another name, or rename or delete the other first). Nothing is replaced.
//! - At most [`MAX_ENTRIES`] scenarios are kept; saving one more is refused.
//! - An entry that cannot be read (not an object with a `name` and a `link` string, or a name that
//!   breaks the rules or repeats an earlier one) is skipped, named in [`SavedList::skipped`], and
//!   written back unchanged after the readable ones, so nothing stored is lost. A stored value that
//!   is not a JSON array is refused as a whole ([`SavedList::parse`] fails): the page then lists
//!   nothing and changes nothing, so it never writes over it.
//!
//! Messages are fixed sentences (the list shows the names), each said in the page's status line.

use crate::i18n::Msg;
use crate::json::{get, Json};
use crate::tr;

/// The `localStorage` key holding the list.
pub const STORAGE_KEY: &str = "ree-outlook.saved.v1";

/// Longest name, in characters (Unicode scalar values).
pub const MAX_NAME_CHARS: usize = 60;

/// Most scenarios kept.
pub const MAX_ENTRIES: usize = 100;

/// Why a name cannot be used: it is empty.
pub const EMPTY: Msg = Msg::SavedEmpty;
/// Why a name cannot be used: it is longer than [`MAX_NAME_CHARS`].
pub const TOO_LONG: Msg = Msg::SavedTooLong;
/// Why a name cannot be used: another saved scenario has it.
pub const TAKEN: Msg = Msg::SavedTaken;
/// Why nothing more is saved.
pub const FULL: Msg = Msg::SavedFull;
/// Why an entry the page listed cannot be changed.
pub const GONE: Msg = Msg::SavedGone;
/// Why the stored value is refused as a whole.
pub const UNREADABLE: Msg = Msg::SavedUnreadable;

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
    /// What each unreadable entry was, for the reader: its `name` if it has one, else its place
    /// in the stored list (`no. 3`, counting from 1).
    pub skipped: Vec<String>,
}

/// The name the reader typed, trimmed; or why it cannot be used ([`EMPTY`], [`TOO_LONG`]).
pub fn clean_name(raw: &str) -> Result<String, Msg> {
    let name = raw.trim();
    match name.chars().count() {
        0 => Err(EMPTY),
        1..=MAX_NAME_CHARS => Ok(name.to_string()),
        _ => Err(TOO_LONG),
    }
}

impl SavedList {
    /// The list from the stored value, parsed as JSON (`Err`: the parser's complaint). An entry
    /// that cannot be read is kept aside and named; a value that is not an array is refused
    /// ([`UNREADABLE`]).
    pub fn parse(parsed: Result<Json, String>) -> Result<SavedList, Msg> {
        let Ok(Json::Array(items)) = parsed else {
            return Err(UNREADABLE);
        };
        let mut list = SavedList::default();
        for (index, item) in items.into_iter().enumerate() {
            let text = |key| {
                item.as_object()
                    .and_then(|entries| get(entries, key)?.as_str())
            };
            let name = text("name").unwrap_or_default();
            match (clean_name(name), text("link")) {
                (Ok(name), Some(link)) if list.position(&name).is_none() => {
                    list.entries.push(Saved {
                        name,
                        link: link.to_string(),
                        saved: text("saved").unwrap_or_default().to_string(),
                    })
                }
                _ => {
                    list.skipped.push(if name.trim().is_empty() {
                        tr!(Msg::SavedNumber, n = (index + 1).to_string())
                    } else {
                        tr!(Msg::SavedQuoted, name = name)
                    });
                    list.kept.push(item);
                }
            }
        }
        Ok(list)
    }

    /// The text to store: the entries, then the unreadable ones as they were.
    pub fn to_json(&self) -> String {
        let mut out = String::from("[");
        for entry in &self.entries {
            for (key, value) in [
                ("{\"name\":", &entry.name),
                (",\"link\":", &entry.link),
                (",\"saved\":", &entry.saved),
            ] {
                out.push_str(key);
                out.push_str(&Json::String(value.clone()).to_compact());
            }
            out.push_str("},");
        }
        for kept in &self.kept {
            out.push_str(&kept.to_compact());
            out.push(',');
        }
        if out.len() > 1 {
            out.pop();
        }
        out.push(']');
        out
    }

    /// What the reader should know about the entries that could not be read (`None` when none).
    pub fn skipped_note(&self) -> Option<String> {
        (!self.skipped.is_empty()).then(|| {
            tr!(
                Msg::SavedSkipped,
                list = self.skipped.join(tr!(Msg::ChartListComma))
            )
        })
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.entries.iter().position(|entry| entry.name == name)
    }

    /// The name `raw` cleaned, if no entry but `except` has it; or why it cannot be used.
    fn free_name(&self, raw: &str, except: Option<usize>) -> Result<String, Msg> {
        let name = clean_name(raw)?;
        match self.position(&name) {
            Some(index) if Some(index) != except => Err(TAKEN),
            _ => Ok(name),
        }
    }

    /// Saves `link` under the name `raw` on `day`, or says why not.
    pub fn save(&mut self, raw: &str, link: &str, day: &str) -> Result<(), Msg> {
        if self.entries.len() + self.kept.len() >= MAX_ENTRIES {
            return Err(FULL);
        }
        let name = self.free_name(raw, None)?;
        self.entries.push(Saved {
            name,
            link: link.to_string(),
            saved: day.to_string(),
        });
        Ok(())
    }

    /// Renames the entry `old` to `raw`, or says why not.
    pub fn rename(&mut self, old: &str, raw: &str) -> Result<(), Msg> {
        let index = self.position(old).ok_or(GONE)?;
        self.entries[index].name = self.free_name(raw, Some(index))?;
        Ok(())
    }

    /// Deletes the entry `name`, or says that it was not there.
    pub fn delete(&mut self, name: &str) -> Result<(), Msg> {
        let index = self.position(name).ok_or(GONE)?;
        self.entries.remove(index);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn list(text: &str) -> Result<SavedList, Msg> {
        SavedList::parse(parse(text))
    }

    fn names(list: &SavedList) -> Vec<&str> {
        list.entries
            .iter()
            .map(|entry| entry.name.as_str())
            .collect()
    }

    #[test]
    fn names_are_trimmed_and_limited() {
        assert_eq!(
            clean_name("  Skeptic \t high  "),
            Ok("Skeptic \t high".to_string())
        );
        assert_eq!(clean_name(""), Err(EMPTY));
        assert_eq!(clean_name(" \n\t\u{3000} "), Err(EMPTY));
        // Unicode counts in characters, not bytes, and passes through unchanged.
        let longest = "é".repeat(MAX_NAME_CHARS);
        assert_eq!(clean_name(&longest), Ok(longest.clone()));
        assert_eq!(clean_name(&format!("{longest}x")), Err(TOO_LONG));
        assert_eq!(
            clean_name("Россия 🇷🇺 2030 <b>&amp;</b>"),
            Ok("Россия 🇷🇺 2030 <b>&amp;</b>".to_string())
        );
        // The messages name the limits the constants set.
        assert!(tr!(TOO_LONG).contains(&MAX_NAME_CHARS.to_string()));
        assert!(tr!(FULL).contains(&MAX_ENTRIES.to_string()));
        assert!(tr!(UNREADABLE).contains(STORAGE_KEY));
    }

    #[test]
    fn save_rename_delete_round_trip_through_the_stored_text() {
        let mut saved = SavedList::default();
        assert_eq!(
            saved.save(" Skeptic ", "v=1&p=skeptic", "2026-11-30"),
            Ok(())
        );
        assert_eq!(
            saved.save("Hub «€» \"q\" \\ \n", "v=1&p=hub-budget", "2026-12-01"),
            Ok(())
        );
        let text = saved.to_json();
        assert_eq!(
            text,
            r#"[{"name":"Skeptic","link":"v=1&p=skeptic","saved":"2026-11-30"},{"name":"Hub «€» \"q\" \\","link":"v=1&p=hub-budget","saved":"2026-12-01"}]"#
        );
        // What serde_json reads back is what was saved.
        let mut read = list(&text).unwrap_or_default();
        assert_eq!(read, saved);
        assert_eq!(read.skipped_note(), None);
        assert_eq!(read.rename("Skeptic", "  Sceptic "), Ok(()));
        assert_eq!(names(&read), ["Sceptic", "Hub «€» \"q\" \\"]);
        assert_eq!(read.entries[0].link, "v=1&p=skeptic");
        assert_eq!(read.delete("Sceptic"), Ok(()));
        assert_eq!(read.entries.len(), 1);
        assert_eq!(read.delete("Sceptic"), Err(GONE));
        assert_eq!(read.rename("Sceptic", "x"), Err(GONE));
        assert_eq!(list("[]"), Ok(SavedList::default()));
        assert_eq!(SavedList::default().to_json(), "[]");
    }

    #[test]
    fn duplicate_names_are_refused_never_replaced() {
        let mut saved = SavedList::default();
        assert_eq!(saved.save("Skeptic", "a", "2026-11-30"), Ok(()));
        assert_eq!(saved.save("Hub", "b", "2026-11-30"), Ok(()));
        let before = saved.clone();
        // The same name after trimming is the same name.
        assert_eq!(saved.save("  Skeptic\n", "c", "2026-11-30"), Err(TAKEN));
        assert_eq!(saved.rename("Hub", "Skeptic"), Err(TAKEN));
        assert_eq!(saved, before);
        // Another case or script is another name; renaming to its own name changes nothing.
        assert_eq!(saved.save("skeptic", "d", "2026-11-30"), Ok(()));
        assert_eq!(
            saved.save("Ѕkeptic", "e", "2026-11-30"),
            Ok(()),
            "Cyrillic Ѕ"
        );
        assert_eq!(saved.rename("Hub", " Hub "), Ok(()));
        assert_eq!(names(&saved), ["Skeptic", "Hub", "skeptic", "Ѕkeptic"]);
    }

    #[test]
    fn bad_names_and_a_full_list_are_refused_and_change_nothing() {
        let mut saved = SavedList::default();
        assert_eq!(saved.save("   ", "a", "d"), Err(EMPTY));
        assert_eq!(
            saved.save(&"n".repeat(MAX_NAME_CHARS + 1), "a", "d"),
            Err(TOO_LONG)
        );
        assert!(saved.entries.is_empty());
        for index in 0..MAX_ENTRIES {
            assert_eq!(saved.save(&format!("s{index}"), "a", "d"), Ok(()));
        }
        let before = saved.clone();
        assert_eq!(saved.save("one more", "a", "d"), Err(FULL));
        assert_eq!(saved.rename("s1", ""), Err(EMPTY));
        assert_eq!(saved, before);
    }

    #[test]
    fn corrupt_values_are_refused_whole_and_corrupt_entries_kept_and_named() {
        for text in ["", "{", "not json", "{\"a\":1}", "null", "\"[]\""] {
            assert_eq!(list(text), Err(UNREADABLE), "{text:?} is refused");
        }
        let text = r#"[{"name":"Good","link":"v=1&p=skeptic","saved":"2026-11-30"},{"name":"No link"},7,{"name":"  ","link":"x"},{"name":"Good","link":"dup"},{"link":"v=1","name":"Undated"}]"#;
        let mut read = list(text).unwrap_or_default();
        assert_eq!(names(&read), ["Good", "Undated"]);
        assert_eq!(read.entries[1].saved, "");
        assert_eq!(read.kept.len(), 4);
        assert_eq!(
            read.skipped_note().unwrap_or_default(),
            "Saved scenarios that could not be read are left as stored: “No link”, no. 3, no. 4, “Good”."
        );
        // A change writes the unreadable entries back as they were (the second "Good" is
        // readable once the first is gone).
        assert_eq!(read.delete("Good"), Ok(()));
        let again = list(&read.to_json()).unwrap_or_default();
        assert_eq!(again.kept, read.kept[..3]);
        assert_eq!(names(&again), ["Undated", "Good"]);
    }
}
