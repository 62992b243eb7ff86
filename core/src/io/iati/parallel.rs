//! The import on several threads.
//!
//! The calling thread reads the root start tag, then cuts the rest of the input after
//! an `</iati-activity>` every 1-4 MB and hands the segments out; worker threads read
//! one segment each into their own run (projects, organisations, report), and the runs
//! are joined in input order ([`Run::absorb`]). A segment's run needs only the file's
//! default language and where the segment starts (line and column, counted by the
//! calling thread as it cuts), so the result is the one-thread import's: same projects,
//! same organisations in order of first appearance, same counts, same diagnostics with
//! the same `line:column`.
//!
//! Anything out of the ordinary — a cut inside a comment or CDATA section, a
//! well-formedness error, an error in strict mode, a root that is not
//! `iati-activities` — makes the whole input be read again on one thread, which
//! reports it exactly as it always does. That costs time only on broken or unusual
//! files.

use std::fs::File;
use std::io::{Read, Seek};
use std::sync::{mpsc, Arc, Mutex};

use super::reader::Base;
use super::segments::{self, Outcome, Run};
use super::{IatiImportReport, ImportError, ImportOptions};
use crate::model::Portfolio;

const BOUNDARY: &[u8] = b"</iati-activity>";
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The smallest segment (bytes): a file of 2 MB or more is read in parallel.
const MIN_SEGMENT: usize = 1 << 20;
/// The largest segment (bytes): larger ones would only hold more input in memory.
const MAX_SEGMENT: usize = 4 << 20;

/// The segment size for an input of `len` bytes on `threads` threads: about eight
/// segments per thread (so that the threads finish together), from 1 MB to 4 MB (each
/// segment's run costs a little to set up and join: on the 198.6 MB bench file 1 MB
/// segments took 0.56-0.59 s, 4 MB segments 0.51-0.52 s).
fn segment_size(len: u64, threads: usize) -> usize {
    let per = len / (threads as u64 * 8).max(1);
    usize::try_from(per).unwrap_or(MAX_SEGMENT).clamp(MIN_SEGMENT, MAX_SEGMENT)
}

/// At most this many threads when the options leave the number to the machine.
const MAX_THREADS: usize = 8;

/// The threads to use: `options.threads`, or one per core (at most [`MAX_THREADS`]).
fn threads(options: &ImportOptions) -> usize {
    // WebAssembly has no threads here (and a constant lets the parallel code go).
    if cfg!(target_family = "wasm") {
        return 1;
    }
    match options.threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()).min(MAX_THREADS),
        n => n,
    }
}

/// [`from_slice`](super::from_slice): in segments of about `chunk` bytes (`None`: as
/// [`segment_size`] gives) on several threads when the input has at least two.
pub(crate) fn import_slice(
    bytes: &[u8],
    options: &ImportOptions,
    chunk: Option<usize>,
) -> Result<(Portfolio, IatiImportReport), ImportError> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let threads = threads(options);
    let chunk = chunk.unwrap_or_else(|| segment_size(bytes.len() as u64, threads));
    // No more threads than segments.
    let threads = threads.min(bytes.len() / chunk + 1);
    if threads > 1 && bytes.len() >= 2 * chunk {
        let segments = slice_segments(bytes, chunk).map(Ok::<_, std::io::Error>);
        if let Ok(Some(run)) = in_parallel(segments, options, threads) {
            return run.finish();
        }
    }
    segments::import_slice(bytes, options)
}

/// [`from_path`](super::from_path): the file read in segments of about `chunk` bytes
/// (`None`: as [`segment_size`] gives), on several threads when it has at least two;
/// only the segments being read are in memory, never the whole file.
pub(crate) fn import_file(
    mut file: File,
    options: &ImportOptions,
    chunk: Option<usize>,
) -> Result<(Portfolio, IatiImportReport), ImportError> {
    let io_error = |source| ImportError::Io { path: options.source_name.clone().unwrap_or_default().into(), source };
    let threads = threads(options);
    let len = file.metadata().map_or(0, |m| m.len());
    let chunk = chunk.unwrap_or_else(|| segment_size(len, threads));
    let threads = threads.min(usize::try_from(len / chunk as u64).unwrap_or(usize::MAX).saturating_add(1));
    if threads > 1 && len >= 2 * chunk as u64 {
        match in_parallel(ReaderSegments::new(&mut file, chunk), options, threads) {
            Ok(Some(run)) => return run.finish(),
            Ok(None) => file.rewind().map_err(io_error)?,
            Err(source) => return Err(io_error(source)),
        }
    }
    segments::import_reader(file, options)
}

/// Cuts `bytes` after the first `</iati-activity>` at or beyond every `chunk` bytes.
fn slice_segments(bytes: &[u8], chunk: usize) -> impl Iterator<Item = &[u8]> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let from = pos + chunk;
        let end = match bytes.get(from..).and_then(|rest| memchr::memmem::find(rest, BOUNDARY)) {
            Some(i) => from + i + BOUNDARY.len(),
            None => bytes.len(),
        };
        let segment = &bytes[pos..end];
        pos = end;
        Some(segment)
    })
}

/// A reader cut into segments that end after an `</iati-activity>` (the last one: at
/// the end of input); each holds at least `chunk` bytes unless the input ends first.
struct ReaderSegments<R> {
    src: R,
    chunk: usize,
    buf: Vec<u8>,
    eof: bool,
    started: bool,
    done: bool,
}

impl<R: Read> ReaderSegments<R> {
    fn new(src: R, chunk: usize) -> Self {
        Self { src, chunk, buf: Vec::new(), eof: false, started: false, done: false }
    }

    /// Reads until `buf` holds `len` bytes or the input ends.
    fn fill(&mut self, len: usize) -> std::io::Result<()> {
        while !self.eof && self.buf.len() < len {
            let have = self.buf.len();
            self.buf.resize(len, 0);
            let n = loop {
                match self.src.read(&mut self.buf[have..]) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        self.buf.truncate(have);
                        return Err(e);
                    }
                }
            };
            self.buf.truncate(have + n);
            self.eof = n == 0;
        }
        Ok(())
    }

    fn next_segment(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        if self.done {
            return Ok(None);
        }
        // Bytes of `buf` known to hold no boundary (but for one that straddles their end).
        let mut searched = 0;
        loop {
            self.fill(searched + self.chunk)?;
            if !self.started {
                self.started = true;
                if self.buf.starts_with(BOM) {
                    self.buf.drain(..BOM.len());
                }
            }
            if self.eof {
                self.done = true;
                return Ok(Some(std::mem::take(&mut self.buf)));
            }
            let from = searched.saturating_sub(BOUNDARY.len() - 1);
            if let Some(i) = memchr::memmem::rfind(&self.buf[from..], BOUNDARY) {
                let rest = self.buf.split_off(from + i + BOUNDARY.len());
                return Ok(Some(std::mem::replace(&mut self.buf, rest)));
            }
            searched = self.buf.len();
        }
    }
}

impl<R: Read> Iterator for ReaderSegments<R> {
    type Item = std::io::Result<Vec<u8>>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_segment().transpose()
    }
}

/// One segment for a worker: its bytes, where reading starts in them, where that is in
/// the input, and whether input follows.
struct Job<S> {
    index: usize,
    bytes: S,
    start: usize,
    base: Base,
    last: bool,
}

/// Reads `segments` (the input, cut after `</iati-activity>`) on `threads` threads
/// and joins the runs in order. `Ok(None)` when the input must be read on one thread
/// instead (see the module documentation); `Err` when the input cannot be read.
fn in_parallel<'o, S, I>(segments: I, options: &'o ImportOptions, threads: usize) -> std::io::Result<Option<Run<'o>>>
where
    S: AsRef<[u8]> + Send,
    I: Iterator<Item = std::io::Result<S>>,
{
    let mut segments = segments;
    let Some(first) = segments.next().transpose()? else { return Ok(None) };
    let mut run = Run::new(options);
    let Some(start) = run.root(first.as_ref()) else { return Ok(None) };
    let base = Base::default().after(&first.as_ref()[..start]);
    let lang = run.default_lang().to_owned();
    let namespaces = run.namespaces().to_vec();

    let parts = std::thread::scope(|scope| -> std::io::Result<Option<Vec<Option<Run<'o>>>>> {
        let (job_tx, job_rx) = mpsc::sync_channel::<Job<S>>(threads);
        // Owned by the workers: when they are all gone, sending fails instead of waiting.
        let job_rx = Arc::new(Mutex::new(job_rx));
        let (part_tx, part_rx) = mpsc::channel::<(usize, Option<Run<'o>>)>();
        let mut workers = 0;
        for _ in 0..threads {
            let (part_tx, job_rx, lang) = (part_tx.clone(), Arc::clone(&job_rx), lang.as_str());
            let namespaces = namespaces.as_slice();
            let worker = move || {
                // A poisoned lock means another worker panicked: the scope re-raises it.
                while let Some(job) = job_rx.lock().ok().and_then(|rx| rx.recv().ok()) {
                    let mut part = Run::inside_root(options, lang, namespaces, job.base);
                    let done = matches!(part.segment(&job.bytes.as_ref()[job.start..], job.last), Ok(Outcome::Done));
                    if part_tx.send((job.index, done.then_some(part))).is_err() {
                        break;
                    }
                }
            };
            // The system may refuse a thread: go on with those it gave (none: one thread).
            if std::thread::Builder::new().spawn_scoped(scope, worker).is_err() {
                break;
            }
            workers += 1;
        }
        drop((part_tx, job_rx));
        if workers == 0 {
            return Ok(None);
        }

        let (mut index, mut start, mut base, mut next) = (0, start, base, Some(first));
        while let Some(bytes) = next.take() {
            let following = segments.next().transpose();
            let last = matches!(following, Ok(None));
            let job_base = base;
            base = base.after(&bytes.as_ref()[start..]);
            if job_tx.send(Job { index, bytes, start, base: job_base, last }).is_err() {
                break;
            }
            (index, start, next) = (index + 1, 0, following?);
        }
        drop(job_tx);

        let mut parts: Vec<Option<Run<'o>>> = std::iter::repeat_with(|| None).take(index).collect();
        for (i, part) in part_rx {
            parts[i] = part;
        }
        Ok(Some(parts))
    })?;
    let Some(parts) = parts else { return Ok(None) };
    for part in parts {
        match part {
            Some(part) => run.absorb(part),
            None => return Ok(None),
        }
    }
    Ok(Some(run))
}

#[cfg(test)]
mod tests {
    use super::*;

    const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/real/iati");

    type Imported = Result<(Portfolio, IatiImportReport), ImportError>;

    fn one_thread(bytes: &[u8], options: &ImportOptions) -> Imported {
        segments::import_slice(bytes, options)
    }

    /// The same portfolio and report, or the same error.
    fn assert_same(whole: &Imported, parts: &Imported, what: &str) {
        match (whole, parts) {
            (Ok(w), Ok(p)) => {
                assert_eq!(p.0, w.0, "{what}");
                assert_eq!(p.1, w.1, "{what}");
            }
            (Err(w), Err(p)) => assert_eq!(p.to_string(), w.to_string(), "{what}"),
            (w, p) => panic!("{what}: one thread {:?}, several {:?}", w.as_ref().err(), p.as_ref().err()),
        }
    }

    /// Every real file, cut small and read on three threads, gives the one-thread
    /// portfolio and report (diagnostics and their places included).
    #[test]
    fn every_real_file_gives_the_one_thread_import() {
        let mut files = 0;
        for entry in std::fs::read_dir(REAL).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "xml") {
                continue;
            }
            files += 1;
            let bytes = std::fs::read(&path).unwrap();
            let options = ImportOptions::new().source_name("f.xml").threads(3);
            let whole = one_thread(&bytes, &options);
            for chunk in [5_000, 100_000] {
                let parts = import_slice(&bytes, &options, Some(chunk));
                assert_same(&whole, &parts, &format!("{} chunk {chunk}", path.display()));
            }
        }
        assert!(files >= 5, "the real IATI files are there");
    }

    /// The small rich file repeated: many segments, organisations met again later,
    /// not-modelled elements first seen in the first segment.
    fn many_activities() -> Vec<u8> {
        let one = std::fs::read_to_string(format!("{REAL}/results_small_rich_ngo_2021.xml")).unwrap();
        let open = one.find("<iati-activity ").or_else(|| one.find("<iati-activity>")).unwrap();
        let close = one.rfind("</iati-activities>").unwrap();
        let (head, body) = (&one[..open], &one[open..close]);
        let mut out = head.to_owned();
        for i in 0..40 {
            out.push_str(&body.replace("<iati-identifier>", &format!("<iati-identifier>copy{i}-")));
        }
        out.push_str("</iati-activities>\n");
        out.into_bytes()
    }

    #[test]
    fn many_segments_on_several_threads_give_the_one_thread_import() {
        let bytes = many_activities();
        for threads in [2, 5] {
            let options = ImportOptions::new().source_name("many.xml").threads(threads);
            let whole = one_thread(&bytes, &options);
            assert!(whole.as_ref().unwrap().0.projects.len() >= 40);
            assert_same(&whole, &import_slice(&bytes, &options, Some(3_000)), &format!("{threads} threads"));
            // It was read in parallel, not again on one thread.
            let segments = slice_segments(&bytes, 3_000).map(Ok::<_, std::io::Error>);
            assert!(in_parallel(segments, &options, threads).unwrap().is_some());
        }
    }

    #[test]
    fn a_cut_inside_a_comment_is_read_again_on_one_thread() {
        let mut bytes = many_activities();
        // Before the middle: segments of `at` bytes make the input go parallel first.
        let at = bytes.len() / 3;
        let at = at + memchr::memmem::find(&bytes[at..], b"<title>").unwrap();
        bytes.splice(at..at, b"<!-- </iati-activity> -->".iter().copied());
        let options = ImportOptions::new().threads(2);
        // The first cut falls at the first boundary from `at`: the one in the comment.
        let segments = slice_segments(&bytes, at).map(Ok::<_, std::io::Error>);
        assert!(in_parallel(segments, &options, 2).unwrap().is_none());
        let whole = one_thread(&bytes, &options).unwrap();
        assert_eq!(import_slice(&bytes, &options, Some(at)).unwrap().0, whole.0);
    }

    #[test]
    fn a_file_read_in_parallel_gives_the_one_thread_import_and_so_does_a_broken_one() {
        let dir = std::env::temp_dir().join(format!("kartan-parallel-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let bytes = many_activities();
        let mut cut_in_comment = bytes.clone();
        // A boundary inside a comment: a cut there is noticed and the input read again.
        let at = cut_in_comment.len() / 3;
        let at = at + memchr::memmem::find(&cut_in_comment[at..], b"<title>").unwrap();
        cut_in_comment.splice(at..at, b"<!-- </iati-activity> -->".iter().copied());
        let truncated = bytes[..bytes.len() * 2 / 3].to_vec();
        let mut bad_number = bytes.clone();
        let at = memchr::memmem::rfind(&bad_number, b"<iati-identifier>").unwrap();
        bad_number.splice(at..at, b"<budget><value>1,000</value></budget>".iter().copied());
        for (name, input) in
            [("whole", bytes), ("comment", cut_in_comment), ("truncated", truncated), ("bad", bad_number)]
        {
            let path = dir.join(format!("{name}.xml"));
            std::fs::write(&path, &input).unwrap();
            for strict in [false, true] {
                let options = ImportOptions::new().source_name("f.xml").threads(2).strict(strict);
                let whole = one_thread(&input, &options);
                let from_file = import_file(File::open(&path).unwrap(), &options, Some(2_000));
                let from_slice = import_slice(&input, &options, Some(2_000));
                for parts in [from_file, from_slice] {
                    assert_same(&whole, &parts, &format!("{name} strict {strict}"));
                }
            }
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn more_threads_than_segments_are_not_started() {
        let bytes = many_activities();
        let options = ImportOptions::new().threads(100_000);
        assert_same(&one_thread(&bytes, &options), &import_slice(&bytes, &options, Some(20_000)), "100,000 threads");
    }

    #[test]
    fn segments_are_1_to_4_mb_about_eight_per_thread() {
        assert_eq!(segment_size(0, 2), MIN_SEGMENT);
        assert_eq!(segment_size(5_839_807, 2), MIN_SEGMENT);
        assert_eq!(segment_size(48 << 20, 2), 3 << 20);
        assert_eq!(segment_size(198_558_799, 2), MAX_SEGMENT);
        assert_eq!(segment_size(198_558_799, 8), 3_102_481);
    }

    #[test]
    fn reader_segments_end_after_an_activity_and_lose_nothing() {
        let bytes = many_activities();
        let mut input = BOM.to_vec();
        input.extend_from_slice(&bytes);
        let segments: Vec<Vec<u8>> = ReaderSegments::new(&input[..], 1_000).map(Result::unwrap).collect();
        assert!(segments.len() > 10);
        for segment in &segments[..segments.len() - 1] {
            assert!(segment.ends_with(BOUNDARY) && segment.len() >= 1_000);
        }
        assert_eq!(segments.concat(), bytes);
        let sliced: Vec<&[u8]> = slice_segments(&bytes, 1_000).collect();
        assert_eq!(sliced.concat(), bytes);
    }
}
