//! Layout: lines placed top to bottom on A4 pages, in a logical structure
//! that becomes the tag tree (see the module docs of [`crate::pdf`]).

use krilla::tagging::ArtifactType;

use super::text::{Fonts, Line};
use super::{Rgb, Style, BOTTOM, LEFT, TOP, TOP_CONTINUED};

/// A node of the logical structure (becomes the tag tree).
#[derive(Debug, Clone)]
pub(crate) enum Kind {
    Section,
    Heading(u16, String),
    P,
    BlockQuote,
    Div,
    List,
    Item,
    Label,
    Body,
    /// A drawing with its alternative text, on `page` at `rect` (x, y, w, h).
    Figure {
        alt: String,
        page: usize,
        rect: (f32, f32, f32, f32),
    },
    Table,
    THead,
    TBody,
    Tr,
    /// A header cell: of its column (`row == false`) or of its row.
    Th {
        row: bool,
    },
    Td,
}

#[derive(Debug)]
pub(super) struct Group {
    pub(super) kind: Kind,
    pub(super) children: Vec<Child>,
}

#[derive(Debug)]
pub(super) enum Child {
    Group(Group),
    Leaf(usize),
}

/// How a framed block looks (drawn behind its text, per page it covers).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Frame {
    /// A bar on the left, for words quoted from the resident.
    Bar(Rgb),
    /// A tinted area with a border, for notices.
    Box { fill: Rgb, border: Rgb, width: f32 },
}

#[derive(Debug)]
pub(super) enum Item {
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
    /// Vector shapes at (x, y), drawn as one piece of content.
    Drawing {
        x: f32,
        y: f32,
        shapes: Vec<super::shape::Shape>,
        mark: Mark,
    },
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Mark {
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
pub(crate) struct Layout<'f> {
    pub(super) fonts: &'f Fonts,
    pub(super) pages: Vec<Vec<Item>>,
    pub(super) y: f32,
    pub(super) stack: Vec<Group>,
    pub(super) leaves: usize,
    pub(super) outline: Vec<(String, usize, f32)>,
    frame: Option<OpenFrame>,
    /// White space is multiplied by this (1.0; less to fit a page).
    space_scale: f32,
}

impl<'f> Layout<'f> {
    pub(crate) fn new(fonts: &'f Fonts) -> Layout<'f> {
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
            space_scale: 1.0,
        }
    }

    /// Scale all later white space ([`Layout::space`]) by `scale`: a
    /// document that would end on a nearly empty page is laid out again
    /// with less of it.
    pub(crate) fn set_space_scale(&mut self, scale: f32) {
        self.space_scale = scale;
    }

    /// Pages so far.
    pub(crate) fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// How much of the last page's writing area is used, 0.0 to 1.0.
    pub(crate) fn last_page_fill(&self) -> f32 {
        let top = self.page_top();
        ((self.y - top) / (BOTTOM - top)).clamp(0.0, 1.0)
    }

    pub(crate) fn fonts(&self) -> &'f Fonts {
        self.fonts
    }

    fn page_top(&self) -> f32 {
        if self.pages.len() == 1 {
            TOP
        } else {
            TOP_CONTINUED
        }
    }

    pub(super) fn at_page_top(&self) -> bool {
        self.y <= self.page_top() + 0.01
    }

    /// Vertical white space; none at the top of a page.
    pub(crate) fn space(&mut self, pts: f32) {
        if !self.at_page_top() {
            self.y += pts * self.space_scale;
        }
    }

    /// Start a new page unless `height` points still fit on this one.
    pub(crate) fn keep(&mut self, height: f32) {
        if self.y + height > BOTTOM && !self.at_page_top() {
            self.new_page();
        }
    }

    /// Start a new page unless this one is still empty.
    pub(crate) fn page_break(&mut self) {
        if !self.at_page_top() {
            self.new_page();
        }
    }

    pub(super) fn new_page(&mut self) {
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

    pub(super) fn current(&mut self) -> &mut Vec<Item> {
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Open a structure element; everything placed until [`Layout::close`]
    /// belongs to it.
    pub(crate) fn open(&mut self, kind: Kind) {
        self.stack.push(Group {
            kind,
            children: Vec::new(),
        });
    }

    pub(crate) fn close(&mut self) {
        if self.stack.len() > 1 {
            if let Some(g) = self.stack.pop() {
                self.push_child(Child::Group(g));
            }
        }
    }

    pub(super) fn push_child(&mut self, child: Child) {
        if let Some(top) = self.stack.last_mut() {
            top.children.push(child);
        }
    }

    /// Close the innermost open section and everything inside it, if any.
    pub(crate) fn close_section(&mut self) {
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
    pub(crate) fn lines(&mut self, lines: Vec<Line>, x: f32, style: Style) {
        for line in lines {
            self.line_at(line, x, style);
        }
    }

    /// Place one line at `x` on the current line position and move down.
    pub(crate) fn line_at(&mut self, line: Line, x: f32, style: Style) {
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
    pub(crate) fn pair(
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

    /// A label with its value beside it (from `label_w` plus a gap), as one
    /// paragraph kept on one page, then `after` points of space.
    pub(crate) fn label_value(&mut self, label: &str, value: &str, label_w: f32, after: f32) {
        use super::style::{BODY, LABEL};
        let value_x = LEFT + label_w + 10.0;
        let fonts = self.fonts();
        let labels = fonts.wrap(label, LABEL, label_w);
        let values = fonts.wrap(value, BODY, super::RIGHT - value_x);
        let height = labels.len().max(values.len()).min(4) as f32 * BODY.leading;
        self.keep(height);
        self.open(Kind::P);
        self.pair(labels, LABEL, values, BODY, value_x);
        self.close();
        self.space(after);
    }

    /// A list item: its label (a bullet) and its text, as Lbl and LBody.
    pub(crate) fn bullet(
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

    pub(super) fn put(&mut self, page: usize, x: f32, baseline: f32, style: Style, line: Line) {
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
    pub(crate) fn heading(&mut self, level: u16, text: &str, style: Style, width: f32) {
        self.heading_at(level, text, style, LEFT, width);
    }

    /// A heading: a structure element with its title; levels 1 and 2 also
    /// get an entry in the PDF outline (bookmarks).
    pub(crate) fn heading_at(&mut self, level: u16, text: &str, style: Style, x: f32, width: f32) {
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
    pub(crate) fn rule(&mut self, x0: f32, x1: f32, thickness: f32, color: Rgb) {
        let y = self.y;
        self.current().push(Item::Rect {
            rect: (x0, y, x1 - x0, thickness),
            fill: Some(color),
            stroke: None,
        });
        self.y += thickness;
    }

    /// Start a framed block from `x0` to `x1`, `pad` points inside.
    pub(crate) fn frame_start(&mut self, frame: Frame, x0: f32, x1: f32, pad: f32) {
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

    pub(crate) fn frame_end(&mut self) {
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

    /// Close every structure element still open.
    pub(super) fn close_all(&mut self) {
        while self.stack.len() > 1 {
            self.close();
        }
    }
}
