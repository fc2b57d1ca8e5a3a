"""The characters a start-anchored pattern can begin its match with (a gate for the engine).

A text-cue rule's start patterns (``^…``) are tried on every short paragraph. Most of them can
only match a paragraph whose first character is one of a few letters (``^(?:view|show) …``
starts with ``v`` or ``s``), so the engine skips them on paragraphs that start otherwise. The
set is derived from the pattern itself, with the standard library's regular-expression parser,
and only from constructs whose first characters are certain: literals, small character sets,
``\\d``, groups, alternations, repeats and zero-width assertions. Anything else (``.``, negated
or large sets, other classes, back-references, case-insensitive flags, syntax the standard
parser does not read, such as ``\\p{L}``, or reads differently, such as ``[[:alpha:]]``) gives
None: no gate, the pattern runs everywhere.
A gate can only skip a paragraph on which the pattern cannot match, so results never change.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from typing import Any

# The standard library's parser (private modules, hence importlib: no stubs describe them).
try:  # Python 3.11+
    _sre = importlib.import_module("re._parser")
    _c = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover  # Python 3.10: possessive repeats do not parse there
    _sre = importlib.import_module("sre_parse")
    _c = importlib.import_module("sre_constants")

# The gate's name for "any decimal digit" (what ``\d`` matches, ``str.isdecimal``).
DIGIT = "\\d"
# Character ranges wider than this are not expanded: the pattern gets no gate.
MAX_RANGE = 64

_REPEATS = {
    getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name)
}
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}


class _Unknown(Exception):
    """The first characters of this construct are not certain."""


def _in_set(items: Iterable[tuple[Any, Any]]) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < MAX_RANGE:
            out.update(chr(x) for x in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            out.add(DIGIT)
        else:  # NEGATE, wide ranges, other classes
            raise _Unknown
    return out


def _first(items: Sequence[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """(first characters, whether the sequence can match the empty string)."""
    out: set[str] = set()
    for op, av in items:
        chars, empty = _item(op, av)
        out |= chars
        if not empty:
            return out, False
    return out, True


def _item(op: Any, av: Any) -> tuple[set[str], bool]:
    if op is _c.LITERAL:
        return {chr(av)}, False
    if op is _c.IN:
        return _in_set(av), False
    if op in _ZERO_WIDTH:
        return set(), True
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Unknown
        return _first(sub)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _first(av)
    if op is _c.BRANCH:
        out: set[str] = set()
        any_empty = False
        for alternative in av[1]:
            chars, empty = _first(alternative)
            out |= chars
            any_empty = any_empty or empty
        return out, any_empty
    if op in _REPEATS:
        low, _high, sub = av
        chars, empty = _first(sub)
        return chars, empty or low == 0
    raise _Unknown


def first_chars(patterns: Sequence[str]) -> frozenset[str] | None:
    """The characters any match of any of ``patterns`` begins with, or None if not certain.

    >>> sorted(first_chars([r"^(?:view|show) \\d++ comments$", r"^remind me"]))
    ['r', 's', 'v']
    >>> first_chars([r"^[\\W_]*+(?:foo)"]) is None
    True
    """
    out: set[str] = set()
    for pattern in patterns:
        if "[[" in pattern:  # POSIX classes or nested sets: read otherwise by the standard parser
            return None
        try:
            parsed = _sre.parse(pattern)
            if parsed.state.flags & _c.SRE_FLAG_IGNORECASE:
                return None
            chars, empty = _first(list(parsed))
        except (_Unknown, _c.error, TypeError, ValueError, OverflowError, RecursionError):
            return None
        if empty:  # the pattern can match an empty start: any paragraph
            return None
        out |= chars
    return frozenset(out)
