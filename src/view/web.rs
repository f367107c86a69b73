//! The space-time diagram as an SVG image (`svg`, drawn in `web/draw.rs`)
//! and as one self-contained web page (`html`).
//!
//! The page holds everything inline: the SVG, the styles of `web/page.css`,
//! the trace as JSON and the script of `web/page.js` (hover details, causal
//! highlighting, step-by-step replay, process filter, light and dark
//! theme, keys). It loads nothing (no network, fonts or scripts from
//! elsewhere), so it works from file:// offline. Elements hidden by the
//! slider or the process filter carry the class `hidden`; after a click the
//! highlighted ones carry `selected`, `past`, `future` or `concurrent`.
//!
//! Invariants: the same trace gives the same bytes; the embedded JSON
//! cannot end its `<script>` early. Reads the trace only; no IO.

mod draw;
mod shape;

pub use draw::svg;

use super::trace::Trace;
use crate::world::event::pid_text;
use draw::{fate, msg_label, vc_text, Layout};
use serde_json::{json, Value};
use shape::esc;
use std::fmt::Write as _;

const PAGE_CSS: &str = include_str!("web/page.css");
const PAGE_JS: &str = include_str!("web/page.js");

/// The trace as the page's script reads it.
fn data(t: &Trace, l: &Layout) -> Value {
    let events: Vec<Value> = t
        .events
        .iter()
        .map(|e| {
            json!({
                "n": e.id,
                "id": format!("e{}", e.id),
                "kind": e.kind,
                "proc": e.proc.0,
                "process": e.is_process_event(),
                "lamport": e.lamport,
                "vc": if e.is_process_event() { Some(vc_text(t, e)) } else { None },
                "preds": e.preds,
                "detail": e.detail,
                "msg": e.msg.map(|m| format!("m{m}")),
                "time": e.time,
                "step": l.step(e.id),
            })
        })
        .collect();
    let msgs: Vec<Value> = t
        .msgs
        .values()
        .map(|m| {
            json!({
                "n": m.id,
                "id": format!("m{}", m.id),
                "from": m.from.0,
                "to": m.to.map(|p| p.0),
                "send": m.send,
                "end": l.msg_end(m),
                "step": l.step(l.msg_end(m)),
                "label": msg_label(t, m),
                "fate": fate(m).0,
            })
        })
        .collect();
    let procs: Vec<Value> = t
        .procs
        .iter()
        .map(|p| json!({"pid": p.0, "text": pid_text(*p), "name": t.proc_name(*p)}))
        .collect();
    json!({"events": events, "msgs": msgs, "procs": procs})
}

/// JSON that is safe inside a `<script>` element: no `<`, `>` or `&` left
/// to end it early (they become `\u003c` ... which JSON reads back).
fn script_json(v: &Value) -> String {
    v.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// One self-contained page showing the diagram of `t`, with everything it
/// needs inline. Hidden elements (by the step slider or the process
/// filter) carry the class `hidden`; the highlighted ones after a click
/// carry `selected`, `past`, `future` or `concurrent`.
pub fn html(t: &Trace) -> String {
    let l = Layout::new(t);
    let n = t.events.len();
    let mut procs = String::new();
    for p in &t.procs {
        let _ = write!(
            procs,
            r#"<label><input type="checkbox" data-proc="{}" checked> {} <span class="pid">{}</span></label>"#,
            p.0,
            esc(&t.proc_name(*p)),
            esc(&pid_text(*p))
        );
    }
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>pidlab trace</title>
<style>
{PAGE_CSS}</style>
</head>
<body>
<header class="bar">
<h1>pidlab trace</h1>
<span class="summary">{n} events · {m} messages · {p} processes</span>
<button id="theme" type="button" aria-pressed="false">Dark theme</button>
</header>
<section class="controls">
<div class="replay">
<button id="play" type="button" title="Replay the execution">▶ Play</button>
<label for="step">Step</label>
<input id="step" type="range" min="0" max="{n}" value="{n}" step="1">
<output id="step-text" for="step">{n} / {n}</output>
</div>
<fieldset id="procs"><legend>Processes</legend>{procs}</fieldset>
<ul class="key">
<li><span class="swatch selected"></span>selected</li>
<li><span class="swatch past"></span>causal past</li>
<li><span class="swatch future"></span>causal future</li>
<li><span class="swatch concurrent"></span>concurrent</li>
</ul>
</section>
<p id="info" aria-live="polite"><span>Click an event to see its causal past (what happened before it), its future (what it could affect) and the events concurrent with it. Keys: ← → step through the run or move the selection, Esc clears.</span></p>
<main id="stage">
"#,
        m = t.msgs.len(),
        p = t.procs.len(),
    );
    out.push_str(&svg(t));
    let _ = write!(
        out,
        r#"</main>
<div id="tip" role="tooltip" hidden></div>
<script type="application/json" id="trace-data">{data}</script>
<script>
{PAGE_JS}</script>
</body>
</html>
"#,
        data = script_json(&data(t, &l)),
    );
    out
}
