//! Text: the two embedded faces, shaping (harfrust) and line breaking.

use std::io::Read;
use std::sync::LazyLock;

use flate2::read::DeflateDecoder;
use harfrust::{Direction, FontRef, ShapeOptions, ShaperData, UnicodeBuffer};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::Data;
use read_fonts::tables::cmap::Cmap;
use read_fonts::TableProvider;

use super::{PdfError, Result, Style, Weight};

// DejaVu Sans, cut down to the scripts a Dutch help point meets (Latin with
// all its extensions, Greek, Cyrillic, Hebrew, Arabic) and the punctuation,
// arrows, currency, maths, box, shape and tick symbols, without TrueType
// hinting (a PDF viewer does not use it): 0.6 MB of the 1.5 MB. Made with
// fontTools: `pyftsubset DejaVuSans.ttf --layout-features='*' --no-hinting
// --unicodes=U+0020-007E,U+00A0-036F,U+0370-03FF,U+0400-052F,U+0590-05FF,
// U+0600-06FF,U+1E00-1EFF,U+2000-23FF,U+2500-257F,U+25A0-27BF,U+FB00-FB06,
// U+FB1D-FB4F,U+FB50-FDFF,U+FE70-FEFF,U+FFFD` (the same for the bold face).
// A character outside it is drawn as U+FFFD (see `sanitize`). The binary
// carries them deflated (`build.rs`); they are inflated once, for the first PDF.
static REGULAR: LazyLock<Inflated> = LazyLock::new(|| {
    inflate(include_bytes!(concat!(
        env!("OUT_DIR"),
        "/DejaVuSans.ttf.deflate"
    )))
});
static BOLD: LazyLock<Inflated> = LazyLock::new(|| {
    inflate(include_bytes!(concat!(
        env!("OUT_DIR"),
        "/DejaVuSans-Bold.ttf.deflate"
    )))
});

/// A font as inflated, or why it could not be.
type Inflated = std::result::Result<Vec<u8>, String>;

fn inflate(packed: &[u8]) -> Inflated {
    let mut font = Vec::with_capacity(packed.len() * 2);
    DeflateDecoder::new(packed)
        .read_to_end(&mut font)
        .map_err(|e| e.to_string())?;
    Ok(font)
}

/// One face as the shaper reads it: harfrust reads fonts with read-fonts,
/// the same font stack krilla writes them with (one stack, not two).
pub(crate) struct Shaping {
    font: FontRef<'static>,
    data: ShaperData,
    cmap: Cmap<'static>,
    upem: f32,
}

impl Shaping {
    fn new(data: &'static [u8]) -> Result<Shaping> {
        let unreadable = |e| PdfError(format!("embedded font unreadable (shaper): {e}"));
        let font = FontRef::new(data).map_err(unreadable)?;
        let cmap = font.cmap().map_err(unreadable)?;
        let upem = f32::from(font.head().map_err(unreadable)?.units_per_em());
        Ok(Shaping {
            data: ShaperData::new(&font),
            font,
            cmap,
            upem,
        })
    }

    /// Whether the face draws `c` (glyph 0 is .notdef, the missing glyph).
    fn draws(&self, c: char) -> bool {
        self.cmap.map_codepoint(c).is_some_and(|g| g.to_u32() != 0)
    }
}

/// The two embedded faces, for shaping (harfrust) and for writing (krilla).
pub(crate) struct Fonts {
    regular: (Shaping, Font),
    bold: (Shaping, Font),
}

impl Fonts {
    pub(crate) fn load() -> Result<Fonts> {
        let face = |packed: &'static LazyLock<Inflated>| {
            let data: &'static [u8] = LazyLock::force(packed)
                .as_deref()
                .map_err(|e| PdfError(format!("embedded font unreadable (inflate): {e}")))?;
            let shaper = Shaping::new(data)?;
            let font = Font::new(Data::from(data), 0)
                .ok_or_else(|| PdfError("embedded font unreadable (writer)".into()))?;
            Ok::<_, PdfError>((shaper, font))
        };
        Ok(Fonts {
            regular: face(&REGULAR)?,
            bold: face(&BOLD)?,
        })
    }

    pub(super) fn get(&self, w: Weight) -> &(Shaping, Font) {
        match w {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// The text as one line, however long.
    pub(crate) fn line(&self, text: &str, style: Style) -> Line {
        let clean = sanitize(&self.get(style.weight).0, &text.replace('\n', " "));
        let glyphs = shape(&self.get(style.weight).0, &clean);
        Line::new(clean, glyphs, style.size)
    }

    /// Wrap text to `max_width` points. Hard line breaks in the text are kept
    /// (runs of empty lines count once); long words without a space are cut
    /// where they reach the edge.
    pub(crate) fn wrap(&self, text: &str, style: Style, max_width: f32) -> Vec<Line> {
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
pub(crate) struct Line {
    pub text: String,
    pub(super) glyphs: Vec<KrillaGlyph>,
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

    pub(super) fn is_empty(&self) -> bool {
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
fn sanitize(face: &Shaping, s: &str) -> String {
    let replacement = if face.draws('\u{fffd}') {
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
            c if !face.draws(c) => out.push(replacement),
            c => out.push(c),
        }
    }
    out
}

/// Shape a single-paragraph string left to right.
fn shape(face: &Shaping, text: &str) -> Vec<KrillaGlyph> {
    let shaper = face.data.shaper(&face.font).build();
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    buffer.set_direction(Direction::LeftToRight);
    let out = shaper.shape(buffer, ShapeOptions::new());
    let upem = face.upem;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::Rgb;

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
