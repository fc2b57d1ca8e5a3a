"""Helpers for the batch and integration tests: corpora and cleaners that misbehave on purpose.

The cleaners are module-level functions so that worker processes can import them by name
(the tests directory is on ``sys.path`` in the workers too, which inherit the parent's path).
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import random
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cleantext.api import clean_and_explain
from cleantext.config import Config
from cleantext.model import Metadata, Result

ROOT = Path(__file__).resolve().parent.parent
SCRAPINGHUB = ROOT / "fixtures" / "scrapinghub"

SLEEP = "__sleep__"
CRASH = "__crash__"
RAISE = "__raise__"


def misbehaving_cleaner(source: str | bytes, url: str | None, config: Config) -> Result:
    """The core cleaner, except: sources containing SLEEP hang, CRASH kill the worker, RAISE raise."""
    text = source if isinstance(source, str) else source.decode("utf-8", "replace")
    if SLEEP in text:
        time.sleep(3600)
    if CRASH in text:
        os.kill(os.getpid(), signal.SIGKILL)
    if RAISE in text:
        raise ValueError("asked to fail")
    return clean_and_explain(source, url=url, config=config)


def pid_cleaner(source: str | bytes, url: str | None, config: Config) -> Result:
    """A Result whose only paragraph is the worker's process id (to see workers being replaced)."""
    return Result([str(os.getpid())], [], Metadata(url=url))


def slow_cleaner(source: str | bytes, url: str | None, config: Config) -> Result:
    """The core cleaner, 0.1 s slower per document (to kill a run in the middle)."""
    time.sleep(0.1)
    return clean_and_explain(source, url=url, config=config)


def scrapinghub_pages() -> list[tuple[str, str, str]]:
    """(page id, url, html) of the bundled ScrapingHub pages, sorted by id."""
    truth = json.loads((SCRAPINGHUB / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for path in sorted((SCRAPINGHUB / "html").glob("*.html.gz")):
        page_id = path.name.split(".")[0]
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        out.append((page_id, truth.get(page_id, {}).get("url") or f"https://example.com/{page_id}", html))
    return out


def page_records(n: int) -> Iterator[dict[str, Any]]:
    """``n`` JSONL records with distinct ids, cycling the ScrapingHub pages."""
    for i, (page_id, url, html) in zip(range(n), itertools.cycle(scrapinghub_pages()), strict=False):
        yield {"id": f"doc-{i:04d}-{page_id[:8]}", "url": url, "html": html}


def garbage_line(seed: int = 7, size: int = 3000) -> bytes:
    """A line of random bytes: no newline, not JSON, not UTF-8."""
    rng = random.Random(seed)
    data = bytes(rng.choice([b for b in range(256) if b not in (10, 13)]) for _ in range(size))
    return b"\xff\xfe" + data


def broken_records() -> list[dict[str, Any] | bytes]:
    """The five broken records of the acceptance test (the garbage one is a raw line)."""
    return [
        {"id": "broken-empty", "html": ""},
        garbage_line(),
        {"id": "broken-null", "html": None},
        {"id": "broken-lt", "html": "<" * 100_000},
        {"id": "broken-divs", "html": "<div>" * 20_000},
    ]


def write_jsonl(path: Path, records: list[dict[str, Any] | bytes]) -> None:
    """Write records (dicts as JSON, bytes as they are) one per line."""
    with open(path, "wb") as f:
        for record in records:
            line = record if isinstance(record, bytes) else json.dumps(record).encode("utf-8")
            f.write(line + b"\n")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSONL file."""
    with open(path, "rb") as f:
        return [json.loads(line) for line in f if line.strip()]


# --------------------------------------------------------------- a corpus in a made-up language

_SYLLABLES = ["ka", "lo", "mi", "ren", "tu", "vas", "sel", "no", "pi", "ja", "hu", "tor", "ve", "li", "sa",
              "mu", "ro", "kes", "ta", "nu"]
# Made-up words (Finnish-looking), so that no rule pack can know them.
FOOTER = "Kalvenni orudet pidävätä, Uutisvirta Kustamo 2024. Toimelu vastara sisällöstö."
APPEAL = ("Tuvo riippumaton journalo: liitä kannatusjäsen jo tänävä ja saavut "
          "viikkolaisen kirjeen toimittajiltamoi.")
QUOTE = "»Velan kestävyys on nyt koetuksella koko alueella», sanoi valtiomestari Torsa Venlo."


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))


def _sentence(rng: random.Random) -> str:
    words = [_word(rng) for _ in range(rng.randint(9, 16))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 3)))


def site_corpus(seed: int = 11) -> list[dict[str, Any]]:
    """Records (id, url, text) of a made-up-language corpus for the site boilerplate test.

    Host ``uutisvirta.example`` has 6 articles, each ending with the same appeal and footer
    (the footer's year differs on one page); articles 0 and 1 share one quote. Host
    ``pieni.example`` has 2 articles that share the footer (too few documents to learn from).
    """
    rng = random.Random(seed)
    records = []
    for i in range(6):
        body = [_paragraph(rng) for _ in range(4)]
        if i < 2:
            body.insert(2, QUOTE)
        footer = FOOTER.replace("2024", "2023") if i == 5 else FOOTER
        text = "\n\n".join([*body, APPEAL, footer])
        records.append({"id": f"uv-{i}", "url": f"https://www.uutisvirta.example/uutiset/{i}", "text": text})
    for i in range(2):
        text = "\n\n".join([*(_paragraph(rng) for _ in range(4)), FOOTER])
        records.append({"id": f"pi-{i}", "url": f"https://pieni.example/{i}", "text": text})
    return records
