"""Turn extracted content, a raw page or plain text into candidate :class:`Paragraph` records.

HTML blocks are split at line breaks (``<br>``/``<lb>``) the way scraped text is: a byline and
a dateline printed in one block with a break between them are two candidates.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml.etree import _Element

from cleantext.fold import fold, normalize_space
from cleantext.model import Paragraph
from cleantext.page import INDEX_TAGS, Page, cue_key

# trafilatura's output vocabulary, mapped to paragraph tags.
_EXTRACTED_TAGS = {"p": "p", "head": "h", "item": "li", "quote": "quote", "code": "pre", "cell": "cell"}
_LINK_TAGS = frozenset({"ref", "a"})
# The class/id tokens of a line of plain text: none.
_NO_TOKENS: frozenset[str] = frozenset()
CUE_MAX_CHARS = 400
_BREAK_TAGS = frozenset({"lb", "br"})
# Raw HTML block tags (for the extractor-free path): the indexed paragraph-level blocks but the
# inline ones, and the containers around them.
_DOM_BLOCKS = (INDEX_TAGS - {"label", "time"}) | frozenset(
    "div section article header footer aside nav ul ol dl table tr tbody thead tfoot form main "
    "figure details fieldset center".split()
)
_DOM_TAGS = {
    "h1": "h",
    "h2": "h",
    "h3": "h",
    "h4": "h",
    "h5": "h",
    "h6": "h",
    "li": "li",
    "blockquote": "quote",
    "pre": "pre",
    "td": "cell",
    "th": "cell",
    "figcaption": "caption",
    "caption": "caption",
}
_DOM_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "svg",
        "iframe",
        "select",
        "option",
        "button",
        "object",
        "embed",
        "canvas",
        "map",
    }
)
_EXTRACTED_SKIP = frozenset({"graphic"})


@dataclass
class _Line:
    """A line being collected: its pieces and how many characters sit in links."""

    tag: str
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0

    def add(self, text: str | None, in_link: bool) -> None:
        if text:
            self.parts.append(text)
            if in_link:
                self.link_chars += len(text.strip())


# A collector stack frame: children left, in a link, the tail after the element, the link state
# of that tail, the parent's line to resume when the element is a block (else None).
_Frame = tuple[Iterator[_Element], bool, "str | None", bool, "_Line | None"]


@dataclass
class Collector:
    """Accumulates text blocks into (tag, text, link density) candidates."""

    blocks: set[str]
    skip: frozenset[str]
    out: list[tuple[str, str, float]] = field(default_factory=list)
    # Past this many blocks the rest of the text becomes one last block, unexamined.
    limit: int | None = None

    def flush(self, line: _Line) -> _Line:
        text = normalize_space("".join(line.parts))
        if text:
            density = min(1.0, line.link_chars / max(1, len(text.replace(" ", "")) or 1))
            self.out.append((line.tag, text, density))
        return _Line(line.tag)

    def block(self, el: _Element, tags: dict[str, str]) -> None:
        """Collect ``el`` as a block: its inline content is one candidate, nested blocks are
        candidates of their own. Iterative (an explicit stack), so depth never hits Python's
        recursion limit."""
        link = str(el.tag) in _LINK_TAGS
        line = _Line(tags.get(str(el.tag), "p"))
        line.add(el.text, link)
        stack: list[_Frame] = [(iter(el), link, None, link, None)]
        while stack:
            if self.limit is not None and len(self.out) > self.limit:
                self._rest(line, stack)
                return
            children, link, tail, tail_link, parent = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                if parent is not None:
                    self.flush(line)
                    line = parent
                line.add(tail, tail_link)
                continue
            tag = child.tag if isinstance(child.tag, str) else ""
            if not tag or tag in self.skip or tag in _BREAK_TAGS:
                if tag in _BREAK_TAGS:
                    line = self.flush(line)
                line.add(child.tail, link)
            elif tag in self.blocks:
                resume = self.flush(line)
                line = _Line(tags.get(tag, "p"))
                line.add(child.text, tag in _LINK_TAGS)
                stack.append((iter(child), tag in _LINK_TAGS, child.tail, link, resume))
            else:
                child_link = link or tag in _LINK_TAGS
                line.add(child.text, child_link)
                stack.append((iter(child), child_link, child.tail, link, None))
        self.flush(line)

    def _rest(self, line: _Line, stack: list[_Frame]) -> None:
        """All the text not collected yet (script and style text included), as one block."""
        parts = list(line.parts)
        for children, _, tail, _, _ in reversed(stack):
            for child in children:  # (libxml2's XPath takes quadratic time over many siblings)
                if len(child):
                    parts.extend(str(x) for x in child.itertext())
                else:
                    parts.append(child.text or "")
                parts.append(child.tail or "")
            parts.append(tail or "")
        text = normalize_space(" ".join(parts))
        if text:
            self.out.append(("p", text, 0.0))


def _paragraphs(
    blocks: list[tuple[str, str, float]], page: Page | None, limit: int | None = None
) -> list[Paragraph]:
    """Paragraphs with features; blocks beyond ``limit`` are joined into one unexamined paragraph."""
    examined = blocks[:limit] if limit is not None else blocks
    out = []
    # Only paragraphs short enough for a markup rule look up their cues (no token or link rule
    # accepts a longer one; a longer paragraph counts as prose).
    keys = [cue_key(text) if len(text) <= CUE_MAX_CHARS else None for _, text, _ in examined]
    cues = page.cues_by_key({k for k in keys if k is not None}) if page is not None else {}
    for i, (tag, text, density) in enumerate(examined):
        folded = fold(text)
        key = keys[i]
        cue = cues.get(key) if key is not None else None
        out.append(
            Paragraph(
                index=i,
                text=text,
                folded=folded,
                tag=tag,
                link_density=round(max(density, cue.link_density if cue else 0.0), 3),
                tokens=cue.tokens if cue else frozenset(),
                in_figure=(cue.in_figure if cue else False) or tag == "caption",
            )
        )
    rest = blocks[len(examined) :]
    if rest:  # not examined: one paragraph without features
        out.append(Paragraph(index=len(out), text="\n\n".join(text for _, text, _ in rest), folded=""))
    return out


def from_extracted(body: _Element, page: Page, limit: int | None = None) -> list[Paragraph]:
    """Paragraphs of trafilatura's main-content body, with cues looked up in ``page``."""
    blocks = {"p", "head", "list", "item", "quote", "code", "table", "row", "cell", "div"}
    collector = Collector(blocks, _EXTRACTED_SKIP, limit=limit)
    collector.block(body, _EXTRACTED_TAGS)
    return _paragraphs(collector.out, page, limit)


def from_dom(page: Page, limit: int | None = None) -> list[Paragraph]:
    """Paragraphs of every text block of the page body (no extractor: the rules decide).

    Past ``limit`` blocks, all the remaining text comes as one last paragraph without features
    (``folded`` empty): it is not examined.
    """
    return _paragraphs(_dom_collected(page, limit), page, limit)


def dom_blocks(
    page: Page, limit: int | None = None, skip: frozenset[str] = frozenset()
) -> list[tuple[str, str, float]]:
    """The (tag, text, link density) blocks of the page body, in page order, at most ``limit``.

    Elements whose tag is in ``skip`` are left out with everything inside them.
    """
    blocks = _dom_collected(page, limit, skip)
    return blocks[:limit] if limit is not None else blocks


def paragraphs_of(blocks: list[tuple[str, str, float]], page: Page) -> list[Paragraph]:
    """Paragraphs of blocks from :func:`dom_blocks`, with their cues (indexes from 0)."""
    return _paragraphs(blocks, page)


def _dom_collected(
    page: Page, limit: int | None, skip: frozenset[str] = frozenset()
) -> list[tuple[str, str, float]]:
    body = page.tree.find("body")
    collector = Collector(set(_DOM_BLOCKS), _DOM_SKIP | skip, limit=limit)
    collector.block(body if body is not None else page.tree, _DOM_TAGS)
    return collector.out


def from_text(text: str) -> list[Paragraph]:
    """Every non-empty line of plain text is a candidate paragraph."""
    lines = [line.strip() for line in text.splitlines()]  # each line stripped once
    last = len(lines) - 1
    out: list[Paragraph] = []
    for i, line in enumerate(lines):
        if line:
            before = i == 0 or not lines[i - 1]
            after = i == last or not lines[i + 1]
            # (all fields by position: keywords would cost a dict per call)
            out.append(Paragraph(len(out), line, fold(line), "line", 0.0, _NO_TOKENS, False, before, after))
    return out
