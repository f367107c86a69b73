//! Exports of a trace to the formats teachers already use.
