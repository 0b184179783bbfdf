//! The control panel: one foldable group of sliders per parameter group, generated from the
//! table; the advanced assumptions start folded, and on narrow screens every group does.

use crate::app::param_control;
use crate::app::state::AppState;
use crate::i18n::Msg;
use crate::params::{Group, PARAMS};
use crate::scenario::Scenario;
use crate::tr;
use yew::prelude::*;

/// Every parameter's control, grouped.
pub fn view(
    scenario: &Scenario,
    preset_scenario: &Scenario,
    dispatch: &UseReducerDispatcher<AppState>,
) -> Html {
    let group_html = |group: Group| -> Html {
        PARAMS
            .iter()
            .filter(|spec| spec.group == group)
            .map(|spec| {
                param_control::view(
                    spec.param,
                    scenario.get(spec.param),
                    preset_scenario.get(spec.param),
                    dispatch,
                )
            })
            .collect()
    };
    let changed_in = |group: Group| {
        PARAMS
            .iter()
            .filter(|spec| spec.group == group)
            .filter(|spec| {
                scenario.get(spec.param).to_bits() != preset_scenario.get(spec.param).to_bits()
            })
            .count()
    };
    // Open beside the charts on a wide screen; folded on a phone or tablet, where the charts come
    // first and each group opens on demand. yew sets `open` only when this value changes (the window
    // crossing 960 px), so the reader's own opening and closing stays from one render to the next.
    let open = crate::web::colour_scheme::is_wide();
    Group::ALL
        .into_iter()
        .map(|group| {
            let id = heading_id(group);
            let changed = changed_in(group);
            html! {
                <details class="group" key={id} open={open && group != Group::Advanced}>
                    <summary {id}>
                        { group.label() }
                        if changed > 0 {
                            <span class="changed-badge">{ tr!(Msg::ControlChangedCount, n = crate::text::thousands(changed as f64)) }</span>
                        }
                    </summary>
                    { group_html(group) }
                </details>
            }
        })
        .collect()
}

/// The id of a group's heading (and the group's key): `group-` and a short name.
fn heading_id(group: Group) -> &'static str {
    match group {
        Group::Russia => "group-russia",
        Group::China => "group-china",
        Group::Sanctions => "group-sanctions",
        Group::DemandAllies => "group-demand",
        Group::Advanced => "group-advanced",
    }
}
