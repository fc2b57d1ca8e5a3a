"""Site boilerplate: paragraphs repeated across a host's documents, learned from the corpus."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from batch_helpers import APPEAL, FOOTER, QUOTE, read_jsonl, site_corpus, write_jsonl

import cleantext.batch.job as job
from cleantext.api import clean_and_explain
from cleantext.batch.io import Fields
from cleantext.batch.sitebp import RULE_ID, SiteBoilerplate, SiteThresholds, host_of
from cleantext.batch.types import BatchItem
from cleantext.cli import main
from cleantext.config import Config
from cleantext.model import Category, Result


def _results() -> list[tuple[str, Result]]:
    return [(r["url"], clean_and_explain(r["text"], url=r["url"])) for r in site_corpus()]


def test_footer_and_appeal_go_and_a_shared_quote_stays() -> None:
    results = _results()
    for _url, result in results:  # precondition: no rule knows these made-up words
        assert FOOTER.split(",")[0] in result.text
    site = SiteBoilerplate()
    for url, result in results:
        site.observe(url, result.paragraphs)
    cleaned = [site.apply(url, result) for url, result in results]
    for (_url, _), result in zip(results[:6], cleaned[:6], strict=True):
        assert APPEAL not in result.paragraphs
        assert not any(p.startswith("Kalvenni orudet") for p in result.paragraphs)
        assert len(result.paragraphs) >= 4
        repeat = [d for d in result.decisions if d.category is Category.SITE_REPEAT]
        assert {d.rule for d in repeat} == {RULE_ID} and len(repeat) == 2
        assert repeat[0].evidence == "in 6 of 6 documents of uutisvirta.example"
    assert QUOTE in cleaned[0].paragraphs and QUOTE in cleaned[1].paragraphs
    for result, original in zip(cleaned[6:], results[6:], strict=True):  # a host with 2 documents
        assert result.paragraphs == original[1].paragraphs


def test_config_decides_whether_the_category_drops() -> None:
    results = _results()
    site = SiteBoilerplate()
    for url, result in results:
        site.observe(url, result.paragraphs)
    url, first = results[0]
    off = Config(disabled_categories=frozenset({Category.SITE_REPEAT}))
    assert site.apply(url, first, off) is first
    kept = site.apply(url, first, Config(drop=frozenset({Category.AD})))
    assert kept.paragraphs == first.paragraphs
    assert [d.kept for d in kept.decisions if d.category is Category.SITE_REPEAT] == [True, True]


def test_thresholds_share_and_bounded_memory() -> None:
    site = SiteBoilerplate(SiteThresholds(max_entries=10))
    for i in range(20):
        body = f"Body paragraph {'abcdefghijklmnopqrstu'[i]} of many."
        site.observe(f"https://e.com/{i}", [body, "Menu item"] + (["Rare aside"] if i < 3 else []))
    assert site.flags("https://e.com/x", ["Menu item", "Rare aside", "Unseen"]) == [20, 0, 0]  # 3/20 < 30 %
    assert site.entries <= 10 and site.evictions >= 1
    assert host_of("http://www.E.com:81/x") == "e.com"
    assert site.flags(None, ["Menu item"]) == [0]
    with pytest.raises(ValueError):
        SiteThresholds(min_documents=1)
    with pytest.raises(ValueError):
        SiteThresholds(min_share=0)


def _run(tmp_path: Path, out: Path, *extra: str) -> int:
    src = tmp_path / "corpus.jsonl"
    if not src.exists():
        write_jsonl(src, site_corpus())  # type: ignore[arg-type]
    return main(["batch", str(src), "-o", str(out), "--field", "text", "--workers", "0", "--quiet", *extra])


def test_cli_site_boilerplate_and_its_figures(tmp_path: Path) -> None:
    plain, site, stats = tmp_path / "plain.jsonl", tmp_path / "site.jsonl", tmp_path / "stats.json"
    assert _run(tmp_path, plain) == 0
    assert _run(tmp_path, site, "--site-boilerplate", "--stats", str(stats)) == 0
    before, after = read_jsonl(plain), read_jsonl(site)
    assert all(APPEAL in r["paragraphs"] for r in before[:6])
    for record in after[:6]:
        assert APPEAL not in record["paragraphs"] and FOOTER not in record["paragraphs"]
        assert record["dropped"]["site_repeat"] == 2
        assert record["text"] == "\n\n".join(record["paragraphs"])
    assert QUOTE in after[0]["paragraphs"] and QUOTE in after[1]["paragraphs"]
    assert after[6:] == before[6:]
    figures = json.loads(stats.read_text())
    assert figures["dropped"]["site_repeat"] == 12 and figures["rules"][RULE_ID] == 12
    assert figures["kept_paragraphs"] == sum(len(r["paragraphs"]) for r in after)
    assert figures["site_hosts"] == 2 and figures["site_examples"]


def test_resume_with_site_boilerplate_learns_from_the_whole_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reference, out = tmp_path / "ref.jsonl", tmp_path / "out.jsonl"
    assert _run(tmp_path, reference, "--site-boilerplate") == 0
    real = job.read_items

    def interrupted(paths: list[str], fields: Fields, fmt: object = None) -> Iterator[BatchItem]:
        for n, item in enumerate(real(paths, fields)):
            if n == 4:
                raise KeyboardInterrupt
            yield item

    monkeypatch.setattr(job, "read_items", interrupted)
    assert _run(tmp_path, out, "--site-boilerplate") == 130
    assert len(read_jsonl(tmp_path / "out.jsonl.partial")) == 4
    monkeypatch.setattr(job, "read_items", real)
    assert _run(tmp_path, out, "--site-boilerplate", "--resume") == 0
    assert read_jsonl(out) == read_jsonl(reference)
