//! The public streaming import: [`for_each_activity`].

use std::io::Read;

use super::{segments, IatiImportReport, ImportError, ImportOptions};
use crate::model::{Organisation, Portfolio, Project};

/// One activity of a streamed import, as it is handed out.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StreamedActivity {
    /// The activity as a project, exactly as [`from_reader`](super::from_reader) would
    /// keep it (but see [`for_each_activity`] on hierarchy links).
    pub project: Project,
    /// The organisations the activity names (its `reporting-org`, and each
    /// `participating-org` with a `@ref`), each once, in order of first appearance in
    /// the activity. The same organisation comes again with every activity that names
    /// it; the portfolio returned at the end holds each once (first met wins).
    pub organisations: Vec<Organisation>,
    /// The file's default language (root `@xml:lang`, else `en`): the portfolio's
    /// `default_language`, known before the first activity.
    pub default_language: String,
}

/// Why a streamed import stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StreamError<E> {
    /// The input could not be imported (as [`from_reader`](super::from_reader) would
    /// fail): unreadable, not IATI, not well-formed before the first activity, or, in
    /// strict mode, the first error. The activities kept before it were handed out.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// The callback returned an error; reading stopped there.
    #[error(transparent)]
    Callback(E),
}

/// Imports an IATI activities file from a reader, handing each kept activity to `each`
/// in file order instead of keeping it: memory stays flat whatever the file's size (one
/// input segment of about 4 MB and the projects read from it).
///
/// Returns the portfolio *without projects* (its `default_language`, its
/// [`Program`](crate::Program) named after the reporting organisations of the whole
/// file, and its `organisations`, each once) and the import report, as
/// [`from_reader`](super::from_reader) would give them, with these differences (a
/// stream cannot look back at what it handed out):
///
/// - `related-activity` type 2 (declared by the parent) gives a child with no parent
///   of its own this parent only when the child comes after the parent in the file.
///   Links to a child already handed out are not applied; the report counts them in one
///   warning (code `iati-stream-link-not-applied`, naming the first link).
/// - Parent cycles are not looked for: a cycle stays in the projects (a whole-file
///   import drops the link that closes it). When any project has a parent, the report
///   has a note (code `iati-stream-cycles-not-checked`); `kartan validate` finds cycles.
///
/// Activities with an error are skipped in lenient mode (the default) and never reach
/// `each`. A well-formedness error after the first activity stops the reading, as in
/// [`from_reader`](super::from_reader): every activity before it has been handed out.
///
/// ```
/// use kartan::io::iati::{for_each_activity, ImportOptions, StreamError};
///
/// let xml = r#"<iati-activities version="2.03">
///   <iati-activity><iati-identifier>A</iati-identifier>
///     <reporting-org ref="SE-0"><narrative>Sida</narrative></reporting-org>
///     <related-activity ref="B" type="2"/></iati-activity>
///   <iati-activity><iati-identifier>B</iati-identifier></iati-activity>
/// </iati-activities>"#;
/// let mut seen = Vec::new();
/// let (rest, report) = for_each_activity(xml.as_bytes(), &ImportOptions::new(), |a| {
///     seen.push((a.project.id, a.project.parent, a.organisations.len()));
///     Ok::<(), std::convert::Infallible>(())
/// })?;
/// assert_eq!(seen, [("A".to_owned(), None, 1), ("B".to_owned(), Some("A".to_owned()), 0)]);
/// assert!(rest.projects.is_empty());
/// assert_eq!(rest.program.id, "SE-0");
/// assert_eq!(report.activities_imported, 2);
/// # Ok::<(), StreamError<std::convert::Infallible>>(())
/// ```
///
/// # Errors
/// [`StreamError::Import`] as [`from_reader`](super::from_reader) (diagnostics name
/// `options.source_name`); [`StreamError::Callback`] with the first error `each`
/// returns.
pub fn for_each_activity<R, E, F>(
    reader: R,
    options: &ImportOptions,
    each: F,
) -> Result<(Portfolio, IatiImportReport), StreamError<E>>
where
    R: Read,
    F: FnMut(StreamedActivity) -> Result<(), E>,
{
    segments::stream_reader(reader, options, segments::CHUNK, each)
}
