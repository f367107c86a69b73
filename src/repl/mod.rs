//! The interactive shell: reads Erlang expressions as erl does (input
//! continues until it ends with `.`), evaluates them with the bindings
//! kept between inputs, and prints values as the Erlang shell prints them.
//! Orchestrates only: parsing, compiling and running live elsewhere.
//! With standard input not a terminal it runs as a script: no prompt, no
//! colour, and an error in one input does not stop the next.

use crate::diag::render::{render_all, Style};
use crate::run::{self, Outcome, RunLimits};
use crate::term::{pretty, Atom, Term};
use crate::vm::Code;

/// A shell session: loaded code and the variables bound so far.
pub struct Session {
    code: Code,
    bindings: Vec<(String, Term)>,
    counter: u32,
    pub style: Style,
}

/// What one input did.
pub enum Reply {
    /// Text to show (value or diagnostics), and whether it is an error.
    Text(String, bool),
    Quit,
}

impl Session {
    pub fn new(style: Style) -> Session {
        Session {
            code: run::new_code(),
            bindings: vec![],
            counter: 0,
            style,
        }
    }

    /// Evaluates one complete input; printed output goes to `sink` as it is made.
    pub fn eval(&mut self, input: &str, sink: &mut dyn FnMut(&str)) -> Reply {
        let trimmed = input.trim();
        match trimmed {
            "q()." | "halt()." | "init:stop()." => return Reply::Quit,
            "f()." => {
                self.bindings.clear();
                return Reply::Text("ok\n".into(), false);
            }
            "b()." => {
                let text: String = self
                    .bindings
                    .iter()
                    .map(|(n, v)| format!("{n} = {}\n", pretty::print(v, 1, 80)))
                    .collect();
                return Reply::Text(text, false);
            }
            _ => {}
        }
        let exprs = match crate::syntax::parse_exprs(input) {
            Ok(e) => e,
            Err(d) => return Reply::Text(render_all(&d, "shell", input, self.style), true),
        };
        self.counter += 1;
        let names: Vec<String> = self.bindings.iter().map(|(n, _)| n.clone()).collect();
        let module = Atom::new(&format!("erl_eval_{}", self.counter));
        let (m, new_names, warnings) =
            match crate::compile::compile_shell_as(module, &exprs, &names, input) {
                Ok(r) => r,
                Err(d) => return Reply::Text(render_all(&d, "shell", input, self.style), true),
            };
        let mut text = render_all(&warnings, "shell", input, self.style);
        let m = self.code.load(m);
        let args: Vec<Term> = self.bindings.iter().map(|(_, v)| v.clone()).collect();
        match run::run_call(&self.code, &m, 0, args, RunLimits::default(), sink) {
            Outcome::Returned(Term::Tuple(t)) => {
                if let (Some(v), Some(Term::Tuple(vals))) = (t.first(), t.get(1)) {
                    self.bindings = new_names.into_iter().zip(vals.iter().cloned()).collect();
                    text.push_str(&pretty::print(v, 1, 80));
                    text.push('\n');
                }
                Reply::Text(text, false)
            }
            Outcome::Returned(v) => Reply::Text(format!("{v}\n"), false),
            Outcome::Crashed(e) => {
                let d = run::crash_diagnostic(&e, "the shell process");
                text.push_str(&render_all(&[d], "shell", input, self.style));
                Reply::Text(text, true)
            }
            Outcome::Deadlock { .. } => Reply::Text(
                "the shell waits forever in `receive`: no process can send it a message\n".into(),
                true,
            ),
            Outcome::Bound(why) => Reply::Text(format!("stopped: {why}\n"), true),
            Outcome::ReductionLimit(n) => {
                Reply::Text(format!("stopped after {n} reductions\n"), true)
            }
        }
    }
}

fn history_path() -> Option<std::path::PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".local/share"))
        })?;
    let dir = base.join("pidlab");
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir.join("history"))
}

/// Runs the shell on a terminal with line editing and history.
pub fn interactive(style: Style) -> std::io::Result<()> {
    use rustyline::error::ReadlineError;
    let mut ed = rustyline::DefaultEditor::new().map_err(std::io::Error::other)?;
    let hist = history_path();
    if let Some(h) = &hist {
        let _ = ed.load_history(h);
    }
    println!("pidlab shell (Erlang expressions end with `.`; q(). quits)");
    let mut session = Session::new(style);
    let mut buf = String::new();
    loop {
        let prompt = if buf.is_empty() {
            format!("{}> ", session.counter + 1)
        } else {
            ".. ".to_string()
        };
        match ed.readline(&prompt) {
            Ok(line) => {
                buf.push_str(&line);
                buf.push('\n');
                if !crate::syntax::input_complete(&buf) {
                    continue;
                }
                let input = std::mem::take(&mut buf);
                let _ = ed.add_history_entry(input.trim_end());
                match session.eval(&input, &mut |s| print!("{s}")) {
                    Reply::Quit => break,
                    Reply::Text(t, _) => print!("{t}"),
                }
            }
            Err(ReadlineError::Interrupted) => {
                buf.clear();
                println!("(input discarded; q(). quits)");
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(std::io::Error::other(e)),
        }
    }
    if let Some(h) = &hist {
        let _ = ed.save_history(h);
    }
    Ok(())
}

/// Runs inputs read from `input` without prompts: for scripts and pipes.
pub fn script(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<bool> {
    let mut session = Session::new(Style::PLAIN);
    let mut buf = String::new();
    let mut ok = true;
    for line in input.lines() {
        buf.push_str(line);
        buf.push('\n');
        if !crate::syntax::input_complete(&buf) {
            continue;
        }
        let text = std::mem::take(&mut buf);
        let mut printed = String::new();
        let reply = session.eval(&text, &mut |s| printed.push_str(s));
        out.write_all(printed.as_bytes())?;
        match reply {
            Reply::Quit => return Ok(ok),
            Reply::Text(t, err) => {
                ok &= !err;
                out.write_all(t.as_bytes())?;
            }
        }
    }
    if !buf.trim().is_empty() {
        out.write_all(b"the input ends in the middle of an expression (missing `.`?)\n")?;
        ok = false;
    }
    Ok(ok)
}
