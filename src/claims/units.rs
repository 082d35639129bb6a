//! The number grammar's vocabulary (scale words, currencies, comparators,
//! time and power units, change verbs), read once from `units.toml`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use super::{ClaimKind, Comparator, Lean};

/// The data file, compiled in.
pub(crate) const UNITS_TOML: &str = include_str!("units.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawUnits {
    pub scale_words: BTreeMap<String, i32>,
    pub scale_letters: BTreeMap<String, i32>,
    pub currency_symbols: BTreeMap<String, String>,
    pub codes: Vec<String>,
    pub currency_words: BTreeMap<String, String>,
    pub comparators: BTreeMap<String, RawComparator>,
    pub comparators_after: BTreeMap<String, RawComparator>,
    pub durations: BTreeMap<String, RawDuration>,
    pub power: BTreeMap<String, i32>,
    pub count_irregular: Vec<String>,
    pub count_excluded: Vec<String>,
    pub up: Vec<String>,
    pub down: Vec<String>,
    pub label_words: Vec<String>,
    pub negative_before: Vec<String>,
}

#[derive(Deserialize, Clone, Copy, Debug)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawComparator {
    pub op: Comparator,
    #[serde(default)]
    pub lean: Option<Lean>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDuration {
    pub unit: String,
    #[serde(default)]
    pub per: Option<i64>,
    #[serde(default)]
    pub times: Option<i64>,
}

/// A word table. Looked up for nearly every word near a number, so hashed
/// with foldhash rather than SipHash: the keys are our own data file's, so
/// SipHash's protection against chosen keys buys nothing here.
type Map<V> = HashMap<String, V, foldhash::fast::FixedState>;
/// A word set, hashed like [`Map`].
type Set = HashSet<String, foldhash::fast::FixedState>;

/// The vocabulary, indexed for lookups.
pub(crate) struct Units {
    pub scale_words: Map<i32>,
    pub scale_letters: Map<i32>,
    pub currency_symbols: Vec<(String, String)>,
    pub codes: Set,
    pub currency_words: Map<String>,
    /// Comparator phrases as word lists, longest first.
    pub comparators: Vec<(Vec<String>, RawComparator)>,
    /// Indices into `comparators` by each phrase's last word, in order: a
    /// number is tried only against the phrases that can end before it.
    pub comparators_by_last: Map<Vec<usize>>,
    pub comparators_after: Vec<(Vec<String>, RawComparator)>,
    pub durations: Map<RawDuration>,
    pub power: Map<i32>,
    pub count_irregular: Set,
    pub count_excluded: Set,
    pub up: Set,
    pub down: Set,
    pub label_words: Set,
    pub negative_before: Set,
}

pub(crate) fn raw() -> Result<RawUnits, toml::de::Error> {
    toml::from_str(UNITS_TOML)
}

fn phrases(map: &BTreeMap<String, RawComparator>) -> Vec<(Vec<String>, RawComparator)> {
    let mut v: Vec<(Vec<String>, RawComparator)> = map
        .iter()
        .map(|(k, c)| {
            (
                k.split_whitespace()
                    .map(|w| w.trim_end_matches('.').to_string())
                    .collect(),
                *c,
            )
        })
        .collect();
    v.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    v
}

/// The vocabulary (parsed on first use; the data file is tested to parse).
pub(crate) static UNITS: LazyLock<Units> = LazyLock::new(|| {
    let r =
        raw().unwrap_or_else(|e| panic!("claims/units.toml is broken (a test guards this): {e}"));
    let set = |v: Vec<String>| v.into_iter().collect::<Set>();
    let mut symbols: Vec<(String, String)> = r.currency_symbols.into_iter().collect();
    symbols.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
    let comparators = phrases(&r.comparators);
    let mut comparators_by_last: Map<Vec<usize>> = Map::default();
    for (k, (words, _)) in comparators.iter().enumerate() {
        if let Some(last) = words.last() {
            comparators_by_last.entry(last.clone()).or_default().push(k);
        }
    }
    Units {
        scale_words: r.scale_words.into_iter().collect(),
        scale_letters: r.scale_letters.into_iter().collect(),
        currency_symbols: symbols,
        codes: set(r.codes),
        currency_words: r.currency_words.into_iter().collect(),
        comparators,
        comparators_by_last,
        comparators_after: phrases(&r.comparators_after),
        durations: r.durations.into_iter().collect(),
        power: r.power.into_iter().collect(),
        count_irregular: set(r.count_irregular),
        count_excluded: set(r.count_excluded),
        up: set(r.up),
        down: set(r.down),
        label_words: set(r.label_words),
        negative_before: set(r.negative_before),
    }
});

/// True when `unit` is a unit claims of `kind` can have (records are
/// validated with this).
pub fn known_unit(kind: ClaimKind, unit: &str) -> bool {
    let currency = |u: &str| UNITS.codes.contains(u);
    match kind {
        ClaimKind::Money => currency(unit),
        ClaimKind::PerShare => unit.strip_suffix("/share").is_some_and(currency),
        ClaimKind::Percent => unit == "%" || unit == "pp",
        ClaimKind::Ratio => unit == "shares/share",
        ClaimKind::Multiple => unit == "x",
        ClaimKind::Duration => unit == "year" || unit == "day",
        ClaimKind::Power => unit == "W",
        ClaimKind::Date => unit == "date",
        ClaimKind::Count => {
            !unit.is_empty()
                && unit
                    .chars()
                    .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_file_parses_and_lists_are_sorted_and_unique() {
        let r = raw().unwrap_or_else(|e| panic!("units.toml: {e}"));
        for (name, list) in [
            ("codes", &r.codes),
            ("count_irregular", &r.count_irregular),
            ("count_excluded", &r.count_excluded),
            ("up", &r.up),
            ("down", &r.down),
            ("label_words", &r.label_words),
            ("negative_before", &r.negative_before),
        ] {
            let mut sorted = list.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(
                &sorted, list,
                "units.toml: {name} must be sorted and unique"
            );
        }
        for d in r.durations.values() {
            assert!(
                d.per.is_some() != d.times.is_some(),
                "a duration needs exactly one of per/times"
            );
            assert!(d.unit == "year" || d.unit == "day");
        }
        let up: HashSet<_> = r.up.iter().collect();
        assert!(
            r.down.iter().all(|w| !up.contains(w)),
            "a change verb cannot be both up and down"
        );
    }

    #[test]
    fn units_are_known() {
        assert!(known_unit(ClaimKind::Money, "USD"));
        assert!(known_unit(ClaimKind::PerShare, "USD/share"));
        assert!(!known_unit(ClaimKind::Money, "usd"));
        assert!(known_unit(ClaimKind::Count, "board members"));
        assert!(!known_unit(ClaimKind::Percent, "percent"));
    }
}
