//! Counts in words, the same everywhere they are shown: the reader and the
//! reports of the command line.

use crate::model::Summary;

/// "1 claim", "3 claims", "12,345 claims".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{} {word}s", thousands(n))
    }
}

/// "1 story", "3 stories".
pub fn stories(n: usize) -> String {
    if n == 1 {
        "1 story".to_string()
    } else {
        format!("{} stories", thousands(n))
    }
}

/// 12345 → "12,345".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// 0.372 → "37%".
pub fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// A story's sourcing in a line: "37% anonymous · 9 named · from US, UA, DE".
pub fn summary_line(summary: &Summary) -> String {
    if summary.claims == 0 {
        return "no claims found".to_string();
    }
    let mut parts = vec![
        format!("{} anonymous", percent(summary.anonymous_share)),
        format!("{} named", summary.named_sources),
    ];
    if !summary.source_countries.is_empty() {
        let codes: Vec<&str> = summary
            .source_countries
            .iter()
            .take(5)
            .map(|c| c.code.as_str())
            .collect();
        parts.push(format!("from {}", codes.join(", ")));
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_words() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(plural(1, "claim"), "1 claim");
        assert_eq!(plural(10000, "claim"), "10,000 claims");
        assert_eq!(stories(1), "1 story");
        assert_eq!(percent(0.372), "37%");
    }
}
