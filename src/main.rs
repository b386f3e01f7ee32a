//! whosaid's entry point: arguments parsed, then the command run (the
//! reader, or `annotate`; both in [`whosaid::cli`]).

use std::process::ExitCode;

use whosaid::cli::{self, Command, EXIT_NOTHING_READ};
use whosaid::settings;

fn main() -> ExitCode {
    cli::sanitise_panic_messages();
    if stdout_at_start::was_closed() {
        cli::complain("whosaid: standard output is closed: nothing could be written");
        return ExitCode::from(EXIT_NOTHING_READ);
    }
    let args = match cli::parse_args() {
        Ok(args) => args,
        Err(status) => return status,
    };
    if args.reader.print_default_config {
        return cli::print(settings::default_config().as_bytes());
    }
    match &args.command {
        Some(Command::Annotate(annotate)) => cli::run_annotate(annotate),
        Some(Command::Feed(feed)) => cli::run_feed(feed),
        Some(Command::Archive(archive)) => cli::run_archive(archive),
        Some(Command::Search(search)) => cli::run_search(search),
        None => cli::run_reader(&args),
    }
}

/// Whether standard output was closed when whosaid started (`>&-`). Before
/// `main`, the standard library reopens a closed descriptor 0, 1 or 2 on
/// `/dev/null`, where every write "succeeds": output would vanish with exit
/// status 0. So a constructor, which runs before the standard library's
/// start-up code, looks at descriptor 1 as the shell left it.
mod stdout_at_start {
    use std::sync::atomic::{AtomicBool, Ordering};

    static CLOSED: AtomicBool = AtomicBool::new(false);

    pub fn was_closed() -> bool {
        CLOSED.load(Ordering::Relaxed)
    }

    #[cfg(unix)]
    extern "C" fn look() {
        // SAFETY: F_GETFD only reads the descriptor's flags; it touches no
        // memory, and is safe to call before the Rust runtime is set up.
        let closed = unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) } == -1
            && std::io::Error::last_os_error().raw_os_error() == Some(libc::EBADF);
        CLOSED.store(closed, Ordering::Relaxed);
    }

    // SAFETY: a pointer to a function taking and returning nothing, which is
    // what the loader calls the entries of these sections with.
    #[cfg(all(unix, not(target_vendor = "apple")))]
    #[used]
    #[unsafe(link_section = ".init_array")]
    static LOOK: extern "C" fn() = look;

    #[cfg(target_vendor = "apple")]
    #[used]
    #[unsafe(link_section = "__DATA,__mod_init_func")]
    static LOOK: extern "C" fn() = look;
}
