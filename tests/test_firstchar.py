"""The start-pattern gate: derived prefixes must cover every possible match."""

from __future__ import annotations

import pytest

import cleantext
from cleantext.fold import fold
from cleantext.rules.base import Phrases, Rule
from cleantext.rules.firstchar import DIGIT, MARKERS, NONWORD, first_chars, required_texts, start_prefixes


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
        r"^[\p{L}]{2}",  # a Unicode property can start it
        r"^[^\p{L}]x",  # so can anything outside one
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
        ([r"^(?:by|von) \p{Lu}\p{L}++"], {"by ", "von "}),  # a Unicode property ends the prefix
        ([r"^(?:graphics|photos): ?[\p{L}\p{M}.'-]++"], {"graphics:", "graphics: ", "photos:", "photos: "}),
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


@pytest.mark.parametrize(
    ("patterns", "expected"),
    [
        ([r"via getty images\W*$"], {"via "}),  # cut to REQUIRED_CHARS
        ([r"\((?:ap|afp)\)$"], {"(ap)", "(afp"}),
        ([r"(?<!\w)© ?\w++$"], {"©"}),  # one character outside ASCII is enough
        ([r"/ ?(?:reuters|afp)$"], {"/ re", "/ af", "/reu", "/afp"}),
        ([r"\d++ min(?:ute)?s? read$"], {" min"}),
        ([r"(?:a|b)?xyz"], {"xyz"}),  # an optional item requires nothing
        ([r"\p{Lu}\p{L}++ \(ap\)$"], {"(ap)"}),
    ],
)
def test_required_texts(patterns: list[str], expected: set[str]) -> None:
    assert required_texts(patterns) == frozenset(expected)


@pytest.mark.parametrize(
    "pattern",
    [
        r"\w++ ?\)$",  # only a one-character ASCII text is certain
        r"(?:ab)?(?:cd)*$",  # nothing is required
        r"[\p{L}]{3}$",  # a Unicode property requires no text
        r"(?i)getty$",  # case-insensitive
    ],
)
def test_no_required_texts(pattern: str) -> None:
    assert required_texts([pattern]) is None


def test_required_texts_are_found_in_every_match_of_the_bundled_texts() -> None:
    checked = 0
    for rule in PHRASE_RULES:
        assert isinstance(rule.matcher, Phrases)
        for part in rule.matcher.compiled(None):
            if part.rest_texts is None or part.patterns_rest is None:
                continue
            patterns = [*part.patterns_rest.tail, *part.patterns_rest.free]
            for text in TEXTS:
                if any(p.search(text) for p in patterns):
                    assert part.rest_texts.search(text), (rule.id, text)
                    checked += 1
    assert checked >= 20
