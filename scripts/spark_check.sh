#!/usr/bin/env bash
# Runs the Spark recipe (scripts/spark_annotate.py) both ways, through the
# whosaid binary and through the Python package, in local[2] on generated
# articles with bad lines of every kind, and checks the Parquet it writes:
# one row per input line, the explicit schema, the errors in place, and the
# same documents both ways. Not part of CI (PySpark is a large download).
#
#   bash scripts/spark_check.sh [ARTICLES]      # default 4000
#
# pandas stays below 3, which PySpark 4.3 warns it does not fully support.
# PySpark goes into a temporary virtual environment (SPARK_VENV=DIR keeps
# and reuses one); Java 17 comes from the system packages when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
articles=${1:-4000}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
venv=${SPARK_VENV:-$work/venv}

if ! command -v java >/dev/null; then
    apt-get update && apt-get install -y openjdk-17-jre-headless
fi
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
echo "== installing PySpark, pandas, pyarrow and maturin into $venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    "pyspark>=4,<5" "pandas>=2,<3" "pyarrow>=15" "maturin>=1.9,<2"
"$venv/bin/python" -c 'import pyspark; print("pyspark", pyspark.__version__)'
java -version 2>&1 | head -1

echo "== building the whosaid binary and the Python package (release)"
cargo build --quiet --release --bin whosaid
VIRTUAL_ENV="$venv" PATH="$venv/bin:$PATH" \
    "$venv/bin/maturin" develop --quiet --release --manifest-path python/Cargo.toml

echo "== generating $articles articles with bad lines"
"$venv/bin/python" - "$articles" "$work/articles.jsonl" <<'EOF'
import json, sys

count, path = int(sys.argv[1]), sys.argv[2]
kinds = ["invalid JSON", "missing text", "wrong type", "blank", "bad date"]
bad = 0
with open(path, "w", encoding="utf-8") as out:
    for n in range(count):
        text = (
            f"HARBOURTON — Dock workers voted on measure {n} on Friday.\n\n"
            f'"We will not load the ships," said union leader Mara Quist. '
            f"Port officials, who asked not to be named, said talks on item {n} would resume in Lisbon."
        )
        good = {"id": f"a{n}", "title": f"Vote {n}", "date": "2031-03-01", "text": text}
        kind = kinds[(n // 100) % 5] if n % 100 == 37 else None
        bad += kind is not None
        if kind is None:
            line = json.dumps(good, ensure_ascii=False)
        elif kind == "invalid JSON":
            line = json.dumps(good)[:-20]
        elif kind == "missing text":
            line = json.dumps({"id": f"a{n}", "title": "no text"})
        elif kind == "wrong type":
            line = json.dumps({**good, "title": ["a", "list"]})
        elif kind == "blank":
            line = ""
        else:
            line = json.dumps({**good, "date": "2031-02-30"})
        out.write(line + "\n")
print(f"{count} lines, {bad} bad ({count // 500} of each kind)")
EOF

for mode in pipe package; do
    echo "== spark-submit --master local[2] --mode $mode"
    started=$(date +%s.%N)
    # spark-submit finds PySpark (and the executors' Python) through PATH.
    PATH="$venv/bin:$PATH" PYSPARK_PYTHON="$venv/bin/python" \
        "$venv/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false \
        --files "$root/target/release/whosaid" \
        scripts/spark_annotate.py --mode "$mode" --partitions 4 \
        "$work/articles.jsonl" "$work/out-$mode.parquet" 2>"$work/spark-$mode.log" |
        grep '^whosaid:' || { tail -40 "$work/spark-$mode.log"; exit 1; }
    echo "   $(python3 -c "print(f'{$(date +%s.%N) - $started:.1f}')") s, JVM start-up included"
done

echo "== checking the Parquet output"
"$venv/bin/python" - "$articles" "$work" <<'EOF'
import sys
import pyarrow.parquet as pq

count, work = int(sys.argv[1]), sys.argv[2]
bad = count // 100
expected_top = [
    "schema", "meta", "paragraphs", "speakers", "claims", "countries", "summary",
    "source", "line", "id", "error",
]
tables = {}
for mode in ("pipe", "package"):
    table = pq.read_table(f"{work}/out-{mode}.parquet")
    rows = table.to_pylist()
    assert table.num_rows == count, f"{mode}: {table.num_rows} rows for {count} lines"
    assert table.schema.names == expected_top, table.schema.names
    assert str(table.schema.field("line").type) == "int64"
    assert str(table.schema.field("summary").type.field("anonymous_share").type) == "double"
    errors = [r for r in rows if r["schema"] == "whosaid/1-error"]
    documents = [r for r in rows if r["schema"] == "whosaid/1"]
    assert len(errors) == bad, f"{mode}: {len(errors)} errors, expected {bad}"
    assert len(documents) == count - bad
    assert all(r["line"] >= 1 and r["error"] for r in errors)
    ids = sorted(int(r["meta"]["id"][1:]) for r in documents)
    assert ids == [n for n in range(count) if n % 100 != 37], f"{mode}: documents missing"
    # Every bad line but the blank ones and (from Python) broken JSON names its id.
    named = sorted(int(r["id"][1:]) for r in errors if r["id"])
    blank = [n for n in range(count) if n % 100 == 37 and (n // 100) % 5 == 3]
    broken = [n for n in range(count) if n % 100 == 37 and (n // 100) % 5 == 0]
    expected = [n for n in range(count) if n % 100 == 37 and n not in blank]
    if mode == "package":
        expected = [n for n in expected if n not in broken]
    assert named == expected, f"{mode}: ids of errors {named[:5]}… expected {expected[:5]}…"
    claims = sum(len(r["claims"]) for r in documents)
    print(f"{mode}: {table.num_rows} rows ({len(documents)} documents, {len(errors)} errors), "
          f"{claims} claims, {table.num_columns} columns")
    tables[mode] = {r["meta"]["id"] if r["meta"] else f"line {r['line']}": r for r in rows}

# The same documents both ways (the binary names its input `-`, Python none).
pipe, package = tables["pipe"], tables["package"]
same = 0
for key, row in pipe.items():
    if row["schema"] != "whosaid/1":
        continue
    other = dict(package[key])
    other["meta"] = {**other["meta"], "source": "-"}
    assert other == row, f"{key} differs"
    same += 1
print(f"pipe and package give the same {same} documents")
print("OK")
EOF
