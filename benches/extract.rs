//! Web page extraction throughput, in pages per second: the test pages of
//! tests/pages read one after another (parse, score, collect, metadata).
//! For the figure on real pages, see the README (corpus/web, outside the
//! project).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use whosaid::load::html;

fn pages() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pages");
    let mut pages: Vec<String> = std::fs::read_dir(dir)
        .expect("tests/pages is readable")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "html"))
        // Latin-1 test page: read as bytes → lossy; fine for timing.
        .map(|path| String::from_utf8_lossy(&std::fs::read(path).unwrap_or_default()).into_owned())
        .collect();
    pages.sort();
    pages
}

fn extract(c: &mut Criterion) {
    let pages = pages();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.bench_function("tests/pages", |b| {
        b.iter(|| {
            for page in &pages {
                let _ = black_box(html::parse(black_box(page)));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
