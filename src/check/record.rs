//! Deal records: the true terms of one deal, each fact with its source.
//!
//! A record is TOML (or JSON) in the shape `../DESIGN.md` fixes: `id`,
//! `title`, `entities`, dated `[[event]]`s and sourced `[[fact]]`s.

use serde::{Deserialize, Deserializer, Serialize};

use crate::claims::ClaimKind;
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

/// Parses and validates a record; every problem is reported with its line
/// and column.
pub fn parse(name: &str, text: &str, json: bool) -> Result<DealRecord, Vec<crate::Error>> {
    use crate::{Error, ErrorKind};
    let record: DealRecord = if json {
        serde_json::from_str(text).map_err(|e| {
            vec![Error::new(ErrorKind::Record, name, e.to_string()).at(e.line(), e.column())]
        })?
    } else {
        toml::from_str(text).map_err(|e| {
            let (line, col) = e.span().map_or((1, 1), |s| line_col(text, s.start));
            vec![Error::new(ErrorKind::Record, name, e.message().trim().to_string()).at(line, col)]
        })?
    };
    let problems = validate(&record);
    if problems.is_empty() {
        return Ok(record);
    }
    Err(problems
        .into_iter()
        .map(|(needle, msg)| {
            let (line, col) = needle
                .and_then(|n| text.find(&n))
                .map_or((1, 1), |at| line_col(text, at));
            Error::new(ErrorKind::Record, name, msg).at(line, col)
        })
        .collect())
}

/// Problems serde cannot see: duplicate ids, ranges without an upper end,
/// facts without a source, events out of date order. Each comes with a
/// string to locate it by.
fn validate(r: &DealRecord) -> Vec<(Option<String>, String)> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for f in &r.facts {
        let at = Some(format!("\"{}\"", f.id));
        if !seen.insert(f.id.as_str()) {
            out.push((
                at.clone(),
                format!("duplicate fact id {:?}; give each fact its own id", f.id),
            ));
        }
        if f.qualifier == Qualifier::Range && f.upper.is_none() {
            out.push((
                at.clone(),
                format!(
                    "fact {:?} has qualifier \"range\" but no upper; add upper = ...",
                    f.id
                ),
            ));
        }
        if f.source.trim().is_empty() {
            out.push((
                at.clone(),
                format!(
                    "fact {:?} has no source; say where the value comes from",
                    f.id
                ),
            ));
        }
        if !crate::claims::known_unit(f.kind, &f.unit) {
            out.push((
                at.clone(),
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
            out.push((
                at,
                format!(
                    "fact {:?}: a {} fact needs a {} value",
                    f.id,
                    f.kind.name(),
                    if is_date { "date" } else { "numeric" }
                ),
            ));
        }
    }
    for w in r.events.windows(2) {
        if w[1].date < w[0].date {
            out.push((
                Some(w[1].date.to_string()),
                format!(
                    "event of {} comes after the event of {}; list events in date order",
                    w[1].date, w[0].date
                ),
            ));
        }
    }
    out
}

fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}
