//! Writing: the page furniture (footer, running header) and the tagged PDF.

use std::num::NonZeroU16;

use krilla::color::rgb;
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, BBox, ContentTag, Identifier, ListNumbering, Node, SpanTag,
    TableHeaderScope, Tag, TagGroup, TagKind, TagTree,
};
use krilla::{Document, SerializeSettings};

use super::layout::{Child, Item, Kind, Layout, Mark};
use super::text::Fonts;
use super::{
    Meta, PdfError, Result, Rgb, Style, Weight, FOOTER_BASELINE, LEFT, PAGE_H, PAGE_W, RIGHT, TOP,
};

/// The footer on every page ("Pagina 1 van 2") and, from page 2 on, the
/// running header with its rule.
pub(super) fn furnish(layout: &mut Layout<'_>, meta: &Meta) {
    let total = layout.pages.len();
    let small = Style {
        weight: Weight::Regular,
        size: 8.0,
        leading: 10.0,
        color: Rgb(0x55, 0x55, 0x55),
    };
    let fonts = layout.fonts;
    for (i, page) in layout.pages.iter_mut().enumerate() {
        let left = fonts.line(&meta.footer_left, small);
        let right = fonts.line(&format!("Pagina {} van {}", i + 1, total), small);
        let right_x = RIGHT - right.width;
        page.push(Item::Text {
            x: LEFT,
            baseline: FOOTER_BASELINE,
            style: small,
            line: left,
            mark: Mark::Artifact(ArtifactType::Footer),
        });
        page.push(Item::Text {
            x: right_x,
            baseline: FOOTER_BASELINE,
            style: small,
            line: right,
            mark: Mark::Artifact(ArtifactType::Footer),
        });
        if i > 0 {
            let head = fonts.line(&meta.running_header, small);
            page.push(Item::Text {
                x: LEFT,
                baseline: TOP + 8.0,
                style: small,
                line: head,
                mark: Mark::Artifact(ArtifactType::Header),
            });
            page.push(Item::Rect {
                rect: (LEFT, TOP + 12.0, RIGHT - LEFT, 0.5),
                fill: Some(Rgb(0x99, 0x99, 0x99)),
                stroke: None,
            });
        }
    }
}

fn color(c: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(c.0, c.1, c.2).into()
}

fn fail(what: &str) -> PdfError {
    PdfError(format!("PDF layout: {what}"))
}

/// Write the laid-out pages as a tagged PDF.
pub(super) fn write(layout: Layout<'_>, meta: &Meta) -> Result<Vec<u8>> {
    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .with_archival_validator(Archival::A2_A)
        .finish()
        .map_err(|e| PdfError(format!("PDF configuration: {e:?}")))?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    let mut doc = Document::new_with(settings);
    let mut ids: Vec<Option<Identifier>> = vec![None; layout.leaves];
    let size = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| fail("page size"))?;

    for page_items in &layout.pages {
        let mut page = doc.start_page_with(size.clone());
        let mut surface = page.surface();
        for item in page_items {
            draw(&mut surface, layout.fonts, item, &mut ids)?;
        }
        surface.finish();
        page.finish();
    }

    let mut tree = TagTree::new().with_lang(Some("nl-NL".into()));
    let root = layout
        .stack
        .into_iter()
        .next()
        .ok_or_else(|| fail("no structure"))?;
    for child in root.children {
        if let Some(node) = to_node(child, &ids)? {
            tree.push(node);
        }
    }
    doc.set_tag_tree(tree);

    let mut outline = Outline::new();
    for (text, page, y) in &layout.outline {
        outline.push_child(OutlineNode::new(
            text.clone(),
            XyzDestination::new(*page, Point::from_xy(LEFT, *y)),
        ));
    }
    doc.set_outline(outline);

    let mut metadata = Metadata::new()
        .title(meta.title.clone())
        .description(meta.subject.clone())
        .authors(vec![meta.author.clone()])
        .creator("Buurtpunt".into())
        .language("nl-NL".into());
    if let Some((y, m, d)) = meta.date {
        metadata = metadata.creation_date(DateTime::new(y).month(m).day(d));
    }
    doc.set_metadata(metadata);

    doc.finish().map_err(|e| PdfError(format!("PDF: {e}")))
}

fn draw(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    item: &Item,
    ids: &mut [Option<Identifier>],
) -> Result<()> {
    match item {
        Item::Text {
            x,
            baseline,
            style,
            line,
            mark,
        } => {
            let tag = match mark {
                Mark::Leaf(_) => ContentTag::Span(SpanTag::empty()),
                Mark::Artifact(kind) => ContentTag::Artifact(Artifact::with_kind(*kind)),
            };
            let id = surface.start_tagged(tag);
            surface.set_stroke(None);
            surface.set_fill(Some(Fill {
                paint: color(style.color),
                opacity: NormalizedF32::ONE,
                rule: FillRule::NonZero,
            }));
            surface.draw_glyphs(
                Point::from_xy(*x, *baseline),
                &line.glyphs,
                fonts.get(style.weight).1.clone(),
                &line.text,
                style.size,
                false,
            );
            surface.end_tagged();
            if let Mark::Leaf(n) = mark {
                let slot = ids.get_mut(*n).ok_or_else(|| fail("leaf out of range"))?;
                *slot = Some(id);
            }
        }
        Item::Rect { rect, fill, stroke } => {
            let r = Rect::from_xywh(rect.0, rect.1, rect.2, rect.3.max(0.1))
                .ok_or_else(|| fail("rectangle"))?;
            let mut pb = PathBuilder::new();
            pb.push_rect(r);
            let path = pb.finish().ok_or_else(|| fail("path"))?;
            surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                ArtifactType::Layout,
            )));
            surface.set_fill(fill.map(|c| Fill {
                paint: color(c),
                opacity: NormalizedF32::ONE,
                rule: FillRule::NonZero,
            }));
            surface.set_stroke(stroke.map(|(c, w)| Stroke {
                paint: color(c),
                width: w,
                ..Stroke::default()
            }));
            surface.draw_path(&path);
            surface.end_tagged();
        }
        Item::Drawing { x, y, shapes, mark } => {
            let tag = match mark {
                Mark::Leaf(_) => ContentTag::Other,
                Mark::Artifact(kind) => ContentTag::Artifact(Artifact::with_kind(*kind)),
            };
            let id = surface.start_tagged(tag);
            super::figure::draw(surface, fonts, *x, *y, shapes)?;
            surface.end_tagged();
            if let Mark::Leaf(n) = mark {
                let slot = ids.get_mut(*n).ok_or_else(|| fail("leaf out of range"))?;
                *slot = Some(id);
            }
        }
    }
    Ok(())
}

fn to_node(child: Child, ids: &[Option<Identifier>]) -> Result<Option<Node>> {
    match child {
        Child::Leaf(n) => {
            let id = ids
                .get(n)
                .copied()
                .flatten()
                .ok_or_else(|| fail("text line not drawn"))?;
            Ok(Some(Node::Leaf(id)))
        }
        Child::Group(g) => {
            let mut children = Vec::with_capacity(g.children.len());
            for c in g.children {
                if let Some(n) = to_node(c, ids)? {
                    children.push(n);
                }
            }
            if children.is_empty() {
                return Ok(None);
            }
            let kind: TagKind = match g.kind {
                Kind::Section => Tag::Section.into(),
                Kind::Heading(level, title) => {
                    let level = NonZeroU16::new(level).unwrap_or(NonZeroU16::MIN);
                    Tag::Hn(level, Some(title)).into()
                }
                Kind::P => Tag::P.into(),
                Kind::BlockQuote => Tag::BlockQuote.into(),
                Kind::Div => Tag::Div.into(),
                Kind::List => Tag::L(ListNumbering::Disc).into(),
                Kind::Item => Tag::LI.into(),
                Kind::Label => Tag::Lbl.into(),
                Kind::Body => Tag::LBody.into(),
                Kind::Figure { alt, page, rect } => {
                    let r = Rect::from_xywh(rect.0, rect.1, rect.2, rect.3)
                        .ok_or_else(|| fail("figure box"))?;
                    Tag::Figure(Some(alt))
                        .with_bbox(Some(BBox::new(page, r)))
                        .into()
                }
                Kind::Table => Tag::Table.into(),
                Kind::THead => Tag::THead.into(),
                Kind::TBody => Tag::TBody.into(),
                Kind::Tr => Tag::TR.into(),
                Kind::Th { row } => Tag::TH(if row {
                    TableHeaderScope::Row
                } else {
                    TableHeaderScope::Column
                })
                .into(),
                Kind::Td => Tag::TD.into(),
            };
            Ok(Some(Node::Group(TagGroup::with_children(kind, children))))
        }
    }
}
