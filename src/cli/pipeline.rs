//! Work in parallel, output in order, memory bounded: items are taken in
//! batches; while one batch is worked on by the thread pool and its results
//! handed on, the next one is read; results are handed on in input order.

use std::io;
use std::thread;

use rayon::ThreadPool;
use rayon::prelude::*;

/// Runs `work` on every item `next_batch` yields, batch by batch, on `pool`,
/// and hands each result to `emit` in the order of the items. An empty
/// batch ends the run. At most two batches and one batch of results are
/// held at a time. A batch's results are handed on without waiting for the
/// next batch to be read: reading can be slow (a pipe, an over-long line
/// being skipped), and what is done must not wait for it.
pub fn ordered<T, R, W>(
    pool: &ThreadPool,
    mut next_batch: impl FnMut() -> Vec<T> + Send,
    work: W,
    mut emit: impl FnMut(R) -> io::Result<()>,
) -> io::Result<()>
where
    T: Send,
    R: Send,
    W: Fn(T) -> R + Sync + Send,
{
    let mut batch = next_batch();
    while !batch.is_empty() {
        let current = std::mem::take(&mut batch);
        let (emitted, next) = thread::scope(|scope| {
            let reader = scope.spawn(&mut next_batch);
            let results = pool.install(|| current.into_par_iter().map(&work).collect::<Vec<R>>());
            let emitted = results.into_iter().try_for_each(&mut emit);
            let next = reader
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (emitted, next)
        });
        emitted?;
        batch = next;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order_across_batches() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .unwrap();
        let mut items = 0..1000u64;
        let mut seen = Vec::new();
        ordered(
            &pool,
            || items.by_ref().take(37).collect(),
            |n| {
                // Later items finish first, so order cannot come from timing.
                std::thread::sleep(std::time::Duration::from_micros(100 - n % 100));
                n * 2
            },
            |n| {
                seen.push(n);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..1000).map(|n| n * 2).collect::<Vec<_>>());
    }

    #[test]
    fn an_emit_error_stops_the_run() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let mut items = 0..100u32;
        let mut emitted = 0;
        let result = ordered(
            &pool,
            || items.by_ref().take(10).collect(),
            |n| n,
            |_| {
                emitted += 1;
                Err(io::Error::other("closed"))
            },
        );
        assert!(result.is_err());
        assert_eq!(emitted, 1);
    }
}
