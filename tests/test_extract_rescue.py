"""The readability check of a partial fast result (``api._rescued``) and its guards."""

from __future__ import annotations

import pytest

from cleantext import api, extract
from cleantext.config import DEFAULT_CONFIG
from cleantext.model import Paragraph
from cleantext.page import parse, read_page

_PARAGRAPHS = [
    f"Paragraph {i} of the guide explains, in a full sentence of prose, how the garden beds are "
    "prepared, watered and mulched before the first frost of the autumn arrives."
    for i in range(8)
]


def _page(body: str) -> str:
    return (
        "<html><head><title>A guide to garden beds</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/guides">Guides</a></nav>' + body + "</body></html>"
    )


def _one_article() -> str:
    return _page("<article>" + "".join(f"<p>{t}</p>" for t in _PARAGRAPHS) + "</article>")


def _partial(text: str) -> list[Paragraph]:
    return [Paragraph(index=0, text=text, folded=text.lower())]


def test_prose_chars_counts_only_long_runs_of_text() -> None:
    tree = parse(_page("<p>" + _PARAGRAPHS[0] + "</p><p>Short label</p><script>var x = 1;</script>"))
    assert tree is not None
    assert extract.prose_chars(tree) == len(_PARAGRAPHS[0])


def test_readability_finds_the_articles_column() -> None:
    tree = parse(_one_article())
    assert tree is not None
    body = extract.readability_content(tree, None, include_tables=True)
    assert body is not None
    text = " ".join(body.itertext())
    assert all(p[:40] in text for p in _PARAGRAPHS)
    assert "Guides" not in text


def test_a_partial_result_is_replaced_when_readability_finds_more_than_twice_as_much() -> None:
    tree = parse(_one_article())
    assert tree is not None
    page = read_page(tree)
    found = api._rescued(page, DEFAULT_CONFIG, _partial(_PARAGRAPHS[0]), len(_PARAGRAPHS[0]))
    assert [p.text for p in found] == _PARAGRAPHS


def test_readability_is_not_tried_on_a_page_of_several_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("readability ran")

    monkeypatch.setattr(extract, "readability_content", fail)
    html = _page("".join(f"<article><p>{t}</p></article>" for t in _PARAGRAPHS))
    tree = parse(html)
    assert tree is not None
    partial = _partial(_PARAGRAPHS[0])
    assert api._rescued(read_page(tree), DEFAULT_CONFIG, partial, len(_PARAGRAPHS[0])) is partial


def test_readability_is_not_tried_when_the_page_has_little_more_prose(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("readability ran")

    monkeypatch.setattr(extract, "readability_content", fail)
    html = _page("<article>" + "".join(f"<p>{t}</p>" for t in _PARAGRAPHS[:1]) + "</article>")
    tree = parse(html)
    assert tree is not None
    partial = _partial(_PARAGRAPHS[0])
    assert api._rescued(read_page(tree), DEFAULT_CONFIG, partial, len(_PARAGRAPHS[0])) is partial


def _links_page(head: str = "") -> str:
    entries = "".join(
        f'<li><a href="/book/{i}">Book number {i} of the catalogue, a title long enough to read</a></li>'
        for i in range(40)
    )
    return f"<html><head><title>Catalogue</title>{head}</head><body><ul>{entries}</ul></body></html>"


def _checked_pages(monkeypatch: pytest.MonkeyPatch, html: str, **config: object) -> list[str]:
    """The pages whose almost empty fast result went to the readability check."""
    calls: list[str] = []

    def fast(page: object, config: object, can_retry: bool, visible: int) -> list[Paragraph]:
        return _partial("Catalogue")

    def rescued(page: object, config: object, paragraphs: list[Paragraph], chars: int) -> list[Paragraph]:
        calls.append("checked")
        return paragraphs

    monkeypatch.setattr(api, "_trafilatura_paragraphs", fast)
    monkeypatch.setattr(api, "_rescued", rescued)
    tree = parse(html)
    assert tree is not None
    api._html_paragraphs(read_page(tree), DEFAULT_CONFIG.replace(**config))
    return calls


def test_an_almost_empty_result_with_nothing_to_recover_gets_the_readability_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _checked_pages(monkeypatch, _links_page()) == ["checked"]


def test_a_declared_article_keeps_its_full_cascade_retry_instead(monkeypatch: pytest.MonkeyPatch) -> None:
    declared = '<meta property="og:type" content="article">'
    assert _checked_pages(monkeypatch, _links_page(declared)) == []


def test_without_recovery_the_full_cascade_retry_is_the_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _checked_pages(monkeypatch, _links_page(), recover_prose=False) == []


def test_when_prose_is_recovered_readability_is_not_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    html = _page("<div>" + "".join(f"<p>{t}</p>" for t in _PARAGRAPHS) + "</div>")
    assert _checked_pages(monkeypatch, html) == []
