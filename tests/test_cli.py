"""The command line end to end, through a real subprocess: output, exit codes, bad input."""

from __future__ import annotations

import json
import subprocess

from conftest import CLI, SEED
from conftest import run_cli as run


def test_code_seed_prints_jsonl():
    out = run("code", str(SEED))
    assert out.returncode == 0, out.stderr
    events = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(events) >= 8
    assert all(e["doc_id"] == SEED.stem and e["event"] for e in events)
    assert "Traceback" not in out.stderr


def test_pretty_table():
    out = run("code", "--pretty", str(SEED))
    assert out.returncode == 0
    assert "Vladimir Putin (RUSGOV) <-> CONSULT 041 [phone] <-> Denis Sassou-Nguesso" \
        in out.stdout
    assert out.stdout.rstrip().endswith("events")


def test_quickstart_stores_the_seed_in_the_default_store_and_lists_it(tmp_path):
    """The README's first command, run in an empty folder (default store newsevents.duckdb)."""
    def run_here(*args):
        return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=300,
                              cwd=tmp_path)
    stored = run_here("ingest", str(SEED))
    assert stored.returncode == 0, stored.stderr
    assert (tmp_path / "newsevents.duckdb").exists()
    listed = run_here("events", "--format", "table")
    assert listed.returncode == 0, listed.stderr
    assert "CONSULT" in listed.stdout and "phone" in listed.stdout and "Sahel" in listed.stdout
    again = run_here("ingest", str(SEED))
    assert "0 new, 1 already present" in again.stdout + again.stderr


def test_stdin_text_and_jsonl():
    out = run("code", "-", stdin="Date: 2024-01-10\n\nJapan condemned North Korea.")
    assert out.returncode == 0
    assert json.loads(out.stdout.splitlines()[0])["date"] == "2024-01-10"
    record = json.dumps({"id": "x1", "text": "Japan condemned North Korea.",
                         "date": "2020-02-02"})
    out = run("code", "-", stdin=record + "\n")
    assert json.loads(out.stdout.splitlines()[0])["doc_id"] == "x1"


def test_malformed_jsonl_line_is_reported_and_skipped(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": "Japan condemned North Korea."}) + "\n"
        + "{broken\n"
        + json.dumps({"id": "b", "text": "Chile praised Peru."}) + "\n", encoding="utf-8")
    out = run("code", str(path))
    assert out.returncode == 1
    assert "line 2" in out.stderr and "Traceback" not in out.stderr
    assert {json.loads(line)["doc_id"] for line in out.stdout.splitlines()} == {"a", "b"}


def test_bad_files_get_clear_messages(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "latin.txt").write_bytes("Côte d'Ivoire condemned Mali.".encode("cp1252"))
    out = run("code", str(tmp_path))
    assert out.returncode == 1
    assert "empty" in out.stderr and "binary" in out.stderr and "UTF-8" in out.stderr
    assert "Traceback" not in out.stderr
    assert any(json.loads(line)["doc_id"] == "latin" for line in out.stdout.splitlines())


def test_usage_errors_exit_2():
    assert run("code").returncode == 2
    assert run("code", "--no-such-flag", str(SEED)).returncode == 2
    assert run("evaluate", "/no/such/file.jsonl").returncode == 2


def test_missing_input_file_exits_1():
    out = run("code", "/no/such/article.txt")
    assert out.returncode == 1 and "not found" in out.stderr


def test_every_command_has_help():
    out = run("--help")
    for command in ("code", "evaluate", "bench"):
        assert command in out.stdout
        assert run(command, "--help").returncode == 0


def test_spark_engine_needs_an_output_folder():
    out = run("ingest", "--engine", "spark", str(SEED))
    assert out.returncode == 2 and "--out" in out.stderr
