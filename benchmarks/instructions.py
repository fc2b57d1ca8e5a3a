"""Instructions of one pass of the plain-text path over the seed-like texts (valgrind).

    PYTHONPATH=src python benchmarks/instructions.py [--src DIR] [--text-docs N]

CPU time on a shared machine moves with its neighbours; the number of instructions a pass
executes does not. This runs the texts of ``benchmarks/speed.py`` through
``clean_and_explain(text, config=Config(input_kind="text"))`` under ``valgrind --tool=callgrind``
twice, once with one pass and once with none (imports, ``cleantext.prepare()`` and a warm-up
call in both), and prints the difference. ``--src`` measures another checkout's ``src`` folder
(``git archive <commit> src | tar -x -C DIR`` gives one), with the same texts. Needs valgrind;
a run takes about a minute and a half.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import runner
from benchmarks.speed import text_corpus

ROOT = Path(__file__).resolve().parent.parent
_PASS = """
import json, sys
sys.path.insert(0, sys.argv[1])
import cleantext
texts = json.load(open(sys.argv[2], encoding="utf-8"))
config = cleantext.Config(input_kind="text")
cleantext.prepare()
cleantext.clean_and_explain(texts[0], config=config)
for _ in range(int(sys.argv[3])):
    for text in texts:
        cleantext.clean_and_explain(text, config=config)
"""
_COLLECTED = re.compile(r"Collected : (\d+)")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", default=str(ROOT / "src"), help="the src folder to measure")
    parser.add_argument("--text-docs", type=int, default=181, help="seed-like texts to generate (<= 181)")
    return parser.parse_args(argv)


def instructions(src: str, corpus: Path, passes: int) -> int:
    """Instructions valgrind counts for the import, warm-up and ``passes`` passes."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
         sys.executable, "-c", _PASS, src, str(corpus), str(passes)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    found = _COLLECTED.search(done.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output: {done.stderr[-500:]}")
    return int(found.group(1))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed", file=sys.stderr)
        return 2
    texts = text_corpus(args.text_docs)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "texts.json"
        corpus.write_text(json.dumps(texts), encoding="utf-8")
        count = instructions(args.src, corpus, 1) - instructions(args.src, corpus, 0)
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(f"Command: `{runner.command_line('instructions', sys.argv[1:] if argv is None else argv)}`  ")
    print(f"Machine: {runner.machine_line()}  ")
    print(f"Code: {args.src}")
    millions = f"{count / 1e6:,.0f}"
    print(f"\n{len(texts)} seed-like texts, {size / 1e6:.2f} MB: **{millions} M instructions** per pass.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
