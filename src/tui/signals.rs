//! Signals while the reader runs. SIGTERM, SIGHUP and SIGINT end it the way
//! `q` does, so the terminal is restored on the same path; SIGTSTP suspends
//! it as Ctrl-z does; SIGCONT (after any stop) asks for a full redraw.
//!
//! A thread blocks on the signals (signal-hook's self-pipe, no polling),
//! records what was asked, and wakes the event loop through its inbox. The
//! loop reads the request with [`SignalWatch::take`].

/// What a signal asks of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    /// End, then die of this signal once the terminal is restored.
    Quit(i32),
    /// Give the terminal back and stop (SIGTSTP).
    Suspend,
    /// The process was continued: take the terminal again and draw everything.
    Redraw,
}

#[cfg(unix)]
mod imp {
    use std::io;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
    use std::thread::JoinHandle;

    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
    use signal_hook::iterator::{Handle, Signals};

    use super::Request;

    #[derive(Default)]
    struct Flags {
        /// The terminating signal received, 0 for none.
        quit: AtomicI32,
        suspend: AtomicBool,
        redraw: AtomicBool,
    }

    pub struct SignalWatch {
        flags: Arc<Flags>,
        handle: Handle,
        thread: Option<JoinHandle<()>>,
    }

    impl SignalWatch {
        /// Starts the thread; `wake` is called after each signal is recorded.
        pub fn start(wake: impl Fn() + Send + 'static) -> io::Result<Self> {
            let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT])?;
            let handle = signals.handle();
            let flags = Arc::new(Flags::default());
            let seen = Arc::clone(&flags);
            let thread = std::thread::Builder::new()
                .name("whosaid-signals".into())
                .spawn(move || {
                    for signal in signals.forever() {
                        match signal {
                            SIGTSTP => seen.suspend.store(true, Ordering::SeqCst),
                            SIGCONT => seen.redraw.store(true, Ordering::SeqCst),
                            other => {
                                let _ = seen.quit.compare_exchange(
                                    0,
                                    other,
                                    Ordering::SeqCst,
                                    Ordering::SeqCst,
                                );
                            }
                        }
                        // The flag is set before the wake, so the loop, which
                        // checks flags before it blocks, never misses one.
                        wake();
                    }
                })?;
            Ok(SignalWatch {
                flags,
                handle,
                thread: Some(thread),
            })
        }

        /// The most pressing request since the last call: quitting first.
        pub fn take(&self) -> Option<Request> {
            let quit = self.flags.quit.load(Ordering::SeqCst);
            if quit != 0 {
                return Some(Request::Quit(quit));
            }
            if self.flags.suspend.swap(false, Ordering::SeqCst) {
                return Some(Request::Suspend);
            }
            if self.flags.redraw.swap(false, Ordering::SeqCst) {
                return Some(Request::Redraw);
            }
            None
        }
    }

    impl Drop for SignalWatch {
        fn drop(&mut self) {
            self.handle.close();
            if let Some(thread) = self.thread.take() {
                let _ = thread.join();
            }
        }
    }

    /// Stops the process until it is continued (`fg`), as Ctrl-z would
    /// outside raw mode.
    pub fn stop() -> io::Result<()> {
        signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)
    }

    /// Ends the process by `signal`'s default action, so the shell sees it
    /// killed by that signal; exits with 128 + the signal if that fails.
    pub fn die_of(signal: i32) -> ! {
        let _ = signal_hook::low_level::emulate_default_handler(signal);
        std::process::exit(128 + signal)
    }
}

#[cfg(not(unix))]
mod imp {
    use std::io;

    use super::Request;

    /// No signals to watch on this platform.
    pub struct SignalWatch;

    impl SignalWatch {
        pub fn start(_wake: impl Fn() + Send + 'static) -> io::Result<Self> {
            Ok(SignalWatch)
        }

        pub fn take(&self) -> Option<Request> {
            None
        }
    }

    pub fn stop() -> io::Result<()> {
        Ok(())
    }

    pub fn die_of(signal: i32) -> ! {
        std::process::exit(128 + signal)
    }
}

pub use imp::{SignalWatch, die_of, stop};
