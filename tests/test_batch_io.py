"""Readers and writers of cleantext batch: JSONL (plain, gzip, zstd), Parquet, WARC."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest
from batch_helpers import read_jsonl, write_jsonl

from cleantext.batch.io import Fields, MissingExtraError, read_items, require
from cleantext.cli import main

ARTICLE = ("<html><body><article><p>The council met on Monday to approve the plan for the new bridge "
           "over the river, after two years of debate.</p></article></body></html>")


def _records() -> list[dict[str, object] | bytes]:
    return [
        {"id": "a", "html": ARTICLE, "meta": {"url": "https://example.com/a"}},
        b"",  # a blank line is not a record
        b"{not json",
        {"html": ARTICLE},  # no id: its record number
        ["not", "an", "object"],  # type: ignore[list-item]  # a JSON list on purpose
        {"id": "no-field"},
        {"id": "number", "html": 12},
    ]


def test_jsonl_records_and_their_problems(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    write_jsonl(path, _records())
    items = list(read_items([str(path)], Fields(url="meta.url")))
    assert [i.id for i in items] == ["a", 1, 2, 3, "no-field", "number"]
    assert items[0].url == "https://example.com/a" and items[0].source == ARTICLE
    assert items[1].error is not None and items[1].error.startswith(f"input: {path}:3: not a JSON record")
    assert items[2].error is None
    assert items[3].error == f"input: {path}:5: record is not an object"
    assert items[4].error == f"input: {path}:6: no field 'html'"
    assert items[5].error == f"input: {path}:7: 'html' is int, not str or bytes"


@pytest.mark.parametrize("suffix", ["gz", "zst"])
def test_compressed_jsonl_in_and_out(tmp_path: Path, suffix: str) -> None:
    lines = b"".join(json.dumps({"id": f"r{i}", "html": ARTICLE}).encode() + b"\n" for i in range(3))
    src = tmp_path / f"in.jsonl.{suffix}"
    if suffix == "gz":
        src.write_bytes(gzip.compress(lines))
    else:
        zstd = pytest.importorskip("zstandard")
        src.write_bytes(zstd.ZstdCompressor().compress(lines))
    out = tmp_path / f"out.jsonl.{suffix}"
    assert main(["batch", str(src), "-o", str(out), "--workers", "0", "--quiet"]) == 0
    data = gzip.decompress(out.read_bytes()) if suffix == "gz" else _unzstd(out.read_bytes())
    records = [json.loads(line) for line in data.splitlines()]
    assert [r["id"] for r in records] == ["r0", "r1", "r2"]
    assert records[0]["paragraphs"] and records[0]["error"] is None


def _unzstd(data: bytes) -> bytes:
    zstd = pytest.importorskip("zstandard")
    return bytes(zstd.ZstdDecompressor().stream_reader(io.BytesIO(data)).read())


def test_parquet_in_and_out(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({
        "doc_id": pa.array([10, 11, 12]),
        "content": pa.array([ARTICLE.encode(), None, ARTICLE.encode()], type=pa.binary()),
        "link": pa.array(["https://e.com/1", None, "https://e.com/3"]),
        "other": pa.array([1.0, 2.0, 3.0]),
    })
    src = tmp_path / "in.parquet"
    pq.write_table(table, src)
    out = tmp_path / "out.parquet"
    argv = ["batch", str(src), "-o", str(out), "--field", "content", "--id-field", "doc_id",
            "--url-field", "link", "--workers", "0", "--quiet"]
    assert main(argv) == 0
    rows = pq.read_table(out).to_pylist()
    assert [r["id"] for r in rows] == ["10", "11", "12"]
    assert rows[0]["url"] == "https://e.com/1" and rows[0]["paragraphs"] and rows[0]["error"] is None
    assert rows[0]["metadata"]["kind"] == "html"
    assert rows[1]["error"] == f"input: {src}:row 2: 'content' is null" and rows[1]["metadata"] is None
    no_html_column = ["batch", str(src), "-o", str(tmp_path / "x.jsonl"), "--workers", "0"]
    assert main(no_html_column) == 2


def _warc(path: Path) -> None:
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders

    with open(path, "wb") as f:
        writer = warcio.WARCWriter(f, gzip=True)

        def response(url: str, ctype: str, body: bytes) -> None:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))

        response("https://e.com/a", "text/html; charset=utf-8", ARTICLE.encode())
        response("https://e.com/logo.png", "image/png", b"\x89PNG....")
        request = writer.create_warc_record("https://e.com/b", "request", payload=io.BytesIO(b"GET /"))
        writer.write_record(request)
        french = ARTICLE.replace("council", "conseil réuni").encode("latin-1")
        response("https://e.com/fr", "text/html; charset=iso-8859-1", french)


def test_warc_html_responses_keep_record_id_and_target_uri(tmp_path: Path) -> None:
    src = tmp_path / "crawl.warc.gz"
    _warc(src)
    items = list(read_items([str(src)], Fields()))
    assert [i.url for i in items] == ["https://e.com/a", "https://e.com/fr"]
    assert all(isinstance(i.id, str) and i.id.startswith("<urn:uuid:") for i in items)
    assert items[1].charset == "iso-8859-1"
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--workers", "0", "--quiet"]) == 0
    records = read_jsonl(out)
    assert [r["id"] for r in records] == [i.id for i in items]
    assert "conseil réuni" in records[1]["text"]


def test_missing_extra_names_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(MissingExtraError, match=r"pip install 'cleantext-web\[warc\]'"):
        require("no_such_module_for_cleantext", "warc")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    src = tmp_path / "in.parquet"
    src.write_bytes(b"PAR1")
    assert main(["batch", str(src), "-o", str(tmp_path / "out.jsonl"), "--workers", "0"]) == 2
    assert "cleantext-web[parquet]" in capsys.readouterr().err
