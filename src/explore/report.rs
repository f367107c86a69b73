//! A search's report for people (text) and for tools (one JSON object,
//! a fixed contract), and the bounds in plain words.

use super::schedule::choice_text;
use super::{Report, Status};
use crate::world::faults::FaultPlan;

/// The bounds of a search in plain words: "every execution with at most 1
/// crash and 2 losses, up to 40 steps".
pub fn bounds_text(plan: &FaultPlan, max_depth: usize, random: Option<u64>) -> String {
    let mut limits = vec![];
    let mut add = |n: Option<u64>, one: &str, many: &str| {
        if let Some(n) = n {
            limits.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
    };
    add(plan.max_crashes, "crash", "crashes");
    add(plan.max_losses, "loss", "losses");
    add(plan.max_dups, "duplicate", "duplicates");
    add(plan.max_delays, "delay", "delays");
    let what = match random {
        Some(n) => format!("{n} random executions"),
        None => "every execution".into(),
    };
    let faults = match limits.len() {
        0 => String::new(),
        1 => format!(" with at most {}", limits.join("")),
        _ => {
            let last = limits.pop().unwrap_or_default();
            format!(" with at most {} and {last}", limits.join(", "))
        }
    };
    format!("{what}{faults}, up to {max_depth} steps")
}

/// `n` and `what`, plural unless `n` is 1.
fn counted(n: u64, what: &str) -> String {
    if n == 1 {
        format!("{n} {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// The report for people.
/// `diagram` is the counterexample drawn as a space-time diagram.
pub fn text(
    r: &Report,
    bounds: &str,
    seconds: f64,
    saved: Option<&str>,
    diagram: Option<&str>,
) -> String {
    let mut out = format!(
        "explored {}, {}, {} ({}), {} deep, in {seconds:.2} s\n",
        counted(r.states, "state"),
        counted(r.transitions, "transition"),
        counted(r.executions, "execution"),
        counted(r.final_states, "final state"),
        counted(r.max_depth as u64, "step"),
    );
    out.push_str(&format!("bounds: {bounds}\n"));
    if let Some(why) = &r.incomplete {
        out.push_str(&format!("not exhaustive: {why}\n"));
    }
    let width = r.findings.iter().map(|f| f.name.len()).max().unwrap_or(0);
    for f in &r.findings {
        // A search stopped early has not seen everything.
        let so_far = match (&r.incomplete, &f.status) {
            (Some(_), Status::Holds | Status::Never) => " so far",
            _ => "",
        };
        let mut line = format!("{:<width$}  {}{so_far}", f.name, f.status.name());
        if let Some(ex) = &f.execution {
            line.push_str(&format!(
                ": {} ({} steps, {} {})",
                ex.why,
                ex.choices.len(),
                ex.faults,
                if ex.faults == 1 { "fault" } else { "faults" }
            ));
        }
        out.push_str(&line);
        out.push('\n');
    }
    if let Some(f) = r
        .findings
        .iter()
        .find(|f| f.status == Status::Violated && f.execution.is_some())
    {
        if let Some(ex) = &f.execution {
            if ex.choices.is_empty() {
                // No step to show: what was emitted before the search
                // began (in the shell) already breaks the property.
                out.push_str(&format!(
                    "\n{} is false before any step, on the terms emitted before the search began (none when it begins with the program)\n",
                    f.name
                ));
            } else {
                out.push_str(&format!(
                    "\ncounterexample for {} ({}):\n",
                    f.name, r.chosen
                ));
                for (i, c) in ex.choices.iter().enumerate() {
                    if ex.cycle_from == Some(i) {
                        out.push_str("  -- from here the cycle repeats forever --\n");
                    }
                    out.push_str(&format!("  {:>3}. {}\n", i + 1, choice_text(c)));
                }
                if let Some(d) = diagram {
                    out.push('\n');
                    out.push_str(d);
                }
            }
            if let Some(path) = saved {
                out.push_str(&format!("saved to {path}\n"));
            }
        }
    }
    out.push_str(&format!(
        "result: {}\n",
        if r.passed() { "pass" } else { "fail" }
    ));
    out
}

/// The report as one JSON object (the fixed contract of `--format json`).
pub fn json(r: &Report, bounds: &str, seconds: f64, saved: Option<&str>) -> serde_json::Value {
    let first_violation = r
        .findings
        .iter()
        .position(|f| f.status == Status::Violated && f.execution.is_some());
    let props: Vec<serde_json::Value> = r
        .findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let mut m = serde_json::Map::new();
            m.insert("name".into(), f.name.clone().into());
            m.insert("kind".into(), f.kind.into());
            m.insert("status".into(), f.status.name().into());
            if let Some(ex) = &f.execution {
                m.insert("steps".into(), ex.choices.len().into());
                m.insert("faults".into(), ex.faults.into());
                m.insert("why".into(), ex.why.clone().into());
                if Some(i) == first_violation {
                    if let Some(p) = saved {
                        m.insert("counterexample".into(), p.into());
                    }
                }
            }
            serde_json::Value::Object(m)
        })
        .collect();
    serde_json::json!({
        "result": if r.passed() { "pass" } else { "fail" },
        "states": r.states,
        "transitions": r.transitions,
        "executions": r.executions,
        "final_states": r.final_states,
        "max_depth": r.max_depth,
        "bounds": bounds,
        "complete": r.incomplete.is_none(),
        "incomplete": r.incomplete,
        "seconds": seconds,
        "properties": props,
    })
}
