//! Rendering the report as Markdown (CommonMark with GitHub tables), for the terminal.
//!
//! Every data text is escaped: characters Markdown would read as markup are
//! backslash-escaped, and table cells also escape `|` and turn line breaks into `<br>`,
//! so a cell can never break its row.

use std::fmt::Write as _;

use super::label;
use super::model::{Block, LearningReport, NoticeKind, Table};

/// Renders the report as Markdown, ending with a newline.
pub fn to_markdown(report: &LearningReport) -> String {
    let lang = report.lang.as_str();
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", inline(&report.title));
    if !report.subtitle.is_empty() {
        let _ = writeln!(out, "**{}**\n", inline(&report.subtitle));
    }
    let _ = writeln!(out, "*{} {}*\n", label(lang, "Per", "As of"), report.as_of);
    for section in &report.sections {
        let _ = writeln!(out, "## {}. {}\n", section.number, inline(&section.title));
        for block in &section.blocks {
            block_md(lang, block, &mut out);
            out.push('\n');
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn block_md(lang: &str, block: &Block, out: &mut String) {
    match block {
        Block::Heading { text } => {
            let _ = writeln!(out, "### {}", inline(text));
        }
        Block::Paragraph { text } => {
            let _ = writeln!(out, "{}", inline(text));
        }
        Block::Quote { text, source } => {
            let _ = writeln!(out, "> {}", inline(text));
            if let Some(source) = source {
                let _ = writeln!(out, ">\n> — {}", inline(source));
            }
        }
        Block::List { ordered, items } => {
            for (i, item) in items.iter().enumerate() {
                let marker = if *ordered { format!("{}.", i + 1) } else { "-".to_owned() };
                let _ = writeln!(out, "{marker} {}", inline(item));
            }
        }
        Block::Table(table) => table_md(table, out),
        Block::KeyValues { pairs } => {
            for p in pairs {
                let _ = writeln!(out, "- **{}:** {}", inline(&p.key), inline(&p.value));
            }
        }
        Block::Notice { kind, text } => {
            let prefix = match kind {
                NoticeKind::Warning => format!("**{}:** ", label(lang, "Varning", "Warning")),
                NoticeKind::NoData | NoticeKind::Info => String::new(),
            };
            let _ = writeln!(out, "> {prefix}{}", inline(text));
        }
        Block::Chart { title, fallback, .. } => {
            let _ = writeln!(out, "**{}**\n", inline(title));
            table_md(fallback, out);
        }
        Block::Diagnostics { items } => {
            let table = Table::new([
                label(lang, "Allvarlighet", "Severity"),
                label(lang, "Kod", "Code"),
                label(lang, "Plats", "Path"),
                label(lang, "Meddelande", "Message"),
            ]);
            table_md(&table, out);
            // Codes and paths as code spans, so `/program/stated_project_count` reads as is.
            for d in items {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} |",
                    d.severity,
                    code_cell(&d.code),
                    code_cell(&d.path),
                    cell(&d.message)
                );
            }
        }
    }
}

fn table_md(table: &Table, out: &mut String) {
    if let Some(caption) = &table.caption {
        let _ = writeln!(out, "*{}*\n", inline(caption));
    }
    if table.columns.is_empty() {
        return;
    }
    let row = |cells: &mut dyn Iterator<Item = &String>, out: &mut String| {
        out.push('|');
        for c in cells {
            let _ = write!(out, " {} |", cell(c));
        }
        out.push('\n');
    };
    row(&mut table.columns.iter(), out);
    out.push('|');
    for _ in &table.columns {
        out.push_str(" --- |");
    }
    out.push('\n');
    for r in &table.rows {
        row(&mut r.iter(), out);
    }
}

/// Escapes text for one line of Markdown: line breaks become spaces, markup characters
/// are backslash-escaped, and a line start that would open a block (`#`, `-`, `+`, `1.`)
/// is escaped.
pub(crate) fn inline(text: &str) -> String {
    let one_line = text.split(['\n', '\r']).map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
    escape_line(&one_line)
}

/// Backslash-escapes the characters Markdown reads as inline markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// [`escape`], and a line start that would open a block is escaped too: `-`, `+` or `=`
/// (a list item or a heading underline), or digits followed by `.`/`)` and a space (an
/// ordered list item; `100.50` stays as it is).
fn escape_line(text: &str) -> String {
    let mut out = escape(text);
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    } else if let Some(digits) = out.find(|c: char| !c.is_ascii_digit()) {
        let rest = &out[digits..];
        let marker = rest.starts_with(['.', ')']) && rest[1..].chars().next().is_none_or(char::is_whitespace);
        if digits > 0 && marker {
            out.insert(digits, '\\');
        }
    }
    out
}

/// Escapes a table cell: markup characters (with `|`) are backslash-escaped and line
/// breaks become `<br>`, so the cell keeps its lines without ending the row. (Inside a
/// cell a leading `-` or `1.` opens no block, so line starts need no escape.)
pub(crate) fn cell(text: &str) -> String {
    let lines: Vec<String> = text.split(['\n', '\r']).map(str::trim).filter(|l| !l.is_empty()).map(escape).collect();
    lines.join("<br>")
}

/// A table cell as a code span: `|` is still escaped (GitHub tables split on it even in
/// code), line breaks become spaces; text with a backtick falls back to [`cell`].
pub(crate) fn code_cell(text: &str) -> String {
    if text.contains('`') || text.trim().is_empty() {
        return cell(text);
    }
    let one_line = text.split(['\n', '\r']).collect::<Vec<_>>().join(" ");
    format!("`{}`", one_line.replace('|', "\\|"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learning_report::build::{build, ReportOptions};
    use crate::learning_report::testdata;

    #[test]
    fn pipes_and_newlines_in_cells_are_escaped() {
        assert_eq!(cell("a | b\nc"), r"a \| b<br>c");
        let mut t = Table::new(["x"]);
        t.push_row(["1|2"]);
        let mut out = String::new();
        table_md(&t, &mut out);
        assert_eq!(out, "| x |\n| --- |\n| 1\\|2 |\n");
    }

    #[test]
    fn diagnostics_show_codes_and_paths_as_code() {
        assert_eq!(code_cell("/program/stated_project_count"), "`/program/stated_project_count`");
        assert_eq!(code_cell("/a|b"), r"`/a\|b`");
        assert_eq!(code_cell("/a`b"), r"/a\`b");
        let d = crate::model::Diagnostic::error("duplicate-id", "/projects/1/id", "id \"P|1\" is used twice");
        let mut out = String::new();
        block_md("en", &Block::Diagnostics { items: vec![d] }, &mut out);
        assert!(out.ends_with("| error | `duplicate-id` | `/projects/1/id` | id \"P\\|1\" is used twice |\n"), "{out}");
    }

    #[test]
    fn markup_and_block_starts_are_escaped() {
        assert_eq!(inline("<script>alert(1)</script>"), r"\<script\>alert(1)\</script\>");
        assert_eq!(inline("1. Att medarbetarna"), r"1\. Att medarbetarna");
        assert_eq!(inline("- a\n# b"), r"\- a \# b");
        assert_eq!(inline("*hög delaktighet*"), r"\*hög delaktighet\*");
        assert_eq!(inline("100.50 SEK"), "100.50 SEK");
        assert_eq!(inline("3) tre"), r"3\) tre");
        assert_eq!(cell("- 100.50"), "- 100.50");
    }

    #[test]
    fn report_renders_sections_and_escaped_project_title() {
        let md = to_markdown(&build(&testdata::portfolio(), &ReportOptions::new("en", testdata::as_of())));
        assert!(
            md.starts_with("# Learning report: Programme for local and regional growth work\n\n*As of 2011-06-30*\n")
        );
        assert!(md.contains("\n## 2. The map: the results matrix\n"));
        assert!(md.contains("\n## 9. Data quality\n"));
        assert!(md.contains(r"### Project PRJ-1: Handel \| tillväxt \<script\>alert(1)\</script\>"));
        assert!(md.contains("| Local level | Municipalities; Project leaders | Inspiration | Increased growth |"));
        assert!(md.contains("> The agency shall promote cooperation, coordination, exchange of experience and learning\n>\n> — Förordning (2009:145); Instruction for the agency\n"));
        assert!(!md.contains("<script>"));
    }
}
