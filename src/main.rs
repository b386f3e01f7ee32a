use std::process::ExitCode;

use clap::Parser;
use whosaid::cli::{self, Cli, Command};

fn main() -> ExitCode {
    let args = Cli::parse();
    match &args.command {
        Some(Command::Annotate(annotate)) => cli::run_annotate(annotate),
        // The reader is not built yet: show the bundled story's summary.
        None => cli::print_bundled_summary(),
    }
}
