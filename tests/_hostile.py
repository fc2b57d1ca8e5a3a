"""Hostile inputs for the robustness tests (import as ``from _hostile import ...``).

Every page is real article paragraphs followed by the hostile part, so a test can check that
the article text before the bad part survives. Builders take a size so that the scaling test
can double it.
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

ARTICLE = [
    "The storm reached the northern coast late on Monday night, flooding the harbour road and "
    "cutting power to more than twelve thousand homes across the district.",
    "Emergency crews worked through the night to clear fallen trees from the railway line, and "
    "the regional operator said trains would run again by Wednesday morning.",
    "Local schools stayed closed on Tuesday while engineers inspected the roofs of three "
    "buildings that had lost tiles in the strongest gusts since the winter of 1987.",
    "The mayor thanked volunteers who had filled sandbags along the river and asked residents "
    "to avoid the flooded underpass near the old market until the water had gone down.",
]
TITLE = "Storm floods harbour road"
APPEAL = "Support our journalism today."


def article_html(hostile: str = "", *, head: str = "", after: str = "") -> str:
    """A news page: the article paragraphs, then ``hostile``, then ``after`` (inside the body)."""
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE)
    return (
        f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{TITLE}</title>{head}</head>"
        f"<body><article><h1>{TITLE}</h1>{paragraphs}{hostile}</article>{after}</body></html>"
    )


def article_text(hostile: str = "") -> str:
    """Scraped plain text: headline, the article lines, then ``hostile``."""
    return TITLE + "\n\n" + "\n".join(ARTICLE) + "\n" + hostile


# Families whose time must grow linearly (the scaling test doubles ``n``).
def captions(n: int) -> str:
    """``n`` identical figures with the same caption."""
    figure = (
        "<figure><img src=a.jpg alt='The harbour at dawn'>"
        "<figcaption>Photo: Jane Roe / Agency</figcaption></figure>"
    )
    return article_html(figure * n)


def siblings(n: int) -> str:
    """``n`` short sibling paragraphs."""
    return article_html("".join(f"<p>Item {i}</p>" for i in range(n)))


def nesting(n: int) -> str:
    """``n`` nested divs with a word at the bottom, and a paragraph after them."""
    return article_html("<div>" * n + "bottom" + "</div>" * n + "<p>After the nesting.</p>")


def long_line(n: int) -> str:
    """One paragraph of ``n`` letters without a space."""
    return article_html("<p>" + "a" * n + "</p>")


def appeals(n: int) -> str:
    """A donation appeal repeated ``n`` times, as separate paragraphs."""
    return article_html(f"<p>{APPEAL}</p>" * n)


SCALING: dict[str, tuple[Callable[[int], str], int]] = {
    # family: (builder, size at which one run dominates constant overhead)
    "captions": (captions, 20_000),
    "siblings": (siblings, 50_000),
    "nesting": (nesting, 100_000),
    "long_lines": (long_line, 4_000_000),
    "appeals": (appeals, 20_000),
}


@dataclass(frozen=True)
class Case:
    """One hostile input: how to build it and what must hold for its result."""

    name: str
    build: Callable[[], str | bytes]
    article: bool = True  # the article paragraphs must all be in the output
    truncated: frozenset[str] = field(default_factory=frozenset)  # reasons that must be reported
    absent: tuple[str, ...] = ()  # strings that must not appear in the output


def _random_bytes(n: int) -> bytes:
    return random.Random(7).randbytes(n)


def _xxe() -> str:
    dtd = '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    return dtd + article_html("<p>Entity: &xxe; end.</p>")


def _laughs() -> str:
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    return f"<!DOCTYPE html [{''.join(levels)}]>" + article_html("<p>&lol9;</p>")


def _encoded(text: str, codec: str, bom: bool = False) -> bytes:
    data = text.encode(codec)
    return ("\ufeff".encode(codec) if bom else b"") + data


_FRENCH = "<p>Le café de la gare a rouvert ses portes après les inondations de l'été dernier.</p>"
_JAPANESE = "<p>東京では強い雨が降り、多くの電車が止まりました。</p>"


def _charset(page: str, label: str) -> str:
    return page.replace("charset=utf-8", f"charset={label}")


def _attributes(n: int, sep: str = " ", value: str = "=x") -> str:
    return article_html("<div " + sep.join(f"data-a{i}{value}" for i in range(n)) + ">attrs</div>")


def _attributes_behind_quotes(groups: int) -> str:
    """Attributes in groups of 200, each group behind a quoted value holding '<' and '>'."""
    group = " ".join(f"a{j}" for j in range(200))
    return article_html("<div " + " title='<>' ".join([group] * groups) + ">attrs</div>")


def _hidden() -> str:
    return article_html(
        "<script>var leaked = 'SCRIPTTEXT';</script><style>.x{content:'STYLETEXT'}</style>"
        "<template><p>TEMPLATETEXT inside a template element</p></template>"
        "<noscript><p>NOSCRIPTTEXT please enable javascript</p></noscript>"
    )


def _bidi() -> str:
    arabic = "\u0627\u0644\u0639\u0627\u0635\u0641\u0629 \u0636\u0631\u0628\u062a"
    return article_html(
        f"<p dir=rtl>{arabic}</p>"
        "<p>zero\u200bwidth\u200d joiner \u202eoverride\u202c and \u2066isolate\u2069</p>"
    )


def _boilerplate() -> str:
    return (
        "<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav>"
        "<div class=cookie>We use cookies. Accept all</div><p>Share this article</p>"
        "<p>Sign up for our newsletter</p><footer>© 2024 Example News. All rights reserved.</footer>"
        "</body></html>"
    )


def _binary(header: bytes, n: int) -> bytes:
    return header + _random_bytes(n)


_PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


def cases() -> list[Case]:
    """The hostile-input suite (issue 4, item 8)."""
    html = article_html
    fr, jp = html(_FRENCH), html(_JAPANESE)
    cut, depth, paras = frozenset({"max_bytes"}), frozenset({"max_depth"}), frozenset({"max_paragraphs"})
    attrs = frozenset({"max_attributes"})
    return [
        Case("empty str", lambda: "", article=False),
        Case("empty bytes", lambda: b"", article=False),
        Case("whitespace only", lambda: " \n\t\r\n  ", article=False),
        Case("utf-16 with BOM", lambda: _encoded(fr, "utf-16-le", bom=True)),
        Case("utf-16 without BOM", lambda: fr.encode("utf-16-le")),
        Case("utf-16-be without BOM", lambda: fr.encode("utf-16-be")),
        Case("shift-jis declared", lambda: _charset(jp, "shift_jis").encode("cp932")),
        Case("wrong charset: latin-1 label on utf-8", lambda: _charset(fr, "iso-8859-1").encode()),
        Case("wrong charset: utf-8 label on latin-1", lambda: fr.encode("latin-1")),
        Case("bogus charset", lambda: _charset(fr, "no-such-charset-x").encode()),
        Case("mixed encodings", lambda: fr.encode() + "<p>Fin de l'été.</p>".encode("latin-1")),
        Case("NUL bytes", lambda: html("<p>zero\x00byte</p>" + "\x00" * 1000).encode()),
        Case("NUL in str", lambda: html("\x00<p>x\x00y</p>")),
        Case("lone surrogates", lambda: html("<p>broken \ud800 surrogate \udfff here</p><p>Still here.</p>")),
        Case("invalid XML characters", lambda: html("<p>\x01\x0b\ufffe\uffff</p><p>&#1;&#xFFFE;&#11;</p>")),
        Case("50 MB text node", lambda: html("<p>" + "word " * 10_000_000 + "</p>"), truncated=cut),
        Case("10 MB line without spaces", lambda: html("<p>" + "a" * 10_000_000 + "</p>"), truncated=cut),
        Case("10,000-deep nesting", lambda: nesting(10_000), truncated=depth),
        Case("100,000-deep nesting", lambda: nesting(100_000), truncated=depth),
        Case("200,000 siblings", lambda: siblings(200_000), truncated=paras),
        Case("100,000 attributes on one tag", lambda: _attributes(100_000), truncated=attrs),
        Case("100,000 attributes, newline-parted", lambda: _attributes(100_000, "\n", ""), truncated=attrs),
        Case("100,000 attributes, slash-separated", lambda: _attributes(100_000, "/", ""), truncated=attrs),
        Case("100,000 attributes behind '<>'", lambda: _attributes_behind_quotes(500), truncated=attrs),
        Case("unclosed tags", lambda: html("<div><span><b><i><font>" * 20_000 + "unclosed"), truncated=depth),
        Case("PNG header", lambda: _binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 200_000), article=False),
        Case("PDF header", lambda: _binary(_PDF, 200_000), article=False),
        Case("random bytes", lambda: _random_bytes(1_000_000), article=False),
        Case("XXE to a local file", _xxe, absent=("root:",)),
        Case("billion laughs", _laughs, absent=("lollollol",)),
        Case("script style template noscript", _hidden, absent=("SCRIPTTEXT", "STYLETEXT")),
        Case("right-to-left and zero-width", _bidi),
        Case("entity flood (named)", lambda: html("<p>" + "&amp;&nbsp;&lt;" * 300_000 + "</p>")),
        Case("entity flood (numeric)", lambda: html("<p>" + "&#65;&#x42;&#1;" * 300_000 + "</p>")),
        Case("entity flood (unknown)", lambda: html("<p>" + "&bogus;&#;" * 300_000 + "</p>")),
        Case("all boilerplate", _boilerplate, article=False),
        Case("50,000 identical captions", lambda: captions(50_000)),
        Case("regex-hostile a...a!", lambda: html("<p>" + "a" * 100_000 + "!</p>")),
        Case("regex-hostile a...a! as text", lambda: article_text("a" * 100_000 + "!")),
        Case("appeal repeated 100,000 times", lambda: html("<p>" + (APPEAL + " ") * 100_000 + "</p>")),
        Case("appeal on 100,000 lines", lambda: article_text((APPEAL + "\n") * 100_000), truncated=paras),
        Case("100,000 appeal paragraphs", lambda: appeals(100_000), truncated=paras),
        Case("end-tag flood", lambda: html("</span></div>" * 500_000)),
        Case("comment and lt flood", lambda: html("<!--" + "<" * 1_000_000 + "-->" + "a < b " * 200_000)),
        Case("unterminated attribute quote", lambda: html("<p>before</p><div title=\"" + "x" * 100_000)),
    ]


def best_cpu_time(page: str, repeats: int) -> float:
    """CPU seconds of the fastest of ``repeats`` runs of ``clean_and_explain`` on ``page``."""
    return best_cpu_times([page], repeats)[0]


def best_cpu_times(pages: list[str], repeats: int) -> list[float]:
    """The fastest of ``repeats`` runs on each page, the pages taking turns in every round: a
    machine that slows down between rounds slows every page alike, and a ratio of the times
    stays fair."""
    from cleantext import clean_and_explain  # here: the builders above need no cleantext

    best = [float("inf")] * len(pages)
    for _ in range(repeats):
        for i, page in enumerate(pages):
            gc.collect()
            start = time.process_time()
            clean_and_explain(page)
            best[i] = min(best[i], time.process_time() - start)
    return best
