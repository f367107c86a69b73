//! The web view (`pidlab::view::web`): the SVG and page it writes, and the
//! page at work in a real headless Chromium.
//!
//! The browser is driven over the DevTools protocol through
//! `--remote-debugging-pipe` (JSON messages ending in a NUL byte on file
//! descriptors 3 and 4): no port, no websocket, no client crate. Every wait
//! has a deadline, so a browser that hangs fails the test instead. Chromium
//! comes from `PIDLAB_CHROMIUM` or `/usr/bin/chromium` (Debian's `chromium`
//! package). Set `PIDLAB_WEB_SHOTS=DIR` to keep the screenshots.
#![cfg(unix)]
// Reading a JSON answer by key (`v["result"]`) gives Null when it is missing, and
// a panic in a test is a failed test.
#![allow(clippy::indexing_slicing)]

use pidlab::view::trace::Trace;
use pidlab::view::web;
use serde_json::json;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "web/cdp.rs"]
mod cdp;

use cdp::{Browser, Scratch};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run_trace(program: &str, flags: &[&str]) -> (String, Trace) {
    let dir = Scratch::new("trace");
    let out = dir.0.join("trace.jsonl");
    let ran = Command::new(env!("CARGO_BIN_EXE_pidlab"))
        .arg("run")
        .arg(program)
        .arg("--trace-json")
        .arg(&out)
        .args(flags)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("pidlab runs");
    let text = std::fs::read_to_string(&out).unwrap_or_else(|e| {
        panic!(
            "pidlab wrote no trace ({e}): {}",
            String::from_utf8_lossy(&ran.stderr)
        )
    });
    let trace =
        Trace::parse(&text).unwrap_or_else(|d| panic!("the trace reads back: {}", d.message));
    (text, trace)
}

fn pingpong() -> Trace {
    run_trace("tests/views/pingpong.erl", &["--seed", "1"]).1
}

/// A ping-pong run on a lossy network that copies messages: the first
/// seed whose trace has both a dropped and a duplicated message.
fn lossy_pingpong() -> Trace {
    for seed in 1..40 {
        let s = seed.to_string();
        let flags = [
            "--seed",
            &s,
            "--net",
            "fair-loss:loss=0.1,dup=0.4",
            "--wait",
        ];
        let (_, t) = run_trace("tests/views/pingpong.erl", &flags);
        let dropped = t.msgs.values().any(|m| m.drop.is_some());
        let copied = t
            .msgs
            .values()
            .any(|m| m.copy_of.is_some() && m.receive.is_some());
        if dropped && copied {
            return t;
        }
    }
    panic!("no seed below 40 gives a ping-pong trace with a drop and a received copy");
}

/// A broadcast that a partition and a crash cut short: drops, a crash,
/// a partition and its heal, virtual time passing.
fn broken_broadcast() -> Trace {
    let flags = [
        "--partition",
        "p1,p2,p5|p3,p4",
        "--crash",
        "p5@send=3",
        "--heal-at",
        "500",
        "--wait",
    ];
    run_trace("tests/programs/best_effort_broadcast.erl", &flags).1
}

fn ids(prefix: char, set: impl IntoIterator<Item = u64>) -> Vec<String> {
    set.into_iter().map(|n| format!("{prefix}{n}")).collect()
}

// ---------------------------------------------------------------------
// The SVG and the page as text.

#[test]
fn the_same_trace_gives_the_same_bytes() {
    let (text, t) = run_trace("tests/views/pingpong.erl", &["--seed", "1"]);
    let again = Trace::parse(&text).expect("the trace reads back");
    assert_eq!(web::svg(&t), web::svg(&again));
    assert_eq!(web::html(&t), web::html(&again));
}

#[test]
fn every_event_and_message_has_its_element() {
    let t = lossy_pingpong();
    let svg = web::svg(&t);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    for (i, e) in t.events.iter().enumerate() {
        let open = format!("<g id=\"e{}\" class=\"ev {} ", e.id, e.kind);
        assert!(svg.contains(&open), "no element starting {open}");
        let step = format!(
            "<g id=\"e{}\" class=\"ev {} {}\" data-step=\"{}\"",
            e.id,
            e.kind,
            if e.is_process_event() { "proc" } else { "net" },
            i + 1
        );
        assert!(svg.contains(&step), "no element {step}");
    }
    for m in t.msgs.values() {
        let fate = if m.receive.is_some() {
            "received"
        } else if m.drop.is_some() {
            "dropped"
        } else if m.deliver.is_some() {
            "delivered"
        } else {
            "inflight"
        };
        let copy = if m.copy_of.is_some() { " copy" } else { "" };
        let open = format!("<g class=\"msg {fate}{copy}\" id=\"m{}\"", m.id);
        assert!(svg.contains(&open), "no element {open}");
    }
}

#[test]
fn faults_are_drawn_with_their_own_looks() {
    let t = broken_broadcast();
    let svg = web::svg(&t);
    let kinds: Vec<&str> = t.events.iter().map(|e| e.kind.as_str()).collect();
    for (kind, look) in [
        ("partition", "global"),
        ("heal", "global"),
        ("crash", "proc"),
        ("drop", "net"),
        ("emit", "proc"),
    ] {
        assert!(kinds.contains(&kind), "the run has a {kind}: {kinds:?}");
        let class = format!("class=\"ev {kind} {look}\"");
        assert!(svg.contains(&class), "the SVG has {class}");
    }
    assert!(
        svg.contains("class=\"msg dropped\""),
        "a dropped message ends in a cross"
    );
    assert!(
        svg.contains(">1000 ms</text>"),
        "the time column shows virtual time"
    );
}

#[test]
fn text_is_escaped_and_cannot_end_the_script() {
    let nasty = r#"</script><b>&'\""#;
    let lines = [
        json!({"id": "e1", "kind": "spawn", "proc": "<0.80.0>", "lamport": 1,
               "vc": {"<0.80.0>": 1}, "child": "<0.81.0>"}),
        json!({"id": "e2", "kind": "emit", "proc": "<0.80.0>", "lamport": 2,
               "vc": {"<0.80.0>": 2}, "preds": ["e1"], "term": nasty}),
        json!({"id": "e3", "kind": "register", "proc": "<0.81.0>", "lamport": 1,
               "vc": {"<0.80.0>": 1, "<0.81.0>": 1}, "preds": ["e1"], "name": "<i>"}),
    ];
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let t = Trace::parse(&text).expect("a trace");
    let svg = web::svg(&t);
    assert!(!svg.contains("<b>") && !svg.contains("<i>"), "{svg}");
    assert!(svg.contains("&lt;/script&gt;&lt;b&gt;&amp;"), "{svg}");
    let html = web::html(&t);
    assert_eq!(
        html.matches("</script>").count(),
        2,
        "only the two scripts end"
    );
    assert!(!html.contains("<b>") && !html.contains("<i>"));
}

#[test]
fn the_page_refers_to_nothing_outside_itself() {
    let html = web::html(&lossy_pingpong());
    let without_ns = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    for bad in [
        "http:", "https:", "//cdn", "src=", "href=", "@import", "url(", "<link", "fetch(",
    ] {
        assert!(!without_ns.contains(bad), "the page contains {bad:?}");
    }
}

/// Writes the page of `t` and opens it from file://.
fn open_page(b: &mut Browser, dir: &Scratch, name: &str, t: &Trace) {
    let path = dir.0.join(name);
    std::fs::write(&path, web::html(t)).expect("the page is written");
    b.open(&format!("file://{}", path.display()));
    let ready = b.eval("document.querySelectorAll('#diagram .ev').length");
    assert_eq!(
        ready.as_u64(),
        Some(t.events.len() as u64),
        "the page shows every event"
    );
}

/// The ids of the diagram's elements that match a CSS selector.
fn marked(b: &mut Browser, selector: &str) -> Vec<String> {
    let v = b.eval(&format!(
        "Array.from(document.querySelectorAll('#diagram {selector}')).map(e => e.id)"
    ));
    let mut ids: Vec<String> = serde_json::from_value(v).expect("a list of ids");
    ids.sort_by_key(|id| id.get(1..).and_then(|n| n.parse::<u64>().ok()));
    ids
}

// ---------------------------------------------------------------------
// The checks, each against what the trace model says.

/// Check 1: Loaded from file:// with no console error and no request elsewhere.
fn loads_offline_without_errors(b: &mut Browser, page: &str) {
    assert!(
        b.errors.is_empty(),
        "{page}: console errors: {:?}",
        b.errors
    );
    assert!(
        !b.requests.is_empty(),
        "{page}: the network domain saw the page itself"
    );
    for url in &b.requests {
        assert!(url.starts_with("file://"), "{page} requested {url}");
    }
}

/// Check 2: A click on each event highlights its causal past, its future and
/// the events concurrent with it, exactly as `Trace` computes them; the
/// tooltip shows its clocks; Esc clears it all; → moves the selection.
fn click_highlights_causality(b: &mut Browser, t: &Trace) {
    for e in &t.events {
        let id = format!("e{}", e.id);
        b.click(&id, ".halo");
        assert_eq!(
            marked(b, ".ev.selected"),
            vec![id.clone()],
            "selected after clicking {id}"
        );
        assert_eq!(
            marked(b, ".ev.past"),
            ids('e', t.past(e.id)),
            "past of {id}"
        );
        assert_eq!(
            marked(b, ".ev.future"),
            ids('e', t.future(e.id)),
            "future of {id}"
        );
        assert_eq!(
            marked(b, ".ev.concurrent"),
            ids('e', t.concurrent(e.id)),
            "concurrent with {id}"
        );
        let tip = b.eval("document.getElementById('tip').hidden ? '' : document.getElementById('tip').textContent");
        let tip = tip.as_str().unwrap_or_default();
        assert!(
            tip.starts_with(&format!("{id} {}", e.kind)),
            "hovering {id} shows {tip:?}"
        );
        if let Some(l) = e.lamport {
            assert!(
                tip.contains(&format!("Lamport{l}vector clock")),
                "the tooltip of {id} has its Lamport time: {tip:?}"
            );
            assert!(
                tip.contains("vector clock{"),
                "the tooltip of {id} has its vector clock: {tip:?}"
            );
        }
    }
    b.key("Escape", 27);
    for class in ["selected", "past", "future", "concurrent"] {
        assert!(
            marked(b, &format!(".{class}")).is_empty(),
            "Esc clears .{class}"
        );
    }
    let (Some(first), Some(second)) = (t.events.first(), t.events.get(1)) else {
        return;
    };
    b.click(&format!("e{}", first.id), ".halo");
    b.key("ArrowRight", 39);
    assert_eq!(
        marked(b, ".ev.selected"),
        vec![format!("e{}", second.id)],
        "→ selects the next event"
    );
    b.key("Escape", 27);
}

/// Check 3: The slider at step k shows the first k events and the messages that
/// have ended by then, and hides the rest; ← steps back by one.
fn slider_replays_step_by_step(b: &mut Browser, t: &Trace) {
    let n = t.events.len();
    let position = |id: u64| t.events.iter().position(|e| e.id == id).map(|i| i + 1);
    for k in [0, 1, n / 2, n.saturating_sub(1), n] {
        b.eval(&format!(
            "(() => {{ const s = document.getElementById('step'); s.value = '{k}';
               s.dispatchEvent(new Event('input', {{bubbles: true}})); }})()"
        ));
        let later: Vec<String> = t
            .events
            .iter()
            .skip(k)
            .map(|e| format!("e{}", e.id))
            .collect();
        assert_eq!(marked(b, ".ev.hidden"), later, "events hidden at step {k}");
        let shown = marked(b, ".ev:not(.hidden)");
        assert_eq!(shown.len(), k, "events shown at step {k}");
        let unended: Vec<String> = t
            .msgs
            .values()
            .filter(|m| {
                let end = m.receive.or(m.drop).or(m.deliver).unwrap_or(m.send);
                position(end).unwrap_or(0) > k
            })
            .map(|m| format!("m{}", m.id))
            .collect();
        assert_eq!(
            marked(b, ".msg.hidden"),
            unended,
            "messages hidden at step {k}"
        );
    }
    b.eval("document.activeElement && document.activeElement.blur()");
    b.key("ArrowLeft", 37);
    let value = b.eval("document.getElementById('step').value");
    assert_eq!(
        value.as_str(),
        Some((n - 1).to_string().as_str()),
        "← steps back"
    );
    let last: Vec<String> = t
        .events
        .last()
        .map(|e| format!("e{}", e.id))
        .into_iter()
        .collect();
    assert_eq!(marked(b, ".ev.hidden"), last, "← hides the last event");
    b.key("ArrowRight", 39);
    assert!(marked(b, ".hidden").is_empty(), "→ shows everything again");
}

/// The process filter hides a lane with its events and messages.
fn filter_hides_a_lane(b: &mut Browser, t: &Trace) {
    let Some(p) = t.procs.get(1) else { return };
    let box_ = format!("#procs input[data-proc=\"{}\"]", p.0);
    b.eval(&format!("document.querySelector('{box_}').click()"));
    let theirs: Vec<String> = t
        .events
        .iter()
        .filter(|e| e.proc == *p)
        .map(|e| format!("e{}", e.id))
        .collect();
    assert_eq!(
        marked(b, ".ev.hidden"),
        theirs,
        "unticking {} hides its events",
        t.proc_name(*p)
    );
    assert_eq!(marked(b, ".lane.hidden"), vec![format!("lane-{}", p.0)]);
    let msgs: Vec<String> = t
        .msgs
        .values()
        .filter(|m| m.from == *p || m.to == Some(*p))
        .map(|m| format!("m{}", m.id))
        .collect();
    assert_eq!(marked(b, ".msg.hidden"), msgs, "and its messages");
    b.eval(&format!("document.querySelector('{box_}').click()"));
    assert!(
        marked(b, ".hidden").is_empty(),
        "ticking it again shows them"
    );
}

/// A decoded screenshot: size, how many colours, how bright on average.
struct Shot {
    width: u32,
    height: u32,
    colours: usize,
    commonest: f64,
    brightness: f64,
}

fn look_at(png_bytes: &[u8]) -> Shot {
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let channels = info.color_type.samples();
    let pixels: Vec<&[u8]> = buf
        .get(..info.buffer_size())
        .unwrap_or_default()
        .chunks_exact(channels)
        .collect();
    let mut counts = std::collections::HashMap::new();
    let mut sum = 0.0;
    for px in &pixels {
        *counts.entry(px.get(..3).unwrap_or(px)).or_insert(0usize) += 1;
        sum += px.iter().take(3).map(|c| f64::from(*c)).sum::<f64>() / 3.0;
    }
    let total = pixels.len().max(1) as f64;
    Shot {
        width: info.width,
        height: info.height,
        colours: counts.len(),
        commonest: counts.values().copied().max().unwrap_or(0) as f64 / total,
        brightness: sum / total,
    }
}

/// Check 4: A screenshot of the page is a full-size, non-blank picture, in the
/// light theme and in the dark one the reader's preference picks.
fn screenshots_show_a_diagram(b: &mut Browser, dir: &Scratch) -> (Shot, Shot) {
    let keep = std::env::var_os("PIDLAB_WEB_SHOTS").map(PathBuf::from);
    b.eval("window.scrollTo(0, 0)");
    let light = b.screenshot();
    b.call(
        "Emulation.setEmulatedMedia",
        json!({"features": [{"name": "prefers-color-scheme", "value": "dark"}]}),
    );
    assert!(
        b.wait_for("document.documentElement.dataset.theme === 'dark'"),
        "the page follows prefers-color-scheme"
    );
    b.click("e5", ".halo");
    let dark = b.screenshot();
    b.key("Escape", 27);
    b.eval("document.getElementById('theme').click()");
    assert_eq!(
        b.eval("document.documentElement.dataset.theme"),
        "light",
        "the button toggles the theme"
    );
    for (name, bytes) in [("light.png", &light), ("dark.png", &dark)] {
        std::fs::write(dir.0.join(name), bytes).expect("the screenshot is written");
        if let Some(k) = &keep {
            std::fs::create_dir_all(k).expect("PIDLAB_WEB_SHOTS is a folder");
            std::fs::write(k.join(name), bytes).expect("the screenshot is kept");
        }
    }
    (look_at(&light), look_at(&dark))
}

#[test]
fn the_page_works_in_headless_chromium() {
    let dir = Scratch::new("pages");
    let mut b = Browser::launch();

    let pp = pingpong();
    open_page(&mut b, &dir, "pingpong.html", &pp);
    loads_offline_without_errors(&mut b, "pingpong.html");
    click_highlights_causality(&mut b, &pp);
    slider_replays_step_by_step(&mut b, &pp);
    filter_hides_a_lane(&mut b, &pp);
    let (light, dark) = screenshots_show_a_diagram(&mut b, &dir);
    for (name, s) in [("light", &light), ("dark", &dark)] {
        assert!(
            s.width >= 1000 && s.height >= 800,
            "{name} screenshot is {}x{}",
            s.width,
            s.height
        );
        assert!(
            s.colours > 16,
            "{name} screenshot has {} colours",
            s.colours
        );
        assert!(
            s.commonest < 0.97,
            "{name} screenshot is {:.1}% one colour",
            100.0 * s.commonest
        );
    }
    assert!(
        light.brightness > 180.0,
        "the light theme is light: {}",
        light.brightness
    );
    assert!(
        dark.brightness < 90.0,
        "the dark theme is dark: {}",
        dark.brightness
    );

    let lossy = lossy_pingpong();
    b.call("Emulation.setEmulatedMedia", json!({"features": []}));
    b.requests.clear();
    open_page(&mut b, &dir, "lossy.html", &lossy);
    loads_offline_without_errors(&mut b, "lossy.html");
    click_highlights_causality(&mut b, &lossy);
    slider_replays_step_by_step(&mut b, &lossy);

    let broken = broken_broadcast();
    b.requests.clear();
    open_page(&mut b, &dir, "broken.html", &broken);
    loads_offline_without_errors(&mut b, "broken.html");
    click_highlights_causality(&mut b, &broken);
    slider_replays_step_by_step(&mut b, &broken);
    filter_hides_a_lane(&mut b, &broken);

    if let Some(k) = std::env::var_os("PIDLAB_WEB_SHOTS").map(PathBuf::from) {
        b.click("e16", ".halo");
        let page = b.screenshot();
        std::fs::write(k.join("broken.png"), page).expect("the screenshot is kept");
        b.requests.clear();
        open_page(&mut b, &dir, "lossy.html", &lossy);
        let middle = lossy
            .events
            .get(lossy.events.len() / 2)
            .map(|e| e.id)
            .unwrap_or(1);
        b.click(&format!("e{middle}"), ".halo");
        let page = b.screenshot();
        std::fs::write(k.join("lossy.png"), page).expect("the screenshot is kept");
        let svg = k.join("lossy.svg");
        std::fs::write(&svg, web::svg(&lossy)).expect("the SVG is kept");
        b.open(&format!("file://{}", svg.display()));
        let picture = b.screenshot();
        std::fs::write(k.join("lossy-svg.png"), picture).expect("the screenshot is kept");
    }

    let seen: HashSet<&String> = b.requests.iter().collect();
    assert!(
        seen.iter().all(|u| u.starts_with("file://")),
        "requests: {seen:?}"
    );
    assert!(b.errors.is_empty(), "console errors: {:?}", b.errors);
}
