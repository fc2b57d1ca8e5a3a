"""CPU time of cleantext's HTML path against trafilatura, and the plain-text path's throughput.

    PYTHONPATH=src python benchmarks/speed.py [--wcxb DIR] [--no-wcxb] [--repeat N] [--limit N]
                                              [--text-docs N] [--text-repeat N] [--no-html]
                                              [--json OUT]

HTML path: on each page of ScrapingHub and WCXB, cleantext, trafilatura default and trafilatura
fast run in turn (interleaved, order rotating per page), each ``--repeat`` times; a system's time
on a page is the minimum of its repeats (``time.process_time``), summed over the pages.
Text path: ``fixtures/seed/*.txt`` plus seed-like texts made offline from the ScrapingHub pages
(trafilatura's extraction of each page wrapped in typical boilerplate lines: headline, byline,
dateline, share and newsletter prompts, captions, related links, donation appeal, legal footer),
cleaned with ``Config(input_kind="text")``, measured first, ``--text-repeat`` times over all the
texts; throughput is UTF-8 MB per CPU second of the fastest run.
"""

from __future__ import annotations

import argparse
import html as html_lib
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import metrics, runner
from benchmarks.runner import SCRAPINGHUB, WCXB
from benchmarks.systems import CLEANTEXT, LABELS, cleantext_available, system, warm_up

HTML_SYSTEMS = ("trafilatura", "trafilatura_fast", CLEANTEXT)
SEED_DIR = metrics.REPO_ROOT / "fixtures" / "seed"
HEAD_LINES = (
    "By {name}",
    "{name}, Senior Correspondent",
    "Published {date}",
    "Updated: {date} 09:19 EST",
    "5 min read",
    "Share this article",
    "Share on Facebook",
    "Share on Twitter",
    "Comments",
    "Listen to this article",
)
MIDDLE_LINES = (
    "Advertisement",
    "Read more: {title}",
    "Related: {title}",
    "Photo: Getty Images",
    "(Reuters)",
    "Sign up for our daily newsletter",
    "Enter your email address",
    "Thanks for signing up!",
    "Something went wrong. Please try again later.",
    "Click here to get the app",
)
TAIL_LINES = (
    "Your support helps us to tell the story",
    "Your donation allows us to keep sending journalists to speak to both sides of the story.",
    "Support quality journalism. Subscribe today.",
    "Already a subscriber? Log in",
    "Related articles",
    "{title}",
    "Tags: politics, world, technology",
    "© 2024 Example Media Ltd. All rights reserved.",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "We use cookies to improve your experience. Accept all cookies",
    "Join the conversation",
    "Reporting by {name}; Editing by Jane Doe",
)
TITLE_RE = re.compile(r"<title[^>]*>([^<]{3,200})</title>", re.IGNORECASE)
NAMES = ("Anthony Cuthbertson", "Maria Lopez", "Chen Wei", "Sarah O'Connor", "Ahmed Hassan")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wcxb", help="WCXB folder (default: $CLEANTEXT_WCXB or ../shared/data/wcxb-dev)")
    parser.add_argument("--no-wcxb", action="store_true", help="ScrapingHub only")
    parser.add_argument("--repeat", type=int, default=3, help="runs per page and system (minimum kept)")
    parser.add_argument("--limit", type=int, default=0, help="first N pages of each benchmark")
    parser.add_argument("--text-docs", type=int, default=181, help="seed-like texts to generate (<= 181)")
    parser.add_argument(
        "--text-repeat", type=int, default=10, help="runs over the texts (minimum kept; a run is ~0.2 s)"
    )
    parser.add_argument("--no-html", action="store_true", help="plain-text path only")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    return parser.parse_args(argv)


def time_html(benchmark: str, folder: Path, systems: Sequence[str], repeat: int, limit: int) -> dict:
    """Per system: summed per-page minimum CPU seconds, and the HTML megabytes processed."""
    totals = dict.fromkeys(systems, 0.0)
    html_bytes = 0
    ids = runner.page_ids(benchmark, folder)[: limit or None]
    for index, page_id in enumerate(ids):
        page = runner.load_page(benchmark, folder, page_id)
        html_bytes += len(page.html.encode("utf-8"))
        shift = index % len(systems)
        order = [*systems[shift:], *systems[:shift]]
        best = dict.fromkeys(systems, float("inf"))
        for _ in range(repeat):
            for name in order:
                fn = system(name)
                start = time.process_time()
                try:
                    fn(page.html, page.url)
                except Exception as exc:
                    print(f"  {benchmark} {page_id} {name}: {exc!r}", file=sys.stderr)
                best[name] = min(best[name], time.process_time() - start)
        for name in systems:
            totals[name] += best[name]
    return {"pages": len(ids), "html_mb": html_bytes / 1e6, "cpu_s": totals}


def _fill(line: str, rng: random.Random, title: str) -> str:
    return line.format(name=rng.choice(NAMES), date="Tuesday 19 February 2019", title=title)


def seed_like(article: str, title: str, rng: random.Random) -> str:
    """An extracted article wrapped in boilerplate lines, as scraped text looks."""
    paragraphs = [p for p in article.split("\n") if p.strip()]
    head = [title, "", *(_fill(x, rng, title) for x in rng.sample(HEAD_LINES, 4)), ""]
    body: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        body += [paragraph, ""]
        if i % 4 == 2:
            body += [_fill(rng.choice(MIDDLE_LINES), rng, title), ""]
    tail = [_fill(x, rng, title) for x in rng.sample(TAIL_LINES, 6)]
    return "\n".join([*head, *body, *tail]) + "\n"


def text_corpus(count: int) -> list[str]:
    """The seed texts plus ``count`` generated seed-like texts (deterministic, no network)."""
    import trafilatura

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEED_DIR.glob("*.txt"))]
    rng = random.Random(20240501)
    for page in metrics.load_scrapinghub()[:count]:
        article = trafilatura.extract(page.html, include_comments=False) or page.reference
        found = TITLE_RE.search(page.html)
        title = html_lib.unescape(found.group(1)).strip() if found else article.split("\n", 1)[0][:90]
        texts.append(seed_like(article, title, rng))
    return texts


def time_text(texts: list[str], repeat: int, clean: Callable[[str], object]) -> dict:
    """Throughput of the plain-text path: UTF-8 MB per CPU second (minimum over repeats)."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            clean(text)
        best = min(best, time.process_time() - start)
    return {
        "docs": len(texts),
        "mb": size / 1e6,
        "cpu_s": best,
        "mb_per_s": size / 1e6 / best if best else 0.0,
    }


def text_cleaner() -> Callable[[str], object]:
    import cleantext

    config = cleantext.Config(input_kind="text")
    return lambda text: cleantext.clean_and_explain(text, config=config)


def html_table(results: dict[str, dict], systems: Sequence[str]) -> list[str]:
    lines = [
        "| benchmark | pages | HTML MB | system | CPU s | time vs trafilatura | pages/s |",
        "|---" * 7 + "|",
    ]
    for benchmark, data in results.items():
        base = data["cpu_s"]["trafilatura"] or float("nan")
        for name in systems:
            cpu = data["cpu_s"][name]
            rate = data["pages"] / cpu if cpu else 0.0
            lines.append(
                f"| {benchmark} | {data['pages']} | {data['html_mb']:.1f} | {LABELS[name]} | {cpu:.2f} "
                f"| {cpu / base:.2f}x | {rate:.1f} |"
            )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    reason = cleantext_available()
    systems = [s for s in HTML_SYSTEMS if s != CLEANTEXT or reason is None]
    warm_up(systems)
    command = runner.command_line("speed", sys.argv[1:] if argv is None else argv)
    out = ["## Speed", "", f"Command: `{command}`  ", f"Machine: {runner.machine_line()}  "]
    out += [f"Code: {runner.source_line()}", ""]
    if reason:
        out.append(f"Note: cleantext skipped: {reason}")
    benchmarks = {"ScrapingHub": (SCRAPINGHUB, metrics.SCRAPINGHUB_DIR)}
    folder = metrics.wcxb_dir(args.wcxb)
    if not args.no_wcxb and (folder / "ground-truth").is_dir():
        benchmarks["WCXB dev"] = (WCXB, folder)
    result: dict = {"command": command.strip(), "machine": runner.machine_line()}
    # The text path first: a short run, measured before the HTML pages have grown the heap.
    text_lines: list[str] = []
    if reason is None:
        texts = text_corpus(args.text_docs)
        text = time_text(texts, args.text_repeat, text_cleaner())
        result["text"] = text
        text_lines = [
            "### Plain-text path",
            "",
            f"{text['docs']} seed-like texts, {text['mb']:.2f} MB: {text['cpu_s']:.2f} CPU s, "
            f"**{text['mb_per_s']:.2f} MB/s** (best of {args.text_repeat}).",
        ]
    if not args.no_html:
        html = {t: time_html(b, f, systems, args.repeat, args.limit) for t, (b, f) in benchmarks.items()}
        out += ["### HTML path (per page: minimum of the repeats, summed)", ""]
        out += [*html_table(html, systems), ""]
        result["html"] = html
    return runner.finish(out + text_lines, result, args.json)


if __name__ == "__main__":
    sys.exit(main())
