"""The rule catalogue as Markdown (``docs/rules.md``), generated from the rule registry.

Every rule appears with its id, category, stage, languages, explanation, matcher kind and
guards, one example and one counterexample, grouped by category and sorted by id, so the
output only changes when the rules do. A test compares the committed ``docs/rules.md`` with
:func:`render_markdown`; regenerate it after changing a rule or a language pack::

    python -m cleantext.catalogue -o docs/rules.md
    python -m cleantext.catalogue --check docs/rules.md   # exit 1 when it is out of date

>>> from cleantext import Category, Rule
>>> md = render_markdown([Rule.phrases("mysite.promo", Category.CTA, ["Try our premium plan"],
...                       examples=["Try our premium plan"])])
>>> "### `mysite.promo`" in md and "`Try our premium plan`" in md
True
"""

from __future__ import annotations

import argparse
import dataclasses
import enum
import html
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

import regex

from cleantext.model import Category
from cleantext.rules.base import Rule

REGENERATE = "python -m cleantext.catalogue -o docs/rules.md"
EXAMPLE_CHARS = 160
LIST_ITEMS = 40
_MD_SPECIAL = regex.compile(r"([\\`*_\[\]#|])")
_BACKTICKS = regex.compile(r"`++")
# Characters that HTML or Markdown would interpret inside an inline <code> element.
_CODE_ENTITIES = MappingProxyType(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", "*": "&#42;", "_": "&#95;", "`": "&#96;", "\\": "&#92;",
     "[": "&#91;", "]": "&#93;", "|": "&#124;"}
)
_SLUG_DROP = regex.compile(r"[^\w\s-]")
_SLUG_JOIN = regex.compile(r"[-\s]++")
_WRAPPER = regex.compile(r"</?(?:html|head|body|article)>", regex.IGNORECASE)


def md_text(text: str) -> str:
    """``text`` escaped for Markdown prose (HTML specials and Markdown punctuation).

    >>> md_text("Read more: <b>*now*</b>")
    'Read more: &lt;b&gt;\\\\*now\\\\*&lt;/b&gt;'
    """
    return str(_MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)))


def md_code(text: str) -> str:
    """``text`` as one inline code span (line breaks shown as ``⏎``).

    Text with markup is written as an HTML ``<code>`` element with every special character
    as an entity: Python-Markdown scans raw HTML before code spans, and a ``<!`` inside
    backticks (a regex look-behind) would be read as a marked section.

    >>> md_code("a `b` c"), md_code("x\\ny")
    ('`` a `b` c ``', '`x ⏎ y`')
    >>> md_code("(?<!a)*")
    '<code>(?&lt;!a)&#42;</code>'
    """
    text = " ⏎ ".join(line.strip() for line in text.strip().splitlines()) or " "
    if "<" in text:
        return "<code>" + "".join(_CODE_ENTITIES.get(ch, ch) for ch in text) + "</code>"
    longest = max((len(m) for m in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if longest or text.startswith(" ") or text.endswith(" ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def slug(text: str) -> str:
    """The anchor Python-Markdown's ``toc`` extension gives a heading with this text.

    >>> slug("donation.appeal"), slug("site_repeat")
    ('donationappeal', 'site_repeat')
    """
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return str(_SLUG_JOIN.sub("-", _SLUG_DROP.sub("", value).strip().lower()))


def shorten(text: str, limit: int = EXAMPLE_CHARS) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut.

    >>> shorten("abcdef", 4)
    'abc…'
    """
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _page_parts() -> tuple[str, str]:
    """The default title and the filler paragraph that :func:`cleantext.rules.catalog.page` adds."""
    from cleantext.rules.catalog import page

    prefix = page("\0").split("\0")[0]
    title = regex.search(r"<title>[^<]*+</title>", prefix)
    start = prefix.find("<article>")
    return (title.group(0) if title else "", prefix[start + len("<article>"):] if start >= 0 else "")


def example_text(doc: str) -> str:
    """A short form of an example document; HTML keeps its markup minus the page's wrapper.

    >>> example_text("<html><body><p>Hello <b>world</b></p></body></html>")
    'HTML: <p>Hello <b>world</b></p>'
    >>> example_text("Share this article")
    'Share this article'
    """
    if not doc.lstrip().startswith("<"):
        return shorten(doc.strip())
    title, filler = _page_parts()
    for part in (title, filler):
        if part:
            doc = doc.replace(part, "")
    doc = _WRAPPER.sub("", doc)
    return "HTML: " + shorten(" ".join(doc.split()))


def _leaves(value: object) -> int:
    if isinstance(value, Mapping):
        return sum(_leaves(v) for v in value.values())
    if isinstance(value, (str, bytes)):
        return 1
    if isinstance(value, Iterable):
        return sum(1 for _ in value)
    return 1


def _scalar(value: object) -> str | None:
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, (bool, int, float, str)):
        return str(value)
    return None


def _guard(name: str, value: object) -> str | None:
    """One field of a matcher, summarised (None for empty values)."""
    scalar = _scalar(value)
    if scalar is not None:
        return f"{name}={scalar}"
    if isinstance(value, Mapping):
        if not value:
            return None
        if all(isinstance(v, Mapping) for v in value.values()):
            parts = ", ".join(f"{_scalar(k) or k} {_leaves(v)}" for k, v in value.items())
            return f"{name}: {parts}"
        return f"{name}: {_leaves(value)} in {len(value)} language" + ("s" if len(value) > 1 else "")
    if isinstance(value, (frozenset, set, tuple, list)):
        items = sorted(str(x) for x in value)
        if not items:
            return None
        shown = ", ".join(items[:LIST_ITEMS]) + (", …" if len(items) > LIST_ITEMS else "")
        return f"{name} ({len(items)}): {shown}"
    return None


def matcher_summary(matcher: object) -> tuple[str, list[str]]:
    """The matcher's kind (class name) and its guards (fields with their values).

    >>> from cleantext.rules.base import LinkDense
    >>> matcher_summary(LinkDense())
    ('LinkDense', ['min_density=0.6', 'max_chars=200'])
    """
    kind = type(matcher).__name__
    if not dataclasses.is_dataclass(matcher):
        return kind, []
    guards = []
    for f in dataclasses.fields(matcher):
        value = getattr(matcher, f.name)
        if f.name == "stage" or f.name.startswith("_") or (value == 0 and f.default == 0):
            continue  # a limit of 0 that is also the default means "no limit": not a guard
        text = _guard(f.name, value)
        if text is not None:
            guards.append(text)
    return kind, guards


def _phrase_details(matcher: object) -> list[str]:
    """A collapsed list of a phrase matcher's phrases per anchor and language (HTML details)."""
    phrases = getattr(matcher, "phrases", None)
    patterns = getattr(matcher, "patterns", None)
    if not isinstance(phrases, Mapping) or not (phrases or patterns):
        return []
    rows: list[str] = []
    groups = [(_scalar(a) or str(a), by_lang) for a, by_lang in phrases.items()]
    if isinstance(patterns, Mapping) and patterns:
        groups.append(("pattern", patterns))
    for anchor, by_lang in groups:
        for lang in sorted(by_lang):
            words = " · ".join(html.escape(str(p), quote=False) for p in sorted(by_lang[lang]))
            rows.append(f"<li><b>{html.escape(anchor)}</b> [{html.escape(str(lang))}]: {words}</li>")
    total = _leaves(phrases) + (_leaves(patterns) if isinstance(patterns, Mapping) else 0)
    return ["", f"<details><summary>Phrases and patterns ({total})</summary><ul>", *rows, "</ul></details>"]


def render_rule(rule: Rule) -> str:
    """The Markdown section of one rule.

    >>> from cleantext import Category, Rule
    >>> section = render_rule(Rule.tokens("mysite.box", Category.AD, ["promo-box"],
    ...                                   explanation="Our own promotion box."))
    >>> print(section.splitlines()[0])
    ### `mysite.box`
    >>> "`tokens (1): promo-box`" in section and "**Example (dropped):** none" in section
    True
    """
    kind, guards = matcher_summary(rule.matcher)
    langs = ", ".join(rule.languages) if rule.languages else "any"
    enable = f'`Config(enabled_rules={{"{rule.id}"}})`'
    default = "" if _default_on(rule) else f" · **Off by default:** enable with {enable}"
    example = md_code(example_text(rule.examples[0])) if rule.examples else "none"
    counter = md_code(example_text(rule.counterexamples[0])) if rule.counterexamples else "none"
    more = len(rule.examples) - 1, len(rule.counterexamples) - 1
    lines = [
        f"### `{rule.id}`",
        "",
        md_text(rule.explanation),
        "",
        f"- **Category:** {rule.category.value} · **Stage:** {rule.stage.value} · **Languages:** {langs}"
        + default,
        f"- **Matcher:** `{kind}`" + (": " + ", ".join(md_code(g) for g in guards) if guards else ""),
        f"- **Example (dropped):** {example}" + (f" (and {more[0]} more)" if more[0] > 0 else ""),
        f"- **Counterexample (kept):** {counter}" + (f" (and {more[1]} more)" if more[1] > 0 else ""),
        *_phrase_details(rule.matcher),
        "",
    ]
    return "\n".join(lines)


def _default_on(rule: Rule) -> bool:
    return bool(getattr(rule, "default_on", True))


def _category_order(rules: Sequence[Rule]) -> list[Category]:
    present = {r.category for r in rules}
    return [c for c in Category if c in present]


def _index(rules: Sequence[Rule]) -> list[str]:
    lines = ["| rule | category | stage | languages | default |", "|---|---|---|---|---|"]
    for cat in _category_order(rules):
        for r in sorted((r for r in rules if r.category is cat), key=lambda r: r.id):
            langs = ", ".join(r.languages) if r.languages else "any"
            on = "on" if _default_on(r) else "off"
            lines.append(f"| [`{r.id}`](#{slug(r.id)}) | {cat.value} | {r.stage.value} | {langs} | {on} |")
    return lines


def render_markdown(rules: Sequence[Rule] | None = None) -> str:
    """The whole catalogue page for ``rules`` (default: :func:`cleantext.default_rules`).

    >>> from cleantext import default_rules
    >>> md = render_markdown()
    >>> md.startswith("# Rule catalogue"), md.count("### `") == len(default_rules())
    (True, True)
    """
    if rules is None:
        from cleantext.rules.catalog import default_rules

        rules = default_rules()
    rules = list(rules)
    stages = sorted({r.stage.value for r in rules})
    counts = ", ".join(
        f"{sum(r.stage.value == s for r in rules)} in stage `{s}`" for s in stages
    )
    off = [r for r in rules if not _default_on(r)]
    if off:
        counts += f"; {len(off)} of them off by default (they run when named in `Config(enabled_rules=...)`)"
    out = [
        "# Rule catalogue",
        "",
        "<!-- Generated from cleantext.default_rules(); do not edit by hand. -->",
        f"<!-- Regenerate with: {REGENERATE} -->",
        "",
        f"The catalogue has {len(rules)} rules: {counts}.",
        "",
        "Each rule names what it drops and why; `cleantext explain` prints the rule id of every",
        "dropped paragraph, and `Config(disabled_rules=..., disabled_categories=...)` switches",
        "rules off by id or by category. See [the algorithm](algorithm.md) for the stages and",
        "[language packs](language-packs.md) for where the phrases come from. HTML examples are",
        "shown without the small article page that wraps them. This page is generated from the",
        f"rule registry by `{REGENERATE}`.",
        "",
        *_index(rules),
        "",
    ]
    for cat in _category_order(rules):
        out += [f"## {cat.value}", ""]
        out += [render_rule(r) for r in sorted((r for r in rules if r.category is cat), key=lambda r: r.id)]
    return "\n".join(out).rstrip("\n") + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m cleantext.catalogue``: print, write (``-o``) or check (``--check``) the page."""
    parser = argparse.ArgumentParser(prog="python -m cleantext.catalogue", description=__doc__.split("\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-o", "--output", metavar="FILE", help="write the catalogue to FILE")
    group.add_argument("--check", metavar="FILE", help="exit 1 if FILE differs from the catalogue")
    args = parser.parse_args(argv)
    text = render_markdown()
    if args.check:
        path = Path(args.check)
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            sys.stderr.write(f"{path} is out of date with the rule registry; run: {REGENERATE}\n")
            return 1
        return 0
    if args.output:
        path = Path(args.output)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
