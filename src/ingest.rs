//! Ingestion: finds input files, checks them, and cuts each into raw releases.
//!
//! Shapes read:
//! * plain text, one release per file (clean releases and text scraped from web pages);
//! * plain text, one release per line as `DATE<TAB>text` (detected from the content);
//! * HTML (`.html`, `.htm`): parsed with `scraper`, script/style/nav/form dropped;
//! * JSON Lines (`.jsonl`): one release per line, `text` required, `title`/`date` used.
//!
//! Every problem with a file becomes an [`InputError`] naming the reason; it never panics
//! and never stops the other files.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use regex::Regex;
use scraper::{ElementRef, Html, Node};
use serde::Deserialize;

use crate::doc::{RawRelease, SourceFormat, Span};

/// Default upper bound on the size of one input file (bytes).
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// File extensions picked up when walking a directory.
pub const ACCEPTED_EXTENSIONS: &[&str] = &["txt", "text", "html", "htm", "jsonl"];

/// An input file found on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// Where the file is.
    pub path: PathBuf,
    /// Its path relative to the input root it was found under (`/`-separated).
    pub source: String,
}

/// Why an input could not be used.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file or directory could not be read.
    #[error("cannot be read: {0}")]
    Unreadable(#[from] std::io::Error),
    /// The file has no bytes, or only whitespace.
    #[error("is empty")]
    Empty,
    /// The file holds NUL bytes: it is binary, not text.
    #[error("is binary (NUL byte at offset {0}), not text")]
    Binary(usize),
    /// The file is not UTF-8.
    #[error(
        "is not valid UTF-8 (first bad byte at offset {0}); convert it first, \
         for example with `iconv -f WINDOWS-1252 -t UTF-8`"
    )]
    NotUtf8(usize),
    /// The file is larger than the limit.
    #[error("is too large ({size} bytes; the limit is {limit} bytes, see --max-bytes)")]
    TooLarge {
        /// Its size.
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// A JSON Lines record could not be used.
    #[error("line {line}: {reason}")]
    BadRecord {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// A directory given as input holds no file of an accepted type.
    #[error("holds no .txt, .text, .html, .htm or .jsonl files")]
    NoInputFiles,
    /// The input path does not exist.
    #[error("does not exist")]
    Missing,
}

/// Finds the input files under the given paths, in a deterministic order.
///
/// Files named directly are taken whatever their extension; directories are walked
/// recursively (following symbolic links), skipping hidden entries and files of other
/// types. Problems are returned
/// beside the files found, each with the path it concerns.
pub fn discover(inputs: &[PathBuf]) -> (Vec<InputFile>, Vec<(String, InputError)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        let shown = input.display().to_string();
        match fs::metadata(input) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                errors.push((shown, InputError::Missing))
            }
            Err(e) => errors.push((shown, InputError::Unreadable(e))),
            Ok(meta) if meta.is_dir() => {
                let before = files.len();
                walk_dir(input, &mut files, &mut errors);
                if files.len() == before {
                    errors.push((shown, InputError::NoInputFiles));
                }
            }
            Ok(_) => {
                let name = input
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| shown.clone());
                files.push(InputFile {
                    path: input.clone(),
                    source: name,
                });
            }
        }
    }
    (files, errors)
}

fn walk_dir(root: &Path, files: &mut Vec<InputFile>, errors: &mut Vec<(String, InputError)>) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| root.display().to_string());
                errors.push((path, InputError::Unreadable(e.into())));
            }
            Ok(e) if e.file_type().is_file() && has_accepted_extension(e.path()) => {
                let rel = e.path().strip_prefix(root).unwrap_or(e.path());
                let source = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                files.push(InputFile {
                    path: e.into_path(),
                    source,
                });
            }
            Ok(_) => {}
        }
    }
}

fn has_accepted_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ACCEPTED_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn extension_of(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Reads one input file and cuts it into raw releases.
pub fn read(file: &InputFile, max_bytes: u64) -> Result<Vec<RawRelease>, InputError> {
    let size = fs::metadata(&file.path)?.len();
    if size > max_bytes {
        return Err(InputError::TooLarge {
            size,
            limit: max_bytes,
        });
    }
    let bytes = fs::read(&file.path)?;
    let text = decode(bytes)?;
    match extension_of(&file.path).as_str() {
        "html" | "htm" => Ok(from_html(&file.source, &text)),
        "jsonl" => from_jsonl(&file.source, &text),
        _ => Ok(from_text(&file.source, text)),
    }
}

/// Checks the bytes of a file are usable text and decodes them.
pub fn decode(bytes: Vec<u8>) -> Result<String, InputError> {
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Binary(pos));
    }
    let text =
        String::from_utf8(bytes).map_err(|e| InputError::NotUtf8(e.utf8_error().valid_up_to()))?;
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    Ok(text)
}

/// `MM.DD.YY<TAB>`, `MM/DD/YYYY<TAB>` and the like at the start of a line.
static DATED_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\t").unwrap());

/// Cuts plain text: one release per `DATE<TAB>` line when most lines look like that,
/// otherwise the whole file is one release.
pub fn from_text(source: &str, text: String) -> Vec<RawRelease> {
    let text: Arc<str> = Arc::from(text);
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = Vec::new();
    let mut other = 0usize;
    let mut pos = start;
    for line in text[start..].split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if let Some(m) = DATED_LINE.captures(body) {
            let date = m.get(1).unwrap();
            let content = Span::new(pos + m.get(0).unwrap().end(), pos + body.len());
            lines.push((date.as_str().to_string(), content));
        } else if !body.trim().is_empty() {
            other += 1;
        }
        pos += line.len();
    }
    if !lines.is_empty() && lines.len() >= 2 * other {
        // A dated line with no text is still a record of the file (its release's text
        // was lost upstream); segmentation keeps its date.
        return lines
            .into_iter()
            .enumerate()
            .map(|(record, (date, span))| RawRelease {
                source: source.to_string(),
                record,
                format: SourceFormat::Lines,
                text: Arc::clone(&text),
                span,
                given_date: Some(date),
                given_title: None,
            })
            .collect();
    }
    vec![RawRelease {
        source: source.to_string(),
        record: 0,
        format: SourceFormat::Text,
        span: Span::new(start, text.len()),
        text,
        given_date: None,
        given_title: None,
    }]
}

/// Elements whose text is never part of a release.
const DROPPED_ELEMENTS: &[&str] = &[
    "script", "style", "nav", "noscript", "form", "iframe", "svg", "template", "button", "select",
    "head",
];

/// Elements that end a line of text.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "main",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "figure",
    "figcaption",
    "address",
    "title",
];

/// Extracts the visible text of an HTML page, one block element per line, and uses the
/// first `<h1>` as the given title.
pub fn from_html(source: &str, html: &str) -> Vec<RawRelease> {
    let doc = Html::parse_document(html);
    let mut out = String::new();
    html_text(doc.root_element(), &mut out);
    let text = tidy_lines(&out);
    let h1 = scraper::Selector::parse("h1").unwrap();
    let given_title = doc.select(&h1).next().map(|h| {
        let mut t = String::new();
        html_text(h, &mut t);
        t.split_whitespace().collect::<Vec<_>>().join(" ")
    });
    let text: Arc<str> = Arc::from(text);
    vec![RawRelease {
        source: source.to_string(),
        record: 0,
        format: SourceFormat::Html,
        span: Span::new(0, text.len()),
        text,
        given_date: None,
        given_title: given_title.filter(|t| !t.is_empty()),
    }]
}

fn html_text(element: ElementRef<'_>, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if DROPPED_ELEMENTS.contains(&name) {
                    continue;
                }
                if let Some(el) = ElementRef::wrap(child) {
                    let block = BLOCK_ELEMENTS.contains(&name);
                    if block {
                        out.push('\n');
                    }
                    html_text(el, out);
                    if block {
                        out.push('\n');
                    }
                }
            }
            _ => {}
        }
    }
}

/// Collapses runs of spaces within lines and drops empty lines, keeping one blank line
/// between blocks so paragraphs stay visible.
fn tidy_lines(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&words.join(" "));
    }
    out
}

#[derive(Deserialize)]
struct JsonRecord {
    text: Option<String>,
    title: Option<String>,
    date: Option<String>,
}

/// Reads JSON Lines: one release per non-empty line, with a `text` field.
pub fn from_jsonl(source: &str, content: &str) -> Result<Vec<RawRelease>, InputError> {
    let mut out = Vec::new();
    for (i, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record: JsonRecord = serde_json::from_str(line).map_err(|e| InputError::BadRecord {
            line: i + 1,
            reason: format!("not a JSON object: {e}"),
        })?;
        let text = record
            .text
            .filter(|t| !t.trim().is_empty())
            .ok_or_else(|| InputError::BadRecord {
                line: i + 1,
                reason: "no non-empty \"text\" field".to_string(),
            })?;
        let text: Arc<str> = Arc::from(text);
        out.push(RawRelease {
            source: source.to_string(),
            record: out.len(),
            format: SourceFormat::Jsonl,
            span: Span::new(0, text.len()),
            text,
            given_date: record.date,
            given_title: record.title,
        });
    }
    if out.is_empty() {
        return Err(InputError::Empty);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dated_lines_become_one_release_each() {
        let text =
            "12.07.2016\tFirst release.\n03.08.19\tSecond one.\r\n03.09.19\t\r\n\n".to_string();
        let releases = from_text("c.txt", text);
        assert_eq!(releases.len(), 3);
        assert!(releases[2].span.is_empty());
        assert_eq!(releases[0].format, SourceFormat::Lines);
        assert_eq!(releases[0].given_date.as_deref(), Some("12.07.2016"));
        assert_eq!(releases[0].span.slice(&releases[0].text), "First release.");
        assert_eq!(releases[1].span.slice(&releases[1].text), "Second one.");
        assert_eq!(releases[1].record, 1);
    }

    #[test]
    fn prose_with_a_dated_line_stays_one_release() {
        let text = "Title\n\n10/10/2024\tSomething\nBody line one.\nBody line two.\n";
        let releases = from_text("a.txt", text.to_string());
        assert_eq!(releases.len(), 1);
        assert_eq!(releases[0].format, SourceFormat::Text);
    }

    #[test]
    fn byte_order_mark_is_outside_the_release() {
        let releases = from_text("a.txt", "\u{feff}Hello.".to_string());
        assert_eq!(releases[0].span.slice(&releases[0].text), "Hello.");
    }

    #[test]
    fn decode_rejects_bad_input_with_reasons() {
        assert!(matches!(decode(b"  \n".to_vec()), Err(InputError::Empty)));
        assert!(matches!(
            decode(b"ab\0cd".to_vec()),
            Err(InputError::Binary(2))
        ));
        assert!(matches!(
            decode(b"ok \xff".to_vec()),
            Err(InputError::NotUtf8(3))
        ));
        assert_eq!(decode(b"fine".to_vec()).unwrap(), "fine");
    }

    #[test]
    fn html_drops_scripts_and_navigation() {
        let html = "<html><head><title>T</title><script>var x=1;</script></head><body>\
            <nav><a>Home</a></nav><h1>Big  News</h1><p>First <b>para</b>.</p><p>Second.</p></body></html>";
        let r = &from_html("p.html", html)[0];
        let text = r.span.slice(&r.text);
        assert_eq!(text, "Big News\n\nFirst para.\n\nSecond.");
        assert_eq!(r.given_title.as_deref(), Some("Big News"));
    }

    #[test]
    fn jsonl_reads_records_and_names_bad_lines() {
        let ok =
            "{\"text\":\"A said.\",\"title\":\"T\",\"date\":\"2024-01-02\"}\n\n{\"text\":\"B.\"}\n";
        let r = from_jsonl("x.jsonl", ok).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].given_title.as_deref(), Some("T"));
        assert_eq!(r[1].record, 1);
        let bad = from_jsonl("x.jsonl", "{\"text\":\"A\"}\n{\"title\":\"no text\"}\n");
        assert!(matches!(bad, Err(InputError::BadRecord { line: 2, .. })));
        assert!(matches!(
            from_jsonl("x.jsonl", "nope\n"),
            Err(InputError::BadRecord { line: 1, .. })
        ));
    }
}
