//! The command line, declared with clap.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use kartan::embedded::Embedded;

/// The exit codes, shown by `--help`.
pub const EXIT_CODES: &str = "\
Exit codes:
  0  success (for `validate`: the portfolio is valid; warnings are allowed)
  1  `validate`: the portfolio is invalid (the diagnostics are listed); any command:
     an IATI import skipped an activity, dropped a value (a bad date) or stopped early,
     or a table import could not read a value its mapping asks for (each is listed; the
     output of `convert` and `report` is written, without what was skipped or dropped);
     `money`: an amount found no rate in --rates (listed; its figure is left empty)
  2  a file could not be read, parsed or written, or the command line is wrong

Every error is one line on standard error, starting with `kartan: ` and naming the file.";

/// kartan — the map: validate a growth program's portfolio and write its learning report.
#[derive(Debug, Parser)]
#[command(name = "kartan", version, after_help = EXIT_CODES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the learning report (sections 1-9) on a portfolio, or on the embedded
    /// illustrative example program when no FILE is given (--example seed: the bare seed).
    #[command(after_help = EXIT_CODES)]
    Report(ReportArgs),
    /// Check a portfolio and list every problem found.
    #[command(after_help = EXIT_CODES)]
    Validate(ValidateArgs),
    /// Convert a portfolio between kartan JSON and IATI 2.03 activity XML, or write its
    /// indicator periods as CSV (input format detected by content; IATI input to json or
    /// csv is streamed: memory stays flat whatever the file's size).
    #[command(after_help = EXIT_CODES)]
    Convert(ConvertArgs),
    /// Write budget, commitments and spending as CSV, grouped by project, program, focus
    /// area, level, owner kind or year: per currency, or converted with a rate table.
    #[command(after_help = EXIT_CODES)]
    Money(MoneyArgs),
    /// Print the JSON Schema of kartan JSON (format "kartan/1").
    #[command(after_help = EXIT_CODES)]
    Schema,
    /// List the embedded portfolios (the default first), or print one as kartan JSON.
    #[command(after_help = EXIT_CODES)]
    Examples(ExamplesArgs),
}

/// `kartan examples`.
#[derive(Debug, clap::Args)]
pub struct ExamplesArgs {
    /// Print this embedded portfolio as kartan JSON instead of listing them.
    #[arg(value_parser = parse_example, value_name = "NAME")]
    pub name: Option<Embedded>,
}

/// An embedded portfolio's name (`kartan::embedded::EXAMPLES`).
fn parse_example(name: &str) -> Result<Embedded, String> {
    kartan::embedded::by_name(name).ok_or_else(|| {
        let names: Vec<&str> = kartan::embedded::EXAMPLES.iter().map(|e| e.name).collect();
        format!("no embedded portfolio {name:?}; there are: {}", names.join(", "))
    })
}

/// The embedded portfolio a command uses when it is given no FILE: the one named, else
/// the first of `kartan::embedded::EXAMPLES` (the illustrative example).
pub fn embedded_or_default(named: Option<Embedded>) -> Embedded {
    named.unwrap_or(kartan::embedded::EXAMPLES[0])
}

/// `kartan money`.
#[derive(Debug, clap::Args)]
pub struct MoneyArgs {
    /// The portfolio (kartan JSON or IATI XML, format detected by content; a table with
    /// --mapping).
    pub file: PathBuf,
    /// Read FILE as a table of projects (CSV, XLSX or a JSON array of records) through
    /// this column mapping (TOML or JSON, e.g. examples/mappings/projektbanken.toml).
    #[arg(long, value_name = "MAPPING")]
    pub mapping: Option<PathBuf>,
    /// Group by: project, program, focus_area, level (a project at two levels counts at
    /// each), owner_kind or year (of a budget period's start, of a transaction's date).
    #[arg(long, default_value = "project", value_parser = parse_group_by, value_name = "GROUP")]
    pub by: kartan::analysis::money::GroupBy,
    /// Convert every amount with this rate table (CSV `date,currency,rate_to_target`, or
    /// `rate_to_SEK` naming the target) at the rate in force on its value date, and add
    /// the currencies up; an amount with no rate leaves its figure empty (never 0) and is
    /// listed on standard error. Without it, one row per group and currency.
    #[arg(long, value_name = "RATES")]
    pub rates: Option<PathBuf>,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "OUT")]
    pub output: Option<PathBuf>,
}

/// A day written `YYYY-MM-DD`, exactly: `2024-1-1`, ` 2024-01-01` or `+002024-01-01`,
/// which chrono's own parser accepts, are refused.
fn parse_day(text: &str) -> Result<NaiveDate, String> {
    let shape = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    let day = if shape { NaiveDate::parse_from_str(text, "%Y-%m-%d").ok() } else { None };
    day.ok_or_else(|| format!("{text:?} is not a day written YYYY-MM-DD"))
}

/// A `--by` value, checked by the core (`kartan::analysis::money::GroupBy`), with the
/// core's message.
fn parse_group_by(text: &str) -> Result<kartan::analysis::money::GroupBy, kartan::analysis::money::UnknownGroupBy> {
    text.parse()
}

/// `kartan report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The portfolio (kartan JSON; format detected by content). Without it: the embedded
    /// illustrative example (its figures are invented; the report says so), or the
    /// portfolio --example names.
    pub file: Option<PathBuf>,
    /// Report on this embedded portfolio (`example` or `seed`, see `kartan examples`)
    /// instead of a FILE.
    #[arg(long, value_parser = parse_example, value_name = "NAME", conflicts_with_all = ["file", "survey"])]
    pub example: Option<Embedded>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ReportFormat::Md)]
    pub format: ReportFormat,
    /// Language of the report: `sv` (Swedish) or `en` (English).
    #[arg(long, short = 'l', value_parser = parse_lang, default_value = "sv", value_name = "sv|en")]
    pub lang: Lang,
    /// The date the report describes (YYYY-MM-DD); default: today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub as_of: Option<NaiveDate>,
    /// Write the report to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Read FILE as a table of projects (CSV, XLSX or a JSON array of records) through
    /// this column mapping (TOML or JSON, e.g. examples/mappings/projektbanken.toml).
    #[arg(long, value_name = "MAPPING", requires = "file")]
    pub mapping: Option<PathBuf>,
    /// Add the survey responses in this table (CSV, XLSX, JSON records) as an
    /// evaluation; needs --survey-mapping. Without FILE, the survey is a portfolio of its own.
    #[arg(long, value_name = "TABLE", requires = "survey_mapping")]
    pub survey: Option<PathBuf>,
    /// The column mapping of the --survey table (TOML or JSON).
    #[arg(long, value_name = "MAPPING", requires = "survey")]
    pub survey_mapping: Option<PathBuf>,
}

/// `kartan validate`.
#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// The portfolio (kartan JSON or IATI XML, format detected by content; a table with
    /// --mapping). May be left out when --survey or --example is given.
    #[arg(required_unless_present_any = ["survey", "example"])]
    pub file: Option<PathBuf>,
    /// Check this embedded portfolio (`example` or `seed`, see `kartan examples`)
    /// instead of a FILE.
    #[arg(long, value_parser = parse_example, value_name = "NAME", conflicts_with_all = ["file", "survey"])]
    pub example: Option<Embedded>,
    /// Read FILE as a table of projects (CSV, XLSX or a JSON array of records) through
    /// this column mapping (TOML or JSON, e.g. examples/mappings/projektbanken.toml).
    #[arg(long, value_name = "MAPPING", requires = "file")]
    pub mapping: Option<PathBuf>,
    /// Add the survey responses in this table (CSV, XLSX, JSON records) as an
    /// evaluation; needs --survey-mapping. Without FILE, the survey is a portfolio of its own.
    #[arg(long, value_name = "TABLE", requires = "survey_mapping")]
    pub survey: Option<PathBuf>,
    /// The column mapping of the --survey table (TOML or JSON).
    #[arg(long, value_name = "MAPPING", requires = "survey")]
    pub survey_mapping: Option<PathBuf>,

    /// The date date-dependent checks use (YYYY-MM-DD); default: today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub as_of: Option<NaiveDate>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ValidateFormat::Text)]
    pub format: ValidateFormat,
}

/// `kartan convert`.
#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// The portfolio (kartan JSON or IATI activity XML; format detected by content; a
    /// table with --mapping).
    pub file: PathBuf,
    /// More inputs, for --to parquet only: files or folders (a folder stands for its
    /// .xml and .json files), written as one dataset.
    #[arg(value_name = "MORE")]
    pub more: Vec<PathBuf>,
    /// Read FILE as a table of projects (CSV, XLSX or a JSON array of records) through
    /// this column mapping (TOML or JSON, e.g. examples/mappings/projektbanken.toml).
    #[arg(long, value_name = "MAPPING")]
    pub mapping: Option<PathBuf>,
    /// Add the survey responses in this table (CSV, XLSX, JSON records) as an
    /// evaluation; needs --survey-mapping.
    #[arg(long, value_name = "TABLE", requires = "survey_mapping")]
    pub survey: Option<PathBuf>,
    /// The column mapping of the --survey table (TOML or JSON).
    #[arg(long, value_name = "MAPPING", requires = "survey")]
    pub survey_mapping: Option<PathBuf>,
    /// The output format.
    #[arg(long, value_enum)]
    pub to: ConvertTo,
    /// Write to this file instead of standard output (--to parquet: this folder).
    #[arg(long, short = 'o', value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// With --to parquet: replace the output folder when it exists.
    #[arg(long)]
    pub overwrite: bool,
    /// With --to parquet: check each kartan JSON input as `kartan validate --as-of`
    /// does, its findings rows of the diagnostics table (YYYY-MM-DD; an IATI input's
    /// rows are its import's diagnostics).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub as_of: Option<NaiveDate>,
}

/// Formats `convert` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConvertTo {
    /// kartan JSON (format "kartan/1"). From IATI: streamed, `projects` written one by
    /// one before `default_language`, `program` and `organisations`; a `related-activity`
    /// type 2 link to a child earlier in the file is not applied (a warning counts them)
    /// and parent cycles are left for `kartan validate`.
    Json,
    /// IATI 2.03 activity XML (`iati-activities`).
    Iati,
    /// The indicator periods table as CSV: one row per period and disaggregation, target
    /// and actual side by side (the core's `kartan::analysis::tables::periods_table`,
    /// the same rows as Python's `periods_table()`, exact decimals; text cells that a
    /// spreadsheet would run as a formula start with `'`).
    /// From IATI: streamed.
    Csv,
    /// The relational tables (projects, results, indicators, periods, budgets,
    /// transactions, planned_disbursements, recipient_areas, diagnostics; activities,
    /// answers, observations, lessons, plans, factor_assessments from kartan JSON;
    /// joined by project_id, result_id and indicator_id) as
    /// one Parquet file each in the folder -o DIR (zstd; exact decimals as
    /// decimal128(38, 18)), for DuckDB, Polars and Spark. From IATI: streamed; many
    /// inputs (files or folders) make one dataset, and one that cannot be read is a row
    /// of the diagnostics table.
    Parquet,
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown.
    Md,
    /// One self-contained HTML file.
    Html,
    /// The report's document model as JSON.
    Json,
}

/// A `--lang` value, checked by the core (`kartan::learning_report::language`): the message for
/// a language the report is not written in is the one the Python and JS faces give.
fn parse_lang(text: &str) -> Result<Lang, kartan::learning_report::UnknownLanguage> {
    Ok(match kartan::learning_report::language(text)? {
        "sv" => Lang::Sv,
        _ => Lang::En,
    })
}

/// Report languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Swedish.
    Sv,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }
}

/// Validation output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ValidateFormat {
    /// One line per diagnostic.
    Text,
    /// A JSON object with the diagnostics.
    Json,
}
