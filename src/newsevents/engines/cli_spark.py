"""Commands of the Spark engine: `newsevents ingest --engine spark INPUT... --out DIR` (the
ingest command hands over to `spark_ingest_command`) and `newsevents import-parquet DIR`.
Both import pyspark only when run, so `newsevents --help` stays fast; exit codes follow
cli.py's (0 done, 1 some input skipped, 2 usage error).
"""

from __future__ import annotations

import sys

import click

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2

_window = click.option(
    "--window", default=None, type=click.IntRange(0, 365), metavar="DAYS",
    help="De-duplication window: event dates this many days apart still count as one event "
         "(default 1).")


def _rule(window):
    from ..dedup import DedupRule
    return DedupRule(window_days=window) if window is not None else DedupRule()


@click.command("spark-ingest", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, metavar="DIR",
              help="Output folder (local path or Hadoop URI): articles/, mentions/, events/ "
                   "and event_keys/ as Parquet, replaced if present.")
@click.option("--master", default="local[2]", show_default=True,
              help="Spark master: local[N], yarn, spark://HOST:PORT, k8s://... (ignored when "
                   "run inside spark-submit, whose session is used).")
@_window
def spark_ingest_command(inputs, out, master, window):
    """Code INPUTS with Spark and write the store's tables as Parquet under --out.

    INPUTS are files, folders, globs or Hadoop URIs (hdfs://, s3a://...): JSONL, CSV, text,
    HTML, feeds, WARC, compressed, and Parquet files with a text column. Load the result into
    a store with `newsevents import-parquet DIR --db PATH`.
    """
    try:
        from .spark import run_spark
    except ImportError as e:
        click.echo(f"error: the Spark engine needs pyspark ({e})", err=True)
        sys.exit(EXIT_USAGE)
    counts = run_spark(list(inputs), out, master=master, rule=_rule(window))
    for problem in counts["problems"]:
        click.echo(problem, err=True)
    click.echo(f"{counts['files']} files: articles: {counts['articles']} "
               f"({counts['duplicates']} duplicates dropped, {counts['skipped']} skipped, "
               f"{counts['other_language']} not in English); {counts['mentions']} mentions; "
               f"{counts['events']} events -> {out}")
    sys.exit(EXIT_PARTIAL if counts["skipped"] else EXIT_OK)


@click.command("import-parquet", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("directory", metavar="DIR", type=click.Path(exists=True, file_okay=False))
@click.option("--db", default="newsevents.duckdb", show_default=True, metavar="PATH",
              help="The store (a DuckDB file).")
@_window
def import_parquet_command(directory, db, window):
    """Merge the Parquet output of a Spark ingest (DIR, a local folder) into the store.

    Articles already stored are skipped; new mentions join the store's events under its
    de-duplication rule. Importing the same folder again adds nothing.
    """
    from ..errors import NewsEventsError
    from ..store import Store
    from .spark import import_parquet
    try:
        result = import_parquet(directory, Store(db, rule=_rule(window)))
    except NewsEventsError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"articles: {result['articles']} new, {result['present']} already present; "
               f"{result['mentions']} mentions; {result['events']} events in the store")
