//! The space-time diagram as an SVG image and as a self-contained web page.
