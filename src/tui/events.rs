//! Where the reader's events come from: the terminal, read on a thread of
//! its own (reading blocks), and the background loader. Both go into one
//! channel, so the loop sleeps until either has something: no polling.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

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
    /// Events taken before the reader started (see [`Inbox::first_story`]),
    /// handed out before the channel's.
    held: RefCell<VecDeque<Event>>,
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
            held: RefCell::default(),
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

    /// Waits until the loader has found a story, or has ended without one.
    /// With a story, returns `None` and keeps what came meanwhile for the
    /// reader; without, returns the loader's messages (its problems), so
    /// they can be printed where the user is instead of behind an empty
    /// reader. A loader that dies without saying so counts as ended.
    pub fn first_story(&self, loader: &JoinHandle<()>) -> Option<Vec<Feed>> {
        self.first_story_within(loader, None)
    }

    /// [`Inbox::first_story`], waiting no longer than `patience` (with
    /// `Some`): then `None`, as if a story had come, so the reader opens
    /// and shows that it is still reading (a web page may take seconds).
    pub fn first_story_within(
        &self,
        loader: &JoinHandle<()>,
        patience: Option<Duration>,
    ) -> Option<Vec<Feed>> {
        let deadline = patience.map(|p| Instant::now() + p);
        let mut held = self.held.borrow_mut();
        loop {
            if deadline.is_some_and(|d| Instant::now() >= d) {
                return None;
            }
            let event = match self.rx.recv_timeout(Duration::from_millis(50)) {
                Ok(event) => event,
                Err(RecvTimeoutError::Timeout) if !loader.is_finished() => continue,
                // Ended: whatever it sent is already in the channel.
                Err(_) => match self.rx.try_recv() {
                    Ok(event) => event,
                    Err(_) => break,
                },
            };
            let found = match &event {
                Event::Feed(Feed::Found(stories)) => !stories.is_empty(),
                Event::Feed(Feed::Done) => break,
                _ => false,
            };
            held.push_back(event);
            if found {
                return None;
            }
        }
        let feeds = held.drain(..).filter_map(|event| match event {
            Event::Feed(feed) => Some(feed),
            _ => None,
        });
        Some(feeds.collect())
    }

    /// The next event, waiting for it until `deadline` (forever with `None`);
    /// `None` when the deadline passed first.
    pub fn wait(&self, deadline: Option<Instant>) -> Option<Event> {
        if let Some(event) = self.held.borrow_mut().pop_front() {
            return Some(event);
        }
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
        if let Some(event) = self.held.borrow_mut().pop_front() {
            return Some(event);
        }
        self.rx.try_recv().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Meta;

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

    #[test]
    fn the_reader_waits_for_a_story_and_gets_everything_sent_before_it() {
        let inbox = Inbox::new();
        let feeder = inbox.feeder();
        let loader = thread::spawn(move || {
            feeder.send(Feed::Problem("a.txt: no such file".into()));
            feeder.send(Feed::Found(Vec::new()));
            thread::sleep(Duration::from_millis(60));
            feeder.send(Feed::Found(vec![Meta::default()]));
            feeder.send(Feed::Done);
        });
        assert!(inbox.first_story(&loader).is_none(), "a story was found");
        let mut seen = Vec::new();
        while let Some(Event::Feed(feed)) =
            inbox.wait(Some(Instant::now() + Duration::from_secs(5)))
        {
            let done = matches!(feed, Feed::Done);
            seen.push(feed);
            if done {
                break;
            }
        }
        assert!(matches!(
            seen.as_slice(),
            [Feed::Problem(_), Feed::Found(_), Feed::Found(_), Feed::Done]
        ));
    }

    #[test]
    fn a_loader_that_finds_nothing_hands_back_its_problems() {
        let inbox = Inbox::new();
        let feeder = inbox.feeder();
        let loader = thread::spawn(move || {
            feeder.send(Feed::Found(Vec::new()));
            feeder.send(Feed::Problem("a.txt: no such file".into()));
            feeder.send(Feed::Done);
        });
        let feeds = inbox.first_story(&loader).expect("nothing was found");
        assert!(
            feeds
                .iter()
                .any(|f| matches!(f, Feed::Problem(p) if p == "a.txt: no such file"))
        );
        // A loader that dies without a word does not hang the wait.
        let silent = thread::spawn(|| {});
        assert_eq!(inbox.first_story(&silent).map(|f| f.len()), Some(0));
    }

    #[test]
    fn a_slow_loader_is_waited_for_no_longer_than_asked() {
        let inbox = Inbox::new();
        let feeder = inbox.feeder();
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let loader = thread::spawn(move || {
            feeder.send(Feed::Found(Vec::new()));
            let _ = wait.recv();
            feeder.send(Feed::Found(vec![Meta::default()]));
            feeder.send(Feed::Done);
        });
        let started = Instant::now();
        assert!(
            inbox
                .first_story_within(&loader, Some(Duration::from_millis(100)))
                .is_none()
        );
        assert!(started.elapsed() < Duration::from_secs(2));
        release.send(()).unwrap();
        let mut seen = 0;
        while let Some(Event::Feed(feed)) =
            inbox.wait(Some(Instant::now() + Duration::from_secs(5)))
        {
            seen += 1;
            if matches!(feed, Feed::Done) {
                break;
            }
        }
        // What came before the wait ended is kept for the reader.
        assert_eq!(seen, 3);
    }
}
