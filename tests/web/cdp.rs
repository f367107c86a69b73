//! A minimal DevTools-protocol client for the web view's test: Chromium
//! started headless with `--remote-debugging-pipe` reads JSON commands
//! ending in a NUL byte on file descriptor 3 and answers on 4. No port, no
//! websocket, no client crate. Every wait has a deadline (`WAIT`), so a
//! browser that hangs fails the test instead; dropping a `Browser` closes
//! it (and kills it if it does not close within five seconds).

use serde_json::{json, Value};
use std::collections::VecDeque;
use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// The longest any one answer from the browser may take.
pub const WAIT: Duration = Duration::from_secs(30);
pub const WIDTH: u64 = 1280;
pub const HEIGHT: u64 = 1000;

/// The flags the browser needs here: as root, offline, and quiet.
pub const FLAGS: [&str; 8] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// A fresh folder for this test process, removed when dropped.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(what: &str) -> Scratch {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let d =
            std::env::temp_dir().join(format!("pidlab-web-{what}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&d).expect("a scratch folder");
        Scratch(d)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The trace of `pidlab run PROGRAM --trace-json` with extra flags.
pub struct Browser {
    child: Child,
    to_chrome: std::io::PipeWriter,
    from_chrome: Receiver<Value>,
    next_id: u64,
    /// The page's session (flat mode), once attached.
    session: Option<String>,
    /// Events that came while waiting for answers.
    events: VecDeque<Value>,
    /// Everything the page reported: console errors, exceptions, requests.
    pub errors: Vec<String>,
    pub requests: Vec<String>,
    stderr: PathBuf,
    _profile: Scratch,
}

fn chromium() -> PathBuf {
    let path = std::env::var_os("PIDLAB_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    assert!(
        path.exists(),
        "this test needs headless Chromium at {} (Debian: apt-get install chromium; or set PIDLAB_CHROMIUM)",
        path.display()
    );
    path
}

impl Browser {
    pub fn launch() -> Browser {
        let profile = Scratch::new("profile");
        let stderr = profile.0.join("stderr.txt");
        let (cmd_read, cmd_write) = std::io::pipe().expect("a pipe");
        let (out_read, out_write) = std::io::pipe().expect("a pipe");
        let (r, w) = (cmd_read.as_raw_fd(), out_write.as_raw_fd());
        let mut c = Command::new(chromium());
        c.args(FLAGS)
            .arg(format!(
                "--user-data-dir={}",
                profile.0.join("data").display()
            ))
            .arg("--remote-debugging-pipe")
            .arg(format!("--window-size={WIDTH},{HEIGHT}"))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&stderr).expect("a log file"));
        // SAFETY: between fork and exec only async-signal-safe calls:
        // fcntl, dup2 and close. The pipe ends are first copied above 10 so
        // that placing one on 3 or 4 cannot close the other.
        unsafe {
            c.pre_exec(move || {
                let a = libc::fcntl(r, libc::F_DUPFD, 10);
                let b = libc::fcntl(w, libc::F_DUPFD, 10);
                if a < 0 || b < 0 || libc::dup2(a, 3) < 0 || libc::dup2(b, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                libc::close(a);
                libc::close(b);
                Ok(())
            });
        }
        let child = c.spawn().expect("chromium starts");
        drop((cmd_read, out_write));
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = out_read;
            let mut buf = Vec::new();
            let mut chunk = [0u8; 65536];
            loop {
                match reader.read(&mut chunk) {
                    Ok(0) | Err(_) => return,
                    Ok(n) => buf.extend_from_slice(chunk.get(..n).unwrap_or_default()),
                }
                while let Some(end) = buf.iter().position(|b| *b == 0) {
                    let msg: Vec<u8> = buf.drain(..=end).collect();
                    let text = msg.get(..end).unwrap_or_default();
                    if let Ok(v) = serde_json::from_slice::<Value>(text) {
                        if tx.send(v).is_err() {
                            return;
                        }
                    }
                }
            }
        });
        let mut b = Browser {
            child,
            to_chrome: cmd_write,
            from_chrome: rx,
            next_id: 0,
            session: None,
            events: VecDeque::new(),
            errors: vec![],
            requests: vec![],
            stderr,
            _profile: profile,
        };
        let target = b.browser_call("Target.createTarget", json!({"url": "about:blank"}));
        let target_id = target["targetId"].clone();
        let attached = b.browser_call(
            "Target.attachToTarget",
            json!({"targetId": target_id, "flatten": true}),
        );
        b.session = attached["sessionId"].as_str().map(str::to_string);
        for domain in [
            "Page.enable",
            "Runtime.enable",
            "Log.enable",
            "Network.enable",
        ] {
            b.call(domain, json!({}));
        }
        b.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": false}),
        );
        b
    }

    /// What Chromium said on stderr, for a failure message.
    fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.stderr).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let from = lines.len().saturating_sub(15);
        lines.get(from..).unwrap_or_default().join("\n")
    }

    fn next_message(&mut self, deadline: Instant, waiting_for: &str) -> Value {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.from_chrome.recv_timeout(left) {
            Ok(v) => v,
            Err(e) => panic!(
                "no answer from chromium for {waiting_for} ({e:?}); its log ends:\n{}",
                self.log_tail()
            ),
        }
    }

    fn send(&mut self, session: Option<String>, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if let Some(s) = session {
            msg["sessionId"] = s.into();
        }
        let mut bytes = msg.to_string().into_bytes();
        bytes.push(0);
        self.to_chrome
            .write_all(&bytes)
            .expect("chromium reads its pipe");
        let deadline = Instant::now() + WAIT;
        loop {
            let v = self.next_message(deadline, method);
            if v["id"].as_u64() == Some(id) {
                if let Some(err) = v.get("error") {
                    panic!("{method} failed: {err}");
                }
                return v["result"].clone();
            }
            self.note(v);
        }
    }

    /// Keeps an event, taking note of errors and requests on the way.
    fn note(&mut self, v: Value) {
        let p = &v["params"];
        match v["method"].as_str().unwrap_or_default() {
            "Runtime.exceptionThrown" => self.errors.push(p["exceptionDetails"].to_string()),
            "Runtime.consoleAPICalled"
                if matches!(p["type"].as_str(), Some("error" | "assert")) =>
            {
                self.errors.push(p["args"].to_string())
            }
            "Log.entryAdded" if p["entry"]["level"] == "error" => {
                self.errors.push(p["entry"].to_string())
            }
            "Network.requestWillBeSent" => self
                .requests
                .push(p["request"]["url"].as_str().unwrap_or("?").to_string()),
            _ => {}
        }
        if v.get("method").is_some() {
            self.events.push_back(v);
        }
    }

    pub fn browser_call(&mut self, method: &str, params: Value) -> Value {
        self.send(None, method, params)
    }

    pub fn call(&mut self, method: &str, params: Value) -> Value {
        let s = self.session.clone();
        self.send(s, method, params)
    }

    pub fn wait_event(&mut self, method: &str) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(i) = self.events.iter().position(|e| e["method"] == method) {
                return self.events.remove(i).unwrap_or_default();
            }
            let v = self.next_message(deadline, method);
            self.note(v);
        }
    }

    /// Opens a page and waits until it has loaded.
    pub fn open(&mut self, url: &str) {
        self.events.clear();
        self.call("Page.navigate", json!({"url": url}));
        self.wait_event("Page.loadEventFired");
    }

    /// The value of a JavaScript expression in the page.
    pub fn eval(&mut self, expr: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({"expression": expr, "returnByValue": true, "awaitPromise": true}),
        );
        if let Some(ex) = r.get("exceptionDetails") {
            panic!("`{expr}` threw: {ex}");
        }
        r["result"]["value"].clone()
    }

    /// Whether a JavaScript condition becomes true within ten seconds.
    pub fn wait_for(&mut self, cond: &str) -> bool {
        let v = self.eval(&format!(
            "new Promise(done => {{ const t0 = performance.now(); (function poll() {{
               if ({cond}) done(true); else if (performance.now() - t0 > 10000) done(false);
               else setTimeout(poll, 20); }})(); }})"
        ));
        v == true
    }

    pub fn click_at(&mut self, x: f64, y: f64) {
        for kind in ["mouseMoved", "mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}),
            );
        }
    }

    /// Scrolls an element into view and clicks the middle of its part
    /// matching `inner` (the element itself when `inner` is empty).
    pub fn click(&mut self, id: &str, inner: &str) {
        let at = self.eval(&format!(
            "(() => {{ const el = document.getElementById('{id}'); el.scrollIntoView({{block: 'center'}});
               const r = ('{inner}' ? el.querySelector('{inner}') : el).getBoundingClientRect();
               return [r.x + r.width / 2, r.y + r.height / 2]; }})()"
        ));
        let (x, y) = (at[0].as_f64(), at[1].as_f64());
        let (Some(x), Some(y)) = (x, y) else {
            panic!("no position for {id}: {at}")
        };
        self.click_at(x, y);
    }

    pub fn key(&mut self, key: &str, code: u32) {
        for kind in ["keyDown", "keyUp"] {
            self.call(
                "Input.dispatchKeyEvent",
                json!({"type": kind, "key": key, "code": key,
                       "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code}),
            );
        }
    }

    pub fn screenshot(&mut self) -> Vec<u8> {
        use base64::Engine as _;
        let r = self.call("Page.captureScreenshot", json!({"format": "png"}));
        let data = r["data"].as_str().expect("a screenshot");
        base64::engine::general_purpose::STANDARD
            .decode(data)
            .expect("base64")
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        self.next_id += 1;
        let close = json!({"id": self.next_id, "method": "Browser.close"}).to_string();
        let _ = self.to_chrome.write_all(format!("{close}\0").as_bytes());
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
