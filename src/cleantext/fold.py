"""The matching copy of a text: folded case, look-alike letters, quotes, dashes and spaces.

Rules match on ``fold(text)``; the text returned to the user is never altered.

>>> fold("  Ѕupport  OUR  journalism ")
'support our journalism'
>>> fold("Don’t miss — it")
"don't miss - it"
"""

from __future__ import annotations

import re
import unicodedata

import regex

# Cyrillic and Greek letters that look like Latin ones; some sites write boilerplate with them
# so that filters miss it. Mapped only in texts that also contain Latin letters.
_CONFUSABLES = {
    # Cyrillic lower / upper
    "а": "a", "в": "b", "с": "c", "е": "e", "һ": "h", "і": "i", "ј": "j", "к": "k", "м": "m",
    "н": "h", "о": "o", "р": "p", "ѕ": "s", "т": "t", "у": "y", "х": "x", "ԁ": "d", "ԛ": "q",
    "ԝ": "w", "ӏ": "l", "ѵ": "v", "ɡ": "g",
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "Ј": "J", "К": "K", "М": "M",
    "О": "O", "Р": "P", "Ѕ": "S", "Т": "T", "У": "Y", "Х": "X", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W",
    # Greek
    "α": "a", "ο": "o", "ρ": "p", "ν": "v", "κ": "k", "ι": "i", "τ": "t", "υ": "u",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}
_CONFUSABLE_TABLE = str.maketrans(_CONFUSABLES)

_PUNCT_TABLE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"',
        "\u00bb": '"', "\u2033": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
        "\u2014": "-", "\u2015": "-", "\u2212": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
        "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\u00ad": "",
        "\u2026": "...",
    }
)

# The characters the table changes, each looked for with ``in`` and replaced in one
# ``str.replace``: the thirty-odd ``in`` scans (memchr-like) cost 0.6 of one search of the text
# for the class with the standard library's engine (itself a third of ``regex``'s); ``str.translate``
# with a dict table looks up every character of the text and costs six times as much on real
# pages, a substitution with a function call per match twice as much.
_PUNCT_CHARS = tuple((chr(c), str(new)) for c, new in _PUNCT_TABLE.items())

_LATIN = regex.compile(r"\p{Script=Latin}")
_LOOKALIKE = regex.compile(r"[\p{Script=Cyrillic}\p{Script=Greek}]")
# Greek and Cyrillic begin at U+0370: a text without a character from there on (an ASCII one
# above all) has no look-alike; a quick check before the script lookup.
_WIDE = re.compile(r"[^\x00-\u036f]")


def fold(text: str) -> str:
    """Return the matching copy of ``text`` (lower case, Latin look-alikes, single spaces)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        for char, new in _PUNCT_CHARS:
            if char in text:
                text = text.replace(char, new)
        if not text.isascii() and _WIDE.search(text) and _LOOKALIKE.search(text) and _LATIN.search(text):
            text = text.translate(_CONFUSABLE_TABLE)
    return normalize_space(text).casefold()


def normalize_space(text: str) -> str:
    """Collapse runs of white space to one space and strip the ends (text otherwise as is)."""
    # A printable text holds no white space but the space (str.isprintable() is False for every
    # other character str.split() splits on): with no two spaces in a row and none at either
    # end it is its own result, checked at a fraction of the cost of splitting and joining.
    if text.isprintable() and "  " not in text and not text.startswith(" ") and not text.endswith(" "):
        return text
    # str.split() splits on regex ``\s`` plus U+001C..U+001F (which cleantext.decode.sanitize
    # removes from every input) at a third of the cost on long texts.
    return " ".join(text.split())
