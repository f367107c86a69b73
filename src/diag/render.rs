//! Renders diagnostics as text with ariadne: colour and Unicode for a
//! terminal, plain ASCII for pipes, tests and `NO_COLOR`. The only place
//! in pidlab that knows ariadne.

use super::{Diagnostic, Severity};
use ariadne::{CharSet, Config, IndexType, Label, Report, ReportKind, Source};

/// How output for people should look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    /// Box drawing and other Unicode marks (on a terminal, even under
    /// `NO_COLOR`); ASCII when piped.
    pub unicode: bool,
}

impl Style {
    pub const PLAIN: Style = Style {
        color: false,
        unicode: false,
    };

    /// Colour when `stream` is a terminal and `NO_COLOR` is unset.
    pub fn for_stream(is_terminal: bool) -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            color: is_terminal && !no_color,
            unicode: is_terminal,
        }
    }
}

fn clamp(src: &str, lo: usize, hi: usize) -> std::ops::Range<usize> {
    let len = src.len();
    let lo = lo.min(len);
    let hi = hi.clamp(lo, len);
    lo..hi
}

/// Renders one diagnostic about `src` (named `name` in the report).
pub fn render(d: &Diagnostic, name: &str, src: &str, style: Style) -> String {
    let kind = match d.severity {
        Severity::Error => ReportKind::Error,
        Severity::Warning => ReportKind::Warning,
    };
    let config = Config::default()
        .with_color(style.color)
        .with_index_type(IndexType::Byte)
        .with_char_set(if style.color {
            CharSet::Unicode
        } else {
            CharSet::Ascii
        });
    let Some(span) = d.span else {
        return render_bare(d, style);
    };
    let range = clamp(src, span.lo, span.hi);
    let mut report = Report::build(kind, (name, range.clone()))
        .with_config(config)
        .with_message(&d.message);
    let mut primary = Label::new((name, range));
    if let Some(l) = &d.label {
        primary = primary.with_message(l);
    }
    if style.color {
        primary = primary.with_color(ariadne::Color::Red);
    }
    report = report.with_label(primary.with_order(0));
    for (i, l) in d.extra.iter().enumerate() {
        let mut label =
            Label::new((name, clamp(src, l.span.lo, l.span.hi))).with_message(&l.message);
        if style.color {
            label = label.with_color(ariadne::Color::Cyan);
        }
        report = report.with_label(label.with_order(i as i32 + 1));
    }
    for n in &d.notes {
        report = report.with_note(n);
    }
    if let Some(h) = &d.help {
        report = report.with_help(h);
    }
    let mut out = Vec::new();
    match report.finish().write((name, Source::from(src)), &mut out) {
        Ok(()) => String::from_utf8_lossy(&out).into_owned(),
        Err(_) => render_bare(d, style),
    }
}

/// A diagnostic with no source text to point into.
pub fn render_bare(d: &Diagnostic, style: Style) -> String {
    use colored::Colorize;
    let head = match d.severity {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
    };
    let head = if style.color {
        match d.severity {
            Severity::Error => head.red().bold().to_string(),
            Severity::Warning => head.yellow().bold().to_string(),
        }
    } else {
        head.to_string()
    };
    let mut s = format!("{head}: {}\n", d.message);
    for n in &d.notes {
        s.push_str(&format!("  note: {n}\n"));
    }
    if let Some(h) = &d.help {
        s.push_str(&format!("  help: {h}\n"));
    }
    s
}

/// Renders several diagnostics in order.
pub fn render_all(ds: &[Diagnostic], name: &str, src: &str, style: Style) -> String {
    ds.iter().map(|d| render(d, name, src, style)).collect()
}
