"""The seed article: the scraped text this project started from, with its expected output."""

from __future__ import annotations

import cleantext


def test_seed_paragraphs_exact(seed_text: str, seed_expected: dict) -> None:
    assert cleantext.clean(seed_text) == seed_expected["paragraphs"]


def test_seed_drop_categories(seed_text: str, seed_expected: dict) -> None:
    result = cleantext.clean_and_explain(seed_text)
    dropped = {d.text: d for d in result.decisions if not d.kept}
    expected = seed_expected["dropped"]
    same = [
        e for e in expected if e["text"] in dropped and dropped[e["text"]].category.value == e["category"]
    ]
    missing = [(e["category"], e["text"][:50]) for e in expected if e not in same]
    assert len(same) >= 14, f"categories differ for: {missing}"
    # Every expected drop is dropped (whatever its category), and every drop names its rule.
    assert all(e["text"] in dropped for e in expected)
    assert all(d.rule and d.category and d.evidence for d in dropped.values())


def test_seed_metadata(seed_text: str, seed_expected: dict) -> None:
    meta = cleantext.clean_and_explain(seed_text).metadata
    assert meta.title == seed_expected["title"]
    assert meta.author == seed_expected["author"]
    assert meta.date == seed_expected["date"]
    assert meta.language == "en"
    assert meta.kind is cleantext.InputKind.TEXT


def test_seed_as_bytes_same_paragraphs(seed_text: str) -> None:
    assert cleantext.clean(seed_text.encode("utf-8")) == cleantext.clean(seed_text)
