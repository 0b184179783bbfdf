//! Theme colours, the region and stage palettes, sizes scaled by the device pixel ratio, and the
//! charts' names for [`crate::text`]'s number formats.

use super::Theme;
use crate::data::{Region, Stage};
use plotters::style::{FontDesc, FontFamily, FontStyle, IntoFont, RGBColor, TextStyle};

/// Okabe–Ito palette (Okabe & Ito 2008; Wong, "Color blindness", Nature Methods 8:441, 2011),
/// with its black replaced by a grey for "Other" so it shows on a dark background.
/// Indexed by `Region as usize`; the same colour marks a region in every chart.
const REGION_PALETTE: [RGBColor; 8] = [
    RGBColor(213, 94, 0),    // China: vermillion
    RGBColor(0, 114, 178),   // Russia: blue
    RGBColor(86, 180, 233),  // United States: sky blue
    RGBColor(230, 159, 0),   // Australia: orange
    RGBColor(204, 121, 167), // Myanmar: reddish purple
    RGBColor(0, 158, 115),   // Malaysia: bluish green
    RGBColor(240, 228, 66),  // EU: yellow
    RGBColor(153, 153, 153), // Other: grey
];

/// Grey for "Other" on the dark background (a little darker, so the top band does not glare).
const OTHER_DARK: RGBColor = RGBColor(128, 128, 128);

/// Paul Tol's medium-contrast scheme (personal.sron.nl/~pault), dark members for the light theme:
/// dark yellow, dark blue, dark red for mining, separation, magnets.
const STAGE_LIGHT: [RGBColor; 3] = [
    RGBColor(153, 119, 0),
    RGBColor(0, 68, 136),
    RGBColor(153, 68, 85),
];

/// The same scheme's light members for the dark theme.
const STAGE_DARK: [RGBColor; 3] = [
    RGBColor(238, 204, 102),
    RGBColor(102, 153, 204),
    RGBColor(238, 153, 170),
];

/// The colour of a region in a theme.
pub fn region_colour(region: Region, theme: Theme) -> RGBColor {
    match (region, theme) {
        (Region::Other, Theme::Dark) => OTHER_DARK,
        _ => REGION_PALETTE[region as usize],
    }
}

/// The colour of a stage's line in a theme.
pub fn stage_colour(stage: Stage, theme: Theme) -> RGBColor {
    match theme {
        Theme::Light => STAGE_LIGHT[stage as usize],
        Theme::Dark => STAGE_DARK[stage as usize],
    }
}

/// Colours and scaled sizes for one drawing.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Look {
    /// Device pixels per CSS pixel.
    pub scale: f64,
    /// The theme.
    pub theme: Theme,
    /// Background.
    pub background: RGBColor,
    /// Main text and annotation colour.
    pub text: RGBColor,
    /// Secondary text (axis labels, target labels).
    pub muted: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Axis lines and ticks.
    pub axis: RGBColor,
}

impl Look {
    /// The look of `theme` at `scale` (a bad scale falls back to 1, and is held within 0.5 to 4).
    pub fn new(theme: Theme, scale: f64) -> Look {
        let scale = if scale.is_finite() && scale > 0.0 {
            scale.clamp(0.5, 4.0)
        } else {
            1.0
        };
        match theme {
            Theme::Light => Look {
                scale,
                theme,
                background: RGBColor(255, 255, 255),
                text: RGBColor(31, 35, 40),
                muted: RGBColor(87, 96, 106),
                grid: RGBColor(225, 228, 232),
                axis: RGBColor(140, 149, 159),
            },
            Theme::Dark => Look {
                scale,
                theme,
                background: RGBColor(22, 27, 34),
                text: RGBColor(230, 237, 243),
                muted: RGBColor(157, 167, 179),
                grid: RGBColor(48, 54, 61),
                axis: RGBColor(110, 118, 129),
            },
        }
    }

    /// `css` CSS pixels in device pixels, rounded.
    pub fn px(&self, css: f64) -> i32 {
        (css * self.scale).round() as i32
    }

    /// `css` CSS pixels in device pixels, at least 1 (for line widths).
    pub fn width(&self, css: f64) -> u32 {
        (css * self.scale).round().max(1.0) as u32
    }

    /// A sans-serif font of `css` CSS pixels.
    pub fn font(&self, css: f64) -> FontDesc<'static> {
        (FontFamily::SansSerif, css * self.scale).into_font()
    }

    /// Body text (axis labels, legend) in the muted or main colour.
    pub fn label(&self) -> TextStyle<'static> {
        self.font(12.0).color(&self.muted)
    }

    /// Legend and annotation text in the main colour.
    pub fn body(&self) -> TextStyle<'static> {
        self.font(12.0).color(&self.text)
    }

    /// Small annotation text.
    pub fn small(&self, colour: RGBColor) -> TextStyle<'static> {
        self.font(11.0).color(&colour)
    }

    /// The chart title.
    pub fn title(&self) -> TextStyle<'static> {
        self.font(14.0).style(FontStyle::Bold).color(&self.text)
    }

    /// Estimated width in device pixels of `text` in a font of `css` CSS pixels: 0.6 em a
    /// character, a whole em for a Chinese (or other full-width) one.
    /// No measuring: text measurement in the browser goes through the DOM and is slow.
    pub fn text_width(&self, text: &str, css: f64) -> i32 {
        let wide = text.chars().filter(|&c| full_width(c)).count();
        ((text.chars().count() as f64 * 0.6 + wide as f64 * 0.4) * css * self.scale).round() as i32
    }
}

/// Whether `c` is a Chinese (or other full-width) character, a whole em wide in
/// [`Look::text_width`]'s reckoning.
pub fn full_width(c: char) -> bool {
    c >= '\u{2e80}'
}

/// `colour` laid over `background` at opacity `alpha` (for legend samples of translucent fills).
pub fn blend(colour: RGBColor, background: RGBColor, alpha: f64) -> RGBColor {
    let mix = |a: u8, b: u8| (f64::from(a) * alpha + f64::from(b) * (1.0 - alpha)).round() as u8;
    RGBColor(
        mix(colour.0, background.0),
        mix(colour.1, background.1),
        mix(colour.2, background.2),
    )
}

// A share as the charts write it ("1.1%", "91%"), a difference in percentage points ("6.9") and a
// whole number with thousands separators ("10,000"): defined once, in `crate::text`.
pub use crate::text::{percent_short as pct, points, thousands};

/// A finite value in 0..=1 (bad values become 0).
pub fn unit(value: f64) -> f64 {
    if value.is_finite() {
        value.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_numbers() {
        assert_eq!(pct(0.912), "91%");
        assert_eq!(pct(0.0112), "1.1%");
        assert_eq!(pct(0.0996), "10%");
        assert_eq!(pct(f64::NAN), "0.0%");
        assert_eq!(points(-0.0689), "6.9");
        assert_eq!(thousands(10_000.0), "10,000");
        assert_eq!(thousands(999.4), "999");
        assert_eq!(thousands(1_234_567.0), "1,234,567");
        assert_eq!(thousands(-2500.0), "-2,500");
    }

    #[test]
    fn bad_scale_falls_back() {
        assert_eq!(Look::new(Theme::Light, f64::NAN).scale, 1.0);
        assert_eq!(Look::new(Theme::Light, -2.0).scale, 1.0);
        assert_eq!(Look::new(Theme::Dark, 10.0).scale, 4.0);
    }
}
