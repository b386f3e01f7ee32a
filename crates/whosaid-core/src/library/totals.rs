//! The sourcing summary of many stories: the per-story `summary` of each,
//! added up.

use std::collections::HashMap;

use crate::model::Summary;

/// The sourcing summaries of many stories, added up: what the library
/// view shows over all its stories.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    /// Stories counted (annotated ones only).
    pub stories: usize,
    /// Claims in all stories.
    pub claims: usize,
    /// Claims whose speaker is anonymous.
    pub anonymous_claims: usize,
    /// Named people quoted, story by story (one person in two stories counts twice).
    pub named_sources: usize,
    /// Anonymous sources quoted, story by story.
    pub anonymous_sources: usize,
    /// Claims by the country of their speaker.
    countries: HashMap<String, usize>,
}

impl Totals {
    /// Counts one more story, by its summary.
    pub fn add(&mut self, summary: &Summary) {
        self.stories += 1;
        self.claims += summary.claims;
        self.anonymous_claims += summary.anonymous_claims;
        self.named_sources += summary.named_sources;
        self.anonymous_sources += summary.anonymous_sources;
        for country in &summary.source_countries {
            *self.countries.entry(country.code.clone()).or_default() += country.claims;
        }
    }

    /// The share of claims from anonymous sources, 0 without claims.
    pub fn anonymous_share(&self) -> f64 {
        if self.claims == 0 {
            0.0
        } else {
            self.anonymous_claims as f64 / self.claims as f64
        }
    }

    /// Named sources per story, 0 without stories.
    pub fn named_per_story(&self) -> f64 {
        if self.stories == 0 {
            0.0
        } else {
            self.named_sources as f64 / self.stories as f64
        }
    }

    /// The countries of the sources, most claims first (ties by code), at most `n`.
    pub fn top_countries(&self, n: usize) -> Vec<(&str, usize)> {
        let mut all: Vec<(&str, usize)> = self
            .countries
            .iter()
            .map(|(code, &claims)| (code.as_str(), claims))
            .collect();
        all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        all.truncate(n);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceCountry;

    fn summary(
        claims: usize,
        anonymous: usize,
        named: usize,
        countries: &[(&str, usize)],
    ) -> Summary {
        Summary {
            claims,
            anonymous_claims: anonymous,
            anonymous_share: 0.0,
            sources: named,
            named_sources: named,
            anonymous_sources: usize::from(anonymous > 0),
            source_countries: countries
                .iter()
                .map(|(code, claims)| SourceCountry {
                    code: (*code).into(),
                    claims: *claims,
                })
                .collect(),
        }
    }

    #[test]
    fn totals_add_up_story_summaries() {
        let mut totals = Totals::default();
        assert_eq!(totals.anonymous_share(), 0.0);
        totals.add(&summary(10, 5, 2, &[("US", 6), ("UA", 2)]));
        totals.add(&summary(30, 5, 4, &[("UA", 9)]));
        assert_eq!(totals.claims, 40);
        assert_eq!(totals.anonymous_share(), 0.25);
        assert_eq!(totals.named_per_story(), 3.0);
        assert_eq!(totals.top_countries(5), [("UA", 11), ("US", 6)]);
        assert_eq!(totals.top_countries(1), [("UA", 11)]);
    }
}
