"""No file is opened and no socket is created while cleaning (Python audit hooks, PEP 578).

Audit hooks cannot be removed, so the hook installed here records only while a flag is set,
and every import the cleaning path needs happens before recording starts (a first, unrecorded
call on the same input). libxml2 reads files in C, below the audit hooks: the XXE inputs
therefore also check that no file content reaches the output.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from _hostile import ARTICLE, article_html, article_text

from cleantext import Config, Extractor, clean_and_explain

# Events that mean a file, a socket, a URL or a process was touched.
_WATCHED = (
    "open", "os.open", "socket.", "urllib.", "http.", "subprocess.", "os.system", "os.exec", "ftplib."
)
_STATE: dict[str, list[tuple[str, str]] | None] = {"events": None}


def _hook(event: str, args: tuple[object, ...]) -> None:
    events = _STATE["events"]
    if events is not None and event.startswith(_WATCHED):
        events.append((event, repr(args)[:200]))


sys.addaudithook(_hook)


@contextmanager
def _recording() -> Iterator[list[tuple[str, str]]]:
    events: list[tuple[str, str]] = []
    _STATE["events"] = events
    try:
        yield events
    finally:
        _STATE["events"] = None


_EXTERNAL = (
    '<base href="http://example.invalid/"><link rel=stylesheet href="http://example.invalid/a.css">'
    '<script src="http://example.invalid/a.js"></script><img src="file:///etc/passwd">'
    '<iframe src="http://example.invalid/frame"></iframe><object data="file:///etc/hosts"></object>'
    '<link rel=import href="file:///etc/passwd"><svg><use href="file:///etc/passwd#x"/></svg>'
)
_XXE = (
    '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
    '<!ENTITY % remote SYSTEM "http://example.invalid/evil.dtd"> %remote;]>'
)

INPUTS = {
    "article html": article_html(),
    "article bytes": article_html().encode("utf-8"),
    "plain text": article_text(),
    "external resources": article_html(_EXTERNAL, head='<link rel=preload href="http://example.invalid/x">'),
    "xxe": _XXE + article_html("<p>&xxe; and &remote;</p>"),
    "xinclude": article_html('<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd"/>'),
    "xml stylesheet": '<?xml-stylesheet type="text/xsl" href="file:///etc/passwd"?>' + article_html(),
}


@pytest.mark.parametrize("extractor", [Extractor.TRAFILATURA, Extractor.TRAFILATURA_FULL, Extractor.NONE])
@pytest.mark.parametrize("name", sorted(INPUTS))
def test_no_file_or_socket_while_cleaning(name: str, extractor: Extractor) -> None:
    source = INPUTS[name]
    config = Config(extractor=extractor)
    expected = clean_and_explain(source, config=config)  # imports and lazy loads happen here
    with _recording() as events:
        result = clean_and_explain(source, config=config)
    assert events == []
    assert result.to_dict() == expected.to_dict()
    if name != "plain text":
        assert all(p in result.paragraphs for p in ARTICLE)
    text = "\n".join(d.text for d in result.decisions)
    assert "root:" not in text and "localhost" not in text


def test_the_hook_sees_file_access() -> None:
    """The hook is live: opening a file while recording is seen."""
    with _recording() as events, open(__file__, encoding="utf-8"):
        pass
    assert any(event == "open" for event, _ in events)
