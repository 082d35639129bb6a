"""Fact-check a dataset of deal documents with claimlens on Apache Spark.

The job hands each partition of the dataset to one `claimlens stream`
process, as JSON Lines on its standard input, and collects the one result
line it writes per document (the protocol is in claimlens's README, "At
scale"). It needs PySpark (tested with 4.0.1, Python 3.11, Java 17).

Input (--input), either
  * JSON Lines, one document per line, passed through as they are:
    {"id": ..., "text": ...} or "html", or "path" (a file the executors can
    read), with optional "format" and "date". Chosen for a path (or glob)
    ending in .jsonl, .ndjson or .json (compressed too), or with
    --input-format jsonl;
  * or a folder of documents (any file system Spark reads: local, HDFS, S3),
    walked recursively for the files `claimlens check` reads (.txt, .text,
    .md, .markdown, .htm, .html, .xhtml, .nc; not *.notes.md, README.md or
    hidden files). Each becomes {"id": <path relative to the folder>,
    "text" or, for .htm/.html/.xhtml, "html": <content>}. Content that is
    not UTF-8 is read as Windows-1252; its spans then count bytes of the
    UTF-8 text.

Error records (a line that is not a document claimlens can read) come back
like results, with `error` set; their `line` counts the lines of one
partition, not of the input file.

Output (--output DIR):
  * DIR/parquet: one row per document: id (string; a number id as its JSON
    text), error, format, claims, supported, contradicted, unverifiable,
    markers, and result: the whole claimlens/1 result line as a JSON string;
  * DIR/json: the result lines themselves, JSON Lines (part-*.txt), read back
    from the Parquet files.

The claimlens binary (--binary) and the deal records (--record, files or
folders of .toml/.json) are paths on the driver, shipped to the executors by
the job itself, or names of files already shipped with
`spark-submit --files` (on a cluster, build the binary for the executors'
platform).

Why not RDD.pipe(): PySpark's pipe() runs one fixed command line with an
empty environment and drops the process's error output. The job does what
pipe() does (one process per partition, a thread feeding its standard input
while the task reads its standard output) but finds the shipped binary on
each executor with SparkFiles.get(), and fails the task with claimlens's
own message when it exits non-zero. With the binary in the executors'
working directory (YARN with --files), the plain
`rdd.pipe("./claimlens stream --record deal.toml")` works too.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import posixpath
import subprocess
import sys
import tempfile
import threading
from typing import Iterable, Iterator
from urllib.parse import unquote, urlparse

from pyspark import SparkFiles
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import LongType, StringType, StructField, StructType

DOCUMENT_EXTENSIONS = {".txt", ".text", ".md", ".markdown", ".htm", ".html", ".xhtml", ".nc"}
HTML_EXTENSIONS = {".htm", ".html", ".xhtml"}
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
COMPRESSIONS = ("", ".gz", ".bz2", ".zst", ".deflate")

SCHEMA = StructType(
    [
        StructField("id", StringType()),
        StructField("error", StringType()),
        StructField("format", StringType()),
        StructField("claims", LongType()),
        StructField("supported", LongType()),
        StructField("contradicted", LongType()),
        StructField("unverifiable", LongType()),
        StructField("markers", LongType()),
        StructField("result", StringType()),
    ]
)


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description="Fact-check a dataset of deal documents with `claimlens stream` on Spark."
    )
    p.add_argument("--input", required=True, help="JSON Lines (file, folder or glob) or a folder of documents")
    p.add_argument(
        "--input-format",
        choices=["auto", "jsonl", "documents"],
        default="auto",
        help="auto: JSON Lines when --input ends in .jsonl/.ndjson/.json, else a folder of documents",
    )
    p.add_argument("--output", required=True, help="folder for parquet/ and json/ (replaced)")
    p.add_argument("--binary", default="claimlens", help="the claimlens executable (driver path or shipped name)")
    p.add_argument("--record", action="append", default=[], help="deal record file or folder (repeatable)")
    p.add_argument("--lexicon", action="append", default=[], help="extra lexicon file (repeatable)")
    p.add_argument("--as-of", help="YYYY-MM-DD: the date of documents that state none")
    p.add_argument("--partitions", type=int, help="split the input into this many claimlens processes")
    p.add_argument("--threads", type=int, default=1, help="threads per claimlens process (default 1)")
    return p.parse_args(argv)


def expand(paths: list[str], extensions: tuple[str, ...]) -> list[str]:
    """Folders on the driver become their files with these extensions, sorted."""
    out: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            out.extend(
                sorted(
                    os.path.join(path, f)
                    for f in os.listdir(path)
                    if f.endswith(extensions) and not f.startswith(".")
                )
            )
        else:
            out.append(path)
    return out


def ship(spark: SparkSession, path: str) -> str:
    """Makes a file available to every executor; returns the name that
    SparkFiles.get() finds it by there."""
    sc = spark.sparkContext
    name = posixpath.basename(path.rstrip("/"))
    shipped = set()
    for key in ("spark.files", "spark.yarn.dist.files"):
        for f in (sc.getConf().get(key) or "").split(","):
            if f:
                shipped.add(posixpath.basename(urlparse(f).path or f))
    if name in shipped:
        return name
    if "://" not in path and not os.path.isfile(path):
        sys.exit(f"claimlens_job: {path}: no such file (give a path on the driver, or ship it with --files)")
    sc.addFile(path if "://" in path else os.path.abspath(path))
    return name


def is_jsonl(path: str) -> bool:
    return any(path.endswith(s + c) for s in JSONL_SUFFIXES for c in COMPRESSIONS)


def document_rows(spark: SparkSession, root: str):
    """The documents under `root` as protocol lines: {"id", "text"|"html"}."""
    root_path = urlparse(root).path if "://" in root else os.path.abspath(root)
    root_path = root_path.rstrip("/") + "/"
    files = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(root)

    def to_line(row) -> list[str]:
        path = unquote(urlparse(row.path).path)
        rel = path[len(root_path):] if path.startswith(root_path) else path
        name = posixpath.basename(rel).lower()
        ext = posixpath.splitext(name)[1]
        hidden = any(part.startswith(".") for part in rel.split("/"))
        if hidden or ext not in DOCUMENT_EXTENSIONS or name.endswith(".notes.md") or name == "readme.md":
            return []
        content = bytes(row.content)
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError:
            text = content.decode("cp1252", errors="replace")
        key = "html" if ext in HTML_EXTENSIONS else "text"
        return [json.dumps({"id": rel, key: text})]

    return files.select("path", "content").rdd.flatMap(to_line)


class Shipped(str):
    """A command-line argument that names a shipped file: on the executor,
    it becomes that file's local path."""


def claimlens_partition(command: list):
    """The function each partition runs: its lines through one
    `claimlens stream` process, the result lines back."""

    def run(lines: Iterable[str]) -> Iterator[str]:
        lines = iter(lines)
        first = next(lines, None)
        if first is None:
            return  # an empty partition needs no process
        lines = itertools.chain([first], lines)
        argv = [SparkFiles.get(str(a)) if isinstance(a, Shipped) else a for a in command]
        if not os.access(argv[0], os.X_OK):
            os.chmod(argv[0], 0o755)
        with tempfile.TemporaryFile() as errors:
            proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors)
            failure: list[BaseException] = []

            def feed() -> None:
                try:
                    for line in lines:
                        proc.stdin.write(line.rstrip("\n").encode("utf-8") + b"\n")
                except BaseException as e:  # noqa: BLE001 - reported below
                    failure.append(e)
                finally:
                    try:
                        proc.stdin.close()
                    except OSError:
                        pass

            writer = threading.Thread(target=feed, daemon=True)
            writer.start()
            read_all = False
            try:
                for out in proc.stdout:
                    yield out.decode("utf-8").rstrip("\n")
                read_all = True
            finally:
                # A task that stops reading early (a failure, a take()) leaves
                # no process behind.
                if not read_all:
                    proc.kill()
                    proc.wait()
            writer.join()
            code = proc.wait()
            if code != 0 or failure:
                errors.seek(0)
                message = errors.read().decode("utf-8", "replace").strip()[-2000:]
                raise RuntimeError(f"claimlens stream exited with {code}: {message or failure}")

    return run


def to_row(line: str) -> tuple:
    """A result line as a Parquet row: flat counts beside the whole line."""
    r = json.loads(line)
    ident = r.get("id")
    if ident is not None and not isinstance(ident, str):
        ident = json.dumps(ident)
    s = r.get("summary") or {}
    return (
        ident,
        r.get("error"),
        r.get("format"),
        s.get("claims"),
        s.get("supported"),
        s.get("contradicted"),
        s.get("unverifiable"),
        s.get("markers"),
        line,
    )


def main(argv: list[str]) -> None:
    args = parse_args(argv)
    spark = SparkSession.builder.appName("claimlens").getOrCreate()
    spark.sparkContext.setLogLevel("WARN")

    names: dict[str, str] = {}

    def shipped(path: str) -> Shipped:
        name = ship(spark, path)
        if names.setdefault(name, path) != path:
            sys.exit(f"claimlens_job: {path} and {names[name]} have the same name; rename one")
        return Shipped(name)

    command: list = [shipped(args.binary), "stream", "--threads", str(args.threads)]
    for record in expand(args.record, (".toml", ".json")):
        command += ["--record", shipped(record)]
    for lexicon in args.lexicon:
        command += ["--lexicon", shipped(lexicon)]
    if args.as_of:
        command += ["--as-of", args.as_of]

    jsonl = args.input_format == "jsonl" or (args.input_format == "auto" and is_jsonl(args.input))
    lines = spark.sparkContext.textFile(args.input) if jsonl else document_rows(spark, args.input)
    if args.partitions:
        lines = lines.repartition(args.partitions)

    results = lines.mapPartitions(claimlens_partition(command)).map(to_row)
    parquet = os.path.join(args.output, "parquet")
    spark.createDataFrame(results, SCHEMA).write.mode("overwrite").parquet(parquet)

    table = spark.read.parquet(parquet)
    table.select("result").write.mode("overwrite").text(os.path.join(args.output, "json"))
    totals = table.agg(
        F.count("*").alias("lines"),
        F.count("error").alias("errors"),
        F.sum("claims").alias("claims"),
        F.sum("contradicted").alias("contradicted"),
    ).first()
    print(
        f"claimlens_job: {totals.lines} results ({totals.errors} errors), "
        f"{totals.claims or 0} claims, {totals.contradicted or 0} contradicted -> {args.output}"
    )
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
