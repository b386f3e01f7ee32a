"""Annotate JSON Lines of articles on Spark and write Parquet.

Two ways, one output:

``--mode pipe`` (the default) pipes each partition through the whosaid binary
shipped with the job::

    spark-submit --master yarn --files target/release/whosaid \\
        scripts/spark_annotate.py articles/ annotated.parquet

``--mode package`` annotates in the Python workers with the whosaid package
(``pip install ./python`` on every node), through ``mapInPandas``::

    spark-submit --master yarn scripts/spark_annotate.py --mode package \\
        articles/ annotated.parquet

Every input line gives exactly one row: a ``whosaid/1`` document, or an error
row (``schema`` = ``whosaid/1-error``, with ``line``, ``id`` and ``error``) in
place of a bad line, so counts can be checked end to end. ``line`` counts
within the partition, as whosaid sees it.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import subprocess
import sys
import threading
from typing import Iterable, Iterator

from pyspark import SparkFiles
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import (
    ArrayType,
    DoubleType,
    LongType,
    StringType,
    StructField,
    StructType,
)

ERROR_SCHEMA = "whosaid/1-error"


def _strings(*names: str) -> list[StructField]:
    return [StructField(name, StringType()) for name in names]


SPAN = StructType(
    [
        StructField("paragraph", LongType()),
        StructField("start", LongType()),
        StructField("end", LongType()),
        StructField("text", StringType()),
    ]
)

# One StructType for both kinds of line, so one `from_json` reads them all:
# the fields of `whosaid/1` (docs/format.md), then those of the error
# document. An explicit schema, not inference: inference reads the data
# twice and a partition without errors would lose the error columns.
DOCUMENT = StructType(
    [
        StructField("schema", StringType()),
        StructField(
            "meta",
            StructType(
                [
                    *_strings("id", "date"),
                    StructField("dateline", ArrayType(StringType())),
                    *_strings("title", "source"),
                    StructField("authors", ArrayType(StringType())),
                    *_strings("url", "site", "language", "description", "published"),
                ]
            ),
        ),
        StructField(
            "paragraphs",
            ArrayType(
                StructType(
                    [
                        StructField("index", LongType()),
                        *_strings("kind", "text"),
                    ]
                )
            ),
        ),
        StructField(
            "speakers",
            ArrayType(
                StructType(
                    [
                        *_strings("id", "name", "kind", "role", "country"),
                        StructField("aliases", ArrayType(StringType())),
                        StructField("mentions", ArrayType(SPAN)),
                    ]
                )
            ),
        ),
        StructField(
            "claims",
            ArrayType(
                StructType(
                    [
                        *_strings("id", "speaker", "kind"),
                        StructField("paragraph", LongType()),
                        StructField("start", LongType()),
                        StructField("end", LongType()),
                        StructField("text", StringType()),
                        StructField("parts", ArrayType(SPAN)),
                        StructField("source", SPAN),
                        StructField("cue", SPAN),
                        StructField("channel", StringType()),
                    ]
                )
            ),
        ),
        StructField(
            "countries",
            ArrayType(
                StructType(
                    [
                        *_strings("code", "name", "kind"),
                        StructField("mentions", ArrayType(SPAN)),
                    ]
                )
            ),
        ),
        StructField(
            "summary",
            StructType(
                [
                    StructField("claims", LongType()),
                    StructField("anonymous_claims", LongType()),
                    StructField("anonymous_share", DoubleType()),
                    StructField("sources", LongType()),
                    StructField("named_sources", LongType()),
                    StructField("anonymous_sources", LongType()),
                    StructField(
                        "source_countries",
                        ArrayType(
                            StructType(
                                [
                                    StructField("code", StringType()),
                                    StructField("claims", LongType()),
                                ]
                            )
                        ),
                    ),
                ]
            ),
        ),
        # The error document's own fields (its `schema` is the one above).
        StructField("source", StringType()),
        StructField("line", LongType()),
        StructField("id", StringType()),
        StructField("error", StringType()),
    ]
)

# What mapInPandas hands back: the document as JSON text, parsed by the same
# `from_json` as the piped output, so both ways give the same rows.
PANDAS_OUT = StructType([StructField("json", StringType())])


# ---------------------------------------------------------------- pipe mode


def pipe_partition(lines: Iterable[str]) -> Iterator[str]:
    """One partition through `whosaid annotate --input jsonl -`.

    Runs on the executor: `SparkFiles.get` there finds the binary that
    `--files` shipped (a `userFiles-*` folder, not the working directory),
    and the child gets this process's environment, not the empty one
    `RDD.pipe` gives. `-j 1`: Spark already runs one task per core.
    """
    binary = SparkFiles.get("whosaid")
    mode = os.stat(binary).st_mode
    if not mode & stat.S_IXUSR:
        # Some cluster managers ship files without their executable bit.
        os.chmod(binary, mode | stat.S_IXUSR)
    child = subprocess.Popen(
        [binary, "annotate", "-j", "1", "--input", "jsonl", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=sys.stderr,
    )
    assert child.stdin is not None and child.stdout is not None

    def feed(stdin) -> None:
        # A thread of its own: writing everything first would deadlock once
        # the child's output fills the pipe.
        try:
            for line in lines:
                stdin.write(line.encode("utf-8"))
                stdin.write(b"\n")
        finally:
            stdin.close()

    writer = threading.Thread(target=feed, args=(child.stdin,), daemon=True)
    writer.start()
    for out in child.stdout:
        yield out.decode("utf-8")
    writer.join()
    # With the default --on-error emit, bad lines are rows and the exit
    # status is 0; anything else (a usage error, a full disk) fails the
    # task rather than losing its rows quietly.
    status = child.wait()
    if status != 0:
        raise RuntimeError(f"whosaid exited with status {status}; see the executor's stderr")


def annotate_with_binary(spark: SparkSession, path: str, partitions: int | None) -> DataFrame:
    lines = spark.sparkContext.textFile(path, minPartitions=partitions or 2)
    documents = lines.mapPartitions(pipe_partition)
    return spark.createDataFrame(documents.map(lambda json_text: (json_text,)), PANDAS_OUT)


# ------------------------------------------------------------- package mode


def package_batches(batches):
    """mapInPandas: each batch of input lines → their documents as JSON.

    Lines are numbered within the partition, as the binary numbers them.
    """
    import pandas as pd
    import whosaid

    line = 0
    for batch in batches:
        items = []
        for text in batch["value"]:
            line += 1
            try:
                item = json.loads(text) if text.strip() else None
            except ValueError as error:
                item = None
                message = f"invalid JSON: {error}"
            else:
                message = "blank line" if item is None else None
            items.append((line, item, message))
        good = [item for _, item, message in items if message is None]
        # One thread per task, as the binary's -j 1: Spark runs a task per core.
        documents = iter(whosaid.annotate_many(good, threads=1, on_error="emit"))
        out = []
        for number, item, message in items:
            if message is not None:
                document = {
                    "schema": ERROR_SCHEMA,
                    "source": None,
                    "line": number,
                    "id": None,
                    "error": message,
                }
            else:
                document = next(documents)
                if document["schema"] == ERROR_SCHEMA:
                    document["line"] = number
            out.append(json.dumps(document, ensure_ascii=False))
        yield pd.DataFrame({"json": out})


LINES = StructType([StructField("value", StringType())])


def annotate_with_package(spark: SparkSession, path: str, partitions: int | None) -> DataFrame:
    # Read as the pipe mode reads, so both cut the input into the same
    # partitions and number the lines alike (no repartition: a shuffle
    # would lose the order).
    lines = spark.sparkContext.textFile(path, minPartitions=partitions or 2)
    frame = spark.createDataFrame(lines.map(lambda line: (line,)), LINES)
    return frame.mapInPandas(package_batches, schema=PANDAS_OUT)


# ---------------------------------------------------------------------------


def parse(documents: DataFrame) -> DataFrame:
    """JSON text → the columns of DOCUMENT."""
    return documents.select(F.from_json("json", DOCUMENT).alias("d")).select("d.*")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSON Lines of articles (a file, folder or glob)")
    parser.add_argument("output", help="the Parquet folder to write")
    parser.add_argument("--mode", choices=["pipe", "package"], default="pipe")
    parser.add_argument(
        "--binary",
        help="the whosaid binary to ship when not run with spark-submit --files",
    )
    parser.add_argument("--partitions", type=int, help="partitions to annotate in")
    args = parser.parse_args(argv)

    spark = SparkSession.builder.appName("whosaid annotate").getOrCreate()
    if args.mode == "pipe" and args.binary:
        spark.sparkContext.addFile(args.binary)
    annotate = annotate_with_binary if args.mode == "pipe" else annotate_with_package
    rows = parse(annotate(spark, args.input, args.partitions))
    rows.write.mode("overwrite").parquet(args.output)
    written = spark.read.parquet(args.output)
    errors = written.filter(F.col("schema") == ERROR_SCHEMA).count()
    print(f"whosaid: {written.count()} rows written to {args.output}, {errors} of them errors")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
