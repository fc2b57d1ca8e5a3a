"""Loading the per-language phrase packs (package data, ``packs/<lang>.json``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from cleantext.rules.base import WORD, Anchor


@dataclass(frozen=True)
class PackRule:
    """One rule's phrases, examples and counterexamples in one language."""

    phrases: dict[Anchor, tuple[str, ...]]
    patterns: tuple[str, ...]
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...]


@dataclass(frozen=True)
class Pack:
    """A language pack: its vocabulary and its rules' phrases."""

    language: str
    name: str
    vocab: dict[str, tuple[str, ...]]
    rules: dict[str, PackRule]


def _pack_rule(data: dict[str, Any]) -> PackRule:
    return PackRule(
        phrases={a: tuple(data.get(a.value, ())) for a in Anchor},
        patterns=tuple(data.get("patterns", ())),
        examples=tuple(data.get("examples", ())),
        counterexamples=tuple(data.get("counterexamples", ())),
    )


def parse_pack(data: dict[str, Any]) -> Pack:
    """Build a :class:`Pack` from the JSON structure described in docs/language-packs.md."""
    return Pack(
        language=str(data["language"]),
        name=str(data.get("name", data["language"])),
        vocab={k: tuple(v) for k, v in data.get("vocab", {}).items()},
        rules={rid: _pack_rule(r) for rid, r in data.get("rules", {}).items()},
    )


@cache
def bundled_packs() -> tuple[Pack, ...]:
    """The packs shipped with the library, sorted by language code.

    Cached: the files are read-only package data, so the cache cannot change any result.
    """
    root = resources.files("cleantext.rules") / "packs"
    packs = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            packs.append(parse_pack(json.loads(entry.read_text(encoding="utf-8"))))
    return tuple(packs)


def languages() -> tuple[str, ...]:
    """Codes of the bundled languages."""
    return tuple(p.language for p in bundled_packs())


@cache
def bundled_words() -> frozenset[str]:
    """Every run of letters of every phrase of the bundled packs (read-only package data, read
    once): the only words the bundled rules' word gates can ask the document's index about."""
    words: set[str] = set()
    for pack in bundled_packs():
        for rule in pack.rules.values():
            for phrases in rule.phrases.values():
                for phrase in phrases:
                    words.update(WORD.findall(phrase))
    return frozenset(words)
