"""Every rule drops each of its examples and keeps each of its look-alike counterexamples."""

from __future__ import annotations

import time

import pytest

import cleantext
from cleantext import Config, Extractor, Rule, Stage, default_rules
from cleantext.fold import fold
from cleantext.rules.base import Phrases

RULES = default_rules()


def _config_for(rule: Rule) -> Config:
    # A single-paragraph rule is tested alone; context, block and duplicate rules need the
    # drops of the others, so they run with the whole catalogue. HTML examples skip
    # trafilatura (which may remove the boilerplate itself): the rule is what is tested.
    enable = frozenset({rule.id})  # rules that are off by default are tested too
    if rule.stage is Stage.LINE:
        return Config(use_default_rules=False, rules=(rule,), extractor=Extractor.NONE, enabled_rules=enable)
    return Config(extractor=Extractor.NONE, enabled_rules=enable)


def _fired(rule: Rule, doc: str) -> list[str]:
    result = cleantext.clean_and_explain(doc, config=_config_for(rule))
    return [d.text for d in result.decisions if d.rule == rule.id and not d.kept]


def test_rule_ids_unique_and_well_formed() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for r in RULES:
        assert r.id.count(".") == 1 and r.id == r.id.lower(), r.id
        assert r.explanation.endswith((".", ")")), r.id


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_has_examples_and_counterexamples(rule: Rule) -> None:
    assert rule.examples, f"{rule.id} has no example"
    assert rule.counterexamples, f"{rule.id} has no counterexample"


EXAMPLES = [(r, ex) for r in RULES for ex in r.examples]
COUNTER = [(r, ex) for r in RULES for ex in r.counterexamples]


@pytest.mark.parametrize(("rule", "doc"), EXAMPLES, ids=[f"{r.id}:{fold(e)[:40]}" for r, e in EXAMPLES])
def test_rule_drops_its_example(rule: Rule, doc: str) -> None:
    assert _fired(rule, doc), f"{rule.id} did not drop anything in {doc[:200]!r}"


@pytest.mark.parametrize(("rule", "doc"), COUNTER, ids=[f"{r.id}:{fold(e)[:40]}" for r, e in COUNTER])
def test_rule_keeps_its_counterexample(rule: Rule, doc: str) -> None:
    assert not _fired(rule, doc), f"{rule.id} dropped {_fired(rule, doc)}"


def test_block_rules_cover_the_box_categories() -> None:
    blocks = [r for r in RULES if r.stage is Stage.BLOCK]
    assert {r.category.value for r in blocks} == {"donation", "comment", "newsletter", "paywall"}


HOSTILE = [
    "a" * 5000 + "!",
    "(" * 3000,
    ")" * 3000 + "(",
    " " * 5000 + "x",
    "by " * 2000,
    "photo: " * 800,
    "© " * 2000,
    "getty images " * 400 + "(",
    ("word " * 40 + "/ ") * 30,
    "\u00a9 2024 " * 500 + "all rights",
]


@pytest.mark.parametrize("rule", [r for r in RULES if isinstance(r.matcher, Phrases)], ids=lambda r: r.id)
def test_bundled_cues_are_linear_on_hostile_strings(rule: Rule) -> None:
    # Bundled phrase rules run without the regex timeout, so every one of their patterns
    # must stay fast on long adversarial inputs (the length guards are bypassed here).
    patterns = [r for part in rule.matcher.compiled(None) for r in part.regexes()]
    assert patterns
    for text in HOSTILE:
        for pattern in patterns:
            start = time.perf_counter()
            pattern.search(text, timeout=5.0)
            assert time.perf_counter() - start < 0.5, (rule.id, pattern.pattern[:80], text[:20])
