"""Bytes to text, and the characters no parser should see.

Decoding order, every step cheap (a few passes over the bytes at C speed, no detection
library):

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. UTF-16 or UTF-32 without a mark, recognised by the NUL bytes of its ASCII characters;
3. the charset given by the caller (``Config.charset``, from an HTTP header), then the one
   the page declares in its first 4 KB (``<meta charset>``, ``http-equiv``, XML
   declaration) — but bytes that are valid UTF-8 *and* contain non-ASCII text are UTF-8
   whatever the label says (servers that label every page latin-1 are common; legacy text is
   practically never valid UTF-8);
4. strict UTF-8;
5. the declared charset again, replacing the few bytes it cannot decode (a Shift-JIS page
   with one bad byte stays Shift-JIS);
6. UTF-8 that decodes each stray invalid byte on its own as Windows-1252, when most non-ASCII
   bytes form valid UTF-8 (a UTF-8 page with a few latin-1 bytes stays readable);
7. the documented fallback: Windows-1252, which decodes any byte.

Labels follow the WHATWG encoding standard where Python's codec of the same name is stricter
than browsers: latin-1 and ASCII mean Windows-1252, Shift_JIS means cp932, EUC-KR means cp949,
GB2312/GBK mean GB18030; a page that declares UTF-16 in ASCII-compatible bytes is UTF-8.
``decode`` returns the name of the decoding used (``Result.metadata.encoding``).
"""

from __future__ import annotations

import codecs
from collections.abc import Mapping
from types import MappingProxyType

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
# Python codec names (after codecs.lookup) replaced by the superset browsers use.
_WHATWG: Mapping[str, str] = MappingProxyType({
    "latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254",
    "iso8859-11": "cp874", "tis-620": "cp874", "shift_jis": "cp932", "euc_kr": "cp949",
    "gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs",
    "utf-16": "utf-8", "utf-16-le": "utf-8", "utf-16-be": "utf-8",
    "utf-32": "utf-8", "utf-32-le": "utf-8", "utf-32-be": "utf-8",
})
# Codecs that are not charsets of web pages (compression, base64, rot13...).
_NOT_TEXT = frozenset({"base64", "bz2", "hex", "quopri", "rot-13", "uu", "zlib", "idna", "punycode"})
# Control characters (C0 but tab, newline, carriage return; DEL; C1, which trafilatura removes
# too), non-characters, lone surrogates.
_BAD_CHARS = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]++")
# How much of the start is looked at to recognise UTF-16/32 without a byte-order mark.
_SNIFF_BYTES = 4096
# Share of the NUL-carrying positions that must be NUL (ASCII text in UTF-16/32).
_NUL_SHARE = 0.6


def _codec(name: str | None) -> str | None:
    """The Python codec for a charset label (WHATWG superset), or None if unknown."""
    if not name:
        return None
    try:
        info = codecs.lookup(name.strip().strip("\"'").lower())
    except LookupError:
        return None
    if info.name in _NOT_TEXT or not getattr(info, "_is_text_encoding", True):
        return None
    return _WHATWG.get(info.name, info.name)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB, if any and if known."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    label = (m.group(1) or m.group(2) or b"").decode("ascii", "ignore")
    return _codec(label)


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


codecs.register_error("cleantext-cp1252repair", _cp1252repair)


def _try(data: bytes, codec: str, errors: str = "strict") -> str | None:
    try:
        return data.decode(codec, errors)
    except (UnicodeDecodeError, LookupError):
        return None


def _nul_pattern(data: bytes) -> str | None:
    """UTF-16/32 without a byte-order mark: NUL bytes where ASCII characters have them."""
    head = data[:_SNIFF_BYTES]
    if len(head) < 8 or head.count(0) < len(head) // 4:
        return None
    for codec, width, zeros in (
        ("utf-32-le", 4, (1, 2, 3)), ("utf-32-be", 4, (0, 1, 2)),
        ("utf-16-le", 2, (1,)), ("utf-16-be", 2, (0,)),
    ):
        n = len(head) // width
        if all(head[z::width][:n].count(0) >= _NUL_SHARE * n for z in zeros):
            other = [i for i in range(width) if i not in zeros]
            if all(head[o::width][:n].count(0) < (1 - _NUL_SHARE) * n for o in other):
                return codec
    return None


def _utf8_share(data: bytes) -> float:
    """Share of the non-ASCII bytes (in the first 200 KB) that form valid UTF-8 sequences."""
    head = data[:200_000]
    non_ascii = len(head) - len(head.decode("ascii", errors="ignore"))
    if not non_ascii:
        return 1.0
    valid = len(head.decode("utf-8", errors="ignore").encode("utf-8")) - (len(head) - non_ascii)
    return max(0.0, valid / non_ascii)


def decode(data: bytes, charset: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return the text and the name of the decoding used.

    >>> decode("café".encode("utf-8"))
    ('café', 'utf-8')
    >>> decode(b"caf\\xe9 ol\\xc3\\xa9")[1]
    'utf-8+cp1252-repair'
    >>> decode("<p>été</p>".encode("utf-16-le"))
    ('<p>été</p>', 'utf-16-le')
    >>> decode(b'<meta charset="iso-8859-1"><p>caf\\xc3\\xa9</p>')[1]
    'utf-8'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec.replace("-sig", ""), errors="replace"), codec
    sniffed = _nul_pattern(data)
    if sniffed:
        return data.decode(sniffed, errors="replace"), sniffed
    utf8 = _try(data, "utf-8")
    declared = [c for c in (_codec(charset), declared_charset(data)) if c]
    if utf8 is not None and (not declared or not data.isascii()):
        return utf8, "utf-8"
    for codec in declared:
        text = _try(data, codec)
        if text is not None:
            return text, codec
    if utf8 is not None:
        return utf8, "utf-8"
    for codec in declared:
        if codec != "utf-8":
            text = _try(data, codec, "replace")
            if text is not None and text.count("\ufffd") <= max(2, len(text) // 1000):
                return text, codec + "+replace"
    if _utf8_share(data) >= 0.5:
        return data.decode("utf-8", errors="cleantext-cp1252repair"), "utf-8+cp1252-repair"
    return data.decode("cp1252", errors="replace"), "cp1252"


# The characters _BAD_CHARS removes, but surrogates (found by the strict encode instead).
_BAD_SINGLES = tuple(
    chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0), 0xFFFE, 0xFFFF)
)


_ASCII_BAD = tuple(ch for ch in _BAD_SINGLES if ch.isascii())


def _has_bad_chars(text: str) -> bool:
    """A quick check in C (substring search and a strict encode) before the regex pass."""
    if text.isascii():  # no surrogate and no bad character above 0x7F can be in it
        return any(ch in text for ch in _ASCII_BAD)
    if any(ch in text for ch in _BAD_SINGLES):
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return True
    return False


def sanitize(text: str) -> str:
    """Remove control characters, non-characters and lone surrogates (never cut the text).

    >>> sanitize("a\\x00b\\ufffec")
    'abc'
    """
    if not _has_bad_chars(text):
        return text
    return str(_BAD_CHARS.sub("", text))
