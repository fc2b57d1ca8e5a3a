"""The pre-parse guard (cleantext.guard): what it rewrites, what it leaves alone."""

from __future__ import annotations

import lxml.html
import pytest
from _data import scrapinghub_pages

from cleantext.config import Limits
from cleantext.decode import decode
from cleantext.guard import cut_lines, guard, join_reasons, within_limits

_PARSER = lxml.html.HTMLParser(huge_tree=True, no_network=True)


def _depth(html: str) -> int:
    tree = lxml.html.document_fromstring(html, parser=_PARSER)
    return max(sum(1 for _ in el.iterancestors()) + 1 for el in tree.iter())


def test_real_pages_pass_unchanged() -> None:
    for page_id, data in scrapinghub_pages():
        text, _ = decode(data)
        guarded = guard(text, Limits())
        assert guarded.truncated is None, page_id
        assert guarded.html is text or guarded.html == text, page_id


_OPENINGS = ["<div>", "<li><ul>", "<b><div></b>", "<span><p>", "<table><tr><td>", "<font>"]


@pytest.mark.parametrize("opening", _OPENINGS)
def test_depth_is_bounded_and_text_kept(opening: str) -> None:
    html = "<html><body>" + f"{opening}level " * 3_000 + "bottom</body></html>"
    guarded = guard(html, Limits(max_depth=40), force=True)  # the scan itself (api forces it when deep)
    assert guarded.truncated == "max_depth"
    assert _depth(guarded.html) <= 41
    tree = lxml.html.document_fromstring(guarded.html, parser=_PARSER)
    assert tree.text_content().count("level") == 3_000
    assert "bottom" in tree.text_content()


def test_flattened_blocks_leave_line_breaks() -> None:
    """One <br> per run of flattened block tags: lines stay apart, no empty lines pile up."""
    html = "<div>" * 10 + "".join(f"<p>para {i}</p>" for i in range(3)) + "</div>" * 10
    guarded = guard(html, Limits(max_depth=5), force=True)
    assert guarded.html == "<div><div><div><br>para 0<br>para 1<br>para 2<br></div></div></div>"


def test_raw_text_is_never_flattened() -> None:
    html = "<div>" * 10 + "<script>if (a<b) { x = '<div>'; }</script><p>text</p>" + "</div>" * 10
    guarded = guard(html, Limits(max_depth=5), force=True)
    assert "<script>if (a<b) { x = '<div>'; }</script>" in guarded.html


def test_attributes_are_cut_and_self_closing_kept() -> None:
    many = " ".join(f"a{i}='{i}'" for i in range(50))
    guarded = guard(f"<p><img {many}/>x<div {many}>y</div></p>", Limits(max_attributes=3))
    assert guarded.truncated == "max_attributes"
    assert "<img a0='0' a1='1' a2='2'/>" in guarded.html
    assert "<div a0='0' a1='1' a2='2'>y</div>" in guarded.html


def test_node_limit_cuts_the_page() -> None:
    guarded = guard("<p>a</p>" * 10, Limits(max_nodes=4))
    assert guarded == ("<p>a</p>" * 4, "max_nodes")


def test_bad_references_and_doctype_subsets_go() -> None:
    doctype = '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    guarded = guard(doctype + "<p>&#1;&#x1F;&#65;&#xD800;&#x110000;</p>", Limits())
    assert guarded.html == "<!DOCTYPE html><p>&#65;</p>"


def test_helpers() -> None:
    assert join_reasons(None, None) is None
    assert join_reasons("max_bytes", "max_depth") == "max_bytes,max_depth"
    assert cut_lines("a\n\n\nb\r\nc", 2) == ("a\n\n\nb\r\n", "c")
    assert cut_lines("a\nb", 5) == ("a\nb", "")


def test_quick_check_and_full_scan_agree_on_attribute_limits() -> None:
    limits = Limits(max_attributes=5)
    for sep in (" ", "\n", "\t", "/", "\r\n"):
        tag = "<div " + sep.join(f"a{i}" for i in range(6)) + ">x</div>"
        assert not within_limits(tag, limits), repr(sep)
        assert guard(tag, limits).truncated == "max_attributes", repr(sep)
    quoted = "<div " + " t='<>' ".join(["a b"] * 4) + ">x</div>"
    assert not within_limits(quoted, limits)
    assert guard(quoted, limits).truncated == "max_attributes"
    assert within_limits("<svg><path d='M 1 2 L 3 4 L 5 6 L 7 8 L 9 10 Z'/></svg>", limits)


def test_deep_pages_are_caught_after_parsing() -> None:
    from cleantext import clean_and_explain

    page = "<html><body>" + "<div>" * 3_000 + "bottom" + "</div>" * 3_000 + "<p>After it all.</p>"
    assert within_limits(page, Limits())  # the quick checks cannot see depth...
    result = clean_and_explain(page)
    assert result.metadata.truncated == "max_depth"  # ...the parsed tree can
    assert "After it all." in result.text
