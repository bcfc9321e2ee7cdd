"""CPU time to ingest a 100 KB saved news page and a 100 KB feed.

A script, not a test (times depend on the machine)::

    python -m tests.benchmarks.bench_ingest_pages          # 100 KB inputs
    python -m tests.benchmarks.bench_ingest_pages --kb 300

The page is the test fixture's furniture (head with JSON-LD, navigation,
ads, sidebar, footer) around a story grown to ``--kb`` with varied dated
paragraphs; the feed repeats items of the same kind; the Spanish soup is
one endless sentence of dates. Each is read the way
``dateline ingest`` reads it: sniffed, extracted (trafilatura, htmldate or
feedparser), its language detected, then its dates, actors and quotes found.
"Cold" is the first run in the process (imports and first parses included);
"warm" the median of the next runs. The target is under 1 s of CPU per
100 KB page.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dateline.store.ingest import documents_from_bytes, extract  # noqa: E402

FIXTURE = ROOT / "tests" / "store" / "pages" / "harbour_strike.html"
TARGET = 1.0

_PARAGRAPHS = (
    "Officials from {n} ports met on Tuesday and agreed to meet again in April, "
    "a spokesman for the council said.",
    "\u201cWe will not accept a deal that cuts jobs,\u201d said Irene Castell, "
    "whose union represents {n} workers, adding that talks would resume next week.",
    "Exports fell by {n} per cent in the third quarter of 2025, and the port "
    "expects traffic to recover by the end of the year.",
    "The operator, which took over the terminal in October 2019, said on "
    "Wednesday it had invested {n} million in new cranes since 2021.",
    "Transport minister Paul Ndiaye is scheduled to visit Valmont on 20 March, "
    "his office said, after a meeting with exporters last month.",
)


def page(size: int) -> bytes:
    html = FIXTURE.read_text("utf-8")
    head, tail = html.split('<div class="story-body">', 1)
    paragraphs = []
    n = 0
    while sum(len(p) for p in paragraphs) < size - len(html):
        text = _PARAGRAPHS[n % len(_PARAGRAPHS)].format(n=n + 3)
        paragraphs.append(f"<p>{text}</p>\n")
        n += 1
    return (head + '<div class="story-body">' + "".join(paragraphs) + tail).encode()


def feed(size: int) -> bytes:
    items = []
    n = 0
    while sum(len(i) for i in items) < size:
        body = " ".join(p.format(n=n + k) for k, p in enumerate(_PARAGRAPHS))
        items.append(
            f"<item><title>Port story {n}</title>"
            f"<link>https://wire.example/{n}</link>"
            f"<pubDate>Thu, {1 + n % 28:02d} Jan 2026 09:00:00 +0000</pubDate>"
            f"<description><![CDATA[<p>{body}</p>]]></description></item>"
        )
        n += 1
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def spanish_soup(size: int) -> bytes:
    """One endless Spanish sentence of nothing but dates: hostile text for
    the foreign grammar (overlap checks, per-sentence tense cues)."""
    unit = "el 9 de enero de 2026, ayer y la semana próxima, hace tres días, "
    return ("date 2026-02-06\n\n" + unit * (size // len(unit) + 1))[:size].encode()


def ingest(raw: bytes, name: str) -> tuple[float, float]:
    """CPU seconds to read ``raw`` into documents, and to extract them all."""
    start = time.process_time()
    documents = documents_from_bytes(raw, name)
    read = time.process_time() - start
    start = time.process_time()
    for document in documents:
        extract(document)
    return read, time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    size = args.kb * 1024
    slow = False
    for label, raw, name in (
        ("page", page(size), "page.html"),
        ("feed", feed(size), "feed.rss"),
        ("Spanish date soup", spanish_soup(size), "soup.txt"),
    ):
        cold = ingest(raw, name)
        warm = [ingest(raw, name) for _ in range(args.runs)]
        reads = statistics.median(r for r, _ in warm)
        extracts = statistics.median(e for _, e in warm)
        total = reads + extracts
        mark = "" if label != "page" or total <= TARGET * args.kb / 100 else "  SLOW"
        slow = slow or bool(mark)
        print(
            f"{label} {len(raw) / 1024:.0f} KB: cold {sum(cold):.2f} s CPU "
            f"(read {cold[0]:.2f}); warm median {total:.2f} s "
            f"(read {reads:.2f} + extract {extracts:.2f}){mark}"
        )
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
