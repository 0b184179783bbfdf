//! The SVG documents the charts are downloaded and tested as: a plotters drawing backend that
//! writes SVG markup into a string.
//!
//! Its markup is the markup plotters' own SVG backend writes (one element per primitive, the same
//! attributes in the same order), so a chart is the same document either way; the snapshot tests
//! hold it to that. It is ours so that numbers are written by [`crate::text`]: the page's copy of
//! plotters' backend wrote colours' opacity and font sizes with Rust's float formatting, which
//! otherwise stays out of the page (see `text`).

use crate::text;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle, FontTransform,
};

/// An SVG document being written into a string; [`DrawingBackend::present`] closes it.
pub struct Svg<'a> {
    out: &'a mut String,
    size: (u32, u32),
    closed: bool,
}

/// Writing into a string cannot fail; plotters asks for an error type all the same.
pub type SvgError = std::fmt::Error;

type Drawn = Result<(), DrawingErrorKind<SvgError>>;

impl<'a> Svg<'a> {
    /// Starts a document of `width` × `height` pixels in `out`.
    pub fn new(out: &'a mut String, (width, height): (u32, u32)) -> Svg<'a> {
        let (w, h) = (width.to_string(), height.to_string());
        let view = format!("0 0 {w} {h}");
        let mut svg = Svg {
            out,
            size: (width, height),
            closed: false,
        };
        svg.open(
            "svg",
            &[
                ("width", &w),
                ("height", &h),
                ("viewBox", &view),
                ("xmlns", "http://www.w3.org/2000/svg"),
            ],
        );
        svg.out.push_str(">\n");
        svg
    }

    /// `<tag a="v" …` with the values escaped, not yet ended.
    fn open(&mut self, tag: &str, attributes: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attributes {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape_into(self.out, value);
            self.out.push('"');
        }
    }

    /// An empty element `<tag …/>`, unless `color` is invisible; with `paint` named, the colour's
    /// opacity and the colour as that attribute come before `attributes`.
    fn element(
        &mut self,
        tag: &str,
        color: BackendColor,
        paint: Option<&str>,
        attributes: &[(&str, &str)],
    ) -> Drawn {
        if color.alpha == 0.0 {
            return Ok(());
        }
        let (opacity, hex) = match paint {
            Some(_) => (text::shortest(color.alpha), hex(color)),
            None => Default::default(),
        };
        let mut all: Vec<(&str, &str)> = Vec::with_capacity(attributes.len() + 2);
        if let Some(paint) = paint {
            all.push(("opacity", &opacity));
            all.push((paint, &hex));
        }
        all.extend_from_slice(attributes);
        self.open(tag, &all);
        self.out.push_str("/>\n");
        Ok(())
    }
}

/// `value` with the five characters markup reserves escaped.
fn escape_into(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
}

/// A colour as `#RRGGBB`.
fn hex(color: BackendColor) -> String {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::from("#");
    for part in [color.rgb.0, color.rgb.1, color.rgb.2] {
        out.push(char::from(DIGITS[usize::from(part >> 4)]));
        out.push(char::from(DIGITS[usize::from(part & 15)]));
    }
    out
}

/// Points as "x,y x,y " (each pair followed by a space).
fn points(path: impl IntoIterator<Item = BackendCoord>) -> String {
    let mut out = String::new();
    for (x, y) in path {
        out.push_str(&x.to_string());
        out.push(',');
        out.push_str(&y.to_string());
        out.push(' ');
    }
    out
}

/// The fill and stroke of a shape: its colour on one, "none" on the other.
fn fill_or_stroke(color: BackendColor, fill: bool) -> (String, String) {
    if fill {
        (hex(color), "none".into())
    } else {
        ("none".into(), hex(color))
    }
}

impl DrawingBackend for Svg<'_> {
    type ErrorType = SvgError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        if !self.closed {
            self.out.push_str("</svg>\n");
            self.closed = true;
        }
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Drawn {
        let (x, y) = (x.to_string(), y.to_string());
        let (opacity, fill) = (text::shortest(color.alpha), hex(color));
        let attributes = [
            ("x", x.as_str()),
            ("y", &y),
            ("width", "1"),
            ("height", "1"),
            ("stroke", "none"),
            ("opacity", &opacity),
            ("fill", &fill),
        ];
        self.element("rect", color, None, &attributes)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        let width = style.stroke_width().to_string();
        let [x1, y1, x2, y2] = [from.0, from.1, to.0, to.1].map(|v| v.to_string());
        let attributes = [
            ("stroke-width", width.as_str()),
            ("x1", &x1),
            ("y1", &y1),
            ("x2", &x2),
            ("y2", &y2),
        ];
        self.element("line", style.color(), Some("stroke"), &attributes)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (left, top): BackendCoord,
        (right, bottom): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let color = style.color();
        let (fill, stroke) = fill_or_stroke(color, fill);
        let [x, y, w, h] = [left, top, right - left, bottom - top].map(|v| v.to_string());
        let opacity = text::shortest(color.alpha);
        let attributes = [
            ("x", x.as_str()),
            ("y", &y),
            ("width", &w),
            ("height", &h),
            ("opacity", &opacity),
            ("fill", &fill),
            ("stroke", &stroke),
        ];
        self.element("rect", color, None, &attributes)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let (opacity, stroke) = (text::shortest(color.alpha), hex(color));
        let (width, points) = (style.stroke_width().to_string(), points(path));
        let attributes = [
            ("fill", "none"),
            ("opacity", opacity.as_str()),
            ("stroke", &stroke),
            ("stroke-width", &width),
            ("points", &points),
        ];
        self.element("polyline", color, None, &attributes)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let points = points(path);
        self.element(
            "polygon",
            style.color(),
            Some("fill"),
            &[("points", &points)],
        )
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let color = style.color();
        let (fill, stroke) = fill_or_stroke(color, fill);
        let [cx, cy, r, width] =
            [x, y, radius as i32, style.stroke_width() as i32].map(|v| v.to_string());
        let opacity = text::shortest(color.alpha);
        let attributes = [
            ("cx", cx.as_str()),
            ("cy", &cy),
            ("r", &r),
            ("opacity", &opacity),
            ("fill", &fill),
            ("stroke", &stroke),
            ("stroke-width", &width),
        ];
        self.element("circle", color, None, &attributes)
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        words: &str,
        style: &T,
        (x, y): BackendCoord,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let (sx, sy) = (x.to_string(), y.to_string());
        let family = style.family();
        // plotters' text sizes are in its own units; an SVG's font-size is 1.24 times smaller.
        let (size, opacity, fill) = (
            text::shortest(style.size() / 1.24),
            text::shortest(color.alpha),
            hex(color),
        );
        let mut attributes = vec![
            ("x", sx.as_str()),
            ("y", &sy),
            ("dy", dy),
            ("text-anchor", anchor),
            ("font-family", family.as_str()),
            ("font-size", &size),
            ("opacity", &opacity),
            ("fill", &fill),
        ];
        let font_style = style.style();
        match font_style {
            FontStyle::Normal => {}
            FontStyle::Bold => attributes.push(("font-weight", "bold")),
            _ => attributes.push(("font-style", font_style.as_str())),
        }
        let turn = match style.transform() {
            FontTransform::Rotate90 => "90",
            FontTransform::Rotate180 => "180",
            FontTransform::Rotate270 => "270",
            FontTransform::None => "",
        };
        let rotation = format!("rotate({turn}, {sx}, {sy})");
        if !turn.is_empty() {
            attributes.push(("transform", &rotation));
        }
        self.open("text", &attributes);
        self.out.push_str(">\n");
        escape_into(self.out, words);
        self.out.push_str("\n</text>\n");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Svg;
    use plotters::prelude::{
        Circle, Color, IntoDrawingArea, IntoFont, PathElement, Polygon, RGBColor, Rectangle,
        SVGBackend, Text, BLACK, RED, TRANSPARENT, WHITE,
    };
    use plotters_backend::text_anchor::{HPos, VPos};
    use plotters_backend::{DrawingBackend, FontStyle, FontTransform};

    /// Every primitive, in every variant the charts use, is written as plotters' own SVG backend
    /// writes it (the chart snapshots check whole charts; this checks the primitives one by one).
    #[test]
    fn markup_is_plotters_markup() {
        fn picture<DB: DrawingBackend>(backend: DB) {
            let area = backend.into_drawing_area();
            let faint = RGBColor(0x12, 0xAB, 0xEF).mix(0.35);
            area.fill(&WHITE).ok();
            area.draw_pixel((3, 4), &faint).ok();
            area.draw(&PathElement::new(
                vec![(1, 2), (30, 40), (50, 5)],
                faint.stroke_width(2),
            ))
            .ok();
            area.draw(&Rectangle::new([(5, 6), (70, 80)], faint.filled()))
                .ok();
            area.draw(&Rectangle::new([(5, 6), (70, 80)], BLACK.stroke_width(3)))
                .ok();
            area.draw(&Circle::new((20, 20), 4, faint.filled())).ok();
            area.draw(&Circle::new((20, 20), 4, RED.stroke_width(1)))
                .ok();
            area.draw(&Polygon::new(vec![(1, 1), (9, 1), (5, 9)], faint))
                .ok();
            area.draw(&PathElement::new(vec![(0, 0), (9, 9)], TRANSPARENT))
                .ok();
            for (h, v, transform) in [
                (HPos::Left, VPos::Top, FontTransform::None),
                (HPos::Center, VPos::Center, FontTransform::Rotate90),
                (HPos::Right, VPos::Bottom, FontTransform::Rotate270),
                (HPos::Left, VPos::Center, FontTransform::Rotate180),
            ] {
                let font = ("sans-serif", 13.0)
                    .into_font()
                    .transform(transform)
                    .color(&faint)
                    .pos(plotters::style::text_anchor::Pos::new(h, v));
                area.draw(&Text::new("a <b> & 'c' \"d\"", (40, 50), font))
                    .ok();
            }
            let bold = ("serif", 11.5).into_font().style(FontStyle::Bold);
            area.draw(&Text::new("bold", (1, 2), bold)).ok();
            let italic = ("serif", 11.5).into_font().style(FontStyle::Italic);
            area.draw(&Text::new("italic", (1, 2), italic)).ok();
            area.present().ok();
        }
        let (mut ours, mut theirs) = (String::new(), String::new());
        picture(Svg::new(&mut ours, (120, 90)));
        picture(SVGBackend::with_string(&mut theirs, (120, 90)));
        assert!(theirs.matches('<').count() > 20);
        assert_eq!(ours, theirs);
    }
}
