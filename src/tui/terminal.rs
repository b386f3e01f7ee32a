//! The terminal side: entering and leaving raw mode and the alternate screen
//! (restored on every exit path: quit, error, panic, and the signals in
//! [`super::signals`]), suspending on Ctrl-z, and the event loop that blocks
//! on input and turns events into actions.

use std::io::{self, Write, stdout};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

use crate::model::Document;

use super::action::Action;
use super::app::{App, Options, update};
use super::keymap::Key;
use super::signals::{self, Request, SignalWatch};
use super::ui::render;

/// How long a transient message stays.
const MESSAGE_TTL: Duration = Duration::from_secs(4);

/// How the reader talks to the terminal.
#[derive(Debug, Clone, Default)]
pub struct ReaderOptions {
    pub app: Options,
    /// Capture the mouse (wheel scrolling); off keeps the terminal's own selection.
    pub mouse: bool,
}

/// Puts the terminal back as it was: mouse capture off, raw mode off, main
/// screen, cursor shown. Safe to call more than once.
fn restore(mouse: bool) {
    if mouse {
        let _ = execute!(stdout(), DisableMouseCapture);
    }
    let _ = ratatui::try_restore();
    let _ = execute!(stdout(), Show);
}

/// Owns the terminal while the reader runs; dropping it restores the
/// terminal, so an error return restores it as well as a normal one.
struct TerminalGuard {
    mouse: bool,
}

impl TerminalGuard {
    fn enter(mouse: bool) -> io::Result<(Self, DefaultTerminal)> {
        // ratatui's hook restores raw mode and the screen; ours, run first,
        // also turns mouse capture off and shows the cursor before the
        // panic message is printed.
        let terminal = ratatui::try_init().inspect_err(|_| restore(mouse))?;
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore(mouse);
            previous(info);
        }));
        let guard = TerminalGuard { mouse };
        if mouse {
            execute!(stdout(), EnableMouseCapture)?;
        }
        Ok((guard, terminal))
    }

    /// Takes the terminal again after a stop: raw mode, the alternate
    /// screen, mouse capture, and a screen to be drawn whole.
    fn resume(&self, terminal: &mut DefaultTerminal) -> io::Result<()> {
        ratatui::crossterm::terminal::enable_raw_mode()?;
        execute!(
            terminal.backend_mut(),
            ratatui::crossterm::terminal::EnterAlternateScreen
        )?;
        if self.mouse {
            execute!(terminal.backend_mut(), EnableMouseCapture)?;
        }
        terminal.clear()
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
        return app.keymap.action_for(app.contexts(), Key::from_event(key));
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

/// Runs the reader on `documents` until the user quits.
///
/// A SIGTERM, SIGHUP or SIGINT ends it as `q` does; once the terminal is
/// restored the process dies of that signal, as it would have without the reader.
pub fn run(documents: Vec<Document>, options: ReaderOptions) -> io::Result<()> {
    // Watching starts before the terminal changes, so no signal finds it
    // changed and unwatched.
    let signals = SignalWatch::start()?;
    let result = {
        let (guard, mut terminal) = TerminalGuard::enter(options.mouse)?;
        let size = terminal.size()?;
        let mut app = App::new(documents, options.app, size.width, size.height);
        event_loop(&mut terminal, &mut app, &guard, &signals)
        // The guard restores the terminal here, on every path.
    };
    if let Some(Request::Quit(signal)) = signals.take() {
        drop(signals);
        signals::die_of(signal);
    }
    result
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
    guard: &TerminalGuard,
    signals: &SignalWatch,
) -> io::Result<()> {
    let mut seen_message = app.message_id;
    let mut message_deadline: Option<Instant> = None;
    let mut dirty = true;
    // Start crossterm's event reader now, so that from here on a signal's
    // wake-up (a SIGWINCH) is never lost.
    event::poll(Duration::ZERO)?;
    loop {
        if let Some(request) = signals.take() {
            if on_signal(request, terminal, guard)? {
                return Ok(());
            }
            dirty = true;
        }
        if app.suspend {
            app.suspend = false;
            guard.suspend(terminal)?;
            dirty = true;
        }
        if dirty {
            draw(terminal, app)?;
            dirty = false;
        }
        if app.quit {
            return Ok(());
        }
        if app.message_id != seen_message {
            seen_message = app.message_id;
            message_deadline = Some(Instant::now() + MESSAGE_TTL);
        }
        // Work left (a search through a huge story) goes on in steps
        // while no input waits, so keys are never queued behind it.
        if app.busy() && !event::poll(Duration::ZERO)? {
            update(app, Action::SearchMore);
            dirty = true;
            continue;
        }
        // Idle means idle: block until input, or until a message must fade.
        let event = match message_deadline {
            Some(deadline) => {
                let wait = deadline.saturating_duration_since(Instant::now());
                if event::poll(wait)? {
                    Some(event::read()?)
                } else {
                    None
                }
            }
            None => Some(event::read()?),
        };
        let Some(event) = event else {
            message_deadline = None;
            update(app, Action::ClearMessage);
            dirty = true;
            continue;
        };
        if let Some(action) = action_for(app, &event) {
            update(app, action);
            dirty = true;
        }
        // Apply everything already waiting (a burst of wheel events or
        // resizes) before drawing again.
        while !app.quit && event::poll(Duration::ZERO)? {
            if let Some(action) = action_for(app, &event::read()?) {
                update(app, action);
                dirty = true;
            }
        }
    }
}
