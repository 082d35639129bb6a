//! Helpers shared by the integration tests: the corpus's deal records, and
//! (for the tests of `claimlens stream` and of the Spark job) comparing a
//! stream result with what `claimlens check` says.

// Each test binary that includes this module uses some of it.
#![allow(dead_code)]

use serde_json::Value;

/// A JSON object without some of its fields.
pub fn without(v: &Value, fields: &[&str]) -> Value {
    let mut v = v.clone();
    if let Some(o) = v.as_object_mut() {
        for f in fields {
            o.remove(*f);
        }
    }
    v
}

/// Where two JSON values first differ ("" when they are equal).
pub fn first_difference(a: &Value, b: &Value, at: &str) -> String {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys()) {
                let (u, v) = (&x.get(k), &y.get(k));
                let d = match (u, v) {
                    (Some(u), Some(v)) => first_difference(u, v, &format!("{at}/{k}")),
                    _ => format!("{at}/{k}: only in one"),
                };
                if !d.is_empty() {
                    return d;
                }
            }
            String::new()
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .map(|(i, (u, v))| first_difference(u, v, &format!("{at}/{i}")))
            .find(|d| !d.is_empty())
            .unwrap_or_default(),
        _ if a == b => String::new(),
        _ => {
            let short = |v: &Value| v.to_string().chars().take(200).collect::<String>();
            format!("{at}: {} != {}", short(a), short(b))
        }
    }
}

/// Fails with the first difference between `got` and `expected`.
pub fn assert_same(got: &Value, expected: &Value, what: &str) {
    let d = first_difference(got, expected, "");
    assert!(d.is_empty(), "{what}: {d}");
}

/// The document objects of one stream result: itself, or its parts.
pub fn documents(result: &Value) -> Vec<Value> {
    match result["parts"].as_array() {
        Some(parts) => parts.clone(),
        None => vec![without(result, &["id", "schema"])],
    }
}

/// The deal records of `corpus/records` (TOML and JSON), sorted by path;
/// panics when the folder or a record cannot be read, or holds none.
pub fn corpus_records() -> Vec<claimlens::DealRecord> {
    let dir = std::path::Path::new("corpus/records");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml" || e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no records in {}", dir.display());
    files
        .iter()
        .map(|p| {
            claimlens::check::record::read(p).unwrap_or_else(|e| panic!("{}: {e:?}", p.display()))
        })
        .collect()
}
