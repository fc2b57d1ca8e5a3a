"""docs/rules.md is the catalogue generated from the rule registry, and stays in step with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleantext import Category, Rule, default_rules
from cleantext.catalogue import REGENERATE, main, render_markdown, slug

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
