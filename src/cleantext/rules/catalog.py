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
from cleantext.rules.base import Anchor, LinkDense, Phrases, Rule, Tokens
from cleantext.rules.packs import Pack, bundled_packs
from cleantext.rules.structure import (
    Block,
    BylinePrefix,
    CaptionEcho,
    DateLine,
    FigureText,
    LeadingHeadline,
    NameNearDate,
    Repeat,
    TitleRepeat,
)

_PAGE = "<html><head><title>{title}</title></head><body><article>{body}</article></body></html>"
_PROSE = (
    "<p>The city council approved the new budget on Tuesday after a long debate about "
    "schools, roads and the future of the public library in the old town centre.</p>"
)


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


PACK_RULES: tuple[PackRuleSpec, ...] = (
    PackRuleSpec("donation.appeal", Category.DONATION,
                 "Appeals for donations, support or membership that close or open a news page's funding box.",
                 200, 400),
    PackRuleSpec("comment.widget", Category.COMMENT,
                 "Labels, counters, login prompts and status messages of a comment section.", 160, 200),
    PackRuleSpec("newsletter.signup", Category.NEWSLETTER,
                 "Newsletter sign-up prompts and the success and error states their forms print.", 200, 250),
    PackRuleSpec("paywall.prompt", Category.PAYWALL,
                 "Subscription and paywall prompts that interrupt or end a limited article.", 200, 250),
    PackRuleSpec("cookie.notice", Category.COOKIE,
                 "Cookie and consent notices and their buttons.", 300, 300),
    PackRuleSpec("caption.credit", Category.CAPTION,
                 "Photo credits and caption lines: a credit prefix or an agency credit at the end.", 300, 160),
    PackRuleSpec("byline.cue", Category.BYLINE,
                 "Credit lines for reporters and editors (\"reporting by\", \"contributed to this report\").",
                 160, 200),
    PackRuleSpec("dateline.cue", Category.DATELINE,
                 "Publication and update stamps and reading-time lines.", 80, 60),
    PackRuleSpec("related.cue", Category.RELATED,
                 "Teasers and section headers that point to other articles (\"Read more:\", \"Related\").",
                 200, 120),
    PackRuleSpec("share.bar", Category.SHARE,
                 "Share and follow buttons printed as text.", 80, 100),
    PackRuleSpec("cta.prompt", Category.CTA,
                 "Calls to action: click here, get the app, listen, watch.", 160, 120),
    PackRuleSpec("ad.label", Category.AD,
                 "Advertising labels and affiliate disclosures.", 60, 200),
    PackRuleSpec("legal.footer", Category.LEGAL,
                 "Copyright, rights-reserved and redistribution notices, legal links.", 300, 300),
    PackRuleSpec("tags.list", Category.TAGS,
                 "Tag and topic lists introduced by their label.", 300, 0),
    PackRuleSpec("nav.crumb", Category.NAV,
                 "Navigation links printed as text: skip links, back to top, previous/next.", 60, 0),
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
    matcher = Phrases(
        phrases={a: v for a, v in phrases.items() if v},
        max_chars=spec.max_chars,
        contains_max_chars=spec.contains_max_chars,
        patterns=patterns,
    )
    return Rule(spec.id, spec.category, spec.explanation, matcher, tuple(languages),
                tuple(examples), tuple(counterexamples))


def _vocab(packs: Sequence[Pack], key: str) -> dict[str, tuple[str, ...]]:
    return {p.language: p.vocab.get(key, ()) for p in packs}


def _date_rules(packs: Sequence[Pack]) -> list[Rule]:
    langs = tuple(p.language for p in packs)
    return [
        Rule("dateline.shape", Category.DATELINE,
             "A line made only of a date, weekday, time and words such as \"updated\": a timestamp.",
             DateLine(_vocab(packs, "months"), _vocab(packs, "weekdays"), _vocab(packs, "date_words")),
             langs,
             ("Tuesday 19 February 2019 09:19 EST", "Updated: 12/03/2021 14:05", "March 3, 2024"),
             ("Tuesday was the coldest day of February.", "19 people were injured", "2019")),
        Rule("byline.prefix", Category.BYLINE,
             "A short line of a byline word and a capitalised name (\"By Jane Doe, Staff Writer\").",
             BylinePrefix(_vocab(packs, "byline_prefixes"),
                          {lang: p.vocab.get("months", ()) + p.vocab.get("weekdays", ())
                           for lang, p in ((p.language, p) for p in packs)}),
             langs,
             ("By Jane Doe", "By Maria Lopez and Tom Evans, Staff Writers", "Von Hans Müller"),
             ("By Monday, the river had risen again.", "By the end of the year prices fell.",
              "By 2030")),
    ]


_TOKEN_RULES: tuple[tuple[str, Category, str, tuple[str, ...], int], ...] = (
    ("donation.container", Category.DONATION, "Text inside a donation or membership box.",
     ("donate", "donation", "donations", "contribute", "contribution", "support-us", "supportus",
      "membership-cta"), 400),
    ("comment.container", Category.COMMENT, "Text inside a comment widget.",
     ("comments", "comment-form", "comments-area", "disqus", "comment-count", "comments-count",
      "commentlist", "respond"), 300),
    ("newsletter.container", Category.NEWSLETTER, "Text inside a newsletter sign-up form.",
     ("newsletter", "newsletters", "signup", "sign-up", "subscribe-form", "optin", "opt-in"), 300),
    ("paywall.container", Category.PAYWALL, "Text inside a paywall or registration-wall box.",
     ("paywall", "regwall", "piano", "subscription-prompt", "meter", "premium-wall"), 300),
    ("related.container", Category.RELATED, "Text inside a related-articles or recommendation block.",
     ("related", "related-posts", "related-articles", "related-stories", "recirc", "recirculation",
      "recommended", "recommendations", "outbrain", "taboola", "more-stories", "read-more",
      "readmore", "most-read", "mostread", "most-popular", "trending", "teaser", "promo"), 250),
    ("share.container", Category.SHARE, "Text inside a share or follow bar.",
     ("share", "sharing", "social", "share-bar", "sharebar", "social-share", "addthis",
      "sharethis", "social-links", "follow-us"), 120),
    ("byline.container", Category.BYLINE, "Text of the byline or author box.",
     ("byline", "author", "authors", "author-name", "article-author", "contributor", "writer",
      "author-bio", "authorbio"), 160),
    ("dateline.container", Category.DATELINE, "Text of the publication date or timestamp element.",
     ("dateline", "timestamp", "pubdate", "publish-date", "published-date", "post-date",
      "entry-date", "article-date", "datetime", "date"), 80),
    ("caption.container", Category.CAPTION, "Text of an image caption or credit element.",
     ("caption", "figcaption", "wp-caption-text", "image-caption", "photo-caption", "credit",
      "image-credit", "photo-credit", "media-credit"), 400),
    ("cookie.container", Category.COOKIE, "Text of a cookie or consent banner.",
     ("cookie", "cookies", "consent", "gdpr", "cmp", "cookie-banner", "cookie-notice"), 400),
    ("ad.container", Category.AD, "Text inside an advertising slot.",
     ("ad", "ads", "advert", "advertisement", "adslot", "ad-slot", "ad-container", "dfp",
      "adsense", "sponsored", "sponsor"), 200),
    ("legal.container", Category.LEGAL, "Text of a copyright or disclaimer element.",
     ("copyright", "disclaimer", "legal"), 300),
    ("tags.container", Category.TAGS, "Text of a tag, topic or keyword list.",
     ("tags", "tag-list", "taglist", "post-tags", "article-tags", "keywords", "topics"), 200),
    ("nav.container", Category.NAV, "Text of breadcrumbs, pagination or navigation menus.",
     ("breadcrumb", "breadcrumbs", "pagination", "pager", "nav", "navigation", "menu",
      "skip-link"), 120),
)


def _token_rule(rid: str, cat: Category, expl: str, tokens: tuple[str, ...], max_chars: int) -> Rule:
    token = tokens[0]
    example = page(f'<div class="{token}"><p>A short line in a {token} box here</p></div>')
    counter = page('<div class="story-body"><p>A short line in the article body here</p></div>')
    return Rule(rid, cat, expl + " (class/id/role tokens of the page)", Tokens(frozenset(tokens), max_chars),
                (), (example,), (counter,))


def _structure_rules() -> list[Rule]:
    return [
        Rule("headline.title_repeat", Category.HEADLINE,
             "The paragraph repeats the page's title (the headline is metadata, not body text).",
             TitleRepeat(), (),
             (page("<h2>Council approves budget</h2>"),),
             (page("<p>Council approves budget cuts for schools despite protests from parents.</p>"),)),
        Rule("caption.figure", Category.CAPTION,
             "A figure caption, or text equal to an image's alt or title text.",
             FigureText(), (),
             (page('<figure><img src="a.jpg" alt="x"><figcaption>The old library seen from the '
                   "river bank</figcaption></figure>"),),
             (page("<p>The old library, seen from the river bank, was built in 1890.</p>"),)),
        Rule("related.link_dense", Category.RELATED,
             "A short paragraph made mostly of link text: a teaser or a link list.",
             LinkDense(min_density=0.6, max_chars=200), (),
             (page('<ul><li><a href="/a">Five things to know about the new tax rules</a></li>'
                   '<li><a href="/b">Why house prices keep rising in small towns</a></li></ul>'),),
             (page('<p>The report, <a href="/r">published here</a>, says the costs of the new '
                   "bridge rose by a third over two years.</p>"),)),
    ]


def _context_rules() -> list[Rule]:
    return [
        Rule("headline.leading", Category.HEADLINE,
             "Plain text: the first line, short and set apart by an empty line, is the headline.",
             LeadingHeadline(), (),
             ("Storm closes schools across the region\n\nSchools stayed shut on Monday as the storm "
              "moved inland.\n\nOfficials said they would reopen on Wednesday.",),
             ("Schools stayed shut on Monday as the storm moved inland, officials said.\n"
              "They would reopen on Wednesday.\nParents were told by text message.",)),
        Rule("byline.name_near_date", Category.BYLINE,
             "A bare personal name beside a dateline near the top is the author line.",
             NameNearDate(), (),
             ("Headline of the story\n\nJane Doe\nMonday 3 March 2024 10:15 GMT\nThe story begins here "
              "with a full sentence of reporting.",),
             ("Headline of the story\n\nMonday 3 March 2024 10:15 GMT\nThe story begins here with a "
              "full sentence.\nJane Doe said it was a good day.",)),
        Rule("caption.echo", Category.CAPTION,
             "A paragraph that repeats a caption dropped elsewhere, minus its credit.",
             CaptionEcho(), (),
             ("A crowd gathers outside the town hall on Monday evening\nA crowd gathers outside the "
              "town hall on Monday evening (Getty)\nThe meeting lasted four hours.",),
             ("A crowd gathers outside the town hall on Monday evening.\nThe meeting lasted four hours "
              "and ended without a vote.",)),
    ]


def _block_rules() -> list[Rule]:
    appeal = ("Support our journalism\nWe are funded by readers like you and rely on them.\n"
              "Every month more people choose to help.\nPlease donate today.\nThe article text resumes "
              "here with a sentence of reporting.")
    widget = ("The article text ends here with a full sentence of reporting.\nJoin the conversation\n"
              "Be respectful and stay on topic, or your post may be removed by a moderator\n"
              "Show comments")
    counter = ("Support our journalism\n" + "\n".join(f"Paragraph {i} of a long article about a charity "
               "drive that raised money for the hospital." for i in range(6)) + "\nPlease donate today.")
    return [
        Rule(f"{cat.value}.block", cat,
             f"Lines between two {cat.value} lines a few paragraphs apart belong to the same box.",
             Block(cat, frozenset({anchor})), (), (ex,) if ex else (),
             (counter,) if cat is Category.DONATION else ())
        for cat, anchor, ex in (
            (Category.DONATION, "donation.appeal", appeal), (Category.COMMENT, "comment.widget", widget),
            (Category.NEWSLETTER, "newsletter.signup", ""), (Category.PAYWALL, "paywall.prompt", ""))
    ]


def _duplicate_rules() -> list[Rule]:
    para = "The council approved the budget after a debate that lasted well into the night."
    return [
        Rule("duplicate.repeat", Category.DUPLICATE,
             "A prose paragraph printed again word for word later in the document.",
             Repeat(), (),
             (f"{para}\nA second paragraph with other words in it.\n{para}",),
             ("What did the council decide about the schools?\nIt approved the plan.\n"
              "What did the council decide about the schools?\nIt rejected the other plan.",)),
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
    rules += [_token_rule(*spec) for spec in _TOKEN_RULES]
    rules += structure[2:]
    rules += _context_rules() + _block_rules() + _duplicate_rules()
    return tuple(rules)
