//! Deal records: the true terms of one deal, each fact with its source.
//!
//! A record is TOML (or JSON) in the shape `../DESIGN.md` fixes: `id`,
//! `title`, `entities`, dated `[[event]]`s and sourced `[[fact]]`s.

use serde::{Deserialize, Deserializer, Serialize};

use crate::claims::{Change, ClaimKind};
use crate::date::{Date, Period};

/// The lifecycle status an event sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Signed and announced.
    Announced,
    /// Awaiting approvals.
    Pending,
    /// Closed.
    Completed,
    /// Abandoned or terminated.
    Terminated,
}

impl Status {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            Status::Announced => "announced",
            Status::Pending => "pending",
            Status::Completed => "completed",
            Status::Terminated => "terminated",
        }
    }
}

/// A dated event of the deal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// When it happened.
    #[serde(deserialize_with = "date_field")]
    pub date: Date,
    /// The status it set.
    pub status: Status,
    /// Where that is documented.
    pub source: String,
    /// Optional free text.
    #[serde(default)]
    pub note: Option<String>,
}

/// How the source qualifies a fact's value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Exactly the value.
    #[default]
    Exact,
    /// Approximately the value.
    Approx,
    /// Less than the value.
    Lt,
    /// At most the value.
    Le,
    /// More than the value.
    Gt,
    /// At least the value.
    Ge,
    /// Between `value` and `upper`.
    Range,
}

impl Qualifier {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::Lt => "lt",
            Qualifier::Le => "le",
            Qualifier::Gt => "gt",
            Qualifier::Ge => "ge",
            Qualifier::Range => "range",
        }
    }
}

/// A fact's value: a number, or for `kind = "date"` a day or period string.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FactValue {
    /// A number in the unit's base.
    Number(f64),
    /// A period ("2026-04-07", "2025-Q4").
    Period(Period),
}

impl<'de> Deserialize<'de> for FactValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<FactValue, D::Error> {
        use serde::de::Error;
        match toml::Value::deserialize(d)? {
            toml::Value::Integer(i) => Ok(FactValue::Number(i as f64)),
            toml::Value::Float(f) if f.is_finite() => Ok(FactValue::Number(f)),
            toml::Value::String(s) => Period::parse(&s)
                .map(FactValue::Period)
                .ok_or_else(|| D::Error::custom(format!("value {s:?} is neither a number nor a date or period (2025-07-07, 2025-Q4, 2025-H2, 2025)"))),
            toml::Value::Datetime(dt) => Period::parse(&dt.to_string())
                .map(FactValue::Period)
                .ok_or_else(|| D::Error::custom(format!("value {dt} is not a calendar date"))),
            other => Err(D::Error::custom(format!("value must be a number or a date, not {}", other.type_str()))),
        }
    }
}

impl FactValue {
    /// The number, if the value is one.
    pub fn number(&self) -> Option<f64> {
        match self {
            FactValue::Number(n) => Some(*n),
            FactValue::Period(_) => None,
        }
    }
}

/// One sourced fact of the deal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// Unique within the record.
    pub id: String,
    /// What the fact is, in words.
    pub about: String,
    /// Words that, near a number, say it states this fact.
    #[serde(default)]
    pub cues: Vec<String>,
    /// What the value measures.
    pub kind: ClaimKind,
    /// The value, in the unit's base.
    pub value: FactValue,
    /// The unit (as for claims).
    pub unit: String,
    /// How the source qualifies the value.
    #[serde(default)]
    pub qualifier: Qualifier,
    /// The upper end, for `qualifier = "range"`.
    #[serde(default)]
    pub upper: Option<FactValue>,
    /// The date the fact holds from.
    #[serde(default, deserialize_with = "opt_date_field")]
    pub as_of: Option<Date>,
    /// Where the fact comes from.
    pub source: String,
    /// The source's sentence, if quoted.
    #[serde(default)]
    pub quote: Option<String>,
    /// Free text (sources that disagree, the basis of a figure).
    #[serde(default)]
    pub note: Option<String>,
    /// For a fact that is itself a change ("revenue fell 4%"): its direction.
    /// Claims of a change are compared only with such facts, and the other
    /// way round.
    #[serde(default)]
    pub change: Option<Change>,
}

/// The true terms of one deal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DealRecord {
    /// Stable identifier, e.g. `coreweave-core-scientific-2025`.
    pub id: String,
    /// One-line title.
    pub title: String,
    /// Names and tickers by which documents mention the deal's parties.
    #[serde(default)]
    pub entities: Vec<String>,
    /// Dated events, in date order.
    #[serde(default, rename = "event")]
    pub events: Vec<Event>,
    /// The facts.
    #[serde(default, rename = "fact")]
    pub facts: Vec<Fact>,
}

impl DealRecord {
    /// The status as of `date`: the last event on or before it.
    pub fn status_on(&self, date: Date) -> Option<&Event> {
        self.events
            .iter()
            .filter(|e| e.date <= date)
            .max_by_key(|e| e.date)
    }
}

fn date_field<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
    use serde::de::Error;
    let v = toml::Value::deserialize(d)?;
    let s = match v {
        toml::Value::String(s) => s,
        toml::Value::Datetime(dt) => dt.to_string(),
        other => {
            return Err(D::Error::custom(format!(
                "expected a date (YYYY-MM-DD), found {}",
                other.type_str()
            )));
        }
    };
    Date::parse(&s).ok_or_else(|| D::Error::custom(format!("{s:?} is not a date (YYYY-MM-DD)")))
}

fn opt_date_field<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    date_field(d).map(Some)
}

/// Reads and validates a record file (`.json` as JSON, anything else as TOML).
pub fn read(path: &std::path::Path) -> Result<DealRecord, Vec<crate::Error>> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        vec![crate::Error::new(
            crate::ErrorKind::Io,
            &name,
            format!("cannot read record: {}", e.to_string().to_lowercase()),
        )]
    })?;
    let json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    parse(&name, &text, json)
}

/// The record before its events and facts are read one by one, so that a
/// bad fact does not hide the problems of the next.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "V: Deserialize<'de>"))]
struct RawRecord<V> {
    id: String,
    title: String,
    #[serde(default)]
    entities: Vec<String>,
    #[serde(default)]
    event: Vec<V>,
    #[serde(default)]
    fact: Vec<V>,
}

/// Where a problem is: a key of the top level, of the `i`-th event or of the
/// `i`-th fact (`None`: the table itself).
#[derive(Clone, Debug, PartialEq)]
enum Locus {
    Top(&'static str),
    Event(usize, Option<String>),
    Fact(usize, Option<String>),
}

/// Parses and validates a record; every problem is reported with its line
/// and column (unknown fields, bad values, duplicate ids, unknown units,
/// ranges without an upper end, facts without a source, events out of date
/// order), not only the first.
pub fn parse(name: &str, text: &str, json: bool) -> Result<DealRecord, Vec<crate::Error>> {
    use crate::{Error, ErrorKind};
    let fail = |msg: String, (line, col): (usize, usize)| {
        Error::new(ErrorKind::Record, name, msg).at(line, col)
    };
    let mut problems: Vec<(Locus, String)> = Vec::new();
    let (raw_events, raw_facts, ids, top): (_, _, Vec<Option<String>>, _) = if json {
        let raw: RawRecord<serde_json::Value> = serde_json::from_str(text)
            .map_err(|e| vec![fail(first_line(&e.to_string()), (e.line(), e.column()))])?;
        let ids = raw
            .fact
            .iter()
            .map(|v| v.get("id").and_then(|x| x.as_str()).map(str::to_string))
            .collect();
        let events = raw
            .event
            .into_iter()
            .map(|v| Event::deserialize(v).map_err(|e| e.to_string()))
            .collect::<Vec<_>>();
        let facts = raw
            .fact
            .into_iter()
            .map(|v| Fact::deserialize(v).map_err(|e| e.to_string()))
            .collect::<Vec<_>>();
        (events, facts, ids, (raw.id, raw.title, raw.entities))
    } else {
        let raw: RawRecord<toml::Value> = toml::from_str(text).map_err(|e| {
            let at = e
                .span()
                .and_then(|s| crate::error::line_cols(text, std::iter::once(s.start)).pop())
                .unwrap_or((1, 1));
            vec![fail(first_line(e.message()), at)]
        })?;
        let ids = raw
            .fact
            .iter()
            .map(|v| v.get("id").and_then(|x| x.as_str()).map(str::to_string))
            .collect();
        let events = raw
            .event
            .into_iter()
            .map(|v| Event::deserialize(v).map_err(|e| e.message().to_string()))
            .collect();
        let facts = raw
            .fact
            .into_iter()
            .map(|v| Fact::deserialize(v).map_err(|e| e.message().to_string()))
            .collect();
        (events, facts, ids, (raw.id, raw.title, raw.entities))
    };
    let mut events = Vec::new();
    for (i, e) in raw_events.into_iter().enumerate() {
        match e {
            Ok(e) => events.push((i, e)),
            Err(msg) => problems.push((
                Locus::Event(i, key_in_message(&msg)),
                format!("event {}: {}", i + 1, first_line(&msg)),
            )),
        }
    }
    let mut facts = Vec::new();
    for (i, f) in raw_facts.into_iter().enumerate() {
        match f {
            Ok(f) => facts.push((i, f)),
            Err(msg) => {
                let name = ids
                    .get(i)
                    .cloned()
                    .flatten()
                    .map_or_else(|| format!("{}", i + 1), |id| format!("{id:?}"));
                problems.push((
                    Locus::Fact(i, key_in_message(&msg)),
                    format!("fact {name}: {}", first_line(&msg)),
                ));
            }
        }
    }
    problems.extend(validate(&top.0, &events, &facts, &ids));
    if problems.is_empty() {
        let (id, title, entities) = top;
        return Ok(DealRecord {
            id,
            title,
            entities,
            events: events.into_iter().map(|(_, e)| e).collect(),
            facts: facts.into_iter().map(|(_, f)| f).collect(),
        });
    }
    let layout = if json {
        Layout::json(text)
    } else {
        Layout::toml(text)
    };
    let mut located: Vec<(usize, String)> = problems
        .into_iter()
        .map(|(locus, msg)| (layout.locate(text, &locus, json), msg))
        .collect();
    located.sort_by_key(|(at, _)| *at);
    let places = crate::error::line_cols(text, located.iter().map(|(at, _)| *at));
    Err(located
        .into_iter()
        .zip(places)
        .map(|((_, msg), place)| fail(msg, place))
        .collect())
}

fn first_line(s: &str) -> String {
    let line = s.trim().lines().next().unwrap_or("").trim();
    // serde_json appends " at line L column C": the location is reported apart.
    match line.find(" at line ") {
        Some(i) => line[..i].to_string(),
        None => line.to_string(),
    }
}

/// The key an error message is about: "unknown field `foo`" → foo, "missing
/// field `source`" → none (the table itself), an enum's bad variant → the
/// variant's text (found as a string), or a field the message names.
fn key_in_message(msg: &str) -> Option<String> {
    if msg.contains("missing field") {
        return None;
    }
    let ticked = msg.split('`').nth(1).map(str::to_string);
    if msg.contains("unknown field") {
        return ticked;
    }
    if msg.contains("unknown variant") {
        return ticked.map(|v| format!("\"{v}"));
    }
    const KEYS: &[&str] = &[
        "as_of",
        "date",
        "value",
        "upper",
        "qualifier",
        "kind",
        "unit",
        "status",
        "cues",
        "change",
    ];
    KEYS.iter()
        .find(|k| msg.contains(*k))
        .map(|k| (*k).to_string())
}

/// Problems serde cannot see: duplicate ids, ranges without an upper end,
/// facts without a source, unknown units, events out of date order.
fn validate(
    id: &str,
    events: &[(usize, Event)],
    facts: &[(usize, Fact)],
    ids: &[Option<String>],
) -> Vec<(Locus, String)> {
    let mut out = Vec::new();
    if id.trim().is_empty() {
        out.push((
            Locus::Top("id"),
            "the record has an empty id; give it one (e.g. \"acquirer-target-2025\")".to_string(),
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for (i, fid) in ids.iter().enumerate() {
        if let Some(fid) = fid {
            if !seen.insert(fid.as_str()) {
                out.push((
                    Locus::Fact(i, Some("id".to_string())),
                    format!("duplicate fact id {fid:?}; give each fact its own id"),
                ));
            }
        }
    }
    for (i, f) in facts {
        let at = |key: &str| Locus::Fact(*i, Some(key.to_string()));
        if f.qualifier == Qualifier::Range && f.upper.is_none() {
            out.push((
                at("qualifier"),
                format!(
                    "fact {:?} has qualifier \"range\" but no upper; add upper = ...",
                    f.id
                ),
            ));
        }
        if let (Qualifier::Range, Some(lo), Some(hi)) = (
            f.qualifier,
            f.value.number(),
            f.upper.as_ref().and_then(FactValue::number),
        ) {
            if hi < lo {
                out.push((
                    at("upper"),
                    format!("fact {:?}: upper {hi} is below value {lo}", f.id),
                ));
            }
        }
        if f.source.trim().is_empty() {
            out.push((
                at("source"),
                format!(
                    "fact {:?} has no source; say where the value comes from",
                    f.id
                ),
            ));
        }
        if !crate::claims::known_unit(f.kind, &f.unit) {
            out.push((
                at("unit"),
                format!(
                    "fact {:?}: unknown unit {:?} for kind {}",
                    f.id,
                    f.unit,
                    f.kind.name()
                ),
            ));
        }
        let is_date = f.kind == ClaimKind::Date;
        if is_date != matches!(f.value, FactValue::Period(_)) {
            let want = if is_date { "date" } else { "numeric" };
            out.push((
                at("value"),
                format!(
                    "fact {:?}: a {} fact needs a {want} value",
                    f.id,
                    f.kind.name()
                ),
            ));
        }
    }
    for w in events.windows(2) {
        let ((_, a), (j, b)) = (&w[0], &w[1]);
        if b.date < a.date {
            out.push((
                Locus::Event(*j, Some("date".to_string())),
                format!(
                    "event of {} comes after the event of {}; list events in date order",
                    b.date, a.date
                ),
            ));
        }
    }
    for (i, e) in events {
        if e.source.trim().is_empty() {
            out.push((
                Locus::Event(*i, Some("source".to_string())),
                format!("event of {} has no source", e.date),
            ));
        }
    }
    out
}

/// Byte ranges of the `[[event]]` and `[[fact]]` tables (or the objects of
/// the `event` and `fact` arrays in JSON), in order.
struct Layout {
    events: Vec<std::ops::Range<usize>>,
    facts: Vec<std::ops::Range<usize>>,
}

impl Layout {
    fn toml(text: &str) -> Layout {
        let mut headers: Vec<(usize, Option<bool>)> = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let t = line.trim_start();
            if t.starts_with('[') {
                let inner: String = t
                    .trim_end()
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                let kind = match inner.split('#').next().unwrap_or("") {
                    "[[fact]]" => Some(true),
                    "[[event]]" => Some(false),
                    _ => None,
                };
                headers.push((at + (line.len() - t.len()), kind));
            }
            at += line.len();
        }
        let mut layout = Layout {
            events: Vec::new(),
            facts: Vec::new(),
        };
        for (k, &(start, kind)) in headers.iter().enumerate() {
            let end = headers.get(k + 1).map_or(text.len(), |h| h.0);
            match kind {
                Some(true) => layout.facts.push(start..end),
                Some(false) => layout.events.push(start..end),
                None => {}
            }
        }
        layout
    }

    fn json(text: &str) -> Layout {
        Layout {
            events: json_array_items(text, "event"),
            facts: json_array_items(text, "fact"),
        }
    }

    /// The byte offset a problem points at.
    fn locate(&self, text: &str, locus: &Locus, json: bool) -> usize {
        let (block, key) = match locus {
            Locus::Top(key) => (0..text.len(), Some((*key).to_string())),
            Locus::Event(i, key) => (self.events.get(*i).cloned().unwrap_or(0..0), key.clone()),
            Locus::Fact(i, key) => (self.facts.get(*i).cloned().unwrap_or(0..0), key.clone()),
        };
        key.and_then(|k| find_key(text, block.clone(), &k, json))
            .unwrap_or(block.start)
    }
}

/// The offset of `key` inside `text[block]`: a `key =` line in TOML, a
/// `"key":` member in JSON; a key starting with `"` is searched as a string.
fn find_key(text: &str, block: std::ops::Range<usize>, key: &str, json: bool) -> Option<usize> {
    let body = text.get(block.clone())?;
    if key.starts_with('"') {
        return body.find(key).map(|i| block.start + i);
    }
    if json {
        let quoted = format!("\"{key}\"");
        let mut from = 0;
        while let Some(i) = body[from..].find(&quoted) {
            let after = body[from + i + quoted.len()..].trim_start();
            if after.starts_with(':') {
                return Some(block.start + from + i);
            }
            from += i + quoted.len();
        }
        return None;
    }
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix(key) {
            if rest.trim_start().starts_with('=') {
                return Some(block.start + at + (line.len() - t.len()));
            }
        }
        at += line.len();
    }
    None
}

/// Byte ranges of the elements of the top-level JSON array member `key`.
fn json_array_items(text: &str, key: &str) -> Vec<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let (mut depth, mut i) = (0usize, 0usize);
    let mut member: Option<std::ops::Range<usize>> = None;
    let mut in_target = false;
    let mut item_start: Option<usize> = None;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                if depth == 1 {
                    member = Some(start + 1..i.min(b.len()));
                }
                if in_target && depth == 2 && item_start.is_none() {
                    item_start = Some(start);
                }
            }
            b'{' | b'[' => {
                if in_target && depth == 2 && item_start.is_none() {
                    item_start = Some(i);
                }
                if depth == 1 && b[i] == b'[' {
                    in_target = member.as_ref().and_then(|m| text.get(m.clone())) == Some(key);
                }
                depth += 1;
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if in_target && depth == 2 {
                    if let Some(s) = item_start.take() {
                        out.push(s..i + 1);
                    }
                }
                if depth == 1 {
                    in_target = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str, json: bool) -> Vec<String> {
        match parse("r", text, json) {
            Ok(_) => Vec::new(),
            Err(es) => es.iter().map(ToString::to_string).collect(),
        }
    }

    const GOOD: &str = r#"
id = "a-b-2025"
title = "A to acquire B"
entities = ["A", "B"]

[[event]]
date = 2025-07-07
status = "announced"
source = "release"

[[fact]]
id = "equity-value"
about = "value"
cues = ["deal"]
kind = "money"
value = 9_000_000_000
unit = "USD"
qualifier = "approx"
as_of = 2025-07-07
source = "release"
"#;

    #[test]
    fn a_good_record_parses() {
        let r = parse("r", GOOD, false).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(r.facts.len(), 1);
        assert_eq!(r.facts[0].value.number(), Some(9e9));
    }

    #[test]
    fn every_problem_is_reported_with_its_place() {
        let bad = r#"id = "x"
title = "t"

[[event]]
date = 2025-10-30
status = "terminated"
source = "s"

[[event]]
date = 2025-07-07
status = "announced"
source = "s"

[[fact]]
id = "a"
about = "x"
kind = "money"
value = 1
unit = "USD"
colour = "red"
source = "s"

[[fact]]
id = "a"
about = "x"
kind = "percent"
value = 1
unit = "%"
qualifier = "range"
source = "s"

[[fact]]
id = "c"
about = "x"
kind = "money"
value = 1
unit = "DOLLARS"
source = "s"

[[fact]]
id = "d"
about = "x"
kind = "money"
value = 1
unit = "USD"
"#;
        let p = problems(bad, false);
        assert!(
            p.iter()
                .any(|m| m.starts_with("r:20:1:") && m.contains("unknown field `colour`")),
            "{p:#?}"
        );
        assert!(
            p.iter()
                .any(|m| m.starts_with("r:24:1:") && m.contains("duplicate fact id")),
            "{p:#?}"
        );
        assert!(
            p.iter()
                .any(|m| m.starts_with("r:29:1:") && m.contains("no upper")),
            "{p:#?}"
        );
        assert!(
            p.iter()
                .any(|m| m.starts_with("r:37:1:") && m.contains("unknown unit")),
            "{p:#?}"
        );
        assert!(
            p.iter()
                .any(|m| m.starts_with("r:40:1:") && m.contains("missing field `source`")),
            "{p:#?}"
        );
        assert!(
            p.iter()
                .any(|m| m.starts_with("r:10:1:") && m.contains("date order")),
            "{p:#?}"
        );
        assert_eq!(p.len(), 6, "{p:#?}");
    }

    #[test]
    fn json_records_are_located_too() {
        let bad = "{\n  \"id\": \"x\",\n  \"title\": \"t\",\n  \"fact\": [\n    {\"id\": \"a\", \"about\": \"x\", \"kind\": \"money\", \"value\": 1, \"unit\": \"USD\", \"source\": \"s\"},\n    {\"id\": \"a\", \"about\": \"x\", \"kind\": \"money\", \"value\": 1, \"unit\": \"USD\", \"source\": \"s\",\n     \"qualifier\": \"range\"},\n    {\"id\": \"b\", \"about\": \"x\", \"kind\": \"money\", \"value\": 1, \"unit\": \"USD\", \"sauce\": \"s\"}\n  ]\n}\n";
        let p = problems(bad, true);
        assert!(
            p.iter()
                .any(|m| m.starts_with("r:6:6:") && m.contains("duplicate")),
            "{p:#?}"
        );
        assert!(
            p.iter()
                .any(|m| m.starts_with("r:7:6:") && m.contains("no upper")),
            "{p:#?}"
        );
        assert!(
            p.iter()
                .any(|m| m.starts_with("r:8:") && m.contains("unknown field `sauce`")),
            "{p:#?}"
        );
        assert_eq!(p.len(), 3, "{p:#?}");
        let good = "{\"id\": \"x\", \"title\": \"t\", \"fact\": [{\"id\": \"d\", \"about\": \"x\", \"kind\": \"date\", \"value\": \"2025-Q4\", \"unit\": \"date\", \"as_of\": \"2025-07-07\", \"source\": \"s\"}]}";
        assert_eq!(problems(good, true), Vec::<String>::new());
    }

    #[test]
    fn syntax_errors_have_a_place() {
        let p = problems("id = \"x\"\ntitle = \n", false);
        assert!(p.len() == 1 && p[0].starts_with("r:2:"), "{p:#?}");
        let p = problems("{\"id\": \"x\",\n \"title\": }", true);
        assert!(p.len() == 1 && p[0].starts_with("r:2:"), "{p:#?}");
    }

    #[test]
    fn bad_values_name_their_key() {
        let bad = GOOD
            .replace("qualifier = \"approx\"", "qualifier = \"roughly\"")
            .replace("value = 9_000_000_000", "value = true");
        let p = problems(&bad, false);
        assert!(
            p.iter()
                .any(|m| m.starts_with("r:16:") || m.starts_with("r:18:")),
            "{p:#?}"
        );
    }
}
