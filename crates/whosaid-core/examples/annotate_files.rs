//! Annotates plain-text files with the core alone and writes one JSON
//! document per line: the smallest program built on `whosaid-core`, and a
//! way to time the annotator without the application's loaders.
//!
//! ```sh
//! cargo run --release -p whosaid-core --example annotate_files -- story.txt …
//! ```
//!
//! Paragraphs are separated by blank lines; nothing else of the text is
//! interpreted (no headline, dateline or byline), unlike `whosaid annotate`.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use whosaid_core::Article;
use whosaid_core::annotate::annotate_compact;

fn main() -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = false;
    for path in std::env::args_os().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("{}: {error}", path.to_string_lossy());
                failed = true;
                continue;
            }
        };
        let paragraphs: Vec<&str> = text
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let annotation = annotate_compact(Article::from_paragraphs(&paragraphs));
        let written = serde_json::to_writer(&mut out, &annotation)
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n"));
        if let Err(error) = written {
            eprintln!("writing: {error}");
            return ExitCode::from(2);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
