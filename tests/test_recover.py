"""Prose the extraction missed (cleantext.recover): when it is added, where, and when it is not."""

from __future__ import annotations

import pytest

import cleantext
from cleantext import recover
from cleantext.fold import fold
from cleantext.model import Paragraph
from cleantext.page import Page, parse, read_page

POST = "I had the same problem with the pump after the update, and resetting the controller fixed it for me."
REPLY = "Thanks, that worked here too. The pressure came back within a minute of the reset, no parts needed."
THIRD = "For anyone finding this later: the reset button sits behind the front panel, under the display."
NEWS_ARTICLE = '{"@context": "https://schema.org", "@type": "NewsArticle"}'
PRODUCT_GRAPH = '{"@graph": [{"@type": "WebPage"}, {"@type": ["Product", "Thing"]}]}'
MENU_BLURB = "Our company builds pumps, valves and controllers for homes and small businesses everywhere."


def _page(body: str, head: str = "") -> Page:
    tree = parse(f"<html><head>{head}</head><body>{body}</body></html>")
    assert tree is not None
    return read_page(tree)


def _extracted(*texts: str) -> list[Paragraph]:
    return [Paragraph(index=i, text=t, folded=fold(t)) for i, t in enumerate(texts)]


def _thread(extra_head: str = "") -> Page:
    return _page(
        f"<header><p>{MENU_BLURB}</p></header>"
        f"<div class='post'><p>{POST}</p></div>"
        f"<div class='post'><p>{REPLY}</p></div>"
        "<div class='links'><a href='/a'>Pumps</a> <a href='/b'>Valves</a></div>"
        f"<div class='post'><p>{THIRD}</p></div>"
        f"<footer><p>{MENU_BLURB}</p></footer>",
        extra_head,
    )


def _texts(paragraphs: list[Paragraph]) -> list[str]:
    return [p.text for p in paragraphs]


def test_missed_posts_are_added_in_page_order_with_fresh_indexes() -> None:
    page = _thread()
    out = recover.with_missed_prose(_extracted(REPLY), page, visible=10_000)
    assert _texts(out) == [POST, REPLY, THIRD]
    assert [p.index for p in out] == [0, 1, 2]
    assert all(p.folded == fold(p.text) for p in out)


def test_landmark_prose_is_never_added() -> None:
    out = recover.with_missed_prose(_extracted(POST), _thread(), visible=10_000)
    assert MENU_BLURB not in _texts(out)


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="og:type" content="article">',
        f"<script type='application/ld+json'>{NEWS_ARTICLE}</script>",
        f"<script type='application/ld+json'>{PRODUCT_GRAPH}</script>",
        '<meta property="og:type" content="product">',
    ],
)
def test_pages_that_declare_an_article_or_product_are_left_alone(head: str) -> None:
    extracted = _extracted(REPLY)
    assert recover.with_missed_prose(extracted, _thread(head), visible=10_000) is extracted


def test_a_page_declaring_another_type_is_recovered() -> None:
    head = '<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>'
    assert _texts(recover.with_missed_prose(_extracted(REPLY), _thread(head), visible=10_000)) == [
        POST,
        REPLY,
        THIRD,
    ]


def test_enough_coverage_changes_nothing() -> None:
    extracted = _extracted(POST, REPLY)
    # Two of the three prose blocks: more than MIN_COVERAGE of the prose.
    assert recover.with_missed_prose(extracted, _thread(), visible=10_000) is extracted
    # A visible text the extraction already covers: the page is not even segmented.
    assert recover.with_missed_prose(_extracted(REPLY), _thread(), visible=200) == _extracted(REPLY)


def test_text_already_inside_a_longer_extracted_paragraph_is_not_repeated() -> None:
    joined = f"{POST} {REPLY}"
    page = _page(
        f"<div><p>{POST}</p><p>{REPLY}</p></div><p>{THIRD}</p><p>{MENU_BLURB}</p><p>{THIRD}</p>"
        f"<p>{MENU_BLURB} {THIRD}</p>"
    )
    out = _texts(recover.with_missed_prose(_extracted(joined), page, visible=10_000))
    # POST and REPLY are in the extracted paragraph; THIRD is printed twice and added once.
    assert out == [joined, THIRD, MENU_BLURB, f"{MENU_BLURB} {THIRD}"]


def test_short_and_link_dense_blocks_are_not_prose() -> None:
    assert recover.is_prose(("p", POST, 0.0))
    assert not recover.is_prose(("p", "Too short to be prose.", 0.0))
    assert not recover.is_prose(("li", POST, recover.MAX_PROSE_DENSITY))


def test_declared_types_reads_json_ld_microdata_and_open_graph() -> None:
    page = _page(
        "<div itemscope itemtype='https://schema.org/Recipe'>x</div>",
        "<script type='application/ld+json'>"
        '{"@type": ["WebPage", "FAQPage"], "about": {"@type": "Thing"}}</script>'
        '<meta property="og:type" content="website">',
    )
    assert page.types == {"webpage", "faqpage", "thing", "recipe", "website"}
    # The word in a description is not a type.
    prose = _page("", '<script type="application/ld+json">{"description": "Product of the year"}</script>')
    assert prose.types == frozenset()


def test_the_config_switch_turns_recovery_off() -> None:
    posts = "".join(f"<div class='msg'><p>{t}</p></div>" for t in (POST, REPLY, THIRD) * 3)
    html = f"<html><body><main><p>{POST}</p></main>{posts}</body></html>"
    on = cleantext.clean_and_explain(html)
    off = cleantext.clean_and_explain(html, config=cleantext.Config(recover_prose=False))
    assert cleantext.clean_and_explain(html) == on  # same input, same output
    assert set(off.paragraphs) <= set(on.paragraphs)


def test_the_full_cascade_retry_is_for_declared_pages_when_prose_is_recovered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cleantext import api

    calls: list[bool] = []

    def extracted(
        page: Page, config: cleantext.Config, *, full: bool, recall: bool = False
    ) -> list[Paragraph]:
        calls.append(full)
        return []

    monkeypatch.setattr(api, "_extracted", extracted)
    for head, recover_prose, retried in (
        ("", True, False),
        ('<meta property="og:type" content="article">', True, True),
        ("", False, True),
    ):
        calls.clear()
        api._trafilatura_paragraphs(
            _thread(head), cleantext.Config(recover_prose=recover_prose), True, 10_000
        )
        assert (True in calls) is retried, (head, recover_prose)
