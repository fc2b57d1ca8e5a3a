"""Paragraph and Decision set their fields through slot setters: they must behave as the
frozen dataclasses they are declared as (every field set, in order, same signature)."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from typing import Any

import pytest

from cleantext.model import Category, Decision, Paragraph, Stage

# A value for every field, none of them the default, no two alike.
_VALUES: dict[type, dict[str, Any]] = {
    Paragraph: {
        "index": 3,
        "text": "Share this",
        "folded": "share this",
        "tag": "li",
        "link_density": 0.5,
        "tokens": frozenset({"share"}),
        "in_figure": True,
        "blank_before": False,
        "blank_after": False,
    },
    Decision: {
        "text": "Share this",
        "kept": False,
        "category": Category.SHARE,
        "rule": "share.bar",
        "evidence": "share this",
        "stage": Stage.LINE,
    },
}


@pytest.mark.parametrize("cls", [Paragraph, Decision])
def test_init_is_the_dataclass_init(cls: type) -> None:
    fields = dataclasses.fields(cls)
    params = list(inspect.signature(cls).parameters.values())
    assert [p.name for p in params] == [f.name for f in fields]
    assert [p.default for p in params] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields
    ]
    values = _VALUES[cls]
    assert set(values) == {f.name for f in fields}
    by_name, by_place = cls(**values), cls(*values.values())
    assert {f.name: getattr(by_name, f.name) for f in fields} == values
    assert by_name == by_place and hash(by_name) == hash(by_place)
    assert repr(by_name) == f"{cls.__name__}(" + ", ".join(f"{k}={v!r}" for k, v in values.items()) + ")"
    assert pickle.loads(pickle.dumps(by_name)) == by_name
    assert dataclasses.replace(by_name) == by_name
    with pytest.raises(dataclasses.FrozenInstanceError):
        by_name.text = "other"  # type: ignore[misc]  # frozen: the assignment must raise


def test_defaults_are_set() -> None:
    p = Paragraph(0, "A", "a")
    assert (p.tag, p.link_density, p.tokens, p.in_figure, p.blank_before, p.blank_after) == (
        "p",
        0.0,
        frozenset(),
        False,
        True,
        True,
    )
    d = Decision("A", True)
    assert (d.category, d.rule, d.evidence, d.stage) == (None, None, None, Stage.KEEP)
