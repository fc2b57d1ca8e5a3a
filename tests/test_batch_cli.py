"""``cleantext batch``: one output record per input record, in order; kill and resume; timeouts."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_helpers import SLEEP, broken_records, page_records, read_jsonl, write_jsonl

from cleantext.cli import main

TESTS = Path(__file__).resolve().parent


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS), *sys.path])
    return env


def _batch(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "cleantext", "batch", *args]
    return subprocess.run(cmd, env=_env(), capture_output=True, text=True, timeout=600, check=False, **kwargs)  # type: ignore[call-overload]


def test_505_records_with_5_broken_ones(tmp_path: Path) -> None:
    """The acceptance run: 500 real pages and 5 broken records, two workers, exit 0."""
    records: list[dict[str, object] | bytes] = list(page_records(500))
    for position, broken in zip((0, 101, 250, 399, 504), broken_records(), strict=True):
        records.insert(position, broken)
    src, out, stats = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "stats.json"
    write_jsonl(src, records)
    done = _batch(str(src), "-o", str(out), "--field", "html", "--workers", "2", "--stats", str(stats))
    assert done.returncode == 0, done.stderr
    output = read_jsonl(out)
    assert len(output) == 505
    expected = [r["id"] if isinstance(r, dict) else i for i, r in enumerate(records)]
    assert [r["id"] for r in output] == expected
    assert set(output[0]) == {"id", "url", "paragraphs", "text", "metadata", "dropped", "error"}
    by_id = {r["id"]: r for r in output}
    assert by_id["broken-null"]["error"] == f"input: {src}:251: 'html' is null"
    assert by_id[101]["error"].startswith(f"input: {src}:102: not a JSON record")  # the garbage line
    for broken in ("broken-empty", "broken-lt", "broken-divs"):  # no word outside markup
        assert by_id[broken]["error"].startswith("input: no text"), by_id[broken]
        assert by_id[broken]["paragraphs"] == []
    pages = [r for r in output if str(r["id"]).startswith("doc-")]
    assert len(pages) == 500 and all(r["error"] is None for r in pages)
    assert sum(bool(r["paragraphs"]) for r in pages) >= 450
    figures = json.loads(stats.read_text())
    assert figures["documents"] == 505 and figures["errors"] == 5 and figures["timeouts"] == 0
    assert figures["kept_paragraphs"] == sum(len(r["paragraphs"]) for r in output)
    assert "505 documents" in done.stderr and "docs/s" in done.stderr
    assert not (tmp_path / "out.jsonl.partial").exists()


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def test_sigkill_then_resume_gives_the_records_of_an_uninterrupted_run(tmp_path: Path) -> None:
    src, out, ref = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "ref.jsonl"
    write_jsonl(src, [*page_records(40), {"id": "null", "html": None}])
    partial = tmp_path / "out.jsonl.partial"
    cmd = [sys.executable, "-m", "cleantext", "batch", str(src), "-o", str(out), "--workers", "1",
           "--cleaner", "batch_helpers:slow_cleaner"]
    proc = subprocess.Popen(cmd, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _lines(partial) < 8 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    killed_at = _lines(partial)
    assert 8 <= killed_at < 41 and not out.exists()
    with open(partial, "ab") as f:
        f.write(b'{"id": "torn", "paragra')  # a record cut in the middle of its write

    stats = str(tmp_path / "s.json")
    resumed = _batch(str(src), "-o", str(out), "--workers", "2", "--resume", "--stats", stats)
    assert resumed.returncode == 0, resumed.stderr
    reference = _batch(str(src), "-o", str(ref), "--workers", "2")
    assert reference.returncode == 0, reference.stderr
    assert read_jsonl(out) == read_jsonl(ref)
    assert len(read_jsonl(out)) == 41 and not partial.exists()
    figures = json.loads((tmp_path / "s.json").read_text())
    assert figures["documents"] == 41 and figures["resumed"] == killed_at and figures["errors"] == 1


def test_a_partial_output_is_never_silently_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, [{"id": "a", "html": "<p>x</p>"}, {"id": "b", "html": "<p>y</p>"}])
    (tmp_path / "out.jsonl.partial").write_text('{"id": "zzz"}\n')
    assert main(["batch", str(src), "-o", str(out), "--workers", "0"]) == 2
    assert "--resume" in capsys.readouterr().err
    assert main(["batch", str(src), "-o", str(out), "--workers", "0", "--resume"]) == 2
    assert "not the same input" in capsys.readouterr().err
    assert main(["batch", str(src), "-o", str(src), "--workers", "0"]) == 2


def test_timeouts_are_counted_and_the_run_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out, stats = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "stats.json"
    article = "<article><p>The council met on Monday to approve the plan for the new bridge.</p></article>"
    write_jsonl(src, [{"id": "a", "html": article}, {"id": "hang", "html": f"<p>{SLEEP}</p>"},
                      {"id": "c", "html": article}])
    argv = ["batch", str(src), "-o", str(out), "--workers", "2", "--timeout", "3",
            "--cleaner", "batch_helpers:misbehaving_cleaner", "--stats", str(stats)]
    assert main(argv) == 0
    records = read_jsonl(out)
    assert [r["id"] for r in records] == ["a", "hang", "c"]
    assert records[1]["error"].startswith("timeout: no result after 3 s")
    assert records[2]["paragraphs"]
    figures = json.loads(stats.read_text())
    assert (figures["documents"], figures["errors"], figures["timeouts"]) == (3, 1, 1)
    assert "timeouts 1" in capsys.readouterr().err


def test_report_is_written_or_skipped_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out, report = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "report.html"
    write_jsonl(src, list(page_records(3)))
    assert main(["batch", str(src), "-o", str(out), "--workers", "0", "--report", str(report)]) == 0
    try:
        import cleantext.report  # noqa: F401
    except ImportError:
        assert "--report skipped" in capsys.readouterr().err
    else:
        assert report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
