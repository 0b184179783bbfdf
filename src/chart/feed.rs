//! Russia's feed: the concentrate its separation needs per year, its own mining, what it imports
//! and what nobody supplies (separation that does not happen), as lines in t REO a year
//! (docs/MODEL.md, equation 9).

use super::frame::{self, Axes, Entry, LegendAt, Marker, Swatch, SOLID, X_PAD};
use super::look::{region_colour, stage_colour, thousands, Look};
use super::{ChartInput, Drawn};
use crate::data::{Region, Stage};
use crate::i18n::Msg;
use crate::projection::{Feed, Projection};
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The feed of `projection`'s years, from its base year.
fn feeds(projection: &Projection) -> &[Feed] {
    &projection.russia_feed[..projection.years.min(projection.russia_feed.len())]
}

/// The legend: the four series (then each pinned reference's need), also the values' labels.
pub(crate) const LEGEND: [Msg; 4] = [
    Msg::ChartFeedNeed,
    Msg::ChartFeedOwn,
    Msg::ChartFeedImported,
    Msg::ChartFeedUnmet,
];

/// Series `row` of one year's feed, in t REO: 0 the need, 1 own mining (all of it), 2 imported,
/// 3 unmet (the need less the own mining used and the imports), 4 the need again (a pinned
/// reference's line). Each finite and non-negative; own mining used, imports and unmet add up to
/// the need.
pub(crate) fn series(feed: &Feed, row: usize) -> f64 {
    let need = frame::finite(feed.need).max(0.0);
    let own = frame::finite(feed.own).max(0.0);
    let used = own.min(need);
    let imported = frame::finite(feed.imported).max(0.0).min(need - used);
    match row {
        1 => own,
        2 => imported,
        3 => need - used - imported,
        _ => need,
    }
}

/// Draws Russia's feed per year as four lines, the pinned reference's need dashed.
pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
    look: &Look,
) -> Drawn<DB> {
    let projection = input.projection;
    let swatches = [
        Swatch::Line(look.text, 3.0, SOLID, Marker::None),
        Swatch::Line(
            stage_colour(Stage::Mining, look.theme),
            2.0,
            SOLID,
            Marker::Circle,
        ),
        Swatch::Line(
            region_colour(Region::Other, look.theme),
            2.0,
            SOLID,
            Marker::None,
        ),
        Swatch::Line(
            stage_colour(Stage::Magnets, look.theme),
            2.0,
            SOLID,
            Marker::Triangle,
        ),
    ];
    let mut legend = Vec::new();
    let mut lines: Vec<(&Projection, usize, Swatch)> = Vec::new();
    for pinned in input.pinned() {
        let swatch = frame::reference_swatch(look.text, pinned.style);
        lines.push((pinned.projection, 4, swatch));
    }
    for (row, swatch) in swatches.into_iter().enumerate() {
        legend.push(Entry {
            label: tr!(LEGEND[row]),
            swatch,
        });
        lines.push((projection, row, swatch));
    }
    frame::push_references(&mut legend, input, look.text);
    // `lines`: each reference's need first (beneath, `row` 4), then the four series.
    let plot_area = frame::frame(area, look, tr!(Msg::ChartFeedTitle), &legend, LegendAt::Top)?;
    let mut top: f64 = 0.0;
    for &(projection, row, _) in &lines {
        for feed in feeds(projection) {
            top = top.max(series(feed, row));
        }
    }
    let first = f64::from(projection.base_year);
    let last = f64::from(projection.last_year());
    let chart = frame::plot(
        &plot_area,
        look,
        &Axes {
            years: (first, last),
            y: (0.0, (top * 1.15).max(1_000.0)),
            y_labels: 6,
            y_format: &|value: &f64| thousands(*value),
            y_desc: tr!(Msg::ChartFeedAxis),
            x_grid: true,
            x_pad: X_PAD,
        },
    )?;
    let mut points: Vec<(f64, f64)> = Vec::new();
    for &(projection, row, swatch) in &lines {
        points.clear();
        for (index, feed) in feeds(projection).iter().enumerate() {
            points.push((first + index as f64, series(feed, row)));
        }
        frame::line(&chart, look, &points, swatch)?;
    }
    Ok(frame::year_axis(&chart, look, (first, last)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{describe, to_svg, values, ChartKind};
    use crate::params::Param;
    use crate::scenario::Preset;
    use crate::simulate::simulate;

    #[test]
    fn the_series_add_up_to_the_need_and_bad_numbers_are_nothing() {
        let feed = Feed {
            need: 10_000.0,
            own: 2_600.0,
            imported: 5_000.0,
            unfed_separation: 470.0,
            unfed_magnets: 0.0,
        };
        let rows = |feed: &Feed| [0, 1, 2, 3, 4].map(|row| series(feed, row));
        assert_eq!(rows(&feed), [10_000.0, 2_600.0, 5_000.0, 2_400.0, 10_000.0]);
        let broken = Feed {
            need: f64::NAN,
            own: -1.0,
            imported: f64::INFINITY,
            ..feed
        };
        assert_eq!(rows(&broken), [0.0; 5]);
        // Own mining beyond the need supplies just the need: nothing imported, nothing unmet.
        let rich = Feed {
            own: 50_000.0,
            ..feed
        };
        assert_eq!(rows(&rich), [10_000.0, 50_000.0, 0.0, 0.0, 10_000.0]);
    }

    #[test]
    fn the_chart_shows_the_feed_and_its_unmet_part() {
        let mut scenario = Preset::find("kremlin-2030")
            .map(Preset::scenario)
            .unwrap_or_default();
        scenario.set(Param::RuFeedImports, 0.0);
        scenario.set(Param::SanctionsMiningFactor, 1.0);
        let starved = simulate(&scenario);
        let input = ChartInput::new(&starved, Stage::Separation);
        let svg = to_svg(ChartKind::Feed, &input, 800, 450);
        assert!(svg.contains("feed: need, mining, imports"));
        assert!(svg.contains("Concentrate (t REO a year)"));
        let caption = describe(ChartKind::Feed, &input);
        assert!(
            caption.contains("Separation that lacks feed does not happen")
                && !caption.contains("happen: 0 t"),
            "{caption}"
        );
        let hover = values(ChartKind::Feed, &input, 2031).unwrap_or_default();
        assert!(hover.starts_with("2031\nNeed "), "{hover}");
        assert!(hover.contains(" t REO\nOwn mining "), "{hover}");
        // The unmet part is the lost separation in concentrate.
        let index = usize::from(2031 - starved.base_year);
        let unmet = series(&starved.russia_feed[index], 3);
        assert!(unmet > 100.0, "{unmet}");
        assert!(
            hover.contains(&format!("Unmet {} t REO", thousands(unmet))),
            "{hover}"
        );
    }
}
