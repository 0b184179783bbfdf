//! The page: yew function components, one per file, around the one reducer in [`state`].
//!
//! Components get values and callbacks as props and keep no model logic; derived values
//! (projections, texts) are computed in render with `use_memo`, never stored.

pub mod analysis_hook;
pub mod analysis_panel;
pub mod chart_canvas;
pub mod controls;
pub mod downloads;
pub mod goal_seek;
pub mod headline;
pub mod notices;
pub mod param_control;
pub mod preset_picker;
pub mod projection_table;
pub mod root;
pub mod share_link;
pub mod stage_switch;
pub mod state;

pub use root::App;
