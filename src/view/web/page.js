// The trace page's behaviour (view/web.rs): hover details, causal
// highlighting, step-by-step replay, process filter, theme and keys. It reads
// the trace the page embeds (#trace-data) and the SVG's ids; it loads nothing.
//
// Causality is computed here from each event's `preds`, exactly as
// Trace::past, Trace::future and Trace::concurrent do in Rust.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('trace-data').textContent);
  const svg = document.getElementById('diagram');
  const slider = document.getElementById('step');
  const stepText = document.getElementById('step-text');
  const info = document.querySelector('#info > span');
  const tip = document.getElementById('tip');
  const themeButton = document.getElementById('theme');
  const playButton = document.getElementById('play');
  const helpText = info.textContent;

  const events = data.events;
  const byN = new Map(events.map((e) => [e.n, e]));
  const procs = new Map(data.procs.map((p) => [p.pid, p]));
  const eventEl = new Map(events.map((e) => [e.n, document.getElementById(e.id)]));
  const msgEls = data.msgs.map((m) => [m, document.getElementById(m.id)]);
  const laneEls = Array.from(svg.querySelectorAll('.lane'));
  const shown = new Set(data.procs.map((p) => p.pid));
  let step = events.length;
  let selected = null;
  let player = null;

  // The page shows its own tooltip, not the SVG's titles.
  svg.querySelectorAll('title').forEach((t) => t.remove());

  const procLabel = (pid) => {
    const p = procs.get(pid);
    return p ? p.name + ' ' + p.text : String(pid);
  };

  /** Every event that happens before n (not n itself). */
  function past(n) {
    const seen = new Set();
    const start = byN.get(n);
    const stack = start ? start.preds.slice() : [];
    while (stack.length > 0) {
      const p = stack.pop();
      if (!seen.has(p)) {
        seen.add(p);
        const e = byN.get(p);
        if (e) stack.push(...e.preds);
      }
    }
    return seen;
  }

  /** Every event that n happens before. */
  function future(n) {
    const after = new Set([n]);
    for (const e of events) {
      if (e.n > n && e.preds.some((p) => after.has(p))) after.add(e.n);
    }
    after.delete(n);
    return after;
  }

  const MARKS = ['selected', 'past', 'future', 'concurrent'];

  function clearMarks() {
    svg.classList.remove('selecting');
    svg.querySelectorAll('.selected, .past, .future, .concurrent').forEach((el) => {
      el.classList.remove(...MARKS);
    });
  }

  function select(n) {
    clearMarks();
    selected = n;
    if (n === null || !byN.has(n)) {
      selected = null;
      info.textContent = helpText;
      return;
    }
    const before = past(n);
    const after = future(n);
    let concurrent = 0;
    svg.classList.add('selecting');
    for (const e of events) {
      const el = eventEl.get(e.n);
      if (!el) continue;
      if (e.n === n) el.classList.add('selected');
      else if (before.has(e.n)) el.classList.add('past');
      else if (after.has(e.n)) el.classList.add('future');
      else if (e.process) {
        el.classList.add('concurrent');
        concurrent += 1;
      }
    }
    const inPast = (x) => x === n || before.has(x);
    const inFuture = (x) => x === n || after.has(x);
    for (const [m, el] of msgEls) {
      if (!el) continue;
      // A message is in the future when it leaves n or its future (and, if
      // it has ended, ends there); in the past when it starts and ends there.
      if (inFuture(m.send) && (m.end === m.send || after.has(m.end))) el.classList.add('future');
      else if (inPast(m.send) && inPast(m.end)) el.classList.add('past');
    }
    showInfo(byN.get(n), before.size, after.size, concurrent);
  }

  function showInfo(e, nPast, nFuture, nConcurrent) {
    info.textContent = '';
    const head = document.createElement('strong');
    head.textContent = e.id + ' ' + e.kind + ' on ' + procLabel(e.proc);
    info.append(head);
    const clocks = e.lamport === null
      ? ' (a network event: no clocks)'
      : ' · Lamport ' + e.lamport + ' · vector clock ' + e.vc;
    info.append(clocks + ' — causal past: ' + nPast + ' events, future: ' + nFuture +
      ', concurrent: ' + nConcurrent + '. Esc clears.');
  }

  function applyVisibility() {
    for (const e of events) {
      const el = eventEl.get(e.n);
      if (el) el.classList.toggle('hidden', e.step > step || !shown.has(e.proc));
    }
    for (const [m, el] of msgEls) {
      if (!el) continue;
      const off = !shown.has(m.from) || (m.to !== null && !shown.has(m.to));
      el.classList.toggle('hidden', m.step > step || off);
    }
    for (const el of laneEls) {
      el.classList.toggle('hidden', !shown.has(Number(el.dataset.proc)));
    }
    const at = events[step - 1];
    stepText.textContent = step + ' / ' + events.length +
      (at ? ' · ' + at.id + ' ' + at.kind : '');
  }

  function setStep(k) {
    step = Math.max(0, Math.min(events.length, k));
    slider.value = String(step);
    applyVisibility();
  }

  /** Moves the selection to the next (d = 1) or previous (d = -1) visible event. */
  function moveSelection(d) {
    const visible = events.filter((e) => {
      const el = eventEl.get(e.n);
      return el && !el.classList.contains('hidden');
    });
    if (visible.length === 0) return;
    let i = visible.findIndex((e) => e.n === selected);
    if (i < 0) i = d > 0 ? -1 : visible.length;
    const next = visible[Math.max(0, Math.min(visible.length - 1, i + d))];
    select(next.n);
    const el = eventEl.get(next.n);
    if (el && el.scrollIntoView) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  function row(dl, term, desc) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = desc;
    dl.append(dt, dd);
  }

  function showTip(e, x, y) {
    tip.textContent = '';
    const head = document.createElement('div');
    head.className = 'head';
    head.textContent = e.id + ' ' + e.kind;
    const dl = document.createElement('dl');
    row(dl, 'process', procLabel(e.proc));
    if (e.lamport === null) {
      row(dl, 'clocks', 'none (a network event)');
    } else {
      row(dl, 'Lamport', String(e.lamport));
      row(dl, 'vector clock', e.vc);
    }
    if (e.msg) row(dl, 'message', e.msg);
    if (e.detail) row(dl, e.kind === 'send' || e.kind === 'receive' ? 'term' : 'detail', e.detail);
    row(dl, 'time', e.time + ' ms');
    tip.append(head, dl);
    tip.hidden = false;
    placeTip(x, y);
  }

  function placeTip(x, y) {
    const w = tip.offsetWidth;
    const h = tip.offsetHeight;
    const left = x + 16 + w > window.innerWidth ? Math.max(4, x - 16 - w) : x + 16;
    const top = y + 16 + h > window.innerHeight ? Math.max(4, y - 16 - h) : y + 16;
    tip.style.left = left + 'px';
    tip.style.top = top + 'px';
  }

  const eventOf = (target) => {
    const g = target instanceof Element ? target.closest('.ev') : null;
    return g && svg.contains(g) ? byN.get(Number(g.id.slice(1))) : undefined;
  };

  svg.addEventListener('mouseover', (ev) => {
    const e = eventOf(ev.target);
    if (e) showTip(e, ev.clientX, ev.clientY);
    else tip.hidden = true;
  });
  svg.addEventListener('mousemove', (ev) => {
    if (!tip.hidden) placeTip(ev.clientX, ev.clientY);
  });
  svg.addEventListener('mouseleave', () => {
    tip.hidden = true;
  });
  svg.addEventListener('click', (ev) => {
    const e = eventOf(ev.target);
    select(e ? e.n : null);
  });

  slider.addEventListener('input', () => setStep(Number(slider.value)));

  function stopPlaying() {
    if (player !== null) {
      clearInterval(player);
      player = null;
    }
    playButton.textContent = '▶ Play';
  }

  playButton.addEventListener('click', () => {
    if (player !== null) {
      stopPlaying();
      return;
    }
    if (step >= events.length) setStep(0);
    playButton.textContent = '❚❚ Pause';
    player = setInterval(() => {
      setStep(step + 1);
      if (step >= events.length) stopPlaying();
    }, 450);
  });

  for (const box of document.querySelectorAll('#procs input[type=checkbox]')) {
    box.addEventListener('change', () => {
      const pid = Number(box.dataset.proc);
      if (box.checked) shown.add(pid);
      else shown.delete(pid);
      applyVisibility();
    });
  }

  document.addEventListener('keydown', (ev) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (ev.key === 'Escape') {
      select(null);
      tip.hidden = true;
      ev.preventDefault();
      return;
    }
    if (ev.key !== 'ArrowLeft' && ev.key !== 'ArrowRight') return;
    // The slider moves itself when it has the focus.
    if (ev.target === slider) return;
    const d = ev.key === 'ArrowRight' ? 1 : -1;
    stopPlaying();
    if (selected !== null) moveSelection(d);
    else setStep(step + d);
    ev.preventDefault();
  });

  // Theme: the reader's preference until they choose with the button.
  const dark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  let chosen = false;
  function setTheme(theme) {
    document.documentElement.dataset.theme = theme;
    themeButton.textContent = theme === 'dark' ? 'Light theme' : 'Dark theme';
    themeButton.setAttribute('aria-pressed', String(theme === 'dark'));
  }
  setTheme(dark && dark.matches ? 'dark' : 'light');
  if (dark && dark.addEventListener) {
    dark.addEventListener('change', (ev) => {
      if (!chosen) setTheme(ev.matches ? 'dark' : 'light');
    });
  }
  themeButton.addEventListener('click', () => {
    chosen = true;
    setTheme(document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark');
  });

  applyVisibility();
})();
