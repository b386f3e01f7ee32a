"""The Python package against the command line: the same document for the
same input, in order, on any number of threads, and errors as exceptions."""

import itertools
import json
import os
import subprocess
import threading
import time
from pathlib import Path

import pytest

import whosaid

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "assets" / "stories" / "2025-12-16-berlin-security-guarantees.txt"


def cli() -> str:
    """The whosaid binary to compare with: set by scripts/python-tests.sh.
    Missing is a failure, never a skip, so CI cannot pass without it."""
    path = os.environ.get("WHOSAID_BIN", str(ROOT / "target" / "debug" / "whosaid"))
    assert Path(path).is_file(), f"no whosaid binary at {path}; build it or set WHOSAID_BIN"
    return path


def run_cli(*args: str, stdin: str = "") -> str:
    done = subprocess.run(
        [cli(), "annotate", *args], input=stdin, capture_output=True, text=True, check=True
    )
    return done.stdout


def story(n: int) -> dict:
    return {
        "id": f"s{n}",
        "title": f"Port vote {n}",
        "date": "2031-05-0" + str(1 + n % 9),
        "text": (
            f"KESTREL BAY — Dock workers voted on proposal {n} on Friday.\n\n"
            f'"We will not load the ships," said union leader Mara Quist. '
            f"Officials said talks on item {n} would resume."
        ),
    }


def test_the_bundled_story_is_the_command_lines_document():
    document = whosaid.annotate(BUNDLED.read_text(encoding="utf-8"))
    expected = json.loads(run_cli("--format", "json", str(BUNDLED)))
    # The command line names the file it read; a text from Python has none.
    assert document["meta"]["source"] is None
    assert expected["meta"]["source"] == str(BUNDLED)
    document["meta"]["source"] = expected["meta"]["source"]
    assert document == expected
    assert document["schema"] == whosaid.SCHEMA == "whosaid/1"
    assert len(document["claims"]) > 10


def test_fields_are_read_as_a_line_of_json_lines_is():
    item = story(3)
    lines = run_cli("--input", "jsonl", "-", stdin=json.dumps(item) + "\n")
    expected = json.loads(lines)
    document = whosaid.annotate(item["text"], title=item["title"], date=item["date"], id=item["id"])
    document["meta"]["source"] = "-"
    assert document == expected
    assert document["meta"]["title"] == "Port vote 3"
    assert document["meta"]["date"] == "2031-05-04"
    assert whosaid.annotate("The ferry left.", id=12345678901234567890)["meta"]["id"] == (
        "12345678901234567890"
    )


@pytest.mark.parametrize("threads", [1, 3, None])
def test_annotate_many_keeps_input_order(threads):
    items = [story(n) for n in range(300)]
    # A text alone is an item too.
    items[5] = items[5]["text"]
    documents = list(whosaid.annotate_many(iter(items), threads=threads))
    assert len(documents) == 300
    for n, (item, document) in enumerate(zip(items, documents)):
        if isinstance(item, str):
            assert document == whosaid.annotate(item)
        else:
            assert document["meta"]["id"] == f"s{n}"
            assert document == whosaid.annotate(
                item["text"], title=item["title"], date=item["date"], id=item["id"]
            )


def test_annotate_many_streams_an_endless_input():
    taken = []

    def endless():
        for n in itertools.count():
            taken.append(n)
            yield story(n)

    first = list(itertools.islice(whosaid.annotate_many(endless(), threads=2), 5))
    assert [d["meta"]["id"] for d in first] == ["s0", "s1", "s2", "s3", "s4"]
    # One batch was read, not the whole (endless) input.
    assert 5 <= len(taken) <= 2 * 32


def test_annotating_releases_the_gil():
    long_text = "\n\n".join(story(n)["text"] for n in range(400))
    ticks = 0
    stop = threading.Event()

    def ticker():
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0.001)

    thread = threading.Thread(target=ticker)
    thread.start()
    time.sleep(0.05)
    before = ticks
    started = time.perf_counter()
    whosaid.annotate(long_text)
    list(whosaid.annotate_many([long_text, long_text], threads=2))
    elapsed = time.perf_counter() - started
    during = ticks - before
    stop.set()
    thread.join()
    # Holding the GIL in native code, the ticker could not run at all.
    assert elapsed > 0.05, f"too quick to tell ({elapsed:.3f} s)"
    assert during >= 10, f"{during} ticks in {elapsed:.3f} s"


def test_a_bad_date_is_a_value_error_naming_it():
    with pytest.raises(ValueError, match=r'`date` "2024-02-31" is not a calendar date \(YYYY-MM-DD\)'):
        whosaid.annotate("The ferry left.", date="2024-02-31")
    assert whosaid.annotate("The ferry left.", date="2024-02-29T10:00:00Z")["meta"]["date"] == (
        "2024-02-29"
    )


def test_dates_may_be_date_objects():
    import datetime

    day = datetime.date(2024, 2, 29)
    assert whosaid.annotate("The ferry left.", date=day)["meta"]["date"] == "2024-02-29"
    stamp = datetime.datetime(2024, 3, 1, 23, 30, tzinfo=datetime.timezone.utc)
    [document] = whosaid.annotate_many([{"text": "The ferry left.", "date": stamp}])
    assert document["meta"]["date"] == "2024-03-01"
    with pytest.raises(TypeError, match="`date` must be a str or a datetime.date, not int"):
        whosaid.annotate("The ferry left.", date=20240301)


def test_nan_is_a_missing_field_as_pandas_marks_it():
    [document] = whosaid.annotate_many([{"text": "The ferry left.", "title": float("nan"), "id": "n1"}])
    assert document["meta"]["title"] is None and document["meta"]["id"] == "n1"


def test_wrong_types_are_type_errors():
    with pytest.raises(TypeError):
        whosaid.annotate(42)
    with pytest.raises(TypeError, match="`id` must be a str or an int, not float"):
        whosaid.annotate("The ferry left.", id=1.5)
    with pytest.raises(TypeError, match="not an iterable|is not iterable"):
        whosaid.annotate_many(7)


def test_a_bad_item_raises_in_its_turn():
    items = [story(0), {"id": "t1", "title": "no text"}, story(2)]
    documents = whosaid.annotate_many(items, threads=2)
    assert next(documents)["meta"]["id"] == "s0"
    with pytest.raises(TypeError, match="missing `text`"):
        next(documents)
    assert next(documents)["meta"]["id"] == "s2"
    with pytest.raises(StopIteration):
        next(documents)
    with pytest.raises(TypeError, match="`title` must be a str, not int"):
        list(whosaid.annotate_many([{"text": "x", "title": 3}]))
    with pytest.raises(TypeError, match="must be a str or a mapping"):
        list(whosaid.annotate_many([3.5]))


def test_emit_gives_error_documents_in_place():
    items = [story(0), {"id": 7, "text": "x", "date": "yesterday"}, {"title": 1}, story(3)]
    documents = list(whosaid.annotate_many(items, on_error="emit"))
    assert [d["schema"] for d in documents] == [
        "whosaid/1",
        whosaid.ERROR_SCHEMA,
        "whosaid/1-error",
        "whosaid/1",
    ]
    assert documents[1] == {
        "schema": "whosaid/1-error",
        "source": None,
        "line": 2,
        "id": "7",
        "error": '`date` "yesterday" is not a calendar date (YYYY-MM-DD)',
    }
    assert documents[2]["line"] == 3 and documents[2]["id"] is None


def test_an_exception_from_the_iterable_is_passed_on_after_the_documents_before_it():
    def broken():
        yield story(0)
        raise OSError("disk gone")

    documents = whosaid.annotate_many(broken(), on_error="emit")
    assert next(documents)["meta"]["id"] == "s0"
    with pytest.raises(OSError, match="disk gone"):
        next(documents)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"threads": 0}, "threads must be from 1 to 256, not 0"),
        ({"threads": 1000}, "threads must be from 1 to 256"),
        ({"on_error": "ignore"}, 'on_error must be "raise" or "emit"'),
    ],
)
def test_bad_arguments_are_value_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        whosaid.annotate_many([], **kwargs)
