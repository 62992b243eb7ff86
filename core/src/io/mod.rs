//! Formats: kartan JSON (canonical) and IATI 2.03 activity XML; more formats arrive beside them.
//!
//! `io` reads and writes the model; it knows no analysis.

pub mod iati;
pub mod json;
pub mod table;

use std::path::{Path, PathBuf};

/// The formats kartan can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// kartan JSON.
    Json,
    /// IATI activities XML.
    IatiXml,
}

impl Format {
    /// Detects the format from the content (first non-blank character after any UTF-8
    /// BOM): `{` is kartan JSON, `<` is XML. `None` when neither (UTF-16 text included:
    /// see [`is_utf16`]).
    pub fn detect(bytes: &[u8]) -> Option<Format> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match bytes.iter().find(|b| !b.is_ascii_whitespace())? {
            b'{' => Some(Format::Json),
            b'<' => Some(Format::IatiXml),
            _ => None,
        }
    }
}

/// What kartan says about UTF-16 input, which it does not decode.
pub(crate) const UTF16_MESSAGE: &str =
    "the file is UTF-16 text; kartan reads UTF-8 only: convert it to UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8`)";

/// Whether `bytes` start as UTF-16 text: a UTF-16 byte-order mark (`FF FE`, `FE FF`) or
/// a first `<` or `{` written as a 16-bit unit (`3C 00`, `00 3C`). kartan reads UTF-8
/// only; [`load_bytes`] and the IATI import refuse such input with a message that says so.
pub fn is_utf16(bytes: &[u8]) -> bool {
    matches!(bytes, [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] | [b'<' | b'{', 0, ..] | [0, b'<' | b'{', ..])
}

/// Why a file could not be loaded. The message names the file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not kartan JSON that fits the model: `file:line:column: message` when
    /// the error has a place in the text, `file: message` otherwise.
    #[error("{}{}{source}", path.display(), if source.position().is_some() { ":" } else { ": " })]
    Json {
        /// The file.
        path: PathBuf,
        /// What is wrong, and where.
        #[source]
        source: json::JsonError,
    },
    /// The file is not IATI activity XML that kartan can import (strict errors only in
    /// strict mode; [`load`] imports leniently, so this is for unreadable files).
    #[error("{source}")]
    Iati {
        /// The file.
        path: PathBuf,
        /// What is wrong, and where (`file:line:column`: the message names the file).
        #[source]
        source: iati::ImportError,
    },
    /// The content is in no format kartan reads.
    #[error("{}: unrecognised content: expected kartan JSON (starting with '{{') or IATI XML (starting with '<'){}", path.display(), if *.empty { " but the file is empty" } else { "" })]
    UnknownFormat {
        /// The file.
        path: PathBuf,
        /// True when the file holds nothing but white space.
        empty: bool,
    },
    /// The file is UTF-16 text ([`is_utf16`]); kartan reads UTF-8 only.
    #[error("{}: {}", path.display(), UTF16_MESSAGE)]
    Utf16 {
        /// The file.
        path: PathBuf,
    },
    /// The file is a table (CSV, a spreadsheet, a JSON array of records): it is read
    /// through a column mapping ([`table::load_portfolio`]; `--mapping` on the command line).
    #[error("{}: a table of records (CSV, spreadsheet or JSON array) is read through a column mapping: give one (`--mapping MAPPING.toml`, see examples/mappings/README.md); for a survey table, `--survey` with `--survey-mapping`", path.display())]
    TableNeedsMapping {
        /// The file.
        path: PathBuf,
    },
    /// A format that this build does not read yet.
    #[error("{}: {format:?} input is not supported by this version of kartan", path.display())]
    Unsupported {
        /// The file.
        path: PathBuf,
        /// The format detected.
        format: Format,
    },
}

impl LoadError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Io { path, .. }
            | LoadError::Json { path, .. }
            | LoadError::Iati { path, .. }
            | LoadError::UnknownFormat { path, .. }
            | LoadError::Utf16 { path }
            | LoadError::TableNeedsMapping { path }
            | LoadError::Unsupported { path, .. } => path,
        }
    }
}

/// A portfolio as read from a file, with what the reader reported (DESIGN.md rule 8).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Loaded {
    /// The portfolio.
    pub portfolio: crate::model::Portfolio,
    /// The format detected from the content.
    pub format: Format,
    /// For IATI XML, the import report: elements read, what was not modelled, and the
    /// activities skipped with the diagnostics that say why (`file:line:column`). `None`
    /// for kartan JSON, which is read whole or refused.
    pub import: Option<iati::IatiImportReport>,
}

impl Loaded {
    /// The diagnostics of reading the file (not of validating the portfolio): the IATI
    /// import's errors, warnings and notes; empty for kartan JSON.
    pub fn read_diagnostics(&self) -> &[crate::model::Diagnostic] {
        self.import.as_ref().map_or(&[], |r| r.diagnostics.as_slice())
    }

    /// How many activities (projects) the reader skipped because of an error.
    pub fn skipped(&self) -> u64 {
        self.import.as_ref().map_or(0, |r| r.activities_skipped)
    }
}

/// Loads a portfolio from a file, detecting its format by content.
///
/// IATI XML is imported leniently: an activity with an error is skipped, and a file cut
/// short keeps the activities before the cut. This function returns the portfolio only;
/// [`load_with_report`] also returns the import report that lists what was skipped.
///
/// # Errors
/// [`LoadError`], whose message starts with the file's path and, for parse errors, the
/// line and column (`file.json:12:5: at /projects/0/id: invalid type …`).
pub fn load(path: impl AsRef<Path>) -> Result<crate::model::Portfolio, LoadError> {
    load_with_report(path).map(|loaded| loaded.portfolio)
}

/// Loads a portfolio from a file, detecting its format by content, with what the reader
/// reported ([`Loaded::import`]).
///
/// # Errors
/// As [`load`].
///
/// IATI XML is streamed from the file a few MB at a time (the file is never held whole),
/// on one thread per core for a large file ([`iati::ImportOptions::threads`]); kartan
/// JSON is read whole.
pub fn load_with_report(path: impl AsRef<Path>) -> Result<Loaded, LoadError> {
    use std::io::{Read, Seek};
    let path = path.as_ref();
    let io = |source| LoadError::Io { path: path.to_owned(), source };
    let mut file = std::fs::File::open(path).map_err(io)?;
    // Enough to see the first character after a BOM and white space.
    let mut head = Vec::with_capacity(4096);
    (&mut file).take(4096).read_to_end(&mut head).map_err(io)?;
    if head.len() == 4096 && Format::detect(&head) == Some(Format::IatiXml) {
        let options = iati::ImportOptions::new().source_name(path.display().to_string());
        file.rewind().map_err(io)?;
        return iati::from_file(file, &options)
            .map(|(portfolio, report)| Loaded { portfolio, format: Format::IatiXml, import: Some(report) })
            .map_err(|e| match e {
                iati::ImportError::Io { source, .. } => LoadError::Io { path: path.to_owned(), source },
                source => LoadError::Iati { path: path.to_owned(), source },
            });
    }
    let mut bytes = head;
    file.read_to_end(&mut bytes).map_err(io)?;
    load_bytes_with_report(&bytes, path)
}

/// Loads a portfolio from bytes, naming `path` in errors.
///
/// # Errors
/// As [`load`].
pub fn load_bytes(bytes: &[u8], path: &Path) -> Result<crate::model::Portfolio, LoadError> {
    load_bytes_with_report(bytes, path).map(|loaded| loaded.portfolio)
}

/// Loads a portfolio from bytes, naming `path` in errors, with what the reader reported.
///
/// # Errors
/// As [`load`].
pub fn load_bytes_with_report(bytes: &[u8], path: &Path) -> Result<Loaded, LoadError> {
    if is_utf16(bytes) {
        return Err(LoadError::Utf16 { path: path.to_owned() });
    }
    match Format::detect(bytes) {
        Some(format @ Format::Json) => json::from_slice(bytes)
            .map(|portfolio| Loaded { portfolio, format, import: None })
            .map_err(|source| LoadError::Json { path: path.to_owned(), source }),
        Some(format @ Format::IatiXml) => {
            let options = iati::ImportOptions::new().source_name(path.display().to_string());
            iati::from_slice(bytes, &options)
                .map(|(portfolio, report)| Loaded { portfolio, format, import: Some(report) })
                .map_err(|source| LoadError::Iati { path: path.to_owned(), source })
        }
        None => {
            let first = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes).iter().find(|b| !b.is_ascii_whitespace());
            let table = matches!(
                table::SourceKind::from_path(path),
                Some(table::SourceKind::Csv | table::SourceKind::Spreadsheet)
            );
            if table || first == Some(&b'[') {
                return Err(LoadError::TableNeedsMapping { path: path.to_owned() });
            }
            // Non-UTF-8 bytes get the JSON reader's precise message.
            if std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).is_err() {
                return json::from_slice(bytes)
                    .map(|portfolio| Loaded { portfolio, format: Format::Json, import: None })
                    .map_err(|source| LoadError::Json { path: path.to_owned(), source });
            }
            Err(LoadError::UnknownFormat { path: path.to_owned(), empty: bytes.iter().all(u8::is_ascii_whitespace) })
        }
    }
}
