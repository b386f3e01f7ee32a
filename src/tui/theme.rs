//! Styles. Every style that carries meaning differs by modifier as well as by
//! colour, so the highlights still read on a 16-colour terminal, under
//! `NO_COLOR` and for people who cannot tell the colours apart. The one
//! exception is reported speech in colour: dimmed, long stretches of it were
//! faint, so there it has a colour and no modifier (DIM without colour).

use ratatui::style::{Color, Modifier, Style};

use crate::model::ClaimKind;

/// How many colours to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorMode {
    /// No colour at all: modifiers only (`NO_COLOR`, `--color never`).
    None,
    /// The 16 ANSI colours, which follow the terminal's own palette (the
    /// light preset keeps to the darker ones, for a white background).
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

/// A set of colours for the terminal's background. The modifiers are the
/// same in both, so the meaning never rests on a preset's colours alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemePreset {
    /// Light text colours, for a dark background.
    #[default]
    Dark,
    /// Dark text colours and pale background tints, for a white background
    /// (where yellow and light cyan are hard to read).
    Light,
}

impl ThemePreset {
    /// The names a config file or `--theme` may give.
    pub const NAMES: [&'static str; 2] = ["dark", "light"];

    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "dark" => Some(ThemePreset::Dark),
            "light" => Some(ThemePreset::Light),
            _ => None,
        }
    }
}

/// What covers a stretch of article text, for [`Theme::highlight`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    /// The kind of the claim it is in, and whether the claim is the
    /// selected source's.
    pub claim: Option<(ClaimKind, bool)>,
    pub country: bool,
    /// A speaker's name: whether it is the selected source.
    pub speaker: Option<bool>,
    /// A search match: whether it is the current one.
    pub hit: Option<bool>,
    /// Inside the current claim.
    pub current_claim: bool,
}

impl Theme {
    /// The dark preset: see [`Theme::with_preset`].
    pub fn new(mode: ColorMode) -> Self {
        Theme::with_preset(mode, ThemePreset::Dark)
    }

    /// Every style, for `mode` and the colours of `preset`.
    ///
    /// Under `NO_COLOR` the highlights differ by modifier alone, layered as
    /// [`Theme::highlight`] does: direct ITALIC, partial ITALIC|UNDERLINED,
    /// reported DIM, country BOLD|UNDERLINED (so a country in a quote is
    /// BOLD|UNDERLINED|ITALIC, unlike a partial quote), speaker BOLD,
    /// selected speaker BOLD|REVERSED, search match REVERSED, current match
    /// REVERSED|BOLD|UNDERLINED. The modifiers run out there: the current
    /// claim adds none and is shown by the gutter mark, and the selected
    /// source's claims (BOLD added) can look like a country in a quote.
    pub fn with_preset(mode: ColorMode, preset: ThemePreset) -> Self {
        use Color::*;
        let light = preset == ThemePreset::Light;
        // (16 colours, 256 colours), by preset.
        let pick = |dark: (Color, Color), bright: (Color, Color)| if light { bright } else { dark };
        // Colour is added on top of the modifiers only when colour is on.
        let fg = |style: Style, (basic, extended): (Color, Color)| match mode {
            ColorMode::None => style,
            ColorMode::Basic => style.fg(basic),
            ColorMode::Extended => style.fg(extended),
        };
        let bg = |style: Style, (basic, extended): (Color, Color)| match mode {
            ColorMode::None => style,
            ColorMode::Basic => style.bg(basic),
            ColorMode::Extended => style.bg(extended),
        };
        let m = |modifier: Modifier| Style::new().add_modifier(modifier);
        let accent = pick((Blue, Indexed(33)), (Blue, Indexed(25)));
        let selected = pick((Magenta, Indexed(170)), (Magenta, Indexed(127)));
        let green = pick((Green, Indexed(71)), (Green, Indexed(28)));
        // Warnings read on either background.
        let red = (Red, Indexed(160));
        let grey = pick((DarkGray, Indexed(240)), (DarkGray, Indexed(248)));
        // Speakers and keys: cyan on dark; blue and teal on white.
        let names = pick((Cyan, Indexed(37)), (Blue, Indexed(30)));
        // Reported speech was DIM in every mode, which made long stretches of
        // it faint: with colour it gets a soft colour of its own instead.
        // Without colour DIM stays, as every other modifier marks something.
        let indirect = match mode {
            ColorMode::None => m(Modifier::DIM),
            ColorMode::Basic | ColorMode::Extended => Style::new(),
        };
        // A speaker's name reads the same wherever it is: it drops the
        // claim's modifiers, so a name in a quote never looks like a country
        // in one, and stays bright in dimmed reported speech.
        let claim_modifiers = Modifier::DIM | Modifier::ITALIC | Modifier::UNDERLINED;
        // A search match looks the same over any text (its colours replace
        // the text's anyway), so it cannot vanish into a selected speaker.
        let under_search = Modifier::BOLD | claim_modifiers;
        Theme {
            mode,
            text: Style::new(),
            title: fg(m(Modifier::BOLD), (Reset, Reset)),
            meta: fg(
                m(Modifier::DIM),
                pick((Reset, Indexed(245)), (Reset, Indexed(241))),
            ),
            heading: fg(m(Modifier::BOLD | Modifier::UNDERLINED), accent),
            speaker: fg(m(Modifier::BOLD), names).remove_modifier(claim_modifiers),
            speaker_selected: fg(m(Modifier::BOLD | Modifier::REVERSED), selected)
                .remove_modifier(claim_modifiers),
            direct: fg(m(Modifier::ITALIC), green),
            // Gold on dark; a dark orange-brown on white, and in 16 colours
            // the normal cyan, as yellow is unreadable on white.
            partial: fg(
                m(Modifier::ITALIC | Modifier::UNDERLINED),
                pick((Yellow, Indexed(178)), (Cyan, Indexed(130))),
            ),
            indirect: fg(
                indirect,
                pick((LightBlue, Indexed(110)), (DarkGray, Indexed(60))),
            ),
            claim_selected: fg(m(Modifier::BOLD), selected),
            claim_current: bg(
                Style::new(),
                pick((DarkGray, Indexed(237)), (Gray, Indexed(254))),
            ),
            country: fg(
                m(Modifier::BOLD | Modifier::UNDERLINED),
                pick((Red, Indexed(167)), (Red, Indexed(124))),
            ),
            search_hit: bg(
                fg(
                    m(Modifier::REVERSED),
                    pick((Yellow, Indexed(214)), (Yellow, Indexed(222))),
                ),
                (Black, Indexed(16)),
            )
            .remove_modifier(under_search),
            search_current: bg(
                fg(
                    m(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
                    pick((LightRed, Indexed(202)), (LightRed, Indexed(209))),
                ),
                (Black, Indexed(16)),
            )
            .remove_modifier(Modifier::DIM | Modifier::ITALIC),
            placeholder: fg(m(Modifier::DIM), red),
            focus_bar: fg(m(Modifier::BOLD), accent),
            hidden: fg(
                m(Modifier::DIM | Modifier::ITALIC),
                pick((DarkGray, Indexed(243)), (DarkGray, Indexed(245))),
            ),
            border: fg(m(Modifier::DIM), grey),
            border_focused: fg(m(Modifier::BOLD), accent),
            section: fg(m(Modifier::BOLD | Modifier::UNDERLINED), (Reset, Reset)),
            cursor_row: m(Modifier::REVERSED),
            dim: m(Modifier::DIM),
            status: m(Modifier::REVERSED),
            status_chip: fg(m(Modifier::REVERSED | Modifier::BOLD), accent),
            key: fg(m(Modifier::BOLD), names),
            message: fg(m(Modifier::BOLD), green),
            warning: fg(m(Modifier::BOLD), red),
        }
    }

    /// The style of article text covered by `marks`, over `base`. Country
    /// first, then the claim, so a country in a claim keeps the claim's
    /// colour and shows itself by BOLD|UNDERLINED: in colour, reported speech
    /// is told from plain text by its colour alone, and a red country would
    /// hide that. Then speakers, the current claim's background, and search
    /// matches on top of everything, so a match stays readable anywhere.
    pub fn highlight(&self, base: Style, marks: Marks) -> Style {
        let mut style = base;
        if marks.country {
            style = style.patch(self.country);
        }
        if let Some((kind, selected)) = marks.claim {
            style = style.patch(match kind {
                ClaimKind::Direct => self.direct,
                ClaimKind::Partial => self.partial,
                ClaimKind::Indirect => self.indirect,
            });
            if selected {
                style = style.patch(self.claim_selected);
            }
        }
        if let Some(selected) = marks.speaker {
            style = style.patch(if selected {
                self.speaker_selected
            } else {
                self.speaker
            });
        }
        if marks.current_claim {
            style = style.patch(self.claim_current);
        }
        match marks.hit {
            Some(true) => style.patch(self.search_current),
            Some(false) => style.patch(self.search_hit),
            None => style,
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

    /// How `style` is drawn over a blank cell: what the reader sees.
    fn drawn(style: Style) -> (Color, Color, Modifier) {
        let mut cell = ratatui::buffer::Cell::default();
        cell.set_style(style);
        (cell.fg, cell.bg, cell.modifier)
    }

    /// Every highlight a reader tells apart, by group: kinds in one group
    /// are the same thing to the reader and may look alike (a country in
    /// any claim, a speaker wherever the name is, a match over any text).
    fn kinds() -> Vec<(&'static str, &'static str, Marks)> {
        use ClaimKind::*;
        let claim = |kind| Marks {
            claim: Some((kind, false)),
            ..Marks::default()
        };
        let mut kinds = vec![
            ("plain text", "plain", Marks::default()),
            (
                "speaker",
                "speaker",
                Marks {
                    speaker: Some(false),
                    ..Marks::default()
                },
            ),
            (
                "selected speaker",
                "selected speaker",
                Marks {
                    speaker: Some(true),
                    ..Marks::default()
                },
            ),
            ("direct", "direct", claim(Direct)),
            ("partial", "partial", claim(Partial)),
            ("reported", "reported", claim(Indirect)),
            (
                "country",
                "country",
                Marks {
                    country: true,
                    ..Marks::default()
                },
            ),
            (
                "search hit",
                "search hit",
                Marks {
                    hit: Some(false),
                    ..Marks::default()
                },
            ),
            (
                "current search hit",
                "current search hit",
                Marks {
                    hit: Some(true),
                    ..Marks::default()
                },
            ),
        ];
        for (name, kind) in [
            ("direct", Direct),
            ("partial", Partial),
            ("reported", Indirect),
        ] {
            let inside = claim(kind);
            kinds.push((
                name,
                "country in a claim",
                Marks {
                    country: true,
                    ..inside
                },
            ));
            kinds.push((
                name,
                "speaker",
                Marks {
                    speaker: Some(false),
                    ..inside
                },
            ));
            kinds.push((
                name,
                "selected speaker",
                Marks {
                    speaker: Some(true),
                    ..inside
                },
            ));
            kinds.push((
                name,
                "search hit",
                Marks {
                    hit: Some(false),
                    ..inside
                },
            ));
            kinds.push((
                name,
                "current search hit",
                Marks {
                    hit: Some(true),
                    ..inside
                },
            ));
            kinds.push((
                name,
                "current claim",
                Marks {
                    current_claim: true,
                    ..inside
                },
            ));
        }
        kinds
    }

    /// The issue: under NO_COLOR a country in a direct quote looked exactly
    /// like a partial quote. Every pair of kinds from different groups must
    /// be drawn differently, in every mode and preset, layered as the
    /// reader layers them.
    #[test]
    fn every_highlight_is_drawn_distinctly_in_every_mode() {
        for preset in [ThemePreset::Dark, ThemePreset::Light] {
            for mode in [ColorMode::None, ColorMode::Basic, ColorMode::Extended] {
                let theme = Theme::with_preset(mode, preset);
                let kinds: Vec<_> = kinds()
                    .into_iter()
                    // Modifiers run out without colour: the current claim
                    // is shown by the gutter mark (CLAIM_MARK) there.
                    .filter(|(_, group, _)| mode != ColorMode::None || *group != "current claim")
                    .map(|(name, group, marks)| {
                        (name, group, drawn(theme.highlight(theme.text, marks)))
                    })
                    .collect();
                for (i, (a_name, a_group, a)) in kinds.iter().enumerate() {
                    for (b_name, b_group, b) in &kinds[i + 1..] {
                        if a_group == b_group {
                            continue;
                        }
                        assert_ne!(
                            a, b,
                            "{preset:?} {mode:?}: {a_group} ({a_name}) looks like {b_group} ({b_name})"
                        );
                    }
                }
                // The current claim differs from the same claim elsewhere.
                if mode != ColorMode::None {
                    for (_, _, marks) in kinds_of_group("current claim") {
                        let other = Marks {
                            current_claim: false,
                            ..marks
                        };
                        assert_ne!(
                            drawn(theme.highlight(theme.text, marks)),
                            drawn(theme.highlight(theme.text, other)),
                            "{preset:?} {mode:?}: {marks:?}"
                        );
                    }
                }
            }
        }
    }

    fn kinds_of_group(group: &str) -> Vec<(&'static str, &'static str, Marks)> {
        kinds().into_iter().filter(|k| k.1 == group).collect()
    }

    #[test]
    fn without_colour_a_country_in_a_quote_is_bold_underlined_italic() {
        let theme = Theme::new(ColorMode::None);
        let in_direct = theme.highlight(
            theme.text,
            Marks {
                claim: Some((ClaimKind::Direct, false)),
                country: true,
                ..Marks::default()
            },
        );
        let partial = theme.highlight(
            theme.text,
            Marks {
                claim: Some((ClaimKind::Partial, false)),
                ..Marks::default()
            },
        );
        assert_eq!(
            drawn(in_direct).2,
            Modifier::BOLD | Modifier::UNDERLINED | Modifier::ITALIC
        );
        assert_eq!(drawn(partial).2, Modifier::ITALIC | Modifier::UNDERLINED);
    }

    #[test]
    fn reported_speech_is_coloured_not_dimmed_when_colour_is_on() {
        for preset in [ThemePreset::Dark, ThemePreset::Light] {
            for mode in [ColorMode::Basic, ColorMode::Extended] {
                let theme = Theme::with_preset(mode, preset);
                assert!(!theme.indirect.add_modifier.contains(Modifier::DIM));
                assert!(theme.indirect.fg.is_some(), "{preset:?} {mode:?}");
                assert_ne!(theme.indirect.fg, theme.direct.fg);
                assert_ne!(theme.indirect.fg, theme.partial.fg);
            }
        }
        let plain = Theme::new(ColorMode::None);
        assert_eq!(plain.indirect.add_modifier, Modifier::DIM);
    }

    #[test]
    fn the_light_preset_avoids_yellow_text_and_tints_lightly() {
        let basic = Theme::with_preset(ColorMode::Basic, ThemePreset::Light);
        let extended = Theme::with_preset(ColorMode::Extended, ThemePreset::Light);
        for theme in [&basic, &extended] {
            for style in [theme.speaker, theme.direct, theme.partial, theme.indirect] {
                assert!(
                    !matches!(
                        style.fg,
                        Some(Color::Yellow | Color::LightYellow | Color::LightCyan)
                    ),
                    "{style:?}"
                );
            }
        }
        // Pale greys behind the current claim (232–255 is the grey ramp).
        assert!(matches!(extended.claim_current.bg, Some(Color::Indexed(n)) if n >= 250));
        assert_eq!(basic.claim_current.bg, Some(Color::Gray));
        assert_eq!(Theme::new(ColorMode::Basic), Theme::default());
        assert_ne!(extended, Theme::new(ColorMode::Extended));
        assert_eq!(ThemePreset::from_name("light"), Some(ThemePreset::Light));
        assert_eq!(ThemePreset::from_name("solarized"), None);
    }
}
