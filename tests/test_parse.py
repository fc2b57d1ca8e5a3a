"""page.parse: the tree cleantext reads, including what a page prints after ``</html>``."""

from __future__ import annotations

import lxml.html

import cleantext
from cleantext.page import parse

_PARAGRAPHS = [
    "The ferry company added a second crossing on Sundays after the island's school asked for a "
    "later boat home from the mainland matches.",
    "The new timetable starts in March; the company says the later boat will run until the end "
    "of the football season and then be reviewed.",
    "Passengers with bicycles are asked to board first, since the smaller vessel used on Sundays "
    "has room for twelve of them on its open deck.",
]


def _early_closed_page() -> str:
    story = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
    return (
        "<html><head><title>Second Sunday ferry</title></head><body><header><nav>"
        "<a href='/'>Home</a> <a href='/news'>News</a></nav></header></body></html>\n"
        f"<div class='post'><h1>Second Sunday ferry</h1>{story}</div>"
    )


def test_content_after_the_closing_html_tag_goes_to_the_body() -> None:
    root = parse(_early_closed_page())
    assert root is not None
    body = root.find("body")
    assert body is not None
    assert [el.tag for el in body] == ["header", "div"]
    assert all(len(stray) == 0 for stray in root.itersiblings())  # emptied, nothing left beside the root


def test_the_article_after_the_closing_html_tag_is_extracted() -> None:
    assert cleantext.clean(_early_closed_page()) == _PARAGRAPHS


def test_a_well_formed_page_is_unchanged() -> None:
    html = "<html><head><title>T</title></head><body><p>One.</p><p>Two.</p></body></html>"
    root = parse(html)
    assert root is not None
    assert lxml.html.tostring(root) == html.encode()
