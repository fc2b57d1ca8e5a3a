"""Parse a page once with lxml; read its metadata and the structural cues of its text blocks.

The cues are indexed by the folded text of each block, so that a paragraph returned by the
extractor (which rebuilds the tree) can be traced back to the element it came from: its
class/id/role tokens and whether it sits in a figure.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass, field
from functools import cached_property

import lxml.etree
import lxml.html
import regex
from lxml.html import HtmlElement

from cleantext.fold import fold, normalize_space
from cleantext.rules.structure import bare

KEY_CHARS = 300
# Elements looked at for cues, in document order (a bound on the work for hostile pages with
# hundreds of thousands of elements; real pages have a few thousand).
MAX_INDEXED_ELEMENTS = 50_000
# Elements whose text is indexed even without own text: the usual paragraph-level blocks.
INDEX_TAGS = frozenset(
    [
        "p",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "figcaption",
        "blockquote",
        "dd",
        "dt",
        "td",
        "th",
        "pre",
        "caption",
        "address",
        "summary",
        "label",
        "time",
    ]
)
# Ancestor elements whose tag name becomes a token ("tag:nav"), like a class name would.
TAG_TOKENS = frozenset(["nav", "footer", "aside", "header", "form", "figure", "figcaption", "menu"])
# The landmark boxes around a page's content: navigation, header, footer and side column.
LANDMARKS = frozenset({"nav", "header", "footer", "aside"})
ATTR_TOKENS = ("class", "id", "role", "itemprop", "data-component", "data-testid")
ANCESTOR_LEVELS = 3
# An ancestor's tokens count only if it is a box, not the article's wrapper: a theme that calls
# its main column "post-author-content" or "has-comments" must not condemn the article.
BOX_CHARS = 1500
_SPLIT = regex.compile(r"[\s]++")
_PART = regex.compile(r"[-_:]++")
_XML_DECL = regex.compile(r"^\s*+<\?xml[^>]{0,200}+\?>")
_TITLE_SEPARATORS = regex.compile(r"\s++(?:[|·•»:]|::|[-\u2013\u2014])\s++")
_ISO_DATE = regex.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class BlockCue:
    """What the page's markup says about a block of text."""

    tokens: frozenset[str] = frozenset()
    in_figure: bool = False
    link_density: float = 0.0


@dataclass(frozen=True)
class Page:
    """A parsed page: the lxml tree, its metadata and the cues of its text blocks."""

    tree: HtmlElement
    title: str | None = None
    titles: frozenset[str] = frozenset()
    description: str | None = None
    descriptions: frozenset[str] = frozenset()
    author: str | None = None
    date: str | None = None
    language: str | None = None
    url: str | None = None
    captions: frozenset[str] = frozenset()
    # Keys already looked up on this page and the cues found for them: a page extracted more
    # than once (a fallback or a retry) scans its tree again only for keys not seen before.
    _looked_up: set[str] = field(default_factory=set, repr=False, compare=False)
    _found: dict[str, BlockCue] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def types(self) -> frozenset[str]:
        """The schema.org and Open Graph types the page declares (see :func:`declared_types`).

        Read when first asked for: only pages the extraction covers poorly need them.
        """
        return declared_types(self.tree)

    def cues_by_key(self, keys: Set[str]) -> dict[str, BlockCue]:
        """Cues of the page blocks whose :func:`cue_key` is one of ``keys``.

        The cue of a key depends only on the elements with that key, so looking keys up in
        several calls gives the cues one call would give.
        """
        missing = set(keys) - self._looked_up
        if missing:
            self._found.update(index_cues(self.tree, missing))
            self._looked_up.update(missing)
        return {k: self._found[k] for k in keys if k in self._found}


def parse(html: str) -> HtmlElement | None:
    """Parse HTML with lxml's HTML parser (no network, no entity resolution); None if empty."""
    html = _XML_DECL.sub("", html, count=1)
    if not html.strip():
        return None
    # huge_tree: without it libxml2 silently drops a page with a text node over 10 MB and
    # everything nested deeper than 255 (cleantext.guard flattens deep nesting beforehand).
    parser = lxml.html.HTMLParser(  # type: ignore[call-arg]  # lxml-stubs lack default_doctype
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        collect_ids=False,
        default_doctype=False,
        huge_tree=True,
    )
    # Every element is a plain HtmlElement, chosen in C: lxml.html's default lookup runs a
    # Python function for each element proxy (form and input classes nobody here uses).
    parser.set_element_class_lookup(lxml.etree.ElementDefaultClassLookup(element=HtmlElement))
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None
    if not isinstance(root, HtmlElement):
        return None
    _adopt_trailing(root)
    return root


def _adopt_trailing(root: HtmlElement) -> None:
    """Move what a page prints after its ``</html>`` into its body, as browsers do.

    libxml2 makes such content a second ``html`` element beside the document's root, where
    nothing that reads the root (trafilatura included) sees it; the HTML standard's parser
    ("after after body" insertion mode) puts it at the end of the body instead. Templates that
    close the document early and print the article afterwards are the usual cause.
    """
    body = root.find("body")
    if body is None:
        return
    for stray in list(root.itersiblings()):
        if not isinstance(stray.tag, str):
            continue  # a comment or processing instruction beside the root
        for child in list(stray):
            if child.tag in ("head", "body"):
                body.extend(list(child))
            else:
                body.append(child)


@dataclass
class _Boxes:
    """What :func:`index_cues` learns about elements once per page: text sizes and tokens."""

    sizes: dict[HtmlElement, int] = field(default_factory=dict)
    own: dict[HtmlElement, frozenset[str]] = field(default_factory=dict)

    def size(self, node: HtmlElement) -> int:
        if node not in self.sizes:
            self.sizes[node] = len(node.text_content())
        return self.sizes[node]

    def own_tokens(self, node: HtmlElement) -> frozenset[str]:
        """The element's own tokens: its tag (for ``TAG_TOKENS``) and its attribute tokens."""
        tokens = self.own.get(node)
        if tokens is None:
            out: set[str] = {"tag:" + node.tag} if node.tag in TAG_TOKENS else set()
            for attr in ATTR_TOKENS:
                value = node.get(attr)
                if value:
                    for tok in _SPLIT.split(value.lower()):
                        if tok:
                            out.add(tok)
                            out.update("~" + x for x in _PART.split(tok) if x)
            tokens = self.own[node] = frozenset(out)
        return tokens


def _tokens(el: HtmlElement, boxes: _Boxes) -> frozenset[str]:
    """Tokens of the element and of its ancestors up to ``ANCESTOR_LEVELS`` that are boxes."""
    out: frozenset[str] = frozenset()
    node: HtmlElement | None = el
    for level in range(ANCESTOR_LEVELS + 1):
        if node is None or not isinstance(node.tag, str):
            break
        if level and boxes.size(node) > BOX_CHARS:
            break
        out |= boxes.own_tokens(node)
        node = node.getparent()
    return out


def _link_density(el: HtmlElement, text: str) -> float:
    """Share of the block's non-space characters that sit inside links."""
    node: HtmlElement | None = el
    for _ in range(ANCESTOR_LEVELS):
        if node is None:
            break
        if node.tag == "a":
            return 1.0
        node = node.getparent()
    links = sum(len(a.text_content().replace(" ", "")) for a in el.iter("a"))
    return min(1.0, links / max(1, len(text.replace(" ", ""))))


def _in_figure(el: HtmlElement) -> bool:
    node: HtmlElement | None = el
    for _ in range(ANCESTOR_LEVELS + 2):
        if node is None:
            return False
        if node.tag in ("figure", "figcaption"):
            return True
        node = node.getparent()
    return False


_UNINDEXED = frozenset(["script", "style", "noscript", "template"])


def _indexed(tree: HtmlElement) -> Iterator[tuple[HtmlElement, str]]:
    """The body's elements that may hold a block, in document order, with their own text.

    An element qualifies with text of its own or as one of ``INDEX_TAGS``; the walk stops after
    ``MAX_INDEXED_ELEMENTS`` elements.
    """
    body = tree.find("body")
    root = body if body is not None else tree
    for count, el in enumerate(root.iter(lxml.etree.Element)):
        if count == MAX_INDEXED_ELEMENTS:
            return
        tag = el.tag
        if tag in _UNINDEXED:
            continue
        own = el.text
        if tag in INDEX_TAGS or (own and not own.isspace()):
            yield el, own or ""


def visible_chars(tree: HtmlElement) -> int:
    """Characters of the body's text outside scripts and styles, white space collapsed."""
    body = tree.find("body")
    root = body if body is not None else tree
    hidden = sum(len(" ".join((el.text or "").split())) for el in root.iter("script", "style", "noscript"))
    total = root.xpath("string-length(normalize-space(.))")  # counted by libxml2
    return max(0, int(total if isinstance(total, float) else 0) - hidden)


def cue_key(text: str) -> str:
    """The lookup key of a block of text: whitespace collapsed, no end punctuation, 300 chars."""
    return bare(normalize_space(text[: KEY_CHARS * 4]))[:KEY_CHARS]


_LEADING = regex.compile(r"^[\W_]++")
PROBE_CHARS = 12


PROBE_SPAN = 64


def _probe(text: str) -> str:
    """The first non-space characters of a key: a cheap filter before the full key."""
    joined = "".join(text[:PROBE_SPAN].split())
    if joined[:1].isalnum():
        return joined[:PROBE_CHARS]
    return "".join(str(_LEADING.sub("", text[:PROBE_SPAN])).split())[:PROBE_CHARS]


def index_cues(tree: HtmlElement, wanted: Set[str]) -> dict[str, BlockCue]:
    """Cues of the text blocks whose key is in ``wanted`` (tokens of nested copies merged).

    Only the wanted blocks pay for tokens, figure and link-density lookups, and only blocks
    whose first characters match a wanted key pay for the key itself.
    """
    cues: dict[str, BlockCue] = {}
    boxes = _Boxes()
    probes = _Probes(wanted)
    for el, own in _indexed(tree):
        # A block's text starts with its own text: when that gives the whole probe, or a start
        # no wanted probe has, the block is settled without building its text.
        head = _probe(own) if own else ""
        text = None
        if len(head) >= PROBE_CHARS:
            probe = head
        elif head and not probes.may_start(head):
            continue
        else:
            text = el.text_content()
            probe = _probe(text)
        if not probes.accepts(probe):
            continue
        text = text if text is not None else el.text_content()
        key = cue_key(text)
        if key not in wanted:
            continue
        cue = BlockCue(_tokens(el, boxes), _in_figure(el), _link_density(el, text))
        old = cues.get(key)
        if old is not None:
            cue = BlockCue(
                old.tokens | cue.tokens,
                old.in_figure or cue.in_figure,
                min(old.link_density, cue.link_density),
            )
        cues[key] = cue
    return cues


class _Probes:
    """The probes of the wanted keys, and every start of them.

    A key shorter than the probe may have lost trailing punctuation the element still has:
    such keys (``short``) are compared as prefixes of the element's probe.
    """

    def __init__(self, wanted: Set[str]) -> None:
        self.full = {key.replace(" ", "")[:PROBE_CHARS] for key in wanted}
        self.short = {p for p in self.full if len(p) < PROBE_CHARS}
        # The lengths of the short probes, by their first character.
        lengths: dict[str, set[int]] = {}
        for p in self.short:
            lengths.setdefault(p[:1], set()).add(len(p))
        self.short_lengths = {first: sorted(ns) for first, ns in lengths.items()}
        self.starts = {p[:n] for p in self.full for n in range(1, len(p) + 1)}

    def accepts(self, probe: str) -> bool:
        """The block whose probe this is may have a wanted key."""
        if probe in self.full:
            return True
        lengths = self.short_lengths.get(probe[:1])
        return lengths is not None and any(probe[:n] in self.short for n in lengths)

    def may_start(self, head: str) -> bool:
        """Some probe that starts with ``head`` (shorter than a probe) may be accepted."""
        if head in self.starts:
            return True
        lengths = self.short_lengths.get(head[:1])
        return lengths is not None and any(head[:n] in self.short for n in lengths if n <= len(head))


def meta_values(tree: HtmlElement) -> dict[str, str]:
    """``<meta>`` contents by lower-cased property, name or itemprop (first non-empty wins)."""
    out: dict[str, str] = {}
    for el in tree.iter("meta"):
        content = el.get("content")
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = el.get(attr)
            if key and key.lower() not in out:
                value = normalize_space(content)
                if value:
                    out[key.lower()] = value
    return out


def _meta(metas: dict[str, str], *names: str) -> str | None:
    return next((metas[n.lower()] for n in names if n.lower() in metas), None)


def _captions(tree: HtmlElement) -> frozenset[str]:
    texts: list[str] = []
    for img in tree.iter("img"):
        texts.extend(v for v in (img.get("alt"), img.get("title")) if v)
    keys = (bare(fold(t[:2000])) for t in texts)
    return frozenset(k for k in keys if len(k) >= 15)


def _title_variants(titles: list[str]) -> frozenset[str]:
    out: set[str] = set()
    for t in titles:
        key = bare(fold(t))
        if key:
            out.add(key)
            out.update(bare(part) for part in _TITLE_SEPARATORS.split(key) if len(part) >= 12)
    return frozenset(out)


def _first_text(elements: Iterable[HtmlElement]) -> str | None:
    """The first non-blank text of ``elements`` (consumed lazily: the walk stops there)."""
    for el in elements:
        text = normalize_space(el.text_content())
        if text:
            return text
    return None


def _date(tree: HtmlElement, metas: dict[str, str]) -> str | None:
    raw = _meta(
        metas,
        "article:published_time",
        "og:article:published_time",
        "datePublished",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "dc.date",
        "DC.date.issued",
        "sailthru.date",
        "parsely-pub-date",
    )
    if raw is None:
        for el in tree.iterfind(".//time[@datetime]"):
            raw = el.get("datetime")
            break
    if not raw:
        return None
    m = _ISO_DATE.search(raw)
    return m.group(0) if m else normalize_space(raw)[:40]


def _author(tree: HtmlElement, metas: dict[str, str]) -> str | None:
    author = _meta(metas, "author", "article:author", "byl", "parsely-author", "sailthru.author")
    if author and not author.startswith("http"):
        return str(regex.sub(r"^(?i:by)\s++", "", author))
    # One XPath pass (libxml2) for both markers; rel="author" wins over itemprop="author".
    marked = tree.xpath('.//*[@rel="author" or @itemprop="author"]')
    return _first_text(el for el in marked if el.get("rel") == "author") or _first_text(
        el for el in marked if el.get("itemprop") == "author"
    )


def _language(tree: HtmlElement, metas: dict[str, str]) -> str | None:
    lang = tree.get("lang") or tree.get("xml:lang") or _meta(metas, "og:locale")
    if not lang:
        for el in tree.iterfind('.//meta[@http-equiv="content-language"]'):
            lang = el.get("content")
    if not lang:
        return None
    return regex.split(r"[-_]", lang.strip().lower())[0] or None


# The schema.org types a page declares: JSON-LD "@type" values (a name or a list of names; key
# anchored), microdata item types, and the Open Graph type.
_JSON_TYPE = regex.compile(r'"@type"\s*+:\s*+(?:"([^"]{1,80})"|\[([^\]]{0,500})\])')
_NAME = regex.compile(r'"([^"]{1,80})"')


def declared_types(tree: HtmlElement) -> frozenset[str]:
    """The lower-cased schema.org and Open Graph types the page declares."""
    found: set[str] = set()
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        for one, many in _JSON_TYPE.findall(script.text or ""):
            found.update([one] if one else _NAME.findall(many))
    for el in tree.iterfind(".//*[@itemtype]"):
        found.update(t.rstrip("/").rsplit("/", 1)[-1] for t in el.get("itemtype", "").split())
    for el in tree.iterfind('.//meta[@property="og:type"]'):
        found.add(el.get("content") or "")
    return frozenset(t.strip().lower() for t in found if t.strip())


def read_page(tree: HtmlElement, url: str | None = None) -> Page:
    """Metadata and cues of a parsed page."""
    metas = meta_values(tree)
    head_title = _first_text(tree.iter("title"))
    og_title = _meta(metas, "og:title", "twitter:title")
    h1 = _first_text(tree.iter("h1"))
    description = _meta(metas, "og:description", "description", "twitter:description")
    descriptions = [d for d in (description, _meta(metas, "description")) if d]
    canonical = None
    for el in tree.iterfind('.//link[@rel="canonical"]'):
        canonical = el.get("href")
    return Page(
        tree=tree,
        title=og_title or h1 or head_title,
        titles=_title_variants([t for t in (head_title, og_title, h1) if t]),
        description=description,
        descriptions=frozenset(k for k in (bare(fold(d)) for d in descriptions) if len(k) >= 20),
        author=_author(tree, metas),
        date=_date(tree, metas),
        language=_language(tree, metas),
        url=url or canonical or _meta(metas, "og:url"),
        captions=_captions(tree),
    )
