//! Reading a file into a [`RawTable`]: a header and rows of text cells.

#[cfg(feature = "spreadsheets")]
use std::io::Cursor;
use std::path::Path;

#[cfg(feature = "spreadsheets")]
use calamine::{Data, Reader};

use super::mapping::SourceOptions;
use super::{Place, TableError};
use crate::io::json::tree;

/// How a table was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
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
    /// The cells that were neither text nor a number in the file, by 0-based column
    /// index, with what they were (a JSON `true`, a spreadsheet error …); their text in
    /// `cells` is what the file wrote (`true`, `[1,2]`, `#Div0`). Empty for CSV.
    pub typed: Vec<(usize, CellType)>,
}

impl RawRow {
    /// What the cell in column `index` was in the file, when it was neither text nor a
    /// number (see [`RawRow::typed`]).
    pub fn cell_type(&self, index: usize) -> Option<CellType> {
        self.typed.iter().find(|(i, _)| *i == index).map(|(_, t)| *t)
    }

    /// The number in `text`, the (trimmed, recoded) text of column `column` of this row
    /// (`None` when the text is not the cell's as written), read with
    /// [`super::parse_number`].
    ///
    /// # Errors
    /// A sentence: the cell was a JSON number that may have been rounded when read
    /// ([`CellType::JsonInexactNumber`]), was something other than text or a number
    /// (`a JSON boolean (true) is not a number`), or is text that is not a number.
    pub fn number(
        &self,
        column: Option<usize>,
        text: &str,
        locale: Option<&super::Locale>,
    ) -> Result<rust_decimal::Decimal, String> {
        let typed = column.and_then(|i| self.cell_type(i));
        if typed == Some(CellType::JsonInexactNumber) {
            return Err(format!(
                "the JSON number {text} may have been rounded when read (a JSON number with a fraction or exponent keeps at most 15 significant digits, whole numbers up to 2^53); write it as a string"
            ));
        }
        super::parse_number(text, locale).map_err(|e| match typed {
            Some(what) => format!("{what} ({text}) is not a number"),
            None => e,
        })
    }
}

/// A cell that held neither text nor a number, so that a message can say what it was
/// ("a JSON boolean (true) is not a number") rather than what its text is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CellType {
    /// A JSON `true` or `false`.
    JsonBoolean,
    /// A JSON array (its text is the array as JSON).
    JsonArray,
    /// A JSON object (its text is the object as JSON).
    JsonObject,
    /// A spreadsheet boolean (`TRUE`/`FALSE`, as text `true`/`false`).
    SpreadsheetBoolean,
    /// A spreadsheet error value (`#DIV/0!` …, as text `#Div0` …).
    SpreadsheetError,
    /// A JSON number with a fraction or exponent that may have lost digits when read as
    /// a binary64 float (more than 15 significant digits, or 2^53 and beyond; see
    /// [`crate::decimal_of_f64`]); its text is the float's shortest form.
    JsonInexactNumber,
}

impl std::fmt::Display for CellType {
    /// What the cell is, with its article: `a JSON boolean`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            CellType::JsonBoolean => "a JSON boolean",
            CellType::JsonArray => "a JSON array",
            CellType::JsonObject => "a JSON object",
            CellType::SpreadsheetBoolean => "a spreadsheet boolean",
            CellType::SpreadsheetError => "a spreadsheet error value",
            CellType::JsonInexactNumber => "a JSON number that may have been rounded when read",
        })
    }
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
        let at = match row.line.filter(|&l| l != row.row as u64) {
            Some(line) => format!("row {} (line {line})", row.row),
            None => format!("row {}", row.row),
        };
        let count = row.cells.len();
        if count > width {
            if let Some(extra) = row.cells[width..].iter().position(|c| !c.trim().is_empty()) {
                return Err(TableError::Parse {
                    file: file.to_owned(),
                    message: format!(
                        "{at}: {count} cells but the header has {width} columns (cell {} is not empty)",
                        width + extra + 1
                    ),
                });
            }
            row.cells.truncate(width);
        } else if count < width && row.cells.iter().any(|c| !c.trim().is_empty()) {
            // A missing cell may be any of them, not only the last: the row's cells
            // cannot be matched to the columns (a blank row is left to the importers,
            // which report it).
            return Err(TableError::Parse {
                file: file.to_owned(),
                message: format!(
                    "{at}: {count} cells but the header has {width} columns (no cell for column {:?}{})",
                    headers[count],
                    if count + 1 < width { " and after" } else { "" }
                ),
            });
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
    let tsv = file.to_ascii_lowercase().ends_with(".tsv");
    let delimiter = super::check::delimiter_byte(options.delimiter.as_deref(), tsv)
        .map_err(|message| TableError::Parse { file: file.to_owned(), message })?;
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
    // The last record's byte offset and row.
    let mut last: Option<(usize, usize)> = None;
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
        last = record.position().map(|p| (usize::try_from(p.byte()).unwrap_or(usize::MAX), row));
        match headers {
            None => headers = Some(cells),
            Some(_) => rows.push(RawRow { row, line, cells, typed: Vec::new() }),
        }
    }
    // The csv crate reads a quote that never closes to the end of the file, without an
    // error: the rest of the file would become one cell. Such a record is the last one.
    if let Some((start, row)) = last {
        if let Some(open) = unclosed_quote(bytes, start, delimiter) {
            let (line, column) = tree::line_column(bytes, open);
            return Err(TableError::Parse {
                file: file.to_owned(),
                message: format!(
                    "row {row}: a quote opened at line {line} column {column} is never closed \
                     (the rest of the file would be read into one cell)"
                ),
            });
        }
    }
    Ok((headers.unwrap_or_default(), rows))
}

/// The byte offset of the quote that opens a quoted field still open at the end of
/// `bytes`, reading from the record starting at `start` as the csv crate reads (RFC 4180:
/// a quote opens a field only at its start, `""` inside a quoted field is a quote, a
/// quote elsewhere is text); `None` when every quoted field closes.
fn unclosed_quote(bytes: &[u8], start: usize, delimiter: u8) -> Option<usize> {
    #[derive(Clone, Copy)]
    enum State {
        StartField,
        InField,
        Quoted(usize),
        QuoteInQuoted(usize),
    }
    let mut state = State::StartField;
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        let ends_field = b == delimiter || b == b'\n' || b == b'\r';
        state = match state {
            State::StartField if b == b'"' => State::Quoted(i),
            State::StartField | State::InField if ends_field => State::StartField,
            State::StartField | State::InField => State::InField,
            State::Quoted(open) if b == b'"' => State::QuoteInQuoted(open),
            State::Quoted(open) => State::Quoted(open),
            // `""`: an escaped quote, the field goes on; else the field closed.
            State::QuoteInQuoted(open) if b == b'"' => State::Quoted(open),
            State::QuoteInQuoted(_) if ends_field => State::StartField,
            State::QuoteInQuoted(_) => State::InField,
        };
    }
    match state {
        State::Quoted(open) => Some(open),
        _ => None,
    }
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
        .map(|(i, cells)| RawRow {
            row: first_row + i + 1,
            line: None,
            cells: cells.iter().map(cell_text).collect(),
            typed: cells
                .iter()
                .enumerate()
                .filter_map(|(i, cell)| match cell {
                    Data::Bool(_) => Some((i, CellType::SpreadsheetBoolean)),
                    Data::Error(_) => Some((i, CellType::SpreadsheetError)),
                    _ => None,
                })
                .collect(),
        })
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
    let parse_error = |message: String| TableError::Parse { file: file.to_owned(), message };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(TableError::Empty { file: file.to_owned() });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let (line, column) = tree::line_column(bytes, offset);
        parse_error(format!("{line}:{column}: not UTF-8: invalid byte sequence at byte {offset}; JSON must be UTF-8"))
    })?;
    // Through the tree reader of kartan JSON, which refuses a key given twice in one
    // record (a plain JSON value would keep the last one and lose the first).
    let value = tree::parse(text).map_err(|(e, steps)| {
        let at = if steps.is_empty() { String::new() } else { format!("at {}: ", tree::pointer(&steps)) };
        parse_error(format!("{}:{}: {at}{}", e.line(), e.column(), crate::io::json::strip_position(&e.to_string())))
    })?;
    let serde_json::Value::Array(items) = value else {
        return Err(parse_error("expected a JSON array of objects".to_owned()));
    };
    if items.is_empty() {
        return Err(TableError::Empty { file: file.to_owned() });
    }
    let mut headers: Vec<String> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let serde_json::Value::Object(map) = item else {
            let (line, column) = tree::locate(text, &[tree::Step::Index(i)]);
            return Err(parse_error(format!("{line}:{column}: at /{i}: expected an object (a record)")));
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
        .map(|(i, item)| {
            let values: Vec<Option<&serde_json::Value>> = headers.iter().map(|h| item.get(h)).collect();
            RawRow {
                row: i + 1,
                line: None,
                cells: values.iter().map(|v| v.map(json_text).unwrap_or_default()).collect(),
                typed: values
                    .iter()
                    .enumerate()
                    .filter_map(|(i, v)| match v {
                        Some(serde_json::Value::Bool(_)) => Some((i, CellType::JsonBoolean)),
                        Some(serde_json::Value::Array(_)) => Some((i, CellType::JsonArray)),
                        Some(serde_json::Value::Object(_)) => Some((i, CellType::JsonObject)),
                        Some(serde_json::Value::Number(n))
                            if n.as_f64().is_some_and(|f| n.is_f64() && crate::decimal_of_f64(f).is_err()) =>
                        {
                            Some((i, CellType::JsonInexactNumber))
                        }
                        _ => None,
                    })
                    .collect(),
            }
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
