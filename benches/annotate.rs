//! Annotation throughput: the bundled story, and a large story made by
//! repeating it, to show growth is linear.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use whosaid::load::{BUNDLED_STORY, plain};

fn repeated(times: usize) -> String {
    let body = BUNDLED_STORY
        .trim()
        .trim_end_matches("[[nid:726748]]")
        .trim()
        .trim_start_matches("date 2025-12-16 ");
    let mut text = String::with_capacity(body.len() * times + times * 2);
    for _ in 0..times {
        text.push_str(body);
        text.push_str("\n\n");
    }
    text
}

fn annotate(c: &mut Criterion) {
    let mut group = c.benchmark_group("annotate");
    for times in [1usize, 10, 100] {
        let text = repeated(times);
        let article = plain::parse(&text);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("bundled story ×", times),
            &article,
            |b, article| {
                b.iter(|| whosaid::annotate(black_box(article)));
            },
        );
    }
    group.finish();
}

fn load_and_annotate(c: &mut Criterion) {
    let mut group = c.benchmark_group("load+annotate");
    group.throughput(Throughput::Bytes(BUNDLED_STORY.len() as u64));
    group.bench_function("bundled story", |b| {
        b.iter(|| whosaid::annotate(&plain::parse(black_box(BUNDLED_STORY))));
    });
    group.finish();
}

criterion_group!(benches, annotate, load_and_annotate);
criterion_main!(benches);
