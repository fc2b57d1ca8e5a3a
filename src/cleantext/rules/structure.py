"""Matchers that use features, metadata, neighbours, blocks and repeats rather than phrases."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from typing import TYPE_CHECKING

import regex

from cleantext.fold import fold
from cleantext.model import Category, InputKind, Paragraph, Stage
from cleantext.rules.base import Anchor, LineMatcher, Phrases, _select, letter_runs

if TYPE_CHECKING:
    from cleantext.engine import DocView

_WORDS = regex.compile(r"\w++")
_LEAD = regex.compile(r"[\W_]++")
_WORD_CHAR = regex.compile(r"[^\W_]")
# A numeric date, not part of a longer dotted or dashed number (an IP address, a part number).
_NUMERIC_DATE = regex.compile(
    r"(?<![\d./-])(?:\d{1,2}([./-])\d{1,2}\1\d{2,4}|\d{4}([./-])\d{1,2}\2\d{1,2})(?![./-]?\d)"
)
_DIGIT = regex.compile(r"\d")
# A currency sign makes a price, not a date ("$12.50/mo.": "mo" is also a weekday abbreviation).
_CURRENCY = regex.compile(r"\p{Sc}")
_NUMBERISH = regex.compile(r"^\d{1,4}(?:st|nd|rd|th|er|e|º|ª|o|a|r)?$")
_TIMEZONES = frozenset(
    [
        "utc",
        "gmt",
        "est",
        "edt",
        "cst",
        "cdt",
        "mst",
        "mdt",
        "pst",
        "pdt",
        "bst",
        "cet",
        "cest",
        "eet",
        "eest",
        "ist",
        "jst",
        "aest",
        "aedt",
        "msk",
        "amt",
        "wib",
        "sgt",
        "hkt",
        "nzst",
        "nzdt",
        "akst",
        "akdt",
        "hst",
        "z",
        "am",
        "pm",
        "a.m",
        "p.m",
        "h",
    ]
)


def bare(folded: str) -> str:
    """The folded text without leading and trailing punctuation.

    >>> bare("« Read more: »"), bare("plain")
    ('Read more', 'plain')
    """
    if folded[:1].isalnum() and folded[-1:].isalnum():
        return folded  # the usual case, without a regex call
    lead = _LEAD.match(folded)
    start = lead.end() if lead else 0
    end = len(folded)
    while end > start and not _WORD_CHAR.match(folded, end - 1):  # the trailing run, backwards
        end -= 1
    return folded[start:end]


@dataclass(frozen=True, eq=False)
class FigureText(LineMatcher):
    """The paragraph repeats an image's alt or title text: a caption printed as body text.

    A figcaption alone is not enough: the reference texts of both benchmarks often keep
    captions, so only the duplicate of the image's own text is dropped, and only when it is a
    sentence-like caption of ``min_words`` or more (an icon's alt text repeats a menu label).
    """

    max_chars: int = 500
    min_words: int = 5
    max_hits: int = 5  # more image-titled paragraphs than this: the cards of a listing

    def applies(self, doc: DocView) -> bool:
        return bool(doc.page.captions)

    def match(self, p: Paragraph, doc: DocView, languages: tuple[str, ...] | None) -> str | None:
        if len(p.text) > self.max_chars:
            return None
        key = bare(p.folded)
        if len(key.split()) >= self.min_words and key in doc.page.captions:
            return "equals an image's alt/title text"
        return None


@dataclass(frozen=True, eq=False)
class InlineTeaser(LineMatcher):
    """A fully linked line in capitals between two paragraphs of prose: the headline of another
    story set inside this one (HTML only).

    A link line inside the article may be a source or a product; set in capitals, with prose
    on both sides, it is a teaser. Headings, list items and lines at either end are left alone.
    """

    min_density: float = 0.9
    min_words: int = 4
    min_letters: int = 15
    max_chars: int = 200
    prose_chars: int = 80

    def applies(self, doc: DocView) -> bool:
        return doc.page.kind is InputKind.HTML

    def match(self, p: Paragraph, doc: DocView, languages: tuple[str, ...] | None) -> str | None:
        if p.tag != "p" or p.link_density < self.min_density or p.chars > self.max_chars:
            return None
        letters = [ch for ch in p.text if ch.isalpha()]
        if len(letters) < self.min_letters or len(p.text.split()) < self.min_words:
            return None
        if not all(ch.isupper() for ch in letters):
            return None
        i, paragraphs = p.index, doc.paragraphs
        if i == 0 or i + 1 >= len(paragraphs):
            return None
        before, after = paragraphs[i - 1], paragraphs[i + 1]
        if not (is_prose(before, self.prose_chars) and is_prose(after, self.prose_chars)):
            return None
        return f"linked line in capitals between prose, link_density={p.link_density:.2f}"


# A paragraph that is one web address (a scheme or "www.", no spaces).
_BARE_URL = regex.compile(r"^(?:https?://|www\.)[^\s/]++(?P<path>/\S*+)?$")


@dataclass(frozen=True, eq=False)
class OwnAddress(LineMatcher):
    """A bare web address whose slug spells the page's title: the article's own address,
    printed by a share or print widget.

    Addresses in a list of sources or links point to other pages: their words are not the
    title's. The slug (the last segment of the path with ``min_words`` or more runs of letters,
    its file extension removed) must be made of the title's words, at least ``min_share`` of
    them.
    """

    min_words: int = 4
    min_share: float = 0.8
    max_chars: int = 300

    def applies(self, doc: DocView) -> bool:
        return bool(doc.page.titles)

    def match(self, p: Paragraph, doc: DocView, languages: tuple[str, ...] | None) -> str | None:
        text = p.folded.strip()
        if len(text) > self.max_chars or not text.startswith(("http", "www.")):
            return None
        m = _BARE_URL.match(text)
        if m is None or not m.group("path"):
            return None
        path = m.group("path").split("?")[0].split("#")[0]
        slugs = [letter_runs(seg.rsplit(".", 1)[0]) for seg in path.split("/")]
        words = next((w for w in reversed(slugs) if len(w) >= self.min_words), None)
        if words is None:
            return None
        title = {w for t in doc.page.titles for w in letter_runs(t)}
        share = sum(w in title for w in words) / len(words)
        return f"address spells the title ({share:.0%} of its words)" if share >= self.min_share else None


# A word character or any number: "½", "²" and "③" are not \w in the regex module, but they are
# numbers (a half-star rating "★★★½" says 3.5).
_ALNUM = regex.compile(r"[\w\p{N}]")


@dataclass(frozen=True, eq=False)
class NoText(LineMatcher):
    """A paragraph without a word character or a number: separators, zero-width spaces, stray
    symbols."""

    def match(self, p: Paragraph, doc: DocView, languages: tuple[str, ...] | None) -> str | None:
        first = p.text[:1]
        if first.isalpha() or first.isdecimal():  # the usual case, without a regex call
            return None
        return None if _ALNUM.search(p.text) else "no letter or digit"


# The words of placeholder text: the "Lorem ipsum" passage, the parts of Cicero's "De finibus"
# (1.10.32-33) it was cut from, and the vocabulary of the common lorem ipsum generators.
_FILLER_WORDS = frozenset(
    """
    a ab ac accumsan accusamus accusantium ad adipisci adipiscing aenean aliqua aliquam aliquet
    aliquid aliquip alias amet anim animi ante aperiam architecto arcu asperiores aspernatur
    assumenda at atque auctor augue aut aute autem beatae bibendum blandit blanditiis cillum
    commodi commodo condimentum congue consectetur consequat consequatur consequuntur convallis
    corporis corrupti cras cubilia culpa cum cumque cupidatat cupiditate curabitur curae cursus
    dapibus debitis delectus deleniti deserunt diam dicta dictum dictumst dignissim dignissimos
    dis distinctio do dolor dolore dolorem doloremque dolores doloribus dolorum donec ducimus dui
    duis ea eaque earum efficitur egestas eget eiusmod eius eleifend elementum eligendi elit enim
    eos erat eros error esse est et etiam eu euismod eum eveniet ex excepteur excepturi
    exercitation exercitationem expedita explicabo facere facilis facilisi facilisis fames
    faucibus felis fermentum feugiat finibus fringilla fuga fugiat fugit fusce gravida habitant
    habitasse hac harum hendrerit hic himenaeos iaculis id illo illum impedit imperdiet in
    inceptos incidunt incididunt integer interdum inventore ipsa ipsam ipsum irure iste itaque
    iure iusto justo labore laboriosam laborum lacinia lacus laoreet laudantium lectus leo libero
    ligula litora lobortis lorem luctus maecenas magna magnam magni magnis maiores malesuada
    massa mattis mauris maxime maximus metus mi minim minima minus modi molestiae molestias
    molestie mollis mollit mollitia montes morbi mus nam nascetur natoque natus nec necessitatibus
    nemo neque nesciunt netus nibh nihil nisi nisl nobis non nostra nostrud nostrum nulla nullam
    numquam nunc occaecat occaecati odio odit officia officiis omnis optio orci ornare pariatur
    parturient pellentesque penatibus per perferendis perspiciatis pharetra phasellus placeat
    placerat platea porro porta porttitor possimus posuere potenti praesent praesentium pretium
    primis proident proin provident pulvinar purus quae quaerat quam quas quasi qui quia quibusdam
    quidem quis quisquam quisque quo quod quos ratione recusandae reiciendis rem repellat
    repellendus reprehenderit repudiandae rerum rhoncus ridiculus risus rutrum saepe sagittis
    sapien sapiente scelerisque sed sem semper senectus sequi similique sint sit sociosqu sodales
    sollicitudin soluta sunt suscipit suspendisse taciti tellus tempor tempora temporibus tempus
    tenetur tincidunt torquent tortor totam tristique turpis ullam ullamco ullamcorper ultrices
    ultricies unde urna ut varius vehicula vel velit venenatis veniam veritatis vero vestibulum
    vitae vivamus viverra voluptas voluptate voluptatem voluptates voluptatibus voluptatum
    volutpat vulputate
    """.split()
)
# What every placeholder passage holds: its opening words, or the ones it repeats.
_FILLER_MARK = regex.compile(r"\blorem ipsum\b|\bdolor sit amet\b")


@dataclass(frozen=True, eq=False)
class Placeholder(LineMatcher):
    """Placeholder text: "Lorem ipsum dolor sit amet…", a template's filler that was never
    replaced (an empty card, a hidden slide, a block left in the layout).

    The paragraph must hold the filler's opening words ("lorem ipsum" or "dolor sit amet") and
    be made of the filler's words, at least ``min_share`` of its runs of letters: a sentence
    that talks about lorem ipsum is in another language and stays. The filler is the same
    pseudo-Latin whatever the page's language, so the rule needs no language pack.
    """

    min_share: float = 0.75

    def match(self, p: Paragraph, doc: DocView, languages: tuple[str, ...] | None) -> str | None:
        text = p.folded
        if "ipsum" not in text and "amet" not in text:
            return None  # two substring scans before any regex: most pages have no filler
        found = _FILLER_MARK.search(text)
        if found is None:
            return None
        words = letter_runs(text)
        share = sum(w in _FILLER_WORDS for w in words) / len(words)
        if share < self.min_share:
            return None
        return f"placeholder text {found.group()!r} ({share:.0%} filler words)"


def is_prose(p: Paragraph, min_chars: int = 120) -> bool:
    """A long paragraph that is not made of links: article text."""
    return p.chars >= min_chars and p.link_density < 0.3


# Class/id parts and tags that make a box a footer or a legal box, whatever else it is.
_FOOTER_TOKENS = frozenset(
    ["tag:footer", "~footer", "footer", "~copyright", "copyright", "~legal", "legal", "~disclaimer",
     "disclaimer"]
)
_SENTENCE_END = (".", "!", "?", '"', "\u201d", "\u2019", ")")


def in_story_box(doc: DocView, index: int, min_chars: int = 60) -> bool:
    """The paragraph sits in the box of the sentence of prose just before it, and that box is
    not a footer: its class/id tokens include every token of the previous paragraph (a prose
    sentence of ``min_chars`` or more, not made of links), and none of them names a footer, a
    copyright or a legal box."""
    if index == 0:
        return False
    p, prev = doc.paragraphs[index], doc.paragraphs[index - 1]
    if not prev.tokens or not prev.tokens <= p.tokens or p.tokens & _FOOTER_TOKENS:
        return False
    return is_prose(prev, min_chars) and prev.text.rstrip().endswith(_SENTENCE_END)


@dataclass(frozen=True, eq=False)
class OutsideStory(Phrases):
    """:class:`Phrases` that leave alone a match printed inside the story's own box.

    A notice set in the same box as the article's last sentences (a wire agency's copyright
    line under a syndicated story) belongs to the story as published; the site's own notice
    sits in a footer, a legal box or apart from the text (see :func:`in_story_box`).
    """

    def find(self, doc: DocView, languages: tuple[str, ...] | None) -> Iterator[tuple[int, str]]:
        for index, evidence in super().find(doc, languages):
            if not in_story_box(doc, index):
                yield index, evidence

    def match(self, p: Paragraph, doc: DocView, languages: tuple[str, ...] | None) -> str | None:
        found = super().match(p, doc, languages)
        return None if found is None or in_story_box(doc, p.index) else found


@dataclass(frozen=True, eq=False)
class AfterHeader:
    """Teasers listed under a "Related"/"Read more" header: the header's block, line by line.

    After a paragraph claimed by one of ``headers`` that is a header (at most ``header_chars``
    long), up to ``max_items`` following paragraphs are claimed while each one is short and
    link-dense; the first other paragraph ends the block.
    """

    headers: frozenset[str]
    header_chars: int = 40
    max_items: int = 8
    min_density: float = 0.5
    max_chars: int = 200
    stage: Stage = Stage.CONTEXT

    def find(self, doc: DocView, languages: tuple[str, ...] | None) -> Iterator[tuple[int, str]]:
        paragraphs = doc.paragraphs
        for p, mark in zip(paragraphs, doc.marks, strict=True):  # (the claims read directly)
            if mark is None or mark.rule not in self.headers or p.chars > self.header_chars:
                continue
            for q in paragraphs[p.index + 1 : p.index + 1 + self.max_items]:
                if not doc.is_open(q.index) or q.link_density < self.min_density or q.chars > self.max_chars:
                    break
                yield q.index, f"listed under the header at paragraph {p.index}"


@dataclass(frozen=True, eq=False)
class LinkTail:
    """Link-dense short paragraphs after the last prose paragraph: the page's teaser lists.

    Pages without prose (listings, link collections) are left alone: there the links are the
    content; so are pages where more than ``max_items`` of them follow the prose (a listing
    after its introduction). Inside the article, a link-dense line may be a source or a
    reading list. A teaser is a headline (``min_words`` or more): a bare URL or a one-word link
    is not.
    """

    min_density: float = 0.6
    max_chars: int = 200
    min_words: int = 3
    max_items: int = 12
    stage: Stage = Stage.CONTEXT

    def find(self, doc: DocView, languages: tuple[str, ...] | None) -> Iterator[tuple[int, str]]:
        # (looked for from the end: the last prose paragraph is seldom far from it)
        last_prose = next((p.index for p in reversed(doc.paragraphs) if is_prose(p)), None)
        if last_prose is None:
            return
        hits = [
            (p.index, f"link_density={p.link_density:.2f} after the last prose paragraph")
            for p in doc.paragraphs[last_prose + 1 :]
            if doc.is_open(p.index)
            and p.link_density >= self.min_density
            and p.chars <= self.max_chars
            and len(p.text.split()) >= self.min_words
        ]
        # More teasers than ``max_items``: the entries of a listing or collection after its
        # introduction, which are the page's content.
        if len(hits) <= self.max_items:
            yield from hits


@dataclass(frozen=True, eq=False)
class NearCategory:
    """Phrases that are boilerplate only beside a drop of ``category``: within ``window``
    paragraphs of one (stage ``context``, after every single-paragraph rule).

    "Thank you for your support" closes a donation box, and also ends a blog post or thanks a
    project's sponsors; next to an appeal it is the box's closing line.
    """

    cues: Phrases
    category: Category
    window: int = 3
    stage: Stage = Stage.CONTEXT

    @property
    def phrases(self) -> Mapping[Anchor, Mapping[str, Sequence[str]]]:
        """The cue phrases (for the catalogue)."""
        return self.cues.phrases

    @property
    def patterns(self) -> Mapping[str, Sequence[str]]:
        """The cue patterns (for the catalogue)."""
        return self.cues.patterns

    def find(self, doc: DocView, languages: tuple[str, ...] | None) -> Iterator[tuple[int, str]]:
        category = self.category
        anchors = [i for i, mark in enumerate(doc.marks) if mark is not None and mark.category is category]
        if not anchors:
            return
        for index, evidence in self.cues.find(doc, languages):
            if any(abs(a - index) <= self.window for a in anchors):
                yield index, evidence


@dataclass(frozen=True, eq=False)
class DateLine(LineMatcher):
    """Every word is a date or time word, with a number and a month, weekday or numeric date.

    At least two words and a digit ("Cze", "MI" or "3.1-3.9" alone are not datelines).

    ``vocab`` maps language to its month, weekday and dateline words (from the packs).
    """

    months: Mapping[str, Sequence[str]]
    weekdays: Mapping[str, Sequence[str]]
    words: Mapping[str, Sequence[str]]
    max_chars: int = 80
    max_hits: int = 3

    @cached_property
    def _sets(self) -> dict[tuple[str, ...] | None, tuple[frozenset[str], frozenset[str]]]:
        return {}

    def _vocab(self, languages: tuple[str, ...] | None) -> tuple[frozenset[str], frozenset[str]]:
        if languages not in self._sets:
            anchors = frozenset(
                w.strip(".") for w in _select(self.months, languages) + _select(self.weekdays, languages)
            )
            others = (
                frozenset(t for w in _select(self.words, languages) for t in _WORDS.findall(w)) | _TIMEZONES
            )
            self._sets[languages] = (anchors, others)
        return self._sets[languages]

    def match(self, p: Paragraph, doc: DocView, languages: tuple[str, ...] | None) -> str | None:
        if len(p.folded) > self.max_chars or not _DIGIT.search(p.folded):
            return None  # (no digit in the folded text: none in any part of it either)
        # "5:45 AM PST 11/19/2019 by Jane Doe": a dateline that names its author.
        date_part, sep, name = p.text.partition(" by ")
        if sep and looks_like_name(name.strip(), max_words=5):
            return self._date_only(fold(date_part), languages)
        return self._date_only(p.folded, languages)

    def _date_only(self, folded: str, languages: tuple[str, ...] | None) -> str | None:
        tokens = _WORDS.findall(folded)
        if len(tokens) < 2 or len(tokens) > 14 or not _DIGIT.search(folded) or _CURRENCY.search(folded):
            return None
        anchors, others = self._vocab(languages)
        has_anchor = bool(_NUMERIC_DATE.search(folded))
        for tok in tokens:
            if tok in anchors:
                has_anchor = True
            elif not (tok in others or _NUMBERISH.match(tok)):
                return None
        return folded if has_anchor else None


# Words that may sit inside a personal name without a capital letter.
_NAME_PARTICLES = frozenset(
    [
        "and",
        "&",
        "de",
        "da",
        "di",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "du",
        "dos",
        "das",
        "y",
        "e",
        "i",
        "und",
        "et",
        "en",
        "ter",
        "ten",
        "zu",
        "af",
        "bin",
        "al",
    ]
)
_NAME_WORD = regex.compile(r"^(?:\p{Lu}[\p{L}'\u2019.-]*+|\p{Lu}\.)$")


def looks_like_name(text: str, *, max_words: int = 6) -> bool:
    """A short run of capitalised words (with particles such as "van", "de", "and")."""
    words = text.replace(",", " ").split()
    if not 1 <= len(words) <= max_words or any(ch.isdigit() for ch in text):
        return False
    capitals = 0
    for w in words:
        if _NAME_WORD.match(w):
            capitals += 1
        elif w.lower() not in _NAME_PARTICLES:
            return False
    return capitals >= 1 and _NAME_WORD.match(words[0]) is not None


@dataclass(frozen=True, eq=False)
class BylinePrefix(LineMatcher):
    """ "By Jane Doe", "Von Hans Muster": a byline prefix and a capitalised name, short line.

    An affiliation after a comma, a pipe or a dash is allowed ("By Jane Doe, Staff Writer").
    """

    prefixes: Mapping[str, Sequence[str]]
    exclude: Mapping[str, Sequence[str]] = field(default_factory=dict)
    max_chars: int = 90
    max_hits: int = 2

    @cached_property
    def _compiled(self) -> dict[tuple[str, ...] | None, regex.Pattern[str]]:
        return {}

    def _pattern(self, languages: tuple[str, ...] | None) -> regex.Pattern[str]:
        if languages not in self._compiled:
            prefixes = [x.rstrip(":") for x in _select(self.prefixes, languages)]
            self._compiled[languages] = regex.compile(
                r"^(?:\L<prefixes>)(?:\s*+:\s*+|\s++)(?P<rest>.+)$",
                prefixes=prefixes or ["\0"],
                flags=regex.IGNORECASE,
            )
        return self._compiled[languages]

    def match(self, p: Paragraph, doc: DocView, languages: tuple[str, ...] | None) -> str | None:
        text = p.text.strip()
        if len(text) > self.max_chars or text.endswith((".", "?", "!", ":")):
            return None
        m = self._pattern(languages).match(text)
        if not m:
            return None
        rest = m.group("rest")
        parts = regex.split(r"\s*+[,|•·\u2013\u2014]\s*+|\s++-\s++", rest, maxsplit=1)
        name = parts[0]
        affiliation = parts[1] if len(parts) > 1 else ""
        excluded = set(_select(self.exclude, languages))
        if any(w.lower().strip(".,") in excluded for w in name.split()):
            return None
        if not looks_like_name(name) or len(affiliation.split()) > 5:
            return None
        return text


@dataclass(frozen=True, eq=False)
class TitleRepeat(LineMatcher):
    """The paragraph repeats the page title (or, with ``descriptions``, its description)."""

    descriptions: bool = False
    max_chars: int = 400

    def applies(self, doc: DocView) -> bool:
        return bool(doc.page.descriptions if self.descriptions else doc.page.titles)

    def match(self, p: Paragraph, doc: DocView, languages: tuple[str, ...] | None) -> str | None:
        if len(p.text) > self.max_chars:
            return None
        pool = doc.page.descriptions if self.descriptions else doc.page.titles
        key = bare(p.folded)
        if key and key in pool:
            return "equals page " + ("description" if self.descriptions else "title")
        return None


@dataclass(frozen=True, eq=False)
class Standfirst:
    """A heading right under the headline that repeats the page's description: the standfirst.

    The summary deck set in a heading between the headline and the first body paragraph is
    metadata, like the headline; the same text as the first body paragraph (a ``p``) is the
    article's lead and stays. Only the first ``top`` paragraphs are looked at, and a body
    paragraph (unclaimed, not a heading) ends the search.
    """

    top: int = 3
    min_chars: int = 20
    max_chars: int = 400
    stage: Stage = Stage.CONTEXT

    def find(self, doc: DocView, languages: tuple[str, ...] | None) -> Iterator[tuple[int, str]]:
        if not doc.page.descriptions:
            return
        for p in doc.paragraphs[: self.top]:
            if not doc.is_open(p.index):
                continue
            if p.tag != "h":
                return
            key = bare(p.folded)
            if self.min_chars <= len(key) and p.chars <= self.max_chars and key in doc.page.descriptions:
                yield p.index, "heading under the headline equal to the page description"


@dataclass(frozen=True, eq=False)
class LeadingHeadline:
    """Plain text only: the first line, short, set apart by an empty line, is the headline."""

    max_chars: int = 200
    stage: Stage = Stage.CONTEXT

    def find(self, doc: DocView, languages: tuple[str, ...] | None) -> Iterator[tuple[int, str]]:
        if doc.page.kind is not InputKind.TEXT or not doc.paragraphs or not doc.is_open(0):
            return
        first = doc.paragraphs[0]
        text = first.text.strip()
        if (
            len(text) <= self.max_chars
            and first.blank_after
            and len(doc.paragraphs) > 2
            and not text.endswith((".", ":", ",", ";"))
            and len(_WORDS.findall(text)) >= 2
        ):
            yield 0, "first line, set apart"


@dataclass(frozen=True, eq=False)
class NameNearDate:
    """A bare personal name right before or after a dateline near the top: the author line."""

    window: int = 2
    top: int = 12
    stage: Stage = Stage.CONTEXT

    def find(self, doc: DocView, languages: tuple[str, ...] | None) -> Iterator[tuple[int, str]]:
        n = min(len(doc.paragraphs), self.top)
        for i in range(n):
            if doc.category_at(i) is not Category.DATELINE:
                continue
            for j in range(max(0, i - self.window), min(n, i + self.window + 1)):
                p = doc.paragraphs[j]
                text = p.text.strip()
                if (
                    doc.is_open(j)
                    and len(text) <= 60
                    and looks_like_name(text, max_words=5)
                    and len(text.split()) >= 2
                ):
                    yield j, f"name beside the dateline at paragraph {i}"


@dataclass(frozen=True, eq=False)
class CaptionEcho:
    """A paragraph that repeats a caption dropped elsewhere, without its credit suffix."""

    min_chars: int = 20
    max_extra: int = 60
    stage: Stage = Stage.CONTEXT

    def find(self, doc: DocView, languages: tuple[str, ...] | None) -> Iterator[tuple[int, str]]:
        captions: dict[str, list[str]] = {}
        for p, mark in zip(doc.paragraphs, doc.marks, strict=True):  # (the claims read directly)
            if mark is not None and mark.category is Category.CAPTION:
                key = bare(p.folded)
                captions.setdefault(key[: self.min_chars], []).append(key)
        if not captions:
            return
        for p in doc.paragraphs:
            # (claimed or short paragraphs first, without bare(): it never makes a text longer)
            if len(p.folded) < self.min_chars or not doc.is_open(p.index):
                continue
            key = bare(p.folded)
            if len(key) < self.min_chars:
                continue
            for cap in captions.get(key[: self.min_chars], ()):
                if cap.startswith(key) and len(cap) - len(key) <= self.max_extra:
                    yield p.index, "repeats a caption"
                    break


@dataclass(frozen=True, eq=False)
class Block:
    """Fills the gap between two drops of ``category`` at most ``max_gap`` paragraphs apart.

    Only drops by one of the ``anchors`` rules (text cues such as an appeal's opener) open or
    close a block; a drop by markup alone (a class token) does not.

    An appeal's body between its opener and closer, or the lines between the first and last
    line of a widget, carry no cue of their own. The gap must be unclaimed and hold at most
    ``max_chars`` characters, so two cues far apart never swallow the article between them.
    """

    category: Category
    anchors: frozenset[str]
    max_gap: int = 4
    max_chars: int = 2000
    stage: Stage = Stage.BLOCK

    def find(self, doc: DocView, languages: tuple[str, ...] | None) -> Iterator[tuple[int, str]]:
        hits = [i for i, mark in enumerate(doc.marks) if mark is not None and mark.rule in self.anchors]
        for a, b in pairwise(hits):
            gap = range(a + 1, b)
            if not gap or len(gap) > self.max_gap:
                continue
            if not all(doc.is_open(i) for i in gap):
                continue
            if sum(doc.paragraphs[i].chars for i in gap) > self.max_chars:
                continue
            for i in gap:
                yield i, f"between {self.category.value} lines {a} and {b}"


@dataclass(frozen=True, eq=False)
class Repeat:
    """A paragraph that repeats an earlier one word for word (later copies only).

    Short lines, list items, table cells and questions repeat legitimately (interview
    questions, recipe steps), so only prose paragraphs of ``min_chars`` or more count.
    """

    min_chars: int = 40
    tags: frozenset[str] = frozenset({"p", "line", "quote"})
    stage: Stage = Stage.DUPLICATE

    def find(self, doc: DocView, languages: tuple[str, ...] | None) -> Iterator[tuple[int, str]]:
        seen: dict[str, int] = {}
        for p in doc.paragraphs:
            if p.chars < self.min_chars or p.tag not in self.tags or p.folded.endswith("?"):
                continue
            first = seen.setdefault(p.folded, p.index)
            if first != p.index and doc.is_open(p.index):
                yield p.index, f"repeats paragraph {first}"


@dataclass(frozen=True, eq=False)
class RepeatedRun:
    """A run of paragraphs that repeats an earlier run word for word: the page printed again.

    Responsive layouts render a section once per screen size, and hidden copies (print or
    mobile versions, sticky clones) repeat whole blocks. One repeated paragraph is often
    legitimate (a pull quote, a chorus), and so are runs of short lines (the items of two meal
    plans, a schedule, recipe steps): ``min_run`` paragraphs in a row averaging
    ``min_mean_chars`` characters or more are a copy of prose. Each paragraph is compared with
    its last earlier occurrence, and a run is read once, so the check is linear.
    """

    min_run: int = 5
    min_mean_chars: int = 100
    stage: Stage = Stage.DUPLICATE

    def find(self, doc: DocView, languages: tuple[str, ...] | None) -> Iterator[tuple[int, str]]:
        open_ = [p for p, mark in zip(doc.paragraphs, doc.marks, strict=True) if mark is None]
        if len({p.text for p in open_}) > len(open_) - self.min_run:
            return  # fewer than min_run paragraphs repeat an earlier one: no run can
        last: dict[str, int] = {}
        i = 0
        while i < len(open_):
            j = last.get(open_[i].text, i)
            k = 0
            while j + k < i and i + k < len(open_) and open_[i + k].text == open_[j + k].text:
                k += 1
            run = open_[i : i + k]
            if k >= self.min_run and sum(p.chars for p in run) >= self.min_mean_chars * k:
                evidence = f"repeats paragraphs {open_[j].index}-{open_[j + k - 1].index}"
                yield from ((p.index, evidence) for p in run)
            step = k if k >= self.min_run else 1
            for m in range(i, i + step):
                last[open_[m].text] = m
            i += step

