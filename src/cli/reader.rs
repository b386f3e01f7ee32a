//! Options of the reader (`whosaid [FILE]...`), kept apart from the
//! `annotate` command's.

use clap::ValueEnum;

use crate::load::{ReadLimits, limits};

#[derive(Debug, Clone, Default, clap::Args)]
pub struct ReaderArgs {
    #[command(flatten)]
    pub look: ReaderLook,

    /// Reopen the last library: the files and folders the reader opened last time.
    #[arg(long, conflicts_with = "files")]
    pub last: bool,

    /// Open the stories of every feed the config file subscribes to
    /// (`[[feeds]]` tables), newest first; `r` in the list fetches new ones.
    #[arg(long, conflicts_with_all = ["files", "last"])]
    pub feeds: bool,

    /// Print the default config file (every setting and key, with comments) and exit.
    #[arg(long)]
    pub print_default_config: bool,
}

/// How the reader looks and takes the mouse: the options the reader,
/// `whosaid feed` and `whosaid archive` share.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ReaderLook {
    /// Leave the mouse to the terminal, so its own text selection works
    /// (no wheel scrolling in the reader).
    #[arg(long)]
    pub no_mouse: bool,

    /// Colour in the reader: `auto` (none when NO_COLOR is set), `always` or `never`.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    /// Colours for the terminal's background: `dark` or `light` (in place
    /// of the config file's theme preset).
    #[arg(long, value_enum, value_name = "NAME")]
    pub theme: Option<ThemeName>,
}

/// What the reader and `annotate` agree to read.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ReadArgs {
    /// The largest input read whole, e.g. `200M`, `2G` (default 1 GiB, at
    /// most 4G). A line of JSON Lines may not be longer either.
    #[arg(long, value_name = "SIZE", value_parser = limits::parse_input_size)]
    pub max_input_size: Option<u64>,

    /// Read character devices, named pipes and sockets given as paths (they
    /// are refused, as they may never end; `-` is always read).
    #[arg(long)]
    pub allow_special_files: bool,
}

impl ReadArgs {
    pub fn limits(&self) -> ReadLimits {
        ReadLimits {
            max_bytes: self
                .max_input_size
                .unwrap_or(limits::DEFAULT_MAX_INPUT_BYTES),
            allow_special_files: self.allow_special_files,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeName {
    Dark,
    Light,
}
