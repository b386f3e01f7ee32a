//! The terminal side: entering and leaving raw mode and the alternate screen
//! (restored on every exit path, panics included), and the event loop that
//! blocks on input and turns events into actions.

use std::io::{self, Write, stdout};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event, MouseEventKind};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

use super::action::Action;
use super::app::{App, Options, receive, update};
use super::events::{self, Inbox};
use super::keymap::Key;
use super::ui::render;

/// How long a transient message stays.
const MESSAGE_TTL: Duration = Duration::from_secs(4);
/// While stories stream in, the screen is redrawn at most this often;
/// input is drawn at once.
const FEED_FRAME: Duration = Duration::from_millis(50);

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

/// Runs the reader until the user quits, on the stories the loader sends
/// into `inbox`. Returns the final state (where each story was left, the
/// problems the loader met).
pub fn run(mut inbox: Inbox, options: ReaderOptions) -> io::Result<App> {
    let (_guard, mut terminal) = TerminalGuard::enter(options.mouse)?;
    let size = terminal.size()?;
    let mut app = App::loading(options.app, size.width, size.height);
    inbox.listen_to_terminal()?;
    event_loop(&mut terminal, &mut app, &inbox)?;
    Ok(app)
}

fn draw(terminal: &mut DefaultTerminal, app: &App) -> io::Result<()> {
    // Synchronized output: the terminal shows the frame whole, never half drawn.
    execute!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| render(app, frame))?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    terminal.backend_mut().flush()
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, inbox: &Inbox) -> io::Result<()> {
    let mut seen_message = app.message_id;
    let mut message_deadline: Option<Instant> = None;
    // When the next frame is due; `None` when the screen is up to date.
    let mut frame_due = Some(Instant::now());
    let mut last_frame = Instant::now();
    // Stories sent by the loader, not yet taken in.
    let mut feeds = Vec::new();
    loop {
        if frame_due.is_some_and(|due| due <= Instant::now()) {
            if !feeds.is_empty() {
                receive(app, std::mem::take(&mut feeds));
            }
            draw(terminal, app)?;
            frame_due = None;
            last_frame = Instant::now();
        }
        if app.quit {
            return Ok(());
        }
        if app.message_id != seen_message {
            seen_message = app.message_id;
            message_deadline = Some(Instant::now() + MESSAGE_TTL);
        }
        // Idle means idle: block until input, a story, a fading message or a frame due.
        let deadline = match (message_deadline, frame_due) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let Some(first) = inbox.wait(deadline) else {
            if message_deadline.is_some_and(|t| t <= Instant::now()) {
                message_deadline = None;
                update(app, Action::ClearMessage);
                frame_due = Some(Instant::now());
            }
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
                        update(app, action);
                        input = true;
                    }
                }
                events::Event::Feed(feed) => feeds.push(feed),
                events::Event::InputFailed(error) => return Err(error),
            }
            if !app.quit {
                next = inbox.try_next();
            }
        }
        if !feeds.is_empty() {
            let due = last_frame + FEED_FRAME;
            frame_due = Some(frame_due.map_or(due, |d| d.min(due)));
        }
        if input {
            frame_due = Some(Instant::now());
        }
    }
}
