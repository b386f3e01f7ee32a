//! A claim as a citation to paste elsewhere: `“words” — Name, role (story
//! title, date)`. Reported speech is a paraphrase, so it goes without
//! quotation marks, as everywhere whosaid shows it.

use crate::model::{Annotated, Claim};
use crate::safe_text::one_line;

/// The citation of `claim` in `doc`, on one line, with no control
/// characters: it will be pasted into documents and terminals.
pub fn citation(doc: &dyn Annotated, claim: &Claim) -> String {
    let words = claim.kind.cite(one_line(&claim.words()).trim());
    let speaker = claim
        .speaker
        .as_deref()
        .and_then(|id| doc.speaker_by_id(id));
    let who = match speaker {
        Some(speaker) => {
            let mut who = vec![one_line(&speaker.name).into_owned()];
            who.extend(speaker.role.as_deref().map(|r| one_line(r).into_owned()));
            who.join(", ")
        }
        None => "unattributed".to_string(),
    };
    let mut story = vec![one_line(&doc.display_title()).into_owned()];
    story.extend(doc.meta().date.as_deref().map(|d| one_line(d).into_owned()));
    format!("{words} — {who} ({})", story.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimKind, Document};
    use crate::tui::fixture;

    fn claim_of(doc: &Document, kind: ClaimKind) -> &Claim {
        doc.claims
            .iter()
            .find(|c| c.kind == kind)
            .expect("the fixture has one")
    }

    #[test]
    fn a_quote_keeps_its_marks_and_names_speaker_role_story_and_date() {
        let doc = fixture::document();
        let claim = claim_of(&doc, ClaimKind::Partial);
        assert_eq!(
            citation(&doc, claim),
            "“a fair compromise” — Ana Ruiz, Mayor (Harbour deal reached, 2024-05-02)"
        );
    }

    #[test]
    fn reported_speech_has_no_quotation_marks() {
        let doc = fixture::document();
        let claim = claim_of(&doc, ClaimKind::Indirect);
        let cited = citation(&doc, claim);
        assert!(
            cited.starts_with("the harbour would reopen in May"),
            "{cited}"
        );
        assert!(!cited.contains('“') && !cited.contains('"'), "{cited}");
    }

    #[test]
    fn control_characters_never_reach_the_clipboard() {
        let mut doc = fixture::document();
        doc.speakers[0].name = "Ana\u{1b}]52;c;evil\u{7}\nRuiz".into();
        doc.meta.title = Some("Title\r\nwith\u{9b}breaks".into());
        for claim in &doc.claims {
            let cited = citation(&doc, claim);
            assert!(!cited.chars().any(|c| c.is_control()), "{cited:?}");
        }
    }
}
