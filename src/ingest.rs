//! Ingestion: finds input files, checks them, and cuts each into raw releases.
//!
//! Shapes read:
//! * plain text, one release per file (clean releases and text scraped from web pages);
//! * plain text, one release per line as `DATE<TAB>text` (detected from the content);
//! * HTML (`.html`, `.htm`): parsed with `scraper`, script/style/nav/form dropped;
//! * JSON Lines (`.jsonl`): one release per line, `text` required, `title`/`date` used.
//!
//! Files in UTF-8 (with or without a byte-order mark) are used as they are, without a
//! copy; UTF-16 files with a byte-order mark and legacy Windows-1252 / Latin-1 text
//! (detected with `chardetng`) are decoded to UTF-8 with `encoding_rs` first.
//!
//! Every problem with a file becomes an [`InputError`] naming the reason, and every bad
//! JSON Lines record a [`RecordError`] that costs that record alone; nothing here panics
//! or stops the other files.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use regex::Regex;
use scraper::{ElementRef, Html, Node};
use serde::Deserialize;

use crate::doc::{Encoding, RawRelease, SourceFormat, Span};

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
    /// The file is not UTF-8 and its encoding cannot be told.
    #[error(
        "is not valid UTF-8 (first bad byte at offset {offset}) and its encoding cannot be \
         told: {why}; convert it to UTF-8 first, for example with `iconv -f ENCODING -t UTF-8`"
    )]
    UnknownEncoding {
        /// Offset of the first byte that is not UTF-8.
        offset: usize,
        /// Why no legacy encoding was trusted.
        why: Undetected,
    },
    /// The file starts with a UTF-16 byte-order mark but does not decode.
    #[error(
        "starts with a {} byte-order mark but is not valid {} (an unpaired surrogate or an \
         odd last byte)", .0.name(), .0.name()
    )]
    NotUtf16(Encoding),
    /// The file is larger than the limit.
    #[error("is too large ({size} bytes; the limit is {limit} bytes, see --max-bytes)")]
    TooLarge {
        /// Its size.
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// A directory given as input holds no file of an accepted type.
    #[error("holds no .txt, .text, .html, .htm or .jsonl files")]
    NoInputFiles,
    /// The input path does not exist.
    #[error("does not exist")]
    Missing,
}

/// Why bytes that are not UTF-8 were not decoded in an encoding whosaid reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Undetected {
    /// The detector's best guess is an encoding outside those whosaid reads.
    #[error("it looks most like {0}, which whosaid does not read")]
    Unsupported(&'static str),
    /// Decoded, the bytes hold a control character, which text in a legacy encoding does
    /// not: the guess is wrong, or the file is not text.
    #[error("as {} it would hold the control character U+{code:04X} at byte {offset}", .encoding.name())]
    Implausible {
        /// The encoding tried.
        encoding: Encoding,
        /// The character's code point.
        code: u32,
        /// Its offset in the file.
        offset: usize,
    },
}

/// A record of a file (a JSON Lines line) that could not be used. It costs that record
/// alone: the file's other records go through.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {}: {problem}", .record + 1)]
pub struct RecordError {
    /// The record's index: its 0-based line number (the `record` column); the message
    /// gives the 1-based line number, as editors show it.
    pub record: usize,
    /// What is wrong with it.
    pub problem: RecordProblem,
}

/// What is wrong with one JSON Lines record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordProblem {
    /// The line does not parse as a JSON object of the expected fields.
    #[error("not a JSON object: {0}")]
    NotJson(String),
    /// The object has no `text`, or only whitespace in it.
    #[error("no non-empty \"text\" field")]
    NoText,
    /// The line is not UTF-8 (a line of the `stream` input, which is read line by line).
    #[error("is not valid UTF-8 (first bad byte at offset {0})")]
    NotUtf8(usize),
}

/// What one input file holds: its releases, and the records of it that could not be used.
#[derive(Debug, Clone, Default)]
pub struct Ingested {
    /// The releases, in file order.
    pub releases: Vec<RawRelease>,
    /// The records that could not be used, in file order.
    pub bad_records: Vec<RecordError>,
}

/// The releases of gold directories: every `NAME.txt` with its annotation `NAME.json`
/// beside it (files without one are left out), for the commands that train and score on
/// annotated releases. A directory that cannot be read is an error.
pub fn annotated(dirs: &[PathBuf]) -> anyhow::Result<Vec<(InputFile, PathBuf)>> {
    let (files, errors) = discover(dirs);
    if let Some((path, e)) = errors.first() {
        anyhow::bail!("{path}: {e}");
    }
    Ok(files
        .into_iter()
        .filter(|f| f.path.extension().is_some_and(|e| e == "txt"))
        .filter_map(|f| {
            let gold = f.path.with_extension("json");
            gold.exists().then_some((f, gold))
        })
        .collect())
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
                // Like a file's source, relative to the root (the root itself as given).
                let path = e
                    .path()
                    .map(|p| source_of(root, p))
                    .filter(|p| !p.is_empty())
                    .unwrap_or_else(|| root.display().to_string());
                errors.push((path, InputError::Unreadable(e.into())));
            }
            Ok(e) if e.file_type().is_file() && has_accepted_extension(e.path()) => {
                files.push(InputFile {
                    source: source_of(root, e.path()),
                    path: e.into_path(),
                });
            }
            Ok(_) => {}
        }
    }
}

/// `path` relative to `root`, `/`-separated.
fn source_of(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
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
pub fn read(file: &InputFile, max_bytes: u64) -> Result<Ingested, InputError> {
    let size = fs::metadata(&file.path)?.len();
    if size > max_bytes {
        return Err(InputError::TooLarge {
            size,
            limit: max_bytes,
        });
    }
    parse(&file.source, fs::read(&file.path)?)
}

/// Decodes the bytes of a file and cuts them into raw releases, in the shape its name's
/// extension says (`.html`/`.htm`, `.jsonl`, anything else plain text).
pub fn parse(source: &str, bytes: Vec<u8>) -> Result<Ingested, InputError> {
    let Decoded { text, encoding } = decode(bytes)?;
    let mut ingested = match extension_of(Path::new(source)).as_str() {
        "html" | "htm" => Ingested {
            releases: from_html(source, &text),
            bad_records: Vec::new(),
        },
        "jsonl" => from_jsonl(source, &text),
        _ => Ingested {
            releases: from_text(source, text),
            bad_records: Vec::new(),
        },
    };
    for release in &mut ingested.releases {
        release.encoding = encoding;
    }
    Ok(ingested)
}

/// A file's text in UTF-8, and the encoding it was decoded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// What it was decoded from.
    pub encoding: Encoding,
}

/// Checks the bytes of a file are usable text and decodes them to UTF-8.
///
/// UTF-8 (with or without a byte-order mark, which stays in the text) is taken as it is,
/// without a copy. A UTF-16 byte-order mark selects UTF-16 (the mark is dropped). Other
/// bytes that are not UTF-8 are decoded as Windows-1252 only when `chardetng` guesses it
/// and the decoded text holds no control character, so that a wrong guess is an error,
/// never mojibake.
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, InputError> {
    let decoded = match encoding_rs::Encoding::for_bom(&bytes) {
        Some((codec, bom)) if codec != encoding_rs::UTF_8 => {
            let encoding = if codec == encoding_rs::UTF_16LE {
                Encoding::Utf16Le
            } else {
                Encoding::Utf16Be
            };
            decode_utf16(encoding, &bytes[bom..])?
        }
        _ => {
            if let Some(pos) = bytes.iter().position(|&b| b == 0) {
                return Err(InputError::Binary(pos));
            }
            match String::from_utf8(bytes) {
                Ok(text) => Decoded {
                    text,
                    encoding: Encoding::Utf8,
                },
                Err(e) => {
                    let offset = e.utf8_error().valid_up_to();
                    decode_legacy(&e.into_bytes())
                        .map_err(|why| InputError::UnknownEncoding { offset, why })?
                }
            }
        }
    };
    if decoded.text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    Ok(decoded)
}

/// Decodes UTF-16 whose two-byte byte-order mark was already cut off. Like UTF-8, it may
/// hold any character but NUL: the byte-order mark says what it is.
fn decode_utf16(encoding: Encoding, bytes: &[u8]) -> Result<Decoded, InputError> {
    const BOM_LEN: usize = 2;
    let text = encoding
        .codec()
        .decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or(InputError::NotUtf16(encoding))?
        .into_owned();
    match text.find('\0') {
        None => Ok(Decoded { text, encoding }),
        Some(at) => Err(InputError::Binary(
            BOM_LEN + 2 * text[..at].encode_utf16().count(),
        )),
    }
}

/// Decodes bytes that are not UTF-8 (and hold no NUL) as Windows-1252, when the detector
/// guesses it and the result holds no control character but tab, line feed, form feed and
/// carriage return. Random bytes decoded in any legacy encoding are full of them, and so
/// are the five bytes Microsoft left undefined in Windows-1252 (the WHATWG standard that
/// `encoding_rs` follows maps them to C1 control characters, so every byte decodes).
fn decode_legacy(bytes: &[u8]) -> Result<Decoded, Undetected> {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    let encoding = Encoding::Windows1252;
    if guess != encoding.codec() {
        return Err(Undetected::Unsupported(guess.name()));
    }
    let (text, _) = encoding.codec().decode_without_bom_handling(bytes);
    let control = text
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\x0c' | '\r'));
    match control {
        None => Ok(Decoded {
            text: text.into_owned(),
            encoding,
        }),
        Some((at, c)) => Err(Undetected::Implausible {
            encoding,
            code: c.into(),
            // One byte per character in a single-byte encoding.
            offset: text[..at].chars().count(),
        }),
    }
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
                encoding: Encoding::Utf8,
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
        encoding: Encoding::Utf8,
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
        encoding: Encoding::Utf8,
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

/// Reads JSON Lines: one release per non-empty line with a `text` field. A line that
/// cannot be used becomes a [`RecordError`] and the other lines go through. Each release's
/// `record` is its 0-based line number, so a record keeps its id when another is fixed.
pub fn from_jsonl(source: &str, content: &str) -> Ingested {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    let mut out = Ingested::default();
    for (record, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match jsonl_record(source, record, line) {
            Ok(release) => out.releases.push(release),
            Err(e) => out.bad_records.push(e),
        }
    }
    out
}

/// Reads one JSON Lines record (`line`, the file's line number `record` from 0).
pub fn jsonl_record(source: &str, record: usize, line: &str) -> Result<RawRelease, RecordError> {
    let error = |problem| RecordError { record, problem };
    let fields: JsonRecord =
        serde_json::from_str(line).map_err(|e| error(RecordProblem::NotJson(e.to_string())))?;
    let text = fields
        .text
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| error(RecordProblem::NoText))?;
    let text: Arc<str> = Arc::from(text);
    Ok(RawRelease {
        source: source.to_string(),
        record,
        format: SourceFormat::Jsonl,
        encoding: Encoding::Utf8,
        span: Span::new(0, text.len()),
        text,
        given_date: fields.date,
        given_title: fields.title,
    })
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
        let fine = decode(b"fine".to_vec()).unwrap();
        assert_eq!(
            (fine.text.as_str(), fine.encoding),
            ("fine", Encoding::Utf8)
        );
    }

    /// `text` in UTF-16 with its byte-order mark.
    fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
        let mut bytes = if little_endian {
            vec![0xff, 0xfe]
        } else {
            vec![0xfe, 0xff]
        };
        for unit in text.encode_utf16() {
            let pair = if little_endian {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            };
            bytes.extend(pair);
        }
        bytes
    }

    #[test]
    fn utf8_stays_as_it_is_with_its_byte_order_mark() {
        let d = decode("\u{feff}Café “said”".as_bytes().to_vec()).unwrap();
        assert_eq!(d.encoding, Encoding::Utf8);
        assert_eq!(d.text, "\u{feff}Café “said”");
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded_without_it() {
        let text = "Café “said” 🙂\r\n";
        for (le, encoding) in [(true, Encoding::Utf16Le), (false, Encoding::Utf16Be)] {
            let d = decode(utf16(text, le)).unwrap();
            assert_eq!((d.text.as_str(), d.encoding), (text, encoding));
        }
        // A lone surrogate, an odd last byte and a NUL.
        let mut lone = utf16("ab", true);
        lone.extend([0x00, 0xd8]);
        assert!(matches!(
            decode(lone),
            Err(InputError::NotUtf16(Encoding::Utf16Le))
        ));
        let mut odd = utf16("ab", false);
        odd.push(b'c');
        let e = decode(odd).unwrap_err();
        assert_eq!(
            e.to_string(),
            "starts with a UTF-16BE byte-order mark but is not valid UTF-16BE (an unpaired \
             surrogate or an odd last byte)"
        );
        assert!(matches!(
            decode(utf16("ab\0", true)),
            Err(InputError::Binary(6))
        ));
        // Like UTF-8, UTF-16 may hold control and private-use characters.
        let d = decode(utf16("a\u{7f}b\u{e000}", false)).unwrap();
        assert_eq!(d.text, "a\u{7f}b\u{e000}");
    }

    #[test]
    fn windows_1252_is_detected_and_decoded() {
        let bytes =
            b"\x93We are ready,\x94 the caf\xe9 owner said. Na\xefve r\xe9sum\xe9s \x96 all.";
        let d = decode(bytes.to_vec()).unwrap();
        assert_eq!(d.encoding, Encoding::Windows1252);
        assert_eq!(
            d.text,
            "“We are ready,” the café owner said. Naïve résumés – all."
        );
        // Latin-1 is read as its superset.
        let d = decode(b"Caf\xe9 \xe9t\xe9 said.\n".to_vec()).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("Café été said.\n", Encoding::Windows1252)
        );
    }

    #[test]
    fn bytes_no_encoding_fits_are_rejected_not_decoded_into_mojibake() {
        // 0x81 means nothing in Windows-1252; 0x01 is a control byte.
        for (bytes, code) in [
            (&b"The caf\xe9 said \x81 and \x9d."[..], 0x81),
            (&b"The caf\xe9 said \x01 no."[..], 0x01),
        ] {
            match decode(bytes.to_vec()) {
                Err(InputError::UnknownEncoding { offset, why }) => {
                    assert_eq!(offset, 7);
                    assert_eq!(
                        why,
                        Undetected::Implausible {
                            encoding: Encoding::Windows1252,
                            code,
                            offset: 14
                        }
                    );
                }
                other => panic!("{bytes:?}: {other:?}"),
            }
        }
        // Random-looking bytes without a NUL.
        let noise: Vec<u8> = (1..=250u8).rev().cycle().take(600).collect();
        let e = decode(noise).unwrap_err();
        assert!(e.to_string().contains("its encoding cannot be told"), "{e}");
    }

    #[test]
    fn parse_records_the_encoding_on_every_release() {
        let jsonl = utf16("{\"text\": \"Café.\"}\n{\"text\": \"Second.\"}\n", true);
        let got = parse("feed.jsonl", jsonl).unwrap();
        assert_eq!(got.releases.len(), 2);
        assert!(got.releases.iter().all(|r| r.encoding == Encoding::Utf16Le));
        assert_eq!(&*got.releases[0].text, "Café.");
        let text = parse("a.txt", b"Caf\xe9 news.".to_vec()).unwrap();
        assert_eq!(text.releases[0].encoding, Encoding::Windows1252);
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
        let r = from_jsonl("x.jsonl", ok);
        assert!(r.bad_records.is_empty());
        assert_eq!(r.releases.len(), 2);
        assert_eq!(r.releases[0].given_title.as_deref(), Some("T"));
        // The record is the line number from 0: blank lines count.
        assert_eq!(r.releases[1].record, 2);
        let mixed = from_jsonl(
            "x.jsonl",
            "{\"text\":\"A\"}\n{\"title\":\"no text\"}\nnope\n{\"text\":\"D\"}\n",
        );
        let records: Vec<usize> = mixed.releases.iter().map(|r| r.record).collect();
        assert_eq!(records, [0, 3]);
        assert_eq!(mixed.bad_records.len(), 2);
        assert_eq!(
            mixed.bad_records[0],
            RecordError {
                record: 1,
                problem: RecordProblem::NoText
            }
        );
        assert_eq!(
            mixed.bad_records[0].to_string(),
            "line 2: no non-empty \"text\" field"
        );
        assert!(matches!(
            mixed.bad_records[1].problem,
            RecordProblem::NotJson(_)
        ));
        assert!(mixed.bad_records[1]
            .to_string()
            .starts_with("line 3: not a JSON object"));
    }

    #[test]
    fn jsonl_after_a_byte_order_mark_reads_its_first_line() {
        let r = from_jsonl("x.jsonl", "\u{feff}{\"text\":\"A.\"}\n");
        assert!(r.bad_records.is_empty(), "{:?}", r.bad_records);
        assert_eq!(r.releases.len(), 1);
    }
}
