//! The PDF engine: A4 documents, tagged for screen readers (PDF/UA-1) and
//! archivable (PDF/A-2a), in Dutch, with DejaVu Sans embedded.
//!
//! - [`text`]: text is shaped once with harfrust (on read-fonts, the font
//!   stack krilla uses) and wrapped at spaces to a column width;
//! - [`layout`]: lines are placed top to bottom on pages; a line that does not
//!   fit starts a new page. Every text line is one marked-content span in a
//!   logical structure (sections, headings, paragraphs, lists) that becomes
//!   the PDF's tag tree; rules, boxes, the running header and the page
//!   numbers are artifacts;
//! - [`table`]: tables (TH/TD tagged, the header row repeated on a new page);
//! - [`figure`]: drawings (charts) as vector paths, tagged as a Figure with
//!   alternative text;
//! - [`write`]: the page furniture and the tagged PDF itself (krilla).
//!
//! Nothing in the text is interpreted: what the data says is what is drawn.
//! Layout runs first and produces a display list per page, so the total page
//! count ("Pagina 1 van 2") is known before anything is written.
//!
//! The engine knows nothing of what a document says: the handover is its
//! first user, the annual report the second; [`style`] is the house style
//! they share.

mod figure;
mod layout;
mod shape;
pub(crate) mod style;
mod table;
mod text;
mod write;

pub(crate) use layout::{Frame, Kind, Layout};
pub(crate) use shape::{Anchor, Shape};
pub(crate) use table::{TableRow, TableSpec};
pub(crate) use text::Fonts;

/// One typographic point is 1/72 inch.
pub(crate) const MM: f32 = 72.0 / 25.4;
/// A4 portrait in points.
pub(crate) const PAGE_W: f32 = 210.0 * MM;
pub(crate) const PAGE_H: f32 = 297.0 * MM;
/// Margins: 20 mm around the text; the footer sits in the bottom margin.
pub(crate) const LEFT: f32 = 20.0 * MM;
pub(crate) const RIGHT: f32 = PAGE_W - 20.0 * MM;
const TOP: f32 = 20.0 * MM;
const BOTTOM: f32 = PAGE_H - 22.0 * MM;
/// Where continuation pages start (below their running header).
const TOP_CONTINUED: f32 = TOP + 8.0 * MM;
/// Baseline of the footer line.
const FOOTER_BASELINE: f32 = PAGE_H - 12.0 * MM;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

/// How a run of text looks: weight, size and line distance in points, colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Style {
    pub weight: Weight,
    pub size: f32,
    pub leading: f32,
    pub color: Rgb,
}

/// Document-level facts for the PDF's metadata and page furniture.
pub(crate) struct Meta {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// `YYYY-MM-DD`, when it parses.
    pub date: Option<(u16, u8, u8)>,
    pub footer_left: String,
    pub running_header: String,
}

/// A PDF that could not be made: a font, the layout or the writer failed.
/// Each user turns it into its own error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PdfError(pub String);

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PdfError {}

pub(crate) type Result<T> = std::result::Result<T, PdfError>;

impl Layout<'_> {
    /// Finish the document: close what is still open, put the running
    /// header and the footer on every page, and write the tagged PDF.
    pub(crate) fn finish(mut self, meta: &Meta) -> Result<Vec<u8>> {
        self.close_all();
        write::furnish(&mut self, meta);
        write::write(self, meta)
    }
}
