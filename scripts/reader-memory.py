#!/usr/bin/env python3
"""Peak memory of the reader on a big story, as a multiple of its size.

Builds stories of 1 and 10 MB (and 100 MB with --big) by repeating the
bundled story, in a temporary folder deleted afterwards. Opens the real
reader on each under a pseudo-terminal (100x30, empty settings: HOME and
XDG folders in a temporary directory), waits until the story is shown
(annotation finished), lets it settle, sends q, and reads the peak RSS that
`/usr/bin/time -f %M` reports. Prints the peak, and what the story adds over
a one-sentence story's peak as a multiple of its size. Then the peak RSS of
the reader on the bundled story (no FILE).

Usage: scripts/reader-memory.py [--big] [--binary PATH]
"""

import argparse
import os
import sys
import tempfile
import time

from reader_pty import drain, isolated_env, quit_reader, spawn, wait_for

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STORIES = os.path.join(ROOT, "assets", "stories")
# Words of the bundled story's second paragraph, and of the one sentence:
# drawn once the story is annotated and shown.
STORY_MARKER = b"unprecedented offer"
SENTENCE = "The mayor of Lisbon said the ferry would run.\n"
SENTENCE_MARKER = b"ferry would run"
# What the reader is given after the story shows, before q: a frame or two.
SETTLE = 0.5


def peak_kb(binary, files, marker, timeout):
    """Runs the reader on `files` until `marker` shows, quits; peak RSS in KiB."""
    with tempfile.TemporaryDirectory() as home:
        env = isolated_env(home)
        report = os.path.join(home, "time")
        argv = ["/usr/bin/time", "-f", "%M", "-o", report, binary, *files]
        pid, fd = spawn(argv, env)
        try:
            shown = wait_for(fd, marker, time.perf_counter() + timeout)
            drain(fd, SETTLE)
            quit_reader(pid, fd, 10)
        finally:
            os.close(fd)
        if not shown:
            sys.exit(f"reader-memory: {marker!r} never appeared within {timeout} s")
        with open(report) as f:
            return int(f.read().split()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", action="store_true", help="also 100 MB (about 20 s)")
    parser.add_argument("--binary", default=os.path.join(ROOT, "target/release/whosaid"))
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"reader-memory: no binary at {args.binary} (cargo build --release)")
    story_file = os.path.join(STORIES, sorted(os.listdir(STORIES))[0])
    with open(story_file, encoding="utf-8") as f:
        story = f.read().strip()
    sizes = [1, 10] + ([100] if args.big else [])
    with tempfile.TemporaryDirectory() as work:
        sentence = os.path.join(work, "sentence.txt")
        with open(sentence, "w", encoding="utf-8") as f:
            f.write(SENTENCE)
        base = peak_kb(args.binary, [sentence], SENTENCE_MARKER, 30)
        print(f"one sentence peaks at {base / 1024:.1f} MB")
        print(f"{'size':>6} {'bytes':>11} {'peak_MB':>9} {'added/in':>9}")
        for mb in sizes:
            path = os.path.join(work, f"story-{mb}MB.txt")
            copies = mb * 1_000_000 // (len(story.encode()) + 2) + 1
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n\n".join([story] * copies))
            size = os.path.getsize(path)
            kb = peak_kb(args.binary, [path], STORY_MARKER, 30 + mb * 2)
            os.remove(path)
            added = (kb - base) * 1024 / size
            print(f"{mb:>4}MB {size:>11} {kb / 1024:>9.1f} {added:>9.3f}")
    bundled = peak_kb(args.binary, [], STORY_MARKER, 30)
    print(f"bundled story: peak RSS {bundled / 1024:.1f} MB")


if __name__ == "__main__":
    main()
