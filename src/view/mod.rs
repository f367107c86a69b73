//! Views of a trace for people. Reads events only; never changes them.

pub mod availability;
pub mod diagram;
pub mod event;
pub mod export;
pub mod trace;
pub mod web;

/// Columns of the terminal the user reads: `COLUMNS` when set, else the
/// size of stdout's terminal, else 100 (piped output, tests).
pub fn width() -> usize {
    if let Some(n) = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()) {
        return n;
    }
    console::Term::stdout()
        .size_checked()
        .map_or(100, |(_, w)| usize::from(w))
}

/// The formats a trace can be exported to.
pub const FORMATS: [&str; 6] = ["dot", "mermaid", "shiviz", "json", "html", "svg"];

/// `t` written as `format` (one of `FORMATS`).
pub fn export_as(t: &trace::Trace, format: &str) -> Result<String, String> {
    Ok(match format {
        "dot" => export::dot(t),
        "mermaid" => export::mermaid(t),
        "shiviz" => export::shiviz(t),
        "json" => export::json(t),
        "html" => web::html(t),
        "svg" => web::svg(t),
        _ => {
            return Err(format!(
                "`{format}` is not a format; formats: {}",
                FORMATS.join(", ")
            ))
        }
    })
}
