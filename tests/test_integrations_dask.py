"""Dask bags and dataframes, cleaned partition by partition on a two-process LocalCluster."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from batch_helpers import scrapinghub_pages

pytest.importorskip("dask.bag")
pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402

from cleantext.api import clean_and_explain  # noqa: E402
from cleantext.integrations.dask import clean_bag, clean_dataframe, clean_partition  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


def test_bag_and_dataframe_on_a_local_cluster(client: object) -> None:
    pages = scrapinghub_pages()[:4]
    elements = [{"id": pid, "url": url, "html": html} for pid, url, html in pages]
    elements.append({"id": "x", "html": None})
    records = clean_bag(db.from_sequence(elements, npartitions=2)).compute()
    assert [r["id"] for r in records] == [pid for pid, _, _ in pages] + ["x"]
    expected = [clean_and_explain(html, url=url) for _, url, html in pages]
    assert [r["paragraphs"] for r in records[:4]] == [e.paragraphs for e in expected]
    assert records[4]["error"] == "input: bag element: 'html' is null"

    frame = pd.DataFrame({"page": [html for _, _, html in pages] + [None],
                          "link": [url for _, url, _ in pages] + [None]})
    df = clean_dataframe(dd.from_pandas(frame, npartitions=2), "page", url_column="link")
    assert "clean_text" in df.columns
    out = df.compute()
    assert list(out.index) == list(range(5))
    assert list(out["clean_text"][:4]) == [e.text for e in expected]
    assert out["clean_dropped"][0] == expected[0].drop_counts()
    assert out["clean_metadata"][0]["url"] == pages[0][1]
    assert out["clean_error"][4] == "input: source is null"
    assert list(out["page"][:4]) == list(frame["page"][:4])


def test_partition_function_without_a_cluster() -> None:
    records = clean_partition(["Plain scraped text about the council vote on Monday night.", b"", 3])
    assert [r["id"] for r in records] == [0, 1, 2]
    assert records[0]["paragraphs"] and records[1]["error"] is None
    assert records[2]["error"].startswith("input:")
