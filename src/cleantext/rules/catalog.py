"""The default rule catalogue: every rule cleantext applies unless disabled.

Text-cue rules take their phrases from the language packs (``packs/*.json``); this module
defines what each rule means (category, explanation, length guards) and the language-neutral
rules built on page structure, metadata, neighbours, blocks and repeats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from cleantext.model import Category
from cleantext.rules.base import Anchor, Pattern, Phrases, Rule, Tokens
from cleantext.rules.packs import Pack, bundled_packs
from cleantext.rules.structure import (
    AfterHeader,
    Block,
    BylinePrefix,
    CaptionEcho,
    DateLine,
    FigureText,
    InlineTeaser,
    LeadingHeadline,
    LinkTail,
    NameNearDate,
    NearCategory,
    NoText,
    OutsideStory,
    OwnAddress,
    Placeholder,
    Repeat,
    RepeatedRun,
    Standfirst,
    TitleRepeat,
)

_PAGE = "<html><head><title>{title}</title></head><body><article>{body}</article></body></html>"
_PROSE = (
    "<p>The city council approved the new budget on Tuesday after a long debate about "
    "schools, roads and the future of the public library in the old town centre.</p>"
)


_LONG = "Council approves budget for schools"
_DECK = "The vote ends a year of debate about the schools and roads of the old town."
_DECK_PAGE = (
    '<html><head><title>Council approves budget</title><meta name="description" content="'
    + _DECK
    + '"></head><body><article><h1>Council approves budget</h1>{deck}{body}</article></body></html>'
)


def _cards(count: int) -> str:
    """``count`` listing cards whose titles repeat their images' alt text."""
    return "".join(
        f'<div class="card"><img src="{i}.jpg" alt="Guide number {i} to walking the coast path">'
        f"<h3>Guide number {i} to walking the coast path</h3></div>"
        for i in range(count)
    )


def _link_list(count: int) -> str:
    """A list of ``count`` linked entry titles."""
    items = "".join(f'<li><a href="/g{i}">Guide number {i} to the coast path</a></li>' for i in range(count))
    return f"<ul>{items}</ul>"


def page(body: str, title: str = "Council approves budget") -> str:
    """A small HTML page around ``body`` (used by examples and tests)."""
    return _PAGE.format(title=title, body=_PROSE + body + _PROSE)


@dataclass(frozen=True)
class PackRuleSpec:
    """A text-cue rule whose phrases come from the language packs."""

    id: str
    category: Category
    explanation: str
    max_chars: int
    contains_max_chars: int
    max_hits: int = 0  # see LineMatcher: more hits than this in one page means a listing
    # OutsideStory: a match inside the story's own box is part of the story (see in_story_box)
    matcher: type[Phrases] = Phrases
    # > 0: the phrases count only within this many paragraphs of a drop of the rule's category
    # (stage context, see NearCategory)
    near: int = 0


PACK_RULES: tuple[PackRuleSpec, ...] = (
    PackRuleSpec(
        "donation.appeal",
        Category.DONATION,
        "Appeals for donations, support or membership that close or open a news page's funding box.",
        200,
        400,
    ),
    PackRuleSpec(
        "donation.thanks",
        Category.DONATION,
        "Thank-you lines of a donation box, next to an appeal (alone, a thank-you is the author's).",
        80,
        0,
        near=3,
    ),
    PackRuleSpec(
        "comment.widget",
        Category.COMMENT,
        "Labels, counters, login prompts and status messages of a comment section.",
        160,
        200,
    ),
    PackRuleSpec(
        "newsletter.signup",
        Category.NEWSLETTER,
        "Newsletter sign-up prompts and the success and error states their forms print.",
        200,
        250,
    ),
    PackRuleSpec(
        "paywall.prompt",
        Category.PAYWALL,
        "Subscription and paywall prompts that interrupt or end a limited article.",
        200,
        250,
    ),
    PackRuleSpec("cookie.notice", Category.COOKIE, "Cookie and consent notices and their buttons.", 300, 300),
    PackRuleSpec(
        "cookie.categories",
        Category.COOKIE,
        "The long texts of a consent dialog: its opening notice and the description of each cookie "
        "category, which begin with wording of their own.",
        600,
        0,
    ),
    PackRuleSpec(
        "caption.credit",
        Category.CAPTION,
        "Photo credits and caption lines: a credit prefix or an agency credit at the end.",
        200,
        160,
    ),
    PackRuleSpec(
        "byline.cue",
        Category.BYLINE,
        'Credit lines for reporters and editors ("reporting by", "contributed to this report").',
        160,
        200,
        3,
    ),
    PackRuleSpec(
        "dateline.cue", Category.DATELINE, "Publication and update stamps and reading-time lines.", 80, 60, 3
    ),
    PackRuleSpec(
        "related.cue",
        Category.RELATED,
        'Teasers and section headers that point to other articles ("Read more:", "Related").',
        200,
        120,
    ),
    PackRuleSpec("share.bar", Category.SHARE, "Share and follow buttons printed as text.", 80, 100),
    PackRuleSpec(
        "share.follow",
        Category.SHARE,
        "Invitations to follow the site or its writers on social networks, alone or ending a "
        "contact or bio line.",
        250,
        0,
    ),
    PackRuleSpec(
        "cta.prompt", Category.CTA, "Calls to action: click here, get the app, listen, watch.", 160, 120
    ),
    PackRuleSpec("ad.label", Category.AD, "Advertising labels and affiliate disclosures.", 60, 200),
    PackRuleSpec(
        "legal.footer",
        Category.LEGAL,
        "Copyright, rights-reserved and redistribution notices, legal links (outside the story's "
        "own box).",
        300,
        300,
        matcher=OutsideStory,
    ),
    PackRuleSpec("tags.list", Category.TAGS, "Tag and topic lists introduced by their label.", 300, 0, 5),
    PackRuleSpec(
        "other.script_notice",
        Category.OTHER,
        "What a page prints when the browser cannot run it: enable-JavaScript notices and "
        "unsupported video or frame messages.",
        160,
        0,
    ),
    PackRuleSpec(
        "other.status_message",
        Category.OTHER,
        "Status and error messages of page widgets: something went wrong, try again, added to "
        "the cart, a thread closed to replies, a forum's clock.",
        160,
        0,
    ),
    PackRuleSpec(
        "nav.crumb",
        Category.NAV,
        "Navigation links printed as text: skip links, back to top, previous/next.",
        60,
        0,
    ),
)


def _pack_rule(spec: PackRuleSpec, packs: Sequence[Pack]) -> Rule:
    phrases: dict[Anchor, dict[str, tuple[str, ...]]] = {a: {} for a in Anchor}
    patterns: dict[str, tuple[str, ...]] = {}
    examples: list[str] = []
    counterexamples: list[str] = []
    languages = []
    for pack in packs:
        entry = pack.rules.get(spec.id)
        if entry is None:
            continue
        languages.append(pack.language)
        for anchor, values in entry.phrases.items():
            if values:
                phrases[anchor][pack.language] = values
        if entry.patterns:
            patterns[pack.language] = entry.patterns
        examples.extend(entry.examples)
        counterexamples.extend(entry.counterexamples)
    matcher = spec.matcher(
        phrases={a: v for a, v in phrases.items() if v},
        max_chars=spec.max_chars,
        contains_max_chars=spec.contains_max_chars,
        patterns=patterns,
        max_hits=spec.max_hits,
        vetted=True,
    )
    return Rule(
        spec.id,
        spec.category,
        spec.explanation,
        NearCategory(matcher, spec.category, spec.near) if spec.near else matcher,
        tuple(languages),
        tuple(examples),
        tuple(counterexamples),
    )


def _vocab(packs: Sequence[Pack], key: str) -> dict[str, tuple[str, ...]]:
    return {p.language: p.vocab.get(key, ()) for p in packs}


def _date_rules(packs: Sequence[Pack]) -> list[Rule]:
    langs = tuple(p.language for p in packs)
    return [
        Rule(
            "dateline.shape",
            Category.DATELINE,
            'A line made only of a date, weekday, time and words such as "updated": a timestamp.',
            DateLine(_vocab(packs, "months"), _vocab(packs, "weekdays"), _vocab(packs, "date_words")),
            langs,
            ("Tuesday 19 February 2019 09:19 EST", "Updated: 12/03/2021 14:05", "March 3, 2024"),
            (
                "Tuesday was the coldest day of February.",
                "19 people were injured",
                "2019",
                "10.0.1.40 12:05",
                "$12.50/mo.",
            ),
        ),
        Rule(
            "byline.prefix",
            Category.BYLINE,
            'A short line of a byline word and a capitalised name ("By Jane Doe, Staff Writer").',
            BylinePrefix(
                _vocab(packs, "byline_prefixes"),
                {
                    lang: p.vocab.get("months", ()) + p.vocab.get("weekdays", ())
                    for lang, p in ((p.language, p) for p in packs)
                },
            ),
            langs,
            ("By Jane Doe", "By Maria Lopez and Tom Evans, Staff Writers", "Von Hans Müller"),
            ("By Monday, the river had risen again.", "By the end of the year prices fell.", "By 2030"),
        ),
    ]


@dataclass(frozen=True)
class TokenRuleSpec:
    """A rule recognising boilerplate by the class/id/role tokens of its box."""

    id: str
    category: Category
    explanation: str
    tokens: tuple[str, ...]
    parts: tuple[str, ...]
    max_chars: int
    default_on: bool = True  # see Rule.default_on
    max_link_density: float = 0  # see Tokens (0: no limit)


# ``tokens`` match whole class/id tokens; ``parts`` also match a part of a compound token.
TOKEN_RULES: tuple[TokenRuleSpec, ...] = (
    TokenRuleSpec(
        "donation.container",
        Category.DONATION,
        "Text inside a donation or membership box.",
        ("support-us", "supportus", "membership-cta"),
        ("donate", "donation", "donations"),
        400,
    ),
    TokenRuleSpec(
        "comment.container",
        Category.COMMENT,
        "Text inside a comment widget.",
        ("respond", "commentlist"),
        ("comments", "disqus", "commentform"),
        300,
    ),
    TokenRuleSpec(
        "newsletter.container",
        Category.NEWSLETTER,
        "Text inside a newsletter sign-up form.",
        ("signup", "sign-up", "optin", "opt-in", "subscribe-form"),
        ("newsletter", "newsletters"),
        300,
    ),
    TokenRuleSpec(
        "paywall.container",
        Category.PAYWALL,
        "Text inside a paywall or registration-wall box.",
        ("subscription-prompt", "premium-wall"),
        ("paywall", "regwall"),
        300,
    ),
    TokenRuleSpec(
        "related.container",
        Category.RELATED,
        "Text inside a related-articles or recommendation block.",
        (
            "more-stories",
            "read-more",
            "readmore",
            "most-read",
            "mostread",
            "most-popular",
            "recirc",
            "recirculation",
        ),
        ("related", "recommended", "recommendations", "outbrain", "taboola"),
        250,
        default_on=False,  # WCXB -0.0001, ScrapingHub 0: costs more than it gains
    ),
    TokenRuleSpec(
        "share.container",
        Category.SHARE,
        "Text inside a share or follow bar.",
        (
            "share",
            "sharing",
            "share-bar",
            "sharebar",
            "social-share",
            "social-links",
            "follow-us",
            "addthis",
            "sharethis",
        ),
        ("sharebar", "addthis", "sharethis"),
        120,
    ),
    TokenRuleSpec(
        "byline.container",
        Category.BYLINE,
        "Text of the byline or author box.",
        ("byline", "author-name", "article-author", "author-bio", "authorbio", "byline-author"),
        ("byline",),
        160,
    ),
    TokenRuleSpec(
        "dateline.container",
        Category.DATELINE,
        "Text of the publication date or timestamp.",
        (
            "dateline",
            "timestamp",
            "pubdate",
            "publish-date",
            "published-date",
            "post-date",
            "entry-date",
            "article-date",
            "datetime",
            "date",
        ),
        ("dateline", "timestamp", "pubdate"),
        80,
    ),
    TokenRuleSpec(
        "caption.container",
        Category.CAPTION,
        "Text of an image credit element.",
        ("credit", "image-credit", "photo-credit", "media-credit", "credits"),
        ("credit",),
        160,
    ),
    TokenRuleSpec(
        "cookie.container",
        Category.COOKIE,
        "Text of a cookie or consent banner.",
        (
            "cookie-banner",
            "cookie-notice",
            "cookie-consent",
            "cookieconsent",
            "gdpr",
            "cmp",
            "consent-banner",
        ),
        ("cookiebanner", "cookieconsent", "gdpr"),
        400,
    ),
    TokenRuleSpec(
        "ad.container",
        Category.AD,
        "Text inside an advertising slot.",
        (
            "ad",
            "ads",
            "advert",
            "advertisement",
            "adslot",
            "ad-slot",
            "ad-container",
            "dfp",
            "adsense",
            "ad-label",
        ),
        ("advert", "advertisement", "adsense", "adslot"),
        120,
    ),
    TokenRuleSpec(
        "legal.container",
        Category.LEGAL,
        "Text of a copyright or disclaimer element.",
        ("copyright", "disclaimer"),
        ("copyright",),
        300,
    ),
    TokenRuleSpec(
        "tags.container",
        Category.TAGS,
        "Text of a tag or topic list.",
        ("tags", "tag-list", "taglist", "post-tags", "article-tags", "entry-tags"),
        ("taglist",),
        200,
    ),
    TokenRuleSpec(
        "nav.container",
        Category.NAV,
        "Text of breadcrumbs or pagination.",
        ("breadcrumb", "breadcrumbs", "pagination", "pager", "skip-link"),
        ("breadcrumb", "breadcrumbs"),
        120,
    ),
    TokenRuleSpec(
        "cta.overlay",
        Category.CTA,
        "Text of a pop-over, lightbox or dialog window that a button opens: delivery and returns "
        "notes, seller badges, sign-in and app prompts, why-this-ad notes; not a menu of links.",
        ("dialog", "alertdialog"),
        ("lightbox", "popover"),
        300,
        max_link_density=0.5,
    ),
)


def _token_rule(spec: TokenRuleSpec) -> Rule:
    token = spec.tokens[0]
    example = page(f'<div class="{token}"><p>A short line in a {token} box here</p></div>')
    counter = page('<div class="story-body"><p>A short line in the article body here</p></div>')
    # A comment container around many paragraphs is a thread (a forum): its posts are content.
    # Listing guard: a comment, byline or date box repeated more than five times is the
    # furniture of every entry in a listing or thread, not of one article.
    max_hits = 5 if spec.category in (Category.COMMENT, Category.BYLINE, Category.DATELINE) else 0
    matcher = Tokens(
        frozenset(spec.tokens), spec.max_chars, frozenset(spec.parts), max_hits, spec.max_link_density
    )
    return Rule(
        spec.id,
        spec.category,
        spec.explanation[:-1] + " (class/id/role tokens of the page).",
        matcher,
        (),
        (example,),
        (counter,),
        default_on=spec.default_on,
    )


def _structure_rules() -> list[Rule]:
    return [
        Rule(
            "headline.title_repeat",
            Category.HEADLINE,
            "The paragraph repeats the page's title (the headline is metadata, not body text).",
            TitleRepeat(),
            (),
            (page("<h2>Council approves budget</h2>"),),
            (page("<p>Council approves budget cuts for schools despite protests from parents.</p>"),),
        ),
        Rule(
            "caption.figure",
            Category.CAPTION,
            "Text equal to an image's alt or title text: a caption printed again as body text.",
            FigureText(),
            (),
            (
                page(
                    '<figure><img src="a.jpg" alt="The old library seen from the river bank">'
                    "<figcaption>The old library seen from the river bank</figcaption></figure>"
                ),
            ),
            (
                page("<p>The old library, seen from the river bank, was built in 1890.</p>"),
                page(_cards(6)),  # a listing: every card's title is its image's alt text
            ),
            default_on=False,  # WCXB -0.0002, ScrapingHub 0: both references keep such captions
        ),
        Rule(
            "byline.contact",
            Category.BYLINE,
            "A short line giving a reporter's or newsroom's e-mail address: contact details, "
            "not article text.",
            Pattern(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++", max_chars=200),
            (),
            (
                "Write to Jane Doe at jane.doe@example.com",
                "Have a tip? Send it to tips@example.org.",
                "jane.doe@example.com",
            ),
            (
                "The company said questions could be sent to its press office.",
                "Investors can reach the fund's managers through their advisers, the filing said, and a "
                "hotline opens next week for anyone who bought shares before March, when the price fell; "
                "the regulator's notice lists info@example.com.",
            ),
            default_on=False,
        ),
        Rule(
            "related.inline_teaser",
            Category.RELATED,
            "A fully linked line in capitals between two paragraphs of prose: the headline of another "
            "story set inside this one.",
            InlineTeaser(),
            (),
            (page('<p><a href="/s">WHY HOUSE PRICES KEEP RISING IN SMALL TOWNS</a></p>'),),
            (
                page('<p><a href="/s">Why house prices keep rising in small towns</a></p>'),  # a source
                page("<p>WHY HOUSE PRICES KEEP RISING IN SMALL TOWNS</p>"),  # no link: a shouted subhead
                page('<h2><a href="/s">WHY HOUSE PRICES KEEP RISING IN SMALL TOWNS</a></h2>'),
            ),
        ),
        Rule(
            "share.own_address",
            Category.SHARE,
            "A bare web address whose path spells the page's title: the article's own address, "
            "printed by a share or print widget.",
            OwnAddress(),
            (),
            (page("<p>https://example.com/news/council-approves-budget-for-schools-12.html</p>", _LONG),),
            (
                page("<p>https://www.example.com/reports/annual-school-and-roads-report.pdf</p>", _LONG),
                page("<p>See https://www.example.com/news/council-approves-budget-for-schools.</p>", _LONG),
            ),
        ),
        Rule(
            "other.no_text",
            Category.OTHER,
            "A paragraph without a single letter, number or underscore: a separator, a stray symbol, "
            "a zero-width space.",
            NoText(),
            (),
            ("\u200b", "* * *"),
            ("3 %", "OK", "\u2605\u2605\u2605\u00bd"),
        ),
        Rule(
            "other.placeholder",
            Category.OTHER,
            "Placeholder text (\"Lorem ipsum dolor sit amet\u2026\"): a template's filler that was "
            "never replaced by the page's own text.",
            Placeholder(),
            (),
            (
                "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.",
                "Lorem Ipsum",
                "Lorem ipsum 2",
                "Curabitur vitae lorem ipsum, dolor sit amet nunc varius pellentesque.",
            ),
            (
                "Lorem ipsum is the scrambled Latin that designers pour into a layout before the "
                "real words arrive.",
                "Die Agentur lieferte nur Lorem ipsum statt der versprochenen Texte.",
                "Dolor sit amet, wrote Cicero, and the printers kept the words.",
                "Gallia est omnis divisa in partes tres.",
            ),
        ),
    ]


def _context_rules() -> list[Rule]:
    teasers = (
        '<ul><li><a href="/a">Five things to know about the new tax rules</a></li>'
        '<li><a href="/b">Why house prices keep rising in small towns</a></li></ul>'
    )
    return [
        Rule(
            "related.link_tail",
            Category.RELATED,
            "Short link-dense paragraphs after the last prose paragraph: the page's teaser lists.",
            LinkTail(),
            (),
            (_PAGE.format(title="Council approves budget", body=_PROSE + teasers),),
            (
                "<html><body><ul>" + teasers[4:-5] + "</ul></body></html>",
                _PAGE.format(title="Our guides", body=_PROSE + _link_list(13)),  # a listing
                page(
                    '<p>The report, <a href="/r">published here</a>, says the costs of the new '
                    "bridge rose by a third over two years.</p>"
                ),
            ),
        ),
        Rule(
            "related.after_header",
            Category.RELATED,
            'Headline-shaped or link-dense lines listed under a "Related" or "Read more" header.',
            AfterHeader(frozenset({"related.cue"})),
            (),
            (
                page(
                    "<p>Related articles</p><ul><li><a href='/a'>Five things to know about the new tax "
                    "rules</a></li><li><a href='/b'>Why house prices keep rising in small towns</a></li></ul>"
                ),
            ),
            (
                "Related articles\nThe council met on Monday to approve the plan for the schools.\n"
                "Why house prices keep rising in small towns",
            ),
            default_on=False,  # WCXB -0.00007, ScrapingHub -0.00025: costs more than it gains
        ),
        Rule(
            "headline.leading",
            Category.HEADLINE,
            "Plain text: the first line, short and set apart by an empty line, is the headline.",
            LeadingHeadline(),
            (),
            (
                "Storm closes schools across the region\n\nSchools stayed shut on Monday as the storm "
                "moved inland.\n\nOfficials said they would reopen on Wednesday.",
            ),
            (
                "Schools stayed shut on Monday as the storm moved inland, officials said.\n"
                "They would reopen on Wednesday.\nParents were told by text message.",
            ),
        ),
        Rule(
            "headline.standfirst",
            Category.HEADLINE,
            "A heading between the headline and the body that repeats the page's description: the "
            "standfirst (summary deck), metadata like the headline.",
            Standfirst(),
            (),
            (_DECK_PAGE.format(deck="<h2>" + _DECK + "</h2>", body=_PROSE),),
            (
                _DECK_PAGE.format(deck="", body="<p>" + _DECK + "</p>" + _PROSE),  # the lead paragraph
                _DECK_PAGE.format(deck="", body=_PROSE + "<h2>" + _DECK + "</h2>"),  # a heading in the body
            ),
        ),
        Rule(
            "byline.name_near_date",
            Category.BYLINE,
            "A bare personal name beside a dateline near the top is the author line.",
            NameNearDate(),
            (),
            (
                "Headline of the story\n\nJane Doe\nMonday 3 March 2024 10:15 GMT\nThe story begins here "
                "with a full sentence of reporting.",
            ),
            (
                "Headline of the story\n\nMonday 3 March 2024 10:15 GMT\nThe story begins here with a "
                "full sentence.\nJane Doe said it was a good day.",
            ),
        ),
        Rule(
            "caption.echo",
            Category.CAPTION,
            "A paragraph that repeats a caption dropped elsewhere, minus its credit.",
            CaptionEcho(),
            (),
            (
                "A crowd gathers outside the town hall on Monday evening\nA crowd gathers outside the "
                "town hall on Monday evening (Getty)\nThe meeting lasted four hours.",
            ),
            (
                "A crowd gathers outside the town hall on Monday evening.\nThe meeting lasted four hours "
                "and ended without a vote.",
            ),
        ),
    ]


_BLOCK_CUES = (
    # category, anchor rules, opener, closer (general wording, as the packs have it)
    (Category.DONATION, ("donation.appeal", "donation.thanks"), "Support our journalism", "Donate now"),
    (Category.COMMENT, ("comment.widget",), "Join the conversation", "Show comments"),
    (Category.NEWSLETTER, ("newsletter.signup",), "Sign up for our newsletter", "Thanks for signing up!"),
    (Category.PAYWALL, ("paywall.prompt",), "Subscribe to continue reading", "Already a subscriber? Log in"),
)
_BODY = (
    "The article text goes on here with a full sentence of reporting about the town.\n"
    "Another full sentence of reporting follows, about the schools and the roads."
)


def _block_rules() -> list[Rule]:
    rules = []
    for cat, anchors, opener, closer in _BLOCK_CUES:
        box = "The money pays for reporters in every town.\nIt takes less than a minute."
        example = f"{_BODY}\n{opener}\n{box}\n{closer}\n{_BODY}"
        prose = "\n".join(
            f"Paragraph {i} of a long article about the subject, written as prose with a full stop."
            for i in range(6)
        )
        counter = f"{opener}\n{prose}\n{closer}"
        rules.append(
            Rule(
                f"{cat.value}.block",
                cat,
                f"Lines between two {cat.value} cue lines at most four paragraphs apart belong to "
                "the same box.",
                Block(cat, frozenset(anchors)),
                (),
                (example,),
                (counter,),
            )
        )
    return rules


_SECTION = [
    "Our team plans every kitchen and bathroom remodel from the first sketch to the last tile, "
    "with one project lead.",
    "We give a fixed price before work starts, with every material and labour cost listed on one "
    "page for you to check.",
    "Permits, inspections and the paperwork with the city are handled by our own staff, so you "
    "never wait in a queue.",
    "Most bathroom projects take three to five weeks; kitchens take six to ten weeks, depending on "
    "the cabinets you pick.",
    "Every job comes with a written warranty of five years on labour and materials, and we answer "
    "calls within a day.",
]
_CHORUS = [
    "Oh the river runs down to the sea,",
    "and the sea runs back to me,",
    "all the nights I spent alone,",
    "every road that leads me home.",
    "Sing it once again.",
]


def _duplicate_rules() -> list[Rule]:
    para = "The council approved the budget after a debate that lasted well into the night."
    return [
        Rule(
            "duplicate.repeat",
            Category.DUPLICATE,
            "A prose paragraph printed again word for word later in the document.",
            Repeat(),
            (),
            (f"{para}\nA second paragraph with other words in it.\n{para}",),
            (
                "What did the council decide about the schools?\nIt approved the plan.\n"
                "What did the council decide about the schools?\nIt rejected the other plan.",
            ),
            default_on=False,
        ),
        Rule(
            "duplicate.run",
            Category.DUPLICATE,
            "Five or more paragraphs in a row (100+ characters on average) printed again word for "
            "word: a section rendered twice (responsive layouts, hidden print or mobile copies).",
            RepeatedRun(),
            (),
            ("\n".join([*_SECTION, "Contact us for a quote.", *_SECTION]),),
            (
                "\n".join([*_CHORUS, "Second verse, a new line of the song.", *_CHORUS]),
                f"{para}\nA second paragraph with other words in it.\n{para}",
            ),
        ),
    ]


@cache
def default_rules() -> tuple[Rule, ...]:
    """The default catalogue, in the order rules are applied within each stage.

    >>> from cleantext import default_rules
    >>> any(r.id == "donation.appeal" for r in default_rules())
    True
    """
    packs = bundled_packs()
    structure = _structure_rules()
    rules: list[Rule] = structure[:2]  # title and figure checks come first
    rules += [_pack_rule(spec, packs) for spec in PACK_RULES]
    rules += _date_rules(packs)
    rules += [_token_rule(spec) for spec in TOKEN_RULES]
    rules += structure[2:]
    rules += _context_rules() + _block_rules() + _duplicate_rules()
    return tuple(rules)
