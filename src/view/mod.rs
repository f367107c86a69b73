//! Views of a trace for people. Reads events only; never changes them.

pub mod diagram;
pub mod event;
pub mod trace;
pub mod export;
pub mod web;
