"""Bounded dates, centuries and the newer date forms of news prose.

"before March 2025" keeps the date named and the side the thing lies on;
"the 19th century" has a precision of its own; holidays are found from the
table that reads them. Every sentence here is written for these tests.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from dateline.store.dates.holidays import HOLIDAYS
from dateline.store.dates.labels import describe, format_when
from dateline.store.dates.parse import parse_date
from dateline.store.decode import decode_records
from dateline.store.ingest.find_dates import FoundDate, find_dates
from dateline.store.model import BOUNDS, Event, FuzzyDate, ShapeError
from dateline.store.timeline import Timeline

ANCHOR = date(2026, 1, 10)  # a Saturday
NOV_3 = date(2025, 11, 3)  # a Monday
MARCH_20 = date(2026, 3, 20)


def found(text: str, anchor: date = ANCHOR) -> list[FoundDate]:
    return find_dates(text, anchor)


def readings(text: str, anchor: date = ANCHOR) -> list[tuple[str, str, str, str]]:
    return [
        (
            f.text,
            f.when.start_day.isoformat(),
            f.when.end_day.isoformat(),
            f.when.precision,
        )
        for f in found(text, anchor)
    ]


# --- bounded dates: the model ------------------------------------------------


def _bounded(start: date, end: date, precision: str, bound: str) -> FuzzyDate:
    return FuzzyDate(start, end, precision, "", ANCHOR, bound=bound)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("when", "window"),
    [
        # Over by the article's date: the start is open.
        (
            _bounded(date(2025, 3, 1), date(2025, 3, 31), "month", "before"),
            (None, date(2025, 2, 28)),
        ),
        (
            _bounded(date(2025, 6, 1), date(2025, 6, 30), "month", "by"),
            (None, date(2025, 6, 30)),
        ),
        # Still ahead: from the article's date to the bound.
        (
            _bounded(date(2026, 6, 1), date(2026, 6, 30), "month", "by"),
            (ANCHOR, date(2026, 6, 30)),
        ),
        (
            _bounded(date(2026, 1, 16), date(2026, 1, 16), "day", "until"),
            (ANCHOR, date(2026, 1, 16)),
        ),
        (
            _bounded(date(2020, 1, 1), date(2020, 12, 31), "year", "after"),
            (date(2021, 1, 1), None),
        ),
        (
            _bounded(date(2019, 1, 1), date(2019, 12, 31), "year", "since"),
            (date(2019, 1, 1), ANCHOR),
        ),
    ],
)
def test_a_bound_leaves_an_open_or_bounded_window(
    when: FuzzyDate, window: tuple[date | None, date | None]
) -> None:
    assert when.window == window


def test_an_unbounded_date_is_its_own_window() -> None:
    when = FuzzyDate(date(2025, 3, 1), date(2025, 3, 31), "month")
    assert when.window == (date(2025, 3, 1), date(2025, 3, 31))


def test_documents_written_before_bounds_still_read() -> None:
    plain = FuzzyDate(date(2025, 3, 1), date(2025, 3, 31), "month", "March 2025")
    assert plain.to_doc()["bound"] is None
    old = {"start": "2025-03-01", "end": "2025-03-31", "precision": "month"}
    assert FuzzyDate.from_doc(old) == FuzzyDate(
        date(2025, 3, 1), date(2025, 3, 31), "month"
    )
    bounded = _bounded(date(2025, 3, 1), date(2025, 3, 31), "month", "before")
    assert bounded.to_doc()["bound"] == "before"
    assert FuzzyDate.from_doc(json.loads(json.dumps(bounded.to_doc()))) == bounded


def test_an_unknown_bound_is_refused_with_the_choices() -> None:
    doc = {"start": "2025-03-01", "end": "2025-03-31", "precision": "month"}
    with pytest.raises(ShapeError, match='"bound" must be one of before, after'):
        FuzzyDate.from_doc({**doc, "bound": "around"})
    with pytest.raises(ValueError, match="unknown bound"):
        FuzzyDate(date(2025, 3, 1), date(2025, 3, 31), "month", bound="around")  # type: ignore[arg-type]


def test_bounds_and_centuries_survive_the_file_both_ways_in(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    timeline = Timeline.open(path)
    events = [
        Event(
            when=_bounded(date(2025, 12, 25), date(2025, 12, 25), "day", bound),
            title=f"strike {bound}",
        )
        for bound in BOUNDS
    ]
    events.append(
        Event(
            when=FuzzyDate(date(1800, 1, 1), date(1899, 12, 31), "century"),
            title="mill built",
        )
    )
    timeline.put(*events)
    timeline.close()
    reopened = Timeline.open(path)
    assert [reopened.event(e.id).when for e in events] == [e.when for e in events]
    reopened.close()
    # The typed fast path reads the snapshot to the same records.
    decoded = decode_records(path.read_bytes())
    assert decoded is not None
    assert {k: e.when for k, e in decoded.events.items()} == {
        e.id: e.when for e in events
    }


# --- bounded dates: typed and found ------------------------------------------


@pytest.mark.parametrize(
    ("text", "bound", "start", "label"),
    [
        ("before March 2025", "before", "2025-03-01", "before Mar 2025"),
        ("after 2020", "after", "2020-01-01", "after 2020"),
        ("no later than June 2026", "by", "2026-06-01", "by Jun 2026"),
        ("not before 5 May 2026", "after", "2026-05-05", "after Tue 5 May 2026"),
        ("by 2030", "by", "2030-01-01", "by 2030"),
    ],
)
def test_typed_bounds_keep_the_date_named(
    text: str, bound: str, start: str, label: str
) -> None:
    when = parse_date(text, ANCHOR)
    assert (when.bound, when.start_day.isoformat(), when.text) == (bound, start, text)
    assert format_when(when) == label


def test_the_reading_shows_the_days_a_bound_leaves() -> None:
    assert describe(parse_date("before March 2025", ANCHOR)) == (
        "before Mar 2025 · month · up to Fri 28 Feb 2025"
    )
    assert describe(parse_date("after 2020", ANCHOR)) == (
        "after 2020 · year · from Fri 1 Jan 2021 on"
    )


def test_shortly_before_is_about_the_day_not_a_bound() -> None:
    when = parse_date("shortly before Christmas 2025", ANCHOR)
    assert (when.bound, when.approximate) == (None, True)


def test_the_unions_warning_reads_ahead_with_its_windows() -> None:
    """The issue's example: an article of 3 November 2025."""
    text = (
        "If no deal is reached by the end of the month, the union warned of"
        " further action in December and a strike before Christmas."
    )
    got = [(f.text, f.tense, f.bound, f.when.window) for f in find_dates(text, NOV_3)]
    assert got == [
        ("the end of the month", "future", "by", (NOV_3, date(2025, 11, 30))),
        ("in December", "future", None, (date(2025, 12, 1), date(2025, 12, 31))),
        ("Christmas", "future", "before", (NOV_3, date(2025, 12, 24))),
    ]


def test_a_year_joined_to_pre_or_post_is_a_bounded_year() -> None:
    (post,) = found("The post-1959 politics split many families.")
    assert (post.text, post.bound, post.when.window[0]) == (
        "1959",
        "after",
        date(1960, 1, 1),
    )
    (pre,) = found("Output is back to pre-2008 levels.")
    assert (pre.text, pre.bound, pre.when.precision) == ("2008", "before", "year")


# --- centuries ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("the 19th century", "1800-01-01", "1899-12-31", "19th century"),
        ("this century", "2000-01-01", "2099-12-31", "21st century"),
        ("last century", "1900-01-01", "1999-12-31", "20th century"),
        ("the 11th century", "1000-01-01", "1099-12-31", "11th century"),
        ("the 3rd century", "0200-01-01", "0299-12-31", "3rd century"),
    ],
)
def test_a_century_has_its_own_precision_and_label(
    text: str, start: str, end: str, label: str
) -> None:
    when = parse_date(text, ANCHOR)
    assert (when.start_day.isoformat(), when.end_day.isoformat()) == (start, end)
    assert (when.precision, format_when(when)) == ("century", label)
    assert when.coarse


def test_a_century_before_a_noun_is_found() -> None:
    assert readings("She called him a 20th century democrat.") == [
        ("20th century", "1900-01-01", "1999-12-31", "century")
    ]


# --- holidays: found from the table that reads them --------------------------


@pytest.mark.parametrize("name", [n for n in HOLIDAYS if not n.startswith("year")])
def test_every_holiday_the_grammar_reads_is_found_in_a_sentence(name: str) -> None:
    written = " ".join(word.capitalize() for word in name.split())
    (item,) = found(f"The market was shut on {written} 2024, officials said.")
    assert item.when.start_day == HOLIDAYS[name](2024)
    assert item.when.precision == "day"


# --- forms found since the corpus study ---------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The brewery closed its bottling plant this past spring.",
            ("this past spring", "2025-03-01", "2025-05-31", "season"),
        ),
        (
            "Voters go to the polls this coming Friday.",
            ("this coming Friday", "2026-01-16", "2026-01-16", "day"),
        ),
        (
            "Leaders meet at the summit on April 24 and 25.",
            ("on April 24 and 25", "2026-04-24", "2026-04-25", "day"),
        ),
        (
            "The ferry sailed on 2 and 4 January.",
            ("4 January", "2026-01-04", "2026-01-04", "day"),
        ),
        (
            "The council met under a June agreement with the tenants.",
            ("June", "2025-06-01", "2025-06-30", "month"),
        ),
    ],
)
def test_new_forms(sentence: str, expected: tuple[str, str, str, str]) -> None:
    assert readings(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The driver was in his 30s, the police said.",
        "She moved abroad in her early twenties.",
        "Retail sales rose 0.1%, the smallest gain in a year.",
        "It was his second letter in two weeks.",
    ],
)
def test_ages_and_lengths_of_time_are_not_dates(sentence: str) -> None:
    assert found(sentence) == []


# --- direction --------------------------------------------------------------


def test_a_fiscal_quarter_reported_in_the_past_has_begun() -> None:
    """Said in November, the fiscal first quarter a company earned money in
    is this year's, not the one starting in January."""
    (item,) = found(
        "The airline earned $5 million in the fiscal first quarter.",
        date(2025, 11, 3),
    )
    assert (item.when.start_day, item.tense) == (date(2025, 1, 1), "past")


def test_a_day_named_for_its_event_has_happened() -> None:
    (item,) = found(
        "Lawyers said they would look for ways around Wednesday's ruling.",
    )
    assert (item.when.start_day, item.tense) == (date(2026, 1, 7), "past")


def test_what_is_put_off_until_a_day_lies_ahead() -> None:
    postponed, opened = found(
        "The board postponed until Tuesday any vote on the merger."
        " The shop was open until Tuesday.",
    )
    assert (postponed.when.start_day, postponed.tense) == (date(2026, 1, 13), "future")
    assert (opened.when.start_day, opened.tense) == (date(2026, 1, 6), "past")


def test_can_points_ahead_like_the_other_modals() -> None:
    (item,) = found(
        "With membership secure, they can take part in the summit in April.",
        date(2025, 12, 5),
    )
    assert (item.when.start_day, item.tense) == (date(2026, 4, 1), "future")


def test_next_to_is_a_place_not_a_cue() -> None:
    (item,) = found(
        "Dozens were hurt in the blast next to the embassy on Friday.",
    )
    assert (item.when.start_day, item.tense) == (date(2026, 1, 9), "past")


# --- counted from an event the text dated -------------------------------------


def test_a_count_from_a_dated_event_reads_against_its_date() -> None:
    text = (
        "Parliament held the vote on March 3. Two days after the vote, the"
        " prime minister resigned. The day before the vote, crowds gathered."
    )
    got = [(f.text, f.when.start_day, f.when.precision) for f in found(text, MARCH_20)]
    assert got == [
        ("on March 3", date(2026, 3, 3), "day"),
        ("Two days after the vote", date(2026, 3, 5), "day"),
        # Counted from the vote's own date, not from the date just before.
        ("The day before the vote", date(2026, 3, 2), "day"),
    ]


def test_a_count_from_an_undated_event_is_left_unread() -> None:
    assert found("Two days after the vote, the prime minister resigned.") == []
    # "the last one" names no thing a date was given to.
    text = (
        "The last poll was held on 9 August. The next one is on 10 August 2027,"
        " five years after the last one."
    )
    assert [f.text for f in found(text, MARCH_20)] == [
        "on 9 August",
        "on 10 August 2027",
    ]


def test_a_day_count_from_a_month_claims_no_day() -> None:
    text = "The vote took place in March. Two days after the vote, he resigned."
    assert [f.text for f in found(text, MARCH_20)] == ["in March"]


# --- halves of a year in company results -------------------------------------


def test_the_first_half_of_a_results_story_is_of_the_year() -> None:
    text = "The maker posted a 38% jump in pretax profit for the first half."
    assert readings(text, date(2025, 10, 30)) == [
        ("the first half", "2025-01-01", "2025-06-30", "quarter")
    ]


def test_the_second_half_of_a_match_is_no_date() -> None:
    text = "He scored twice in the second half. Sales rose in 2025."
    assert [f.text for f in found(text)] == ["in 2025"]


def test_a_calendar_decade_after_a_possessive_is_still_a_date() -> None:
    assert readings("The band was at its peak in their 1990s heyday.") == [
        ("1990s", "1990-01-01", "1999-12-31", "decade")
    ]


def test_that_day_after_a_year_is_no_made_up_day() -> None:
    text = "The crash came in 1987. Traders lost heavily on deals made that day."
    assert [f.text for f in found(text)] == ["in 1987"]
    dated = "The crash came on 19 October 1987. Traders lost heavily that day."
    assert [(f.text, f.when.start_day) for f in found(dated)] == [
        ("on 19 October 1987", date(1987, 10, 19)),
        ("that day", date(1987, 10, 19)),
    ]


def test_a_count_from_a_compound_name_is_left_unread() -> None:
    """ "the stock market plunge" is no one noun the text dated."""
    text = (
        "The stock fell on 12 October. Traders sold the day before the stock"
        " market plunge."
    )
    assert [f.text for f in found(text)] == ["on 12 October"]
