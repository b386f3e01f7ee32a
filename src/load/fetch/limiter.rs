//! How many requests run at once: a few per host, so whosaid never hammers
//! one site, and a few in all. One [`Limiter`] is shared by every fetch in
//! the process ([`shared`]).

use std::collections::HashMap;
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock, PoisonError};

/// Requests at once to one host.
pub const MAX_PER_HOST: usize = 2;
/// Requests at once in all.
pub const MAX_IN_ALL: usize = 8;

/// Counts the requests running, by host; a request waits for a free place.
#[derive(Debug)]
pub struct Limiter {
    per_host: usize,
    in_all: usize,
    running: Mutex<Running>,
    freed: Condvar,
}

#[derive(Debug, Default)]
struct Running {
    by_host: HashMap<String, usize>,
    total: usize,
}

/// A place taken in a [`Limiter`], given back when dropped.
#[derive(Debug)]
pub struct Permit<'a> {
    limiter: &'a Limiter,
    host: String,
}

/// The limiter every fetch goes through.
pub fn shared() -> &'static Limiter {
    static SHARED: OnceLock<Limiter> = OnceLock::new();
    SHARED.get_or_init(|| Limiter::new(MAX_PER_HOST, MAX_IN_ALL))
}

impl Limiter {
    pub fn new(per_host: usize, in_all: usize) -> Self {
        Limiter {
            per_host: per_host.max(1),
            in_all: in_all.max(1),
            running: Mutex::new(Running::default()),
            freed: Condvar::new(),
        }
    }

    /// Waits until a request to `host` may start, and takes its place.
    pub fn acquire(&self, host: &str) -> Permit<'_> {
        let mut running = self.lock();
        loop {
            let on_host = running.by_host.get(host).copied().unwrap_or(0);
            if on_host < self.per_host && running.total < self.in_all {
                break;
            }
            running = self
                .freed
                .wait(running)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *running.by_host.entry(host.to_string()).or_default() += 1;
        running.total += 1;
        Permit {
            limiter: self,
            host: host.to_string(),
        }
    }

    /// The counts stay right even if a thread panicked holding the lock:
    /// every change to them is made whole before anything can panic.
    fn lock(&self) -> MutexGuard<'_, Running> {
        self.running.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let mut running = self.limiter.lock();
        if let Some(count) = running.by_host.get_mut(&self.host) {
            *count -= 1;
            if *count == 0 {
                running.by_host.remove(&self.host);
            }
        }
        running.total = running.total.saturating_sub(1);
        drop(running);
        // Waiters for different hosts wait on one condition: wake them all.
        self.limiter.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::thread;
    use std::time::Duration;

    #[test]
    fn no_more_than_the_bounds_run_at_once() {
        let limiter = Limiter::new(MAX_PER_HOST, MAX_IN_ALL);
        let hosts = [
            "a.example",
            "b.example",
            "c.example",
            "d.example",
            "e.example",
        ];
        let now_by_host: Vec<AtomicUsize> = hosts.iter().map(|_| AtomicUsize::new(0)).collect();
        let most_by_host: Vec<AtomicUsize> = hosts.iter().map(|_| AtomicUsize::new(0)).collect();
        let (now, most) = (AtomicUsize::new(0), AtomicUsize::new(0));
        thread::scope(|scope| {
            for request in 0..40 {
                let which = request % hosts.len();
                let (limiter, hosts) = (&limiter, &hosts);
                let (now_by_host, most_by_host) = (&now_by_host, &most_by_host);
                let (now, most) = (&now, &most);
                scope.spawn(move || {
                    let _permit = limiter.acquire(hosts[which]);
                    let on_host = now_by_host[which].fetch_add(1, Ordering::SeqCst) + 1;
                    most_by_host[which].fetch_max(on_host, Ordering::SeqCst);
                    let in_all = now.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(in_all, Ordering::SeqCst);
                    thread::sleep(Duration::from_millis(15));
                    now_by_host[which].fetch_sub(1, Ordering::SeqCst);
                    now.fetch_sub(1, Ordering::SeqCst);
                });
            }
        });
        for most_on_host in &most_by_host {
            let most_on_host = most_on_host.load(Ordering::SeqCst);
            assert!((1..=MAX_PER_HOST).contains(&most_on_host), "{most_on_host}");
        }
        let most = most.load(Ordering::SeqCst);
        // 5 hosts × 2 could be 10: the bound in all holds it to 8.
        assert!(most <= MAX_IN_ALL, "{most}");
        assert!(most > MAX_PER_HOST, "hosts ran side by side: {most}");
        assert!(limiter.lock().by_host.is_empty());
        assert_eq!(limiter.lock().total, 0);
    }

    #[test]
    fn a_third_request_to_one_host_waits_for_a_place() {
        let limiter = Limiter::new(2, 8);
        let first = limiter.acquire("example.org");
        let _second = limiter.acquire("example.org");
        let started = AtomicUsize::new(0);
        thread::scope(|scope| {
            let waiter = scope.spawn(|| {
                let _third = limiter.acquire("example.org");
                started.store(1, Ordering::SeqCst);
            });
            // Another host is not held up.
            drop(limiter.acquire("other.example"));
            thread::sleep(Duration::from_millis(50));
            assert_eq!(started.load(Ordering::SeqCst), 0);
            drop(first);
            waiter.join().unwrap();
        });
        assert_eq!(started.load(Ordering::SeqCst), 1);
    }
}
