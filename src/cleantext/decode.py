"""Bytes to text, and the characters no parser should see.

Decoding order (cheap checks first): a byte-order mark; the charset given by the caller (an
HTTP header); a charset declared in the first 4 KB of the page (``<meta charset>``,
``http-equiv``, XML declaration); strict UTF-8; UTF-8 that repairs stray single bytes as
Windows-1252 (a UTF-8 page with a few latin-1 bytes keeps its UTF-8 text readable); and
finally Windows-1252, which decodes any byte. ``decode`` reports which one it used.
"""

from __future__ import annotations

import codecs

import regex

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = regex.compile(
    rb"""<meta[^>]{0,200}?charset\s*+=\s*+["']?\s*+([a-zA-Z0-9_.:-]{1,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*+=\s*+["']([a-zA-Z0-9_.:-]{1,40})""",
    regex.IGNORECASE,
)
# Control characters (but tab, newline, carriage return), non-characters, lone surrogates.
_BAD_CHARS = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]++")


def _codec(name: str | None) -> str | None:
    """The Python codec for a charset label, or None if unknown."""
    if not name:
        return None
    try:
        info = codecs.lookup(name.strip().strip("\"'").lower())
    except LookupError:
        return None
    # Pages that declare latin-1 or ASCII are in practice Windows-1252 (the WHATWG rule).
    if info.name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return info.name


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB, if any and if known."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    label = (m.group(1) or m.group(2) or b"").decode("ascii", "ignore")
    return _codec(label)


def _utf8_repairing(data: bytes) -> str:
    """UTF-8, decoding any invalid byte on its own as Windows-1252."""
    return data.decode("utf-8", errors="cp1252repair")


def _cp1252repair(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad = bytes(err.object[err.start : err.end])
    return "".join(_byte_cp1252(b) for b in bad), err.end


def _byte_cp1252(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:  # the five bytes Windows-1252 leaves undefined
        return chr(b)


codecs.register_error("cp1252repair", _cp1252repair)


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes, charset: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return the text and the name of the decoding used.

    >>> decode("café".encode("utf-8"))
    ('café', 'utf-8')
    >>> decode(b"caf\\xe9 ol\\xc3\\xa9")[1]
    'utf-8+cp1252-repair'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec.replace("-sig", ""), errors="replace"), codec
    for codec_name in (_codec(charset), declared_charset(data)):
        if codec_name and codec_name != "utf-8":
            text = _try(data, codec_name)
            if text is not None:
                return text, codec_name
    text = _try(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    repaired = _utf8_repairing(data)
    # Mostly valid UTF-8 with stray bytes: keep the repair; mostly invalid: a legacy charset.
    if _utf8_share(data) >= 0.5:
        return repaired, "utf-8+cp1252-repair"
    return data.decode("cp1252", errors="replace"), "cp1252"


def _utf8_share(data: bytes) -> float:
    """Share of non-ASCII bytes that form valid UTF-8 sequences."""
    non_ascii = sum(1 for b in data[:200_000] if b >= 0x80)
    if not non_ascii:
        return 1.0
    valid = len(data[:200_000].decode("utf-8", errors="ignore").encode("utf-8")) - (
        len(data[:200_000]) - non_ascii
    )
    return max(0.0, valid / non_ascii)


def sanitize(text: str) -> str:
    """Remove control characters, non-characters and lone surrogates (never cut the text)."""
    return _BAD_CHARS.sub("", text)
