//! Schedules: an execution as the list of choices that make it, from the
//! initial world. The explorer writes one for a counterexample; `pidlab
//! run --schedule FILE` replays it exactly. Each choice is one line of
//! text that names processes by pid and messages by id, as the trace does.

use crate::term::Pid;
use crate::world::event::pid_text;
use crate::world::Choice;

/// A choice as text: `run <0.81.0>`, `deliver m3`, `delay m3 51`, ...
pub fn choice_text(c: &Choice) -> String {
    let p = |p: &Pid| pid_text(*p);
    match c {
        Choice::Run(x) => format!("run {}", p(x)),
        Choice::Deliver(m) => format!("deliver m{m}"),
        Choice::Timeout(x) => format!("timeout {}", p(x)),
        Choice::Timer(id) => format!("timer {id}"),
        Choice::Tick(t) => format!("tick {t}"),
        Choice::Choose(x, i) => format!("choose {} {i}", p(x)),
        Choice::Drop(m) => format!("drop m{m}"),
        Choice::Omit(m) => format!("omit m{m}"),
        Choice::Duplicate(m) => format!("duplicate m{m}"),
        Choice::Delay(d) => format!("delay m{} {}", d.0, d.1),
        Choice::Corrupt(m) => format!("corrupt m{m}"),
        Choice::Forge(f) => format!("forge m{} {}", f.0, p(&f.1)),
        Choice::Crash(x) => format!("crash {}", p(x)),
        Choice::Recover(x) => format!("recover {}", p(x)),
    }
}

fn pid(s: &str) -> Option<Pid> {
    let inner = s.strip_prefix("<0.")?.strip_suffix(".0>")?;
    inner.parse().ok().map(Pid)
}

fn msg(s: &str) -> Option<u64> {
    s.strip_prefix('m')?.parse().ok()
}

/// Reads a choice written by `choice_text`.
pub fn parse_choice(text: &str) -> Option<Choice> {
    let words: Vec<&str> = text.split_whitespace().collect();
    Some(match words.as_slice() {
        ["run", x] => Choice::Run(pid(x)?),
        ["deliver", m] => Choice::Deliver(msg(m)?),
        ["timeout", x] => Choice::Timeout(pid(x)?),
        ["timer", id] => Choice::Timer(id.parse().ok()?),
        ["tick", t] => Choice::Tick(t.parse().ok()?),
        ["choose", x, i] => Choice::Choose(pid(x)?, i.parse().ok()?),
        ["drop", m] => Choice::Drop(msg(m)?),
        ["omit", m] => Choice::Omit(msg(m)?),
        ["duplicate", m] => Choice::Duplicate(msg(m)?),
        ["delay", m, t] => Choice::Delay(Box::new((msg(m)?, t.parse().ok()?))),
        ["corrupt", m] => Choice::Corrupt(msg(m)?),
        ["forge", m, x] => Choice::Forge(Box::new((msg(m)?, pid(x)?))),
        ["crash", x] => Choice::Crash(pid(x)?),
        ["recover", x] => Choice::Recover(pid(x)?),
        _ => return None,
    })
}

/// A schedule file: the program, its arguments and fault flags, what the
/// execution shows, and its choices.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Schedule {
    /// The program file, as given on the command line.
    pub program: String,
    #[serde(default)]
    pub args: Vec<String>,
    /// The fault and timing flags of the exploration, to replay under.
    #[serde(default)]
    pub flags: Vec<String>,
    /// The property it violates or witnesses.
    #[serde(default)]
    pub property: String,
    #[serde(default)]
    pub faults: usize,
    /// For a liveness counterexample: the index of the first choice of
    /// the cycle that repeats forever.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cycle_from: Option<usize>,
    pub choices: Vec<String>,
}

impl Schedule {
    /// The choices, or the first line that is not one.
    pub fn parsed(&self) -> Result<Vec<Choice>, String> {
        self.choices
            .iter()
            .map(|c| parse_choice(c).ok_or_else(|| format!("`{c}` is not a choice")))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_reads_back() {
        let all = [
            Choice::Run(Pid(80)),
            Choice::Deliver(3),
            Choice::Timeout(Pid(81)),
            Choice::Timer(5),
            Choice::Tick(100),
            Choice::Choose(Pid(82), 1),
            Choice::Drop(4),
            Choice::Omit(4),
            Choice::Duplicate(4),
            Choice::Delay(Box::new((4, 51))),
            Choice::Corrupt(4),
            Choice::Forge(Box::new((4, Pid(83)))),
            Choice::Crash(Pid(81)),
            Choice::Recover(Pid(81)),
        ];
        for c in all {
            assert_eq!(parse_choice(&choice_text(&c)), Some(c.clone()), "{c:?}");
        }
        assert_eq!(parse_choice("jump m3"), None);
    }
}
