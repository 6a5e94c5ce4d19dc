//! Text enums and their one bit-mask encoding.
//!
//! A text enum is stored in SQLite and sent to the UI as the same code
//! (`"social_contact"`). Some are stored as a set in one integer column (a
//! bit mask): a value's bit is its position in `ALL`, so the order of the
//! variants is part of the stored format — add new ones at the end.

/// A closed set of codes declared with [`text_enum!`](crate::text_enum).
pub trait TextEnum: Copy + Eq + 'static {
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    /// The value's position in [`TextEnum::ALL`].
    fn index(self) -> usize;
}

/// A text enum whose sets are stored as a bit mask (see the module docs).
pub trait Mask: TextEnum {
    /// This value's bit: `1 << index`.
    fn bit(self) -> i64 {
        1 << self.index()
    }

    /// The mask of a set of values.
    fn to_mask(values: &[Self]) -> i64 {
        values.iter().fold(0, |m, v| m | v.bit())
    }

    /// The values of a mask, in `ALL` order; unknown bits are ignored.
    fn from_mask(mask: i64) -> Vec<Self> {
        Self::ALL
            .iter()
            .copied()
            .filter(|v| mask & v.bit() != 0)
            .collect()
    }
}

/// A text enum stored as its code in SQLite and sent to the UI as the same code.
#[macro_export]
macro_rules! text_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        #[ts(export)]
        pub enum $name {
            $(#[serde(rename = $code)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }

        impl $crate::vocab::TextEnum for $name {
            const ALL: &'static [$name] = $name::ALL;

            fn index(self) -> usize {
                // The variants carry no explicit discriminants and `ALL`
                // lists them in declaration order: the discriminant is the
                // position in `ALL`.
                self as usize
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let s = v.as_str()?;
                $name::parse(s).ok_or_else(|| rusqlite::types::FromSqlError::Other(
                    format!("unknown {} code {s:?}", stringify!($name)).into()))
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::{Mask, TextEnum};
    use crate::vocab::{DataCategory, LifeArea};

    #[test]
    fn a_value_s_bit_is_its_position_in_all() {
        for (i, v) in LifeArea::ALL.iter().enumerate() {
            assert_eq!(v.index(), i);
            assert_eq!(v.bit(), 1 << i);
        }
        for (i, v) in DataCategory::ALL.iter().enumerate() {
            assert_eq!(v.index(), i);
        }
    }

    #[test]
    fn masks_round_trip_in_all_order_and_ignore_unknown_bits() {
        let set = [DataCategory::Question, DataCategory::Identity];
        assert_eq!(DataCategory::to_mask(&set), 0b101);
        assert_eq!(
            DataCategory::from_mask(DataCategory::to_mask(&set)),
            vec![DataCategory::Identity, DataCategory::Question]
        );
        assert_eq!(DataCategory::from_mask(1 << 20), Vec::new());
        assert_eq!(DataCategory::to_mask(&[]), 0);
    }
}
