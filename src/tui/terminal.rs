//! The terminal side: entering and leaving raw mode and the alternate screen
//! (restored on every exit path: quit, error, panic, and the signals in
//! [`super::signals`]), suspending on Ctrl-z, and the event loop that blocks
//! on input and turns events into actions.

use std::io::{self, Write, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event, MouseEventKind};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

use super::action::Action;
use super::app::{App, Effect, Options, press, receive, update};
use super::events::{self, Inbox};
use super::feed::Feed;
use super::keymap::Key;
use super::outside;
use super::signals::{self, Request, SignalWatch};
use super::ui::render;

/// While stories stream in, the screen is redrawn at most this often;
/// input, the first annotated story and the end of loading (when a lone
/// story opens) are drawn at once.
const FEED_FRAME: Duration = Duration::from_millis(50);

/// How the reader talks to the terminal.
#[derive(Debug, Clone, Default)]
pub struct ReaderOptions {
    pub app: Options,
    /// Capture the mouse (wheel scrolling); off keeps the terminal's own selection.
    pub mouse: bool,
    /// A failure to cause on the first key, for the end-to-end tests.
    pub fault: Option<Fault>,
    /// Whether the panic under way, on the thread calling, will be caught
    /// and reported by whoever runs that code (the background loader), so
    /// the reader keeps the terminal. `None`: every panic ends the reader.
    pub caught_panic: Option<fn() -> bool>,
    /// Where [`super::app::Effect::Refresh`] asks the loader to read the
    /// feeds again; `None` when the stories are not from feeds.
    pub refresh: Option<std::sync::mpsc::Sender<()>>,
}

/// A failure the end-to-end tests cause on the first key, to check that the
/// terminal is restored after a panic or an error as it is after `q`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    Panic,
    Error,
}

impl Fault {
    /// The fault named by `WHOSAID_TEST_FAULT` (`panic` or `error`), read
    /// only by debug builds: a release build never fails on purpose.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Option<Fault> {
        if !cfg!(debug_assertions) {
            return None;
        }
        match var("WHOSAID_TEST_FAULT")?.as_str() {
            "panic" => Some(Fault::Panic),
            "error" => Some(Fault::Error),
            _ => None,
        }
    }

    fn strike(self) -> io::Result<()> {
        match self {
            Fault::Panic => panic!("a panic caused by WHOSAID_TEST_FAULT"),
            Fault::Error => Err(io::Error::other("an error caused by WHOSAID_TEST_FAULT")),
        }
    }
}

type PanicHook = dyn Fn(&std::panic::PanicHookInfo<'_>) + Sync + Send;

/// Whether the reader has the terminal (raw mode, alternate screen).
static TERMINAL_TAKEN: AtomicBool = AtomicBool::new(false);

/// Puts the terminal back as it was: mouse capture off, raw mode off, main
/// screen, cursor shown. Only the first call after taking the terminal
/// does anything: leaving the alternate screen again would move the
/// cursor back to where the reader started, and the shell would then
/// write over what was printed since (a panic's message).
fn restore(mouse: bool) {
    if !TERMINAL_TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    if mouse {
        let _ = execute!(stdout(), DisableMouseCapture);
    }
    let _ = ratatui::try_restore();
    let _ = execute!(stdout(), Show);
}

/// Raw mode, the alternate screen and a terminal to draw on: what
/// `ratatui::init` does, without its panic hook.
fn take_terminal() -> io::Result<DefaultTerminal> {
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(stdout(), ratatui::crossterm::terminal::EnterAlternateScreen)?;
    ratatui::Terminal::new(ratatui::prelude::CrosstermBackend::new(stdout()))
}

/// Owns the terminal while the reader runs; dropping it restores the
/// terminal, so an error return restores it as well as a normal one.
struct TerminalGuard {
    mouse: bool,
}

impl TerminalGuard {
    fn enter(mouse: bool, caught: Option<fn() -> bool>) -> io::Result<(Self, DefaultTerminal)> {
        // One hook, set before the terminal is taken and never swapped
        // while the reader runs: the loader annotates on other threads from
        // the start, and a panic it catches (shown as a problem with that
        // story) must never meet a hook that restores the terminal, or the
        // reader would run on blind. Any other panic restores the terminal
        // (mouse capture off, cursor shown) before its message is printed.
        // So ratatui's own hook-installing `init` is not used.
        let base: Arc<PanicHook> = Arc::from(std::panic::take_hook());
        std::panic::set_hook(Box::new(move |info| {
            if !caught.is_some_and(|caught| caught()) {
                restore(mouse);
            }
            base(info);
        }));
        TERMINAL_TAKEN.store(true, Ordering::SeqCst);
        let terminal = take_terminal().inspect_err(|_| restore(mouse))?;
        let guard = TerminalGuard { mouse };
        if mouse {
            execute!(stdout(), EnableMouseCapture)?;
        }
        Ok((guard, terminal))
    }

    /// Takes the terminal again after a stop: raw mode, the alternate
    /// screen, mouse capture, and a screen to be drawn whole.
    fn resume(&self, terminal: &mut DefaultTerminal) -> io::Result<()> {
        TERMINAL_TAKEN.store(true, Ordering::SeqCst);
        ratatui::crossterm::terminal::enable_raw_mode()?;
        execute!(
            terminal.backend_mut(),
            ratatui::crossterm::terminal::EnterAlternateScreen
        )?;
        if self.mouse {
            execute!(terminal.backend_mut(), EnableMouseCapture)?;
        }
        execute!(
            terminal.backend_mut(),
            ratatui::crossterm::terminal::Clear(ratatui::crossterm::terminal::ClearType::All)
        )?;
        // A blank frame, so the next one is drawn whole. (`Terminal::clear`
        // would ask the terminal where its cursor is, and the reply would go
        // to the input thread, which owns the terminal's input.)
        terminal.draw(|_| {})?;
        Ok(())
    }

    /// Gives the terminal back as it was, stops until `fg`, then takes it
    /// again and redraws everything.
    fn suspend(&self, terminal: &mut DefaultTerminal) -> io::Result<()> {
        restore(self.mouse);
        signals::stop()?;
        self.resume(terminal)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore(self.mouse);
    }
}

/// The action for a terminal event, if any. Only key presses count: some
/// terminals (Windows, kitty's protocol) also report releases and repeats.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    if let Some(key) = event.as_key_press_event() {
        return app
            .settings
            .keymap
            .action_for(app.contexts(), Key::from_event(key));
    }
    if let Some((width, height)) = event.as_resize_event() {
        return Some(Action::Resize(width, height));
    }
    if let Some(mouse) = event.as_mouse_event()
        && app.overlay.is_none()
    {
        return match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::ScrollDown),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp),
            _ => None,
        };
    }
    None
}

/// Runs the reader until the user quits, on the stories the loader sends
/// into `inbox`. Returns the final state (where each story was left, the
/// problems the loader met).
///
/// A SIGTERM, SIGHUP or SIGINT ends it as `q` does, with the terminal
/// restored; the signal is in [`App::ended_by`], for the caller to die of
/// once it has saved what it keeps ([`signals::die_of`]).
pub fn run(mut inbox: Inbox, options: ReaderOptions) -> io::Result<App> {
    // Watching starts before the terminal changes, so no signal finds it
    // changed and unwatched. A signal wakes the loop through the inbox.
    let signals = SignalWatch::start(inbox.waker())?;
    let mut app = {
        let (guard, mut terminal) = TerminalGuard::enter(options.mouse, options.caught_panic)?;
        let size = terminal.size()?;
        let mut app = App::loading(options.app, size.width, size.height);
        inbox.listen_to_terminal()?;
        event_loop(
            &mut terminal,
            &mut app,
            &inbox,
            &guard,
            &signals,
            options.fault,
            options.refresh.as_ref(),
        )?;
        app
        // The guard restores the terminal here, on every path.
    };
    if let Some(Request::Quit(signal)) = signals.take() {
        app.control.ended_by = Some(signal);
        // Ended as `q` ends it: the open story's place is kept, for the
        // caller to save before it dies of the signal.
        app.remember_position();
    }
    Ok(app)
}

fn draw(terminal: &mut DefaultTerminal, app: &App) -> io::Result<()> {
    // Synchronized output: the terminal shows the frame whole, never half drawn.
    execute!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| render(app, frame))?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    terminal.backend_mut().flush()
}

/// Acts on what a signal asked for; true when the reader must end.
fn on_signal(
    request: Request,
    terminal: &mut DefaultTerminal,
    guard: &TerminalGuard,
) -> io::Result<bool> {
    match request {
        Request::Quit(_) => return Ok(true),
        Request::Suspend => guard.suspend(terminal)?,
        Request::Redraw => guard.resume(terminal)?,
    }
    Ok(false)
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    inbox: &Inbox,
    guard: &TerminalGuard,
    signals: &SignalWatch,
    fault: Option<Fault>,
    refresh: Option<&std::sync::mpsc::Sender<()>>,
) -> io::Result<()> {
    // When the next frame is due; `None` when the screen is up to date.
    let mut frame_due = Some(Instant::now());
    let mut last_frame = Instant::now();
    // Stories sent by the loader, not yet taken in.
    let mut feeds = Vec::new();
    // Until the first annotated story comes: it is drawn at once, not held
    // back by FEED_FRAME (later batches are coalesced).
    let mut awaiting_story = true;
    loop {
        if let Some(request) = signals.take() {
            if on_signal(request, terminal, guard)? {
                return Ok(());
            }
            frame_due = Some(Instant::now());
        }
        if app.control.suspend {
            app.control.suspend = false;
            guard.suspend(terminal)?;
            frame_due = Some(Instant::now());
        }
        if frame_due.is_some_and(|due| due <= Instant::now()) {
            if !feeds.is_empty() {
                receive(app, std::mem::take(&mut feeds));
            }
            draw(terminal, app)?;
            frame_due = None;
            last_frame = Instant::now();
        }
        if app.control.quit {
            return Ok(());
        }
        // Idle means idle: block until input, a story or a frame due.
        let deadline = frame_due;
        // Work left (a search through a huge story) goes on in steps
        // while nothing waits, so keys are never queued behind it.
        let next = if app.busy() {
            let next = inbox.try_next();
            if next.is_none() {
                update(app, Action::SearchMore);
                frame_due = Some(Instant::now());
                continue;
            }
            next
        } else {
            inbox.wait(deadline)
        };
        let Some(first) = next else {
            continue;
        };
        // Apply everything already waiting (a burst of wheel events or
        // resizes) before drawing again. Stories are taken in once a frame,
        // not as each batch comes: sorting the list is linear in the library.
        let mut input = false;
        let mut next = Some(first);
        while let Some(event) = next.take() {
            match event {
                events::Event::Terminal(event) => {
                    if let Some(action) = action_for(app, &event) {
                        if !feeds.is_empty() {
                            receive(app, std::mem::take(&mut feeds));
                        }
                        if matches!(event, Event::Key(_)) {
                            press(app, action);
                        } else {
                            update(app, action);
                        }
                        input = true;
                    }
                }
                events::Event::Feed(feed) => feeds.push(feed),
                // The request is read at the top of the loop.
                events::Event::Signal => {}
                events::Event::InputFailed(error) => return Err(error),
            }
            if !app.control.quit {
                next = inbox.try_next();
            }
        }
        for effect in std::mem::take(&mut app.control.effects) {
            if effect == Effect::Refresh {
                if let Some(refresh) = refresh {
                    // The loader has ended only if the reader is ending too.
                    let _ = refresh.send(());
                }
                continue;
            }
            if let Err(error) =
                outside::perform(effect, &app.settings.commands, terminal.backend_mut())
            {
                app.tell(error, true);
            }
        }
        if !feeds.is_empty() {
            let story = |f: &Feed| matches!(f, Feed::Ready(ready) if !ready.is_empty());
            let first_story = awaiting_story && feeds.iter().any(story);
            awaiting_story &= !first_story;
            let done = feeds.iter().any(|f| matches!(f, Feed::Done));
            let due = if first_story || done {
                Instant::now()
            } else {
                last_frame + FEED_FRAME
            };
            frame_due = Some(frame_due.map_or(due, |d| d.min(due)));
        }
        if input {
            if let Some(fault) = fault {
                fault.strike()?;
            }
            frame_due = Some(Instant::now());
        }
    }
}
