//! The handover as an A4 PDF for the receiving professional: Dutch, calm and
//! printable, tagged for screen readers (PDF/UA-1) and archivable (PDF/A-2a),
//! with DejaVu Sans embedded. Only fields that are present (inside the
//! consent) are written; the withheld categories are named in "Niet gedeeld".
//!
//! The PDF engine ([`crate::pdf`]) shapes, lays out and writes; this file
//! decides what goes on the page, in which order and with which words.

use chrono::Datelike;

use super::{category_label, Handover};
use crate::pdf::style::{
    ACCENT, ALERT_FILL, BODY, BODY_BOLD, H2, H3, LABEL, SMALL, TEXT, TINT, TITLE,
};
use crate::pdf::{Fonts, Frame, Kind, Layout, Meta, PdfError, Style, LEFT, RIGHT};
use crate::store::time::stored_date;
use crate::{Error, Result};

/// Width of the label column in label/value rows.
const LABEL_W: f32 = 132.0;
const VALUE_X: f32 = LEFT + LABEL_W + 10.0;

/// A last page filled less than this is "nearly empty": the document is
/// laid out again with less white space, and that is kept when it has
/// fewer pages.
const NEARLY_EMPTY: f32 = 0.3;
const TIGHT_SPACE: f32 = 0.35;

/// Render the handover as a tagged A4 PDF, without a nearly empty last page
/// where less white space avoids one.
pub fn render(h: &Handover) -> Result<Vec<u8>> {
    let fonts = Fonts::load().map_err(failed)?;
    let mut doc = lay_out(&fonts, h, 1.0);
    if doc.page_count() > 1 && doc.last_page_fill() < NEARLY_EMPTY {
        let tight = lay_out(&fonts, h, TIGHT_SPACE);
        if tight.page_count() < doc.page_count() {
            doc = tight;
        }
    }
    doc.finish(&meta(h)).map_err(failed)
}

fn lay_out<'f>(fonts: &'f Fonts, h: &Handover, space: f32) -> Layout<'f> {
    let mut doc = Layout::new(fonts);
    doc.set_space_scale(space);
    let overridden = h.consent.override_reason.is_some();

    letterhead(&mut doc, h);
    about_whom(&mut doc, h);
    the_question(&mut doc, h);
    strength_and_network(&mut doc, h);
    done_so_far(&mut doc, h);
    referral(&mut doc, h);
    consent(&mut doc, h);
    withheld(&mut doc, h, overridden);
    client_support(&mut doc, h);
    doc
}

fn meta(h: &Handover) -> Meta {
    Meta {
        title: format!("Overdracht aan {}", h.recipient.organisation.trim()),
        author: h.sender.help_point.clone(),
        subject: "Overdracht van een hulpvraag door het buurtpunt".into(),
        date: stored_date(h.made_on.trim()).and_then(|d| {
            Some((
                u16::try_from(d.year()).ok()?,
                u8::try_from(d.month()).ok()?,
                u8::try_from(d.day()).ok()?,
            ))
        }),
        footer_left: "Vertrouwelijk: bevat persoonsgegevens".into(),
        running_header: format!(
            "{} · Overdracht aan {} · {}",
            h.sender.help_point.trim(),
            h.recipient.organisation.trim(),
            dutch_date(&h.made_on)
        ),
    }
}

/// The engine's failure as the handover's error.
fn failed(e: PdfError) -> Error {
    Error::Handover(e.to_string())
}

/// The value if it is present and not blank.
fn present(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn filled(v: &str) -> Option<&str> {
    Some(v.trim()).filter(|s| !s.is_empty())
}

/// `2026-11-22` → `22 november 2026`; anything else is shown as written.
pub(crate) fn dutch_date(s: &str) -> String {
    match stored_date(s.trim()) {
        Some(d) => crate::vocab::dutch_date(d),
        None => s.trim().to_owned(),
    }
}

fn letterhead(doc: &mut Layout<'_>, h: &Handover) {
    let fonts = doc.fonts();
    let width = RIGHT - LEFT;
    let date = dutch_date(&h.made_on);

    // The help point on the left, the date on the right, as in a letter.
    let date_line = fonts.line(&date, BODY);
    let date_x = RIGHT - date_line.width;
    let sender = fonts.wrap(h.sender.help_point.trim(), BODY_BOLD, date_x - LEFT - 24.0);
    doc.open(Kind::P);
    doc.pair(sender, BODY_BOLD, vec![date_line], BODY, date_x);
    doc.close();
    paragraph(doc, "Overdracht van een hulpvraag", SMALL);
    doc.space(8.0);
    doc.rule(LEFT, RIGHT, 1.5, ACCENT);
    doc.space(18.0);

    let title = format!("Overdracht aan {}", h.recipient.organisation.trim());
    doc.heading(1, &title, TITLE, width);
    doc.space(10.0);

    row(doc, "Aan", filled(&h.recipient.organisation));
    row(doc, "Onderdeel", filled(&h.recipient.service));
    row(doc, "Ter attentie van", filled(&h.recipient.contact));
    let from = [h.sender.help_point.trim(), h.sender.contact_person.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    row(doc, "Van", filled(&from));
    row(doc, "Terugbellen", callback(h).as_deref());
    let reference =
        filled(&h.reference).map(|r| format!("{r}\nNoem dit kenmerk als u belt of antwoordt."));
    row(doc, "Kenmerk", reference.as_deref());
    doc.space(10.0);

    let intro = if h.consent.override_reason.is_some() {
        "Het buurtpunt geeft deze hulpvraag aan u door. Er is geen toestemming van de \
         bewoner: er is acuut gevaar. Lees daarover meer bij \u{201c}Toestemming\u{201d}."
    } else {
        "Het buurtpunt geeft deze hulpvraag aan u door. In dit document staat alleen wat \
         de bewoner goed vond om met u te delen."
    };
    paragraph(doc, intro, BODY);
}

/// Whom to call back, one line each: the contact person, then the help
/// point, each with the phone and email that are filled in.
fn callback(h: &Handover) -> Option<String> {
    let s = &h.sender;
    let line = |who: &str, phone: &str, email: &str| -> Option<String> {
        let reach: Vec<&str> = [phone.trim(), email.trim()]
            .into_iter()
            .filter(|v| !v.is_empty())
            .collect();
        (!reach.is_empty()).then(|| format!("{}: {}", who.trim(), reach.join(", ")))
    };
    let lines: Vec<String> = [
        line(&s.contact_person, &s.phone, &s.email),
        line(&s.help_point, &s.help_point_phone, &s.help_point_email),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// Start a section. `body` is the height of what follows when the section is
/// short enough to stay on one page (a heading never stands alone at the
/// bottom of a page either way).
fn section(doc: &mut Layout<'_>, title: &str, body: f32) {
    doc.close_section();
    doc.space(16.0);
    // Room for a small heading and two lines of its text, at least.
    let at_least = 6.0 + H3.leading + 2.0 + 2.0 * BODY.leading + 4.0;
    let at_most = 300.0;
    doc.keep(H2.leading + 4.0 + body.clamp(at_least, at_most));
    doc.open(Kind::Section);
    doc.heading(2, title, H2, RIGHT - LEFT);
    doc.space(4.0);
}

/// Height of label/value rows as [`row`] places them.
fn rows_height(doc: &Layout<'_>, rows: &[(&str, Option<&str>)]) -> f32 {
    let fonts = doc.fonts();
    rows.iter()
        .filter_map(|(label, value)| {
            let value = (*value)?;
            let n = fonts
                .wrap(label, LABEL, LABEL_W)
                .len()
                .max(fonts.wrap(value, BODY, RIGHT - VALUE_X).len());
            Some(n as f32 * BODY.leading + 2.0)
        })
        .sum()
}

/// Height of a full-width paragraph.
fn paragraph_height(doc: &Layout<'_>, text: &str, style: Style) -> f32 {
    doc.fonts().wrap(text, style, RIGHT - LEFT).len() as f32 * style.leading
}

/// Rows under a section heading, kept together on one page when they fit.
fn rows_section(doc: &mut Layout<'_>, title: &str, rows: &[(&str, Option<&str>)]) {
    if rows.iter().all(|(_, v)| v.is_none()) {
        return;
    }
    let height = rows_height(doc, rows);
    section(doc, title, height);
    for (label, value) in rows {
        row(doc, label, *value);
    }
}

/// A label with its value beside it; nothing at all when the value is absent.
fn row(doc: &mut Layout<'_>, label: &str, value: Option<&str>) {
    if let Some(value) = value {
        doc.label_value(label, value, LABEL_W, 2.0);
    }
}

/// A longer text under its own small heading, e.g. the resident's own words.
fn block(doc: &mut Layout<'_>, title: &str, text: Option<&str>, quote: bool) {
    let Some(text) = text else { return };
    let fonts = doc.fonts();
    doc.space(6.0);
    doc.keep(H3.leading + 2.0 * BODY.leading + 4.0);
    doc.heading(3, title, H3, RIGHT - LEFT);
    doc.space(2.0);
    if quote {
        let indent = 14.0;
        let lines = fonts.wrap(text, BODY, RIGHT - LEFT - indent);
        doc.frame_start(Frame::Bar(ACCENT), LEFT, RIGHT, 2.0);
        doc.open(Kind::BlockQuote);
        doc.open(Kind::P);
        doc.lines(lines, LEFT + indent, BODY);
        doc.close();
        doc.close();
        doc.frame_end();
    } else {
        paragraph(doc, text, BODY);
    }
}

fn paragraph(doc: &mut Layout<'_>, text: &str, style: Style) {
    let lines = doc.fonts().wrap(text, style, RIGHT - LEFT);
    doc.open(Kind::P);
    doc.lines(lines, LEFT, style);
    doc.close();
}

fn about_whom(doc: &mut Layout<'_>, h: &Handover) {
    let p = &h.person;
    let birth = present(&p.birth_date).map(dutch_date);
    rows_section(
        doc,
        "Over wie",
        &[
            ("Naam", present(&p.name)),
            ("Geboortedatum", birth.as_deref()),
            ("Adres", present(&p.address)),
            ("Telefoon", present(&p.phone)),
            ("E-mail", present(&p.email)),
            ("Bereikbaar", present(&p.reach)),
        ],
    );
}

fn the_question(doc: &mut Layout<'_>, h: &Handover) {
    let c = &h.case;
    let areas = c
        .life_areas
        .as_ref()
        .map(|a| {
            a.iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .filter(|s| !s.is_empty());
    if present(&c.ask).is_none() && present(&c.underlying_need).is_none() && areas.is_none() {
        return;
    }
    section(doc, "De hulpvraag", 0.0);
    block(doc, "In eigen woorden", present(&c.ask), true);
    block(
        doc,
        "De vraag achter de vraag",
        present(&c.underlying_need),
        false,
    );
    if areas.is_some() {
        doc.space(6.0);
    }
    row(doc, "Levensgebieden", areas.as_deref());
}

fn strength_and_network(doc: &mut Layout<'_>, h: &Handover) {
    let c = &h.case;
    if present(&c.own_strength).is_none() && present(&c.carer_situation).is_none() {
        return;
    }
    section(doc, "Eigen kracht en netwerk", 0.0);
    block(
        doc,
        "Wat de bewoner zelf en met familie of buren kan",
        present(&c.own_strength),
        false,
    );
    block(doc, "Mantelzorg", present(&c.carer_situation), false);
}

fn done_so_far(doc: &mut Layout<'_>, h: &Handover) {
    let c = &h.case;
    if present(&c.tried).is_none()
        && present(&c.volunteers_did).is_none()
        && present(&c.agreements).is_none()
    {
        return;
    }
    section(doc, "Wat er al gedaan is", 0.0);
    block(doc, "Al geprobeerd", present(&c.tried), false);
    block(
        doc,
        "Gedaan door vrijwilligers van het buurtpunt",
        present(&c.volunteers_did),
        false,
    );
    block(doc, "Afspraken", present(&c.agreements), false);
}

fn referral(doc: &mut Layout<'_>, h: &Handover) {
    const SIX_WEEKS: &str = "Na een melding heeft de gemeente zes weken voor het onderzoek \
                             (Wmo 2015, artikel 2.3.2).";
    let r = &h.referral;
    let melding = present(&r.melding_on).map(dutch_date);
    let deadline = present(&r.deadline).map(dutch_date);
    let rows = [
        ("Reden", present(&r.reason)),
        ("Urgentie", filled(&r.urgency)),
        ("Datum melding", melding.as_deref()),
        ("Onderzoek klaar uiterlijk", deadline.as_deref()),
    ];
    let mut height = rows_height(doc, &rows);
    if deadline.is_some() {
        height += 4.0 + paragraph_height(doc, SIX_WEEKS, SMALL);
    }
    section(doc, "Reden van overdracht", height);
    for (label, value) in rows {
        row(doc, label, value);
    }
    if deadline.is_some() {
        doc.space(4.0);
        paragraph(doc, SIX_WEEKS, SMALL);
    }
}

fn consent(doc: &mut Layout<'_>, h: &Handover) {
    let k = &h.consent;
    if let Some(reason) = present(&k.override_reason) {
        let fonts = doc.fonts();
        let pad = 10.0;
        let inner = RIGHT - LEFT - 2.0 * pad;
        let title = "Gedeeld zonder toestemming bij acuut gevaar";
        let text = fonts.wrap(
            "De bewoner heeft geen toestemming gegeven. De contactpersoon van het buurtpunt \
             deelt deze gegevens toch, omdat er acuut gevaar is.",
            BODY,
            inner,
        );
        let why = fonts.wrap(&format!("Reden: {reason}"), BODY, inner);
        let height = (1 + text.len() + why.len().min(3)) as f32 * BODY.leading + 4.0 + 2.0 * pad;
        section(doc, "Toestemming", height);
        doc.frame_start(
            Frame::Box {
                fill: ALERT_FILL,
                border: TEXT,
                width: 1.5,
            },
            LEFT,
            RIGHT,
            pad,
        );
        doc.open(Kind::Div);
        doc.heading_at(3, title, H3, LEFT + pad, inner);
        doc.open(Kind::P);
        doc.lines(text, LEFT + pad, BODY);
        doc.close();
        doc.space(4.0);
        doc.open(Kind::P);
        doc.lines(why, LEFT + pad, BODY);
        doc.close();
        doc.close();
        doc.frame_end();
    } else {
        let given_on = dutch_date(&k.given_on);
        let scope = k
            .scope
            .iter()
            .map(|c| category_label(*c))
            .collect::<Vec<_>>()
            .join("\n");
        // How long the consent holds, always said: also when it has no end.
        let until = Some(
            present(&k.valid_until)
                .map(dutch_date)
                .unwrap_or_else(|| "geen einddatum: tot de bewoner de toestemming intrekt".into()),
        );
        let rows = [
            ("Gegeven door", filled(&k.given_by)),
            ("Gegeven op", filled(&given_on)),
            ("Hoe", filled(&k.how)),
            ("Geldt voor", filled(&scope)),
            ("Geldig tot", until.as_deref()),
        ];
        let statement = filled(&k.statement);
        let height = rows_height(doc, &rows)
            + statement.map_or(0.0, |t| paragraph_height(doc, t, BODY) + 6.0);
        section(doc, "Toestemming", height);
        if let Some(statement) = statement {
            paragraph(doc, statement, BODY);
            doc.space(6.0);
        }
        for (label, value) in rows {
            row(doc, label, value);
        }
    }
}

fn withheld(doc: &mut Layout<'_>, h: &Handover, overridden: bool) {
    if h.withheld.is_empty() {
        return;
    }
    let why = if overridden {
        "Deze gegevens staan niet in dit document. Ze vallen buiten wat het buurtpunt \
         in deze situatie deelt:"
    } else {
        "Deze gegevens staan niet in dit document. De toestemming van de bewoner geldt \
         er niet voor:"
    };
    let height = paragraph_height(doc, why, BODY) + 4.0 + h.withheld.len() as f32 * BODY.leading;
    section(doc, "Niet gedeeld", height);
    paragraph(doc, why, BODY);
    doc.space(4.0);
    let fonts = doc.fonts();
    doc.open(Kind::List);
    for c in &h.withheld {
        let label = fonts.line("\u{2022}", BODY);
        let text = fonts.wrap(category_label(*c), BODY, RIGHT - LEFT - 16.0);
        doc.keep(BODY.leading);
        doc.open(Kind::Item);
        doc.bullet(label, text, BODY, LEFT + 4.0, LEFT + 16.0);
        doc.close();
    }
    doc.close();
}

fn client_support(doc: &mut Layout<'_>, h: &Handover) {
    let Some(text) = filled(&h.client_support) else {
        return;
    };
    doc.close_section();
    doc.space(18.0);
    let fonts = doc.fonts();
    let pad = 10.0;
    let lines = fonts.wrap(text, BODY, RIGHT - LEFT - 2.0 * pad);
    doc.keep(H3.leading + lines.len() as f32 * BODY.leading + 2.0 * pad);
    doc.open(Kind::Section);
    doc.frame_start(
        Frame::Box {
            fill: TINT,
            border: TINT,
            width: 0.5,
        },
        LEFT,
        RIGHT,
        pad,
    );
    doc.heading_at(
        3,
        "Cliëntondersteuning",
        H3,
        LEFT + pad,
        RIGHT - LEFT - 2.0 * pad,
    );
    doc.open(Kind::P);
    doc.lines(lines, LEFT + pad, BODY);
    doc.close();
    doc.frame_end();
    doc.close_section();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_the_dutch_way_and_odd_ones_kept() {
        assert_eq!(dutch_date("2026-11-22"), "22 november 2026");
        assert_eq!(dutch_date("1941-03-05"), "5 maart 1941");
        assert_eq!(dutch_date("voorjaar 1941"), "voorjaar 1941");
    }
}
