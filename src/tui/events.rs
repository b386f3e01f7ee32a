//! Where the reader's events come from: the terminal, read on a thread of
//! its own (reading blocks), and the background loader. Both go into one
//! channel, so the loop sleeps until either has something: no polling.

use std::io;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Instant;

use ratatui::crossterm::event;

use super::feed::Feed;

#[derive(Debug)]
pub enum Event {
    Terminal(event::Event),
    Feed(Feed),
    /// Reading the terminal failed; the reader cannot go on.
    InputFailed(io::Error),
    /// A signal came (see [`super::signals`]); the loop asks what it wants.
    Signal,
}

/// The receiving end: what the event loop waits on.
#[derive(Debug)]
pub struct Inbox {
    tx: Sender<Event>,
    rx: Receiver<Event>,
    listening: bool,
}

/// The sending end for the background loader. Sending fails once the
/// reader has quit, so the loader can stop.
#[derive(Debug, Clone)]
pub struct Feeder {
    tx: Sender<Event>,
}

impl Feeder {
    /// Sends `feed`; false when nobody listens any more.
    pub fn send(&self, feed: Feed) -> bool {
        self.tx.send(Event::Feed(feed)).is_ok()
    }
}

impl Default for Inbox {
    fn default() -> Self {
        Inbox::new()
    }
}

impl Inbox {
    pub fn new() -> Self {
        let (tx, rx) = mpsc::channel();
        Inbox {
            tx,
            rx,
            listening: false,
        }
    }

    pub fn feeder(&self) -> Feeder {
        Feeder {
            tx: self.tx.clone(),
        }
    }

    /// What the signal thread calls to wake the loop.
    pub fn waker(&self) -> impl Fn() + Send + 'static {
        let tx = self.tx.clone();
        move || {
            let _ = tx.send(Event::Signal);
        }
    }

    /// Starts reading terminal events into the inbox (once). The thread
    /// blocks in `read` and ends when the inbox is gone or input fails; at
    /// exit it is simply left behind.
    pub fn listen_to_terminal(&mut self) -> io::Result<()> {
        if self.listening {
            return Ok(());
        }
        let tx = self.tx.clone();
        thread::Builder::new()
            .name("whosaid-input".into())
            .spawn(move || {
                loop {
                    let sent = match event::read() {
                        Ok(event) => tx.send(Event::Terminal(event)),
                        Err(error) => {
                            let _ = tx.send(Event::InputFailed(error));
                            return;
                        }
                    };
                    if sent.is_err() {
                        return;
                    }
                }
            })?;
        self.listening = true;
        Ok(())
    }

    /// The next event, waiting for it until `deadline` (forever with `None`);
    /// `None` when the deadline passed first.
    pub fn wait(&self, deadline: Option<Instant>) -> Option<Event> {
        match deadline {
            None => self.rx.recv().ok(),
            Some(deadline) => {
                let wait = deadline.saturating_duration_since(Instant::now());
                self.rx.recv_timeout(wait).ok()
            }
        }
    }

    /// An event already waiting, if any.
    pub fn try_next(&self) -> Option<Event> {
        self.rx.try_recv().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn the_loader_s_messages_wake_the_waiting_loop() {
        let inbox = Inbox::new();
        let feeder = inbox.feeder();
        let sender = thread::spawn(move || {
            thread::sleep(Duration::from_millis(20));
            feeder.send(Feed::Done)
        });
        // No deadline: this blocks until the message comes.
        assert!(matches!(inbox.wait(None), Some(Event::Feed(Feed::Done))));
        assert!(sender.join().unwrap());
        let soon = Instant::now() + Duration::from_millis(10);
        assert!(
            inbox.wait(Some(soon)).is_none(),
            "the deadline ends the wait"
        );
        assert!(inbox.try_next().is_none());
    }
}
