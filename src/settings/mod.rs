//! Settings that persist between runs: the config file the user writes
//! ([`config`]) and the state whosaid keeps ([`state`]: where each story
//! was left, the last library opened).
//!
//! Both live in the platform's directories (the `directories` crate), or
//! where `WHOSAID_CONFIG_DIR` and `WHOSAID_STATE_DIR` say, so tests never
//! touch a real home directory. Only the interactive reader reads or writes
//! them; `whosaid annotate` and the text summary never do.

pub mod config;
mod lock;
mod replace;
pub mod salvage;
pub mod state;

use std::path::PathBuf;

use directories::ProjectDirs;

pub use config::{Config, ConfigError, default_config};
pub use state::{Changes, State};

/// The config file's name in the config directory.
pub const CONFIG_FILE: &str = "config.toml";
/// The state file's name in the state directory.
pub const STATE_FILE: &str = "state.json";

/// Where the config and the state are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dirs {
    pub config: Option<PathBuf>,
    pub state: Option<PathBuf>,
}

impl Dirs {
    /// The directories `WHOSAID_CONFIG_DIR` and `WHOSAID_STATE_DIR` name,
    /// else the platform's (on Linux `~/.config/whosaid` and
    /// `~/.local/state/whosaid`; elsewhere the state goes with local data).
    pub fn locate(env: impl Fn(&str) -> Option<String>) -> Self {
        let named = |var: &str| env(var).filter(|v| !v.is_empty()).map(PathBuf::from);
        let project = ProjectDirs::from("", "", "whosaid");
        Dirs {
            config: named("WHOSAID_CONFIG_DIR")
                .or_else(|| project.as_ref().map(|p| p.config_dir().to_path_buf())),
            state: named("WHOSAID_STATE_DIR").or_else(|| {
                project.as_ref().map(|p| {
                    p.state_dir()
                        .unwrap_or_else(|| p.data_local_dir())
                        .to_path_buf()
                })
            }),
        }
    }

    pub fn config_file(&self) -> Option<PathBuf> {
        self.config.as_ref().map(|d| d.join(CONFIG_FILE))
    }

    pub fn state_file(&self) -> Option<PathBuf> {
        self.state.as_ref().map(|d| d.join(STATE_FILE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_variables_override_the_platform_directories() {
        let dirs = Dirs::locate(|var| match var {
            "WHOSAID_CONFIG_DIR" => Some("/tmp/c".into()),
            "WHOSAID_STATE_DIR" => Some("/tmp/s".into()),
            _ => None,
        });
        assert_eq!(
            dirs.config_file(),
            Some(PathBuf::from("/tmp/c/config.toml"))
        );
        assert_eq!(dirs.state_file(), Some(PathBuf::from("/tmp/s/state.json")));
    }
}
