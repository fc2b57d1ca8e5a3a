"""Reading a date out of a dateline line (for metadata only)."""

from __future__ import annotations

import regex

from cleantext.fold import fold

# Month names by their distinctive start, in the bundled languages (en de fr es it pt nl pl).
_MONTH_PREFIXES = (
    ("jan", "ene", "gen", "sty", "janv"),
    ("feb", "fév", "fev", "lut", "febr"),
    ("mar", "mär", "maa", "mars"),
    ("apr", "avr", "abr", "kwi"),
    ("may", "mai", "mag", "mei", "maj"),
    ("jun", "juin", "giu", "cze"),
    ("jul", "juil", "lug", "lip"),
    ("aug", "aoû", "aou", "ago", "sie"),
    ("sep", "set", "wrz"),
    ("oct", "okt", "ott", "out", "paź", "paz"),
    ("nov", "lis"),
    ("dec", "dez", "déc", "dic", "gru"),
)
_ISO = regex.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_DMY = regex.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_WORDS = regex.compile(r"\w++")


def _month(word: str) -> int | None:
    if len(word) < 3 or word.isdigit():
        return None
    for number, prefixes in enumerate(_MONTH_PREFIXES, start=1):
        if word.startswith(prefixes):
            return number
    return None


def date_from_text(text: str) -> str | None:
    """An ISO date (YYYY-MM-DD) from a dateline such as "Tuesday 19 February 2019", else None.

    >>> date_from_text("Tuesday 19 February 2019 09:19 EST")
    '2019-02-19'
    >>> date_from_text("Updated: 03.04.2021")
    '2021-04-03'
    """
    folded = fold(text)
    if m := _ISO.search(folded):
        return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
    if m := _DMY.search(folded):
        return f"{int(m[3]):04d}-{int(m[2]):02d}-{int(m[1]):02d}"
    words = _WORDS.findall(folded)
    year = next((w for w in words if len(w) == 4 and w.isdigit() and w[:2] in ("19", "20")), None)
    month = next((n for w in words if (n := _month(w))), None)
    day = next((int(w) for w in words if w.isdigit() and 1 <= int(w) <= 31 and len(w) <= 2), None)
    if year and month and day:
        return f"{year}-{month:02d}-{day:02d}"
    return None
