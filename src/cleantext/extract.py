"""The trafilatura adapter: the only module that imports trafilatura.

trafilatura runs without its process-wide deduplication cache (``deduplicate=False``) and
without metadata extraction (cleantext reads metadata itself), so the same page always gives
the same content whatever ran before. It receives the tree cleantext already parsed and
copies it before changing anything.

trafilatura is not linear on every page: some of its passes, and the jusText and readability
fallbacks of its full mode, grow quadratically with the number of elements on pathological
pages (tens of thousands of sibling captions or inline elements). :func:`affordable` says
whether a page is small enough for it; cleantext segments larger pages itself.

Which of trafilatura's modes runs first depends on the page's shape: :func:`forum_thread` and
:func:`noscript_share` read it from the markup, before any extraction. A fast result that
covers a small part of the page is checked against trafilatura's readability fallback alone
(:func:`readability_content`), on pages whose markup and prose allow it (:func:`article_count`,
:func:`prose_chars`).
"""

from __future__ import annotations

import logging
from copy import deepcopy

import lxml.etree
import lxml.html
import regex
import trafilatura
from lxml.etree import _Element

# trafilatura logs every discarded page at WARNING; a library must not print for its caller.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

# Element counts above which trafilatura (fast mode / full cascade) is not run. Real article
# pages have a few hundred to a few thousand elements (WCXB: 1 page of 1,358 over 15,000, 5
# full-mode retries between 5,000 and 10,300); at these sizes the slowest page shapes measured
# (thousands of inline elements in one paragraph) take about a second in each mode.
FAST_MAX_ELEMENTS = 15_000
FULL_MAX_ELEMENTS = 12_000

# schema.org's thread type in a JSON-LD block, as trafilatura itself detects forum threads (key
# anchored, so the words in a description do not match; a type list is searched for 500 chars).
_FORUM_POSTING = regex.compile(
    r'"@type"\s*+:\s*+(?:"DiscussionForumPosting"|\[[^\]]{0,500}?"DiscussionForumPosting")'
)


def element_count(tree: lxml.html.HtmlElement) -> int:
    """Number of elements in the tree (counted by libxml2, not in Python)."""
    return int(tree.xpath("count(//*)"))


def affordable(elements: int, *, full: bool) -> bool:
    """Whether trafilatura may run on a tree of ``elements`` elements in linear-enough time."""
    return elements <= (FULL_MAX_ELEMENTS if full else FAST_MAX_ELEMENTS)


def forum_thread(tree: lxml.html.HtmlElement) -> bool:
    """Whether the page declares itself a forum thread (schema.org DiscussionForumPosting)."""
    return any(
        script.text and _FORUM_POSTING.search(script.text)
        for script in tree.iterfind('.//script[@type="application/ld+json"]')
    )


def noscript_share(tree: lxml.html.HtmlElement, visible: int) -> float:
    """Characters inside ``<noscript>`` elements per character of visible text (0 if none).

    Script-rendered pages (forum software, single-page apps) put their whole text in a
    ``<noscript>`` rendition; elsewhere noscript holds a tracking pixel or a one-line notice.
    """
    chars = 0
    for el in tree.iter("noscript"):
        length = el.xpath("string-length(normalize-space(.))")
        chars += int(length) if isinstance(length, float) else 0
    return chars / visible if visible > 0 else 0.0


_ARTICLES = lxml.etree.XPath("count(//article)")


def article_count(tree: lxml.html.HtmlElement) -> int:
    """Number of ``<article>`` elements (counted by libxml2)."""
    count = _ARTICLES(tree)
    return int(count) if isinstance(count, float) else 0


# A run of text at least this long (white space collapsed) is prose, not a label or a menu item.
PROSE_RUN = 60
_PROSE_RUNS = lxml.etree.XPath(
    "//text()[not(parent::script or parent::style or parent::noscript)]"
    f"[string-length(normalize-space(.)) >= {PROSE_RUN}]"
)


def prose_chars(tree: lxml.html.HtmlElement) -> int:
    """Characters in the page's runs of text of ``PROSE_RUN`` characters or more (found by libxml2)."""
    runs = _PROSE_RUNS(tree)
    return sum(len(str(run).strip()) for run in runs) if isinstance(runs, list) else 0


def main_content(
    tree: lxml.html.HtmlElement,
    url: str | None,
    *,
    full: bool,
    include_tables: bool,
    recall: bool = False,
) -> _Element | None:
    """The main-content body element that trafilatura extracts, or None.

    ``full`` runs trafilatura's whole cascade (readability/jusText comparison); otherwise its
    fast mode. ``recall`` is trafilatura's ``favor_recall``: in fast mode it is the cheapest
    pass (no recall escalation after a short first result) and the better one on articles.
    """
    try:
        doc = trafilatura.bare_extraction(
            tree,  # trafilatura copies a tree it is given before changing it
            url=url,
            fast=not full,
            favor_recall=recall,
            include_comments=False,
            include_tables=include_tables,
            include_images=False,
            include_links=False,  # links change trafilatura's choices; density comes from the page
            include_formatting=False,
            deduplicate=False,
            with_metadata=False,
        )
    except (ValueError, TypeError, RecursionError):
        return None
    if doc is None:
        return None
    body: _Element | None = getattr(doc, "body", None)
    return body


def readability_content(
    tree: lxml.html.HtmlElement, url: str | None, *, include_tables: bool
) -> _Element | None:
    """The main content as trafilatura's readability fallback alone finds it, or None (also
    when the installed trafilatura lacks the internals this calls).

    readability drops comment sections, sidebars and menus itself (its "unlikely candidates");
    its output is converted to trafilatura's element vocabulary, as trafilatura's full cascade
    does. (The cascade also prunes infinite-scroll containers and comment sections from the
    tree first: on the 162 benchmark pages where this runs, that changes no result and costs
    as much as readability itself.)
    """
    try:  # trafilatura's internals (2.3): without them the check is skipped, not the page
        from trafilatura.external import sanitize_tree, try_readability
        from trafilatura.settings import Extractor
    except ImportError:  # pragma: no cover - depends on the installed trafilatura
        return None
    options = Extractor(
        comments=False, tables=include_tables, images=False, links=False, formatting=False, url=url
    )
    try:
        raw = deepcopy(tree)  # readability changes the tree it reads
        found = try_readability(raw)
        if not len(found):
            return None
        body: _Element = sanitize_tree(found, options)[0]
    except (ValueError, TypeError, RecursionError):
        return None
    return body
