//! The ZIP and workbook writers the exports share (full export, HSDS
//! package, report workbook): one destination type each, a `dyn` writer,
//! so the binary carries one copy of zip's and rust_xlsxwriter's writing
//! code instead of one per destination (about 110 KB each; README
//! "Benchmarks"). A call through the `dyn` writer costs nothing measurable
//! next to compressing what it writes.

use std::io::{Seek, Write};

use rust_xlsxwriter::{Workbook, XlsxError};
use zip::ZipWriter;

/// Where a ZIP goes: a file or a buffer in memory.
pub(crate) trait SeekWrite: Write + Seek + Send {}

impl<T: Write + Seek + Send> SeekWrite for T {}

/// A ZIP being written into `out`.
pub(crate) type Zip<'a> = ZipWriter<&'a mut dyn SeekWrite>;

pub(crate) fn zip(out: &mut dyn SeekWrite) -> Zip<'_> {
    ZipWriter::new(out)
}

/// Save `book` into `out` (a buffer, an entry of a ZIP being written).
pub(crate) fn save_workbook(
    book: &mut Workbook,
    out: &mut (dyn Write + Send),
) -> std::result::Result<(), XlsxError> {
    book.save_to_writer(out)
}
