"""The HTML reports: every decision is in the explain report, nothing is fetched, all is escaped."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

import cleantext
from cleantext import Category, Decision, Metadata, Result, Stage
from cleantext.cli import main
from cleantext.report import render_batch, render_explain

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "000_84e2c10a1b06d67f.txt"
HOSTILE = '<script>alert("x")</script> & <img src="https://example.org/x.png"> "quoted"'


def _items(page: str) -> list[lxml.html.HtmlElement]:
    tree = lxml.html.document_fromstring(page)
    return list(tree.xpath('//ol[@class="doc"]/li'))


def _external(page: str) -> list[str]:
    """Every place the page would fetch something from the network, or run a script."""
    tree = lxml.html.document_fromstring(page)
    found = []
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.split("}")[-1]
        if tag in ("script", "iframe", "object", "embed", "img", "link", "base"):
            found.append(f"<{tag}>")
        for attr in ("src", "href", "srcset", "data", "action", "poster", "{http://www.w3.org/1999/xlink}href"):
            value = (el.get(attr) or "").strip().lower()
            if value.startswith(("http:", "https:", "//", "ftp:", "data:", "javascript:")):
                found.append(f"{tag}@{attr}={value}")
    for style in tree.iter("style"):
        css = (style.text or "").lower()
        if "@import" in css or "url(" in css:
            found.append("style with @import/url()")
    return found


@pytest.fixture(scope="module")
def seed_result() -> Result:
    return cleantext.clean_and_explain(SEED.read_text(encoding="utf-8"))


def test_seed_report_holds_every_decision(seed_result: Result) -> None:
    items = _items(render_explain(seed_result, title=SEED.name))
    assert len(items) == len(seed_result.decisions)
    for li, d in zip(items, seed_result.decisions, strict=True):
        assert li.get("data-kept") == str(d.kept).lower()
        assert li.get("data-category") == (d.category.value if d.category else "")
        assert li.get("data-rule") == (d.rule or "")
        assert li.get("data-stage") == d.stage.value
        assert li.get("data-evidence") == (d.evidence or "")
        assert li.find_class("text")[0].text_content() == d.text
        if not d.kept:
            why = li.find_class("why")[0].text_content()
            assert "DROP" in why and d.rule and d.rule in why and d.category and d.category.value in why


def test_seed_report_shows_metadata_and_chart(seed_result: Result) -> None:
    page = render_explain(seed_result, title=SEED.name)
    tree = lxml.html.document_fromstring(page)
    assert tree.xpath('string(//dd[@data-field="title"])') == (seed_result.metadata.title or "unknown")
    bars = tree.xpath("//svg//g[@data-category]")
    dropped = {d.category.value for d in seed_result.dropped if d.category}
    assert {g.get("data-category") for g in bars} == dropped
    chars = {c: sum(len(d.text) for d in seed_result.dropped if d.category and d.category.value == c)
             for c in dropped}
    assert {g.get("data-category"): int(g.get("data-value")) for g in bars} == chars


def test_seed_report_is_self_contained(seed_result: Result) -> None:
    page = render_explain(seed_result, title=SEED.name)
    assert _external(page) == []
    assert "<svg" in page and "<style>" in page


def test_report_escapes_everything() -> None:
    result = Result(
        paragraphs=[HOSTILE],
        decisions=[
            Decision(HOSTILE, True),
            Decision(HOSTILE, False, Category.AD, 'ad.<b>"x"', HOSTILE, Stage.LINE),
        ],
        metadata=Metadata(title=HOSTILE, author=HOSTILE, url="javascript:alert(1)"),
    )
    page = render_explain(result, title=HOSTILE)
    assert _external(page) == []
    items = _items(page)
    assert [li.find_class("text")[0].text_content() for li in items] == [HOSTILE, HOSTILE]
    assert items[1].get("data-rule") == 'ad.<b>"x"' and items[1].get("data-evidence") == HOSTILE
    tree = lxml.html.document_fromstring(page)
    assert tree.xpath('string(//dd[@data-field="author"])') == HOSTILE
    assert "<script>" not in page and "<img" not in page


def test_report_of_an_empty_result() -> None:
    page = render_explain(Result([], []))
    assert _items(page) == [] and "Nothing was dropped" in page


def test_kept_paragraph_with_a_matching_rule_is_marked() -> None:
    d = Decision("By Jane Doe", True, Category.BYLINE, "byline.prefix", "By Jane Doe", Stage.LINE)
    (li,) = _items(render_explain(Result(["By Jane Doe"], [d])))
    assert li.get("data-kept") == "true" and li.get("data-category") == "byline"
    assert "matched" in li.get("class", "")


SAMPLE_STATS = {
    "documents": 505,
    "errors": 5,
    "timeouts": 1,
    "kept_paragraphs": 12034,
    "kept_chars": 3_400_112,
    "dropped": {"donation": 420, "comment": 1300, "related": 2200, "site_repeat": 40},
    "dropped_chars": {"donation": 120_000, "comment": 40_000, "related": 150_000, "site_repeat": 9000},
    "rules": {"related.link_dense": 1800, "comment.widget": 1000, "donation.appeal": 300,
              "related.cue": 400, "site_repeat.host": 40, "mysite.<promo>": 7},
    "dropped_paragraphs": 3960,
    "seconds": 12.4,
    "workers": 2,
    "error_samples": [{"id": "rec-<7>", "error": "input: 'html' is null"}, "not a dict"],
}


def test_render_batch_chart_and_rules() -> None:
    page = render_batch(SAMPLE_STATS, title="in.jsonl")
    assert _external(page) == []
    tree = lxml.html.document_fromstring(page)
    bars = [(g.get("data-category"), int(g.get("data-value"))) for g in tree.xpath("//svg//g")]
    assert bars == [("related", 150_000), ("donation", 120_000), ("comment", 40_000), ("site_repeat", 9000)]
    rules = [tr.get("data-rule") for tr in tree.xpath('//table[@class="rules"]/tbody/tr')]
    assert rules == ["related.link_dense", "comment.widget", "related.cue", "donation.appeal",
                     "site_repeat.host", "mysite.<promo>"]
    rows = tree.xpath('//table[@class="rules"]/tbody/tr')
    cats = {tr.get("data-rule"): tr.get("data-category") for tr in rows}
    assert cats["related.link_dense"] == "related" and cats["site_repeat.host"] == "site_repeat"
    assert tree.xpath('string(//dd[@data-field="documents"])') == "505"
    assert tree.xpath('string(//dd[@data-field="workers"])') == "2"
    assert tree.xpath('string(//dd[@data-field="dropped paragraphs"])') == "3,960"
    assert tree.xpath('string(//table[@class="errors"]//code)') == "rec-<7>"
    assert len(tree.xpath("//dd")) == len({dd.get("data-field") for dd in tree.xpath("//dd")})


@pytest.mark.parametrize(
    "stats",
    [{}, {"documents": None, "dropped": None, "rules": "oops"}, {"dropped": {"ad": "x", "nav": 3}},
     {"dropped": {"ad": 2}}, {"rules": {"ad.label": 2.0}}, {"nested": {"a": 1}, "flag": True}],
)
def test_render_batch_tolerates_missing_and_odd_keys(stats: dict) -> None:
    page = render_batch(stats)
    assert page.startswith("<!DOCTYPE html>") and _external(page) == []
    lxml.html.document_fromstring(page)


def test_render_batch_falls_back_to_paragraph_counts() -> None:
    page = render_batch({"dropped": {"ad": 2, "nav": 5}})
    tree = lxml.html.document_fromstring(page)
    assert [g.get("data-category") for g in tree.xpath("//svg//g")] == ["nav", "ad"]
    assert "Dropped paragraphs per category" in page


def test_cli_explain_writes_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    assert main(["explain", str(SEED), "--html", str(out)]) == 0
    items = _items(out.read_text(encoding="utf-8"))
    assert len(items) == len(capsys.readouterr().out.splitlines())
