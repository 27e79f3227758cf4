//! whosaid turns government press releases into tables of who said what.
//!
//! The pipeline has one module per stage, all working on the stand-off document model of
//! [`doc`]:
//!
//! | stage | module | does |
//! |---|---|---|
//! | ingest | [`ingest`] | finds input files, checks them, cuts them into raw releases |
//! | segment | [`segment`] | header (date, title, contact, issuer), dateline, paragraphs, sentences |
//! | ner | [`ner`] | the transformer NER model (rust-bert), batched over many releases |
//! | entities | [`entities`] | officials, US states, government agencies |
//! | quotes | [`quotes`] | direct quotations |
//! | attribution | [`attribution`] | the speaker of each quotation (candidates from rules, chosen by [`speaker`]) |
//! | resolve | [`resolve`] | one id per person and agency across the corpus |
//! | output | [`output`] | the CSV tables, written atomically, resolved at the end |
//!
//! Under the stages, [`lexicon`] holds the language data (every word list, one copy each)
//! and [`tokens`] the one word tokenizer, whose token layer on each release the entity
//! rules and attribution read.
//! [`pipeline`] runs them in order; [`bench`] times repeated runs.

pub mod analysis;
pub mod attribution;
pub mod bench;
pub mod doc;
pub mod entities;
pub mod ingest;
pub(crate) mod lexicon;
pub mod ner;
pub mod output;
pub mod pipeline;
pub mod quotes;
pub mod resolve;
pub mod segment;
pub mod speaker;
pub(crate) mod tokens;
