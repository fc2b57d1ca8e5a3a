"""One bad page costs a bounded amount and changes nothing else (issue 4 acceptance).

``clean_many`` cleans 1,000 good pages (200 distinct ScrapingHub pages and variants, cycled)
with every page of the hostile suite mixed in; each good page's result must equal the result
of a clean run on that page alone, and every hostile page must yield a result.
"""

from __future__ import annotations

from collections.abc import Iterator

from _data import scrapinghub_pages
from _hostile import cases

from cleantext import clean_and_explain
from cleantext.batch import Outcome, clean_many

GOOD_PAGES = 1_000
DISTINCT = 200


def _distinct_pages() -> list[bytes]:
    pages = [html for _, html in scrapinghub_pages()]
    variants = [html + f"<!-- variant {i} -->".encode() for i, html in enumerate(pages)]
    return (pages + variants)[:DISTINCT]


def _mixed(pages: list[bytes]) -> Iterator[tuple[str, str | bytes]]:
    """(id, source): good pages ``good-<n>`` with a hostile page after every few of them."""
    hostile = cases()
    every = GOOD_PAGES // (len(hostile) + 1)
    for n in range(GOOD_PAGES):
        yield f"good-{n}", pages[n % len(pages)]
        if n % every == every - 1 and hostile:
            case = hostile.pop(0)
            yield f"hostile-{case.name}", case.build()


def test_good_pages_unchanged_by_hostile_neighbours() -> None:
    pages = _distinct_pages()
    clean_run = list(clean_many(pages, workers=2))
    expected = [r.result.to_dict() if r.result else None for r in clean_run]
    assert expected[0] == clean_and_explain(pages[0]).to_dict()
    seen_good = seen_hostile = 0
    for r in clean_many(_mixed(pages), workers=2, timeout=60):
        assert r.outcome is Outcome.OK, (r.id, r.error)
        assert r.result is not None
        if str(r.id).startswith("good-"):
            n = int(str(r.id).split("-")[1])
            assert r.result.to_dict() == expected[n % len(pages)], r.id
            seen_good += 1
        else:
            seen_hostile += 1
    assert seen_good == GOOD_PAGES
    assert seen_hostile == len(cases())
