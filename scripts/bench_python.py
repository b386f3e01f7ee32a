"""Documents per second: the Python package against the command line, on
the same JSON Lines of articles.

    python scripts/bench_python.py ARTICLES.jsonl [WHOSAID_BINARY]

Needs the package installed in release mode (``maturin develop --release``)
and a release binary (default: target/release/whosaid). Each figure is the
best of three runs; the Python figures include turning each document into a
dict, the command line's writing its JSON to a pipe. Parsing the input lines
is left out of the Python timing (a caller has its items already).
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import whosaid


def best(run, repeats=3):
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main():
    path = Path(sys.argv[1])
    binary = sys.argv[2] if len(sys.argv) > 2 else "target/release/whosaid"
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    count = len(items)
    cores = os.cpu_count()

    def python(threads):
        def run():
            done = sum(1 for _ in whosaid.annotate_many(items, threads=threads))
            assert done == count
        return run

    def cli(jobs):
        def run():
            with open(path, "rb") as stdin:
                out = subprocess.run(
                    [binary, "annotate", "-j", str(jobs), "--input", "jsonl", "-"],
                    stdin=stdin,
                    stdout=subprocess.PIPE,
                    check=True,
                ).stdout
            assert out.count(b"\n") == count
        return run

    print(f"{count} articles, {path.stat().st_size / 1e6:.1f} MB, {cores} cores")
    for name, run in [
        ("python annotate_many threads=1", python(1)),
        (f"python annotate_many threads=None ({cores})", python(None)),
        ("cli annotate -j 1 --input jsonl", cli(1)),
        (f"cli annotate -j {cores} --input jsonl", cli(cores)),
    ]:
        seconds = best(run)
        print(f"{name:45} {count / seconds:8.0f} documents/s ({seconds:.2f} s)")


if __name__ == "__main__":
    main()
