//! A small HTTP/1.1 server for tests, on 127.0.0.1 only: canned answers
//! by path, each connection on a thread of its own and closed after one
//! answer. Used by the CLI tests and, included by path, by the fetch
//! module's unit tests.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// What the server answers on one path.
#[derive(Debug, Clone)]
pub enum Reply {
    Full {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// Waits, then answers.
    Slow(Duration, Box<Reply>),
    /// 200 with this content type and no length, `bytes` long, streamed
    /// until they are sent or the client stops reading.
    Endless { content_type: String, bytes: u64 },
    /// 304 to a request whose `If-None-Match` is this ETag; otherwise 200
    /// with the body and the ETag.
    Conditional { etag: String, body: Vec<u8> },
}

impl Reply {
    /// A UTF-8 web page.
    pub fn page(html: &str) -> Reply {
        Reply::typed(200, "text/html; charset=utf-8", html.as_bytes().to_vec())
    }

    pub fn typed(status: u16, content_type: &str, body: Vec<u8>) -> Reply {
        Reply::Full {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body,
        }
    }

    pub fn redirect(location: &str) -> Reply {
        Reply::Full {
            status: 302,
            headers: vec![("Location".into(), location.into())],
            body: Vec::new(),
        }
    }

    pub fn status(status: u16) -> Reply {
        Reply::typed(status, "text/html", format!("<p>{status}</p>").into_bytes())
    }

    /// This reply with one more header.
    pub fn with_header(self, name: &str, value: &str) -> Reply {
        match self {
            Reply::Full {
                status,
                mut headers,
                body,
            } => {
                headers.push((name.into(), value.into()));
                Reply::Full {
                    status,
                    headers,
                    body,
                }
            }
            other => other,
        }
    }
}

/// One request the server received: its path and headers (names lowercased).
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    pub headers: HashMap<String, String>,
}

/// The server; it stops when dropped.
pub struct Server {
    addr: SocketAddr,
    routes: Routes,
    requests: Arc<Mutex<Vec<Request>>>,
    streamed: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
}

/// Replies by path; a test may change one while the server runs.
type Routes = Arc<Mutex<HashMap<String, Reply>>>;

impl Server {
    pub fn start(routes: Vec<(&str, Reply)>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a port on 127.0.0.1");
        let addr = listener.local_addr().expect("the port bound");
        let routes: Routes = Arc::new(Mutex::new(
            routes
                .into_iter()
                .map(|(path, reply)| (path.to_string(), reply))
                .collect(),
        ));
        let served = routes.clone();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let streamed = Arc::new(AtomicU64::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (seen, sent, stopping) = (requests.clone(), streamed.clone(), stop.clone());
        thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (routes, seen, sent) = (served.clone(), seen.clone(), sent.clone());
                thread::spawn(move || serve(stream, &routes, &seen, &sent));
            }
        });
        Server {
            addr,
            routes,
            requests,
            streamed,
            stop,
        }
    }

    /// Answers `path` with `reply` from now on.
    pub fn route(&self, path: &str, reply: Reply) {
        self.routes
            .lock()
            .expect("routes")
            .insert(path.to_string(), reply);
    }

    /// The address of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().expect("requests").clone()
    }

    /// Bytes of [`Reply::Endless`] bodies written so far.
    pub fn streamed(&self) -> u64 {
        self.streamed.load(Ordering::SeqCst)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accepting thread so it sees the flag.
        let _ = TcpStream::connect(self.addr);
    }
}

fn serve(
    stream: TcpStream,
    routes: &Mutex<HashMap<String, Reply>>,
    seen: &Mutex<Vec<Request>>,
    sent: &AtomicU64,
) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let Ok(reader) = stream.try_clone() else {
        return;
    };
    let mut lines = BufReader::new(reader);
    let mut first = String::new();
    if lines.read_line(&mut first).is_err() {
        return;
    }
    let path = first.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut line = String::new();
        match lines.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line.trim().is_empty() => break,
            Ok(_) => {
                if let Some((name, value)) = line.split_once(':') {
                    headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
                }
            }
        }
    }
    let request = Request { path, headers };
    seen.lock().expect("requests").push(request.clone());
    let reply = routes
        .lock()
        .expect("routes")
        .get(&request.path)
        .cloned()
        .unwrap_or_else(|| Reply::status(404));
    answer(stream, reply, &request, sent);
}

fn answer(mut stream: TcpStream, reply: Reply, request: &Request, sent: &AtomicU64) {
    match reply {
        Reply::Full {
            status,
            headers,
            body,
        } => {
            let mut head = format!(
                "HTTP/1.1 {status} {}\r\nConnection: close\r\nContent-Length: {}\r\n",
                reason(status),
                body.len()
            );
            for (name, value) in headers {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
            head.push_str("\r\n");
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
        Reply::Slow(wait, then) => {
            thread::sleep(wait);
            answer(stream, *then, request, sent);
        }
        Reply::Endless {
            content_type,
            bytes,
        } => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: {content_type}\r\n\r\n"
            );
            if stream.write_all(head.as_bytes()).is_err() {
                return;
            }
            let chunk = vec![b'a'; 64 << 10];
            let mut written = 0u64;
            while written < bytes {
                if stream.write_all(&chunk).is_err() {
                    return;
                }
                written += chunk.len() as u64;
                sent.fetch_add(chunk.len() as u64, Ordering::SeqCst);
            }
        }
        Reply::Conditional { etag, body } => {
            let fresh = request.headers.get("if-none-match") == Some(&etag);
            let reply = if fresh {
                Reply::Full {
                    status: 304,
                    headers: vec![("ETag".into(), etag)],
                    body: Vec::new(),
                }
            } else {
                Reply::typed(200, "text/html; charset=utf-8", body)
                    .with_header("ETag", &etag)
                    .with_header("Last-Modified", "Tue, 01 Dec 2026 08:00:00 GMT")
            };
            answer(stream, reply, request, sent);
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    }
}
