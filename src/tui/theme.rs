//! Styles. Every style that carries meaning differs by modifier as well as by
//! colour, so the highlights still read on a 16-colour terminal, under
//! `NO_COLOR` and for people who cannot tell the colours apart.

use ratatui::style::{Color, Modifier, Style};

/// How many colours to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorMode {
    /// No colour at all: modifiers only (`NO_COLOR`, `--color never`).
    None,
    /// The 16 ANSI colours, which follow the terminal's own palette and so
    /// suit dark and light backgrounds alike.
    Basic,
    /// The 256-colour palette, for a few softer backgrounds.
    Extended,
}

impl ColorMode {
    /// Resolves `--color`: `never` and a non-empty `NO_COLOR` mean none; otherwise
    /// `COLORTERM` or a `TERM` naming 256 colours mean the extended palette.
    /// `always` ignores `NO_COLOR`, as an explicit flag should.
    pub fn detect(choice: ColorChoice, env: impl Fn(&str) -> Option<String>) -> Self {
        let no_color = env("NO_COLOR").is_some_and(|v| !v.is_empty());
        match choice {
            ColorChoice::Never => return ColorMode::None,
            ColorChoice::Auto if no_color => return ColorMode::None,
            ColorChoice::Auto | ColorChoice::Always => {}
        }
        let colorterm = env("COLORTERM").unwrap_or_default();
        let term = env("TERM").unwrap_or_default();
        if colorterm.contains("truecolor") || colorterm.contains("24bit") || term.contains("256") {
            ColorMode::Extended
        } else {
            ColorMode::Basic
        }
    }
}

/// The user's `--color` choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// Every style the reader draws with, by meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub mode: ColorMode,
    pub text: Style,
    pub title: Style,
    pub meta: Style,
    pub heading: Style,
    /// A speaker's name or the words a claim is attributed to.
    pub speaker: Style,
    /// Mentions of the selected source.
    pub speaker_selected: Style,
    pub direct: Style,
    pub partial: Style,
    pub indirect: Style,
    /// Added to claims of the selected source.
    pub claim_selected: Style,
    /// Added to the words of the current claim (`}` and `{` move it); the
    /// gutter marks its lines too, which is what shows it without colour.
    pub claim_current: Style,
    pub country: Style,
    pub search_hit: Style,
    pub search_current: Style,
    /// A control character shown as a visible stand-in.
    pub placeholder: Style,
    pub focus_bar: Style,
    pub hidden: Style,
    pub border: Style,
    pub border_focused: Style,
    pub section: Style,
    pub cursor_row: Style,
    pub dim: Style,
    pub status: Style,
    pub status_chip: Style,
    pub key: Style,
    pub message: Style,
    pub warning: Style,
}

impl Theme {
    pub fn new(mode: ColorMode) -> Self {
        use Color::*;
        // Colour is added on top of the modifiers only when colour is on.
        let fg = |style: Style, basic: Color, extended: Color| match mode {
            ColorMode::None => style,
            ColorMode::Basic => style.fg(basic),
            ColorMode::Extended => style.fg(extended),
        };
        let bg = |style: Style, basic: Color, extended: Color| match mode {
            ColorMode::None => style,
            ColorMode::Basic => style.bg(basic),
            ColorMode::Extended => style.bg(extended),
        };
        let m = |modifier: Modifier| Style::new().add_modifier(modifier);
        Theme {
            mode,
            text: Style::new(),
            title: fg(m(Modifier::BOLD), Reset, Reset),
            meta: fg(m(Modifier::DIM), Reset, Indexed(245)),
            heading: fg(m(Modifier::BOLD | Modifier::UNDERLINED), Blue, Indexed(33)),
            // Names stay bright inside (dimmed) reported speech.
            speaker: fg(m(Modifier::BOLD), Cyan, Indexed(37)).remove_modifier(Modifier::DIM),
            speaker_selected: fg(
                m(Modifier::BOLD | Modifier::REVERSED).remove_modifier(Modifier::DIM),
                Magenta,
                Indexed(170),
            ),
            direct: fg(m(Modifier::ITALIC), Green, Indexed(71)),
            partial: fg(
                m(Modifier::ITALIC | Modifier::UNDERLINED),
                Yellow,
                Indexed(178),
            ),
            indirect: fg(m(Modifier::DIM), Reset, Indexed(109)),
            claim_selected: fg(m(Modifier::BOLD), Magenta, Indexed(170)),
            claim_current: bg(Style::new(), DarkGray, Indexed(237)),
            country: fg(m(Modifier::UNDERLINED), Red, Indexed(167)),
            search_hit: bg(
                fg(m(Modifier::REVERSED), Yellow, Indexed(214)),
                Black,
                Indexed(16),
            ),
            search_current: bg(
                fg(
                    m(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
                    LightRed,
                    Indexed(202),
                ),
                Black,
                Indexed(16),
            ),
            placeholder: fg(m(Modifier::DIM), Red, Indexed(160)),
            focus_bar: fg(m(Modifier::BOLD), Blue, Indexed(33)),
            hidden: fg(m(Modifier::DIM | Modifier::ITALIC), DarkGray, Indexed(243)),
            border: fg(m(Modifier::DIM), DarkGray, Indexed(240)),
            border_focused: fg(m(Modifier::BOLD), Blue, Indexed(33)),
            section: fg(m(Modifier::BOLD | Modifier::UNDERLINED), Reset, Reset),
            cursor_row: m(Modifier::REVERSED),
            dim: m(Modifier::DIM),
            status: m(Modifier::REVERSED),
            status_chip: fg(m(Modifier::REVERSED | Modifier::BOLD), Blue, Indexed(33)),
            key: fg(m(Modifier::BOLD), Cyan, Indexed(37)),
            message: fg(m(Modifier::BOLD), Green, Indexed(71)),
            warning: fg(m(Modifier::BOLD), Red, Indexed(160)),
        }
    }
}

impl Theme {
    /// The styles a config file may colour, by name.
    pub const NAMES: [&'static str; 27] = [
        "text",
        "title",
        "meta",
        "heading",
        "speaker",
        "speaker_selected",
        "direct",
        "partial",
        "indirect",
        "claim_selected",
        "claim_current",
        "country",
        "search_hit",
        "search_current",
        "placeholder",
        "focus_bar",
        "hidden",
        "border",
        "border_focused",
        "section",
        "cursor_row",
        "dim",
        "status",
        "status_chip",
        "key",
        "message",
        "warning",
    ];

    /// The style called `name` (one of [`Theme::NAMES`]).
    pub fn style_mut(&mut self, name: &str) -> Option<&mut Style> {
        Some(match name {
            "text" => &mut self.text,
            "title" => &mut self.title,
            "meta" => &mut self.meta,
            "heading" => &mut self.heading,
            "speaker" => &mut self.speaker,
            "speaker_selected" => &mut self.speaker_selected,
            "direct" => &mut self.direct,
            "partial" => &mut self.partial,
            "indirect" => &mut self.indirect,
            "claim_selected" => &mut self.claim_selected,
            "claim_current" => &mut self.claim_current,
            "country" => &mut self.country,
            "search_hit" => &mut self.search_hit,
            "search_current" => &mut self.search_current,
            "placeholder" => &mut self.placeholder,
            "focus_bar" => &mut self.focus_bar,
            "hidden" => &mut self.hidden,
            "border" => &mut self.border,
            "border_focused" => &mut self.border_focused,
            "section" => &mut self.section,
            "cursor_row" => &mut self.cursor_row,
            "dim" => &mut self.dim,
            "status" => &mut self.status,
            "status_chip" => &mut self.status_chip,
            "key" => &mut self.key,
            "message" => &mut self.message,
            "warning" => &mut self.warning,
            _ => return None,
        })
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::new(ColorMode::Basic)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn no_color_turns_colour_off_unless_forced() {
        let with = env(&[("NO_COLOR", "1"), ("TERM", "xterm-256color")]);
        assert_eq!(ColorMode::detect(ColorChoice::Auto, &with), ColorMode::None);
        assert_eq!(
            ColorMode::detect(ColorChoice::Always, &with),
            ColorMode::Extended
        );
        let empty = env(&[("NO_COLOR", ""), ("TERM", "xterm")]);
        assert_eq!(
            ColorMode::detect(ColorChoice::Auto, &empty),
            ColorMode::Basic
        );
        assert_eq!(
            ColorMode::detect(ColorChoice::Never, env(&[])),
            ColorMode::None
        );
    }

    #[test]
    fn without_colour_no_style_has_a_colour() {
        let theme = Theme::new(ColorMode::None);
        for style in [theme.speaker, theme.direct, theme.country, theme.search_hit] {
            assert_eq!((style.fg, style.bg), (None, None));
        }
    }

    #[test]
    fn meaningful_styles_differ_by_modifier_alone() {
        let theme = Theme::new(ColorMode::None);
        let styles = [
            theme.speaker,
            theme.speaker_selected,
            theme.direct,
            theme.partial,
            theme.indirect,
            theme.country,
            theme.search_hit,
            theme.search_current,
        ];
        for (i, a) in styles.iter().enumerate() {
            for b in &styles[i + 1..] {
                assert_ne!(a.add_modifier, b.add_modifier, "{a:?} vs {b:?}");
            }
        }
    }
}
