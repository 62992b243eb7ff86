//! The event cursor under the IATI importer: quick-xml over a byte slice, with lazy
//! `line:column` locations, text and attribute decoding, and subtree skipping.

use std::borrow::Cow;
use std::fmt;

use quick_xml::events::{BytesCData, BytesStart, BytesText, Event};
use quick_xml::Reader;
use serde::Serialize;

use super::report::ReportBuilder;
use super::ImportError;
use crate::model::Diagnostic;

/// A place in the input: 1-based line and column (columns count characters), with the
/// source name when one is known. Displayed as `file:line:column` or `line:column`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
pub struct Location {
    /// The file (or other source) name, when known.
    pub file: Option<String>,
    /// Line, from 1.
    pub line: u64,
    /// Column in characters, from 1.
    pub column: u64,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.file {
            Some(file) => write!(f, "{file}:{}:{}", self.line, self.column),
            None => write!(f, "{}:{}", self.line, self.column),
        }
    }
}

/// Where a segment of the input starts: the line (0-based count of line feeds before it)
/// and the characters already on that line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Base {
    line: u64,
    column: u64,
}

impl Base {
    /// The base of the input that follows `seg`.
    pub(crate) fn after(self, seg: &[u8]) -> Base {
        match memchr::memrchr(b'\n', seg) {
            Some(last) => Base {
                line: self.line + memchr::memchr_iter(b'\n', seg).count() as u64,
                column: chars(&seg[last + 1..]),
            },
            None => Base { line: self.line, column: self.column + chars(seg) },
        }
    }
}

/// The characters in UTF-8 bytes (continuation bytes are not counted).
fn chars(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count() as u64
}

/// Turns byte offsets into lines and columns, counting forward from the last answer.
#[derive(Debug, Default)]
struct LineIndex {
    base: Base,
    offset: usize,
    line: u64,
    /// The start of the current line in the segment; `None` while it is the base line.
    line_start: Option<usize>,
}

impl LineIndex {
    fn new(base: Base) -> Self {
        Self { base, offset: 0, line: base.line, line_start: None }
    }

    fn locate(&mut self, src: &[u8], offset: usize) -> (u64, u64) {
        let offset = offset.min(src.len());
        if offset < self.offset {
            *self = LineIndex::new(self.base);
        }
        for nl in memchr::memchr_iter(b'\n', &src[self.offset..offset]) {
            self.line += 1;
            self.line_start = Some(self.offset + nl + 1);
        }
        self.offset = offset;
        let column = match self.line_start {
            Some(start) => chars(&src[start..offset]),
            None => self.base.column + chars(&src[..offset]),
        };
        (self.line + 1, column + 1)
    }
}

/// One step of the document, as the importer needs it.
#[derive(Debug)]
pub(crate) enum Item<'a> {
    /// A start tag or an empty element.
    Open(Elem<'a>),
    /// An end tag; `true` when it is `</iati-activities>`.
    Close(bool),
    /// Character data, decoded only when asked ([`Cursor::decode`]): white space
    /// between elements costs nothing.
    Text(Raw<'a>),
    /// The end of input.
    Eof,
}

/// Character data as read.
#[derive(Debug)]
pub(crate) enum Raw<'a> {
    /// Text (byte offset of its start).
    Text(BytesText<'a>, usize),
    /// A CDATA section (byte offset of its content).
    CData(BytesCData<'a>, usize),
    /// A resolved entity or character reference.
    Resolved(String),
}

impl Raw<'_> {
    /// True when the raw text is only XML white space (then it needs no decoding).
    pub(crate) fn is_blank(&self) -> bool {
        let blank = |b: &[u8]| b.iter().all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'));
        match self {
            Raw::Text(t, _) => blank(t),
            Raw::CData(t, _) => blank(t),
            Raw::Resolved(_) => false,
        }
    }
}

/// An element start.
#[derive(Debug)]
pub(crate) struct Elem<'a> {
    pub(crate) start: BytesStart<'a>,
    /// `<x/>`: no content, no end tag follows.
    pub(crate) empty: bool,
    /// Byte offset of the `<`.
    pub(crate) offset: usize,
}

impl Elem<'_> {
    /// The element's qualified name (with any prefix: `akvo:result` is not `result`).
    pub(crate) fn name(&self) -> &[u8] {
        self.start.name().into_inner()
    }
}

/// The cursor over the input.
pub(crate) struct Cursor<'a> {
    xml: Reader<&'a [u8]>,
    src: &'a [u8],
    lines: LineIndex,
    file: Option<String>,
    pub(crate) report: ReportBuilder,
    /// Set when the input ended inside markup: with more input to come, the segment was
    /// cut too early and is read again with more.
    pub(crate) hit_end: bool,
    /// The offset of the first byte in `src` that XML 1.0 forbids (a control character
    /// other than tab, line feed and carriage return), found once when the cursor is made.
    forbidden: Option<usize>,
}

impl fmt::Debug for Cursor<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Cursor").field("position", &self.xml.buffer_position()).finish()
    }
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(src: &'a [u8], file: Option<String>, report: ReportBuilder, base: Base) -> Self {
        let mut xml = Reader::from_reader(src);
        let config = xml.config_mut();
        config.check_end_names = true;
        // A segment after the first starts inside the root: its end tag is unmatched here.
        config.allow_unmatched_ends = true;
        config.expand_empty_elements = false;
        config.trim_text(false);
        let forbidden = first_forbidden_byte(src);
        Self { xml, src, lines: LineIndex::new(base), file, report, hit_end: false, forbidden }
    }

    /// An error when the reader has passed a byte that XML 1.0 forbids (a raw NUL or
    /// other control character), located at that byte.
    fn check_forbidden(&mut self) -> Result<(), ImportError> {
        match self.forbidden {
            Some(at) if self.position() > at => {
                let location = self.location(at);
                Err(ImportError::Xml { location, message: forbidden_message(char::from(self.src[at])) })
            }
            _ => Ok(()),
        }
    }

    /// The location of byte `offset`.
    pub(crate) fn location(&mut self, offset: usize) -> Location {
        let (line, column) = self.lines.locate(self.src, offset);
        Location { file: self.file.clone(), line, column }
    }

    /// The byte offset the reader has reached in the segment.
    pub(crate) fn position(&self) -> usize {
        usize::try_from(self.xml.buffer_position()).unwrap_or(usize::MAX)
    }

    /// Whether the input starts as UTF-16 text does (a UTF-16 byte-order mark, or `<`
    /// as a 16-bit unit), which this reader does not decode.
    pub(crate) fn is_utf16(&self) -> bool {
        crate::io::is_utf16(self.src)
    }

    /// The location of an element.
    pub(crate) fn at(&mut self, elem: &Elem<'_>) -> Location {
        self.location(elem.offset)
    }

    /// An XML error at the reader's error position.
    fn xml_error(&mut self, message: quick_xml::Error) -> ImportError {
        if matches!(message, quick_xml::Error::Syntax(_)) {
            self.hit_end = true;
        }
        let offset = usize::try_from(self.xml.error_position()).unwrap_or(usize::MAX);
        ImportError::Xml { location: self.location(offset), message: message.to_string() }
    }

    /// Decodes character data (UTF-8, line ends normalised as XML 1.0 says).
    pub(crate) fn decode(&mut self, raw: Raw<'a>) -> Result<Cow<'a, str>, ImportError> {
        let (result, offset) = match raw {
            Raw::Text(t, offset) => (t.xml10_content(), offset),
            Raw::CData(t, offset) => (t.xml10_content(), offset),
            Raw::Resolved(s) => return Ok(Cow::Owned(s)),
        };
        result.map_err(|e| self.encoding_error(offset, e))
    }

    /// A text that is not UTF-8, located at its first bad byte (`offset` = text start).
    fn encoding_error(&mut self, offset: usize, e: quick_xml::encoding::EncodingError) -> ImportError {
        let at = match &e {
            quick_xml::encoding::EncodingError::Utf8(u) => offset + u.valid_up_to(),
            _ => offset,
        };
        ImportError::Xml { location: self.location(at), message: format!("the input is not UTF-8: {e}") }
    }

    /// A malformed attribute list of the element at `offset` (a duplicated attribute, a
    /// missing `=` or quote).
    fn bad_attribute(&mut self, offset: usize, message: String) -> ImportError {
        ImportError::Xml { location: self.location(offset), message: format!("bad attribute: {message}") }
    }

    /// An error "the input ends inside an element".
    pub(crate) fn truncated(&mut self) -> ImportError {
        self.hit_end = true;
        let location = self.location(self.src.len());
        ImportError::Xml { location, message: "unexpected end of input inside an element (truncated file?)".into() }
    }

    /// The next item.
    pub(crate) fn next(&mut self) -> Result<Item<'a>, ImportError> {
        loop {
            let offset = usize::try_from(self.xml.buffer_position()).unwrap_or(usize::MAX);
            let event = match self.xml.read_event() {
                Ok(e) => e,
                Err(e) => return Err(self.xml_error(e)),
            };
            self.check_forbidden()?;
            return Ok(match event {
                Event::Start(start) => {
                    check_attributes(&start).map_err(|m| self.bad_attribute(offset, m))?;
                    Item::Open(Elem { start, empty: false, offset })
                }
                Event::Empty(start) => {
                    check_attributes(&start).map_err(|m| self.bad_attribute(offset, m))?;
                    Item::Open(Elem { start, empty: true, offset })
                }
                Event::End(e) => Item::Close(e.name().as_ref() == b"iati-activities"),
                Event::Text(t) => Item::Text(Raw::Text(t, offset)),
                Event::CData(t) => Item::Text(Raw::CData(t, offset + "<![CDATA[".len())),
                Event::GeneralRef(r) => {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) if is_xml_char(c) => Some(c.to_string()),
                        Ok(Some(c)) => {
                            let location = self.location(offset);
                            let name = String::from_utf8_lossy(&r).into_owned();
                            let message = format!("&{name};: {}", forbidden_message(c));
                            return Err(ImportError::Xml { location, message });
                        }
                        Ok(None) => r
                            .decode()
                            .ok()
                            .and_then(|name| quick_xml::escape::resolve_predefined_entity(&name))
                            .map(str::to_owned),
                        // The reader's error position is not this reference's: locate it here.
                        Err(e) => {
                            let location = self.location(offset);
                            let name = String::from_utf8_lossy(&r).into_owned();
                            return Err(ImportError::Xml { location, message: format!("&{name};: {e}") });
                        }
                    };
                    match resolved {
                        Some(s) => Item::Text(Raw::Resolved(s)),
                        None => {
                            let name = String::from_utf8_lossy(&r).into_owned();
                            let location = self.location(offset);
                            return Err(ImportError::Xml { location, message: format!("undefined entity &{name};") });
                        }
                    }
                }
                Event::Eof => Item::Eof,
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => continue,
            });
        }
    }

    /// Skips the rest of `elem` (its content and end tag).
    pub(crate) fn skip(&mut self, elem: &Elem<'_>) -> Result<(), ImportError> {
        if elem.empty {
            return Ok(());
        }
        let mut depth = 0usize;
        loop {
            let offset = self.position();
            let event = self.xml.read_event();
            self.check_forbidden()?;
            match event {
                Ok(Event::Start(start)) => {
                    check_attributes(&start).map_err(|m| self.bad_attribute(offset, m))?;
                    depth += 1;
                }
                Ok(Event::Empty(start)) => check_attributes(&start).map_err(|m| self.bad_attribute(offset, m))?,
                Ok(Event::End(_)) => {
                    if depth == 0 {
                        return Ok(());
                    }
                    depth -= 1;
                }
                Ok(Event::Eof) => return Err(self.truncated()),
                Ok(_) => {}
                Err(e) => return Err(self.xml_error(e)),
            }
        }
    }

    /// Records `elem` as not modelled under `context` and skips it.
    pub(crate) fn skip_unmodelled(&mut self, context: &str, elem: &Elem<'_>) -> Result<(), ImportError> {
        let offset = elem.offset;
        let Cursor { report, lines, src, file, .. } = self;
        report.not_modelled(context, elem.name(), || {
            let (line, column) = lines.locate(src, offset);
            Location { file: file.clone(), line, column }
        });
        self.skip(elem)
    }

    /// Records `elem` as carried under `context` (by `label`: its name, or a variant such
    /// as `description[@type=2]`), skips it and returns it as the source wrote it, from
    /// its `<` to the end of its end tag, with a declaration added to its start tag for
    /// each prefix of `scope` (the `(prefix, namespace)` declarations of the enclosing
    /// elements, the nearest last) that it uses and does not declare itself: a
    /// fragment that is well-formed on its own.
    pub(crate) fn carry(
        &mut self,
        context: &str,
        elem: &Elem<'_>,
        label: &[u8],
        scope: &[(String, String)],
    ) -> Result<String, ImportError> {
        self.skip(elem)?;
        self.carry_read(context, elem, label, scope)
    }

    /// As [`Cursor::carry`] for an element that has just been read to its end (its
    /// contents could not be modelled after all): records it as carried and returns it
    /// as the source wrote it.
    pub(crate) fn carry_read(
        &mut self,
        context: &str,
        elem: &Elem<'_>,
        label: &[u8],
        scope: &[(String, String)],
    ) -> Result<String, ImportError> {
        let offset = elem.offset;
        let Cursor { report, lines, src, file, .. } = self;
        report.record(context, label, true, || {
            let (line, column) = lines.locate(src, offset);
            Location { file: file.clone(), line, column }
        });
        let raw = &self.src[offset.min(self.src.len())..self.position().min(self.src.len())];
        let raw = match std::str::from_utf8(raw) {
            Ok(raw) => raw,
            Err(e) => {
                let location = self.location(offset + e.valid_up_to());
                return Err(ImportError::Xml { location, message: format!("the input is not UTF-8: {e}") });
            }
        };
        Ok(standalone(raw, 1 + elem.name().len(), scope))
    }

    /// Records `name` (a label such as `text()` or `location[no @ref]`) as not modelled
    /// under `context`, located at `elem`.
    pub(crate) fn mark_unmodelled(&mut self, context: &str, elem: &Elem<'_>, name: &[u8]) {
        let offset = elem.offset;
        let Cursor { report, lines, src, file, .. } = self;
        report.not_modelled(context, name, || {
            let (line, column) = lines.locate(src, offset);
            Location { file: file.clone(), line, column }
        });
    }

    /// Records a not-modelled attribute (`@name`) of `elem` under `context`.
    pub(crate) fn attribute_unmodelled(&mut self, context: &str, elem: &Elem<'_>, name: &[u8]) {
        self.record_attribute(context, elem, name, false);
    }

    /// Records an attribute (`@name`) of `elem` under `context` as carried (`carried`)
    /// or not modelled.
    pub(crate) fn record_attribute(&mut self, context: &str, elem: &Elem<'_>, name: &[u8], carried: bool) {
        let offset = elem.offset;
        let mut key = Vec::with_capacity(name.len() + 1);
        key.push(b'@');
        key.extend_from_slice(name);
        let Cursor { report, lines, src, file, .. } = self;
        report.record(context, &key, carried, || {
            let (line, column) = lines.locate(src, offset);
            Location { file: file.clone(), line, column }
        });
    }

    /// Records every attribute of `elem` that is not in `known` as not modelled under
    /// `context` (namespace declarations are not data and are passed over).
    pub(crate) fn other_attributes(
        &mut self,
        context: &str,
        elem: &Elem<'_>,
        known: &[&[u8]],
    ) -> Result<(), ImportError> {
        if elem.start.attributes_raw().trim_ascii().is_empty() {
            return Ok(());
        }
        let mut names: Vec<Vec<u8>> = Vec::new();
        for attr in attributes(elem) {
            let (name, _) = attr.map_err(|m| self.bad_attribute(elem.offset, m))?;
            if !known.contains(&name) && !is_namespace_declaration(name) {
                names.push(name.to_vec());
            }
        }
        for name in names {
            self.attribute_unmodelled(context, elem, &name);
        }
        Ok(())
    }

    /// Skips the rest of `elem`, recording each child element as not modelled under
    /// `context`, and text that is not blank as `<context>/text()` (the caller has read
    /// what it models from the attributes).
    pub(crate) fn skip_content(&mut self, context: &str, elem: &Elem<'_>) -> Result<(), ImportError> {
        if elem.empty {
            return Ok(());
        }
        loop {
            match self.next()? {
                Item::Open(child) => self.skip_unmodelled(context, &child)?,
                Item::Close(_) => return Ok(()),
                Item::Text(t) if t.is_blank() => {}
                Item::Text(_) => self.mark_unmodelled(context, elem, b"text()"),
                Item::Eof => return Err(self.truncated()),
            }
        }
    }

    /// The text content of `elem` up to its end tag; child elements are recorded as not
    /// modelled under `context` and skipped.
    pub(crate) fn text(&mut self, context: &str, elem: &Elem<'_>) -> Result<String, ImportError> {
        self.text_in(elem, || context.to_owned())
    }

    /// [`Cursor::text`] with the context built only when a child element needs it.
    pub(crate) fn text_in(&mut self, elem: &Elem<'_>, context: impl Fn() -> String) -> Result<String, ImportError> {
        let mut out = String::new();
        if elem.empty {
            return Ok(out);
        }
        loop {
            match self.next()? {
                Item::Text(t) => out.push_str(&self.decode(t)?),
                Item::Open(child) => self.skip_unmodelled(&context(), &child)?,
                Item::Close(_) => return Ok(out),
                Item::Eof => return Err(self.truncated()),
            }
        }
    }

    /// A diagnostic at `offset`.
    pub(crate) fn error(&mut self, offset: usize, code: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(code, self.location(offset).to_string(), message)
    }

    /// A warning at `offset`.
    pub(crate) fn warning(&mut self, offset: usize, code: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(code, self.location(offset).to_string(), message)
    }
}

/// The attributes of an element as `(qualified name, value)`, values unescaped and
/// normalised as XML 1.0 says. An attribute named twice is an error (XML 1.0,
/// "Unique Att Spec").
pub(crate) fn attributes<'e>(
    elem: &'e Elem<'_>,
) -> impl Iterator<Item = Result<(&'e [u8], Cow<'e, str>), String>> + 'e {
    // quick-xml's own duplicate check allocates a list per call; elements are read
    // attribute by attribute several times, so the check is done here without allocating.
    let mut seen = Seen::default();
    let mut all = elem.start.attributes();
    all.with_checks(false);
    all.map(move |a| {
        let a = a.map_err(|e| e.to_string())?;
        let key = a.key.into_inner();
        if !seen.insert(key) {
            return Err(format!("duplicated attribute {:?}", String::from_utf8_lossy(key)));
        }
        let value = a.normalized_value(quick_xml::XmlVersion::Implicit1_0).map_err(|e| e.to_string())?;
        // Raw forbidden bytes are refused by the cursor; a character reference
        // (`&#1;`) only shows once the value is unescaped.
        if let Cow::Owned(v) = &value {
            if let Some(c) = v.chars().find(|&c| !is_xml_char(c)) {
                return Err(format!("@{}: {}", String::from_utf8_lossy(key), forbidden_message(c)));
            }
        }
        Ok((key, value))
    })
}

/// Checks the syntax of an element's attributes (names, `=`, quotes, no name twice)
/// without unescaping their values: every element, also one that is skipped, is checked,
/// so a malformed attribute list is never passed over (XML 1.0 well-formedness).
fn check_attributes(start: &BytesStart<'_>) -> Result<(), String> {
    if blank_or_single(start.attributes_raw()) {
        return Ok(());
    }
    let mut seen = Seen::default();
    let mut all = start.attributes();
    all.with_checks(false);
    for a in all {
        let key = a.map_err(|e| e.to_string())?.key.into_inner();
        if !seen.insert(key) {
            return Err(format!("duplicated attribute {:?}", String::from_utf8_lossy(key)));
        }
    }
    Ok(())
}

/// Whether `raw`, an element's attribute bytes, is blank or exactly one well-formed
/// `name="value"` (or `'value'`): then no attribute is there twice and the full check
/// has nothing to find. Most elements of an IATI file are one of the two, so this keeps
/// the check off the import's hot path; anything else gets quick-xml's full parse.
fn blank_or_single(raw: &[u8]) -> bool {
    let raw = raw.trim_ascii();
    if raw.is_empty() {
        return true;
    }
    let Some(eq) = memchr::memchr(b'=', raw) else { return false };
    let name = raw[..eq].trim_ascii_end();
    let plain_name =
        !name.is_empty() && !name.iter().any(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'<' | b'>'));
    match raw[eq + 1..].trim_ascii_start() {
        [q @ (b'"' | b'\''), inner @ .., last] if last == q => plain_name && !inner.contains(q),
        _ => false,
    }
}

/// `fragment` (an element as written; its name ends at `name_end`) with a declaration
/// `xmlns:p="…"` after its name for each prefix `p` of `scope` that it seems to use
/// (`p:` after `<`, `/` or white space) and its start tag does not declare. A prefix
/// only seemingly used (`see:` in text) gets a declaration it does not need, which
/// changes nothing.
pub(crate) fn standalone(fragment: &str, name_end: usize, scope: &[(String, String)]) -> String {
    let mut out = String::with_capacity(fragment.len());
    let (head, rest) = fragment.split_at(name_end.min(fragment.len()));
    out.push_str(head);
    let start_tag = &rest.as_bytes()[..rest.find('>').unwrap_or(rest.len())];
    let bytes = fragment.as_bytes();
    for (i, (prefix, namespace)) in scope.iter().enumerate().rev() {
        let p = prefix.as_bytes();
        let nearer = scope[i + 1..].iter().any(|(q, _)| q == prefix);
        // Plain byte loops: a substring searcher would add to the WebAssembly module.
        let declared = (0..start_tag.len()).any(|at| {
            start_tag[at..].starts_with(b"xmlns:")
                && start_tag[at + 6..].starts_with(p)
                && start_tag[at + 6 + p.len()..].trim_ascii_start().first() == Some(&b'=')
        });
        let used = (1..bytes.len()).any(|at| {
            bytes[at..].starts_with(p)
                && bytes.get(at + p.len()) == Some(&b':')
                && matches!(bytes[at - 1], b'<' | b'/' | b' ' | b'\t' | b'\n' | b'\r')
        });
        if nearer || declared || !used {
            continue;
        }
        out.push_str(" xmlns:");
        out.push_str(prefix);
        out.push_str("=\"");
        for c in namespace.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '"' => out.push_str("&quot;"),
                c => out.push(c),
            }
        }
        out.push('"');
    }
    out.push_str(rest);
    out
}

/// Whether an attribute name declares a namespace (`xmlns`, `xmlns:akvo`).
pub(crate) fn is_namespace_declaration(name: &[u8]) -> bool {
    name == b"xmlns" || name.starts_with(b"xmlns:")
}

/// Whether XML 1.0 allows `c` in a document (production `Char`).
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The message for a character XML 1.0 does not allow.
fn forbidden_message(c: char) -> String {
    format!("the character U+{:04X} is not allowed in XML 1.0", u32::from(c))
}

/// The offset of the first byte of `src` that XML 1.0 never allows: a C0 control
/// character other than tab, line feed and carriage return (U+FFFE and U+FFFF, also
/// forbidden, are refused as character references; written raw they are not looked
/// for). Scans 64 bytes at a time without branching, so that the whole input costs
/// little.
fn first_forbidden_byte(src: &[u8]) -> Option<usize> {
    let bad = |b: u8| b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r';
    let mut at = 0;
    for chunk in src.chunks(64) {
        if chunk.iter().fold(false, |acc, &b| acc | bad(b)) {
            return chunk.iter().position(|&b| bad(b)).map(|i| at + i);
        }
        at += chunk.len();
    }
    None
}

#[cfg(test)]
mod attribute_shape_tests {
    use super::blank_or_single;

    #[test]
    fn only_blank_or_one_well_formed_attribute_skips_the_full_check() {
        for raw in ["", "  ", r#" code="2""#, " code = '2' ", r#" href="a=b c""#, r#" xml:lang="sv""#] {
            assert!(blank_or_single(raw.as_bytes()), "{raw:?}");
        }
        for raw in [
            r#" code="2" code="3""#,
            r#" a="1" b="2""#,
            " code=2",
            r#" code="2"#,
            " code",
            r#" ="2""#,
            r#" a b="2""#,
            r#" code="2" x"#,
            r##" code='2""##,
        ] {
            assert!(!blank_or_single(raw.as_bytes()), "{raw:?}");
        }
    }
}

/// The attribute names met so far in one element: the first eight inline.
#[derive(Default)]
struct Seen<'e> {
    inline: [&'e [u8]; 8],
    len: usize,
    more: Vec<&'e [u8]>,
}

impl<'e> Seen<'e> {
    /// Adds `key`; false when it was already there.
    fn insert(&mut self, key: &'e [u8]) -> bool {
        let inline = &self.inline[..self.len.min(self.inline.len())];
        if inline.contains(&key) || self.more.contains(&key) {
            return false;
        }
        if self.len < self.inline.len() {
            self.inline[self.len] = key;
        } else {
            self.more.push(key);
        }
        self.len += 1;
        true
    }
}
