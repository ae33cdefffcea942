"""Every command and option is documented in the README (sqlite-utils' test_docs habit)."""

from __future__ import annotations

import re

import click

from conftest import ROOT
from newsevents.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_and_option_is_in_the_readme():
    missing = []
    for name, command in main.commands.items():
        if f"newsevents {name}" not in README:
            missing.append(f"command {name}")
        for param in command.params:
            if isinstance(param, click.Option):
                if not any(opt in README for opt in param.opts if opt.startswith("--")):
                    missing.append(f"{name} {param.opts[0]}")
    assert not missing, missing


def test_quickstart_has_exactly_two_commands():
    section = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", section, re.S).group(1)
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    assert "newsevents ingest" in commands[0] and "newsevents events" in commands[0]
    assert "pytest" in commands[1]
