"""docs/rules.md is the catalogue generated from the rule registry, and stays in step with it."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from cleantext import Category, Limits, Rule, api, consent, default_rules, extract, language, page, recover
from cleantext.catalogue import REGENERATE, main, matcher_summary, render_markdown, slug
from cleantext.rules import base, firstchar
from cleantext.rules.catalog import PACK_RULES

RULES_MD = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_committed_catalogue_is_up_to_date() -> None:
    committed = RULES_MD.read_text(encoding="utf-8") if RULES_MD.exists() else ""
    assert committed == render_markdown(), (
        f"docs/rules.md is out of date with the rule registry (a rule or a language pack changed). "
        f"Regenerate it with: {REGENERATE}"
    )


def test_every_rule_has_a_section_and_an_index_entry() -> None:
    md = render_markdown()
    for rule in default_rules():
        assert f"### `{rule.id}`" in md, rule.id
        assert f"](#{slug(rule.id)})" in md, rule.id
        assert rule.category.value in md


def test_catalogue_is_deterministic_and_order_free() -> None:
    rules = list(default_rules())
    assert render_markdown(rules) == render_markdown(list(reversed(rules))) == render_markdown()


def test_adding_a_rule_changes_the_catalogue() -> None:
    extra = Rule.phrases("zz.extra", Category.OTHER, ["an extra phrase"], examples=["An extra phrase"])
    assert render_markdown([*default_rules(), extra]) != render_markdown()
    assert "### `zz.extra`" in render_markdown([*default_rules(), extra])


def test_examples_are_truncated() -> None:
    rule = Rule.phrases("zz.long", Category.OTHER, ["x"], examples=["word " * 200])
    section = render_markdown([rule])
    example_line = next(line for line in section.splitlines() if line.startswith("- **Example"))
    assert len(example_line) < 260 and "…" in example_line


def test_check_and_output_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "rules.md"
    assert main(["-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == render_markdown()
    assert main(["--check", str(target)]) == 0
    target.write_text("stale\n", encoding="utf-8")
    assert main(["--check", str(target)]) == 1
    assert REGENERATE in capsys.readouterr().err
    assert main([]) == 0
    assert capsys.readouterr().out == render_markdown()


ALGORITHM_MD = RULES_MD.with_name("algorithm.md")
_NUMERIC_GUARD = re.compile(r"^\w+=-?[\d.]+$")


def _row(doc: str, rule_id: str) -> list[str] | None:
    for line in doc.splitlines():
        if line.startswith(f"| `{rule_id}` |"):
            return [cell.strip() for cell in line.strip().strip("|").split("|")]
    return None


def test_algorithm_page_states_the_current_thresholds() -> None:
    doc = ALGORITHM_MD.read_text(encoding="utf-8")
    problems = []
    pack_ids = {spec.id for spec in PACK_RULES}
    for spec in PACK_RULES:
        row = _row(doc, spec.id)
        hits = getattr(spec, "max_hits", 0)
        expected = [str(spec.max_chars), str(spec.contains_max_chars), str(hits) if hits else "—"]
        if row is None or row[1:4] != expected:
            problems.append(f"{spec.id}: {' / '.join(expected)}")
    for rule in default_rules():
        if rule.id in pack_ids:
            continue
        row = _row(doc, rule.id)
        # A guard of 0 means "no limit" (max_hits=0): nothing to document.
        guards = [g for g in matcher_summary(rule.matcher)[1]
                  if _NUMERIC_GUARD.match(g) and not g.endswith("=0")]
        if row is None or any(f"`{g}`" not in row[2] for g in guards):
            problems.append(f"{rule.id}: {', '.join(guards) or 'no numeric parameters'}")
    constants = (
        (api, "MIN_EXTRACTED_CHARS"), (api, "MIN_EXTRACTED_SHARE"), (api, "MAX_NOSCRIPT_SHARE"),
        (api, "MIN_RECALL_CHARS"), (api, "MAX_PARTIAL_SHARE"), (api, "RESCUE_GAIN"),
        (extract, "PROSE_RUN"), (extract, "FAST_MAX_ELEMENTS"),
        (extract, "FULL_MAX_ELEMENTS"), (page, "ANCESTOR_LEVELS"), (page, "BOX_CHARS"), (page, "KEY_CHARS"),
        (page, "MAX_INDEXED_ELEMENTS"), (base, "TAIL"), (base, "WORD_INDEX_MAX_CHARS"),
        (language, "SAMPLE_CHARS"), (language, "RELATED_SHARE"), (language, "LINGUA_FRANCA"),
        (firstchar, "MAX_PREFIX"), (firstchar, "MAX_PREFIXES"), (firstchar, "MIN_REQUIRED"),
        (firstchar, "GOOD_RARITY"), (firstchar, "REQUIRED_CHARS"), (base, "MAX_SELECTIONS"),
        (recover, "MIN_COVERAGE"), (recover, "MIN_PROSE_CHARS"), (recover, "MAX_PROSE_DENSITY"),
        (consent, "MAX_DEPTH"),
    )
    for module, name in constants:
        if f"`{name} = {getattr(module, name, None)}`" not in doc:
            problems.append(f"{module.__name__}.{name} = {getattr(module, name, None)}")
    if f"`RUNS_TABLE_END = {base.RUNS_TABLE_END:#x}`" not in doc:  # a code point, written in hex
        problems.append(f"{base.__name__}.RUNS_TABLE_END = {base.RUNS_TABLE_END:#x}")
    for f in dataclasses.fields(Limits):
        value = getattr(Limits(), f.name)
        shown = f"{value:,}" if isinstance(value, int) else str(value)
        if _row(doc, f.name) is None or _row(doc, f.name)[1] != shown:  # type: ignore[index]
            problems.append(f"Limits.{f.name} = {shown}")
    assert not problems, (
        "docs/algorithm.md does not match the code for: " + "; ".join(problems)
        + ". Update its tables (every rule and threshold is listed there with the reason for its value)."
    )
