//! The page's one reducer: the ground state (what a link carries, plus theme and notices)
//! and every action that changes it. Of the derived data only the projections are kept here
//! ([`Derived`]), recomputed when what they are computed from changes; texts never are.

use crate::analysis::{MonteCarloSettings, TARGET_YEAR_MAX, TARGET_YEAR_MIN};
use crate::app::chart_canvas::{Compared, References};
use crate::chart::Theme;
use crate::data::Region;
use crate::params::Param;
use crate::projection::Projection;
use crate::saved::Saved;
use crate::scenario::Scenario;
use crate::scenario::{Preset, PRESETS};
use crate::simulate::simulate;
use crate::state::{clean_name, LinkState, Reference, Shown, View, MAX_REFERENCES};
use crate::url::Decoded;
use crate::worker_protocol::AnalysisResults;
use std::rc::Rc;
use yew::{AttrValue, Reducible};

/// Most notices kept on screen; older ones are dropped first.
const MAX_NOTICES: usize = 20;

/// A dismissible message (a bad link, a refused file).
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Stable id, for dismissing and for keys.
    pub id: u32,
    /// The plain text shown.
    pub text: String,
}

/// Everything the page remembers. The URL is `url::encode(&state.link)`.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Scenario, preset, stage, view, reference and analysis settings: the link's content.
    pub link: LinkState,
    /// Light or dark colours, following the system.
    pub theme: Theme,
    /// Messages shown in `#notices`, oldest first.
    pub notices: Vec<Notice>,
    /// The id the next notice gets.
    pub next_notice_id: u32,
    /// Counts discrete changes (preset, file, reference) that deserve their own history entry.
    pub history_pushes: u32,
    /// What the last scenario file load did, shown beside the file input as well as in
    /// `#notices` (which is far up the page from the button that caused it).
    pub file_outcome: Option<String>,
    /// Whether the guided walk through the claims is on (`app::walk`; not part of the link).
    pub walking: bool,
    /// "My scenarios": the saved scenarios as last read or written (the stored list itself is in
    /// `localStorage`), and what the last action there did, shown beside the section's buttons.
    pub saved: (SavedEntries, AttrValue),
    /// The analyses' latest results (`app::analysis_hook`).
    pub analysis: Analysed,
    /// The projections of the link's scenario, its references and the analysed scenario.
    pub derived: Derived,
    /// The goal seek's answer, or what is wrong with its form (`app::goal_seek`; none yet).
    pub goal: Option<Result<crate::app::goal_seek::Answer, crate::app::goal_seek::Invalid>>,
    /// What "Copy link" did last (empty once the link changes; see `app::share_link`).
    pub copy_status: String,
    /// The language whose texts are in use ([`crate::i18n::language`]), so a change of language
    /// renders the page again.
    pub lang: crate::i18n::Lang,
}

/// The projections the page shows, recomputed by the reducer when the scenario, the references or
/// the analysed scenario change (rather than with `use_memo`, whose code the page would carry once
/// per memo); compared by identity, as they change only with what they are computed from.
#[derive(Clone, Debug)]
pub struct Derived {
    /// The link's scenario's projection.
    pub projection: Rc<Projection>,
    /// The pinned references' projections and labels.
    pub references: References,
    /// The projection of the scenario the analyses' results are for (none before the first).
    pub analysed: Option<Rc<Projection>>,
}

impl PartialEq for Derived {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.projection, &other.projection)
            && Rc::ptr_eq(&self.references, &other.references)
            && match (&self.analysed, &other.analysed) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
    }
}

impl Derived {
    /// The projections of `link`, and of the `analysed` scenario.
    fn of(link: &LinkState, analysed: Option<&Scenario>) -> Derived {
        Derived {
            projection: Rc::new(simulate(&link.scenario)),
            references: compared(&link.references),
            analysed: analysed.map(|scenario| Rc::new(simulate(scenario))),
        }
    }
}

/// The references' projections and labels.
fn compared(references: &[Reference]) -> References {
    Rc::new(
        references
            .iter()
            .enumerate()
            .map(|(index, reference)| Compared {
                projection: Rc::new(simulate(&reference.scenario)),
                label: reference.label(index).into(),
            })
            .collect(),
    )
}

/// The scenario the analyses' `results` are for.
fn analysed(results: &AnalysisResults) -> Option<Scenario> {
    results.input.map(|input| input.scenario)
}

/// The analyses' latest results, compared by identity: each publication renders the page again.
#[derive(Clone, Debug, Default)]
pub struct Analysed(pub Rc<AnalysisResults>);

impl PartialEq for Analysed {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The saved scenarios as last read or written, oldest first. Compared by identity: every read
/// or write makes a new one, and comparing the lists element by element would cost the page code.
#[derive(Clone, Debug, Default)]
pub struct SavedEntries(pub Rc<Vec<Saved>>);

impl PartialEq for SavedEntries {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl AppState {
    /// The state a link opens with: the decoded state and its notices.
    pub fn from_decoded(decoded: Decoded, theme: Theme) -> AppState {
        let mut state = AppState {
            derived: Derived::of(&decoded.state, None),
            link: decoded.state,
            theme,
            notices: Vec::new(),
            next_notice_id: 1,
            history_pushes: 0,
            file_outcome: None,
            walking: false,
            saved: Default::default(),
            analysis: Analysed::default(),
            goal: None,
            copy_status: String::new(),
            lang: crate::i18n::language(),
        };
        state.add_notices(link_notices(decoded.notices, decoded.data_note));
        state
    }

    /// The preset the scenario started from.
    pub fn preset(&self) -> &'static Preset {
        self.link.preset()
    }

    /// Adds one notice (see [`AppState::add_notices`]).
    pub fn notices_add(&mut self, text: String) {
        self.add_notices(vec![text]);
    }

    fn add_notices(&mut self, texts: Vec<String>) {
        for text in texts {
            // A notice already on screen is not repeated (the same old link opened again, or the
            // same mistake made twice): the one shown moves to the end, as the newest.
            if let Some(at) = self.notices.iter().position(|notice| notice.text == text) {
                let notice = self.notices.remove(at);
                self.notices.push(notice);
                continue;
            }
            self.notices.push(Notice {
                id: self.next_notice_id,
                text,
            });
            self.next_notice_id = self.next_notice_id.wrapping_add(1);
        }
        let excess = self.notices.len().saturating_sub(MAX_NOTICES);
        self.notices.drain(..excess);
    }
}

/// Notices from a link decode, introduced so the reader knows where they come from.
/// The note that the link was made with older data comes first.
fn link_notices(notices: Vec<String>, data_note: Option<String>) -> Vec<String> {
    data_note
        .into_iter()
        .chain(notices)
        .map(|notice| crate::tr!(crate::i18n::Msg::NoticeFromLink, notice = notice))
        .collect()
}

/// Every change the page can make to its state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A slider or button set one parameter (clamped into its range).
    SetParam(Param, f64),
    /// The preset picker chose a preset: its scenario replaces the current one.
    PickPreset(&'static str),
    /// The guided walk: open the preset at this index of `PRESETS` with the walk on, or end it.
    Walk(Option<usize>),
    /// Back to the current preset's values.
    ResetToPreset,
    /// The stage switch chose a stage or a product of separation.
    Show(Shown),
    /// Charts only, or the table as well.
    SetView(View),
    /// The address changed (back, forward, an edited fragment; `false`) or a saved scenario was
    /// opened (`true`: it gets its own history entry): show what the link says.
    Navigate(Decoded, bool),
    /// A scenario file was read: its state and notices, or why it was refused.
    LoadFile(Result<(LinkState, Vec<String>), String>),
    /// Show a message.
    Notify(String),
    /// "My scenarios" changed: its entries (`None`: as they were) and status.
    Saved(Option<SavedEntries>, AttrValue),
    /// The analyses have new results.
    Analysed(Rc<AnalysisResults>),
    /// The goal seek answered, or found its form unreadable.
    Goal(Result<crate::app::goal_seek::Answer, crate::app::goal_seek::Invalid>),
    /// What "Copy link" did (empty: nothing to say, for a changed link).
    CopyStatus(String),
    /// Remove a message.
    DismissNotice(u32),
    /// The system colour scheme changed.
    SetTheme(Theme),
    /// A language's texts are in use now: the one the reader chose (kept in the link, with a
    /// history entry), or the one a link or the browser asked for (`false`).
    Language(crate::i18n::Lang, bool),
    /// Pin the current scenario as the next reference for comparison (up to
    /// [`MAX_REFERENCES`]; ignored when that many are pinned).
    PinReference,
    /// Remove the pinned reference at this index (the later ones move up and take its line).
    RemoveReference(usize),
    /// Give the reference at this index a name (cleaned by [`clean_name`]; empty: its default).
    NameReference(usize, String),
    /// Stop comparing: remove every reference.
    ClearReference,
    /// The target share for Russia in the target year (a fraction).
    SetTarget(f64),
    /// The year the target is checked in (clamped into the link's range).
    SetTargetYear(u16),
    /// The region the fan chart shows.
    SetFanRegion(Region),
    /// The Monte Carlo runs and seed (`None`: the defaults).
    SetMonteCarlo(Option<MonteCarloSettings>),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetParam(param, value) => {
                if !value.is_finite() {
                    return self;
                }
                next.link.scenario.set(param, value);
            }
            Action::PickPreset(id) => {
                let Some(preset) = Preset::find(id) else {
                    return self;
                };
                next.link.preset = preset.id.to_string();
                next.link.scenario = preset.scenario();
                next.history_pushes = next.history_pushes.wrapping_add(1);
            }
            Action::Walk(step) => {
                next.walking = step.is_some();
                if let Some(preset) = step.and_then(|step| PRESETS.get(step)) {
                    return Rc::new(next).reduce(Action::PickPreset(preset.id));
                }
            }
            Action::ResetToPreset => {
                next.link.scenario = self.preset().scenario();
                next.history_pushes = next.history_pushes.wrapping_add(1);
            }
            Action::Show(shown) => next.link.show(shown),
            Action::SetView(view) => next.link.view = view,
            Action::Navigate(decoded, push) => {
                next.link = decoded.state;
                next.add_notices(link_notices(decoded.notices, decoded.data_note));
                if push {
                    next.history_pushes = next.history_pushes.wrapping_add(1);
                }
            }
            Action::LoadFile(Ok((link, notices))) => {
                next.link = link;
                let notices: Vec<String> = notices
                    .into_iter()
                    .map(|notice| crate::tr!(crate::i18n::Msg::NoticeFromFile, notice = notice))
                    .collect();
                next.file_outcome = Some(notices.join(" "));
                next.add_notices(notices);
                next.history_pushes = next.history_pushes.wrapping_add(1);
            }
            Action::LoadFile(Err(message)) => {
                next.file_outcome = Some(message.clone());
                next.add_notices(vec![message]);
            }
            Action::Notify(text) => next.notices_add(text),
            Action::Saved(entries, status) => {
                if let Some(entries) = entries {
                    next.saved.0 = entries;
                }
                next.saved.1 = status;
            }
            Action::Analysed(results) => next.analysis = Analysed(results),
            Action::Goal(answer) => next.goal = Some(answer),
            Action::CopyStatus(text) => next.copy_status = text,
            Action::DismissNotice(id) => next.notices.retain(|notice| notice.id != id),
            Action::SetTheme(theme) => next.theme = theme,
            Action::Language(lang, chosen) => {
                next.lang = lang;
                if chosen {
                    next.link.lang = Some(lang);
                    next.history_pushes = next.history_pushes.wrapping_add(1);
                }
            }
            Action::PinReference => {
                if self.link.references.len() >= MAX_REFERENCES {
                    return self;
                }
                next.link
                    .references
                    .push(Reference::new(self.link.scenario));
                next.history_pushes = next.history_pushes.wrapping_add(1);
            }
            Action::RemoveReference(index) => {
                if index < next.link.references.len() {
                    next.link.references.remove(index);
                    next.history_pushes = next.history_pushes.wrapping_add(1);
                }
            }
            Action::NameReference(index, name) => {
                // The field holds at most 40 characters and no control characters can be typed:
                // what `clean_name` drops here needs no notice.
                if let Some(reference) = next.link.references.get_mut(index) {
                    reference.name = clean_name(&name).0;
                }
            }
            Action::ClearReference => {
                next.link.references.clear();
                next.history_pushes = next.history_pushes.wrapping_add(1);
            }
            Action::SetTarget(share) => {
                if !(share.is_finite() && share > 0.0 && share < 1.0) {
                    return self;
                }
                let default = crate::projection::RUSSIA_TARGETS[0];
                next.link.target = ((share - default).abs() > 1e-12).then_some(share);
            }
            Action::SetTargetYear(year) => {
                next.link.target_year = year.clamp(TARGET_YEAR_MIN, TARGET_YEAR_MAX);
            }
            Action::SetFanRegion(region) => next.link.fan_region = region,
            Action::SetMonteCarlo(run) => next.link.monte_carlo = run,
        }
        // What is derived follows what it is derived from.
        if next.link.scenario != self.link.scenario {
            next.derived.projection = Rc::new(simulate(&next.link.scenario));
        }
        // The references' labels ("Skeptic (dashed)") are in the reader's language.
        if next.link.references != self.link.references || next.lang != self.lang {
            next.derived.references = compared(&next.link.references);
        }
        let analysed_now = analysed(&next.analysis.0);
        if analysed_now != analysed(&self.analysis.0) {
            next.derived.analysed = analysed_now.map(|scenario| Rc::new(simulate(&scenario)));
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
