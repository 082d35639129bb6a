//! Sentences and words, each with its byte span into the text.
//!
//! The tokenizer never interprets meaning: it says where sentences and words
//! are, nothing about what they state. Words follow Unicode's word boundaries
//! (UAX #29, through `unicode-segmentation`); sentences follow the rules of
//! deal prose in [`sentences`].

pub(crate) mod masks;
mod quotes;
mod sentences;
mod words;

pub use quotes::{Quotation, inside as inside_quotation, quotations};
pub use sentences::{MAX_SENTENCE, Sentence, sentences};
pub use words::{Word, word_count, words};
