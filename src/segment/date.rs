//! Dates as press releases print them: "October 10, 2024", "Thursday, November 13, 2014",
//! "Oct. 10, 2024", "03.08.19", "10/10/2024", "2024-10-10", "2024-10-10 18:41:30" and,
//! in Spanish releases, "11 de abril de 2024".
//!
//! Regexes find the candidates; `chrono` checks that the day exists.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

/// A month name, full or abbreviated, with an optional weekday before it.
static WORDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b",
    )
    .expect("static regex")
});

/// The day before the month: "2 March 2020", "2nd March, 2020", "Monday 2 March 2020".
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(\d{4})\b",
    )
    .expect("static regex")
});

/// A date in Spanish, as offices print their Spanish releases: "11 de abril de 2024",
/// "30 de diciembre, 2025".
static SPANISH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2})\s+de\s+(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)(?:\s+de|,)\s+(\d{4})\b",
    )
    .expect("static regex")
});

/// A month and day printed without a year ("Mar. 2", "Monday, March 2nd"), with the
/// weekday when one is printed.
static YEARLESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b",
    )
    .expect("static regex")
});

/// A four-digit year of the genre's range, as a word of its own.
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(19[89]\d|20\d\d)\b").expect("static regex"));

/// ISO-like dates with other separators: `2020/03/02`, `2020.03.02`.
static YEAR_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4})([./])(\d{1,2})([./])(\d{1,2})\b").expect("static regex")
});

/// `MM.DD.YY`, `MM/DD/YYYY`, `MM-DD-YYYY`.
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})([./-])(\d{1,2})([./-])(\d{4}|\d{2})\b").expect("static regex")
});

/// ISO `YYYY-MM-DD`, optionally with a time.
static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("static regex"));

/// A line that is nothing but a timestamp (`2023-12-20 18:41:30`), as web pages print
/// their publication metadata.
static TIMESTAMP_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})-(\d{2})-(\d{2})[ T]\d{2}:\d{2}(?::\d{2})?$").expect("static regex")
});

/// `YYYYMMDD_` or `YYYY_MM_DD_` at the start of a file name.
static FILE_NAME_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:19|20)\d{2})[_-]?(\d{2})[_-]?(\d{2})[_-]").expect("static regex")
});

/// A date found in a text, with where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The day.
    pub date: NaiveDate,
    /// Byte offset of the match's start in the searched text.
    pub start: usize,
    /// Byte offset just after the match.
    pub end: usize,
}

impl Found {
    /// The date read from regex match `m`.
    fn at(m: &regex::Match, date: NaiveDate) -> Found {
        Found {
            date,
            start: m.start(),
            end: m.end(),
        }
    }
}

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    let key = lower.get(..3)?;
    let n = match key {
        "jan" | "ene" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" | "abr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" | "ago" => 8,
        "sep" | "set" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" | "dic" => 12,
        _ => return None,
    };
    Some(n)
}

/// A two-digit year in this genre's range: `00`–`69` are 2000–2069, the rest 1970–1999.
fn full_year(digits: &str) -> Option<i32> {
    let y: i32 = digits.parse().ok()?;
    Some(match digits.len() {
        2 if y < 70 => 2000 + y,
        2 => 1900 + y,
        _ => y,
    })
}

fn ymd(y: Option<i32>, m: Option<u32>, d: Option<u32>) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y?, m?, d?)
}

/// The first valid date in `text` in any of the printed forms, earliest match first.
pub fn find(text: &str) -> Option<Found> {
    // Every printed form has a day or a year in digits.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let worded = WORDED.captures_iter(text).find_map(|c| {
        let m = c.get(0)?;
        let date = ymd(
            full_year(c.get(3)?.as_str()),
            month_number(c.get(1)?.as_str()),
            c.get(2)?.as_str().parse().ok(),
        )?;
        Some(Found::at(&m, date))
    });
    let iso = ISO.captures_iter(text).find_map(|c| {
        let m = c.get(0)?;
        let date = ymd(
            c.get(1)?.as_str().parse().ok(),
            c.get(2)?.as_str().parse().ok(),
            c.get(3)?.as_str().parse().ok(),
        )?;
        Some(Found::at(&m, date))
    });
    let numeric = NUMERIC.captures_iter(text).find_map(|c| {
        // Both separators must agree ("03.08.19", not "1.5-2").
        if c.get(2)?.as_str() != c.get(4)?.as_str() {
            return None;
        }
        let m = c.get(0)?;
        let (a, b): (u32, u32) = (
            c.get(1)?.as_str().parse().ok()?,
            c.get(3)?.as_str().parse().ok()?,
        );
        let year = full_year(c.get(5)?.as_str());
        // Month first, as U.S. offices print it; day first only when the first number
        // cannot be a month ("23/03/2020").
        let date = ymd(year, Some(a), Some(b))
            .or_else(|| (a > 12).then(|| ymd(year, Some(b), Some(a))).flatten())?;
        Some(Found::at(&m, date))
    });
    let day_first = DAY_FIRST.captures_iter(text).find_map(|c| {
        let m = c.get(0)?;
        let date = ymd(
            full_year(c.get(3)?.as_str()),
            month_number(c.get(2)?.as_str()),
            c.get(1)?.as_str().parse().ok(),
        )?;
        Some(Found::at(&m, date))
    });
    let year_first = YEAR_FIRST.captures_iter(text).find_map(|c| {
        if c.get(2)?.as_str() != c.get(4)?.as_str() {
            return None;
        }
        let m = c.get(0)?;
        let date = ymd(
            c.get(1)?.as_str().parse().ok(),
            c.get(3)?.as_str().parse().ok(),
            c.get(5)?.as_str().parse().ok(),
        )?;
        Some(Found::at(&m, date))
    });
    // The Spanish form always has " de " (most texts do not: skip its regex).
    let has_de = [" de ", " DE ", " De "].iter().any(|w| text.contains(w));
    let spanish = has_de
        .then(|| {
            SPANISH.captures_iter(text).find_map(|c| {
                let m = c.get(0)?;
                let date = ymd(
                    c.get(3)?.as_str().parse().ok(),
                    month_number(c.get(2)?.as_str()),
                    c.get(1)?.as_str().parse().ok(),
                )?;
                Some(Found::at(&m, date))
            })
        })
        .flatten();
    [worded, iso, numeric, day_first, year_first, spanish]
        .into_iter()
        .flatten()
        .min_by_key(|f| f.start)
}

/// A month and day printed without a year, with where they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Yearless {
    month: u32,
    day: u32,
    weekday: Option<chrono::Weekday>,
    /// Byte offset of the match's start in the searched text.
    pub start: usize,
    /// Byte offset just after the match.
    pub end: usize,
}

impl Yearless {
    /// The date in the first of `years` where the day exists and, when a weekday was
    /// printed, falls on it.
    pub fn in_year_of(&self, years: &[i32]) -> Option<NaiveDate> {
        use chrono::Datelike;
        years.iter().find_map(|&y| {
            NaiveDate::from_ymd_opt(y, self.month, self.day)
                .filter(|d| self.weekday.is_none_or(|w| d.weekday() == w))
        })
    }

    /// The date in the first of `years` where the day falls on the printed weekday; none
    /// when no weekday was printed.
    pub fn weekday_in_year_of(&self, years: &[i32]) -> Option<NaiveDate> {
        self.weekday.and_then(|_| self.in_year_of(years))
    }
}

/// The first month and day in `text` printed without a year ("Mar. 2", "Monday, March
/// 2nd"); a full date is not one.
pub fn find_yearless(text: &str) -> Option<Yearless> {
    YEARLESS.captures_iter(text).find_map(|c| {
        let m = c.get(0)?;
        let rest = text[m.end()..].trim_start_matches([',', ' ']);
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let weekday = match c.get(1).map(|w| w.as_str().to_ascii_lowercase()) {
            None => None,
            Some(w) => Some(w.parse::<chrono::Weekday>().ok()?),
        };
        let day: u32 = c.get(3)?.as_str().parse().ok()?;
        let month = month_number(c.get(2)?.as_str())?;
        // Some year has the day (February 29 included).
        NaiveDate::from_ymd_opt(2024, month, day)?;
        Some(Yearless {
            month,
            day,
            weekday,
            start: m.start(),
            end: m.end(),
        })
    })
}

/// The four-digit years printed in a text, in order.
pub fn years(text: &str) -> impl Iterator<Item = i32> + '_ {
    YEAR.find_iter(text).filter_map(|m| m.as_str().parse().ok())
}

/// Most bytes a date opening a line takes ("Wednesday, September 30th, 2026").
const LEADING_DATE_BYTES: usize = 40;

/// A date that opens `line` (the search looks no further than a date can reach).
pub fn at_start(line: &str) -> Option<Found> {
    let opens = line.chars().next().is_some_and(|c| c.is_ascii_digit())
        || line
            .get(..3)
            .is_some_and(|w| month_number(w).is_some() || w.parse::<chrono::Weekday>().is_ok());
    if !opens {
        return None;
    }
    find(&line[..line.floor_char_boundary(LEADING_DATE_BYTES)]).filter(|f| f.start == 0)
}

/// Parses a date given outside the text (a `DATE<TAB>` column, a JSON field) in any of
/// the printed forms.
pub fn parse(given: &str) -> Option<NaiveDate> {
    find(given.trim()).map(|f| f.date)
}

/// The day of a line that is only a timestamp (`2023-12-20 18:41:30`).
pub fn timestamp_line(line: &str) -> Option<NaiveDate> {
    let c = TIMESTAMP_LINE.captures(line)?;
    ymd(
        c.get(1)?.as_str().parse().ok(),
        c.get(2)?.as_str().parse().ok(),
        c.get(3)?.as_str().parse().ok(),
    )
}

/// A date leading a file name: `20230216_title.txt`, `2016_05_10_title.txt` (a last
/// resort for pages that print none).
pub fn from_file_name(source: &str) -> Option<NaiveDate> {
    let base = source.rsplit('/').next().unwrap_or(source);
    let c = FILE_NAME_DATE.captures(base)?;
    ymd(
        c.get(1)?.as_str().parse().ok(),
        c.get(2)?.as_str().parse().ok(),
        c.get(3)?.as_str().parse().ok(),
    )
}

/// True when a line is essentially a date: the date covers most of it ("May 22, 2026",
/// "Thursday, April 2, 2015", "Admin | August 20, 2024").
pub fn is_date_line(line: &str) -> bool {
    find(line).is_some_and(|f| (f.end - f.start) * 2 >= line.trim().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_the_printed_forms() {
        assert_eq!(parse("October 10, 2024"), Some(d(2024, 10, 10)));
        assert_eq!(parse("Thursday, November 13, 2014"), Some(d(2014, 11, 13)));
        assert_eq!(parse("Oct. 3, 2023"), Some(d(2023, 10, 3)));
        assert_eq!(parse("Sept. 21st, 2019"), Some(d(2019, 9, 21)));
        assert_eq!(parse("Mar 26, 2026"), Some(d(2026, 3, 26)));
        assert_eq!(parse("03.08.19"), Some(d(2019, 3, 8)));
        assert_eq!(parse("12.07.2016"), Some(d(2016, 12, 7)));
        assert_eq!(parse("10/10/2024"), Some(d(2024, 10, 10)));
        assert_eq!(parse("2024-10-10"), Some(d(2024, 10, 10)));
        assert_eq!(parse("11.18.98"), Some(d(1998, 11, 18)));
    }

    #[test]
    fn parses_the_other_printed_forms() {
        assert_eq!(parse("2 March 2020"), Some(d(2020, 3, 2)));
        assert_eq!(parse("Monday 2nd March, 2020"), Some(d(2020, 3, 2)));
        assert_eq!(parse("March 2nd, 2020"), Some(d(2020, 3, 2)));
        assert_eq!(parse("Mon, 03/02/2020"), Some(d(2020, 3, 2)));
        assert_eq!(parse("Mon. Mar. 2, 2020"), Some(d(2020, 3, 2)));
        assert_eq!(parse("Posted on 2020/03/02 by Admin"), Some(d(2020, 3, 2)));
        assert_eq!(parse("23/03/2020"), Some(d(2020, 3, 23)));
        assert_eq!(parse("03-02-20"), Some(d(2020, 3, 2)));
        assert_eq!(parse("11 de abril de 2024"), Some(d(2024, 4, 11)));
        assert_eq!(parse("30 de Diciembre, 2025"), Some(d(2025, 12, 30)));
        assert_eq!(
            parse("Ocurrido el 2 de agosto de 2021 en"),
            Some(d(2021, 8, 2))
        );
    }

    #[test]
    fn dates_without_a_year_take_one_from_elsewhere() {
        let y = find_yearless("Posted: Mar. 2 | By Jo Marsh").unwrap();
        assert_eq!(y.in_year_of(&[2020]), Some(d(2020, 3, 2)));
        // The printed weekday picks the year among those offered.
        let y = find_yearless("Monday, March 2nd").unwrap();
        assert_eq!(y.in_year_of(&[2021, 2020]), Some(d(2020, 3, 2)));
        assert_eq!(y.in_year_of(&[2021]), None);
        assert!(find_yearless("March 2, 2020").is_none());
        assert!(find_yearless("Feb 30").is_none());
        assert_eq!(
            years("Press Releases 2020 | © 1998").collect::<Vec<_>>(),
            [2020, 1998]
        );
    }

    #[test]
    fn rejects_impossible_and_partial_dates() {
        assert_eq!(parse("February 30, 2024"), None);
        assert_eq!(parse("13.45.19"), None);
        assert_eq!(parse("On Sat March 8th, the office"), None);
        assert_eq!(parse("1.5-2"), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn finds_the_earliest_date_in_a_line() {
        let f = find("Published March 29, 2011 and updated 2011-04-01").unwrap();
        assert_eq!(f.date, d(2011, 3, 29));
        assert_eq!(f.start, 10);
    }

    #[test]
    fn date_lines_and_timestamps() {
        assert!(is_date_line("Thursday, April 2, 2015"));
        assert!(is_date_line("Admin | August 20, 2024"));
        assert!(!is_date_line(
            "On May 14, 1992, a fire broke out in the old mill on the river."
        ));
        assert_eq!(timestamp_line("2022-01-04 09:26:51"), Some(d(2022, 1, 4)));
        assert_eq!(timestamp_line("On 2022-01-03 we met"), None);
        assert_eq!(
            from_file_name("x/20230216_man-charged.txt"),
            Some(d(2023, 2, 16))
        );
        assert_eq!(from_file_name("2016_05_10_title.txt"), Some(d(2016, 5, 10)));
        assert_eq!(from_file_name("news_4460.txt"), None);
    }
}
