//! The `kartan` command: argument parsing, then a call into `commands`.

mod args;
mod commands;

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return commands::clap_error(&e),
    };
    let result = match cli.command {
        args::Command::Report(a) => commands::report::run(&a),
        args::Command::Validate(a) => commands::validate::run(&a),
        args::Command::Convert(a) => commands::convert::run(&a),
        args::Command::Money(a) => commands::money::run(&a),
        args::Command::Schema => commands::schema::run(),
        args::Command::Examples(a) => commands::examples::run(&a),
    };
    match result {
        Ok(code) => code,
        Err(e) => e.report(),
    }
}
