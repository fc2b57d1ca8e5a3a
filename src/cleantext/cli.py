"""The ``cleantext`` command: clean, explain, rules (and batch, when installed)."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from cleantext import __version__
from cleantext.api import clean_and_explain
from cleantext.config import Config
from cleantext.model import Category, Extractor, InputKind, Result
from cleantext.rules.catalog import default_rules


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    return Path(path).read_bytes()


def config_from_args(args: argparse.Namespace) -> Config:
    """The :class:`Config` that the cleaning options (:func:`add_cleaning_options`) describe."""
    return Config(
        input_kind=InputKind(args.kind),
        extractor=Extractor(args.extractor),
        languages=tuple(args.lang.split(",")) if args.lang else None,
        disabled_rules=frozenset(args.disable_rule or ()),
        enabled_rules=frozenset(args.enable_rule or ()),
        disabled_categories=frozenset(Category(c) for c in args.disable_category or ()),
    )


def add_cleaning_options(p: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    """The options every cleaning command shares (clean, explain, batch)."""
    p.add_argument(
        "--kind",
        choices=[k.value for k in InputKind],
        default="auto",
        help="force the input kind (default: detect)",
    )
    p.add_argument(
        "--extractor",
        choices=[e.value for e in Extractor],
        default="trafilatura",
        help="how HTML main content is found (default: trafilatura)",
    )
    p.add_argument("--lang", help="comma-separated language packs to apply (default: all)")
    p.add_argument("--disable-rule", action="append", metavar="ID", help="a rule id that never fires")
    p.add_argument(
        "--enable-rule",
        action="append",
        metavar="ID",
        help="a rule that is off by default to run (see `cleantext rules`)",
    )
    p.add_argument(
        "--disable-category",
        action="append",
        metavar="CATEGORY",
        choices=[c.value for c in Category],
        help="a category whose rules never fire",
    )


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", default="-", help="HTML or text file ('-' or nothing: stdin)")
    p.add_argument("--url", help="the page's URL (metadata only)")
    add_cleaning_options(p)


def _run(args: argparse.Namespace) -> Result:
    return clean_and_explain(_read(args.file), url=args.url, config=config_from_args(args))


def cmd_clean(args: argparse.Namespace) -> int:
    result = _run(args)
    if args.json:
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(result.text + ("\n" if result.paragraphs else ""))
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    result = _run(args)
    for d in result.decisions:
        verdict = "KEEP" if d.kept else "DROP"
        label = f"{d.category.value}:{d.rule}" if d.category else ""
        text = d.text if len(d.text) <= 100 else d.text[:97] + "..."
        sys.stdout.write(f"{verdict} {label:<32} {text}\n")
    if args.html:
        report = importlib.import_module("cleantext.report")
        Path(args.html).write_text(report.render_explain(result, title=args.file), encoding="utf-8")
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    rules = default_rules()
    if args.json:
        rows = [
            {
                "id": r.id,
                "category": r.category.value,
                "stage": r.stage.value,
                "languages": list(r.languages),
                "explanation": r.explanation,
            }
            for r in rules
        ]
        json.dump(rows, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    for r in rules:
        langs = ",".join(r.languages) if r.languages else "*"
        sys.stdout.write(
            f"{r.id:<28} {r.category.value:<11} {r.stage.value:<9} {langs:<24} {r.explanation}\n"
        )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cleantext", description=__doc__)
    parser.add_argument("--version", action="version", version=f"cleantext-web {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("clean", help="print the article's paragraphs")
    _common(p)
    p.add_argument("--json", action="store_true", help="one JSON record with metadata and decisions")
    p.set_defaults(func=cmd_clean)
    p = sub.add_parser("explain", help="print every candidate paragraph with KEEP/DROP, category, rule")
    _common(p)
    p.add_argument("--html", metavar="REPORT", help="also write a self-contained HTML report")
    p.set_defaults(func=cmd_explain)
    p = sub.add_parser("rules", help="list the rule catalogue")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_rules)
    try:
        batch = importlib.import_module("cleantext.batch.cli")
    except ImportError:
        batch = None
    if batch is not None:
        p = sub.add_parser("batch", help="clean a corpus (JSONL, Parquet, WARC)")
        batch.add_arguments(p)
        p.set_defaults(func=batch.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cleantext`` command."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except (OSError, ValueError) as err:
        sys.stderr.write(f"cleantext: {err}\n")
        return 2
    except BrokenPipeError:  # pragma: no cover  # e.g. `cleantext clean page.html | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
