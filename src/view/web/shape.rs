//! SVG primitives for the diagram: the light palette, escaping, numbers
//! written one way, arrowheads, diamonds, crosses and label placement.
//! They know nothing of traces. Every coordinate goes through `num`, so
//! the same drawing always gives the same bytes.

/// The light palette the SVG carries; the page's CSS restyles it by class.
pub(super) mod colour {
    pub const BG: &str = "#ffffff";
    pub const FG: &str = "#1e293b";
    pub const MUTED: &str = "#64748b";
    pub const LANE: &str = "#cbd5e1";
    pub const MSG: &str = "#475569";
    pub const DOT: &str = "#334155";
    pub const NET: &str = "#94a3b8";
    pub const SPAWN: &str = "#7c3aed";
    pub const EMIT: &str = "#d97706";
    pub const EXIT: &str = "#0f172a";
    pub const SIGNAL: &str = "#b45309";
    pub const CRASH: &str = "#dc2626";
    pub const RECOVER: &str = "#16a34a";
    pub const COPY: &str = "#0891b2";
    pub const FAULT: &str = "#c026d3";
}

/// Escapes text for XML and HTML, in element content and attributes.
pub(super) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A coordinate, written the same way every time: at most one decimal.
pub(super) fn num(v: f64) -> String {
    // Adding 0.0 turns a negative zero into zero.
    let r = (v * 10.0).round() / 10.0 + 0.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

pub(super) fn text_attrs(size: f64, fill: &str) -> String {
    format!(r#"font-size="{}" fill="{fill}""#, num(size))
}

/// Text that stays readable over lines: a stroke of the background behind it.
pub(super) const HALO_TEXT: &str =
    r##"stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke""##;

/// An arrowhead with its tip at `(x, y)`, pointing along `(dx, dy)`.
pub(super) fn arrowhead(x: f64, y: f64, dx: f64, dy: f64, fill: &str) -> String {
    let len = (dx * dx + dy * dy).sqrt().max(1e-9);
    let (ux, uy) = (dx / len, dy / len);
    let (bx, by) = (x - 9.0 * ux, y - 9.0 * uy);
    let (px, py) = (-uy * 4.0, ux * 4.0);
    format!(
        r#"<path class="head" d="M{} {} L{} {} L{} {} Z" fill="{fill}"/>"#,
        num(x),
        num(y),
        num(bx + px),
        num(by + py),
        num(bx - px),
        num(by - py)
    )
}

/// Where a label goes: its anchor point, alignment and turn.
pub(super) struct Place {
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) anchor: &'static str,
    /// A `transform` attribute, or nothing.
    pub(super) rotate: String,
}

impl Place {
    pub(super) fn flat(x: f64, y: f64, anchor: &'static str) -> Place {
        Place {
            x,
            y,
            anchor,
            rotate: String::new(),
        }
    }

    /// Centred on a point of a line going `(dx, dy)`, turned to run along
    /// it, never upside down, and lifted just off it.
    pub(super) fn along(x: f64, y: f64, dx: f64, dy: f64) -> Place {
        let len = (dx * dx + dy * dy).sqrt().max(1e-9);
        let (mut nx, mut ny) = (dy / len, -dx / len);
        if ny > 0.0 {
            (nx, ny) = (-nx, -ny);
        }
        let (px, py) = (x + 3.0 * nx, y + 3.0 * ny);
        let mut angle = dy.atan2(dx).to_degrees();
        if dx < 0.0 {
            angle += 180.0;
        }
        if angle > 180.0 {
            angle -= 360.0;
        }
        Place {
            x: px,
            y: py,
            anchor: "middle",
            rotate: format!(
                r#" transform="rotate({} {} {})""#,
                num(angle),
                num(px),
                num(py)
            ),
        }
    }
}

/// A diamond around `(x, y)`, its corners `r` from the centre.
pub(super) fn diamond(class: &str, x: f64, y: f64, r: f64, attrs: &str) -> String {
    format!(
        r#"<polygon class="{class}" points="{},{} {},{} {},{} {},{}" {attrs}/>"#,
        num(x),
        num(y - r),
        num(x + r),
        num(y),
        num(x),
        num(y + r),
        num(x - r),
        num(y)
    )
}

/// A red cross centred on `(x, y)`, its arms reaching `r` each way.
pub(super) fn cross(x: f64, y: f64, r: f64) -> String {
    let (a, b, c, d) = (num(x - r), num(x + r), num(y - r), num(y + r));
    format!(
        r#"<path class="dot cross" d="M{a} {c} L{b} {d} M{a} {d} L{b} {c}" stroke="{}" stroke-width="3" stroke-linecap="round"/>"#,
        colour::CRASH
    )
}
