//! The house style of Buurtpunt's documents: one calm accent colour, dark
//! text on white (contrast well above 4.5:1), and one type scale.

use super::{Rgb, Style, Weight};

/// The one accent colour (a calm dark blue, contrast 10:1 on white).
pub(crate) const ACCENT: Rgb = Rgb(0x15, 0x42, 0x73);
pub(crate) const TEXT: Rgb = Rgb(0x1a, 0x1a, 0x1a);
pub(crate) const MUTED: Rgb = Rgb(0x4a, 0x4a, 0x4a);
pub(crate) const TINT: Rgb = Rgb(0xee, 0xf2, 0xf7);
pub(crate) const ALERT_FILL: Rgb = Rgb(0xf4, 0xf4, 0xf4);

pub(crate) const BODY: Style = Style {
    weight: Weight::Regular,
    size: 10.0,
    leading: 14.5,
    color: TEXT,
};
pub(crate) const BODY_BOLD: Style = Style {
    weight: Weight::Bold,
    ..BODY
};
pub(crate) const LABEL: Style = Style {
    color: MUTED,
    ..BODY
};
pub(crate) const SMALL: Style = Style {
    weight: Weight::Regular,
    size: 8.5,
    leading: 12.0,
    color: MUTED,
};
pub(crate) const TITLE: Style = Style {
    weight: Weight::Bold,
    size: 17.0,
    leading: 22.0,
    color: TEXT,
};
pub(crate) const H2: Style = Style {
    weight: Weight::Bold,
    size: 12.5,
    leading: 17.0,
    color: ACCENT,
};
pub(crate) const H3: Style = Style {
    weight: Weight::Bold,
    size: 10.0,
    leading: 14.5,
    color: TEXT,
};
