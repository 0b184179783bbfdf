//! Unit tests of the charts: labels in the SVG, colours, descriptions, bad input.

use super::look::{region_colour, stage_colour};
use super::*;
use crate::data::Region;
use crate::projection::{Projection, RUSSIA_TARGETS, TARGET_YEAR};
use crate::scenario::Preset;
use crate::simulate::simulate;
use crate::text::thousands;
use plotters::style::RGBColor;

fn preset(id: &str) -> Projection {
    let scenario = Preset::find(id).map(Preset::scenario).unwrap_or_default();
    simulate(&scenario)
}

/// Whether the SVG has a text element saying exactly `text`.
fn has_text(svg: &str, text: &str) -> bool {
    svg.contains(&format!("\n{text}\n</text>"))
}

fn svg(kind: ChartKind, projection: &Projection) -> String {
    to_svg(
        kind,
        &ChartInput::new(projection, Stage::Separation),
        800,
        450,
    )
}

#[test]
fn share_legend_names_every_region_in_its_colour() {
    let projection = preset("baseline");
    for theme in [Theme::Light, Theme::Dark] {
        let input = ChartInput::new(&projection, Stage::Mining).with_theme(theme);
        let out = to_svg(ChartKind::Share, &input, 800, 450);
        for region in Region::ALL {
            assert!(has_text(&out, region.label()), "{region:?}");
            let RGBColor(r, g, b) = region_colour(region, theme);
            let hex = format!("#{r:02X}{g:02X}{b:02X}");
            assert!(out.contains(&hex), "{region:?} colour {hex} missing");
        }
        assert!(out.contains("Mining"));
        assert!(has_text(&out, "100%") && has_text(&out, "0%"));
    }
}

#[test]
fn russia_chart_shows_both_targets_and_the_2030_gap() {
    let projection = preset("baseline");
    let out = svg(ChartKind::Russia, &projection);
    for target in RUSSIA_TARGETS {
        assert!(out.contains(&format!("{:.0}% target", target * 100.0)));
    }
    let share = projection.share(2030, Stage::Separation, Region::Russia);
    let gap = format!("{:.1} pts short of 10%", (0.10 - share) * 100.0);
    assert!(
        share < 0.10 && out.contains(&gap),
        "no '{gap}' in the chart"
    );
    for stage in Stage::ALL {
        assert!(has_text(&out, stage.label()));
    }
}

#[test]
fn concentration_chart_labels_its_bands() {
    let out = svg(ChartKind::Concentration, &preset("skeptic"));
    for text in [
        "Unconcentrated (below 1,500)",
        "Moderately concentrated (1,500 to 2,500)",
        "Highly concentrated (above 2,500)",
        "10,000",
        "HHI (0 to 10,000)",
    ] {
        assert!(out.contains(text), "missing {text}");
    }
}

#[test]
fn reference_adds_a_legend_entry_and_dashes() {
    let current = preset("kremlin-2030");
    let reference = preset("baseline");
    for kind in ChartKind::PROJECTION {
        let plain = svg(kind, &current);
        let input = ChartInput::new(&current, Stage::Separation).with_reference(Some(&reference));
        let compared = to_svg(kind, &input, 800, 450);
        assert!(!plain.contains("Pinned reference"));
        assert!(compared.contains("Pinned reference"), "{kind:?}");
        assert!(compared.matches("<polyline").count() > plain.matches("<polyline").count() + 20);
    }
}

#[test]
fn each_of_three_references_is_named_with_its_style_in_legend_text_and_values() {
    use crate::chart::{hover::values, Pinned};
    let current = preset("kremlin-2030");
    let (a, b, c) = (preset("skeptic"), preset("price-war"), preset("baseline"));
    let labels = [
        "Supply-chain skeptic (dashed)",
        "Ours <&> \"x\" (dotted)",
        "Baseline (long dashes)",
    ];
    let pinned =
        [&a, &b, &c]
            .into_iter()
            .zip(labels)
            .enumerate()
            .map(|(style, (projection, label))| Pinned {
                projection,
                label,
                style,
            });
    let input = ChartInput::new(&current, Stage::Separation).with_references(pinned);
    let one = ChartInput::new(&current, Stage::Separation).with_reference(Some(&a));
    for kind in ChartKind::PROJECTION {
        let compared = to_svg(kind, &input, 800, 450);
        let single = to_svg(kind, &one, 800, 450);
        for label in [labels[0], labels[2], "Ours &lt;&amp;&gt;"] {
            assert!(compared.contains(label), "{kind:?}: {label}");
        }
        assert!(
            !compared.contains("Ours <&>"),
            "reader text is escaped in SVG"
        );
        // The dotted and long-dashed lines add their own segments.
        assert!(compared.matches("<polyline").count() > single.matches("<polyline").count() + 20);
        let text = describe(kind, &input);
        assert!(
            labels.iter().all(|label| text.contains(label)),
            "{kind:?}: {text}"
        );
        if let Some(shown) = values(kind, &input, 2030) {
            for style in ["dashed ", "dotted ", "long dashes "] {
                assert!(shown.contains(style), "{kind:?}: {shown}");
            }
        }
    }
}

#[test]
fn colours_are_distinct_and_the_same_in_every_chart() {
    for theme in [Theme::Light, Theme::Dark] {
        let colours: Vec<RGBColor> = Region::ALL
            .iter()
            .map(|region| region_colour(*region, theme))
            .collect();
        for (index, a) in colours.iter().enumerate() {
            for b in &colours[index + 1..] {
                let distance = (i32::from(a.0) - i32::from(b.0)).abs()
                    + (i32::from(a.1) - i32::from(b.1)).abs()
                    + (i32::from(a.2) - i32::from(b.2)).abs();
                assert!(distance > 60, "{a:?} and {b:?} are too alike");
            }
        }
        let stages: Vec<RGBColor> = Stage::ALL.iter().map(|s| stage_colour(*s, theme)).collect();
        assert!(stages[0] != stages[1] && stages[1] != stages[2] && stages[0] != stages[2]);
    }
    // The region colour in a dark chart is the one region_colour gives for the dark theme,
    // whatever the stage.
    let projection = preset("baseline");
    for stage in Stage::ALL {
        let input = ChartInput::new(&projection, stage).with_theme(Theme::Dark);
        let out = to_svg(ChartKind::Share, &input, 640, 360);
        let RGBColor(r, g, b) = region_colour(Region::Russia, Theme::Dark);
        assert!(out.contains(&format!("#{r:02X}{g:02X}{b:02X}")));
    }
}

#[test]
fn descriptions_carry_the_key_numbers() {
    let projection = preset("baseline");
    let input = ChartInput::new(&projection, Stage::Separation);
    let share = describe(ChartKind::Share, &input);
    let china_2030 = super::describe::pct(projection.share(2030, Stage::Separation, Region::China));
    assert!(share.contains("China holds"), "{share}");
    assert!(share.contains(&format!("{china_2030} in 2030")), "{share}");
    let russia = describe(ChartKind::Russia, &input);
    let russia_2030 =
        super::describe::pct(projection.share(2030, Stage::Separation, Region::Russia));
    assert!(
        russia.contains(&format!("separation is {russia_2030} in 2030")),
        "{russia}"
    );
    assert!(russia.contains("10% target") && russia.contains("12% target"));
    let hhi = describe(ChartKind::Concentration, &input);
    assert!(
        hhi.contains("In 2030: mining") && hhi.contains("highly concentrated"),
        "{hhi}"
    );
    let reference = preset("skeptic");
    let compared = describe(ChartKind::Russia, &input.with_reference(Some(&reference)));
    assert!(compared.contains("Pinned reference"));
}

#[test]
fn bad_input_never_panics_and_still_gives_an_svg() {
    let empty = Projection::default();
    let mut broken = preset("baseline");
    broken.cells[3][1].share[0] = f64::NAN;
    broken.cells[4][1].hhi = f64::INFINITY;
    broken.cells[5][1].share[1] = -3.0;
    for kind in ChartKind::ALL {
        for projection in [&empty, &broken] {
            for (width, height) in [(0, 0), (1, 1), (50, 40), (800, 450)] {
                for scale in [f64::NAN, 0.0, -1.0, 1.0, 3.0, 1e9] {
                    let input = ChartInput::new(projection, Stage::Separation).with_scale(scale);
                    let out = to_svg(kind, &input, width, height);
                    assert!(out.starts_with("<svg"), "{kind:?} {width}x{height}");
                    let _ = describe(kind, &input);
                }
            }
        }
        assert!(
            to_svg(kind, &ChartInput::new(&empty, Stage::Mining), 800, 450)
                .contains("No projection to draw.")
        );
    }
}

#[test]
fn kinds_have_distinct_ids_and_labels() {
    for (index, kind) in ChartKind::ALL.iter().enumerate() {
        assert!(!kind.label().is_empty());
        assert!(ChartKind::ALL[index + 1..]
            .iter()
            .all(|other| other.id() != kind.id()));
    }
}

#[test]
fn cumulative_shares_end_at_one() {
    let projection = preset("baseline");
    for stage in Stage::ALL {
        let stack = share::cumulative(&projection, stage);
        for row in &stack[..projection.years] {
            assert!((row[7] - 1.0).abs() < 1e-9);
            assert!(row.windows(2).all(|pair| pair[0] <= pair[1] + 1e-12));
        }
    }
}

#[test]
fn fan_and_tornado_draw_their_analyses_or_say_what_is_missing() {
    use crate::analysis::{monte_carlo, tornado, MonteCarloSettings, Output, Target};
    let scenario = Preset::find("baseline")
        .map(Preset::scenario)
        .unwrap_or_default();
    let projection = simulate(&scenario);
    let input = ChartInput::new(&projection, Stage::Separation);
    for kind in [ChartKind::Fan, ChartKind::Tornado] {
        let out = to_svg(kind, &input, 800, 450);
        assert!(out.contains("appears once the"), "{kind:?}");
        assert!(describe(kind, &input).contains("appears once the"));
    }
    let settings = MonteCarloSettings {
        samples: 200,
        seed: 7,
        ..MonteCarloSettings::default()
    };
    let bands = monte_carlo(
        &scenario,
        settings,
        Region::Russia,
        Stage::Separation,
        Target::default(),
    );
    let fan_input = input.with_bands(Some(&bands));
    let fan = to_svg(ChartKind::Fan, &fan_input, 800, 450);
    assert!(
        has_text(&fan, "P10–P90 under the model&apos;s plausible ranges")
            && has_text(&fan, "10% target")
    );
    assert!(has_text(&fan, "Russia&apos;s share of separation: P10–P90"));
    assert!(fan.contains(&format!(
        "{} (200 runs)",
        crate::analysis::chance_words(bands.probability)
    )));
    let text = describe(ChartKind::Fan, &fan_input);
    assert!(
        text.contains("200 runs")
            && text.contains("middle 80%")
            && text.contains("drawn under the model's plausible ranges")
            && text.contains("The chance that Russia's"),
        "{text}"
    );
    // China's fan carries neither Russia's target line nor its chance.
    let china = monte_carlo(
        &scenario,
        settings,
        Region::China,
        Stage::Separation,
        Target::default(),
    );
    let china_input = input.with_bands(Some(&china));
    let fan = to_svg(ChartKind::Fan, &china_input, 800, 450);
    assert!(has_text(&fan, "China&apos;s share of separation: P10–P90"));
    assert!(!fan.contains("Chance") && !fan.contains("target"), "{fan}");
    assert!(!describe(ChartKind::Fan, &china_input).contains("chance"));

    let sensitivity = tornado(&scenario, Output::default());
    let tornado_input = input.with_tornado(Some(&sensitivity));
    let drawn = to_svg(ChartKind::Tornado, &tornado_input, 800, 450);
    let widest = sensitivity.swings[0].param.spec().label;
    assert!(has_text(&drawn, widest), "{widest} missing");
    let idle = sensitivity
        .swings
        .iter()
        .filter(|swing| swing.width() < 1e-9)
        .count();
    assert_eq!(drawn.matches("no effect").count(), idle);
    let text = describe(ChartKind::Tornado, &tornado_input);
    assert!(text.contains(widest), "{text}");
    // Incomplete bands give a message, not a panic.
    let mut broken = bands.clone();
    broken.p50.pop();
    let out = to_svg(ChartKind::Fan, &input.with_bands(Some(&broken)), 800, 450);
    assert!(out.contains("incomplete"));
}

#[test]
fn the_tornado_names_every_uncertain_parameter_in_full_even_on_a_phone() {
    use crate::analysis::{tornado, Output};
    let scenario = Preset::find("kremlin-12")
        .map(Preset::scenario)
        .unwrap_or_default();
    let projection = simulate(&scenario);
    let sensitivity = tornado(&scenario, Output::default());
    let uncertain = crate::params::PARAMS
        .iter()
        .filter(|spec| spec.is_uncertain())
        .count();
    assert_eq!(sensitivity.swings.len(), uncertain);
    let input = ChartInput::new(&projection, Stage::Separation).with_tornado(Some(&sensitivity));
    for (width, height) in [(330, 640), (800, 640)] {
        let drawn = to_svg(ChartKind::Tornado, &input, width, height);
        assert!(!drawn.contains('…'), "a name was cut at {width} px");
        // Every word of every name is drawn, in order, in its row.
        let texts: String = drawn
            .split("<text")
            .skip(1)
            .filter_map(|element| element.split('>').nth(1))
            .filter_map(|text| text.split('<').next())
            .collect::<Vec<_>>()
            .join(" ");
        let texts = texts.split_whitespace().collect::<Vec<_>>().join(" ");
        let texts = texts.replace("&apos;", "'").replace("&#39;", "'");
        for swing in &sensitivity.swings {
            let label = swing.param.spec().label;
            assert!(texts.contains(label), "{label} at {width} px: {texts}");
        }
    }
    let chars = |_: char| 1;
    assert_eq!(
        tornado::wrap("Russia's 2030 ambition (share of world supply)", 23, chars),
        ["Russia's 2030 ambition", "(share of world supply)"]
    );
    assert_eq!(tornado::wrap("Sanctions", 4, chars), ["Sanctions"]);
    // Chinese breaks between characters, never before closing or after opening punctuation.
    assert_eq!(
        tornado::wrap("中国冶炼分离份额（2025 年）", 8, chars),
        ["中国冶炼分离份额", "（2025 年）"]
    );
    assert_eq!(
        tornado::wrap("中国出口管制", 4, chars),
        ["中国出口", "管制"]
    );
    assert_eq!(
        tornado::wrap("份额（2025）", 1, chars),
        ["份", "额", "（2025）"]
    );
}

#[test]
fn small_and_odd_sizes_never_panic() {
    use crate::analysis::{tornado, Output};
    let scenario = Preset::find("skeptic")
        .map(Preset::scenario)
        .unwrap_or_default();
    let projection = simulate(&scenario);
    let reference = preset("baseline");
    let sensitivity = tornado(&scenario, Output::default());
    for kind in ChartKind::ALL {
        for scale in [1.0, 1.5, 3.0] {
            for width in (100..420).step_by(37) {
                for height in (60..320).step_by(29) {
                    let input = ChartInput::new(&projection, Stage::Magnets)
                        .with_reference(Some(&reference))
                        .with_tornado(Some(&sensitivity))
                        .with_scale(scale);
                    let out = to_svg(kind, &input, width, height);
                    assert!(out.starts_with("<svg"), "{kind:?} {width}x{height}@{scale}");
                }
            }
        }
    }
}

#[test]
fn the_share_and_gap_charts_draw_a_product_of_separation_and_say_which() {
    use crate::state::{Product, Shown};
    let projection = preset("baseline");
    let at = usize::from(TARGET_YEAR - projection.base_year);
    // The page draws a product from its view of the projection, naming it with `with_product`.
    let (heavy_view, light_view) = (
        product_view(&projection, Product::Heavy),
        product_view(&projection, Product::Light),
    );
    let heavy = ChartInput::new(&heavy_view, Stage::Mining).with_product(Some(Product::Heavy));
    let light = ChartInput::new(&light_view, Stage::Separation).with_product(Some(Product::Light));
    assert_eq!(heavy.stage, Stage::Separation);
    assert_eq!(heavy.shown(), Shown::Product(Product::Heavy));
    let china_heavy = projection.product(at, true).share[Region::China as usize];
    assert!(china_heavy >= 0.95, "{china_heavy}");

    // The pictures name the product and differ from each other and from the whole stage.
    let heavy_svg = to_svg(ChartKind::Share, &heavy, 800, 450);
    let light_svg = to_svg(ChartKind::Share, &light, 800, 450);
    let stage_svg = svg(ChartKind::Share, &projection);
    assert!(has_text(
        &heavy_svg,
        "Market share by region · Separation: heavy (Dy, Tb)"
    ));
    assert!(has_text(
        &light_svg,
        "Market share by region · Separation: light (Nd, Pr)"
    ));
    assert!(heavy_svg != light_svg && light_svg != stage_svg);
    // A product has no published history: its chart starts at the base year.
    assert!(!heavy_svg.contains("Observed") && stage_svg.contains("Observed"));
    let gap_svg = to_svg(ChartKind::SupplyGap, &heavy, 800, 450);
    assert!(has_text(
        &gap_svg,
        "Supply gap outside China · Separation: heavy (Dy, Tb)"
    ));
    assert!(gap_svg.contains("Unmet demand (t oxide)"));

    // The text alternative names the product and its unit, with China's share as the headline has it.
    let text = describe(ChartKind::Share, &heavy);
    assert!(
        text.starts_with(
            "Separation: heavy (Dy, Tb) market share by region, in t oxide. China holds "
        ),
        "{text}"
    );
    assert!(text.contains(&describe::pct(china_heavy)), "{text}");
    assert_ne!(text, describe(ChartKind::Share, &light));
    // The values on hover name the product too, and agree with the text.
    let values = values(ChartKind::Share, &heavy, TARGET_YEAR).unwrap_or_default();
    assert!(
        values.starts_with("2030, heavy separation (Dy, Tb)\n"),
        "{values}"
    );
    assert!(
        values.contains(&format!("China {}", describe::pct(china_heavy))),
        "{values}"
    );
    // The whole stage's values keep their old first line.
    let stage_values = values_of_stage(&projection);
    assert!(stage_values.starts_with("2030\n"), "{stage_values}");
}

fn values_of_stage(projection: &Projection) -> String {
    values(
        ChartKind::Share,
        &ChartInput::new(projection, Stage::Separation),
        TARGET_YEAR,
    )
    .unwrap_or_default()
}

#[test]
fn the_supply_gap_of_each_product_is_its_own() {
    use crate::state::Product;
    // Controls return in November 2026: the heavy gap opens from the start, the light one later.
    let projection = preset("controls-2026");
    let (heavy_view, light_view) = (
        product_view(&projection, Product::Heavy),
        product_view(&projection, Product::Light),
    );
    let heavy = ChartInput::new(&heavy_view, Stage::Separation).with_product(Some(Product::Heavy));
    let light = ChartInput::new(&light_view, Stage::Separation).with_product(Some(Product::Light));
    let base = projection.base_year;
    let gap = |heavy: bool, year: u16| {
        projection
            .product(usize::from(year - base), heavy)
            .supply_gap
    };
    assert!(gap(true, base) >= 0.5, "{}", gap(true, base));
    let text = describe(ChartKind::SupplyGap, &heavy);
    assert!(
        text.starts_with("Demand outside China that rivals and China's exports leave unmet, for heavy separation (Dy, Tb): "),
        "{text}"
    );
    assert!(
        text.contains(&format!("{} t oxide in {base}", thousands(gap(true, base)))),
        "{text}"
    );
    let light_text = describe(ChartKind::SupplyGap, &light);
    assert!(
        light_text.contains("for light separation (Nd, Pr)"),
        "{light_text}"
    );
    assert!(
        light_text.contains(&format!("{} t oxide in 2030", thousands(gap(false, 2030)))),
        "{light_text}"
    );
    // The two products' gaps add up to the stage's.
    let stage = projection
        .get(2030, Stage::Separation)
        .map_or(0.0, |cell| cell.supply_gap);
    assert!((gap(true, 2030) + gap(false, 2030) - stage).abs() < 1e-6);
    let hover = values(ChartKind::SupplyGap, &heavy, base).unwrap_or_default();
    assert!(
        hover.contains(&format!("Gap {} t oxide", thousands(gap(true, base)))),
        "{hover}"
    );
    // Without export controls neither product has a gap: said plainly.
    let mut open = Preset::baseline().scenario();
    open.set(crate::params::Param::CnExportControls, 0.0);
    let open = simulate(&open);
    for product in [Product::Light, Product::Heavy] {
        let view = product_view(&open, product);
        let input = ChartInput::new(&view, Stage::Separation).with_product(Some(product));
        let text = describe(ChartKind::SupplyGap, &input);
        assert!(text.starts_with(super::gap::NO_GAP), "{product:?}: {text}");
    }
}

#[test]
fn the_product_view_puts_each_product_in_separation_and_leaves_the_rest_alone() {
    use crate::state::Product;
    let projection = preset("controls-2026");
    for product in [Product::Light, Product::Heavy] {
        let view = product_view(&projection, product);
        for (index, (cells, original)) in view.cells[..view.years]
            .iter()
            .zip(&projection.cells)
            .enumerate()
        {
            let values = projection.product(index, product.is_heavy());
            let cell = &cells[Stage::Separation as usize];
            assert_eq!(cell.share, values.share);
            assert_eq!(cell.output, values.output);
            assert_eq!(cell.supply_gap, values.supply_gap);
            assert!((cell.share.iter().sum::<f64>() - 1.0).abs() < 1e-9);
            let china = cell.share[Region::China as usize];
            let russia = cell.share[Region::Russia as usize];
            assert!((cell.trusted_share - (1.0 - china - russia)).abs() < 1e-12);
            assert!(cell.hhi > 0.0 && cell.hhi <= 10_000.0 + 1e-6);
            // The other stages, Russia's programme and the heavy product stay as they were.
            assert_eq!(
                cells[Stage::Mining as usize],
                original[Stage::Mining as usize]
            );
            assert_eq!(
                cells[Stage::Magnets as usize],
                original[Stage::Magnets as usize]
            );
        }
        assert_eq!(view.heavy, projection.heavy);
        assert_eq!(view.russia, projection.russia);
    }
    // The two products' demands add up to the stage's.
    let (light, heavy) = (
        product_view(&projection, Product::Light),
        product_view(&projection, Product::Heavy),
    );
    for index in 0..projection.years {
        let demand = |p: &Projection| p.cells[index][Stage::Separation as usize].demand;
        assert!((demand(&light) + demand(&heavy) - demand(&projection)).abs() < 1e-6);
    }
}

/// A slider's move that `same_picture` calls "the same picture" must leave the chart's SVG as it
/// was, for every time chart, stage and product, with and without a pinned reference; and some
/// moves must be taken as the same (the supply gap's chart while China withholds nothing), so the
/// redraws the page skips are real.
#[test]
fn a_redraw_skipped_as_the_same_picture_would_have_drawn_the_same() {
    use crate::params::PARAMS;
    use crate::state::Product;
    let kinds = [
        ChartKind::Share,
        ChartKind::Russia,
        ChartKind::Concentration,
        ChartKind::SupplyGap,
        ChartKind::Feed,
    ];
    let shown = [
        (Stage::Mining, None),
        (Stage::Separation, None),
        (Stage::Separation, Some(Product::Heavy)),
        (Stage::Magnets, None),
    ];
    let (mut same, mut checked) = (0, 0);
    for preset in ["baseline", "price-war", "hub-budget"] {
        let Some(base) = Preset::find(preset).map(Preset::scenario) else {
            panic!("preset {preset}");
        };
        let before = simulate(&base);
        let reference = preset_projection_for_reference();
        for spec in PARAMS.iter() {
            for value in [spec.min, (spec.min + spec.max) / 2.0, spec.max] {
                let mut moved = base;
                moved.set(spec.param, value);
                let after = simulate(&moved);
                for (stage, product) in shown {
                    for kind in kinds {
                        for pinned in [None, Some(&reference)] {
                            let a = ChartInput::new(&before, stage)
                                .with_product(product)
                                .with_reference(pinned);
                            let b = ChartInput::new(&after, stage)
                                .with_product(product)
                                .with_reference(pinned);
                            checked += 1;
                            if !same_picture(kind, &a, &b) {
                                continue;
                            }
                            same += 1;
                            assert_eq!(
                                to_svg(kind, &a, 640, 360),
                                to_svg(kind, &b, 640, 360),
                                "{preset}: {} = {value}, {kind:?} at {stage:?} {product:?}",
                                spec.key
                            );
                        }
                    }
                }
            }
        }
    }
    assert!(
        same > 100,
        "only {same} redraws taken as the same of {checked}"
    );
    // The benchmark's slider: sanctions move Russia's share but leave the baseline's nil gap.
    let base = Preset::baseline().scenario();
    let mut moved = base;
    moved.set(crate::params::Param::Sanctions, 0.9);
    let (before, after) = (simulate(&base), simulate(&moved));
    let (a, b) = (
        ChartInput::new(&before, Stage::Separation),
        ChartInput::new(&after, Stage::Separation),
    );
    assert!(same_picture(ChartKind::SupplyGap, &a, &b));
    assert!(!same_picture(ChartKind::Share, &a, &b));
    let projection = preset("baseline");
    let input = ChartInput::new(&projection, Stage::Mining);
    for kind in [ChartKind::Fan, ChartKind::Tornado] {
        assert!(!same_picture(kind, &input, &input), "{kind:?}");
    }
    for kind in kinds {
        assert!(
            same_picture(kind, &input, &input),
            "{kind:?} same as itself"
        );
        let dark = input.with_theme(Theme::Dark);
        assert!(!same_picture(kind, &input, &dark), "{kind:?} in the dark");
    }
}

fn preset_projection_for_reference() -> Projection {
    preset("kremlin-2030")
}
