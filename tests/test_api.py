"""The public API: types, determinism, configuration, user rules, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from _data import scrapinghub_pages

import cleantext
from cleantext import Category, Config, InputKind, Rule

TEXT = (
    "The council approved the new budget on Tuesday after a long debate.\n"
    "Advertisement\n"
    "Schools will get more money next year, the mayor said.\n"
    "Share this article\n"
)


def test_all_exports_exist() -> None:
    for name in cleantext.__all__:
        assert hasattr(cleantext, name), name


def test_prepare_compiles_every_language_and_changes_no_result() -> None:
    config = cleantext.Config(disabled_rules=("share.bar",))  # a config prepare has not seen
    before = cleantext.clean_and_explain(TEXT, config=config).decisions
    cleantext.prepare(config)
    appeal = next(r for r in cleantext.default_rules() if r.id == "donation.appeal")
    compiled = appeal.matcher._compiled  # type: ignore[attr-defined]  # the per-language cache
    assert set(appeal.languages) <= set(compiled)
    assert cleantext.clean_and_explain(TEXT, config=config).decisions == before


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["<p>x</p>"], {"html": "x"}, object()])
def test_wrong_types_raise_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        cleantext.clean(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("source", ["", "   \n\n ", b"", b"\x00\x01\x02", "<html></html>", b"<p>"])
def test_empty_inputs_give_empty_results(source: str | bytes) -> None:
    result = cleantext.clean_and_explain(source)
    assert result.paragraphs == []
    assert isinstance(result.decisions, list)


def test_categories_are_lowercase_strings() -> None:
    required = {"donation", "comment", "caption", "newsletter", "paywall", "related", "share", "cta",
                "byline", "dateline", "headline", "cookie", "ad", "legal", "tags", "nav", "other"}
    assert required <= {c.value for c in Category}


def test_text_path_drops_with_reasons() -> None:
    result = cleantext.clean_and_explain(TEXT)
    assert result.paragraphs == [TEXT.splitlines()[0], TEXT.splitlines()[2]]
    assert [(d.category, d.rule) for d in result.dropped] == [
        (Category.AD, "ad.label"), (Category.SHARE, "share.bar")]
    assert all(d.evidence for d in result.dropped)


def test_disable_rule_and_category() -> None:
    cfg = Config(disabled_rules=frozenset({"ad.label"}), disabled_categories=frozenset({Category.SHARE}))
    assert cleantext.clean(TEXT, config=cfg) == [line for line in TEXT.splitlines() if line]


def test_drop_subset_keeps_other_categories_but_names_rule() -> None:
    result = cleantext.clean_and_explain(TEXT, config=Config(drop=frozenset({Category.AD})))
    share = [d for d in result.decisions if d.rule == "share.bar"]
    assert share and share[0].kept and share[0].category is Category.SHARE
    assert "Advertisement" not in result.paragraphs


def test_user_rules() -> None:
    text = TEXT + "Try our premium plan today\nThe mayor left at noon.\n"
    phrase = Rule.phrases("site.promo", "cta", ["try our premium plan"], anchor="start")
    pattern = Rule.pattern("site.mayor", Category.OTHER, r"^the mayor left\b")
    result = cleantext.clean_and_explain(text, config=Config(rules=(phrase, pattern)))
    rules = {d.text: d.rule for d in result.dropped}
    assert rules["Try our premium plan today"] == "site.promo"
    assert rules["The mayor left at noon."] == "site.mayor"


def test_user_token_rule_on_html() -> None:
    html = ("<html><body><article><p>The council approved the new budget on Tuesday after a long "
            "debate about schools and roads.</p><div class='promo-box'><p>Our summer offer is here"
            "</p></div></article></body></html>")
    rule = Rule.tokens("site.promo_box", Category.CTA, ["promo-box"])
    cfg = Config(rules=(rule,), extractor=cleantext.Extractor.NONE)
    result = cleantext.clean_and_explain(html, config=cfg)
    assert [d.rule for d in result.dropped] == ["site.promo_box"]


def test_forced_kind() -> None:
    html = "<p>The council met on Monday and approved the plan for the schools.</p>"
    as_text = cleantext.clean_and_explain(html, config=Config(input_kind=InputKind.TEXT))
    assert as_text.metadata.kind is InputKind.TEXT and as_text.paragraphs == [html]
    assert cleantext.clean_and_explain(html).metadata.kind is InputKind.HTML


def test_same_output_whatever_ran_before() -> None:
    pages = scrapinghub_pages(51)
    first = cleantext.clean_and_explain(pages[0][1])
    for _, html in pages[1:]:
        cleantext.clean(html)
    again = cleantext.clean_and_explain(pages[0][1])
    assert again == first


def test_html_metadata_and_encoding() -> None:
    html = ('<html lang="de-DE"><head><meta charset="iso-8859-1"><title>Stadt baut Brücke | Zeitung'
            '</title><meta name="author" content="Erika Muster"></head><body><article><h1>Stadt baut '
            "Brücke</h1><p>Die Stadt hat am Montag beschlossen, eine neue Brücke über den Fluss zu "
            "bauen, die 2027 fertig sein soll.</p></article></body></html>")
    result = cleantext.clean_and_explain(html.encode("latin-1"), url="https://example.org/a")
    meta = result.metadata
    assert (meta.language, meta.author, meta.url) == ("de", "Erika Muster", "https://example.org/a")
    assert meta.encoding == "cp1252"
    assert any("Brücke über den Fluss" in p for p in result.paragraphs)
    assert "Stadt baut Brücke" not in result.paragraphs


def test_to_dict_is_json() -> None:
    data = cleantext.clean_and_explain(TEXT).to_dict()
    assert json.loads(json.dumps(data))["dropped"] == {"ad": 1, "share": 1}


def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cleantext", *args], input=stdin, text=True,
                          capture_output=True, check=False, timeout=120)


def test_cli_clean_explain_rules(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "t.txt"
    path.write_text(TEXT, encoding="utf-8")
    out = _cli("clean", str(path))
    assert out.returncode == 0 and "Advertisement" not in out.stdout and "mayor said" in out.stdout
    record = json.loads(_cli("clean", "--json", "-", stdin=TEXT).stdout)
    assert record["dropped"] == {"ad": 1, "share": 1}
    explain = _cli("explain", str(path)).stdout.splitlines()
    assert explain[1].startswith("DROP ad:ad.label")
    assert "donation.appeal" in _cli("rules").stdout
    assert _cli("clean", str(tmp_path / "missing.html")).returncode == 2


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
     bytes((i * 7919 + 13) % 256 for i in range(50_000))],
)
def test_binary_bytes_give_an_empty_result_that_says_so(data: bytes) -> None:
    result = cleantext.clean_and_explain(data)
    assert result.paragraphs == [] and result.decisions == []
    assert (result.metadata.encoding, result.metadata.truncated) == ("binary", "binary")


def test_bytes_like_objects_other_than_bytes_are_type_errors() -> None:
    for bad in (bytearray(b"<p>x</p>"), memoryview(b"<p>x</p>")):
        with pytest.raises(TypeError):
            cleantext.clean(bad)  # type: ignore[arg-type]


def test_a_user_pattern_that_times_out_is_abandoned_not_raised() -> None:
    rule = Rule.pattern("site.slow", Category.OTHER, r"^(a|aa)+$", max_chars=1000)
    text = "The council met on Monday to approve the plan.\n" + "a" * 200 + "!"
    cfg = Config(rules=(rule,), limits=cleantext.Limits(regex_timeout=0.05))
    result = cleantext.clean_and_explain(text, config=cfg)
    assert result.paragraphs[0] == "The council met on Monday to approve the plan."
    assert all(d.rule != "site.slow" for d in result.decisions)


def test_every_drop_names_its_rule_category_and_evidence() -> None:
    rule_ids = {r.id for r in cleantext.default_rules()}
    for _, html in scrapinghub_pages(30):
        result = cleantext.clean_and_explain(html)
        assert [d.text for d in result.decisions if d.kept] == result.paragraphs
        for d in result.dropped:
            assert d.rule in rule_ids and d.category is not None and d.evidence, d
