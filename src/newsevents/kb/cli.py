"""`newsevents kb`: check a knowledge-base folder, import TABARI/PETRARCH dictionaries, and run
PETRARCH's unit-test records with its own dictionaries."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from ..errors import NewsEventsError
from . import kb_files, read_file

ENV_VAR = "NEWSEVENTS_KB"


def configured_dirs() -> tuple[str, ...]:
    """Knowledge-base folders from $NEWSEVENTS_KB (separated like PATH), loaded before any
    given with --kb, so the command line's rows override the configured ones."""
    return tuple(d for d in os.environ.get(ENV_VAR, "").split(os.pathsep) if d)


@click.group()
def kb():
    """Your own knowledge base: YAML or JSONL records of countries, leaders, organisations,
    agents, coded actors and event patterns, used with --kb DIR or $NEWSEVENTS_KB."""


@kb.command()
@click.argument("folders", nargs=-1, required=True,
                type=click.Path(exists=True, file_okay=False))
def check(folders):
    """Check every YAML/JSONL knowledge file in FOLDERS; exit 1 if any record is wrong."""
    problems = 0
    for folder in folders:
        files = kb_files(folder)
        if not files:
            click.echo(f"{folder}: no .yaml, .yml or .jsonl knowledge files")
        for path in files:
            found = read_file(path)
            counts = ", ".join(f"{n} {table}" for table, n in sorted(found.counts.items()))
            click.echo(f"{path}: {counts or 'no records'}; version "
                       f"{found.version or 'unversioned'}")
            for problem in found.problems:
                click.echo(f"  {problem}", err=True)
            problems += len(found.problems)
    click.echo(f"{problems} problems")
    raise SystemExit(1 if problems else 0)


@kb.command("import-tabari")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False))
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="Knowledge-base folder to write the YAML files into.")
def import_tabari(files, out):
    """Convert TABARI/PETRARCH actor, agent and CAMEO verb dictionaries into knowledge-base
    YAML files; report what was converted, simplified and skipped, by reason."""
    from . import tabari
    try:
        for path in files:
            report = tabari.import_file(path)
            written = tabari.write(report, out)
            click.echo(report.summary())
            click.echo(f"  -> {written}")
    except NewsEventsError as e:
        raise click.ClickException(str(e)) from e


@kb.command("petrarch-test")
@click.argument("folder", default=str(Path("..") / "shared" / "petrarch"),
                type=click.Path(exists=True, file_okay=False))
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Keep the imported dictionaries in this folder.")
@click.option("--errors", is_flag=True, help="List every record not coded right.")
@click.option("--json", "as_json", is_flag=True, help="Print the shares as JSON.")
@click.option("--model", default=None, metavar="NAME", help="spaCy model package.")
def petrarch_test(folder, out, errors, as_json, model):
    """Import PETRARCH's validation dictionaries from FOLDER (default ../shared/petrarch),
    code its unit-test records with them and print the share coded right."""
    from . import petrarch
    results, reports = petrarch.run(folder, out, model)
    if as_json:
        click.echo(json.dumps(petrarch.shares(results)))
        return
    for report in reports:
        click.echo(report.summary())
    click.echo(petrarch.format_report(results, errors))
