//! Options of the reader (`whosaid [FILE]...`), kept apart from the
//! `annotate` command's.

use clap::ValueEnum;

#[derive(Debug, Clone, Default, clap::Args)]
pub struct ReaderArgs {
    /// Leave the mouse to the terminal, so its own text selection works
    /// (no wheel scrolling in the reader).
    #[arg(long)]
    pub no_mouse: bool,

    /// Colour in the reader: `auto` (none when NO_COLOR is set), `always` or `never`.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    /// Reopen the last library: the files and folders the reader opened last time.
    #[arg(long, conflicts_with = "files")]
    pub last: bool,

    /// Print the default config file (every setting and key, with comments) and exit.
    #[arg(long)]
    pub print_default_config: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    #[default]
    Auto,
    Always,
    Never,
}
