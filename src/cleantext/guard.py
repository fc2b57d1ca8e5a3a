"""Pre-parse checks on decoded HTML: one linear pass before lxml sees the page.

lxml (libxml2) fails badly on some hostile markup: nesting deeper than its limit silently
drops the rest of the page, a start tag with 100,000 attributes takes seconds, a numeric
character reference to a control character or non-character (``&#1;``, ``&#xFFFE;``) makes
trafilatura give up on the whole page. :func:`guard` rewrites the HTML string so that:

* invalid character references (the code points :func:`cleantext.decode.sanitize` removes
  from the text itself) are removed;
* a DOCTYPE internal subset (``<!DOCTYPE x [<!ENTITY ...>]>``, the vehicle of XXE and entity
  bombs; the HTML parser never expands it) is reduced to a plain DOCTYPE;
* a start tag with more than ``Limits.max_attributes`` attributes keeps the first ones;
* elements nested deeper than ``Limits.max_depth`` are flattened: their tags are removed (a
  block-level tag becomes one ``<br>``, so lines stay apart) and their text is kept;
* after ``Limits.max_nodes`` start tags the page is cut.

The scan models libxml2's tree building (its implied end tags, read off libxml2 one pair of
elements at a time, and its end-tag priorities: ``</b>`` never closes an open ``<div>``), so
the flattened page parses no deeper than ``max_depth``. Whenever a limit changes the page, the
reason is returned; nothing is cut silently.

Most pages cannot reach a limit: :func:`within_limits` says so with a few C-speed checks and
the token scan is skipped; depth is then checked on the parsed tree (:func:`too_deep`) and a
deep page is scanned and parsed again. Long text runs need no rewriting: the parser runs in
libxml2's ``huge_tree`` mode, which has no 10 MB limit per text node, and ``Limits.max_bytes``
bounds the page.

>>> g = guard("<div>" * 300 + "deep" + "</div>" * 300, Limits(max_depth=50), force=True)
>>> g.truncated, g.html.count("<div>"), "deep" in g.html
('max_depth', 48, True)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

import regex
from lxml.etree import _Element

from cleantext.config import Limits
from cleantext.model import Category, Decision, Paragraph, Stage

# The characters that end a line of plain text (``\r\n`` counts once in _TEXT_LINE, twice here).
_LINE_BREAKS = ("\n", "\r", "\x85", "\u2028", "\u2029")
# A non-blank line of plain text and its line break (the separators str.splitlines uses).
_TEXT_LINE = re.compile(
    r"[^\S\n\r\x85\u2028\u2029]*+[^\s][^\n\r\x85\u2028\u2029]*+(?:\r\n|[\n\r\x85\u2028\u2029])?"
)
# The attributes of a start tag, up to its '>' (quotes count only after '=').
_ATTRS = r"""(?:[^>"'=]++|=\s*+(?:"[^"]*+"|'[^']*+')|[="'])*+"""
# One token of markup; the outer group names its kind (``Match.lastgroup``): comment, bang (DOCTYPE,
# CDATA, processing instruction), end tag, raw-text element (tag and text up to its end tag),
# plaintext (to the end), start tag.
_TOKEN = re.compile(
    r"<(?=[!?/a-zA-Z])(?:(?P<C>!--(?:-?>|.*?--!?>|.*+))"
    r"|(?P<B>[!?][^>]*+>?)"
    r"|(?P<E>/(?P<e>[a-zA-Z][^\s/>]*+)[^>]*+>?)"
    r"|(?P<R>(?P<r>script|style|xmp|iframe|noembed|noframes|textarea|title)(?=[\s/>])"
    r"(?P<ra>" + _ATTRS + r")>?(?:.*?(?=</(?P=r)[\s/>])|.*+))"
    r"|(?P<P>plaintext(?=[\s/>]).*+)"
    r"|(?P<S>(?P<s>[a-zA-Z][^\s/>]*+)(?P<a>" + _ATTRS + r")>?))",
    re.DOTALL | re.IGNORECASE,
)
_ATTRIBUTE = regex.compile(r"""[^\s"'>/=][^\s>/=]*+(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))?+""")
_DOCTYPE_SUBSET = regex.compile(r"\A\s*+<!doctype\s++[^\[>]*+\[", regex.IGNORECASE)
_SUBSET_END = regex.compile(r"\]\s*+>")
# Numeric references to code points no parser should see (controls but tab/LF/CR, surrogates,
# U+FFFE/U+FFFF, beyond U+10FFFF); a reference to 0 becomes U+FFFD in lxml and is left alone.
_BAD_REFERENCE = regex.compile(
    r"&#(?:[xX]0*+(?:[1-8bBcCeEfF]|1[0-9a-fA-F]|7[fF]|[dD][89a-fA-F][0-9a-fA-F]{2}|[fF]{3}[eEfF]"
    r"|1[1-9a-fA-F][0-9a-fA-F]{4}|[2-9a-fA-F][0-9a-fA-F]{5}|[1-9a-fA-F][0-9a-fA-F]{6,})(?![0-9a-fA-F])"
    r"|0*+(?:[1-8]|1[124-9]|2[0-9]|3[01]|127|5529[6-9]|55[3-9][0-9]{2}|56[0-9]{3}|57[0-2][0-9]{2}"
    r"|573[0-3][0-9]|5734[0-3]|6553[45]|111411[2-9]|11141[2-9][0-9]|1114[2-9][0-9]{2}"
    r"|111[5-9][0-9]{3}|11[2-9][0-9]{4}|1[2-9][0-9]{5}|[2-9][0-9]{6}|[1-9][0-9]{7,})(?![0-9]));?"
)
# Elements whose content is text, not markup (matched whole by _TOKEN).
_RAW_TEXT = frozenset(
    {"script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title", "plaintext"}
)
# Elements libxml2 never opens (it knows no other void elements: <source>, <wbr> are opened).
_VOID = frozenset({
    "area", "base", "basefont", "br", "col", "frame", "hr", "img", "input", "isindex", "link", "meta",
    "param",
})
_ROOTS = frozenset({"html", "head", "body"})
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "legend", "option",
})
# Open elements (on top of the stack, repeatedly) that libxml2 closes when a start tag of this
# name begins: libxml2's own table, read off lxml (libxml2 2.14) one pair of elements at a time.
_CLOSES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        name: frozenset(closed.split())
        for name, closed in {
            "a": "a", "address": "p ul", "blockquote": "p", "caption": "p", "center": "b font i p",
            "col": "caption p", "colgroup": "caption colgroup p", "dd": "address dir dt menu p pre",
            "dir": "p", "div": "p", "dl": "address dir dt menu p pre",
            "dt": "address dd dir menu p pre", "fieldset": "a h1 h2 h3 h4 h5 h6 legend p pre",
            "form": "address dir dl form h1 h2 h3 h4 h5 h6 menu ol p pre ul", "h1": "p", "h2": "p",
            "h3": "p", "h4": "p", "h5": "p", "h6": "p", "hr": "p",
            "li": "address dl h1 h2 h3 h4 h5 h6 li p pre", "listing": "p", "menu": "p ul", "ol": "p",
            "optgroup": "option", "option": "option",
            "p": "b big h1 h2 h3 h4 h5 h6 i p s small strike tt u", "pre": "p ul",
            "table": "a h1 h2 h3 h4 h5 h6 p pre",
            "tbody": "caption colgroup p tbody td tfoot th thead tr",
            "td": "a b font i p span td th u", "tfoot": "caption colgroup p tbody td th thead tr",
            "th": "a b font i p span td th u", "thead": "caption colgroup", "title": "p",
            "tr": "caption colgroup p td th tr", "ul": "address dir menu p pre", "xmp": "p",
        }.items()
    }
)
# Void elements that close nothing: the fast path only counts them.
_PLAIN_VOID = _VOID - _CLOSES.keys()
# Start tags the fast path leaves to _start_tag.
_SPECIAL = _VOID | _ROOTS | _RAW_TEXT
# libxml2's end-tag priorities: an end tag never closes an open element of higher priority.
_PRIORITY: Mapping[str, int] = MappingProxyType(
    {"div": 150, "td": 160, "th": 160, "tr": 170, "thead": 180, "tbody": 180, "tfoot": 180,
     "table": 190, "head": 200, "body": 200, "html": 220}
)
_DEFAULT_PRIORITY = 100
# How far down the stack an end tag looks for its element before it is taken as stray (a bound
# on the work per tag; a stray end tag leaves the stack deeper, never shallower, than libxml2's).
_END_TAG_REACH = 64
# html and body, which libxml2 always creates around the content.
_ROOT_DEPTH = 2


class Guarded(NamedTuple):
    """The HTML to parse and the reason a limit changed it (None when nothing was cut)."""

    html: str
    truncated: str | None


@dataclass
class _Scan:
    """The state of one pass over a page (never shared: one object per call)."""

    text: str
    limits: Limits
    pieces: list[str] = field(default_factory=list)
    copied: int = 0  # text[:copied] is already in pieces
    checked: int = 0  # text[:checked] has been looked at for text between flattened tags
    broken: bool = False  # a <br> was emitted and no text followed it yet
    stack: list[str] = field(default_factory=list)
    open_counts: dict[str, int] = field(default_factory=dict)
    deep: list[str] = field(default_factory=list)  # flattened elements still open
    deep_counts: dict[str, int] = field(default_factory=dict)
    start_tags: int = 0
    reasons: list[str] = field(default_factory=list)

    def replace(self, start: int, end: int, new: str) -> None:
        """Replace ``text[start:end]`` by ``new`` in the output."""
        self.pieces.append(self.text[self.copied : start])
        self.pieces.append(new)
        self.copied = end

    def drop_tag(self, start: int, end: int, name: str) -> None:
        """Remove a flattened tag; a block-level one leaves a line break (one per run of tags)."""
        if self.text[self.checked : start].strip():
            self.broken = False
        new = ""
        if name in _BLOCK and not self.broken:
            new, self.broken = "<br>", True
        self.checked = end
        self.replace(start, end, new)

    def reason(self, name: str) -> None:
        """Record that limit ``name`` changed the page."""
        if name not in self.reasons:
            self.reasons.append(name)

    def result(self) -> Guarded:
        """The rewritten page (the original string when nothing changed)."""
        if not self.pieces:
            html = self.text
        else:
            self.pieces.append(self.text[self.copied :])
            html = "".join(self.pieces)
        return Guarded(html, ",".join(self.reasons) or None)

    def push(self, name: str) -> None:
        """Open an element that is kept."""
        self.stack.append(name)
        self.open_counts[name] = self.open_counts.get(name, 0) + 1

    def pop(self) -> None:
        """Close the innermost kept element."""
        name = self.stack.pop()
        self.open_counts[name] -= 1

    def push_deep(self, name: str) -> None:
        """Open an element that is flattened."""
        self.deep.append(name)
        self.deep_counts[name] = self.deep_counts.get(name, 0) + 1

    def close_deep(self, name: str) -> None:
        """Close flattened elements down to and including the innermost ``name``."""
        while self.deep:
            top = self.deep.pop()
            self.deep_counts[top] -= 1
            if top == name:
                return


def _self_closing(attrs: str) -> bool:
    """Whether a start tag with these attributes ends in ``/>`` (libxml2 then opens nothing).

    A slash that ends an unquoted attribute value (``<a href=/x/>``) belongs to the value.
    """
    if not attrs.endswith("/"):
        return False
    last_end = -1
    for m in _ATTRIBUTE.finditer(attrs):
        last_end = m.end()
    return last_end != len(attrs)


def _limit_attributes(scan: _Scan, start: int, end: int, closing: str) -> None:
    """Keep the first ``max_attributes`` attributes in ``text[start:end]``, then ``closing``."""
    keep = scan.limits.max_attributes
    kept_end = start
    for count, m in enumerate(_ATTRIBUTE.finditer(scan.text, start, end)):
        if count == keep:
            break
        kept_end = m.end()
    else:
        return
    scan.replace(kept_end, end, closing)
    scan.reason("max_attributes")


def _close_implied(scan: _Scan, name: str, room: int) -> bool:
    """Close the elements a start tag ``name`` implies closed, if at most ``room`` stay open.

    Returns False (and closes nothing) when more than ``room`` elements would stay open.
    """
    closes = _CLOSES.get(name, frozenset())
    stack = scan.stack
    keep = len(stack)
    while keep and stack[keep - 1] in closes:
        keep -= 1
    if keep > room:
        return False
    while len(stack) > keep:
        scan.pop()
    return True


def _start_tag(scan: _Scan, m: re.Match[str], group: str, attrs: str) -> bool:
    """Handle a start tag (name in ``group``, attributes in ``attrs``); False: stop scanning."""
    limits = scan.limits
    start, tag_end = m.start(), m.end(attrs)
    if scan.text.startswith(">", tag_end):
        tag_end += 1
    name = m.group(group).lower()
    scan.start_tags += 1
    if scan.start_tags > limits.max_nodes:
        scan.replace(start, len(scan.text), "")
        scan.reason("max_nodes")
        return False
    closing = "/" if _self_closing(m.group(attrs)) else ""
    leaf = closing or name in _VOID or name in _ROOTS or name in _RAW_TEXT
    if leaf:
        _close_implied(scan, name, len(scan.stack))
    elif scan.deep or not _close_implied(scan, name, limits.max_depth - _ROOT_DEPTH - 1):
        scan.push_deep(name)
        scan.drop_tag(start, tag_end, name)
        scan.reason("max_depth")
        return True
    else:
        scan.push(name)
    if m.end(attrs) - m.start(attrs) > 2 * limits.max_attributes:
        _limit_attributes(scan, m.start(attrs), m.end(attrs), closing)
    return True


def _end_tag(scan: _Scan, m: re.Match[str], name: str) -> None:
    """Handle an end tag of element ``name`` (lower case)."""
    if scan.deep_counts.get(name):
        scan.close_deep(name)
        scan.drop_tag(m.start(), m.end(), name)
        return
    if not scan.open_counts.get(name):
        return  # stray: libxml2 ignores it
    scan.deep.clear()
    scan.deep_counts.clear()
    priority = _PRIORITY.get(name, _DEFAULT_PRIORITY)
    stack = scan.stack
    for i in range(len(stack) - 1, max(-1, len(stack) - 1 - _END_TAG_REACH), -1):
        if stack[i] == name:
            while len(stack) > i:
                scan.pop()
            return
        if _PRIORITY.get(stack[i], _DEFAULT_PRIORITY) > priority:
            return


def _strip_doctype_subset(html: str) -> str:
    """``<!DOCTYPE x [ ...declarations... ]>`` becomes ``<!DOCTYPE x>``."""
    m = _DOCTYPE_SUBSET.match(html)
    if not m:
        return html
    end = _SUBSET_END.search(html, m.end())
    if not end:
        return html
    return html[: m.end() - 1].rstrip() + ">" + html[end.end() :]


def guard(html: str, limits: Limits, *, force: bool = False) -> Guarded:
    """Check and, where a limit requires it, rewrite ``html`` before it is parsed.

    Linear in the length of ``html``. ``Guarded.truncated`` names the limits that changed the
    page (comma-separated, e.g. ``"max_depth,max_attributes"``), or is None. Unless ``force``
    is set, a page that passes :func:`within_limits` skips the token scan (its depth is checked
    after parsing, see :func:`too_deep`).

    >>> guard('<p a=1 b=2 c=3>x</p>', Limits(max_attributes=2))
    Guarded(html='<p a=1 b=2>x</p>', truncated='max_attributes')
    >>> guard("<p>one</p><p>two</p><p>three</p>", Limits(max_nodes=2))
    Guarded(html='<p>one</p><p>two</p>', truncated='max_nodes')
    >>> guard("<p>a&#1;b&#x41;</p>", Limits())
    Guarded(html='<p>ab&#x41;</p>', truncated=None)
    """
    if "&#" in html:
        html = _BAD_REFERENCE.sub("", html)
    html = _strip_doctype_subset(html)
    if not force and within_limits(html, limits):
        return Guarded(html, None)
    scan = _Scan(html, limits)
    _run(scan)
    return scan.result()


def within_limits(html: str, limits: Limits) -> bool:
    """Cheap checks (in C) that no node or attribute limit can be reached.

    Fewer ``<`` than ``max_nodes`` bounds the start tags. The attribute check is one regular
    expression search (possessive, so linear) for a start tag with more than ``max_attributes``
    attributes, with the same attribute grammar as the full scan: attributes separated by any
    white space or ``/``, quoted values that hold ``>`` or ``<``, values without quotes. Depth
    cannot be bounded this way: :func:`too_deep` checks it on the parsed tree, and a page that
    is too deep goes through the full scan (``guard(..., force=True)``) and is parsed again.

    >>> within_limits("<div a b c>x</div>", Limits(max_attributes=3))
    True
    >>> within_limits("<div a\\nb/c title='>' d>x</div>", Limits(max_attributes=3))
    False
    """
    if html.count("<") > limits.max_nodes:
        return False
    many = re.compile(_MANY_ATTRIBUTES.format(n=limits.max_attributes + 1))  # re caches compiles
    return many.search(html) is None


# A start tag with {n} attributes or more (the grammar of _ATTRIBUTE, separators included).
_MANY_ATTRIBUTES = (
    r"""<[a-zA-Z][^\s/>]*+(?:[\s/]*+[^\s"'>/=][^\s>/=]*+(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))?+){{{n}}}"""
)


def too_deep(tree: _Element, limits: Limits) -> bool:
    """Whether the parsed tree nests deeper than ``max_depth`` allows (a few levels of margin).

    One child step per level from the root (``/*/*/…``): libxml2 visits each element once and
    stops at the tree's real depth, instead of counting every element's ancestors.
    """
    levels = max(1, limits.max_depth - 4) + 1  # an element at this level has max_depth - 4 ancestors
    return bool(tree.getroottree().xpath("boolean(" + "/*" * levels + ")"))


def _run(scan: _Scan) -> None:
    """Scan every token of the page; the common cases are handled inline (hot loop)."""
    stack, counts = scan.stack, scan.open_counts
    room = scan.limits.max_depth - _ROOT_DEPTH - 1
    long_attrs = 2 * scan.limits.max_attributes
    nodes_left = scan.limits.max_nodes
    for m in _TOKEN.finditer(scan.text):
        kind = m.lastgroup
        if kind == "S":
            name = m.group("s").lower()
            a_start, a_end = m.span("a")
            if (
                name not in _SPECIAL and not scan.deep and len(stack) < room and scan.start_tags < nodes_left
                and a_end - a_start <= long_attrs and not scan.text.endswith("/", a_start, a_end)
                and not (name in _CLOSES and stack and stack[-1] in _CLOSES[name])
            ):
                scan.start_tags += 1
                stack.append(name)
                counts[name] = counts.get(name, 0) + 1
            elif name in _PLAIN_VOID and scan.start_tags < nodes_left and a_end - a_start <= long_attrs:
                scan.start_tags += 1
            elif not _start_tag(scan, m, "s", "a"):
                return
        elif kind == "E":
            name = m.group("e").lower()
            if stack and stack[-1] == name and not scan.deep:
                stack.pop()
                counts[name] -= 1
            else:
                _end_tag(scan, m, name)
        elif kind == "R":
            if not _start_tag(scan, m, "r", "ra"):
                return
        elif kind == "P":
            scan.start_tags += 1


def join_reasons(*reasons: str | None) -> str | None:
    """Comma-join the truncation reasons that are set (None when there is none).

    >>> join_reasons("max_bytes", None, "max_depth,max_nodes", "max_depth")
    'max_bytes,max_depth,max_nodes'
    """
    out: list[str] = []
    for reason in reasons:
        for part in (reason or "").split(","):
            if part and part not in out:
                out.append(part)
    return ",".join(out) or None


def overflow(text: str, limit: int) -> list[Decision]:
    """The decision that drops the candidates beyond ``max_paragraphs`` (none if no text)."""
    if not text.strip():
        return []
    return [
        Decision(
            text=text, kept=False, category=Category.OTHER, rule="limit.paragraphs",
            evidence=f"not examined: beyond the first {limit} candidate paragraphs (max_paragraphs)",
            stage=Stage.EXTRACT,
        )
    ]


def limit_paragraphs(paragraphs: list[Paragraph], limit: int) -> tuple[list[Paragraph], list[Decision]]:
    """The first ``limit`` paragraphs, and one decision that drops the text of all the others."""
    if len(paragraphs) <= limit:
        return paragraphs, []
    return paragraphs[:limit], overflow("\n\n".join(p.text for p in paragraphs[limit:]), limit)


def cut_lines(text: str, limit: int) -> tuple[str, str]:
    """Split plain text after its ``limit``-th non-blank line (linear, no list of all lines).

    >>> cut_lines("a\\n\\nb\\nc\\n", 2)
    ('a\\n\\nb\\n', 'c\\n')
    """
    # Fewer lines than the limit: nothing to cut (counted in C; the rarer breaks are only
    # counted when a quick search finds one).
    if sum(text.count(brk) for brk in _LINE_BREAKS if brk == "\n" or brk in text) + 1 < limit:
        return text, ""
    for count, m in enumerate(_TEXT_LINE.finditer(text), 1):
        if count == limit:
            return text[: m.end()], text[m.end() :]
    return text, ""
