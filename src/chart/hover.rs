//! Values on hover: where a time chart's years lie on the drawing ([`YearAxis`], recorded by
//! [`super::draw`]) and the labelled values of one year ([`values`]), read from the same input the
//! chart was drawn from.

use super::look::unit;
use super::{ChartInput, ChartKind};
use crate::data::{Region, Stage, REGION_COUNT};
use crate::projection::Projection;
use crate::text::{percent, thousands};
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
    /// Top and bottom of the plot area.
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
        Some((f64::from(first) + steps).clamp(f64::from(first), f64::from(last)) as u16)
    }

    /// The x of `year`.
    pub fn x_of(&self, year: u16) -> f64 {
        let (first, last) = self.years;
        if last <= first {
            return self.x.0;
        }
        self.x.0 + f64::from(year - first) / f64::from(last - first) * (self.x.1 - self.x.0)
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
fn number(kind: ChartKind, input: &ChartInput, projection: &Projection, row: usize, year: u16) -> Option<f64> {
    let row_stage = Stage::ALL[row.min(2)];
    match (kind, input.bands) {
        (ChartKind::Share, _) => shares(projection, input.stage, year).map(|shares| shares[row]),
        (ChartKind::Russia, _) => {
            shares(projection, row_stage, year).map(|shares| shares[Region::Russia as usize])
        }
        // The HHI as the model computes it (`simulate::finish_cell`), the same for published years.
        (ChartKind::Concentration, _) => shares(projection, row_stage, year)
            .map(|shares| shares.iter().map(|share| (share * 100.0) * (share * 100.0)).sum()),
        (ChartKind::SupplyGap, _) => projection
            .get(year, input.stage)
            .map(|cell| [cell.supply_gap, cell.supply_gap_share][row]),
        (ChartKind::Fan, Some(bands)) if row == 3 => {
            shares(projection, bands.stage, year).map(|shares| shares[bands.region as usize])
        }
        (ChartKind::Fan, Some(bands)) => {
            let index = bands.years.iter().position(|&y| y == year)?;
            [&bands.p90, &bands.p50, &bands.p10][row].get(index).copied()
        }
        _ => None,
    }
}

/// The values chart `kind` shows in `year`: the year, then one line per series, `label value`
/// with its unit, and the pinned reference's value in brackets; `None` for a chart without years.
pub fn values(kind: ChartKind, input: &ChartInput, year: u16) -> Option<String> {
    let published = year < input.projection.base_year;
    let (regions, stages) = (Region::ALL.map(Region::label), Stage::ALL.map(Stage::label));
    let labels: &[&str] = match kind {
        ChartKind::Share => &regions,
        ChartKind::Russia | ChartKind::Concentration => &stages,
        ChartKind::SupplyGap => &["Gap", "Share of demand outside China"],
        ChartKind::Fan if published => &["P90", "Median", "P10", "Published"],
        ChartKind::Fan => &["P90", "Median", "P10", "Scenario as set"],
        ChartKind::Tornado => return None,
    };
    let mut out = year.to_string();
    if published {
        out.push_str(" (published)");
    }
    // Tonnes for the gap, index points for the HHI, else shares.
    let write = |row: usize, value: f64| match (kind, row) {
        (ChartKind::SupplyGap, 0) => thousands(value) + " " + input.stage.unit(),
        (ChartKind::Concentration, _) => thousands(value),
        _ => percent(unit(value), 1),
    };
    for (row, label) in labels.iter().enumerate() {
        let Some(value) = number(kind, input, input.projection, row, year) else {
            continue;
        };
        let _ = write!(out, "\n{label} {}", write(row, value));
        // The pinned reference; on the fan, beside the scenario's own line only.
        if let Some(pinned) = input
            .reference
            .filter(|_| kind != ChartKind::Fan || row == 3)
            .and_then(|reference| number(kind, input, reference, row, year))
        {
            let _ = write!(out, " (pinned {})", write(row, pinned));
        }
    }
    if !out.contains('\n') {
        out.push_str("\nNo figure for this year");
    }
    Some(out)
}
