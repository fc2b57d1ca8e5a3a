"""The per-document choice of language packs (``Config.languages`` left to None)."""

from __future__ import annotations

from collections import Counter

import pytest

import cleantext
from cleantext import Config
from cleantext.fold import fold
from cleantext.language import (
    LINGUA_FRANCA,
    count_stopword_runs,
    count_stopwords,
    guess_language,
    pack_selection,
)
from cleantext.rules.packs import Pack, bundled_packs

PACKS = bundled_packs()


def _prose(pack: Pack) -> list[str]:
    """Sentences in the pack's language: its counterexamples, which are prose by design."""
    texts = [c for r in pack.rules.values() for c in r.counterexamples]
    return [c for c in texts if len(c) > 60 and not c.startswith("<")]


@pytest.mark.parametrize("pack", PACKS, ids=[p.language for p in PACKS])
def test_prose_selects_its_language_and_english(pack: Pack) -> None:
    selection = pack_selection(fold(" ".join(_prose(pack)[:12])))
    assert selection is not None
    assert pack.language in selection and LINGUA_FRANCA in selection
    assert len(selection) <= 3
    assert guess_language(fold(" ".join(_prose(pack)[:12]))) == pack.language


@pytest.mark.parametrize("pack", PACKS, ids=[p.language for p in PACKS])
def test_examples_are_dropped_inside_prose_of_their_language(pack: Pack) -> None:
    prose = _prose(pack)[:12]
    auto = Config(input_kind="text")
    kept = []
    for rule_id, entry in pack.rules.items():
        for example in entry.examples:
            if example.startswith("<") or "\n" in example:
                continue
            text = "\n".join([*prose[:6], example, *prose[6:]])
            decision = next(d for d in cleantext.clean_and_explain(text, config=auto).decisions
                            if d.text == example.strip())
            if decision.kept:
                kept.append((rule_id, example))
    assert not kept
    assert all(d.kept for d in cleantext.clean_and_explain("\n".join(prose), config=auto).decisions)


def test_a_text_too_short_to_tell_gets_every_pack() -> None:
    assert pack_selection("Jetzt spenden") is None
    assert cleantext.clean("Jetzt spenden\nDer Rat hat am Dienstag den neuen Haushalt beschlossen.") == [
        "Der Rat hat am Dienstag den neuen Haushalt beschlossen."
    ]


def test_config_languages_overrides_the_choice() -> None:
    german_cue = "Jetzt spenden"
    english_prose = "The council approved the new budget on Tuesday after a long debate about the schools."
    text = "\n".join([english_prose, german_cue, english_prose])
    assert german_cue not in cleantext.clean(text, config=Config(input_kind="text", languages=("de",)))


def test_counting_only_the_stopwords_counts_the_same() -> None:
    words = "the cat and the dog und der hund le chat et le chien the the in is as zzz".split()
    assert count_stopword_runs(words) == count_stopwords(Counter(words))
    assert count_stopword_runs([]) == count_stopwords(Counter())
