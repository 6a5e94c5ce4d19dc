//! Figures: a drawing of vector shapes (a chart) placed as one tagged
//! `Figure` with its alternative text, as PDF/UA asks. Shapes are filled and
//! stroked paths; their texts are shaped like all other text. Nothing is an
//! image: the drawing stays sharp in print and small in the file.

use krilla::geom::{Path, PathBuilder, Point, Rect};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, Stroke, StrokeDash};
use krilla::surface::Surface;

use super::layout::{Child, Item, Kind, Layout, Mark};
use super::shape::{Anchor, Shape};
use super::text::Fonts;
use super::{PdfError, Result, Rgb, Style, Weight, LEFT};

impl Layout<'_> {
    /// A drawing of `width` × `height` points at the left margin, kept on one
    /// page, tagged as a Figure with `alt` as its alternative text.
    pub(crate) fn figure(&mut self, alt: &str, width: f32, height: f32, shapes: Vec<Shape>) {
        self.keep(height);
        let page = self.pages.len() - 1;
        let y = self.y;
        self.open(Kind::Figure {
            alt: alt.to_owned(),
            page,
            rect: (LEFT, y, width, height),
        });
        let leaf = self.leaves;
        self.leaves += 1;
        self.push_child(Child::Leaf(leaf));
        self.current().push(Item::Drawing {
            x: LEFT,
            y,
            shapes,
            mark: Mark::Leaf(leaf),
        });
        self.close();
        self.y += height;
    }
}

fn fail(what: &str) -> PdfError {
    PdfError(format!("PDF figure: {what}"))
}

fn fill(c: Option<Rgb>) -> Option<Fill> {
    c.map(|c| Fill {
        paint: krilla::color::rgb::Color::new(c.0, c.1, c.2).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    })
}

fn stroke(s: Option<(Rgb, f32)>, dash: bool) -> Option<Stroke> {
    s.map(|(c, width)| Stroke {
        paint: krilla::color::rgb::Color::new(c.0, c.1, c.2).into(),
        width,
        dash: dash.then(|| StrokeDash {
            array: vec![4.0, 2.5],
            offset: 0.0,
        }),
        ..Stroke::default()
    })
}

fn rect_path(x: f32, y: f32, w: f32, h: f32) -> Result<Path> {
    let r = Rect::from_xywh(x, y, w.max(0.1), h.max(0.1)).ok_or_else(|| fail("rectangle"))?;
    let mut pb = PathBuilder::new();
    pb.push_rect(r);
    pb.finish().ok_or_else(|| fail("path"))
}

/// A circle of four Bézier quarters.
fn circle_path(x: f32, y: f32, r: f32) -> Result<Path> {
    const K: f32 = 0.552_284_8;
    let k = K * r;
    let mut pb = PathBuilder::new();
    pb.move_to(x + r, y);
    pb.cubic_to(x + r, y + k, x + k, y + r, x, y + r);
    pb.cubic_to(x - k, y + r, x - r, y + k, x - r, y);
    pb.cubic_to(x - r, y - k, x - k, y - r, x, y - r);
    pb.cubic_to(x + k, y - r, x + r, y - k, x + r, y);
    pb.close();
    pb.finish().ok_or_else(|| fail("circle"))
}

/// Draw the shapes with the drawing's top left at (`x0`, `y0`). The caller
/// has opened the marked content they belong to.
pub(super) fn draw(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    x0: f32,
    y0: f32,
    shapes: &[Shape],
) -> Result<()> {
    for shape in shapes {
        match shape {
            Shape::Rect {
                x,
                y,
                w,
                h,
                fill: f,
                stroke: s,
            } => {
                surface.set_fill(fill(*f));
                surface.set_stroke(stroke(*s, false));
                surface.draw_path(&rect_path(x0 + x, y0 + y, *w, *h)?);
            }
            Shape::Line {
                points,
                color,
                width,
                dash,
            } => {
                let mut pb = PathBuilder::new();
                for (i, (x, y)) in points.iter().enumerate() {
                    if i == 0 {
                        pb.move_to(x0 + x, y0 + y);
                    } else {
                        pb.line_to(x0 + x, y0 + y);
                    }
                }
                let Some(path) = pb.finish() else { continue };
                surface.set_fill(None);
                surface.set_stroke(stroke(Some((*color, *width)), *dash));
                surface.draw_path(&path);
            }
            Shape::Dot {
                x,
                y,
                r,
                fill: f,
                stroke: s,
            } => {
                surface.set_fill(fill(*f));
                surface.set_stroke(stroke(*s, false));
                surface.draw_path(&circle_path(x0 + x, y0 + y, *r)?);
            }
            Shape::Text {
                x,
                y,
                text,
                size,
                color,
                anchor,
            } => {
                let style = Style {
                    weight: Weight::Regular,
                    size: *size,
                    leading: *size * 1.2,
                    color: *color,
                };
                let line = fonts.line(text, style);
                if line.is_empty() {
                    continue;
                }
                let left = match anchor {
                    Anchor::Start => *x,
                    Anchor::Middle => x - line.width / 2.0,
                    Anchor::End => x - line.width,
                };
                surface.set_stroke(None);
                surface.set_fill(fill(Some(*color)));
                surface.draw_glyphs(
                    Point::from_xy(x0 + left, y0 + y),
                    &line.glyphs,
                    fonts.get(style.weight).1.clone(),
                    &line.text,
                    style.size,
                    false,
                );
            }
        }
    }
    Ok(())
}
