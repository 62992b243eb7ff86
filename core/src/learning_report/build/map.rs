//! Section 2, the map: the results matrix, one table row per level.

use super::{join, Cx};
use crate::learning_report::model::{Block, Section, Table};

/// Builds section 2.
pub(crate) fn section(cx: &Cx<'_>) -> Section {
    let matrix = &cx.portfolio.program.matrix;
    let mut s = cx.section("map", 2, "Kartan: resultatmatrisen", "The map: the results matrix");
    if matrix.rows.is_empty() {
        s.push(cx.no_data("Ingen resultatmatris registrerad ännu.", "No results matrix recorded yet."));
        return s;
    }
    s.push(Block::Paragraph {
        text: cx.t(
            "Vad programmet förväntar sig på varje nivå: aktörerna, de erfarenheter och resultat de ska få och de effekter som ska följa.",
            "What the program expects at each level: the actors, the experiences and results they should gain, and the effects that should follow.",
        ),
    });
    let mut table = Table::new([
        cx.t("Nivå", "Level"),
        cx.t("Aktörer", "Actors"),
        cx.t("Erfarenheter/resultat", "Experiences/results"),
        cx.t("Effekter", "Effects"),
    ]);
    for row in &matrix.rows {
        let items = |items: &[crate::model::MatrixItem]| join(items.iter().map(|i| cx.text_or_id(&i.text, &i.id)));
        table.push_row([
            cx.level(row.level),
            join(row.actors.iter().map(|a| cx.text(a))),
            items(&row.experiences),
            items(&row.effects),
        ]);
    }
    s.push(Block::Table(table));
    let count = matrix.items().count();
    s.push(Block::Paragraph {
        text: match cx.lang() {
            "sv" => format!("Kartan har {} nivåer och {count} förväntningar med id som observationer och indikatorer kan peka på (se avsnitt 5).", matrix.rows.len()),
            _ => format!("The map has {} levels and {count} expectations with ids that observations and indicators can point at (see section 5).", matrix.rows.len()),
        },
    });
    s
}

#[cfg(test)]
mod tests {
    use crate::learning_report::build::{build, ReportOptions};
    use crate::learning_report::model::Block;
    use crate::learning_report::testdata;

    #[test]
    fn one_row_per_level() {
        let r = build(&testdata::portfolio(), &ReportOptions::new("en", testdata::as_of()));
        let Some(Block::Table(t)) = r.sections[1].blocks.iter().find(|b| matches!(b, Block::Table(_))) else {
            panic!("no table")
        };
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[2], ["Local level", "Municipalities; Project leaders", "Inspiration", "Increased growth"]);
    }
}
