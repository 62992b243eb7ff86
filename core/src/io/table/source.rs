//! Reading a file into a [`RawTable`]: a header and rows of text cells.

#[cfg(feature = "spreadsheets")]
use std::io::Cursor;
use std::path::Path;

#[cfg(feature = "spreadsheets")]
use calamine::{Data, Reader};

use super::mapping::SourceOptions;
use super::{Place, TableError};

/// How a table was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SourceKind {
    /// Delimited text (CSV, TSV).
    Csv,
    /// A spreadsheet workbook (XLSX, XLSM, XLS, ODS) read through calamine.
    Spreadsheet,
    /// A JSON array of objects.
    Json,
}

impl SourceKind {
    /// The kind a file name implies, by its extension (case-insensitive).
    pub fn from_path(path: &Path) -> Option<SourceKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" | "tsv" | "txt" => Some(SourceKind::Csv),
            "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => Some(SourceKind::Spreadsheet),
            "json" => Some(SourceKind::Json),
            _ => None,
        }
    }

    /// The kind of the table named `file`, by its extension.
    ///
    /// # Errors
    /// [`TableError::UnknownKind`] naming `file` when the extension is none of those.
    pub(crate) fn of_file(file: &str) -> Result<SourceKind, TableError> {
        Self::from_path(Path::new(file)).ok_or_else(|| TableError::UnknownKind { file: file.to_owned() })
    }
}

/// One record of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    /// The row as a spreadsheet numbers it (header = 1), or the 1-based record number
    /// in a JSON array.
    pub row: usize,
    /// The line the record starts on (CSV only).
    pub line: Option<u64>,
    /// The cells, one per header column, as text (`""` for an empty cell or JSON `null`).
    pub cells: Vec<String>,
}

/// A table as read: the header and the records, all cells as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawTable {
    /// The file name (for messages).
    pub file: String,
    /// How it was read.
    pub kind: SourceKind,
    /// Column names, in file order, trimmed.
    pub headers: Vec<String>,
    /// The records, in file order.
    pub rows: Vec<RawRow>,
}

impl RawTable {
    /// The position of the column named `name`.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }

    /// The place of `row` (and `column`, when given) for messages.
    pub fn place(&self, row: &RawRow, column: Option<&str>) -> Place {
        Place {
            file: self.file.clone(),
            kind: self.kind,
            row: row.row,
            line: row.line,
            column: column.map(str::to_owned),
        }
    }
}

/// Reads the table in `path`, choosing the reader by the file's extension.
///
/// # Errors
/// [`TableError`]: the file cannot be read, its kind is unknown, it is empty, it does
/// not parse, or its header repeats a column name.
pub fn read_table(path: impl AsRef<Path>, options: &SourceOptions) -> Result<RawTable, TableError> {
    let path = path.as_ref();
    let file = path.display().to_string();
    let kind = SourceKind::of_file(&file)?;
    let bytes = std::fs::read(path).map_err(|source| TableError::Io { file: file.clone(), source })?;
    read_table_bytes(&bytes, &file, kind, options)
}

/// Reads a table from bytes of a known kind, naming `file` in errors.
///
/// # Errors
/// As [`read_table`].
pub fn read_table_bytes(
    bytes: &[u8],
    file: &str,
    kind: SourceKind,
    options: &SourceOptions,
) -> Result<RawTable, TableError> {
    let (headers, rows) = match kind {
        SourceKind::Csv => read_csv(bytes, file, options)?,
        SourceKind::Spreadsheet => read_spreadsheet(bytes, file, options)?,
        SourceKind::Json => read_json(bytes, file)?,
    };
    finish(file, kind, headers, rows)
}

/// Trims headers, drops trailing unnamed columns that hold nothing, names other
/// unnamed columns, rejects repeated names, and pads short rows.
fn finish(file: &str, kind: SourceKind, headers: Vec<String>, mut rows: Vec<RawRow>) -> Result<RawTable, TableError> {
    if headers.iter().all(|h| h.trim().is_empty()) && rows.is_empty() {
        return Err(TableError::Empty { file: file.to_owned() });
    }
    let mut headers: Vec<String> = headers.into_iter().map(|h| h.trim().to_owned()).collect();
    // A trailing empty column (a header ending in a delimiter) carries nothing.
    while headers.last().is_some_and(|h| h.is_empty()) {
        let i = headers.len() - 1;
        if rows.iter().any(|r| r.cells.get(i).is_some_and(|c| !c.trim().is_empty())) {
            break;
        }
        headers.pop();
    }
    for (i, h) in headers.iter_mut().enumerate() {
        if h.is_empty() {
            *h = format!("column {}", i + 1);
        }
    }
    for (i, h) in headers.iter().enumerate() {
        if let Some(j) = headers[..i].iter().position(|o| o == h) {
            return Err(TableError::DuplicateColumn {
                file: file.to_owned(),
                name: h.clone(),
                first: j + 1,
                second: i + 1,
            });
        }
    }
    let width = headers.len();
    for row in &mut rows {
        if row.cells.len() > width {
            if let Some(extra) = row.cells[width..].iter().position(|c| !c.trim().is_empty()) {
                return Err(TableError::Parse {
                    file: file.to_owned(),
                    message: format!(
                        "row {}: {} cells but the header has {width} columns (cell {} is not empty)",
                        row.row,
                        row.cells.len(),
                        width + extra + 1
                    ),
                });
            }
            row.cells.truncate(width);
        }
        row.cells.resize(width, String::new());
    }
    Ok(RawTable { file: file.to_owned(), kind, headers, rows })
}

fn read_csv(bytes: &[u8], file: &str, options: &SourceOptions) -> Result<(Vec<String>, Vec<RawRow>), TableError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(TableError::Empty { file: file.to_owned() });
    }
    let delimiter = match options.delimiter.as_deref() {
        None => {
            if file.to_ascii_lowercase().ends_with(".tsv") {
                b'\t'
            } else {
                b','
            }
        }
        Some("\\t") | Some("\t") => b'\t',
        Some(d) if d.len() == 1 => d.as_bytes()[0],
        Some(d) => {
            return Err(TableError::Parse {
                file: file.to_owned(),
                message: format!("delimiter {d:?} must be one ASCII character"),
            })
        }
    };
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(bytes);
    let parse_err = |e: csv::Error| {
        let at = e.position().map(|p| format!("row {}, line {}: ", p.record() + 1, p.line())).unwrap_or_default();
        let what = match e.kind() {
            csv::ErrorKind::Utf8 { err, .. } => format!("not UTF-8 text in field {}", err.field() + 1),
            _ => e.to_string(),
        };
        TableError::Parse { file: file.to_owned(), message: format!("{at}{what}") }
    };
    let mut headers = None;
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let (mut counted_to, mut lines_before) = (0usize, 0u64);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(parse_err(e)),
        }
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        // The physical line, counted from the byte offset (csv's own line count does
        // not count line breaks inside quoted cells); counted on from the last record.
        let (row, line) = match record.position() {
            None => (0, None),
            Some(p) => {
                let mut start = usize::try_from(p.byte()).unwrap_or(usize::MAX).min(bytes.len());
                // The position may sit before the rest of the previous record's
                // terminator (or skipped blank lines).
                while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
                    start += 1;
                }
                if start >= counted_to {
                    lines_before += bytes[counted_to..start].iter().filter(|&&b| b == b'\n').count() as u64;
                    counted_to = start;
                }
                (p.record() as usize + 1, Some(lines_before + 1))
            }
        };
        match headers {
            None => headers = Some(cells),
            Some(_) => rows.push(RawRow { row, line, cells }),
        }
    }
    Ok((headers.unwrap_or_default(), rows))
}

/// Without the feature `spreadsheets` (the WebAssembly build), a workbook is refused
/// with an error that says so.
#[cfg(not(feature = "spreadsheets"))]
fn read_spreadsheet(
    _bytes: &[u8],
    file: &str,
    _options: &SourceOptions,
) -> Result<(Vec<String>, Vec<RawRow>), TableError> {
    Err(TableError::Parse {
        file: file.to_owned(),
        message: "spreadsheets (XLSX, XLS, ODS) are not read by this build of kartan (cargo feature \
                  `spreadsheets`): save the sheet as CSV"
            .to_owned(),
    })
}

#[cfg(feature = "spreadsheets")]
fn read_spreadsheet(
    bytes: &[u8],
    file: &str,
    options: &SourceOptions,
) -> Result<(Vec<String>, Vec<RawRow>), TableError> {
    let err = |message: String| TableError::Parse { file: file.to_owned(), message };
    if bytes.is_empty() {
        return Err(TableError::Empty { file: file.to_owned() });
    }
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| err(e.to_string()))?;
    let names = book.sheet_names();
    let sheet = match &options.sheet {
        Some(s) => s.clone(),
        None => names.first().cloned().ok_or_else(|| TableError::Empty { file: file.to_owned() })?,
    };
    if !names.contains(&sheet) {
        return Err(err(format!("no sheet {sheet:?}; the workbook has: {}", names.join(", "))));
    }
    let range = book.worksheet_range(&sheet).map_err(|e| err(format!("sheet {sheet:?}: {e}")))?;
    // Row numbers as the spreadsheet shows them: the range may start below row 1.
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let mut iter = range.rows().enumerate();
    let headers = match iter.next() {
        Some((_, cells)) => cells.iter().map(cell_text).collect(),
        None => return Err(TableError::Empty { file: file.to_owned() }),
    };
    let rows = iter
        .map(|(i, cells)| RawRow { row: first_row + i + 1, line: None, cells: cells.iter().map(cell_text).collect() })
        .collect();
    Ok((headers, rows))
}

/// A spreadsheet cell as text: numbers in their shortest exact form, dates as ISO 8601
/// (`YYYY-MM-DD`, with `THH:MM:SS` when there is a time of day), errors as `#ERR`.
#[cfg(feature = "spreadsheets")]
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}")
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// The shortest decimal text that reads back as `f`: the digits the writer meant.
#[cfg(feature = "spreadsheets")]
fn float_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

fn read_json(bytes: &[u8], file: &str) -> Result<(Vec<String>, Vec<RawRow>), TableError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(TableError::Empty { file: file.to_owned() });
    }
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| TableError::Parse {
        file: file.to_owned(),
        message: format!("{}:{}: {e}", e.line(), e.column()),
    })?;
    let serde_json::Value::Array(items) = value else {
        return Err(TableError::Parse {
            file: file.to_owned(),
            message: "expected a JSON array of objects".to_owned(),
        });
    };
    if items.is_empty() {
        return Err(TableError::Empty { file: file.to_owned() });
    }
    let mut headers: Vec<String> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let serde_json::Value::Object(map) = item else {
            return Err(TableError::Parse {
                file: file.to_owned(),
                message: format!("/{i}: expected an object (a record)"),
            });
        };
        for key in map.keys() {
            if !headers.contains(key) {
                headers.push(key.clone());
            }
        }
    }
    let rows = items
        .iter()
        .enumerate()
        .map(|(i, item)| RawRow {
            row: i + 1,
            line: None,
            cells: headers.iter().map(|h| item.get(h).map(json_text).unwrap_or_default()).collect(),
        })
        .collect();
    Ok((headers, rows))
}

/// A JSON value as cell text: strings as they are, numbers with the digits written
/// (shortest round-trip form for fractions), `null` as empty, anything nested as JSON.
fn json_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Bool(b) => b.to_string(),
        serde_json::Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.to_string(),
            (_, Some(u), _) => u.to_string(),
            (_, _, Some(f)) => format!("{f}"),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(text: &str) -> Result<RawTable, TableError> {
        read_table_bytes(text.as_bytes(), "t.csv", SourceKind::Csv, &SourceOptions::default())
    }

    #[test]
    fn bom_multiline_and_trailing_empty_column() {
        let t = csv("\u{feff}id,title,\r\n1,\"two\nlines\",\r\n2,plain,\r\n").unwrap();
        assert_eq!(t.headers, ["id", "title"]);
        assert_eq!(t.rows[0].cells, ["1", "two\nlines"]);
        assert_eq!((t.rows[1].row, t.rows[1].line), (3, Some(4)));
    }

    #[test]
    fn empty_and_duplicate_headers() {
        assert!(matches!(csv(""), Err(TableError::Empty { .. })));
        assert!(matches!(csv("\u{feff}\n"), Err(TableError::Empty { .. })));
        let e = csv("a,b,a\n1,2,3\n").unwrap_err();
        assert_eq!(e.to_string(), "t.csv: column \"a\" appears twice in the header (columns 1 and 3)");
    }

    #[test]
    fn extra_non_empty_cell_is_an_error() {
        let e = csv("a,b\n1,2,3\n").unwrap_err();
        assert!(e.to_string().contains("row 2: 3 cells"), "{e}");
    }

    #[test]
    fn json_numbers_keep_their_digits() {
        let t = read_table_bytes(
            br#"[{"a": 333746.87, "b": null}, {"a": 4354438151, "c": "x"}]"#,
            "t.json",
            SourceKind::Json,
            &SourceOptions::default(),
        )
        .unwrap();
        assert_eq!(t.headers, ["a", "b", "c"]);
        assert_eq!(t.rows[0].cells, ["333746.87", "", ""]);
        assert_eq!(t.rows[1].cells, ["4354438151", "", "x"]);
    }
}
