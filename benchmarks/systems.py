"""The systems the benchmark scripts score: trafilatura variants, cleantext and the peers.

Each system is a function ``(html, url) -> text``; every import is lazy so a missing peer is a
note, not a crash. cleantext also has :func:`cleantext_decisions`, which returns the decisions the
ablation needs. ``PYTHONPATH=src`` (or an installed cleantext) makes the library importable.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import importlib.util
import sys
from collections.abc import Callable
from typing import Any

from benchmarks.metrics import REPO_ROOT

SystemFn = Callable[[str, "str | None"], str]

TRAFILATURA_SYSTEMS = ("trafilatura", "trafilatura_precision", "trafilatura_fast")
CLEANTEXT = "cleantext"
PEERS = ("readability", "justext", "resiliparse", "boilerpy3", "goose3", "newspaper4k")
PEER_PACKAGES = {
    "readability": "readability-lxml",
    "justext": "justext",
    "resiliparse": "resiliparse",
    "boilerpy3": "boilerpy3",
    "goose3": "goose3",
    "newspaper4k": "newspaper4k",
}
LABELS = {
    "trafilatura": "trafilatura (default)",
    "trafilatura_precision": "trafilatura favor_precision",
    "trafilatura_fast": "trafilatura fast",
    "cleantext": "cleantext",
    "readability": "readability-lxml",
    "justext": "jusText",
    "resiliparse": "resiliparse",
    "boilerpy3": "boilerpy3",
    "goose3": "goose3",
    "newspaper4k": "newspaper4k",
}
_BLOCK_TAGS = frozenset(
    """p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr td th section article header footer
    figure figcaption dd dt dl""".split()
)


def ensure_src_on_path() -> None:
    """Make ``src/cleantext`` importable when no cleantext is importable (PYTHONPATH or installed)."""
    src = str(REPO_ROOT / "src")
    if importlib.util.find_spec("cleantext") is None and src not in sys.path:
        sys.path.append(src)


def cleantext_available() -> str | None:
    """None when ``cleantext.clean_and_explain`` can be imported, else the reason it cannot."""
    ensure_src_on_path()
    try:
        module = importlib.import_module("cleantext")
    except Exception as exc:  # a half-written library can fail in any way
        return f"cleantext does not import: {exc!r}"
    if not hasattr(module, "clean_and_explain"):
        return "cleantext.clean_and_explain does not exist yet"
    return None


def cleantext_decisions(
    html: str, url: str | None, config: Any = None
) -> tuple[str, list[tuple[bool, str | None, str]]]:
    """cleantext's output text and its decisions as (kept, category value, text) in document order."""
    import cleantext

    result = cleantext.clean_and_explain(html, url=url, config=config)
    decisions = [
        (bool(d.kept), d.category.value if d.category is not None else None, d.text) for d in result.decisions
    ]
    return "\n".join(result.paragraphs), decisions


def _trafilatura(html: str, url: str | None, **options: bool) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, **options) or ""


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, with a line break around every block element."""
    import lxml.html

    if not fragment.strip():
        return ""
    tree = lxml.html.fromstring(fragment)
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
            element.text = "\n" + (element.text or "")
    return "\n".join(line.strip() for line in tree.text_content().splitlines() if line.strip())


def _readability(html: str, url: str | None) -> str:
    from readability import Document

    return html_to_text(Document(html, url=url).summary(html_partial=True))


def _justext(html: str, url: str | None) -> str:
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _resiliparse(html: str, url: str | None) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    return str(extract_plain_text(html, main_content=True))


def _boilerpy3(html: str, url: str | None) -> str:
    from boilerpy3 import extractors

    return str(extractors.ArticleExtractor(raise_on_failure=False).get_content(html))


@functools.cache
def _goose() -> Any:
    from goose3 import Goose

    return Goose({"enable_image_fetching": False})


def _goose3(html: str, url: str | None) -> str:
    return str(_goose().extract(raw_html=html, url=url).cleaned_text or "")


def _newspaper4k(html: str, url: str | None) -> str:
    import newspaper

    article = newspaper.Article(url or "https://example.com/article", fetch_images=False)
    article.download(input_html=html)
    article.parse()
    return str(article.text or "")


def system(name: str) -> SystemFn:
    """The text function of a system by name."""
    table: dict[str, SystemFn] = {
        "trafilatura": lambda h, u: _trafilatura(h, u),
        "trafilatura_precision": lambda h, u: _trafilatura(h, u, favor_precision=True),
        "trafilatura_fast": lambda h, u: _trafilatura(h, u, fast=True),
        "cleantext": lambda h, u: cleantext_decisions(h, u)[0],
        "readability": _readability,
        "justext": _justext,
        "resiliparse": _resiliparse,
        "boilerpy3": _boilerpy3,
        "goose3": _goose3,
        "newspaper4k": _newspaper4k,
    }
    return table[name]


def available(name: str) -> str | None:
    """None when the system can run here, else a note saying why not."""
    if name == CLEANTEXT:
        return cleantext_available()
    modules = {
        "readability": "readability",
        "justext": "justext",
        "resiliparse": "resiliparse.extract.html2text",
        "boilerpy3": "boilerpy3",
        "goose3": "goose3",
        "newspaper4k": "newspaper",
    }
    try:
        importlib.import_module(modules.get(name, "trafilatura"))
    except Exception as exc:
        package = PEER_PACKAGES.get(name, name)
        return f"{package} not installed ({type(exc).__name__}); `pip install {package}`"
    return None


WARM_UP_HTML = (
    "<html><head><title>Warm-up page</title></head><body><article><h1>Warm-up page</h1>"
    + "<p>This paragraph is only here so that every extractor runs once before timing starts, "
    "importing its modules and building its caches outside the measured calls.</p>"
    * 4
    + "</article><footer>Copyright 2024 Example</footer></body></html>"
)


def warm_up(names: list[str], html: str = WARM_UP_HTML) -> None:
    """Run each system once so imports and one-off set-up are not timed on the first page.

    cleantext's one-off set-up is compiling its phrase packs (``cleantext.prepare``), which it
    otherwise does lazily per language; trafilatura compiles its patterns at import.
    """
    ensure_src_on_path()
    for name in names:
        with contextlib.suppress(Exception):
            if name == CLEANTEXT:
                import cleantext

                cleantext.prepare()
            system(name)(html, "https://example.com/warm-up")
