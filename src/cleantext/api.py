"""The public entry points: :func:`clean` and :func:`clean_and_explain`."""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from cleantext import collapsed, consent, engine, extract, guard, recover, segment
from cleantext.config import DEFAULT_CONFIG, Config
from cleantext.decode import decode, sanitize
from cleantext.engine import PageContext
from cleantext.fold import fold
from cleantext.model import Category, Decision, Extractor, InputKind, Metadata, Paragraph, Result
from cleantext.page import Page, parse, read_page, visible_chars
from cleantext.rules.base import Phrases, Rule
from cleantext.rules.catalog import default_rules
from cleantext.rules.structure import bare
from cleantext.textmeta import date_from_text

# Markup that only HTML has, looked for near the start of a str.
_HTML_HINT = regex.compile(
    r"<(?:!doctype\s++html|html|head|body|p|div|article|section|span|br|a|h[1-6]|ul|ol|li|table|"
    r"meta|title|main|header|footer|nav|img|figure|script|style)(?:\s[^<>]{0,2000}+)?+/?>",
    regex.IGNORECASE,
)
# The first extraction is retried with trafilatura's full cascade when it returns fewer characters
# than this, or less than this share of the page's visible text (measured on WCXB: pages where
# the fast pass under-extracts are forums, service and listing pages, where readability or
# jusText finds the posts or entries; a share of 0.12 or 0.15 gains 0.003 F1 on WCXB but retries
# articles on ScrapingHub for nothing, +8% CPU there).
MIN_EXTRACTED_CHARS = 250
MIN_EXTRACTED_SHARE = 0.1
# Pages with more of their text inside <noscript> than this share of the visible text are
# script-rendered with a no-script copy of the content (forum software): trafilatura drops
# noscript, and only its balanced fast mode recovers the copy (its baseline rescue after an
# almost empty first result). Measured on WCXB: 18 forum pages above 0.5 and one article (same
# output either way), none on ScrapingHub; forum F1 0.664 -> 0.715 (0.3 to 0.5 score the same,
# 0.6 loses 0.008).
MAX_NOSCRIPT_SHARE = 0.5
# A recall-mode result shorter than this is checked against balanced fast mode, and the longer
# kept: on some listings and collections the recall pass settles on one small block (WCXB: 7
# pages change, 5 from under 0.35 F1 to 0.37-0.74, 2 collections lose 0.25; ScrapingHub
# unchanged; 400 to 800 score the same, 400 is the cheapest).
MIN_RECALL_CHARS = 400
# A fast result that holds at least MIN_EXTRACTED_SHARE but less than this share of the page's
# visible text is checked against trafilatura's readability fallback alone (a sixth of the
# cost of its full cascade), when the page's prose (text runs of PROSE_RUN characters or more) is at
# least RESCUE_GAIN times the result and the page has at most one <article> element:
# readability's result replaces it when it is more than RESCUE_GAIN times longer,
# trafilatura's own "readability much longer" test. The fast pass sometimes keeps one box of
# an article (its intro, one tab, the first entries of a guide) where readability takes the
# column that holds them all; on a page of several <article> elements (a feed of posts, the
# teasers of other stories, a thread) that column merges several stories. Measured on WCXB
# (per page, rules on): 142 pages in the band, 46 pass both tests and run readability, 6 change
# (articles +0.0037: five from 0.22-0.66 to 0.80-0.99; documentation +0.0075); ScrapingHub:
# 12 pages run readability, none changes (without the <article> test one loses its
# precision: readability appends the site's other posts).
MAX_PARTIAL_SHARE = 0.25
RESCUE_GAIN = 2.0
# The same check runs on an almost empty fast result of a page that declares no article or
# product, when the missed-prose recovery (which takes the place of the full cascade there)
# finds nothing to add: a page whose entries are links (a catalogue, a listing). Measured on
# WCXB: 33 pages reach it, one changes (a listing from 0.01 to 0.99 F1); readability costs
# about 8 ms a page. The full cascade instead changes 7 pages for +0.0009 (4 up, 3 down) at
# 5% more CPU.


@dataclass(frozen=True)
class _Prepared:
    text: str
    encoding: str
    truncated: str | None


def _prepare(source: str | bytes, config: Config) -> _Prepared:
    if isinstance(source, bytes):
        data = source
        truncated = None
        if data.startswith(_BINARY_SIGNATURES):
            return _Prepared("", "binary", "binary")
        if len(data) > config.limits.max_bytes:
            data, truncated = data[: config.limits.max_bytes], "max_bytes"
        text, encoding = decode(data, config.charset)
        if _looks_binary(text):
            return _Prepared("", "binary", "binary")
    elif isinstance(source, str):
        text, encoding, truncated = source, "str", None
        if len(text) > config.limits.max_bytes:
            text, truncated = text[: config.limits.max_bytes], "max_bytes"
    else:
        raise TypeError(f"cleantext expects str or bytes, not {type(source).__name__}")
    return _Prepared(sanitize(text), encoding, truncated)


# Files that are not text at all: images, PDF, archives, compressed data, executables.
_BINARY_SIGNATURES = (
    b"\x89PNG", b"%PDF-", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b",
    b"\xfd7zXZ", b"\x28\xb5\x2f\xfd", b"7z\xbc\xaf", b"\x7fELF", b"\x00\x00\x01\x00",
)
# A decoded text with more than this share of replacement or control characters is binary
# (real pages have next to none; random bytes decoded as Windows-1252 have about 12%).
BINARY_SHARE = 0.05


def _looks_binary(text: str) -> bool:
    head = text[:4096]
    if not head:
        return False
    # NUL is not counted: NUL-padded pages are text with a hole, not binary.
    odd = sum(1 for ch in head if ch == "\ufffd" or (ch < " " and ch not in "\t\n\r\x00"))
    return odd > BINARY_SHARE * len(head)


def detect_kind(text: str) -> InputKind:
    """HTML if markup elements appear in the first 10,000 characters, else plain text.

    >>> detect_kind("<p>Hello</p>").value, detect_kind("Hello <world>").value
    ('html', 'text')
    """
    return InputKind.HTML if _HTML_HINT.search(text[:10_000]) else InputKind.TEXT


def _extracted(page: Page, config: Config, *, full: bool, recall: bool = False) -> list[Paragraph]:
    body = extract.main_content(
        page.tree, page.url, full=full, recall=recall, include_tables=config.include_tables
    )
    return segment.from_extracted(body, page, config.limits.max_paragraphs) if body is not None else []


def _longer(paragraphs: list[Paragraph], other: list[Paragraph]) -> list[Paragraph]:
    return other if sum(p.chars for p in other) > sum(p.chars for p in paragraphs) else paragraphs


def _html_paragraphs(page: Page, config: Config) -> list[Paragraph]:
    # Pages too large for trafilatura's superlinear passes are segmented by cleantext itself.
    elements = extract.element_count(page.tree)
    if config.extractor is Extractor.NONE or not extract.affordable(elements, full=False):
        return segment.from_dom(page, config.limits.max_paragraphs)
    if config.remove_consent:
        consent.remove_consent(page.tree)
    if config.open_collapsed:
        collapsed.open_collapsed(page.tree)
    visible = visible_chars(page.tree)
    can_retry = extract.affordable(elements, full=True)
    paragraphs = _trafilatura_paragraphs(page, config, can_retry, visible)
    if not config.recover_prose:
        return paragraphs
    found = recover.with_missed_prose(paragraphs, page, visible, config.limits.max_paragraphs)
    chars = sum(p.chars for p in found)
    if found is paragraphs and can_retry and _almost_empty(chars, visible) and not recover.self_marked(page):
        # Nothing to recover either (a page of link entries): readability's column, if longer.
        found = _rescued(page, config, found, chars)
    return found


def _almost_empty(chars: int, visible: int) -> bool:
    return chars < MIN_EXTRACTED_CHARS or chars < MIN_EXTRACTED_SHARE * visible


def _trafilatura_paragraphs(page: Page, config: Config, can_retry: bool, visible: int) -> list[Paragraph]:
    # A forum thread gets the full cascade at once: the fast passes keep a post or two of it.
    if can_retry and (config.extractor is Extractor.TRAFILATURA_FULL or extract.forum_thread(page.tree)):
        return _extracted(page, config, full=True)
    # trafilatura's fast mode favouring recall: its cheapest pass and its best on articles;
    # balanced fast mode for a script-rendered page whose text is a noscript copy.
    recall = extract.noscript_share(page.tree, visible) <= MAX_NOSCRIPT_SHARE
    paragraphs = _extracted(page, config, full=False, recall=recall)
    if recall and sum(p.chars for p in paragraphs) < MIN_RECALL_CHARS:
        paragraphs = _longer(paragraphs, _extracted(page, config, full=False))
    chars = sum(p.chars for p in paragraphs)
    if _almost_empty(chars, visible):
        # Almost nothing: the full cascade, unless the missed prose is recovered instead.
        if can_retry and (not config.recover_prose or recover.self_marked(page)):
            paragraphs = _longer(paragraphs, _extracted(page, config, full=True))
    elif can_retry and chars < MAX_PARTIAL_SHARE * visible:
        paragraphs = _rescued(page, config, paragraphs, chars)
    return paragraphs


def _rescued(page: Page, config: Config, paragraphs: list[Paragraph], chars: int) -> list[Paragraph]:
    """readability's content instead of a partial fast result, when it is much longer."""
    if extract.article_count(page.tree) > 1:
        return paragraphs  # several stories: readability's column would merge them
    if extract.prose_chars(page.tree) < RESCUE_GAIN * chars:
        return paragraphs  # the page has too little prose for readability to find much more
    body = extract.readability_content(page.tree, page.url, include_tables=config.include_tables)
    # Its raw text is at least the length of the paragraphs made from it: a short one is turned
    # down before the paragraphs (and the cue lookups of their texts) are built.
    if body is None or sum(map(len, body.itertext())) <= RESCUE_GAIN * chars:
        return paragraphs
    found = segment.from_extracted(body, page, config.limits.max_paragraphs)
    return found if sum(p.chars for p in found) > RESCUE_GAIN * chars else paragraphs


def _rules(config: Config) -> tuple[Rule, ...]:
    base = default_rules() if config.use_default_rules else ()
    return base + config.rules


def _clean_html(prepared: _Prepared, url: str | None, config: Config) -> Result:
    guarded = guard.guard(prepared.text, config.limits)
    prepared = replace(
        prepared, text=guarded.html, truncated=guard.join_reasons(prepared.truncated, guarded.truncated)
    )
    tree = parse(prepared.text)
    if tree is not None and guarded.truncated is None and guard.too_deep(tree, config.limits):
        # The quick checks cannot see depth: a deep page gets the full scan and a new parse.
        guarded = guard.guard(guarded.html, config.limits, force=True)
        prepared = replace(
            prepared, text=guarded.html, truncated=guard.join_reasons(prepared.truncated, guarded.truncated)
        )
        tree = parse(prepared.text)
    if tree is None:
        meta = Metadata(
            url=url, encoding=prepared.encoding, kind=InputKind.HTML, truncated=prepared.truncated
        )
        return Result([], [], meta)
    page = read_page(tree, url)
    paragraphs, overflow = guard.limit_paragraphs(
        _html_paragraphs(page, config), config.limits.max_paragraphs
    )
    if overflow:
        prepared = replace(prepared, truncated=guard.join_reasons(prepared.truncated, "max_paragraphs"))
    context = PageContext(InputKind.HTML, page.titles, page.descriptions, page.captions, page.author)
    words = engine.read_words(paragraphs)
    decisions = engine.decide(paragraphs, context, _rules(config), config, words) + overflow
    language = page.language or words.hits.guess()
    meta = Metadata(
        title=page.title,
        author=page.author,
        date=page.date,
        url=page.url,
        language=language,
        encoding=prepared.encoding,
        description=page.description,
        kind=InputKind.HTML,
        truncated=prepared.truncated,
    )
    return _result(decisions, meta)


def _first(decisions: list[Decision], *categories: Category) -> Decision | None:
    return next((d for d in decisions if d.category in categories), None)


def _clean_text(prepared: _Prepared, url: str | None, config: Config) -> Result:
    head, rest = guard.cut_lines(prepared.text, config.limits.max_paragraphs)
    paragraphs, overflow = segment.from_text(head), guard.overflow(rest, config.limits.max_paragraphs)
    if overflow:
        prepared = replace(prepared, truncated=guard.join_reasons(prepared.truncated, "max_paragraphs"))
    context = PageContext(InputKind.TEXT)
    words = engine.read_words(paragraphs)
    decisions = engine.decide(paragraphs, context, _rules(config), config, words) + overflow
    headline = decisions[0] if decisions and decisions[0].rule == "headline.leading" else None
    byline = _first(decisions, Category.BYLINE)
    dateline = _first(decisions, Category.DATELINE)
    meta = Metadata(
        title=headline.text if headline else None,
        author=_author_from_byline(byline.text) if byline else None,
        date=date_from_text(dateline.text) if dateline else None,
        url=url,
        language=words.hits.guess(),
        encoding=prepared.encoding,
        kind=InputKind.TEXT,
        truncated=prepared.truncated,
    )
    return _result(decisions, meta)


def _author_from_byline(text: str) -> str:
    words = text.split()
    if words and bare(fold(words[0])) in {"by", "von", "par", "por", "di", "door", "autor"}:
        words = words[1:]
    return " ".join(words).split(",")[0].strip()


def _result(decisions: list[Decision], meta: Metadata) -> Result:
    return Result([d.text for d in decisions if d.kept], decisions, meta)


def clean_and_explain(source: str | bytes, *, url: str | None = None, config: Config | None = None) -> Result:
    """Clean ``source`` and explain every decision.

    ``source`` is HTML (str or bytes) or plain scraped text (str). Returns a :class:`Result`
    whose ``decisions`` hold one entry per candidate paragraph, in order.

    Bytes that are not text (an image, a PDF, an archive, or more than 5% control characters
    other than NUL and replacement characters once decoded) give an empty result with
    ``metadata.encoding`` and ``metadata.truncated`` set to ``"binary"``.

    Raises:
        TypeError: ``source`` is neither str nor bytes.

    >>> r = clean_and_explain("Storm hits coast\\n\\nThe storm hit the coast on Monday night.\\n"
    ...                       "Residents were told to stay inside.\\nShare this article")
    >>> r.paragraphs
    ['The storm hit the coast on Monday night.', 'Residents were told to stay inside.']
    >>> [(d.category.value, d.rule) for d in r.dropped]
    [('headline', 'headline.leading'), ('share', 'share.bar')]
    >>> r.metadata.title
    'Storm hits coast'
    """
    config = config or DEFAULT_CONFIG
    prepared = _prepare(source, config)
    kind = config.input_kind
    if kind is InputKind.AUTO:
        kind = detect_kind(prepared.text)
    if kind is InputKind.HTML:
        return _clean_html(prepared, url, config)
    return _clean_text(prepared, url, config)


def clean(source: str | bytes, *, url: str | None = None, config: Config | None = None) -> list[str]:
    """The article's paragraphs from HTML (str or bytes) or scraped text (str), in order.

    >>> clean("<html><body><article><p>The storm hit the coast on Monday night, and "
    ...       "thousands of homes lost power.</p><p>Advertisement</p></article></body></html>")
    ['The storm hit the coast on Monday night, and thousands of homes lost power.']
    """
    return clean_and_explain(source, url=url, config=config).paragraphs


def prepare(config: Config | None = None) -> None:
    """Compile now the phrase patterns of every language for the rules ``config`` applies
    (and build the default rules' word-gate table).

    They are otherwise compiled per rule and language the first time a document needs them
    (about 0.1 s per language, 0.4 s for all eight). A service that wants no document to pay
    for that calls this once at start; results are the same either way.

    >>> prepare()
    >>> clean("Advertisement\\nThe bridge reopened on Friday after two years of repairs.")
    ['The bridge reopened on Friday after two years of repairs.']
    """
    config = config or DEFAULT_CONFIG
    for rule in engine.active_rules(_rules(config), config):
        if isinstance(rule.matcher, Phrases):
            rule.matcher.compiled(config.languages)
    if config.use_default_rules:
        engine.bundled_gates()
