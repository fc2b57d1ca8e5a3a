"""The phrase gates: skipping paragraphs must never change what a rule finds.

A text-cue rule tries its phrases only on paragraphs holding the phrases' words (the word
gate), its start patterns only on paragraphs beginning with a text they can begin with (the
prefix gate) and its end and anywhere patterns only on paragraphs holding a text they need
(the required-text gate). These tests run every bundled rule on a document made of every
example and counterexample, in several language selections, and compare with trying each
paragraph on its own.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

import cleantext
from cleantext.engine import DocView, bundled_gates
from cleantext.fold import fold
from cleantext.language import stopword_hits
from cleantext.model import Paragraph
from cleantext.rules.base import Anchor, Gate, Phrases, Rule, gate_words

PHRASE_RULES = [r for r in cleantext.default_rules() if isinstance(r.matcher, Phrases)]
TEXTS = sorted(
    {fold(t) for r in cleantext.default_rules() for t in (*r.examples, *r.counterexamples) if "<" not in t}
)


def _document() -> list[Paragraph]:
    # Each text also with a word glued to either end (near misses for the word gate) and
    # behind punctuation (start patterns that allow it).
    texts = [v for t in TEXTS for v in (t, f"x{t}", f"{t}s", f"we said {t} again", f"- {t}", f'"{t}"')]
    return [Paragraph(index=i, text=t, folded=t, tag="line") for i, t in enumerate(texts)]


@pytest.mark.parametrize("rule", PHRASE_RULES, ids=[r.id for r in PHRASE_RULES])
@pytest.mark.parametrize("languages", [None, ("en",), ("de", "en"), ("fr", "pl"), ("it", "nl", "pt")])
def test_gated_find_equals_trying_every_paragraph(rule: Rule, languages: tuple[str, ...] | None) -> None:
    matcher = replace(rule.matcher, max_hits=0)  # type: ignore[type-var]
    paragraphs = _document()
    doc = DocView(paragraphs, languages=languages)
    found = dict(matcher.find(doc, languages))
    expected = {p.index: m for p in paragraphs if (m := matcher.match(p, doc, languages)) is not None}
    assert found == expected
    if languages is None:
        assert found, "the examples must give the check something to find"


def test_a_phrase_of_two_words_needs_both() -> None:
    gate = gate_words(["read more", "subscribe"])
    assert gate is not None
    assert gate.singles == frozenset({"subscribe"})
    assert gate.pairs == {"more": frozenset({"read"})}
    doc = DocView(
        [
            Paragraph(index=0, text="read more", folded="read more"),
            Paragraph(index=1, text="more rain", folded="more rain"),
            Paragraph(index=2, text="please subscribe", folded="please subscribe"),
            Paragraph(index=3, text="we read it", folded="we read it"),
        ]
    )
    assert doc.paragraphs_with(gate) == {0, 2}


def test_a_phrase_without_letters_gives_no_gate() -> None:
    assert gate_words(["share", "***"]) is None


def test_stopword_hits_read_the_same_in_ascii_and_accented_text() -> None:
    plain = stopword_hits("the cat and the dog were in the house with the family")
    accented = stopword_hits("the café and the dog were in the house with the family")
    assert plain.guess() == accented.guess() == "en"
    assert plain.packs() == ("en",)


def test_every_bundled_gate_is_answered_by_the_bundled_word_index() -> None:
    for rule in PHRASE_RULES:
        assert isinstance(rule.matcher, Phrases)
        for part in rule.matcher.compiled(None):
            assert part.gate is None or part.gate.bundled, rule.id


def test_a_user_phrase_with_words_no_pack_has_is_still_found() -> None:
    matcher = Phrases({Anchor.LINE: {"*": ["zorblax quux"]}, Anchor.START: {"*": ["frobnicate now"]}})
    paragraphs = [
        Paragraph(index=i, text=t, folded=t)
        for i, t in enumerate(["share this article", "zorblax quux", "frobnicate now please", "quux zorblax"])
    ]
    doc = DocView(paragraphs)
    assert [i for i, _ in matcher.find(doc, None)] == [1, 2]
    # The bundled rules still read the bundled index of the same document.
    share = next(r for r in PHRASE_RULES if r.id == "share.bar")
    assert [i for i, _ in share.matcher.find(doc, None)] == [0]


def test_the_bundled_gate_table_answers_as_each_gate_alone() -> None:
    # The default rules' gates are answered together (engine.bundled_gates); a copy of a gate
    # is not in the table and is answered on its own.
    doc = DocView(_document())
    tables = bundled_gates().tables
    assert set(tables) >= {"en", "de"}
    found = 0
    for table in tables.values():
        for gate in table.gates:
            rows = doc.paragraphs_with(gate)
            assert rows == doc.paragraphs_with(Gate(gate.singles, gate.pairs))
            found += bool(rows)
    assert found, "the examples must give the check something to find"


def test_start_phrases_past_the_word_index_are_gated_by_how_they_begin() -> None:
    # A matcher longer than the word index tries its line and start phrases only on paragraphs
    # that begin with one, behind leading punctuation or not; the same finds as trying each.
    matcher = Phrases(
        {Anchor.START: {"*": ["we use cookies", "x"]}, Anchor.LINE: {"*": ["cookie settings"]}},
        max_chars=600,
    )
    texts = [
        "we use cookies to improve your experience",
        '"we use cookies" on this site',
        "_ we use cookies",
        "... we use cookies",
        "- (cookie settings)",
        "and we use cookies",
        "we used cookies",
        "x marks the spot",
        "xylophone",
        "(we use cookies",
        "",
    ]
    paragraphs = [Paragraph(index=i, text=t, folded=t) for i, t in enumerate(texts)]
    doc = DocView(paragraphs)
    part = matcher.compiled(None)[0]
    assert part.phrase_starting(doc) == {0, 1, 2, 3, 4, 7, 8, 9}
    found = dict(matcher.find(doc, None))
    assert found == {p.index: m for p in paragraphs if (m := matcher.match(p, doc, None)) is not None}
    assert sorted(found) == [0, 1, 2, 3, 4, 7, 9]
    # An end or contains phrase may begin anywhere: no such gate.
    anywhere = Phrases({Anchor.END: {"*": ["we use cookies"]}}, max_chars=600)
    assert anywhere.compiled(None)[0].phrase_starting(doc) is None
