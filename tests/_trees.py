"""A helper for the tests of the steps that change a page's tree before the extraction
(``cleantext.collapsed``, ``cleantext.consent``); import as ``from _trees import stepped``."""

from __future__ import annotations

from collections.abc import Callable

from lxml.html import HtmlElement, tostring

from cleantext.page import parse


def stepped(step: Callable[[HtmlElement], int], body: str) -> tuple[int, str]:
    """``step``'s count on a page made of ``body``, and the page's HTML after it."""
    tree = parse(f"<html><body>{body}</body></html>")
    assert tree is not None
    count = step(tree)
    return count, tostring(tree, encoding="unicode")
