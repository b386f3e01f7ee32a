//! Everything the reader can be asked to do.
//!
//! Bindable actions serialize as `snake_case` names, so a config file can map
//! keys to them; the internal ones (resizes, typed characters, timers) are
//! skipped, because no key binding should produce them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    /// Back one level (story → list → stories), quitting at the top.
    Leave,
    /// Gives the terminal back and stops, like Ctrl-z in a shell; `fg` resumes.
    Suspend,
    ToggleHelp,
    /// Closes whatever is on top: help, the country picker, the search prompt.
    Close,

    // Article movement.
    NextParagraph,
    PrevParagraph,
    PageDown,
    PageUp,
    FirstParagraph,
    LastParagraph,
    ScrollDown,
    ScrollUp,
    HalfPageDown,
    HalfPageUp,
    LineDown,
    LineUp,

    // Layout and focus.
    ToggleFocus,
    TogglePanel,

    // Sources panel.
    NextSource,
    PrevSource,
    JumpToSource,
    CycleSource,
    /// Clears the search, or when there is none, the selected source.
    Clear,

    // Jumps.
    NextMention,
    PrevMention,
    NextClaim,
    PrevClaim,
    /// Lists the story's claims, to jump to one.
    ListClaims,
    /// Copies the current claim with its citation to the clipboard.
    CopyClaim,
    /// Opens the story's file with the system's opener.
    OpenSource,
    JumpBack,

    // Country filter.
    PickCountry,
    ClearFilter,
    PickerDown,
    PickerUp,
    PickerChoose,

    // Search.
    StartSearch,
    SearchSubmit,
    NextMatch,
    PrevMatch,

    // Lists: the stories, the sources across stories, a source's claims.
    NextRow,
    PrevRow,
    FirstRow,
    LastRow,
    /// Opens the story, the source's claims or the claim under the cursor.
    OpenRow,
    StartFilter,
    CycleSort,
    ReverseSort,
    /// Between the story list and the sources across stories.
    SwitchIndex,
    /// Lists the inputs that could not be read, and why.
    ShowProblems,
    /// Reads the feeds again, for new stories.
    Refresh,
    BackToList,

    // Help overlay.
    HelpDown,
    HelpUp,

    /// A character typed into the search prompt or the picker.
    #[serde(skip)]
    Insert(char),
    /// Backspace in the search prompt or the picker.
    DeleteChar,
    /// The terminal now has this many columns and rows.
    #[serde(skip)]
    Resize(u16, u16),
    /// A transient message has been shown long enough.
    #[serde(skip)]
    ClearMessage,
    /// Nothing is waiting: search on through a huge story (see [`super::App::busy`]).
    #[serde(skip)]
    SearchMore,
    /// Filters by a country code directly (what the picker does on Enter).
    #[serde(skip)]
    FilterCountry(String),
}

impl Action {
    /// What the action does, for the help overlay.
    pub fn description(&self) -> &'static str {
        match self {
            Action::Quit => "quit from anywhere",
            Action::Leave => "back one level; quit at the top",
            Action::Suspend => "suspend (fg resumes)",
            Action::ToggleHelp => "show or hide this help",
            Action::Close => "close",
            Action::NextParagraph => "next paragraph, or a screen on in a long one",
            Action::PrevParagraph => "previous paragraph, or a screen back in a long one",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::FirstParagraph => "first paragraph",
            Action::LastParagraph => "last paragraph",
            Action::ScrollDown => "scroll down a little",
            Action::ScrollUp => "scroll up a little",
            Action::HalfPageDown => "half a page down",
            Action::HalfPageUp => "half a page up",
            Action::LineDown => "scroll down a line",
            Action::LineUp => "scroll up a line",
            Action::ToggleFocus => "switch between article and sources",
            Action::TogglePanel => "show or hide the sources panel",
            Action::NextSource => "next source",
            Action::PrevSource => "previous source",
            Action::JumpToSource => "jump to the source's first claim",
            Action::CycleSource => "select the next source",
            Action::Clear => "clear the search or filter, then the selection",
            Action::NextMention => "next paragraph with the selected source",
            Action::PrevMention => "previous paragraph with the selected source",
            Action::NextClaim => "next claim",
            Action::PrevClaim => "previous claim",
            Action::ListClaims => "list the story's claims (Enter jumps)",
            Action::CopyClaim => "copy the current claim, cited",
            Action::OpenSource => "open the story's file or page",
            Action::JumpBack => "back to where you were before a jump",
            Action::PickCountry => "filter by country",
            Action::ClearFilter => "clear the country filter",
            Action::PickerDown => "next country",
            Action::PickerUp => "previous country",
            Action::PickerChoose => "show only paragraphs mentioning it",
            Action::StartSearch => "search the text",
            Action::SearchSubmit => "keep the search",
            Action::NextMatch => "next match",
            Action::PrevMatch => "previous match",
            Action::NextRow => "down the list",
            Action::PrevRow => "up the list",
            Action::FirstRow => "top of the list",
            Action::LastRow => "bottom of the list",
            Action::OpenRow => "open the story, the source's claims, or the claim in its story",
            Action::StartFilter => "filter the list by text",
            Action::CycleSort => "sort by date, title or number of sources",
            Action::ReverseSort => "reverse the order",
            Action::SwitchIndex => "switch between stories and sources across stories",
            Action::ShowProblems => "list the inputs that could not be read, and why",
            Action::Refresh => "read the feeds again for new stories",
            Action::BackToList => "back to the list",
            Action::HelpDown => "scroll the help down a line",
            Action::HelpUp => "scroll the help up a line",
            Action::Insert(_) => "type",
            Action::DeleteChar => "delete a character",
            Action::Resize(..)
            | Action::ClearMessage
            | Action::SearchMore
            | Action::FilterCountry(_) => "",
        }
    }

    /// A one-word label for the footer, for the few actions worth a hint there.
    pub fn hint(&self) -> Option<&'static str> {
        Some(match self {
            Action::ToggleHelp => "help",
            Action::ToggleFocus => "sources",
            Action::PickCountry => "country",
            Action::ClearFilter => "all",
            Action::StartSearch => "search",
            Action::CycleSource => "source",
            Action::NextMatch => "match",
            Action::JumpToSource => "jump",
            Action::PickerChoose => "choose",
            Action::OpenRow => "open",
            Action::StartFilter => "filter",
            Action::CycleSort => "sort",
            Action::SwitchIndex => "sources",
            Action::ShowProblems => "why",
            Action::BackToList => "back",
            Action::SearchSubmit => "keep",
            Action::Close => "close",
            Action::Quit => "quit",
            Action::Leave => "back",
            Action::Suspend => "suspend (fg resumes)",
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bindable_actions_use_snake_case_names() {
        let json = serde_json::to_string(&[Action::NextParagraph, Action::PickCountry]).unwrap();
        assert_eq!(json, r#"["next_paragraph","pick_country"]"#);
        let back: Action = serde_json::from_str(r#""jump_back""#).unwrap();
        assert_eq!(back, Action::JumpBack);
    }

    #[test]
    fn internal_actions_cannot_be_named_in_config() {
        assert!(serde_json::to_string(&Action::Resize(1, 1)).is_err());
        assert!(serde_json::from_str::<Action>(r#""clear_message""#).is_err());
    }
}
