//! Load a portfolio, validate it, and print the map per level and the budget per currency.
//!
//! ```sh
//! cargo run -p kartan-examples --example portfolio            # the embedded seed program
//! cargo run -p kartan-examples --example portfolio -- FILE    # kartan JSON
//! ```

use std::collections::BTreeMap;
use std::process::ExitCode;

use chrono::NaiveDate;
use kartan::{analysis, effective_budgets, embedded, io, Severity};
use rust_decimal::Decimal;

fn main() -> ExitCode {
    let portfolio = match std::env::args_os().nth(1) {
        Some(path) => match io::load(&path) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("portfolio: {e}");
                return ExitCode::from(2);
            }
        },
        None => embedded::seed(),
    };
    let lang = portfolio.default_language.clone();
    println!("{}", portfolio.program.title.show(&lang, "en"));

    // Validation: all diagnostics at once; the date is explicit, never the clock.
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 29).expect("a valid date");
    let diagnostics = analysis::validate(&portfolio, as_of);
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    println!("{} diagnostics, {errors} errors", diagnostics.len());
    for d in diagnostics.iter().take(10) {
        println!("  {d}");
    }

    // One analysis: the map per level, and what the portfolio's budgets add up to.
    for row in &portfolio.program.matrix.rows {
        println!(
            "{}: {} expected experiences/results, {} expected effects",
            row.level.label(&lang),
            row.experiences.len(),
            row.effects.len()
        );
    }
    let mut totals: BTreeMap<&str, Decimal> = BTreeMap::new();
    for project in &portfolio.projects {
        for budget in effective_budgets(&project.budgets) {
            *totals.entry(budget.value.currency.as_str()).or_default() += budget.value.amount;
        }
    }
    println!("{} projects recorded", portfolio.projects.len());
    for (currency, total) in totals {
        println!("  budget {total} {currency}");
    }
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
