"""The hostile-input suite: every input finishes in bounded time with a result (issue 4).

Each input must finish within ``LIMIT_SECONDS`` of CPU time on one core, return a
:class:`~cleantext.Result` (or raise the documented ``TypeError`` for a wrong type), keep the
article text that precedes the hostile part, and say which limit cut it when one did.
"""

from __future__ import annotations

import time

import pytest
from _hostile import ARTICLE, Case, cases

from cleantext import Result, clean, clean_and_explain

LIMIT_SECONDS = 5.0


def _timed(source: str | bytes) -> tuple[Result, float]:
    start = time.process_time()
    result = clean_and_explain(source)
    return result, time.process_time() - start


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name)
def test_hostile_input(case: Case) -> None:
    source = case.build()
    result, seconds = _timed(source)
    print(f"\n{case.name}: {seconds:.2f} s, {len(result.paragraphs)} paragraphs, "
          f"truncated={result.metadata.truncated}, encoding={result.metadata.encoding}")
    assert seconds < LIMIT_SECONDS, f"{case.name} took {seconds:.2f} s"
    assert isinstance(result, Result)
    if case.article:
        missing = [p for p in ARTICLE if p not in result.paragraphs]
        assert not missing, f"article text lost: {missing[0][:60]}"
    reasons = set((result.metadata.truncated or "").split(","))
    assert case.truncated <= reasons, f"expected truncation {sorted(case.truncated)}, got {reasons}"
    text = "\n".join(d.text for d in result.decisions)
    for needle in case.absent:
        assert needle not in text, f"{needle!r} in the output"


@pytest.mark.parametrize("source", [None, 42, 4.2, ["<p>x</p>"], {"html": "x"}, object()])
def test_wrong_types_raise_type_error(source: object) -> None:
    with pytest.raises(TypeError):
        clean_and_explain(source)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        clean(source)  # type: ignore[arg-type]


def test_never_returns_none() -> None:
    for source in ("", b"", " ", "<", "<html>", b"\xff\xfe", "\x00"):
        result = clean_and_explain(source)
        assert isinstance(result, Result)
        assert isinstance(result.paragraphs, list)


def test_decoding_keeps_text_readable() -> None:
    from _hostile import article_html

    french = "Le café de la gare a rouvert ses portes après les inondations de l'été dernier."
    page = article_html(f"<p>{french}</p>")
    variants = {
        "utf-16": page.encode("utf-16"),
        "utf-16-le": page.encode("utf-16-le"),
        "latin-1 label on utf-8": page.replace("charset=utf-8", "charset=iso-8859-1").encode(),
        "utf-8 label on latin-1": page.encode("latin-1"),
    }
    for name, data in variants.items():
        result = clean_and_explain(data)
        assert french in result.paragraphs, name
    mixed = clean_and_explain(page.encode() + "<p>Fin de l'été, à bientôt.</p>".encode("latin-1"))
    assert french in mixed.paragraphs
    assert mixed.metadata.encoding == "utf-8+cp1252-repair"


def test_shift_jis_by_declared_and_by_caller_charset() -> None:
    from _hostile import article_html

    from cleantext import Config

    japanese = "東京では強い雨が降り、多くの電車が止まりました。川の水位も上がっています。"
    page = article_html(f"<p>{japanese}</p>")
    declared = page.replace("charset=utf-8", "charset=shift_jis").encode("cp932")
    assert japanese in clean(declared)
    undeclared = page.replace("<meta charset=utf-8>", "").encode("cp932")
    result = clean_and_explain(undeclared, config=Config(charset="Shift_JIS"))
    assert japanese in result.paragraphs
    assert result.metadata.encoding == "cp932"


def test_limits_are_reported_never_silent() -> None:
    from _hostile import nesting

    from cleantext import Config
    from cleantext.config import Limits

    result = clean_and_explain(nesting(1_000), config=Config(limits=Limits(max_depth=50)))
    assert result.metadata.truncated == "max_depth"
    assert "After the nesting." in result.paragraphs
    small = Config(limits=Limits(max_paragraphs=3))
    result = clean_and_explain("\n".join(f"Line number {i} of a long text." for i in range(10)), config=small)
    assert result.metadata.truncated == "max_paragraphs"
    last = result.decisions[-1]
    assert (last.rule, last.kept) == ("limit.paragraphs", False)
    assert "Line number 9 of a long text." in last.text
