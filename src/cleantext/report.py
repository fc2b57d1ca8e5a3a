"""Self-contained HTML reports: one document explained, or a whole batch run summarised.

Both reports are single HTML files with inline CSS and inline SVG: no script, no font, no image
and no stylesheet is fetched, so a report can be mailed, archived or opened offline. Every text
that comes from the document or the run is escaped.

:func:`render_explain` shows a document paragraph by paragraph (``cleantext explain PAGE --html
report.html``); :func:`render_batch` charts a batch run (``cleantext batch ... --report
report.html``).

>>> from cleantext import clean_and_explain
>>> html = render_explain(clean_and_explain("Storm hits coast\\n\\nThe storm hit the coast.\\n"
...                                         "Residents stayed inside.\\nShare this article"))
>>> html.startswith("<!DOCTYPE html>") and 'data-rule="headline.leading"' in html
True
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from cleantext.model import Category, Decision, Result

# One colour per category (Kelly's colours of maximum contrast), used for borders, bars and
# swatches; the text itself always stays dark on a light tint, whatever the colour.
COLOURS: Mapping[str, str] = MappingProxyType(
    {
        Category.DONATION.value: "#be0032",
        Category.COMMENT.value: "#0067a5",
        Category.CAPTION.value: "#875692",
        Category.NEWSLETTER.value: "#008856",
        Category.PAYWALL.value: "#882d17",
        Category.RELATED.value: "#f38400",
        Category.SHARE.value: "#e68fac",
        Category.CTA.value: "#b3446c",
        Category.BYLINE.value: "#604e97",
        Category.DATELINE.value: "#a1caf1",
        Category.HEADLINE.value: "#2b3d26",
        Category.COOKIE.value: "#c2b280",
        Category.AD.value: "#e25822",
        Category.LEGAL.value: "#654522",
        Category.TAGS.value: "#8db600",
        Category.NAV.value: "#848482",
        Category.DUPLICATE.value: "#f6a600",
        Category.SITE_REPEAT.value: "#dcd300",
        Category.OTHER.value: "#f99379",
    }
)
FALLBACK_COLOUR = "#999999"
EVIDENCE_CHARS = 240
TOP_RULES = 25

_CSS = """
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #d9d9de; --paper: #ffffff; --soft: #f6f6f8; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--soft); color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.wrap { max-width: 1120px; margin: 0 auto; padding: 24px 28px 48px; }
header.top { background: var(--paper); border: 1px solid var(--line); border-radius: 8px;
  padding: 18px 22px; }
h1 { font-size: 1.45rem; margin: 0 0 4px; }
h2 { font-size: 1.1rem; margin: 28px 0 10px; }
.subtitle { color: var(--muted); margin: 0 0 12px; word-break: break-all; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
dl.figures { grid-template-columns: max-content 1fr max-content 1fr; }
.summary { margin: 12px 0 0; font-weight: 600; }
.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px; }
.chart svg { display: block; max-width: 100%; height: auto; }
.chart text { font: 13px system-ui, sans-serif; fill: var(--ink); }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; margin: 0; padding: 0; list-style: none; }
.legend li { display: flex; align-items: center; gap: 6px; font-size: .9rem; }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; border: 1px solid #0003; }
ol.doc { list-style: none; margin: 0; padding: 0; }
ol.doc > li { display: grid; grid-template-columns: 2.2em minmax(0, 1fr) minmax(0, 20em); gap: 12px;
  background: var(--paper); border: 1px solid var(--line); border-left: 6px solid var(--line);
  border-radius: 6px; padding: 10px 14px; margin: 0 0 8px; }
.num { color: var(--muted); font-size: .85rem; text-align: right; padding-top: 2px; }
.text { overflow-wrap: anywhere; white-space: pre-wrap; }
ol.doc > li.dropped { background: color-mix(in srgb, var(--c) 9%, white); border-left-color: var(--c); }
ol.doc > li.dropped .text { color: #44464b; text-decoration: line-through; text-decoration-color: var(--c);
  text-decoration-thickness: 2px; }
ol.doc > li.matched { border-left-color: var(--c); border-left-style: dashed; }
.why { font-size: .86rem; border-left: 1px solid var(--line); padding-left: 12px; overflow-wrap: anywhere; }
.why .verdict { font-weight: 700; letter-spacing: .04em; }
.badge { display: inline-block; padding: 0 7px; border-radius: 10px; border: 1px solid var(--c);
  background: color-mix(in srgb, var(--c) 18%, white); color: var(--ink); font-size: .8rem; }
.why code, td code { font: .84rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.why .stage { color: var(--muted); }
.why .evidence { display: block; margin-top: 4px; color: var(--muted); }
table { border-collapse: collapse; width: 100%; background: var(--paper); }
th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
@media (max-width: 760px) { ol.doc > li { grid-template-columns: 2.4em minmax(0, 1fr); }
  .why { grid-column: 2; border-left: 0; padding-left: 0; } }
@media print { body { background: white; } .wrap { padding: 0; } }
"""


def esc(value: object) -> str:
    """``value`` as text, escaped for HTML content and attribute values.

    >>> esc('<a href="x">&</a>')
    '&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;'
    >>> esc(None)
    ''
    """
    return "" if value is None else html.escape(str(value), quote=True)


def colour(category: str | None) -> str:
    """The colour of a category value (a grey for unknown ones).

    >>> colour("donation"), colour("no-such-category")
    ('#be0032', '#999999')
    """
    return COLOURS.get(category or "", FALLBACK_COLOUR)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="cleantext">\n<title>{esc(title)}</title>\n'
        f"<style>{_CSS}</style>\n</head>\n<body>\n<div class=\"wrap\">\n{body}\n</div>\n</body>\n</html>\n"
    )


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: a category, the value drawn and the label printed after it."""

    category: str
    value: int
    label: str


def bar_chart(bars: Sequence[Bar], *, caption: str, width: int = 720) -> str:
    """An inline SVG horizontal bar chart, one coloured bar per category.

    >>> svg = bar_chart([Bar("donation", 300, "300 chars"), Bar("comment", 30, "30 chars")],
    ...                 caption="Dropped characters")
    >>> svg.count("<rect"), "donation" in svg
    (2, True)
    """
    if not bars:
        return '<p class="empty">Nothing was dropped.</p>'
    row, label_w, value_w, pad = 26, 120, 190, 6
    track = max(40, width - label_w - value_w)
    top = max((b.value for b in bars), default=0) or 1
    height = row * len(bars) + pad * 2
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{esc(caption)}">',
        f"<title>{esc(caption)}</title>",
    ]
    for i, bar in enumerate(bars):
        y = pad + i * row
        w = max(2.0, track * bar.value / top) if bar.value > 0 else 0.0
        parts.append(
            f'<g data-category="{esc(bar.category)}" data-value="{bar.value}">'
            f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end">{esc(bar.category)}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row - 8}" rx="3" '
            f'fill="{colour(bar.category)}" stroke="#00000033"/>'
            f'<text x="{label_w + w + 8:.1f}" y="{y + 17}">{esc(bar.label)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def legend(categories: Iterable[str], counts: Mapping[str, int] | None = None) -> str:
    """A list of colour swatches for ``categories`` (with their counts, when given).

    >>> item = legend(["donation"], {"donation": 4})
    >>> "#be0032" in item and "donation (4)" in item
    True
    """
    items = []
    for cat in categories:
        n = f" ({counts[cat]:,})" if counts and cat in counts else ""
        items.append(
            f'<li data-category="{esc(cat)}"><span class="swatch" style="background:{colour(cat)}">'
            f"</span>{esc(cat)}{esc(n)}</li>"
        )
    return '<ul class="legend">' + "".join(items) + "</ul>"


def _categories_in_order(values: Iterable[str]) -> list[str]:
    """Category values in the enum's order, unknown ones after them, alphabetically."""
    present = set(values)
    known = [c.value for c in Category if c.value in present]
    return known + sorted(present - set(known))


def _metadata(result: Result, title: str) -> str:
    meta = result.metadata
    rows = [
        ("title", meta.title), ("author", meta.author), ("date", meta.date), ("url", meta.url),
        ("language", meta.language), ("encoding", meta.encoding), ("input", meta.kind.value),
    ]
    if meta.truncated:
        rows.append(("truncated", meta.truncated))
    cells = "".join(
        f'<dt>{esc(k)}</dt><dd data-field="{esc(k)}">{esc(v) if v else "<em>unknown</em>"}</dd>'
        for k, v in rows
    )
    kept = [d for d in result.decisions if d.kept]
    dropped = result.dropped
    summary = (
        f"{len(result.decisions)} candidate paragraphs: {len(kept)} kept "
        f"({sum(len(d.text) for d in kept):,} characters), {len(dropped)} dropped "
        f"({sum(len(d.text) for d in dropped):,} characters)"
    )
    subtitle = f'<p class="subtitle">{esc(title)}</p>' if title else ""
    return (
        f'<header class="top"><h1>cleantext explain</h1>{subtitle}'
        f'<dl class="meta">{cells}</dl><p class="summary">{esc(summary)}</p></header>'
    )


def _explain_bars(result: Result) -> tuple[list[Bar], dict[str, int]]:
    chars: dict[str, int] = {}
    counts: dict[str, int] = {}
    for d in result.dropped:
        cat = d.category.value if d.category else Category.OTHER.value
        chars[cat] = chars.get(cat, 0) + len(d.text)
        counts[cat] = counts.get(cat, 0) + 1
    order = sorted(chars, key=lambda c: (-chars[c], c))
    bars = [Bar(c, chars[c], f"{chars[c]:,} chars · {counts[c]} para.") for c in order]
    return bars, counts


def _decision_item(index: int, d: Decision) -> str:
    cat = d.category.value if d.category else ""
    if d.kept and not cat:
        classes, why = "kept", '<span class="verdict">KEEP</span>'
    else:
        classes = "dropped" if not d.kept else "kept matched"
        verdict = "DROP" if not d.kept else "KEEP (category not dropped)"
        evidence = _shorten(d.evidence or "", EVIDENCE_CHARS)
        why = (
            f'<span class="verdict">{verdict}</span> <span class="badge">{esc(cat)}</span><br>'
            f'<code>{esc(d.rule)}</code> <span class="stage">stage: {esc(d.stage.value)}</span>'
            + (f'<span class="evidence">evidence: “{esc(evidence)}”</span>' if evidence else "")
        )
    style = f' style="--c:{colour(cat)}"' if cat else ""
    attrs = (
        f'data-index="{index}" data-kept="{str(d.kept).lower()}" data-category="{esc(cat)}" '
        f'data-rule="{esc(d.rule or "")}" data-stage="{esc(d.stage.value)}" '
        f'data-evidence="{esc(d.evidence or "")}" data-chars="{len(d.text)}"'
    )
    return (
        f'<li class="{classes}" {attrs}{style}><span class="num">{index}</span>'
        f'<div class="text">{esc(d.text)}</div><div class="why">{why}</div></li>'
    )


def render_explain(result: Result, *, title: str = "") -> str:
    """A self-contained HTML page explaining every decision of ``result``.

    The page shows the metadata, a bar chart of dropped characters per category, a legend and
    then each candidate paragraph in order: kept ones plain, dropped ones struck through in
    their category's colour with rule id, stage and evidence beside them. Each paragraph is an
    ``li`` of ``ol.doc`` with machine-readable attributes: ``data-index``, ``data-kept``
    (``true``/``false``), ``data-category`` and ``data-rule`` (empty when no rule matched),
    ``data-stage``, ``data-evidence`` and ``data-chars``. ``title`` is printed under the heading
    (the CLI passes the file name).

    >>> from cleantext import Category, Decision, Result, Stage
    >>> result = Result(["The council met."], [
    ...     Decision("Comments <3", False, Category.COMMENT, "comment.widget", "comments", Stage.LINE),
    ...     Decision("The council met.", True)])
    >>> page = render_explain(result, title="page.html")
    >>> page.count("<li class="), 'data-kept="false" data-category="comment"' in page
    (2, True)
    >>> "Comments &lt;3" in page
    True
    """
    bars, counts = _explain_bars(result)
    matched = [d.category.value for d in result.decisions if d.category is not None]
    cats = _categories_in_order(matched)
    items = "\n".join(_decision_item(i, d) for i, d in enumerate(result.decisions))
    body = (
        _metadata(result, title)
        + '<h2>Dropped characters per category</h2><div class="panel chart">'
        + bar_chart(bars, caption="Dropped characters per category")
        + "</div>"
        + "<h2>Legend</h2>"
        + (legend(cats, counts) if cats else "<p>No rule matched any paragraph.</p>")
        + f'<h2>Paragraphs</h2><ol class="doc">\n{items}\n</ol>'
    )
    heading = f"cleantext explain: {title}" if title else "cleantext explain"
    return _page(heading, body)


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return None


def _counts(value: Any) -> dict[str, int]:
    """A ``{name: count}`` mapping from ``value``; entries that are not numbers are skipped."""
    if not isinstance(value, Mapping):
        return {}
    out = {}
    for key, raw in value.items():
        n = _int(raw)
        if n is not None:
            out[str(key)] = n
    return out


def _rule_category(rule_id: str) -> str:
    from cleantext.rules.catalog import default_rules

    for rule in default_rules():
        if rule.id == rule_id:
            return rule.category.value
    family = rule_id.split(".", 1)[0]
    return family if family in COLOURS else ""


# The keys render_batch knows; any other top-level key with a scalar value is listed as is.
BATCH_KEYS = ("documents", "errors", "timeouts", "kept_paragraphs", "kept_chars", "dropped_paragraphs",
              "dropped", "dropped_chars", "rules", "error_samples")
ERROR_SAMPLES = 20


def _figures(stats: Mapping[str, Any]) -> str:
    rows: list[tuple[str, str]] = []
    for key in ("documents", "errors", "timeouts", "kept_paragraphs", "kept_chars"):
        n = _int(stats.get(key))
        if n is not None:
            rows.append((key.replace("_", " "), f"{n:,}"))
    dropped = _counts(stats.get("dropped"))
    total = _int(stats.get("dropped_paragraphs"))
    if total is None and dropped:
        total = sum(dropped.values())
    if total is not None:
        rows.append(("dropped paragraphs", f"{total:,}"))
    chars = _counts(stats.get("dropped_chars"))
    if chars:
        rows.append(("dropped characters", f"{sum(chars.values()):,}"))
        kept_chars = _int(stats.get("kept_chars"))
        if kept_chars is not None and kept_chars + sum(chars.values()) > 0:
            share = sum(chars.values()) / (kept_chars + sum(chars.values()))
            rows.append(("dropped share of characters", f"{share:.1%}"))
    for key in sorted(k for k in stats if k not in BATCH_KEYS):
        value = stats[key]
        if isinstance(value, float):
            rows.append((key.replace("_", " "), f"{value:,.2f}"))
        elif isinstance(value, (str, int, bool)):
            rows.append((key.replace("_", " "), str(value)))
    if not rows:
        return "<p>No figures were recorded.</p>"
    cells = "".join(f'<dt>{esc(k)}</dt><dd data-field="{esc(k)}">{esc(v)}</dd>' for k, v in rows)
    return f'<dl class="meta figures">{cells}</dl>'


def _category_table(dropped: Mapping[str, int], chars: Mapping[str, int]) -> str:
    cats = sorted(set(dropped) | set(chars), key=lambda c: (-chars.get(c, 0), -dropped.get(c, 0), c))
    rows = "".join(
        f'<tr data-category="{esc(c)}"><td><span class="swatch" style="background:{colour(c)}"></span> '
        f'{esc(c)}</td><td class="n">{dropped.get(c, 0):,}</td><td class="n">{chars.get(c, 0):,}</td></tr>'
        for c in cats
    )
    return (
        '<table class="categories"><thead><tr><th>category</th><th class="n">paragraphs</th>'
        f'<th class="n">characters</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def _rules_table(rules: Mapping[str, int], top: int) -> str:
    ranked = sorted(rules.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    if not ranked:
        return "<p>No rule counts were recorded.</p>"
    rows = []
    for rank, (rule_id, n) in enumerate(ranked, start=1):
        cat = _rule_category(rule_id)
        rows.append(
            f'<tr data-rule="{esc(rule_id)}" data-category="{esc(cat)}"><td class="n">{rank}</td>'
            f'<td><code>{esc(rule_id)}</code></td><td><span class="swatch" style="background:'
            f'{colour(cat)}"></span> {esc(cat)}</td><td class="n">{n:,}</td></tr>'
        )
    return (
        '<table class="rules"><thead><tr><th class="n">#</th><th>rule</th><th>category</th>'
        f'<th class="n">paragraphs dropped</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _errors_table(samples: Any) -> str:
    """The first error samples (``[{"id": ..., "error": ...}, ...]``), or nothing."""
    if not isinstance(samples, Sequence) or isinstance(samples, (str, bytes)):
        return ""
    rows = [
        f'<tr><td><code>{esc(s.get("id"))}</code></td><td>{esc(s.get("error"))}</td></tr>'
        for s in samples[:ERROR_SAMPLES]
        if isinstance(s, Mapping)
    ]
    if not rows:
        return ""
    return (
        '<h2>Errors (first records)</h2><table class="errors"><thead><tr><th>record</th><th>error</th>'
        f'</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _batch_bars(dropped: Mapping[str, int], chars: Mapping[str, int]) -> tuple[list[Bar], str]:
    if chars:
        order = sorted(chars, key=lambda c: (-chars[c], c))
        bars = [Bar(c, chars[c], f"{chars[c]:,} chars · {dropped.get(c, 0):,} para.") for c in order]
        return bars, "Dropped characters per category"
    order = sorted(dropped, key=lambda c: (-dropped[c], c))
    return [Bar(c, dropped[c], f"{dropped[c]:,} para.") for c in order], "Dropped paragraphs per category"


def render_batch(stats: Mapping[str, Any], *, title: str = "", top: int = TOP_RULES) -> str:
    """A self-contained HTML summary of a batch run, from its statistics.

    ``stats`` is the summary a batch run writes (``cleantext batch --stats FILE``); every key
    is optional, and values of the wrong type are ignored rather than raising:

    - ``documents``, ``errors``, ``timeouts``: records read, records that carry an error, and
      of those the ones that timed out;
    - ``kept_paragraphs``, ``kept_chars``: paragraphs and characters kept over the run;
    - ``dropped``: ``{category: paragraphs dropped}``;
    - ``dropped_chars``: ``{category: characters dropped}``;
    - ``rules``: ``{rule id: paragraphs dropped}``;
    - ``dropped_paragraphs``: the total of ``dropped`` (computed when absent);
    - ``error_samples``: ``[{"id": record id, "error": message}, ...]``, the first failed
      records, listed in a table;
    - any other key with a scalar value (``seconds``, ``docs_per_second``, ``workers``,
      ``input``...) is listed under the figures, as given.

    The chart shows dropped characters per category (dropped paragraphs when no character
    counts are given); the tables list the categories and the ``top`` most frequent rules.

    >>> page = render_batch({"documents": 3, "dropped": {"donation": 2, "comment": 5},
    ...                      "dropped_chars": {"donation": 900, "comment": 120},
    ...                      "rules": {"comment.widget": 5, "donation.appeal": 2}})
    >>> page.index('data-category="donation"') < page.index('data-category="comment"')
    True
    >>> render_batch({}).startswith("<!DOCTYPE html>")
    True
    """
    dropped = _counts(stats.get("dropped"))
    chars = _counts(stats.get("dropped_chars"))
    bars, caption = _batch_bars(dropped, chars)
    cats = _categories_in_order(set(dropped) | set(chars))
    subtitle = f'<p class="subtitle">{esc(title)}</p>' if title else ""
    body = (
        f'<header class="top"><h1>cleantext batch report</h1>{subtitle}{_figures(stats)}</header>'
        f'<h2>{esc(caption)}</h2><div class="panel chart">{bar_chart(bars, caption=caption)}</div>'
        + "<h2>Legend</h2>"
        + (legend(cats, dropped) if cats else "<p>Nothing was dropped.</p>")
        + "<h2>Categories</h2>" + _category_table(dropped, chars)
        + f"<h2>Most frequent rules</h2>{_rules_table(_counts(stats.get('rules')), top)}"
        + _errors_table(stats.get("error_samples"))
    )
    return _page(f"cleantext batch report: {title}" if title else "cleantext batch report", body)
