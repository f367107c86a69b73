fn main() {
    lalrpop::Configuration::new()
        .set_in_dir("grammar")
        .set_out_dir(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .process()
        .expect("the grammar in grammar/ compiles");
    println!("cargo:rerun-if-changed=grammar");
    // The lessons and exercises are built into the binary (include_dir):
    // a change there must rebuild it.
    println!("cargo:rerun-if-changed=lessons");
    println!(
        "cargo:rustc-env=PIDLAB_LESSONS_STAMP={}",
        stamp(std::path::Path::new("lessons"))
    );
}

/// The latest modification time under `dir` (seconds), so that the
/// environment the crate is compiled with changes when a lesson does.
fn stamp(dir: &std::path::Path) -> u64 {
    let mut latest = 0;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    for e in entries.flatten() {
        let p = e.path();
        let t = if p.is_dir() {
            stamp(&p)
        } else {
            e.metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_secs())
        };
        latest = latest.max(t);
    }
    latest
}
