//! The page's analyses (Monte Carlo bands and tornado) as one job: what they depend on
//! ([`AnalysisInput`]), what they give ([`AnalysisResults`]), and the flat number arrays that carry
//! both across to the analysis worker and back ([`request`] / [`read_request`],
//! [`answer`] / [`read_answer`]).
//!
//! Plain Rust, like the rest of the core: the page's worker (`web::worker`) only moves these arrays
//! between threads, and the clock that times a run is passed in. Readers never panic: a malformed
//! array gives `None` (or an empty answer).

use crate::analysis::{
    monte_carlo, tornado, MonteCarloResult, MonteCarloSettings, Output, Sampling, Swing, Target,
    Tornado, TARGET_YEAR_MAX, TARGET_YEAR_MIN,
};
use crate::data::{Region, Stage};
use crate::params::{PARAMS, PARAM_COUNT};
use crate::scenario::Scenario;
use crate::state::LinkState;
use std::rc::Rc;

/// Everything the analyses depend on.
///
/// The target is held as the numbers the worker's request carries (stage, share, year; the region
/// is always Russia's); [`AnalysisInput::target`] and [`AnalysisInput::output`] give it as the one
/// [`Target`] type the analyses take, and [`AnalysisInput::from_link`] reads it from
/// [`LinkState::target`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AnalysisInput {
    /// The scenario analysed.
    pub scenario: Scenario,
    /// The stage of the bands and of the target.
    pub stage: Stage,
    /// Runs, seed and what the runs draw around.
    pub settings: MonteCarloSettings,
    /// The target share for Russia in `target_year`.
    pub target_share: f64,
    /// The year the target (and the tornado) is measured in.
    pub target_year: u16,
    /// The region whose bands the fan chart shows.
    pub fan_region: Region,
}

impl AnalysisInput {
    /// The analysis input a link asks for (defaults where it says nothing).
    pub fn from_link(link: &LinkState) -> AnalysisInput {
        let target = link.target();
        AnalysisInput {
            scenario: link.scenario,
            stage: target.output.stage,
            settings: link.monte_carlo.unwrap_or_default(),
            target_share: target.share,
            target_year: target.output.year,
            fan_region: link.fan_region,
        }
    }

    /// The output the target and the tornado measure: Russia's share of the stage in the target year.
    pub fn output(&self) -> Output {
        Output {
            region: Region::Russia,
            stage: self.stage,
            year: self.target_year,
        }
    }

    /// The target the probability refers to.
    pub fn target(&self) -> Target {
        Target {
            output: self.output(),
            share: self.target_share,
        }
    }
}

/// The latest analysis results and what they were computed for.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct AnalysisResults {
    /// The fan region's bands at the chosen stage and the target probability.
    pub bands: Option<Rc<MonteCarloResult>>,
    /// The sensitivity of the target output.
    pub tornado: Option<Rc<Tornado>>,
    /// The input these results belong to.
    pub input: Option<AnalysisInput>,
    /// How long the last run took, in milliseconds.
    pub run_ms: f64,
}

/// Runs both analyses for `input`, timed with `now_ms` (a clock in milliseconds).
pub fn run(input: &AnalysisInput, now_ms: impl Fn() -> f64) -> AnalysisResults {
    let start = now_ms();
    let bands = monte_carlo(
        &input.scenario,
        input.settings,
        input.fan_region,
        input.stage,
        input.target(),
    );
    let sensitivity = tornado(&input.scenario, input.output());
    AnalysisResults {
        bands: Some(Rc::new(bands)),
        tornado: Some(Rc::new(sensitivity)),
        input: Some(*input),
        run_ms: now_ms() - start,
    }
}

/// Numbers before the scenario's values in a request.
const REQUEST_HEADER: usize = 8;

/// Numbers per tornado swing in an answer.
const SWING_LEN: usize = 5;

/// The request for `input`: stage, samples, seed (high and low 32 bits), target share, target
/// year, fan region (index in [`Region::ALL`]), sampling (index in [`Sampling::ALL`]), then every
/// value in table order.
pub fn request(input: &AnalysisInput) -> Vec<f64> {
    let mut out = Vec::with_capacity(REQUEST_HEADER + PARAM_COUNT);
    out.push(input.stage as usize as f64);
    out.push(f64::from(input.settings.samples));
    out.push((input.settings.seed >> 32) as f64);
    out.push((input.settings.seed & 0xffff_ffff) as f64);
    out.push(input.target_share);
    out.push(f64::from(input.target_year));
    out.push(
        Region::ALL
            .iter()
            .position(|region| *region == input.fan_region)
            .unwrap_or(0) as f64,
    );
    out.push(input.settings.sampling as usize as f64);
    out.extend(input.scenario.iter().map(|(_, value)| value));
    out
}

/// `value` as a whole number in `0..=u32::MAX`, or `None`.
fn whole(value: f64) -> Option<u32> {
    (value.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&value)).then_some(value as u32)
}

/// Reads a request back; `None` if it is malformed (wrong length, a number that is not finite,
/// an index or count that is not a whole number in range, a target year out of bounds).
pub fn read_request(request: &[f64]) -> Option<AnalysisInput> {
    if request.len() != REQUEST_HEADER + PARAM_COUNT
        || request.iter().any(|value| !value.is_finite())
    {
        return None;
    }
    let stage = *Stage::ALL.get(whole(request[0])? as usize)?;
    let seed = (u64::from(whole(request[2])?) << 32) | u64::from(whole(request[3])?);
    let target_year = u16::try_from(whole(request[5])?)
        .ok()
        .filter(|year| (TARGET_YEAR_MIN..=TARGET_YEAR_MAX).contains(year))?;
    let fan_region = *Region::ALL.get(whole(request[6])? as usize)?;
    let sampling = *Sampling::ALL.get(whole(request[7])? as usize)?;
    let mut scenario = Scenario::default();
    for (spec, value) in PARAMS.iter().zip(&request[REQUEST_HEADER..]) {
        scenario.set(spec.param, *value);
    }
    Some(AnalysisInput {
        scenario,
        stage,
        settings: MonteCarloSettings {
            samples: whole(request[1])?,
            seed,
            sampling,
        },
        target_share: request[4],
        target_year,
        fan_region,
    })
}

/// Answers a request with the flat results of [`run`], timed with `now_ms`; empty if the request
/// is malformed.
///
/// Layout: run ms, probability, samples, year count n, n years, n P10, n P50, n P90,
/// tornado base, swing count m, then m × (parameter index, low, high, output at low, output at high).
pub fn answer(request: &[f64], now_ms: impl Fn() -> f64) -> Vec<f64> {
    let Some(input) = read_request(request) else {
        return Vec::new();
    };
    let results = run(&input, now_ms);
    let (Some(bands), Some(sensitivity)) = (results.bands, results.tornado) else {
        return Vec::new();
    };
    let mut out = vec![
        results.run_ms,
        bands.probability,
        f64::from(bands.samples),
        bands.years.len() as f64,
    ];
    out.extend(bands.years.iter().map(|year| f64::from(*year)));
    out.extend_from_slice(&bands.p10);
    out.extend_from_slice(&bands.p50);
    out.extend_from_slice(&bands.p90);
    out.push(sensitivity.base);
    out.push(sensitivity.swings.len() as f64);
    for swing in &sensitivity.swings {
        out.extend_from_slice(&[
            swing.param.index() as f64,
            swing.low,
            swing.high,
            swing.output_at_low,
            swing.output_at_high,
        ]);
    }
    out
}

/// Reads an answer for `input` back into results; `None` if it is malformed (too short or too
/// long for the counts it gives, a count, year or parameter index that is not a whole number in
/// range).
pub fn read_answer(input: &AnalysisInput, answer: &[f64]) -> Option<AnalysisResults> {
    let mut rest = answer;
    let mut take = |count: usize| -> Option<&[f64]> {
        let (head, tail) = (rest.get(..count)?, rest.get(count..)?);
        rest = tail;
        Some(head)
    };
    let header = take(4)?;
    let (run_ms, probability) = (header[0], header[1]);
    let samples = whole(header[2])?;
    let years = whole(header[3])? as usize;
    let year_values = take(years)?
        .iter()
        .map(|year| whole(*year).and_then(|year| u16::try_from(year).ok()))
        .collect::<Option<Vec<u16>>>()?;
    let p10 = take(years)?.to_vec();
    let p50 = take(years)?.to_vec();
    let p90 = take(years)?.to_vec();
    let tornado_header = take(2)?;
    let base = tornado_header[0];
    let swing_count = whole(tornado_header[1])? as usize;
    let mut swings = Vec::new();
    for _ in 0..swing_count {
        let swing = take(SWING_LEN)?;
        let param = PARAMS.get(whole(swing[0])? as usize)?.param;
        swings.push(Swing {
            param,
            low: swing[1],
            high: swing[2],
            output_at_low: swing[3],
            output_at_high: swing[4],
        });
    }
    if !rest.is_empty() {
        return None;
    }
    let bands = MonteCarloResult {
        region: input.fan_region,
        stage: input.stage,
        years: year_values,
        p10,
        p50,
        p90,
        probability,
        target: input.target(),
        samples,
        seed: input.settings.seed,
        sampling: input.settings.sampling,
    };
    Some(AnalysisResults {
        bands: Some(Rc::new(bands)),
        tornado: Some(Rc::new(Tornado {
            output: input.output(),
            base,
            swings,
        })),
        input: Some(*input),
        run_ms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::Param;
    use proptest::prelude::*;

    fn sample_input() -> AnalysisInput {
        AnalysisInput {
            scenario: Scenario::default()
                .with(Param::Sanctions, 0.35)
                .with(Param::RuFirstPlant, 2027.0),
            stage: Stage::Magnets,
            settings: MonteCarloSettings {
                samples: 200,
                seed: (7_u64 << 40) + 12_345,
                sampling: Sampling::Scenario,
            },
            target_share: 0.05,
            target_year: 2036,
            fan_region: Region::China,
        }
    }

    #[test]
    fn a_request_round_trips_including_a_64_bit_seed() {
        let mut input = sample_input();
        assert_eq!(read_request(&request(&input)), Some(input));
        input.settings.sampling = Sampling::Plausible;
        assert_eq!(read_request(&request(&input)), Some(input));
        input.settings.seed = u64::MAX;
        input.fan_region = Region::ALL[Region::ALL.len() - 1];
        assert_eq!(read_request(&request(&input)), Some(input));
    }

    #[test]
    fn an_answer_carries_the_same_bands_and_tornado_as_a_direct_run() {
        let input = sample_input();
        let wire = answer(&request(&input), || 4.0);
        let results = read_answer(&input, &wire);
        assert!(results.is_some(), "a well-formed answer");
        let results = results.unwrap_or_default();
        let direct = run(&input, || 0.0);
        assert_eq!(results.bands, direct.bands);
        assert_eq!(results.tornado, direct.tornado);
        assert_eq!(results.input, Some(input));
        assert_eq!(
            results.run_ms, 0.0,
            "the clock's difference is the run time"
        );
    }

    #[test]
    fn malformed_requests_are_refused() {
        let wire = request(&sample_input());
        let with = |index: usize, value: f64| {
            let mut changed = wire.clone();
            changed[index] = value;
            changed
        };
        assert_eq!(read_request(&[]), None);
        assert_eq!(read_request(&wire[1..]), None, "too short");
        assert_eq!(read_request(&[wire.as_slice(), &[0.0]].concat()), None);
        assert_eq!(read_request(&with(9, f64::NAN)), None, "a value not finite");
        assert_eq!(read_request(&with(0, 9.0)), None, "no such stage");
        assert_eq!(read_request(&with(0, -1.0)), None, "a negative stage");
        assert_eq!(read_request(&with(1, 2.5)), None, "fractional samples");
        assert_eq!(read_request(&with(2, 1e10)), None, "seed over 32 bits");
        assert_eq!(
            read_request(&with(5, 1999.0)),
            None,
            "target year too early"
        );
        assert_eq!(read_request(&with(6, 99.0)), None, "no such region");
        assert_eq!(read_request(&with(7, 2.0)), None, "no such sampling");
        assert!(answer(&wire[1..], || 0.0).is_empty());
    }

    #[test]
    fn malformed_answers_are_refused_without_panicking() {
        let input = sample_input();
        let wire = answer(&request(&input), || 0.0);
        let with = |index: usize, value: f64| {
            let mut changed = wire.clone();
            changed[index] = value;
            changed
        };
        let years = wire[3] as usize;
        let swing_count_at = 4 + 4 * years + 1;
        assert!(read_answer(&input, &[]).is_none());
        assert!(read_answer(&input, &[1.0, 0.5]).is_none(), "too short");
        assert!(read_answer(&input, &wire[..wire.len() - 1]).is_none());
        assert!(read_answer(&input, &[wire.as_slice(), &[0.0]].concat()).is_none());
        assert!(
            read_answer(&input, &with(3, 1e300)).is_none(),
            "huge year count"
        );
        assert!(read_answer(&input, &with(3, f64::NAN)).is_none());
        assert!(read_answer(&input, &with(4, 1e6)).is_none(), "no such year");
        assert!(
            read_answer(&input, &with(swing_count_at, 1e18)).is_none(),
            "a huge swing count allocates nothing"
        );
        assert!(
            read_answer(&input, &with(swing_count_at + 1, 1e3)).is_none(),
            "no such parameter"
        );
    }

    proptest! {
        #[test]
        fn any_numbers_read_as_a_result_or_none(numbers in prop::collection::vec(
            prop_oneof![any::<f64>(), 0.0..40.0_f64, (0_u32..40).prop_map(f64::from)],
            0..80,
        )) {
            let input = sample_input();
            let _ = read_request(&numbers);
            let _ = read_answer(&input, &numbers);
        }
    }
}
