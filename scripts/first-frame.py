#!/usr/bin/env python3
"""Time from process start to the reader's first frame showing the story.

Runs the reader under a pseudo-terminal (100x30), with empty settings
(HOME and XDG folders in a temporary directory, so nothing of yours is read
or written), and measures until its output holds MARKER, words of the story's
first paragraph. Then sends q and waits for it to leave.

Usage: scripts/first-frame.py [--runs N] [--binary PATH] [--marker TEXT] [FILE...]
FILE defaults to the bundled story (assets/stories/…). Prints the median, min and
p90 in milliseconds.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time

from reader_pty import isolated_env, quit_reader, spawn, wait_for

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def one_run(binary, files, marker, timeout=5.0):
    with tempfile.TemporaryDirectory() as home:
        env = isolated_env(home)
        start = time.perf_counter()
        pid, fd = spawn([binary, *files], env)
        elapsed = None
        try:
            if wait_for(fd, marker, start + timeout):
                elapsed = (time.perf_counter() - start) * 1000
            quit_reader(pid, fd, 2)
        finally:
            os.close(fd)
        return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--binary", default=os.path.join(ROOT, "target/release/whosaid"))
    parser.add_argument("--marker", default="unprecedented offer")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    if not args.files:
        stories = os.path.join(ROOT, "assets", "stories")
        args.files = [os.path.join(stories, name) for name in sorted(os.listdir(stories))]
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"first-frame: no binary at {args.binary} (cargo build --release)")
    times = []
    for _ in range(args.runs):
        elapsed = one_run(args.binary, args.files, args.marker.encode())
        if elapsed is None:
            sys.exit(f"first-frame: {args.marker!r} never appeared within 5 s")
        times.append(elapsed)
    times.sort()
    p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
    print(
        f"first frame with the story: median {statistics.median(times):.1f} ms, "
        f"min {times[0]:.1f}, p90 {p90:.1f} (n={len(times)}, {os.path.basename(args.binary)})"
    )


if __name__ == "__main__":
    main()
