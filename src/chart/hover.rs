//! Values on hover: where a time chart's years lie on the drawing ([`YearAxis`], recorded by
//! [`super::draw`]) and the labelled values of one year ([`values`]), read from the same input the
//! chart was drawn from.

use super::look::unit;
use super::{ChartInput, ChartKind};
use crate::data::{Region, Stage, REGION_COUNT};
use crate::i18n::Msg;
use crate::projection::Projection;
use crate::text::{percent, thousands};
use crate::tr;
use std::fmt::Write;

/// Where a time chart's years lie across its drawing, in CSS pixels from the drawing's top left.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct YearAxis {
    /// The first and last year on the axis.
    pub years: (u16, u16),
    /// x of the first and of the last year.
    pub x: (f64, f64),
    /// Left and right edges of the plot area.
    pub plot: (f64, f64),
    /// Top of the plot area.
    pub top: f64,
    /// Bottom of the plot area.
    pub bottom: f64,
}

impl YearAxis {
    /// The year nearest `x`, or `None` when `x` is outside the plot area.
    pub fn year_at(&self, x: f64) -> Option<u16> {
        if !(self.plot.0..=self.plot.1).contains(&x) {
            return None;
        }
        let (first, last) = self.years;
        let span = self.x.1 - self.x.0;
        let steps = if span > 0.0 {
            ((x - self.x.0) / span * f64::from(last - first)).round()
        } else {
            0.0
        };
        Some(
            (f64::from(first) + steps)
                .max(f64::from(first))
                .min(f64::from(last)) as u16,
        )
    }

    /// The x of `year`.
    pub fn x_of(&self, year: u16) -> f64 {
        let (first, last) = self.years;
        if last <= first {
            return self.x.0;
        }
        let along = (f64::from(year) - f64::from(first)) / f64::from(last - first);
        self.x.0 + along * (self.x.1 - self.x.0)
    }

    /// The year a key moves the cursor to from `year` (none yet: the arrows start at either end):
    /// `Some(None)` hides the values (Escape), `None` means the chart leaves the key alone.
    pub fn key(&self, year: Option<u16>, key: &str) -> Option<Option<u16>> {
        let (first, last) = self.years;
        Some(match (key, year) {
            ("Home", _) | ("ArrowRight", None) => Some(first),
            ("End", _) | ("ArrowLeft", None) => Some(last),
            ("ArrowRight", Some(year)) => Some(year.saturating_add(1).clamp(first, last)),
            ("ArrowLeft", Some(year)) => Some(year.saturating_sub(1).clamp(first, last)),
            ("Escape", _) => None,
            _ => return None,
        })
    }
}

/// A stage's shares in `year`: the projection's from its base year on, the published ones before
/// (`None` in a year with no published figure).
fn shares(projection: &Projection, stage: Stage, year: u16) -> Option<[f64; REGION_COUNT]> {
    match projection.get(year, stage) {
        Some(cell) => Some(cell.share),
        None if year < projection.base_year => crate::projection::history(stage)
            .find(|observed| observed.year == year)
            .map(|observed| observed.share),
        None => None,
    }
}

/// Row `row` of chart `kind` in `year` for `projection`: a region's share (market share),
/// Russia's share or the HHI of a stage (Russia, concentration), the gap in tonnes or as a share of
/// demand outside China (supply gap), or for the fan P90, median, P10 and the region's share.
fn number(
    kind: ChartKind,
    input: &ChartInput,
    projection: &Projection,
    row: usize,
    year: u16,
) -> Option<f64> {
    let row_stage = Stage::ALL[row.min(2)];
    match (kind, input.bands) {
        (ChartKind::Share, _) => shares(projection, input.stage, year).map(|shares| shares[row]),
        (ChartKind::Russia, _) => {
            shares(projection, row_stage, year).map(|shares| shares[Region::Russia as usize])
        }
        // The HHI as the model computes it (`simulate::finish_cell`), the same for published years.
        (ChartKind::Concentration, _) => shares(projection, row_stage, year).map(|shares| {
            shares
                .iter()
                .map(|share| (share * 100.0) * (share * 100.0))
                .sum()
        }),
        (ChartKind::SupplyGap, _) => projection
            .get(year, input.stage)
            .map(|cell| [cell.supply_gap, cell.supply_gap_share][row]),
        // Need, own mining (all of it), imported and unmet concentrate.
        (ChartKind::Feed, _) => {
            let index = usize::from(year.checked_sub(projection.base_year)?);
            let feed = projection
                .russia_feed
                .get(index)
                .filter(|_| index < projection.years)?;
            Some(super::feed::series(feed, row))
        }
        (ChartKind::Fan, Some(bands)) if row == 3 => {
            shares(projection, bands.stage, year).map(|shares| shares[bands.region as usize])
        }
        (ChartKind::Fan, Some(bands)) => {
            let index = bands.years.iter().position(|&y| y == year)?;
            [&bands.p90, &bands.p50, &bands.p10][row]
                .get(index)
                .copied()
        }
        _ => None,
    }
}

/// Whether time chart `kind` draws the same picture for `a` as for `b`: the same stage, product,
/// theme, scale and years, and every number the chart plots (the rows of [`values`], the pinned
/// reference's too) the same in every year, to within float noise. A redraw that would change nothing can
/// then be skipped: a slider that moves Russia's share leaves the supply gap's chart as it is.
/// The fan and the tornado, whose pictures come from their analyses, are never taken as the same.
/// A test draws both inputs as SVG and checks that this never says "same" for different pictures.
pub fn same_picture(kind: ChartKind, a: &ChartInput, b: &ChartInput) -> bool {
    let rows = match kind {
        ChartKind::Share => REGION_COUNT,
        ChartKind::Russia | ChartKind::Concentration => Stage::ALL.len(),
        ChartKind::SupplyGap => 2,
        ChartKind::Feed => 5,
        ChartKind::Fan | ChartKind::Tornado => return false,
    };
    let (pa, pb) = (a.projection, b.projection);
    if (a.stage, a.product, a.theme, a.scale.to_bits(), a.lang)
        != (b.stage, b.product, b.theme, b.scale.to_bits(), b.lang)
        || (pa.base_year, pa.years) != (pb.base_year, pb.years)
        || a.references.map(|r| r.map(|r| (r.label, r.style)))
            != b.references.map(|r| r.map(|r| (r.label, r.style)))
    {
        return false;
    }
    // Equal to within a billionth of their size (or of one unit): the model's rounding noise, such
    // as a supply gap of 1.5e-11 t where another scenario has none, moves no pixel and no digit.
    let same = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => {
            x.to_bits() == y.to_bits() || (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0)
        }
        (x, y) => x.is_none() && y.is_none(),
    };
    // The earliest published year any chart shows lies within ten years of the base year.
    (pa.base_year.saturating_sub(10)..=pa.last_year()).all(|year| {
        (0..rows).all(|row| {
            same(
                number(kind, a, pa, row, year),
                number(kind, b, pb, row, year),
            ) && a.pinned().zip(b.pinned()).all(|(ra, rb)| {
                let (ra, rb) = (ra.projection, rb.projection);
                (ra.base_year, ra.years) == (rb.base_year, rb.years)
                    && same(
                        number(kind, a, ra, row, year),
                        number(kind, b, rb, row, year),
                    )
            })
        })
    })
}

/// The values chart `kind` shows in `year`: the year (and the product of separation shown, if
/// any), then one line per series, `label value` with its unit, and the pinned reference's value
/// in brackets; `None` for a chart without years.
pub fn values(kind: ChartKind, input: &ChartInput, year: u16) -> Option<String> {
    let published = year < input.projection.base_year;
    let (regions, stages) = (Region::ALL.map(Region::label), Stage::ALL.map(Stage::label));
    let fan = |last| ["P90", tr!(Msg::ChartValuesMedian), "P10", tr!(last)];
    let labels: &[&str] = match kind {
        ChartKind::Share => &regions,
        ChartKind::Russia | ChartKind::Concentration => &stages,
        ChartKind::SupplyGap => &[tr!(Msg::ChartValuesGap), tr!(Msg::ChartValuesGapShare)],
        ChartKind::Feed => &super::feed::LEGEND.map(crate::i18n::t),
        ChartKind::Fan if !input.bands.is_some_and(super::fan::complete) => return None,
        ChartKind::Fan if published => &fan(Msg::ChartValuesPublishedLabel),
        ChartKind::Fan => &fan(Msg::ChartFanAsSet),
        ChartKind::Tornado => return None,
    };
    let mut out = year.to_string();
    if published {
        out.push_str(tr!(Msg::ChartValuesPublished));
    }
    // A product of separation is named beside the year on the two charts that show it.
    if let (ChartKind::Share | ChartKind::SupplyGap, Some(_)) = (kind, input.product) {
        out.push_str(", ");
        out.push_str(input.shown().name());
    }
    // Tonnes for the gap, index points for the HHI, else shares.
    let write = |row: usize, value: f64| match (kind, row) {
        (ChartKind::SupplyGap, 0) => thousands(value) + " " + input.stage.unit(),
        (ChartKind::Feed, _) => thousands(value) + " " + Stage::Mining.unit(),
        (ChartKind::Concentration, _) => thousands(value),
        _ => percent(unit(value), 1),
    };
    for (row, label) in labels.iter().enumerate() {
        let Some(value) = number(kind, input, input.projection, row, year) else {
            continue;
        };
        let _ = write!(out, "\n{label} {}", write(row, value));
        // Each pinned reference by its line's style ("dashed 9.1%"), drawn from the base year
        // on; on the fan, beside the scenario's own line only.
        let mut before = " (";
        for pinned in input.pinned() {
            if published || (kind == ChartKind::Fan && row != 3) {
                break;
            }
            if let Some(value) = number(kind, input, pinned.projection, row, year) {
                let style = crate::state::style_name(pinned.style);
                let _ = write!(out, "{before}{style} {}", write(row, value));
                before = ", ";
            }
        }
        if before == ", " {
            out.push(')');
        }
    }
    if !out.contains('\n') {
        out.push('\n');
        out.push_str(tr!(Msg::ChartValuesNone));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{monte_carlo, MonteCarloSettings, Target};
    use crate::scenario::Preset;
    use crate::simulate::simulate;
    use plotters::prelude::IntoDrawingArea;

    fn preset(id: &str) -> Projection {
        simulate(&Preset::find(id).map(Preset::scenario).unwrap_or_default())
    }

    /// The chart as SVG text and the year axis its drawing reported.
    fn drawn(kind: ChartKind, input: &ChartInput, scale: f64) -> (String, Option<YearAxis>) {
        let mut svg = String::new();
        let axis = {
            let area = crate::chart::svg::Svg::new(&mut svg, (800, 450)).into_drawing_area();
            super::super::draw(&area, kind, &input.with_scale(scale)).unwrap_or(None)
        };
        (svg, axis)
    }

    /// The x (device pixels) of the year label `year` on the x axis, read from the SVG.
    fn label_x(svg: &str, year: u16) -> Option<f64> {
        let end = svg.find(&format!("\n{year}\n</text>"))?;
        let start = svg[..end].rfind("<text x=\"")? + "<text x=\"".len();
        let text = &svg[start..end];
        text[..text.find('"')?].parse().ok()
    }

    #[test]
    fn the_axis_puts_each_year_under_its_drawn_label() {
        let projection = preset("price-war");
        let input = ChartInput::new(&projection, Stage::Separation);
        for kind in [
            ChartKind::Share,
            ChartKind::Russia,
            ChartKind::Concentration,
            ChartKind::SupplyGap,
        ] {
            for scale in [1.0, 2.0] {
                let (svg, axis) = drawn(kind, &input, scale);
                let axis = axis.unwrap_or_else(|| panic!("{kind:?} reports its years"));
                assert_eq!(axis.years.1, 2040, "{kind:?}");
                let mut checked = 0;
                for year in axis.years.0..=axis.years.1 {
                    let Some(x) = label_x(&svg, year) else {
                        continue;
                    };
                    let x = x / scale;
                    assert!((axis.x_of(year) - x).abs() <= 1.0, "{kind:?} {year}");
                    assert_eq!(axis.year_at(x), Some(year), "{kind:?} {year}");
                    checked += 1;
                }
                assert!(checked >= 3, "{kind:?}: only {checked} year labels found");
            }
        }
        // The tornado has no years.
        assert_eq!(drawn(ChartKind::Tornado, &input, 1.0).1, None);
    }

    #[test]
    fn the_plot_area_edges_give_the_first_and_last_year_and_outside_gives_none() {
        let projection = preset("baseline");
        let input = ChartInput::new(&projection, Stage::Separation);
        let (_, share) = drawn(ChartKind::Share, &input, 1.0);
        let share = share.unwrap_or_default();
        // The share chart starts at the first published year with no padding: its left edge is 2019.
        assert_eq!(share.years, (2019, 2040));
        assert!((share.x.0 - share.plot.0).abs() <= 1.0);
        for axis in [
            share,
            drawn(ChartKind::Russia, &input, 1.0).1.unwrap_or_default(),
        ] {
            let (first, last) = axis.years;
            assert_eq!(axis.year_at(axis.plot.0), Some(first));
            assert_eq!(axis.year_at(axis.plot.1), Some(last));
            assert_eq!(axis.year_at(axis.plot.0 - 0.5), None);
            assert_eq!(axis.year_at(axis.plot.1 + 0.5), None);
            assert_eq!(axis.year_at(f64::NAN), None);
            // Half-way between two years, the nearer one wins.
            let middle = (axis.x_of(2029) + axis.x_of(2030)) / 2.0;
            assert_eq!(axis.year_at(middle - 0.1), Some(2029));
            assert_eq!(axis.year_at(middle + 0.1), Some(2030));
        }
    }

    #[test]
    fn a_degenerate_axis_never_panics() {
        let axis = YearAxis {
            years: (2030, 2030),
            x: (50.0, 50.0),
            plot: (40.0, 60.0),
            top: 0.0,
            bottom: 10.0,
        };
        assert_eq!(axis.year_at(45.0), Some(2030));
        assert_eq!(axis.x_of(2030), 50.0);
        assert_eq!(YearAxis::default().year_at(0.0), Some(0));
    }

    #[test]
    fn keys_move_the_cursor_within_the_years() {
        let axis = YearAxis {
            years: (2019, 2040),
            ..YearAxis::default()
        };
        assert_eq!(axis.key(None, "ArrowRight"), Some(Some(2019)));
        assert_eq!(axis.key(None, "ArrowLeft"), Some(Some(2040)));
        assert_eq!(axis.key(Some(2030), "ArrowRight"), Some(Some(2031)));
        assert_eq!(axis.key(Some(2030), "ArrowLeft"), Some(Some(2029)));
        assert_eq!(axis.key(Some(2040), "ArrowRight"), Some(Some(2040)));
        assert_eq!(axis.key(Some(2019), "ArrowLeft"), Some(Some(2019)));
        assert_eq!(axis.key(Some(2030), "Home"), Some(Some(2019)));
        assert_eq!(axis.key(Some(2030), "End"), Some(Some(2040)));
        assert_eq!(axis.key(Some(2030), "Escape"), Some(None));
        assert_eq!(axis.key(Some(2030), "Tab"), None);
        assert_eq!(axis.key(None, "a"), None);
    }

    /// The line of `values` that starts with `label` and a space.
    fn line_of<'a>(text: &'a str, label: &str) -> Option<&'a str> {
        text.lines()
            .find_map(|line| line.strip_prefix(label)?.strip_prefix(' '))
    }

    #[test]
    fn values_are_the_projection_s_own() {
        let projection = preset("price-war");
        let reference = preset("baseline");
        let input = ChartInput::new(&projection, Stage::Separation);
        let compared = input.with_reference(Some(&reference));
        let share = values(ChartKind::Share, &input, 2030).unwrap_or_default();
        assert!(share.starts_with("2030\n"), "{share}");
        for region in Region::ALL {
            let expected = percent(projection.share(2030, Stage::Separation, region), 1);
            assert_eq!(line_of(&share, region.label()), Some(expected.as_str()));
            let pinned = percent(reference.share(2030, Stage::Separation, region), 1);
            let both = values(ChartKind::Share, &compared, 2030).unwrap_or_default();
            assert_eq!(
                line_of(&both, region.label()),
                Some(format!("{expected} (dashed {pinned})").as_str())
            );
        }
        let russia = values(ChartKind::Russia, &input, 2035).unwrap_or_default();
        let hhi = values(ChartKind::Concentration, &input, 2035).unwrap_or_default();
        for stage in Stage::ALL {
            let cell = projection.get(2035, stage).copied().unwrap_or_default();
            let expected = percent(cell.share[Region::Russia as usize], 1);
            assert_eq!(line_of(&russia, stage.label()), Some(expected.as_str()));
            let expected = thousands(cell.hhi);
            assert_eq!(line_of(&hhi, stage.label()), Some(expected.as_str()));
        }
        let cell = projection
            .get(2030, Stage::Separation)
            .copied()
            .unwrap_or_default();
        assert!(cell.supply_gap > 1_000.0, "price-war has a gap in 2030");
        let gap = values(ChartKind::SupplyGap, &compared, 2030).unwrap_or_default();
        assert_eq!(
            line_of(&gap, "Gap"),
            Some(format!("{} t oxide (dashed 0 t oxide)", thousands(cell.supply_gap)).as_str()),
            "{gap}"
        );
        assert_eq!(
            line_of(&gap, "Share of demand outside China"),
            Some(format!("{} (dashed 0.0%)", percent(cell.supply_gap_share, 1)).as_str())
        );
        // The gap follows the stage, in the stage's unit.
        let magnets = values(ChartKind::SupplyGap, &input.with_reference(None), 2040);
        let magnets_input = ChartInput::new(&projection, Stage::Magnets);
        let in_magnets = values(ChartKind::SupplyGap, &magnets_input, 2040).unwrap_or_default();
        assert!(in_magnets.contains(" t NdFeB"), "{in_magnets}");
        assert_ne!(magnets.as_deref(), Some(in_magnets.as_str()));
        assert_eq!(values(ChartKind::Tornado, &input, 2030), None);
    }

    #[test]
    fn published_years_show_the_published_figures_or_say_there_are_none() {
        let projection = preset("baseline");
        let input = ChartInput::new(&projection, Stage::Separation);
        let published = crate::projection::history(Stage::Separation)
            .next()
            .copied()
            .unwrap_or_else(|| panic!("separation has published years"));
        let text = values(ChartKind::Share, &input, published.year).unwrap_or_default();
        assert!(text.starts_with(&format!("{} (published)\n", published.year)));
        assert_eq!(
            line_of(&text, "China"),
            Some(percent(published.share[0], 1).as_str())
        );
        // The reference is drawn from the base year on: no pinned values before it.
        let other = preset("skeptic");
        let compared = input.with_reference(Some(&other));
        assert_eq!(
            values(ChartKind::Share, &compared, published.year).as_deref(),
            Some(text.as_str())
        );
        assert!(
            values(ChartKind::Share, &compared, 2030).is_some_and(|text| text.contains("(dashed "))
        );
        // A year between published ones (separation 2020–2022 are gaps) says so.
        let years: Vec<u16> = crate::projection::history(Stage::Separation)
            .map(|observed| observed.year)
            .collect();
        let gap_year = (2019..projection.base_year)
            .find(|year| !years.contains(year))
            .unwrap_or_else(|| panic!("separation has an unpublished year"));
        let text = values(ChartKind::Share, &input, gap_year).unwrap_or_default();
        assert_eq!(
            text,
            format!("{gap_year} (published)\nNo figure for this year")
        );
        // The supply gap is not published: nothing before the base year.
        let text = values(ChartKind::SupplyGap, &input, published.year).unwrap_or_default();
        assert!(text.ends_with("\nNo figure for this year"), "{text}");
    }

    #[test]
    fn fan_values_are_the_bands_and_the_scenario_line() {
        let scenario = Preset::find("baseline")
            .map(Preset::scenario)
            .unwrap_or_default();
        let projection = simulate(&scenario);
        let reference = preset("skeptic");
        let settings = MonteCarloSettings {
            samples: 100,
            seed: 3,
            ..MonteCarloSettings::default()
        };
        let bands = monte_carlo(
            &scenario,
            settings,
            Region::Russia,
            Stage::Separation,
            Target::default(),
        );
        let input = ChartInput::new(&projection, Stage::Mining)
            .with_bands(Some(&bands))
            .with_reference(Some(&reference));
        let index = bands.years.iter().position(|&year| year == 2035);
        let index = index.unwrap_or_else(|| panic!("the bands cover 2035"));
        let text = values(ChartKind::Fan, &input, 2035).unwrap_or_default();
        for (label, band) in [
            ("P90", &bands.p90),
            ("Median", &bands.p50),
            ("P10", &bands.p10),
        ] {
            assert_eq!(
                line_of(&text, label),
                Some(percent(band[index], 1).as_str()),
                "{text}"
            );
        }
        let own = percent(projection.share(2035, Stage::Separation, Region::Russia), 1);
        let pinned = percent(reference.share(2035, Stage::Separation, Region::Russia), 1);
        assert_eq!(
            line_of(&text, "Scenario as set"),
            Some(format!("{own} (dashed {pinned})").as_str())
        );
        let before = values(ChartKind::Fan, &input, 2019).unwrap_or_default();
        assert!(before.starts_with("2019 (published)\n") && before.contains("\nPublished "));
        assert!(!before.contains("P90"), "{before}");
        // No bands yet: no values.
        assert_eq!(values(ChartKind::Fan, &input.with_bands(None), 2035), None);
    }
}
