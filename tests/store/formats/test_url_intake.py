"""Issue 12 item 11, on the way in: a source URL that is not a clean http(s)
link never enters a timeline; the user is told which and why."""

from __future__ import annotations

from datetime import date

import pytest
from dateline.store.changes.drafts import (
    DraftError,
    EventDraft,
    SourceDraft,
    save_draft,
)
from dateline.store.formats.csvfmt import read_csv
from dateline.store.formats.ics import read_ics
from dateline.store.formats.timelinejs import read_timelinejs
from dateline.store.model import FuzzyDate, url_problem
from dateline.store.timeline import Timeline

DAY = FuzzyDate(date(2026, 1, 9), date(2026, 1, 9), "day")


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("javascript:alert(1)", "only http:// and https://"),
        ("data:text/html,<b>x</b>", "only http:// and https://"),
        ("https://", "no host"),
        ("https://ex.org/a b", "U+0020"),
        ("https://ex.org/a\nb", "U+000A"),
        ("https://ex.org/\x1b]52;c;UFdORUQ=\x07", "U+001B"),
        ("https://ex.org/\u202etxt.exe", "U+202E"),
        ('https://ex.org/"onmouseover=x', '"'),
        ("https://ex.org/<script>", "<"),
    ],
)
def test_url_problem_names_what_is_wrong(url: str, why: str) -> None:
    problem = url_problem(url)
    assert problem is not None and why in problem


@pytest.mark.parametrize(
    "url", ["https://ex.org/a?b=1&c=%20#x", "http://ex.org", "https://ñandú.ar/é"]
)
def test_ordinary_links_are_kept(url: str) -> None:
    assert url_problem(url) is None


def test_hand_entry_refuses_a_bad_link_and_saves_nothing() -> None:
    timeline = Timeline.memory()
    draft = EventDraft(
        when=DAY, title="x", source=SourceDraft(url="https://ex.org/a\r\nb")
    )
    with pytest.raises(DraftError, match="source link") as caught:
        save_draft(timeline, draft)
    assert caught.value.field == "source"
    assert len(timeline) == 0 and not timeline.sources()


def test_csv_import_drops_a_bad_link_with_a_note() -> None:
    text = 'title,start,source_urls\nVisit,2026-01-09,"javascript:alert(1); https://ex.org/ok"\n'
    batch = read_csv(text, "x.csv", date(2026, 1, 1))
    assert [s.url for s in batch.sources] == ["https://ex.org/ok"]
    assert any("javascript:alert(1)" in n and "not kept" in n for n in batch.notes)


def test_timelinejs_import_keeps_the_source_but_not_its_bad_link() -> None:
    slide = {
        "start_date": {"year": 2026},
        "text": {"headline": "Visit"},
        "media": {"url": "https://ex.org/\u202eevil", "caption": "Readout"},
    }
    batch = read_timelinejs({"events": [slide]}, "x.json")
    assert [(s.title, s.url) for s in batch.sources] == [("Readout", "")]
    assert any("U+202E" in n for n in batch.notes)
    # The note shows the character by its code, never the override itself.
    assert not any("\u202e" in n for n in batch.notes)


def test_ics_import_drops_a_bad_url_property() -> None:
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\n"
        "UID:1\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260109\r\n"
        "SUMMARY:Visit\r\nURL:javascript:alert(1)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    batch = read_ics(text, "x.ics")
    assert [e.title for e in batch.events] == ["Visit"]
    assert all(not s.url for s in batch.sources)
    assert any("javascript:alert(1)" in n for n in batch.notes)


def test_ingest_refuses_a_bad_article_url_before_reading() -> None:
    from dateline.store.ingest.pipeline import IngestError, extract

    with pytest.raises(IngestError, match="URL cannot be kept: only http"):
        extract("date 2026-01-10\nText.", url="file:///etc/passwd")


def test_no_link_is_no_problem_but_a_padded_one_is_judged() -> None:
    from dateline.store.model import url_problem

    assert url_problem("") is None
    assert url_problem("   ") is None
    assert url_problem("https://example.org/a") is None
    assert url_problem(" https://example.org/a") is not None
