//! End to end: `whosaid --feeds` in a real terminal (tmux) with a config
//! that subscribes to a feed on a server on 127.0.0.1: the stories are
//! listed with the feed's name, one opens, and `r` brings a new one.

mod common;

use std::fs;

use common::http::{Reply, Server};
use common::tmux::{SHELL, Tmux};

fn item(title: &str, link: &str, date: &str, speaker: &str) -> String {
    let paragraphs: String = (0..8)
        .map(|n| {
            format!(
                "<p>\"Section {n} of the levee held through the night,\" said {speaker}, who leads \
                 the county's flood crews, as volunteers stacked sandbags along the river road and \
                 the pumps ran until morning.</p>"
            )
        })
        .collect();
    format!(
        "<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>\
         <description>Teaser.</description>\
         <content:encoded><![CDATA[{paragraphs}]]></content:encoded></item>"
    )
}

fn feed(items: &[String]) -> Reply {
    let body = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>\
         <title>River Ledger</title>{}</channel></rss>",
        items.concat()
    );
    Reply::typed(200, "application/rss+xml", body.into_bytes())
}

#[test]
fn subscribed_feeds_are_read_opened_and_refreshed() {
    let Some(tmux) = Tmux::start("feeds", 110, 30, SHELL) else {
        return;
    };
    let first = item(
        "Levee holds on the Arden",
        "https://ledger.example/levee",
        "Tue, 01 Dec 2026 08:00:00 GMT",
        "Tomasz Brenneck",
    );
    let server = Server::start(vec![("/rss", feed(std::slice::from_ref(&first)))]);
    let home = tempfile::tempdir().expect("a temporary directory");
    fs::write(
        home.path().join("config.toml"),
        format!(
            "[[feeds]]\nurl = \"{}\"\nname = \"The Ledger\"\n",
            server.url("/rss")
        ),
    )
    .expect("the config is written");
    let binary = env!("CARGO_BIN_EXE_whosaid");
    tmux.wait_for("the shell", |s| !s.trim().is_empty());
    tmux.type_line(&format!(
        "WHOSAID_CONFIG_DIR='{dir}' WHOSAID_STATE_DIR='{dir}' WHOSAID_DATA_DIR='{dir}' '{binary}' --feeds; echo \"EXITED=$?\"",
        dir = home.path().display()
    ));
    tmux.wait_for("the story listed with the feed's name", |s| {
        s.contains("Levee holds on the Arden") && s.contains("The Ledger")
    });

    tmux.keys(&["Enter"]);
    tmux.wait_for("the story open with its source", |s| {
        s.contains("┌ Sources") && s.contains("Tomasz Brenneck")
    });
    tmux.keys(&["q"]);
    tmux.wait_for("back on the list", |s| !s.contains("┌ Sources"));

    let second = item(
        "Second crest expected",
        "https://ledger.example/crest",
        "Wed, 02 Dec 2026 08:00:00 GMT",
        "Ada Quillfeather",
    );
    server.route("/rss", feed(&[second, first]));
    tmux.keys(&["r"]);
    let screen = tmux.wait_for("the new story after a refresh", |s| {
        s.contains("Second crest expected") && s.contains("Levee holds on the Arden")
    });
    assert_eq!(
        screen.matches("Levee holds on the Arden").count(),
        1,
        "a refresh adds only new stories:\n{screen}"
    );

    tmux.keys(&["q"]);
    tmux.wait_for("the reader to exit", |s| s.contains("EXITED=0"));

    // Offline: the server is gone, and the stories read are still there,
    // from the archive, with the failed fetch told.
    drop(server);
    tmux.type_line("clear");
    tmux.type_line(&format!(
        "WHOSAID_CONFIG_DIR='{dir}' WHOSAID_STATE_DIR='{dir}' WHOSAID_DATA_DIR='{dir}' '{binary}' --feeds; echo \"EXITED=$?\"",
        dir = home.path().display()
    ));
    tmux.wait_for("the stored stories and the failed refresh", |s| {
        s.contains("Second crest expected")
            && s.contains("Levee holds on the Arden")
            && s.contains("could not be read")
    });
    tmux.keys(&["q"]);
    tmux.wait_for("the reader to exit", |s| s.contains("EXITED=1"));
}
