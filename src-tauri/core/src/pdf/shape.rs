//! The shapes a figure is drawn with (see [`super::figure`]).

use super::Rgb;

/// Where a text's x lies relative to the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

/// One vector shape, in points from the drawing's top left (y downward).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Shape {
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
    /// An open polyline; `dash` draws it dashed (told apart in grey print).
    Line {
        points: Vec<(f32, f32)>,
        color: Rgb,
        width: f32,
        dash: bool,
    },
    Dot {
        x: f32,
        y: f32,
        r: f32,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
    /// A text with its baseline at `y`.
    Text {
        x: f32,
        y: f32,
        text: String,
        size: f32,
        color: Rgb,
        anchor: Anchor,
    },
}
