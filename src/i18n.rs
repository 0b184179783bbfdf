//! The page's languages: English, Russian and Simplified Chinese.
//!
//! Every text a reader sees is a [`Msg`], named after its key in `i18n/en.json`; `i18n/ru.json` and
//! `i18n/zh.json` hold the same keys (a native test names any key a language lacks). English is
//! compiled in (`build.rs`), so an English reader's page waits for no file; the build ships each
//! other language as `i18n/<lang>.json` beside the page, its texts in [`Msg`]'s order, which the
//! page reads before it first draws (and the service worker keeps for offline use).
//!
//! Texts name their values in braces, `{share}`, which [`text`] fills in; a plural's forms are
//! chosen by the language's rules ([`plural_index`]). Numbers are written in the language's style
//! by [`crate::text`] once [`set_language`] has set it: decimal comma and non-breaking spaces
//! between thousands in Russian, points and no grouping surprises in Chinese. Machine text (links,
//! CSV, JSON, the command line) never changes with the language.
//!
//! This module is pure: the catalogue arrives as [`Json`] and nothing here touches a browser.

use crate::json::Json;
use std::cell::RefCell;

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// A language of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// English, compiled in.
    #[default]
    En,
    /// Russian.
    Ru,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// Every language, in the order the switch lists them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Zh];

    /// The code in links, files and the document's `lang` attribute: "en", "ru", "zh".
    pub fn id(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Zh => "zh",
        }
    }

    /// The language a code names (case-insensitive): "ru", "ru-RU", "zh-Hans-CN" and "zh-CN" name
    /// theirs; `None` for others.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|lang| primary.eq_ignore_ascii_case(lang.id()))
    }

    /// The language's own name, as the switch shows it.
    pub fn name(self) -> Msg {
        match self {
            Lang::En => Msg::LangNameEn,
            Lang::Ru => Msg::LangNameRu,
            Lang::Zh => Msg::LangNameZh,
        }
    }

    /// The plural forms a text of this language gives, in the order a catalogue lists them.
    pub fn plural_forms(self) -> &'static [&'static str] {
        match self {
            Lang::En => &["one", "other"],
            Lang::Ru => &["one", "few", "many", "other"],
            Lang::Zh => &["other"],
        }
    }
}

/// The form of a plural that `n` takes in `lang`, an index into [`Lang::plural_forms`] (the CLDR
/// rules for cardinals: English "1 year", "2 years"; Russian "1 год", "2 года", "5 лет", "1,5 года";
/// Chinese has one form).
pub fn plural_index(lang: Lang, n: f64) -> usize {
    let whole = n.fract() == 0.0 && n.abs() < 1e15;
    match lang {
        Lang::En => usize::from(n != 1.0),
        Lang::Zh => 0,
        Lang::Ru if !whole => 3,
        Lang::Ru => {
            let n = n.abs() as u64;
            match (n % 10, n % 100) {
                (1, rest) if rest != 11 => 0,
                (2..=4, rest) if !(12..=14).contains(&rest) => 1,
                _ => 2,
            }
        }
    }
}

/// A language's texts, in [`Msg`]'s order; a text it lacks is English's.
///
/// Its texts live as long as the page (a catalogue is read once per language and kept), so
/// [`t`] gives `&'static str` as English does, without a copy per use.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalogue {
    lang: Lang,
    /// Each message's forms (empty where the catalogue lacks it).
    texts: Vec<Vec<&'static str>>,
}

impl Catalogue {
    /// `lang`'s catalogue from the file the build ships: a JSON array in [`Msg`]'s order whose
    /// items are a text, an array of the language's plural forms, or null where a text is missing.
    /// `Err` says what is wrong with a file that is not such an array.
    pub fn from_json(lang: Lang, json: &Json) -> Result<Catalogue, String> {
        let Json::Array(items) = json else {
            return Err("not a list of texts".into());
        };
        if items.len() != MESSAGES {
            return Err(format!(
                "{} texts where the page has {}",
                items.len(),
                MESSAGES
            ));
        }
        let forms = lang.plural_forms().len();
        let texts = items
            .iter()
            .enumerate()
            .map(|(index, item)| match item {
                Json::String(text) if !is_plural(index) => vec![keep(text)],
                Json::Array(list) if is_plural(index) && list.len() == forms => list
                    .iter()
                    .map(|form| match form {
                        Json::String(text) => keep(text),
                        _ => "",
                    })
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
        Ok(Catalogue { lang, texts })
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }
}

thread_local! {
    /// Each message's English, split from [`ENGLISH_TEXT`] at its first use.
    static ENGLISH: Vec<&'static str> = ENGLISH_TEXT.split('\0').collect();
}

/// The English of message number `index`: its one text, or a plural's one and other forms.
fn english(index: usize) -> &'static str {
    ENGLISH.with(|all| all[index])
}

/// The English of the text `msg` (not a plural) as a constant, for a table whose English links,
/// files and the command line read (a parameter's label, a preset's title): it is the compiled
/// English itself, not a second copy; [`t`] gives the same text in the reader's language.
pub const fn english_const(msg: Msg) -> &'static str {
    let (bytes, index) = (ENGLISH_TEXT.as_bytes(), msg as usize);
    let (mut at, mut seen, mut start) = (0, 0, 0);
    while at < bytes.len() && seen <= index {
        if bytes[at] == 0 {
            seen += 1;
            if seen == index {
                start = at + 1;
            }
        }
        at += 1;
    }
    let end = if seen > index { at - 1 } else { at };
    let (_, rest) = bytes.split_at(start);
    let (text, _) = rest.split_at(end - start);
    match std::str::from_utf8(text) {
        Ok(text) => text,
        Err(_) => panic!("a text ends inside a character"),
    }
}

/// Whether message number `index` is a plural.
fn is_plural(index: usize) -> bool {
    english(index).contains('\u{1f}')
}

/// A text read from a catalogue, kept for the page's lifetime (see [`Catalogue`]).
fn keep(text: &str) -> &'static str {
    Box::leak(text.into())
}

thread_local! {
    /// The language texts are given in, with its catalogue (none for English).
    static CURRENT: RefCell<Option<Catalogue>> = const { RefCell::new(None) };
}

/// Gives every later text in `catalogue`'s language (English with `None`), and sets how
/// [`crate::text`] writes numbers for a reader.
pub fn set_language(catalogue: Option<Catalogue>) {
    crate::text::set_number_style(match catalogue.as_ref().map(Catalogue::lang) {
        Some(Lang::Ru) => crate::text::NumberStyle::RUSSIAN,
        _ => crate::text::NumberStyle::PLAIN,
    });
    CURRENT.with(|current| *current.borrow_mut() = catalogue);
}

/// The language texts are given in now.
pub fn language() -> Lang {
    CURRENT.with(|current| current.borrow().as_ref().map_or(Lang::En, Catalogue::lang))
}

/// The template of `msg` in the current language (a plural's form for `n`), English where the
/// catalogue lacks it.
#[inline(never)]
fn template(msg: Msg, n: Option<f64>) -> &'static str {
    let translated = CURRENT.with(|current| {
        let current = current.borrow();
        let catalogue = current.as_ref()?;
        let form = n.map_or(0, |n| plural_index(catalogue.lang, n));
        catalogue.texts[msg as usize]
            .get(form)
            .copied()
            .filter(|text| !text.is_empty())
    });
    translated.unwrap_or_else(|| {
        let all = english(msg as usize);
        match (n, all.split_once('\u{1f}')) {
            (Some(n), Some((one, other))) => {
                if plural_index(Lang::En, n) == 0 {
                    one
                } else {
                    other
                }
            }
            _ => all,
        }
    })
}

/// `msg` in the current language, as it is (a text without values).
#[inline(never)]
pub fn t(msg: Msg) -> &'static str {
    template(msg, None)
}

/// `msg` in the current language with its values filled in, given in the order the English
/// names them first (`tr!` checks the names when the page is compiled).
#[inline(never)]
pub fn text(msg: Msg, values: &[&str]) -> String {
    fill(template(msg, None), values)
}

/// The plural `msg` in the form `n` takes, with its values (`{n}` among them: `n` as the reader
/// reads it) in the English's order.
pub fn plural(msg: Msg, n: f64, values: &[&str]) -> String {
    fill(template(msg, Some(n)), values)
}

/// `template` with each `{i}` replaced by `values[i]`, in one pass (a value's own braces are not
/// read again; any other brace stays as written).
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let bytes = after.as_bytes();
        let value = match bytes {
            [digit @ b'0'..=b'9', b'}', ..] => values.get(usize::from(digit - b'0')),
            _ => None,
        };
        match value {
            Some(value) => {
                out.push_str(value);
                rest = &after[2..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `template` with each `{name}` of `values` replaced by its value, in one pass: for the pages
/// written at build time ([`PageTexts`]), whose keyed texts keep their names.
fn fill_named(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            let value = values.iter().find(|(key, _)| *key == name)?.1;
            Some((value, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A keyed text with each `{name}` of `names` written `{i}`, its index, as build.rs writes the
/// English and scripts/post_build.py the page's catalogues (for [`PageTexts::catalogue`]).
fn positional(text: &str, names: &[&str]) -> String {
    let values: Vec<String> = (0..names.len())
        .map(|index| format!("{{{index}}}"))
        .collect();
    let pairs: Vec<(&str, &str)> = names
        .iter()
        .zip(&values)
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
    fill_named(text, &pairs)
}

/// Whether `names` are `msg`'s value names in order: evaluated when the page is compiled, for
/// `tr!` (the names themselves are not shipped).
pub const fn names_are(msg: Msg, names: &[&str]) -> bool {
    NAMES[msg as usize].len() == names.len() && names_lead(msg, names)
}

/// Whether `msg`'s value names are the first of `names`, in order (a message chosen at run time
/// among wordings that use fewer or more of the same values, given all of them).
pub const fn names_lead(msg: Msg, names: &[&str]) -> bool {
    let wanted = NAMES[msg as usize];
    if wanted.len() > names.len() {
        return false;
    }
    let mut index = 0;
    while index < wanted.len() {
        let (a, b) = (wanted[index].as_bytes(), names[index].as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let mut at = 0;
        while at < a.len() {
            if a[at] != b[at] {
                return false;
            }
            at += 1;
        }
        index += 1;
    }
    true
}

/// One language's texts read by key from its file `i18n/<lang>.json`, English's where it lacks one:
/// for the static files written at build time (the all-claims pages, the track record's
/// translations), whose texts (`claims.*`, `track-record.*`) are not [`Msg`]s, so the page's
/// WebAssembly carries none of them (nothing there calls this, so the linker leaves it out).
#[derive(Debug, Clone)]
pub struct PageTexts {
    lang: Lang,
    own: Vec<(String, Json)>,
    english: Vec<(String, Json)>,
}

impl PageTexts {
    /// `lang`'s texts from the text of its file and of English's (`i18n/<lang>.json`, `i18n/en.json`).
    pub fn parse(lang: Lang, own: &str, english: &str) -> Result<PageTexts, String> {
        let object = |text: &str, name: &str| match crate::json::parse(text) {
            Ok(Json::Object(entries)) => Ok(entries),
            Ok(_) => Err(format!("i18n/{name}.json is not one object of key: text")),
            Err(error) => Err(format!("i18n/{name}.json: {error}")),
        };
        Ok(PageTexts {
            lang,
            own: object(own, lang.id())?,
            english: object(english, "en")?,
        })
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The text of `key` (a plural's form for `n`), or `None` where neither this language nor
    /// English has it.
    fn template(&self, key: &str, n: Option<f64>) -> Option<String> {
        let pick = |lang: Lang, value: &Json| -> Option<String> {
            match (value, n) {
                (Json::String(text), None) => Some(text.clone()),
                (Json::Object(forms), Some(n)) => {
                    let form = lang.plural_forms()[plural_index(lang, n)];
                    crate::json::get(forms, form)?.as_str().map(str::to_string)
                }
                _ => None,
            }
        };
        let own = crate::json::get(&self.own, key).and_then(|value| pick(self.lang, value));
        own.or_else(|| crate::json::get(&self.english, key).and_then(|value| pick(Lang::En, value)))
    }

    /// The text of `key` with each `{name}` of `values` filled in; the key itself where no
    /// language has it (so a page written with a misspelt key shows it, and its test fails).
    pub fn text(&self, key: &str, values: &[(&str, &str)]) -> String {
        self.template(key, None)
            .map_or_else(|| key.to_string(), |text| fill_named(&text, values))
    }

    /// The plural `key` in the form `n` takes, `{n}` filled with `n_text`, and `values`.
    pub fn plural(&self, key: &str, n: f64, n_text: &str, values: &[(&str, &str)]) -> String {
        self.template(key, Some(n)).map_or_else(
            || key.to_string(),
            |text| fill_named(&fill_named(&text, &[("n", n_text)]), values),
        )
    }

    /// The language's [`Catalogue`] (its [`Msg`] texts in the order the page's file lists them),
    /// for [`set_language`] while a page is written; `None` for English.
    pub fn catalogue(&self) -> Result<Option<Catalogue>, String> {
        if self.lang == Lang::En {
            return Ok(None);
        }
        let forms = self.lang.plural_forms();
        let items = KEYS
            .iter()
            .zip(NAMES)
            .map(|(key, names)| match crate::json::get(&self.own, key) {
                Some(Json::Object(plural)) => Json::Array(
                    forms
                        .iter()
                        .map(|form| match crate::json::get(plural, form) {
                            Some(Json::String(text)) => Json::String(positional(text, names)),
                            _ => Json::Null,
                        })
                        .collect(),
                ),
                Some(Json::String(text)) => Json::String(positional(text, names)),
                _ => Json::Null,
            })
            .collect();
        Catalogue::from_json(self.lang, &Json::Array(items)).map(Some)
    }

    /// `write()` run with every [`Msg`] and number in this language, then English again.
    pub fn written<R>(&self, write: impl FnOnce() -> R) -> Result<R, String> {
        set_language(self.catalogue()?);
        let result = write();
        set_language(None);
        Ok(result)
    }
}

/// `msg` in the current language: `tr!(Msg::LangLabel)` (a `&'static str`), or with values,
/// `tr!(Msg::LangUnknown, value = &quoted)` (a `String`). Values are named as in the English
/// text, in the order they first appear there; a wrong name or order does not compile. Where the
/// message is chosen at run time, `tr!(dyn msg, name = value, …)` checks in debug builds (the
/// native tests) that the message's names are the first of those given (wordings that leave out
/// the last values, such as "meets both targets" and "short of 12% by {a}", share one call).
///
/// ```
/// use ree_outlook::{i18n::Msg, tr};
/// assert!(tr!(Msg::LangUnknown, value = "'xx'").contains("'xx'"));
/// ```
///
/// A name the text does not give is a compile error:
///
/// ```compile_fail
/// use ree_outlook::{i18n::Msg, tr};
/// let _ = tr!(Msg::LangUnknown, language = "'xx'");
/// ```
#[macro_export]
macro_rules! tr {
    (dyn $msg:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let msg = $msg;
        debug_assert!(
            $crate::i18n::names_lead(msg, &[$(stringify!($name)),+]),
            "tr!: the message's values must be the first of those named, in its English's order"
        );
        $crate::i18n::text(msg, &[$(AsRef::<str>::as_ref(&$value)),+])
    }};
    ($msg:expr) => {
        $crate::i18n::t($msg)
    };
    ($msg:path, $($name:ident = $value:expr),+ $(,)?) => {{
        const _: () = assert!(
            $crate::i18n::names_are($msg, &[$(stringify!($name)),+]),
            "tr!: the values must be named as the English text names them, in the order they first appear"
        );
        $crate::i18n::text($msg, &[$(AsRef::<str>::as_ref(&$value)),+])
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_from_tags() {
        assert_eq!(Lang::from_tag("ru-RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_tag("ZH-hans-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("en"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn russian_plurals_follow_cldr() {
        let form = |n: f64| Lang::Ru.plural_forms()[plural_index(Lang::Ru, n)];
        for (n, expected) in [
            (1.0, "one"),
            (21.0, "one"),
            (11.0, "many"),
            (2.0, "few"),
            (24.0, "few"),
            (12.0, "many"),
            (14.0, "many"),
            (5.0, "many"),
            (0.0, "many"),
            (111.0, "many"),
            (1.5, "other"),
        ] {
            assert_eq!(form(n), expected, "{n}");
        }
        assert_eq!(plural_index(Lang::En, 1.0), 0);
        assert_eq!(plural_index(Lang::En, 2.0), 1);
        assert_eq!(plural_index(Lang::En, 0.0), 1);
    }

    #[test]
    fn fill_replaces_values_by_position_once() {
        assert_eq!(fill("{0} and {1}", &["{1}", "2"]), "{1} and 2");
        assert_eq!(fill("{1}, {0}, {1}", &["a", "b"]), "b, a, b");
        assert_eq!(fill("{2} {name} {", &["1"]), "{2} {name} {");
        assert_eq!(fill("no braces", &[]), "no braces");
    }

    #[test]
    fn value_names_are_checked_in_order() {
        assert!(names_are(Msg::LangUnknown, &["value"]));
        assert!(!names_are(Msg::LangUnknown, &["values"]));
        assert!(!names_are(Msg::LangUnknown, &[]));
        assert!(names_are(Msg::LangLabel, &[]));
        assert!(names_are(Msg::UnitYears, &["n"]));
        assert!(names_lead(Msg::HeadlineRussiaLow, &["measure", "a", "b"]));
        assert!(!names_lead(Msg::HeadlineRussiaLow, &["a", "measure"]));
        assert!(!names_are(Msg::HeadlineRussiaLow, &["measure", "a", "b"]));
    }

    #[test]
    fn page_texts_by_key_with_english_where_missing() {
        let english = r#"{"claims.a": "A {x}", "claims.b": "B", "claims.p": {"one": "{n} year", "other": "{n} years"}, "lang.label": "Language"}"#;
        let russian = r#"{"claims.a": "А {x}", "claims.p": {"few": "{n} года", "many": "{n} лет", "one": "{n} год", "other": "{n} года"}, "lang.label": "Язык"}"#;
        let texts = PageTexts::parse(Lang::Ru, russian, english);
        assert!(texts.is_ok(), "{texts:?}");
        let Ok(texts) = texts else { return };
        assert_eq!(texts.text("claims.a", &[("x", "1")]), "А 1");
        assert_eq!(texts.text("claims.b", &[]), "B");
        assert_eq!(texts.text("claims.none", &[]), "claims.none");
        assert_eq!(texts.plural("claims.p", 5.0, "5", &[]), "5 лет");
        assert_eq!(texts.plural("claims.p", 22.0, "22", &[]), "22 года");
        let written = texts.written(|| (t(Msg::LangLabel), crate::text::fixed(2.5, 1)));
        assert_eq!(written, Ok(("Язык", "2,5".to_string())));
        assert_eq!(t(Msg::LangLabel), "Language", "English again afterwards");
        assert!(PageTexts::parse(Lang::Zh, "[]", english).is_err());
    }

    #[test]
    fn catalogue_texts_with_english_where_missing() {
        let mut items = vec![Json::Null; MESSAGES];
        items[Msg::LangLabel as usize] = Json::String("Язык".into());
        items[Msg::UnitYears as usize] = Json::Array(
            ["{0} год", "{0} года", "{0} лет", "{0} года"]
                .map(|form| Json::String(form.into()))
                .to_vec(),
        );
        let catalogue = Catalogue::from_json(Lang::Ru, &Json::Array(items));
        assert!(catalogue.is_ok(), "{catalogue:?}");
        set_language(catalogue.ok());
        assert_eq!(tr!(Msg::LangLabel), "Язык");
        assert_eq!(plural(Msg::UnitYears, 5.0, &["5"]), "5 лет");
        assert_eq!(plural(Msg::UnitYears, 22.0, &["22"]), "22 года");
        assert_eq!(
            tr!(Msg::LangUnknown, value = "'xx'"),
            english(Msg::LangUnknown as usize).replace("{0}", "'xx'")
        );
        assert_eq!(crate::text::fixed(1234.5, 1), "1234,5");
        set_language(None);
        assert_eq!(plural(Msg::UnitYears, 1.0, &["1"]), "1 year");
        assert_eq!(crate::text::fixed(1234.5, 1), "1234.5");
        assert!(Catalogue::from_json(Lang::Zh, &Json::Array(Vec::new())).is_err());
    }
}
