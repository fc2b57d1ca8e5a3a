"""The start-pattern gate: derived prefixes must cover every possible match."""

from __future__ import annotations

import pytest

import cleantext
from cleantext.fold import fold
from cleantext.rules.base import Phrases, Rule
from cleantext.rules.firstchar import DIGIT, MARKERS, NONWORD, first_chars, start_prefixes


@pytest.mark.parametrize(
    ("patterns", "expected"),
    [
        ([r"^remind me"], {"r"}),
        ([r"^(?:view|show) \d++ comments$"], {"v", "s"}),
        ([r"^(?:(?:first|last) )?(?:published|updated)"], {"f", "l", "p", "u"}),
        ([r"^\d++ of \d++$"], {DIGIT}),
        ([r"^[$£€]\d"], {"$", "£", "€"}),
        ([r"^(?!no)n\w"], {"n"}),
        ([r"^a", r"^b"], {"a", "b"}),
        ([r"^[a-c]x"], {"a", "b", "c"}),  # a small range is certain
        ([r"^[\W_]*+foo"], {NONWORD, "_", "f"}),  # a non-word set is a class
        ([r"^[^\w©]{0,3}+©"], {NONWORD, "©"}),
    ],
)
def test_first_chars_of_certain_constructs(patterns: list[str], expected: set[str]) -> None:
    assert first_chars(patterns) == frozenset(expected)


@pytest.mark.parametrize(
    "pattern",
    [
        r"^[^a]foo",  # a negated set that lets letters in can start it
        r"^.abc",
        r"^(?:abc)?",  # can match the empty string
        r"^[\p{L}]{2}",  # not read by the standard parser
        r"^[[:alpha:]]+",  # read differently by the standard parser
        r"^(?i)abc",  # case-insensitive
        r"^[\u0000-\uffff]x",  # a range wider than MAX_RANGE
    ],
)
def test_uncertain_constructs_give_no_gate(pattern: str) -> None:
    assert first_chars([pattern]) is None


@pytest.mark.parametrize(
    ("patterns", "expected"),
    [
        ([r"^(?:view|show) \d++ comments$"], {"view ", "show "}),
        ([r"^(?:(?:first|last) )?published"], {"first published", "last published", "published"}),
        ([r"^(?:ab)++c"], {"ab"}),  # after a repeat, what follows is not certain
        ([r"^x\d"], {"x"}),  # a class ends the prefix
        ([r"^[$€]\d"], {"$", "€"}),
        ([r"^\d+ min read"], {DIGIT}),
        ([r"^" + "a" * 40], {"a" * 16}),  # cut at MAX_PREFIX
        ([r"^[a-h][a-h][a-h]x"], {a + b for a in "abcdefgh" for b in "abcdefgh"}),  # 512 > MAX_PREFIXES
    ],
)
def test_start_prefixes(patterns: list[str], expected: set[str]) -> None:
    assert start_prefixes(patterns) == frozenset(expected)


PHRASE_RULES = [r for r in cleantext.default_rules() if isinstance(r.matcher, Phrases)]
TEXTS = sorted(
    {fold(t) for r in cleantext.default_rules() for t in (*r.examples, *r.counterexamples) if "<" not in t}
)


def _start_matches(rule: Rule) -> int:
    assert isinstance(rule.matcher, Phrases)
    checked = 0
    for part in rule.matcher.compiled(None):
        if part.head_chars is None or part.patterns_only is None:
            continue
        for text in TEXTS:
            for variant in (text, text.lstrip("\"'«(*-• ")):
                if any(p.match(variant) for p in part.patterns_only.head):
                    assert part.head_prefixes is not None
                    first = variant[:1]
                    assert (
                        variant.startswith(tuple(part.head_prefixes - MARKERS))
                        or (DIGIT in part.head_prefixes and first.isdecimal())
                        or (NONWORD in part.head_prefixes and not first.isalpha() and not first.isdecimal())
                    )
                    checked += 1
    return checked


@pytest.mark.parametrize("rule", PHRASE_RULES, ids=[r.id for r in PHRASE_RULES])
def test_gate_covers_every_start_match_in_the_bundled_texts(rule: Rule) -> None:
    _start_matches(rule)


def test_the_gate_check_sees_many_matches() -> None:
    assert sum(_start_matches(r) for r in PHRASE_RULES) >= 50
