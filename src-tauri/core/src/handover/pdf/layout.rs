//! A small page-layout engine for the handover PDF.
//!
//! Text is shaped once with rustybuzz (the same shaper krilla uses), wrapped at
//! spaces to a column width, and placed line by line on A4 pages; a line that
//! does not fit starts a new page. Every text line is one marked-content span
//! in a logical structure (sections, headings, paragraphs, lists) that becomes
//! the PDF's tag tree; rules, boxes, the running header and the page numbers
//! are artifacts. Nothing in the text is interpreted: what the data says is
//! what is drawn.
//!
//! Layout runs first and produces a display list per page, so the total page
//! count ("Pagina 1 van 2") is known before anything is written.

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
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, Tag, TagGroup,
    TagKind, TagTree,
};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Data, Document, SerializeSettings};

use crate::{Error, Result};

/// One typographic point is 1/72 inch.
pub(super) const MM: f32 = 72.0 / 25.4;
/// A4 portrait in points.
pub(super) const PAGE_W: f32 = 210.0 * MM;
pub(super) const PAGE_H: f32 = 297.0 * MM;
/// Margins: 20 mm around the text; the footer sits in the bottom margin.
pub(super) const LEFT: f32 = 20.0 * MM;
pub(super) const RIGHT: f32 = PAGE_W - 20.0 * MM;
const TOP: f32 = 20.0 * MM;
const BOTTOM: f32 = PAGE_H - 22.0 * MM;
/// Where continuation pages start (below their running header).
const TOP_CONTINUED: f32 = TOP + 8.0 * MM;
/// Baseline of the footer line.
const FOOTER_BASELINE: f32 = PAGE_H - 12.0 * MM;

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Rgb(pub u8, pub u8, pub u8);

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Weight {
    Regular,
    Bold,
}

/// How a run of text looks: weight, size and line distance in points, colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Style {
    pub weight: Weight,
    pub size: f32,
    pub leading: f32,
    pub color: Rgb,
}

/// The two embedded faces, for shaping (rustybuzz) and for writing (krilla).
pub(super) struct Fonts {
    regular: (rustybuzz::Face<'static>, Font),
    bold: (rustybuzz::Face<'static>, Font),
}

impl Fonts {
    pub(super) fn load() -> Result<Fonts> {
        let face = |data: &'static [u8]| -> Result<(rustybuzz::Face<'static>, Font)> {
            let shaper = rustybuzz::Face::from_slice(data, 0)
                .ok_or_else(|| Error::Handover("embedded font unreadable (shaper)".into()))?;
            let font = Font::new(Data::from(data), 0)
                .ok_or_else(|| Error::Handover("embedded font unreadable (writer)".into()))?;
            Ok((shaper, font))
        };
        Ok(Fonts {
            regular: face(REGULAR)?,
            bold: face(BOLD)?,
        })
    }

    fn get(&self, w: Weight) -> &(rustybuzz::Face<'static>, Font) {
        match w {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// The text as one line, however long.
    pub(super) fn line(&self, text: &str, style: Style) -> Line {
        let clean = sanitize(&self.get(style.weight).0, &text.replace('\n', " "));
        let glyphs = shape(&self.get(style.weight).0, &clean);
        Line::new(clean, glyphs, style.size)
    }

    /// Wrap text to `max_width` points. Hard line breaks in the text are kept
    /// (runs of empty lines count once); long words without a space are cut
    /// where they reach the edge.
    pub(super) fn wrap(&self, text: &str, style: Style, max_width: f32) -> Vec<Line> {
        let face = &self.get(style.weight).0;
        let text = text
            .replace("\r\n", "\n")
            .replace(['\r', '\u{2028}', '\u{2029}'], "\n");
        let mut lines = Vec::new();
        let mut blank = false;
        for piece in text.trim().split('\n') {
            let clean = sanitize(face, piece.trim_end());
            if clean.trim().is_empty() {
                if !blank && !lines.is_empty() {
                    lines.push(Line::default());
                }
                blank = true;
                continue;
            }
            blank = false;
            let glyphs = shape(face, &clean);
            break_lines(&clean, &glyphs, style.size, max_width, &mut lines);
        }
        lines
    }
}

/// One line of shaped text, ready to draw. `glyphs` carry advances per em and
/// byte ranges into `text`.
#[derive(Clone, Debug, Default)]
pub(super) struct Line {
    pub text: String,
    glyphs: Vec<KrillaGlyph>,
    /// Visible width in points (without a trailing space).
    pub width: f32,
}

impl Line {
    fn new(text: String, glyphs: Vec<KrillaGlyph>, size: f32) -> Line {
        let width = visible_width(&text, &glyphs, size);
        Line {
            text,
            glyphs,
            width,
        }
    }

    fn is_empty(&self) -> bool {
        self.glyphs.is_empty()
    }
}

fn visible_width(text: &str, glyphs: &[KrillaGlyph], size: f32) -> f32 {
    let trailing = glyphs
        .iter()
        .rev()
        .take_while(|g| {
            text.get(g.text_range.clone())
                .is_some_and(|t| t.trim().is_empty())
        })
        .count();
    glyphs[..glyphs.len() - trailing]
        .iter()
        .map(|g| g.x_advance * size)
        .sum()
}

/// Replace what the font cannot draw and drop control characters, so that no
/// glyph is missing (PDF/UA forbids the .notdef glyph) and nothing is hidden.
fn sanitize(face: &rustybuzz::Face<'_>, s: &str) -> String {
    let replacement = if face.glyph_index('\u{fffd}').is_some() {
        '\u{fffd}'
    } else {
        '?'
    };
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => out.push(' '),
            // Invisible format characters and variation selectors: drop.
            '\u{200b}'..='\u{200f}'
            | '\u{2060}'..='\u{2064}'
            | '\u{feff}'
            | '\u{fe00}'..='\u{fe0f}' => {}
            c if c.is_control() => {}
            // Private use: no agreed meaning, so not copied into the PDF.
            '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..='\u{10ffff}' => out.push(replacement),
            c if face.glyph_index(c).is_none() => out.push(replacement),
            c => out.push(c),
        }
    }
    out
}

/// Shape a single-paragraph string left to right.
fn shape(face: &rustybuzz::Face<'_>, text: &str) -> Vec<KrillaGlyph> {
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    buffer.set_direction(rustybuzz::Direction::LeftToRight);
    let out = rustybuzz::shape(face, &[], buffer);
    let upem = face.units_per_em() as f32;
    let infos = out.glyph_infos();
    let positions = out.glyph_positions();
    let mut glyphs = Vec::with_capacity(infos.len());
    for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
        let start = info.cluster as usize;
        // The cluster ends where the next cluster starts (clusters rise left to right).
        let end = infos[i + 1..]
            .iter()
            .map(|n| n.cluster as usize)
            .find(|&c| c != start)
            .unwrap_or(text.len());
        glyphs.push(KrillaGlyph::new(
            GlyphId::new(info.glyph_id),
            pos.x_advance as f32 / upem,
            pos.x_offset as f32 / upem,
            pos.y_offset as f32 / upem,
            pos.y_advance as f32 / upem,
            start..end,
            None,
        ));
    }
    glyphs
}

/// Greedy line breaking on shaped glyphs: break after a space (the space stays
/// at the end of the line, as tagged PDF asks); a word longer than the line
/// breaks after a hyphen or slash, or else is cut at a cluster boundary.
fn break_lines(text: &str, glyphs: &[KrillaGlyph], size: f32, max: f32, out: &mut Vec<Line>) {
    let char_at = |g: &KrillaGlyph| text[g.text_range.start..].chars().next().unwrap_or(' ');
    let mut start = 0;
    while start < glyphs.len() {
        // Skip spaces at the start of a line.
        while start < glyphs.len() && char_at(&glyphs[start]) == ' ' {
            start += 1;
        }
        if start >= glyphs.len() {
            break;
        }
        let mut width = 0.0;
        let mut end = glyphs.len();
        let mut last_space = None;
        let mut last_hyphen = None;
        for (i, g) in glyphs.iter().enumerate().skip(start) {
            let c = char_at(g);
            if c != ' ' && width + g.x_advance * size > max && i > start {
                // Prefer a space; a hyphen or slash only inside a word that
                // is longer than the line.
                end = match last_space.or(last_hyphen) {
                    Some(b) => b + 1,
                    None => {
                        // Cut inside the word, not inside a cluster.
                        let mut cut = i;
                        while cut > start + 1
                            && glyphs[cut].text_range.start == glyphs[cut - 1].text_range.start
                        {
                            cut -= 1;
                        }
                        cut
                    }
                };
                break;
            }
            width += g.x_advance * size;
            if c == ' ' {
                last_space = Some(i);
            } else if (c == '-' || c == '/') && i > start {
                last_hyphen = Some(i);
            }
        }
        let part = &glyphs[start..end];
        let (from, to) = (
            part[0].text_range.start,
            part[part.len() - 1].text_range.end,
        );
        let rebased = part
            .iter()
            .map(|g| {
                let mut g = g.clone();
                g.text_range = g.text_range.start - from..g.text_range.end - from;
                g
            })
            .collect();
        let piece = text.get(from..to.max(from)).unwrap_or_default();
        out.push(Line::new(piece.to_owned(), rebased, size));
        start = end;
    }
}

/// A node of the logical structure (becomes the tag tree).
#[derive(Debug, Clone)]
pub(super) enum Kind {
    Section,
    Heading(u16, String),
    P,
    BlockQuote,
    Div,
    List,
    Item,
    Label,
    Body,
}

#[derive(Debug)]
struct Group {
    kind: Kind,
    children: Vec<Child>,
}

#[derive(Debug)]
enum Child {
    Group(Group),
    Leaf(usize),
}

/// How a framed block looks (drawn behind its text, per page it covers).
#[derive(Clone, Copy, Debug)]
pub(super) enum Frame {
    /// A bar on the left, for words quoted from the resident.
    Bar(Rgb),
    /// A tinted area with a border, for notices.
    Box { fill: Rgb, border: Rgb, width: f32 },
}

#[derive(Debug)]
enum Item {
    Text {
        x: f32,
        baseline: f32,
        style: Style,
        line: Line,
        mark: Mark,
    },
    Rect {
        rect: (f32, f32, f32, f32),
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
}

#[derive(Debug, Clone, Copy)]
enum Mark {
    Leaf(usize),
    Artifact(ArtifactType),
}

struct OpenFrame {
    frame: Frame,
    x0: f32,
    x1: f32,
    /// Where the current page's segment starts: page, item index, y.
    page: usize,
    index: usize,
    y: f32,
    pad: f32,
}

/// Lays out the document top to bottom; see the module docs.
pub(super) struct Layout<'f> {
    fonts: &'f Fonts,
    pages: Vec<Vec<Item>>,
    y: f32,
    stack: Vec<Group>,
    leaves: usize,
    outline: Vec<(String, usize, f32)>,
    frame: Option<OpenFrame>,
}

impl<'f> Layout<'f> {
    pub(super) fn new(fonts: &'f Fonts) -> Layout<'f> {
        Layout {
            fonts,
            pages: vec![Vec::new()],
            y: TOP,
            stack: vec![Group {
                kind: Kind::Section,
                children: Vec::new(),
            }],
            leaves: 0,
            outline: Vec::new(),
            frame: None,
        }
    }

    pub(super) fn fonts(&self) -> &'f Fonts {
        self.fonts
    }

    fn page_top(&self) -> f32 {
        if self.pages.len() == 1 {
            TOP
        } else {
            TOP_CONTINUED
        }
    }

    fn at_page_top(&self) -> bool {
        self.y <= self.page_top() + 0.01
    }

    /// Vertical white space; none at the top of a page.
    pub(super) fn space(&mut self, pts: f32) {
        if !self.at_page_top() {
            self.y += pts;
        }
    }

    /// Start a new page unless `height` points still fit on this one.
    pub(super) fn keep(&mut self, height: f32) {
        if self.y + height > BOTTOM && !self.at_page_top() {
            self.new_page();
        }
    }

    fn new_page(&mut self) {
        let segment = self.frame.as_ref().map(|f| (f.page, f.index, f.y));
        if let Some((page, index, y)) = segment {
            self.close_frame_segment(page, index, y, BOTTOM);
        }
        self.pages.push(Vec::new());
        self.y = self.page_top();
        if let Some(f) = &mut self.frame {
            f.page = self.pages.len() - 1;
            f.index = 0;
            f.y = self.y;
            self.y += f.pad;
        }
    }

    fn current(&mut self) -> &mut Vec<Item> {
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Open a structure element; everything placed until [`Layout::close`]
    /// belongs to it.
    pub(super) fn open(&mut self, kind: Kind) {
        self.stack.push(Group {
            kind,
            children: Vec::new(),
        });
    }

    pub(super) fn close(&mut self) {
        if self.stack.len() > 1 {
            if let Some(g) = self.stack.pop() {
                self.push_child(Child::Group(g));
            }
        }
    }

    fn push_child(&mut self, child: Child) {
        if let Some(top) = self.stack.last_mut() {
            top.children.push(child);
        }
    }

    /// Close the innermost open section and everything inside it, if any.
    pub(super) fn close_section(&mut self) {
        let open = self
            .stack
            .iter()
            .skip(1)
            .any(|g| matches!(g.kind, Kind::Section));
        while open && self.stack.len() > 1 {
            let was_section = matches!(self.stack.last().map(|g| &g.kind), Some(Kind::Section));
            self.close();
            if was_section {
                break;
            }
        }
    }

    /// Place lines at `x`, one under the other, flowing onto new pages.
    pub(super) fn lines(&mut self, lines: Vec<Line>, x: f32, style: Style) {
        for line in lines {
            self.line_at(line, x, style);
        }
    }

    /// Place one line at `x` on the current line position and move down.
    pub(super) fn line_at(&mut self, line: Line, x: f32, style: Style) {
        let (page, baseline) = self.slot(style);
        self.put(page, x, baseline, style, line);
    }

    /// Reserve the next line position (starting a new page when needed) and
    /// move down; returns the page and baseline.
    fn slot(&mut self, style: Style) -> (usize, f32) {
        if self.y + style.leading > BOTTOM && !self.at_page_top() {
            self.new_page();
        }
        let baseline = self.y + (style.leading - style.size) / 2.0 + style.size * 0.8;
        self.y += style.leading;
        (self.pages.len() - 1, baseline)
    }

    /// Two columns side by side: `left` lines at the left margin, `right`
    /// lines at `right_x`. In the structure all left lines come first, so a
    /// screen reader reads "label, value" even when both wrap.
    pub(super) fn pair(
        &mut self,
        left: Vec<Line>,
        left_style: Style,
        right: Vec<Line>,
        right_style: Style,
        right_x: f32,
    ) {
        let leading = left_style.leading.max(right_style.leading);
        let rows = left.len().max(right.len());
        let slot_style = Style {
            leading,
            ..right_style
        };
        let slots: Vec<(usize, f32)> = (0..rows).map(|_| self.slot(slot_style)).collect();
        for (line, &(page, baseline)) in left.into_iter().zip(&slots) {
            self.put(page, LEFT, baseline, left_style, line);
        }
        for (line, &(page, baseline)) in right.into_iter().zip(&slots) {
            self.put(page, right_x, baseline, right_style, line);
        }
    }

    /// A list item: its label (a bullet) and its text, as Lbl and LBody.
    pub(super) fn bullet(
        &mut self,
        label: Line,
        text: Vec<Line>,
        style: Style,
        label_x: f32,
        text_x: f32,
    ) {
        let slots: Vec<(usize, f32)> = (0..text.len().max(1)).map(|_| self.slot(style)).collect();
        self.open(Kind::Label);
        if let Some(&(page, baseline)) = slots.first() {
            self.put(page, label_x, baseline, style, label);
        }
        self.close();
        self.open(Kind::Body);
        for (line, &(page, baseline)) in text.into_iter().zip(&slots) {
            self.put(page, text_x, baseline, style, line);
        }
        self.close();
    }

    fn put(&mut self, page: usize, x: f32, baseline: f32, style: Style, line: Line) {
        if line.is_empty() {
            return;
        }
        let leaf = self.leaves;
        self.leaves += 1;
        self.push_child(Child::Leaf(leaf));
        if let Some(list) = self.pages.get_mut(page) {
            list.push(Item::Text {
                x,
                baseline,
                style,
                line,
                mark: Mark::Leaf(leaf),
            });
        }
    }

    /// A heading at the left margin; see [`Layout::heading_at`].
    pub(super) fn heading(&mut self, level: u16, text: &str, style: Style, width: f32) {
        self.heading_at(level, text, style, LEFT, width);
    }

    /// A heading: a structure element with its title; levels 1 and 2 also
    /// get an entry in the PDF outline (bookmarks).
    pub(super) fn heading_at(&mut self, level: u16, text: &str, style: Style, x: f32, width: f32) {
        let lines = self.fonts.wrap(text, style, width);
        self.open(Kind::Heading(level, text.to_owned()));
        for (i, line) in lines.into_iter().enumerate() {
            let (page, baseline) = self.slot(style);
            if i == 0 && level <= 2 {
                self.outline
                    .push((text.to_owned(), page, self.y - style.leading));
            }
            self.put(page, x, baseline, style, line);
        }
        self.close();
    }

    /// A horizontal rule (artifact) at the current position.
    pub(super) fn rule(&mut self, x0: f32, x1: f32, thickness: f32, color: Rgb) {
        let y = self.y;
        self.current().push(Item::Rect {
            rect: (x0, y, x1 - x0, thickness),
            fill: Some(color),
            stroke: None,
        });
        self.y += thickness;
    }

    /// Start a framed block from `x0` to `x1`, `pad` points inside.
    pub(super) fn frame_start(&mut self, frame: Frame, x0: f32, x1: f32, pad: f32) {
        let page = self.pages.len() - 1;
        let index = self.current().len();
        self.frame = Some(OpenFrame {
            frame,
            x0,
            x1,
            page,
            index,
            y: self.y,
            pad,
        });
        self.y += pad;
    }

    pub(super) fn frame_end(&mut self) {
        if let Some(f) = &self.frame {
            let (page, index, y, pad) = (f.page, f.index, f.y, f.pad);
            self.y += pad;
            self.close_frame_segment(page, index, y, self.y);
        }
        self.frame = None;
    }

    fn close_frame_segment(&mut self, page: usize, index: usize, y0: f32, y1: f32) {
        let Some(f) = &self.frame else { return };
        let (x0, x1) = (f.x0, f.x1);
        let items: Vec<Item> = match f.frame {
            Frame::Bar(color) => vec![Item::Rect {
                rect: (x0, y0, 2.5, y1 - y0),
                fill: Some(color),
                stroke: None,
            }],
            Frame::Box {
                fill,
                border,
                width,
            } => vec![Item::Rect {
                rect: (x0, y0, x1 - x0, y1 - y0),
                fill: Some(fill),
                stroke: Some((border, width)),
            }],
        };
        if let Some(list) = self.pages.get_mut(page) {
            let at = index.min(list.len());
            for (k, item) in items.into_iter().enumerate() {
                list.insert(at + k, item);
            }
        }
    }

    /// Finish the layout: running headers and footers on every page, then
    /// write the tagged PDF.
    pub(super) fn finish(mut self, meta: &Meta) -> Result<Vec<u8>> {
        while self.stack.len() > 1 {
            self.close();
        }
        let total = self.pages.len();
        let small = Style {
            weight: Weight::Regular,
            size: 8.0,
            leading: 10.0,
            color: Rgb(0x55, 0x55, 0x55),
        };
        for (i, page) in self.pages.iter_mut().enumerate() {
            let left = self.fonts.line(&meta.footer_left, small);
            let right = self
                .fonts
                .line(&format!("Pagina {} van {}", i + 1, total), small);
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
                let head = self.fonts.line(&meta.running_header, small);
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
        write(self, meta)
    }
}

/// Document-level facts for the PDF's metadata and page furniture.
pub(super) struct Meta {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// `YYYY-MM-DD`, when it parses.
    pub date: Option<(u16, u8, u8)>,
    pub footer_left: String,
    pub running_header: String,
}

fn color(c: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(c.0, c.1, c.2).into()
}

fn fail(what: &str) -> Error {
    Error::Handover(format!("PDF layout: {what}"))
}

fn write(layout: Layout<'_>, meta: &Meta) -> Result<Vec<u8>> {
    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .with_archival_validator(Archival::A2_A)
        .finish()
        .map_err(|e| Error::Handover(format!("PDF configuration: {e:?}")))?;
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

    doc.finish()
        .map_err(|e| Error::Handover(format!("PDF: {e}")))
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
            };
            Ok(Some(Node::Group(TagGroup::with_children(kind, children))))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body() -> Style {
        Style {
            weight: Weight::Regular,
            size: 10.0,
            leading: 14.0,
            color: Rgb(0, 0, 0),
        }
    }

    #[test]
    fn wrapping_keeps_every_word_and_respects_the_width() -> Result<()> {
        let fonts = Fonts::load()?;
        let text = "Ik wil graag hulp bij het invullen van de formulieren van de gemeente, \
                    want mijn ogen zijn slecht geworden en mijn dochter woont in Groningen.";
        let lines = fonts.wrap(text, body(), 150.0);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(l.width <= 150.0 + 0.01, "{} is {} wide", l.text, l.width);
        }
        let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            joined.split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
        Ok(())
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut_and_nothing_is_lost() -> Result<()> {
        let fonts = Fonts::load()?;
        let word = "x".repeat(300);
        let lines = fonts.wrap(&word, body(), 100.0);
        assert!(lines.len() > 3);
        assert_eq!(lines.iter().map(|l| l.text.len()).sum::<usize>(), 300);
        Ok(())
    }

    #[test]
    fn a_line_breaks_at_a_space_rather_than_inside_a_hyphenated_word() -> Result<()> {
        let fonts = Fonts::load()?;
        let max = fonts.line("met het Wmo-", body()).width + 1.0;
        let lines = fonts.wrap("met het Wmo-loket", body(), max);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, vec!["met het ", "Wmo-loket"]);
        let long = fonts.wrap("Wmo-loketmedewerkersoverleg", body(), max);
        assert_eq!(long.first().map(|l| l.text.as_str()), Some("Wmo-"));
        Ok(())
    }

    #[test]
    fn hard_breaks_are_kept_and_blank_runs_collapse() -> Result<()> {
        let fonts = Fonts::load()?;
        let lines = fonts.wrap("een\r\n\n\n\ntwee\ndrie", body(), 400.0);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, vec!["een", "", "twee", "drie"]);
        Ok(())
    }

    #[test]
    fn characters_the_font_lacks_become_a_visible_replacement() -> Result<()> {
        let fonts = Fonts::load()?;
        let line = fonts.line("Zoë 👍\u{fe0f} ĳs\u{7}", body());
        assert_eq!(line.text, "Zoë \u{fffd} ĳs");
        Ok(())
    }
}
