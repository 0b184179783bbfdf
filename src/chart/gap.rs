//! The supply gap outside China at one stage: the demand outside China that rivals' output and
//! China's exports (less what its export controls withhold) leave unmet, in tonnes of the stage's
//! unit per year (docs/MODEL.md, step 13), or of one product of separation (step 15), drawn from
//! [`super::product_view`].

use super::frame::{self, Axes, LegendAt, X_PAD};
use super::look::{thousands, Look};
use super::{ChartInput, Drawn};
use crate::i18n::Msg;
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The words the English caption begins with when the gap is nothing in every year (its text is
/// [`Msg::ChartDescribeGapNone`]).
#[cfg(test)]
pub(crate) const NO_GAP: &str = "No supply gap outside China in this scenario";

/// The largest supply gap of `stage` in `projection`.
fn highest_gap(projection: &crate::projection::Projection, stage: crate::data::Stage) -> f64 {
    projection
        .stage_series(stage)
        .map(|(_, cell)| frame::finite(cell.supply_gap))
        .fold(0.0, f64::max)
}

/// Draws the supply gap of `input.stage` (or its product), the pinned reference's dashed.
pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
    look: &Look,
) -> Drawn<DB> {
    let stage = input.stage;
    let mut legend = frame::stage_legend(look, input, &[stage]);
    legend[0].label = input.shown().label();
    let title = tr!(Msg::ChartGapTitle, shown = legend[0].label);
    let plot_area = frame::frame(area, look, &title, &legend, LegendAt::Top)?;
    let mut top: f64 = 0.0;
    for projection in input.pinned().map(|pinned| pinned.projection) {
        top = top.max(highest_gap(projection, stage));
    }
    top = top.max(highest_gap(input.projection, stage));
    let first = f64::from(input.projection.base_year);
    let last = f64::from(input.projection.last_year());
    // Short enough to stand beside a phone's plot (the title says where the demand is).
    let y_desc = tr!(Msg::ChartGapAxis, unit = stage.unit());
    let chart = frame::plot(
        &plot_area,
        look,
        &Axes {
            years: (first, last),
            y: (0.0, (top * 1.15).max(1_000.0)),
            y_labels: 6,
            y_format: &|value: &f64| thousands(*value),
            y_desc: &y_desc,
            x_grid: true,
            x_pad: X_PAD,
        },
    )?;
    frame::stage_lines(&chart, look, input, &[stage], |cell| {
        cell.supply_gap.max(0.0)
    })?;
    Ok(frame::year_axis(&chart, look, (first, last)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{describe, to_svg, ChartKind};
    use crate::data::Stage;
    use crate::params::Param;
    use crate::projection::Projection;
    use crate::scenario::{Preset, Scenario};
    use crate::simulate::simulate;
    use crate::text;

    fn scenario(id: &str) -> Scenario {
        Preset::find(id).map(Preset::scenario).unwrap_or_default()
    }

    fn gap_2030(projection: &Projection) -> f64 {
        projection
            .get(2030, Stage::Separation)
            .map_or(0.0, |cell| cell.supply_gap)
    }

    #[test]
    fn no_gap_is_said_plainly_and_a_gap_is_quoted_in_tonnes() {
        let baseline = simulate(&scenario("baseline"));
        assert!(baseline
            .stage_series(Stage::Separation)
            .all(|(_, cell)| cell.supply_gap < 0.5));
        let input = ChartInput::new(&baseline, Stage::Separation);
        let caption = describe(ChartKind::SupplyGap, &input);
        assert!(caption.starts_with(NO_GAP), "{caption}");
        let svg = to_svg(ChartKind::SupplyGap, &input, 800, 450);
        assert!(svg.contains("Supply gap outside China · Separation"));
        assert!(svg.contains("Unmet demand (t oxide)"));

        let price_war = simulate(&scenario("price-war"));
        let gap = gap_2030(&price_war);
        assert!(gap > 1_000.0, "price-war opens a gap: {gap}");
        let input = ChartInput::new(&price_war, Stage::Separation);
        let caption = describe(ChartKind::SupplyGap, &input);
        assert!(!caption.contains(NO_GAP), "{caption}");
        assert!(
            caption.contains(&format!("{} t oxide in 2030", text::thousands(gap))),
            "{caption}"
        );
        let compared = input.with_reference(Some(&baseline));
        assert!(describe(ChartKind::SupplyGap, &compared)
            .contains("Pinned reference (dashed): 0 t oxide in 2030"));
        let plain = to_svg(ChartKind::SupplyGap, &input, 800, 450);
        let both = to_svg(ChartKind::SupplyGap, &compared, 800, 450);
        assert!(!plain.contains("Pinned reference") && both.contains("Pinned reference"));
        // The stage switch changes the chart, in the stage's unit.
        let magnets = to_svg(
            ChartKind::SupplyGap,
            &ChartInput::new(&price_war, Stage::Magnets),
            800,
            450,
        );
        assert!(magnets.contains("(t NdFeB)") && magnets.contains("· Magnets"));
    }

    #[test]
    fn export_controls_move_the_gap() {
        let mut controlled = scenario("price-war");
        let mut open = controlled;
        open.set(Param::CnExportControls, 0.0);
        controlled.set(Param::CnExportControls, 0.8);
        let (open, controlled) = (simulate(&open), simulate(&controlled));
        assert!(gap_2030(&controlled) > gap_2030(&open) + 1_000.0);
        let caption = |projection| {
            describe(
                ChartKind::SupplyGap,
                &ChartInput::new(projection, Stage::Separation),
            )
        };
        assert_ne!(caption(&open), caption(&controlled));
    }
}
