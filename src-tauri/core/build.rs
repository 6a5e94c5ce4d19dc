//! The embedded fonts go into the binary deflated (0.62 MB → 0.35 MB of the
//! binary); `pdf::text` inflates them once, when the first PDF is made.

use std::error::Error;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::DeflateEncoder;
use flate2::Compression;

const FONTS: [&str; 2] = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"];

fn main() -> Result<(), Box<dyn Error>> {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    for name in FONTS {
        let source = Path::new("assets/fonts").join(name);
        println!("cargo:rerun-if-changed={}", source.display());
        let font = fs::read(&source).map_err(|e| format!("{}: {e}", source.display()))?;
        let mut packed = DeflateEncoder::new(Vec::new(), Compression::best());
        packed.write_all(&font)?;
        fs::write(out.join(format!("{name}.deflate")), packed.finish()?)?;
    }
    Ok(())
}
