"""Read corpora as :class:`~cleantext.batch.BatchItem` objects and write output records.

Inputs: JSONL (plain, gzip or zstd, detected from the first bytes), Parquet (extra ``parquet``)
and WARC / .warc.gz (extra ``warc``; HTML response records only). Outputs: JSONL (plain, .gz,
.zst by file name) and Parquet (.parquet). Optional libraries are imported only when a file
needs them; a missing one raises :class:`MissingExtraError` naming the extra to install.
"""

from __future__ import annotations

import gzip
import importlib
import io
import json
import sys
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from types import ModuleType
from typing import IO, Any, Protocol

from cleantext.batch.types import BatchItem, Outcome, as_item, error_message
from cleantext.model import Metadata, StrEnum

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
PARQUET_BATCH_ROWS = 64
PARQUET_WRITE_ROWS = 1000
HTML_TYPES = ("text/html", "application/xhtml+xml")


class MissingExtraError(ImportError):
    """An optional library is needed for this file; the message names the extra to install."""


def require(module: str, extra: str) -> ModuleType:
    """Import ``module`` or raise :class:`MissingExtraError` naming ``pip install cleantext-web[extra]``.

    >>> require("json", "none").__name__
    'json'
    """
    try:
        return importlib.import_module(module)
    except ImportError as err:
        raise MissingExtraError(
            f"{module.split('.')[0]} is needed for this file: pip install 'cleantext-web[{extra}]'"
        ) from err


class InputFormat(StrEnum):
    """Kinds of input file (``input_format`` guesses it from the name)."""

    JSONL = "jsonl"
    PARQUET = "parquet"
    WARC = "warc"



class OutputFormat(StrEnum):
    """Kinds of output file (``output_format`` guesses it from the name)."""

    JSONL = "jsonl"
    PARQUET = "parquet"



class Compression(StrEnum):
    """Compression of a JSONL output, from its name (``.gz``, ``.zst``)."""

    NONE = "none"
    GZIP = "gzip"
    ZSTD = "zstd"



@dataclass(frozen=True, slots=True)
class Fields:
    """Which record fields hold the source, the id and the URL (dotted paths reach into objects).

    >>> Fields(url="metadata.url").url
    'metadata.url'
    """

    source: str = "html"
    id: str = "id"
    url: str = "url"


def _stem(path: str) -> str:
    name = Path(path).name.lower()
    for suffix in (".gz", ".zst", ".zstd"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def input_format(path: str) -> InputFormat:
    """The input format a file name suggests (JSONL unless it says Parquet or WARC).

    >>> [input_format(p).value for p in ("a.jsonl.zst", "b.parquet", "c.warc.gz", "-")]
    ['jsonl', 'parquet', 'warc', 'jsonl']
    """
    stem = _stem(path)
    if stem.endswith((".parquet", ".pq")):
        return InputFormat.PARQUET
    if stem.endswith((".warc", ".arc")):
        return InputFormat.WARC
    return InputFormat.JSONL


def output_format(path: str) -> tuple[OutputFormat, Compression]:
    """The output format and compression a file name asks for.

    >>> [(f.value, c.value) for f, c in map(output_format, ("o.jsonl.gz", "o.parquet", "o.zst"))]
    [('jsonl', 'gzip'), ('parquet', 'none'), ('jsonl', 'zstd')]
    """
    name = Path(path).name.lower()
    if name.endswith((".parquet", ".pq")):
        return OutputFormat.PARQUET, Compression.NONE
    if name.endswith(".gz"):
        return OutputFormat.JSONL, Compression.GZIP
    if name.endswith((".zst", ".zstd")):
        return OutputFormat.JSONL, Compression.ZSTD
    return OutputFormat.JSONL, Compression.NONE


# ---------------------------------------------------------------------------- reading


def lookup(record: Mapping[str, Any], path: str) -> tuple[bool, Any]:
    """``(found, value)`` for a field name or a dotted path into nested objects.

    >>> lookup({"metadata": {"url": "u"}}, "metadata.url"), lookup({"a": 1}, "b")
    ((True, 'u'), (False, None))
    """
    if path in record:
        return True, record[path]
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return False, None
        value = value[part]
    return True, value


def item_from_record(record: object, fields: Fields, where: str) -> BatchItem:
    """A :class:`BatchItem` from one decoded JSON or Parquet record (problems become input errors).

    >>> item_from_record({"html": "<p>x</p>", "id": "a"}, Fields(), "in.jsonl:1").id
    'a'
    >>> item_from_record({"text": "x"}, Fields(), "in.jsonl:2").error
    "input: in.jsonl:2: no field 'html'"
    """
    if isinstance(record, str):
        return BatchItem(record)
    if not isinstance(record, Mapping):
        return BatchItem(None, error=error_message(Outcome.INPUT, f"{where}: record is not an object"))
    found, source = lookup(record, fields.source)
    url = lookup(record, fields.url)[1]
    item = as_item({"source": source, "id": lookup(record, fields.id)[1], "url": url})
    if not found:
        detail = f"{where}: no field {fields.source!r}"
        return BatchItem(None, item.id, item.url, error=error_message(Outcome.INPUT, detail))
    if item.error is not None:
        detail = item.error.removeprefix(Outcome.INPUT.value + ": ").replace("source", repr(fields.source), 1)
        return BatchItem(None, item.id, item.url, error=error_message(Outcome.INPUT, f"{where}: {detail}"))
    return item


def is_compressed(path: str) -> bool:
    """Whether a file starts like gzip or zstd data."""
    with open(path, "rb") as f:
        head = f.read(4)
    return head.startswith((GZIP_MAGIC, ZSTD_MAGIC))


@contextmanager
def open_input(path: str) -> Iterator[IO[bytes]]:
    """A binary stream of a file (``-``: stdin), decompressed when it starts like gzip or zstd."""
    raw: Any = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115  # closed below
    try:
        head = raw.peek(4)[:4] if hasattr(raw, "peek") else b""
        if head.startswith(GZIP_MAGIC):
            yield gzip.GzipFile(fileobj=raw)  # type: ignore[misc]  # a GzipFile is a binary IO
        elif head.startswith(ZSTD_MAGIC):
            zstd = require("zstandard", "zstd")
            reader = zstd.ZstdDecompressor().stream_reader(raw, read_across_frames=True)
            yield io.BufferedReader(reader)
        else:
            yield raw
    finally:
        if raw is not sys.stdin.buffer:
            raw.close()


def read_jsonl(path: str, fields: Fields) -> Iterator[BatchItem]:
    """One item per non-blank line; a line that is not JSON becomes an item with an input error."""
    with open_input(path) as stream:
        for lineno, line in enumerate(stream, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                record = json.loads(line)
            except ValueError as err:
                detail = f"{where}: not a JSON record ({type(err).__name__})"
                yield BatchItem(None, error=error_message(Outcome.INPUT, detail))
                continue
            yield item_from_record(record, fields, where)


def read_parquet(path: str, fields: Fields) -> Iterator[BatchItem]:
    """One item per row; only the source, id and URL columns are read, in small batches."""
    pq = require("pyarrow.parquet", "parquet")
    table = pq.ParquetFile(path)
    names = table.schema_arrow.names
    top = [f.split(".")[0] if f not in names else f for f in (fields.source, fields.id, fields.url)]
    if top[0] not in names:
        raise ValueError(f"{path}: no column {fields.source!r} (columns: {', '.join(names)})")
    columns = list(dict.fromkeys(c for c in top if c in names))
    row = 0
    for batch in table.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=columns):
        for record in batch.to_pylist():
            row += 1
            yield item_from_record(record, fields, f"{path}:row {row}")


def parquet_rows(path: str) -> int:
    """Number of rows of a Parquet file (for a progress bar's total)."""
    pq = require("pyarrow.parquet", "parquet")
    return int(pq.ParquetFile(path).metadata.num_rows)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _looks_html(payload: bytes) -> bool:
    head = payload[:2048].lower()
    return b"<html" in head or b"<!doctype html" in head


def _warc_item(record: Any) -> BatchItem | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    ctype = record.http_headers.get_header("Content-Type") or ""
    if ctype and not ctype.split(";")[0].strip().lower().startswith(HTML_TYPES):
        return None
    rid = record.rec_headers.get_header("WARC-Record-ID")
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        payload = record.content_stream().read()
    except Exception as err:  # a broken transfer or content encoding is one bad record, not a failed run
        detail = f"WARC record {rid}: payload unreadable ({type(err).__name__}: {err})"
        return BatchItem(None, rid, url, error=error_message(Outcome.INPUT, detail))
    if not ctype and not _looks_html(payload):
        return None
    return BatchItem(payload, rid, url, charset=_charset(ctype))


def read_warc(path: str) -> Iterator[BatchItem]:
    """One item per HTML response record; id is its WARC-Record-ID, url its WARC-Target-URI."""
    archive = require("warcio.archiveiterator", "warc")
    with open(path, "rb") as stream:
        for record in archive.ArchiveIterator(stream):
            item = _warc_item(record)
            if item is not None:
                yield item


def read_file(path: str, fields: Fields, fmt: InputFormat | None = None) -> Iterator[BatchItem]:
    """The items of one input file, in the given or guessed format."""
    kind = fmt or input_format(path)
    if kind is InputFormat.PARQUET:
        return read_parquet(path, fields)
    if kind is InputFormat.WARC:
        return read_warc(path)
    return read_jsonl(path, fields)


def read_items(paths: list[str], fields: Fields, fmt: InputFormat | None = None) -> Iterator[BatchItem]:
    """The items of every input in turn; an item without id gets its record number (from 0)."""
    number = 0
    for path in paths:
        try:
            for item in read_file(path, fields, fmt):
                if item.id is None:
                    item = BatchItem(item.source, number, item.url, item.charset, item.error)
                yield item
                number += 1
        except (ValueError, MissingExtraError):
            raise
        except Exception as err:  # truncated gzip, zstd frame errors, Arrow and WARC format errors
            detail = f"{type(err).__name__}: {err}"
            raise ValueError(f"{path}: unreadable after {number} records ({detail})") from err


# ---------------------------------------------------------------------------- writing


def dumps(record: Mapping[str, Any]) -> bytes:
    """One JSON line (UTF-8; a string with lone surrogates is written with escapes).

    >>> dumps({"a": "é"})
    b'{"a": "\\xc3\\xa9"}\\n'
    """
    try:
        return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(record) + "\n").encode("ascii")


class RecordWriter(Protocol):
    """Something that takes output records one at a time."""

    def write(self, record: Mapping[str, Any]) -> None:
        """Write one record."""


class _JsonlWriter:
    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream

    def write(self, record: Mapping[str, Any]) -> None:
        self._stream.write(dumps(record))


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        text = value
    else:
        text = str(value) if isinstance(value, int) else json.dumps(value, default=str)
    return text.encode("utf-8", "replace").decode("utf-8")


class _ParquetWriter:
    def __init__(self, path: Path) -> None:
        self._pa = require("pyarrow", "parquet")
        pq = require("pyarrow.parquet", "parquet")
        self.schema = parquet_schema(self._pa)
        self._writer = pq.ParquetWriter(str(path), self.schema, compression="zstd")
        self._rows: list[dict[str, Any]] = []

    def write(self, record: Mapping[str, Any]) -> None:
        meta = record.get("metadata")
        self._rows.append({
            "id": _text(record.get("id")),
            "url": _text(record.get("url")),
            "paragraphs": [_text(p) for p in record.get("paragraphs") or []],
            "text": _text(record.get("text")),
            "metadata": {k: _text(v) for k, v in meta.items()} if isinstance(meta, Mapping) else None,
            "dropped": list((record.get("dropped") or {}).items()),
            "error": _text(record.get("error")),
        })
        if len(self._rows) >= PARQUET_WRITE_ROWS:
            self.flush()

    def flush(self) -> None:
        if self._rows:
            self._writer.write_table(self._pa.Table.from_pylist(self._rows, schema=self.schema))
            self._rows = []

    def close(self) -> None:
        self.flush()
        self._writer.close()


def parquet_schema(pa: Any) -> Any:
    """The Arrow schema of a Parquet output (ids are written as strings)."""
    meta = pa.struct([(f.name, pa.string()) for f in fields(Metadata)])
    return pa.schema([
        ("id", pa.string()), ("url", pa.string()), ("paragraphs", pa.list_(pa.string())),
        ("text", pa.string()), ("metadata", meta), ("dropped", pa.map_(pa.string(), pa.int64())),
        ("error", pa.string()),
    ])


@contextmanager
def _jsonl_output(path: Path, compression: Compression) -> Iterator[RecordWriter]:
    with open(path, "wb") as raw:
        if compression is Compression.GZIP:
            with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6) as gz:
                yield _JsonlWriter(gz)  # type: ignore[arg-type]  # a GzipFile is a binary IO
        elif compression is Compression.ZSTD:
            zstd = require("zstandard", "zstd")
            with zstd.ZstdCompressor(level=6).stream_writer(raw, closefd=False) as zw:
                yield _JsonlWriter(zw)
        else:
            yield _JsonlWriter(raw)


@contextmanager
def _parquet_output(path: Path) -> Iterator[RecordWriter]:
    writer = _ParquetWriter(path)
    try:
        yield writer
    finally:
        writer.close()


def open_output(path: Path, name: str) -> AbstractContextManager[RecordWriter]:
    """A writer for ``path`` in the format the file name ``name`` asks for."""
    fmt, compression = output_format(name)
    if fmt is OutputFormat.PARQUET:
        return _parquet_output(path)
    return _jsonl_output(path, compression)
