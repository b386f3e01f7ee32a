//! Calendar dates as `whosaid/1` keeps them: `YYYY-MM-DD`, checked against
//! the calendar, so a date in a document can always be sorted and compared.

/// `YYYY-MM-DD` from the start of a date or timestamp
/// ("2024-03-05T10:00:00Z", "2024-03-05 10:00"), or `None` when it does not
/// start with a valid calendar date in that form.
pub fn iso_date(value: &str) -> Option<String> {
    let value = value.trim();
    let date = value.get(..10)?;
    let rest = &value[10..];
    let bytes = date.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    let shaped =
        digits(0..4) && bytes[4] == b'-' && digits(5..7) && bytes[7] == b'-' && digits(8..10);
    if !shaped || rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let year: u32 = date[..4].parse().ok()?;
    let month: u32 = date[5..7].parse().ok()?;
    let day: u32 = date[8..10].parse().ok()?;
    is_calendar_date(year, month, day).then(|| date.to_string())
}

/// Whether the day exists: no 31 April, no 29 February outside leap years
/// (proleptic Gregorian, as ISO 8601 counts).
pub fn is_calendar_date(year: u32, month: u32, day: u32) -> bool {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_cut_from_timestamps_and_checked() {
        assert_eq!(
            iso_date(" 2024-03-05T10:00:00+01:00").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(iso_date("2024-03-05").as_deref(), Some("2024-03-05"));
        assert_eq!(iso_date("2024-13-05"), None);
        assert_eq!(iso_date("2024-02-31"), None);
        assert_eq!(iso_date("2023-02-29"), None);
        assert_eq!(iso_date("2000-02-29").as_deref(), Some("2000-02-29"));
        assert_eq!(iso_date("1900-02-29"), None);
        assert_eq!(iso_date("2024-06-31T08:00:00Z"), None);
        assert_eq!(iso_date("2024-03-050"), None);
        assert_eq!(iso_date("March 5, 2024"), None);
        assert_eq!(iso_date("2024-03"), None);
        assert_eq!(iso_date("2024-03-0é"), None);
    }
}
