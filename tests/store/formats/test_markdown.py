"""The Markdown report: headings by year and month, quotes, links, escaping."""

from __future__ import annotations

from datetime import date

from dateline.store.formats.markdown import dumps_markdown, escape
from dateline.store.model import Event, FuzzyDate, Source
from dateline.store.timeline import Timeline


def _headings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("#")]


def test_report_is_grouped_by_year_then_month(demo: Timeline) -> None:
    text = dumps_markdown(demo, demo.events(), title="Trump and Petro")
    assert _headings(text) == [
        "# Trump and Petro",
        "## 2025",
        "### January 2025",
        "#### c. Jan 2025 — U.S. briefly suspends visas for Colombians",
        "### September 2025",
        "#### Sep 2025 — Trump and Lula cross paths at the United Nations",
        "### October 2025",
        "#### Oct 2025 — U.S. imposes sanctions on Petro",
        "## 2026",
        # Known only to the year: under the year, before its months.
        "#### 2026 (later) — Petro leaves office",
        "### January 2026",
        "#### Sat 3 Jan 2026 — U.S. operation removes Maduro; Trump tells Petro "
        'to "watch his ass"',
        "#### Wed 7 Jan 2026 — Trump and Petro speak by telephone",
        "#### Fri 9 Jan 2026 — Trump announces Petro's White House visit on "
        "Truth Social",
        "### February 2026",
        "#### 1-7 Feb 2026 — Petro to visit the White House",
    ]


def test_event_shows_actors_summary_quotes_and_sources(demo: Timeline) -> None:
    text = dumps_markdown(demo, [demo.event("ev-maduro-op")])
    section = text[text.index("#### Sat 3 Jan 2026") :]
    assert section.splitlines()[2:] == [
        "*Nicolás Maduro (removed), Gustavo Petro (critic), Donald Trump · Venezuela*",
        "",
        demo.event("ev-maduro-op").summary,
        "",
        "> watch his ass.",
        "> — Donald Trump",
        "",
        "Sources: Trump invites Colombia's Petro to the White House for February "
        "talks (Kurdistan24)",
    ]
    expected = dumps_markdown(demo, [demo.event("ev-february-meeting")])
    assert "*Gustavo Petro (guest), Donald Trump (host) · White House, " in expected
    assert "Washington · expected*" in expected


def test_sources_with_web_addresses_are_links() -> None:
    timeline = Timeline.memory()
    good = Source(title="Readout (full)", outlet="AP", url="https://ex.org/a (1)")
    bad = Source(title="Trap", url="javascript:alert(1)")
    event = Event(
        when=FuzzyDate(date(2026, 1, 9), date(2026, 1, 9), "day"),
        title="x",
        sources=(good.id, bad.id),
    )
    timeline.put(good, bad, event)
    text = dumps_markdown(timeline, timeline.events())
    assert "Sources: [Readout (full)](https://ex.org/a%20%281%29) (AP); Trap" in text


def test_user_text_cannot_make_markup() -> None:
    assert escape("*bold* _it_ [link](x) <b> `code`") == (
        r"\*bold\* \_it\_ \[link\](x) \<b\> \`code\`"
    )
    assert escape("# not a heading\n> not a quote\n- not a list\n1. not a list") == (
        "\\# not a heading\n\\> not a quote\n\\- not a list\n1\\. not a list"
    )
