//! The input in segments: the file is read in chunks and cut right after an
//! `</iati-activity>`, so that only one segment (a few MB), never the whole file, is
//! in memory while the portfolio is built. A cut that falls inside markup (the text
//! `</iati-activity>` in a comment or CDATA) is noticed — the segment ends inside an
//! element — and that activity is read again with more input.
//!
//! A whole-file import keeps every project; a streamed import hands the projects of
//! each segment out after the segment is read, so it holds at most one segment's.

use std::convert::Infallible;
use std::io::Read;

use super::activity::{Importer, State};
use super::reader::{Base, Cursor, Item};
use super::report::{IatiImportReport, ReportBuilder};
use super::{ImportError, ImportOptions, StreamError, StreamedActivity};
use crate::model::{Diagnostic, Portfolio};

/// How much input is read before looking for a cut (bytes).
pub(crate) const CHUNK: usize = 4 << 20;

const BOUNDARY: &[u8] = b"</iati-activity>";

/// What became of a segment.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Outcome {
    /// All of it was read.
    Done,
    /// Read up to byte `at`; the rest needs more input.
    Retry(usize),
    /// A fatal error in lenient mode: recorded; reading stops.
    Stopped,
}

/// An import in progress.
#[derive(Debug)]
pub(super) struct Run<'o> {
    options: &'o ImportOptions,
    state: State,
    report: ReportBuilder,
    pub(super) base: Base,
}

impl<'o> Run<'o> {
    pub(super) fn new(options: &'o ImportOptions) -> Self {
        let state = State { default_lang: "en".to_owned(), ..State::default() };
        Self { options, state, report: ReportBuilder::default(), base: Base::default() }
    }

    /// A run that reads a segment after the root start tag, in the file's default
    /// language `lang`, starting at `base`.
    pub(super) fn inside_root(
        options: &'o ImportOptions,
        lang: &str,
        namespaces: &[(String, String)],
        base: Base,
    ) -> Self {
        let mut run = Self::new(options);
        run.state.default_lang = lang.to_owned();
        run.state.namespaces = namespaces.to_vec();
        run.state.root_open = true;
        run.base = base;
        run
    }

    /// The root's namespace declarations (once the root has been read).
    pub(super) fn namespaces(&self) -> &[(String, String)] {
        &self.state.namespaces
    }

    /// The file's default language (once the root has been read).
    pub(super) fn default_lang(&self) -> &str {
        &self.state.default_lang
    }

    /// Reads the root start tag at the head of `seg` and returns the offset after it;
    /// `None` when that fails or the root is empty (the caller reads the input in one
    /// run instead, which reports what is wrong).
    pub(super) fn root(&mut self, seg: &[u8]) -> Option<usize> {
        let cur = Cursor::new(seg, self.options.source_name.clone(), std::mem::take(&mut self.report), self.base);
        let mut imp = Importer { cur, options: self.options, st: std::mem::take(&mut self.state) };
        let ok = imp.root().is_ok() && !imp.cur.hit_end;
        let at = imp.cur.position();
        self.report = imp.cur.report;
        self.state = imp.st;
        (ok && !self.state.root_closed).then_some(at)
    }

    /// Appends what a run over the next segment of the same input kept and recorded,
    /// as if this run had read that segment itself: projects and diagnostics in order,
    /// an organisation and a reporting organisation where they first appear, counts
    /// summed.
    pub(super) fn absorb(&mut self, later: Run<'_>) {
        let State {
            default_lang: _,
            root_open: _,
            root_closed,
            namespaces: _,
            orgs,
            org_index: _,
            reporting,
            projects,
            children,
            stream: _,
        } = later.state;
        let st = &mut self.state;
        st.root_closed |= root_closed;
        st.projects.extend(projects);
        for org in orgs {
            if !st.org_index.contains_key(&org.id) {
                st.org_index.insert(org.id.clone(), st.orgs.len());
                st.orgs.push(org);
            }
        }
        for owner in reporting {
            if !st.reporting.contains(&owner) {
                st.reporting.push(owner);
            }
        }
        st.children.extend(children);
        self.report.merge(later.report);
        self.base = later.base;
    }

    /// Reads one segment; `last` when no input follows it.
    pub(super) fn segment(&mut self, seg: &[u8], last: bool) -> Result<Outcome, ImportError> {
        let cur = Cursor::new(seg, self.options.source_name.clone(), std::mem::take(&mut self.report), self.base);
        let mut imp = Importer { cur, options: self.options, st: std::mem::take(&mut self.state) };
        let mut resume = 0;
        let result = imp.segment(last, &mut resume);
        let hit_end = imp.cur.hit_end;
        self.report = imp.cur.report;
        self.state = imp.st;
        let outcome = match result {
            Ok(()) => Outcome::Done,
            Err(_) if hit_end && !last => Outcome::Retry(resume),
            Err(ImportError::Xml { location, message }) if !self.options.strict && self.state.root_open => {
                self.report.skip_unfinished();
                self.report.report.diagnostics.push(Diagnostic::error(
                    "iati-not-well-formed",
                    location.to_string(),
                    format!("not well-formed XML: {message}; the activities before this point are kept"),
                ));
                Outcome::Stopped
            }
            Err(e) => return Err(e),
        };
        let read = match outcome {
            Outcome::Retry(at) => &seg[..at],
            _ => seg,
        };
        self.base = self.base.after(read);
        Ok(outcome)
    }

    /// A streamed import: reports what the stream could not link and builds the
    /// portfolio without projects.
    fn finish_stream(mut self) -> (Portfolio, IatiImportReport) {
        if let Some(stream) = self.state.stream.take() {
            let path = self.options.source_name.clone().unwrap_or_else(|| "iati-activities".to_owned());
            stream.links.finish(&mut self.report, &path);
        }
        let cur = Cursor::new(&[], self.options.source_name.clone(), self.report, self.base);
        Importer { cur, options: self.options, st: self.state }.finish()
    }

    /// Links the hierarchy and builds the portfolio.
    pub(super) fn finish(self) -> Result<(Portfolio, IatiImportReport), ImportError> {
        let cur = Cursor::new(&[], self.options.source_name.clone(), self.report, self.base);
        let mut imp = Importer { cur, options: self.options, st: self.state };
        imp.link_children();
        imp.break_cycles()?;
        Ok(imp.finish())
    }
}

impl Importer<'_, '_> {
    /// Reads the root's children in this segment; `resume` is set to the start of each
    /// child, where a too-early cut is read again.
    fn segment(&mut self, last: bool, resume: &mut usize) -> Result<(), ImportError> {
        if !self.st.root_open {
            self.root()?;
        }
        loop {
            if self.st.root_closed {
                return self.trailing();
            }
            *resume = self.cur.position();
            match self.cur.next()? {
                Item::Open(elem) if elem.name() == b"iati-activity" => self.activity(&elem)?,
                Item::Open(elem) => self.cur.skip_unmodelled("iati-activities", &elem)?,
                Item::Text(_) => {}
                Item::Close(true) => self.st.root_closed = true,
                Item::Close(false) => {
                    let location = self.cur.location(*resume);
                    return Err(ImportError::Xml { location, message: "an end tag that closes no element".into() });
                }
                Item::Eof if last => return Err(self.cur.truncated()),
                Item::Eof => return Ok(()),
            }
        }
    }

    /// After the root: only white space and comments.
    fn trailing(&mut self) -> Result<(), ImportError> {
        loop {
            match self.cur.next()? {
                Item::Eof => return Ok(()),
                Item::Text(t) if t.is_blank() => {}
                _ => {
                    let location = self.cur.location(usize::MAX);
                    return Err(ImportError::Xml { location, message: "content after the root element".into() });
                }
            }
        }
    }
}

/// Imports from bytes: one segment, no copy.
pub(crate) fn import_slice(
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<(Portfolio, IatiImportReport), ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut run = Run::new(options);
    run.segment(bytes, true)?;
    run.finish()
}

/// Imports from a reader, a segment at a time.
pub(crate) fn import_reader<R: Read>(
    src: R,
    options: &ImportOptions,
) -> Result<(Portfolio, IatiImportReport), ImportError> {
    import_chunked(src, options, CHUNK)
}

/// [`import_reader`] reading `chunk` bytes at a time.
fn import_chunked<R: Read>(
    src: R,
    options: &ImportOptions,
    chunk: usize,
) -> Result<(Portfolio, IatiImportReport), ImportError> {
    let mut run = Run::new(options);
    drive(&mut run, src, chunk, |_| Ok::<(), Infallible>(())).map_err(|e| match e {
        StreamError::Import(e) => e,
        StreamError::Callback(never) => match never {},
    })?;
    run.finish()
}

/// Streams from a reader: each kept project goes to `each` (see
/// [`for_each_activity`](super::for_each_activity)).
pub(crate) fn stream_reader<R, E, F>(
    src: R,
    options: &ImportOptions,
    chunk: usize,
    mut each: F,
) -> Result<(Portfolio, IatiImportReport), StreamError<E>>
where
    R: Read,
    F: FnMut(StreamedActivity) -> Result<(), E>,
{
    let mut run = Run::new(options);
    run.state.stream = Some(Box::default());
    drive(&mut run, src, chunk, |state| {
        let met = state.stream.as_mut().map(|s| std::mem::take(&mut s.organisations)).unwrap_or_default();
        let mut met = met.into_iter();
        for project in state.projects.drain(..) {
            let organisations = met.next().unwrap_or_default();
            each(StreamedActivity { project, organisations, default_language: state.default_lang.clone() })?;
        }
        Ok(())
    })?;
    Ok(run.finish_stream())
}

/// Reads `src` segment by segment into `run`; after each segment (also one that ends
/// in an error) `hand_out` gets the state, to take the projects kept so far.
fn drive<R: Read, E>(
    run: &mut Run<'_>,
    mut src: R,
    chunk: usize,
    mut hand_out: impl FnMut(&mut State) -> Result<(), E>,
) -> Result<(), StreamError<E>> {
    let options = run.options;
    let io_error = |source: std::io::Error| {
        let path = options.source_name.clone().unwrap_or_default().into();
        StreamError::Import(ImportError::Io { path, source })
    };
    let mut buf: Vec<u8> = Vec::with_capacity(chunk * 2);
    let mut eof = false;
    let mut first = true;
    // A cut must fall after this many bytes of `buf` (after a retry: beyond the old cut).
    let mut min_cut = 0;
    // No cut in what was read: read more before searching again.
    let mut more = false;
    loop {
        // Fill to at least a chunk, then until a cut is possible.
        let cut = loop {
            if !eof && (buf.len() < min_cut + chunk || more) {
                more = false;
                let len = buf.len();
                buf.resize(len + chunk, 0);
                let n = loop {
                    match src.read(&mut buf[len..]) {
                        Ok(n) => break n,
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                        Err(e) => return Err(io_error(e)),
                    }
                };
                buf.truncate(len + n);
                eof = n == 0;
                continue;
            }
            if first {
                if buf.starts_with(b"\xEF\xBB\xBF") {
                    buf.drain(..3);
                }
                first = false;
            }
            if eof {
                break buf.len();
            }
            match memchr::memmem::rfind(&buf[min_cut..], BOUNDARY) {
                Some(i) => break min_cut + i + BOUNDARY.len(),
                // Search again from where a boundary may straddle the end; never before
                // `min_cut`, which after a retry lies beyond the cut that was too early.
                None => {
                    min_cut = min_cut.max(buf.len().saturating_sub(BOUNDARY.len() - 1));
                    more = true;
                }
            }
        };
        let last = eof && cut == buf.len();
        let outcome = run.segment(&buf[..cut], last);
        // What was kept before an error is handed out before the error is returned.
        hand_out(&mut run.state).map_err(StreamError::Callback)?;
        match outcome? {
            Outcome::Done if last => break,
            Outcome::Done => {
                buf.drain(..cut);
                min_cut = 0;
            }
            Outcome::Retry(at) => {
                buf.drain(..at);
                min_cut = cut - at;
            }
            Outcome::Stopped => break,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/real/iati/results_small_rich_ngo_2021.xml");

    #[test]
    fn segments_give_the_same_portfolio_and_places_as_one_slice() {
        let bytes = std::fs::read(SMALL).unwrap();
        let options = ImportOptions::new().source_name("small.xml");
        let whole = import_slice(&bytes, &options).unwrap();
        for chunk in [64, 1000, 50_000] {
            let parts = import_chunked(&bytes[..], &options, chunk).unwrap();
            assert_eq!(parts.0, whole.0, "chunk {chunk}");
            assert_eq!(parts.1, whole.1, "chunk {chunk}");
        }
    }

    #[test]
    fn a_cut_inside_a_comment_or_cdata_is_read_again() {
        let xml = "<iati-activities version=\"2.03\">\n<iati-activity><iati-identifier>A</iati-identifier>\n<!-- </iati-activity> -->\n<title><narrative><![CDATA[x </iati-activity> y]]></narrative></title>\n</iati-activity>\n<iati-activity><iati-identifier>B</iati-identifier><bad value=\"1\"/></iati-activity>\n</iati-activities>\n";
        let options = ImportOptions::new();
        let whole = import_slice(xml.as_bytes(), &options).unwrap();
        assert_eq!(whole.0.projects[0].title.get("en"), Some("x </iati-activity> y"));
        for chunk in [1, 7, 40, 100] {
            let parts = import_chunked(xml.as_bytes(), &options, chunk).unwrap();
            assert_eq!(parts.0, whole.0, "chunk {chunk}");
            assert_eq!(
                parts.1.not_modelled("iati-activity/bad").map(|n| (n.count, n.first.clone())),
                whole.1.not_modelled("iati-activity/bad").map(|n| (n.count, n.first.clone()))
            );
        }
    }

    #[test]
    fn a_truncated_stream_keeps_what_came_before() {
        let bytes = std::fs::read(SMALL).unwrap();
        let cut = &bytes[..bytes.len() / 2];
        let whole = import_slice(cut, &ImportOptions::new()).unwrap();
        let parts = import_chunked(cut, &ImportOptions::new(), 10_000).unwrap();
        assert_eq!(parts.0.projects.len(), whole.0.projects.len());
        assert_eq!(parts.1.diagnostics, whole.1.diagnostics);
    }

    #[test]
    fn a_stream_hands_out_the_same_activities_whatever_the_segment_size() {
        let bytes = std::fs::read(SMALL).unwrap();
        let options = ImportOptions::new().source_name("small.xml");
        let (whole, whole_report) = import_slice(&bytes, &options).unwrap();
        for chunk in [64, 1000, 50_000, CHUNK] {
            let mut got = Vec::new();
            let (rest, report) = stream_reader(&bytes[..], &options, chunk, |a| {
                got.push(a.project);
                Ok::<(), Infallible>(())
            })
            .unwrap();
            assert_eq!(got, whole.projects, "chunk {chunk}");
            assert_eq!(rest.organisations, whole.organisations, "chunk {chunk}");
            assert_eq!(report.counts, whole_report.counts, "chunk {chunk}");
            assert_eq!(report.not_modelled, whole_report.not_modelled, "chunk {chunk}");
        }
    }
}
