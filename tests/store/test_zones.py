"""Time zones: a timed date keeps the zone it was written in (issue 17).

Reading ("14:30 EST", "2026-01-09T14:30-05:00"), refusing what is no zone,
ordering by the real instant, labels in the user's zone, and the model's
checks on what a file may hold.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from dateline.store.dates import parse_date
from dateline.store.dates.labels import describe, format_when
from dateline.store.errors import DateParseError
from dateline.store.model import Event, FuzzyDate, ShapeError, check_date_doc
from dateline.store.zones import ZoneError, canonical_zone, to_utc, zone_of

ANCHOR = date(2026, 1, 10)
PARIS = "Europe/Paris"


def read(text: str) -> FuzzyDate:
    return parse_date(text, ANCHOR)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.mark.parametrize(
    ("text", "start", "zone", "utc"),
    [
        ("14:30 EST", "2026-01-10 14:30", "EST", "2026-01-10 19:30"),
        ("2:30 p.m. ET", "2026-01-10 14:30", "ET", "2026-01-10 19:30"),
        ("14:30 UTC", "2026-01-10 14:30", "UTC", "2026-01-10 14:30"),
        ("2026-01-09T14:30-05:00", "2026-01-09 14:30", "-05:00", "2026-01-09 19:30"),
        ("2026-01-09T19:30Z", "2026-01-09 19:30", "UTC", "2026-01-09 19:30"),
        ("2026-01-09 14:30+0530", "2026-01-09 14:30", "+05:30", "2026-01-09 09:00"),
        ("9 Jan 2026 14:30 Europe/Paris", "2026-01-09 14:30", PARIS, "2026-01-09 13:30"),  # noqa: E501
        ("9 jan 2026 14:30 europe/paris", "2026-01-09 14:30", PARIS, "2026-01-09 13:30"),  # noqa: E501
        ("Fri 9 January 2026 at 5pm PT", "2026-01-09 17:00", "PT", "2026-01-10 01:00"),
        ("9 Jan 2026 14:30 UTC+5:30", "2026-01-09 14:30", "+05:30", "2026-01-09 09:00"),
        ("9 Jan 2026 14:30 GMT-3", "2026-01-09 14:30", "-03:00", "2026-01-09 17:30"),
        ("9 Jan 2026 14:30 (CET)", "2026-01-09 14:30", "CET", "2026-01-09 13:30"),
    ],
)  # fmt: skip
def test_a_zone_written_after_a_clock_time_is_kept(
    text: str, start: str, zone: str, utc: str
) -> None:
    when = read(text)
    assert (when.start, when.zone, when.text) == (at(start), zone, text)
    assert when.instant == at(utc)


def test_a_zone_free_time_reads_as_before() -> None:
    when = read("9 Jan 2026 14:30")
    assert (when.start, when.precision, when.zone) == (
        datetime(2026, 1, 9, 14, 30),
        "minute",
        None,
    )
    # A range of clock times is still a range, not an offset of -15:00.
    both = read("9 Jan 2026 14:30 -15:00")
    assert (both.end, both.zone) == (datetime(2026, 1, 9, 15), None)
    # A slash after a word is no zone name: the old message, not a zone's.
    with pytest.raises(DateParseError) as caught:
        read("early March/April")
    assert "zone" not in str(caught.value)


def test_an_hour_and_a_range_take_the_zone_on_both_ends() -> None:
    hour = read("9 Jan 2026 5pm EST")
    assert (hour.precision, hour.zone, hour.end) == (
        "hour",
        "EST",
        datetime(2026, 1, 9, 17, 59),
    )
    span = read("9 Jan 2026 14:30-16:00 CET")
    assert (span.start.hour, span.end.hour, span.zone) == (14, 16, "CET")


def test_daylight_saving_follows_the_date_for_zones_that_keep_it() -> None:
    # New York is -05:00 in January and -04:00 in July; "ET" and the IANA
    # name follow it, "EST" names standard time whatever the month.
    assert read("9 Jan 2026 14:30 America/New_York").instant == datetime(
        2026, 1, 9, 19, 30
    )
    assert read("9 Jul 2026 14:30 America/New_York").instant == datetime(
        2026, 7, 9, 18, 30
    )
    assert read("9 Jul 2026 14:30 ET").instant == datetime(2026, 7, 9, 18, 30)
    assert read("9 Jul 2026 14:30 EST").instant == datetime(2026, 7, 9, 19, 30)
    assert read("9 Jul 2026 14:30 EDT").instant == datetime(2026, 7, 9, 18, 30)
    # The night the clocks go forward (8 March 2026, 02:00 -> 03:00) and
    # back (1 November, 02:00 twice): either side of the change.
    assert read("8 Mar 2026 01:30 ET").instant == datetime(2026, 3, 8, 6, 30)
    assert read("8 Mar 2026 03:30 ET").instant == datetime(2026, 3, 8, 7, 30)
    assert read("1 Nov 2026 00:30 ET").instant == datetime(2026, 11, 1, 4, 30)
    assert read("1 Nov 2026 03:30 ET").instant == datetime(2026, 11, 1, 8, 30)
    # Paris changes on the last Sunday of March.
    assert read("28 Mar 2026 12:00 Europe/Paris").instant == datetime(2026, 3, 28, 11)
    assert read("29 Mar 2026 12:00 Europe/Paris").instant == datetime(2026, 3, 29, 10)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("14:30 Mars/Olympus", '"Mars/Olympus" is no time zone'),
        ("14:30 +99:00", "+99:00 is no offset in use"),
        ("2026-01-09T14:30+15:00", "+15:00 is no offset in use"),
        ("14:30 UTC+14:30", "no offset in use"),
        ("14:30 IST", "IST could mean India (+05:30), Ireland (Europe/Dublin)"),
        ("14:30 AST", "AST could mean Atlantic"),
        ("9 Jan 2026 EST", "A time zone (EST) goes only with a clock time"),
        ("January 2026 Europe/Paris", "reads as a month"),
    ],
)
def test_what_is_no_zone_is_refused_with_what_to_write(text: str, words: str) -> None:
    with pytest.raises(DateParseError) as caught:
        read(text)
    message = str(caught.value)
    assert words in message and f'"{text}"' in message


def test_zone_spellings_are_stored_one_way() -> None:
    assert canonical_zone("z") == canonical_zone("+00:00") == "UTC"
    assert canonical_zone("est") == "EST"
    assert canonical_zone("america/new_york") == "America/New_York"
    assert canonical_zone("+0530") == canonical_zone("UTC+5:30") == "+05:30"
    for bad in ("Mars/Olympus", "+99:00", "", "IST", "14:30"):
        with pytest.raises(ZoneError):
            canonical_zone(bad)
    aware = datetime.fromisoformat("2026-01-09T14:30-05:00")
    assert zone_of(aware) == "-05:00" and zone_of(aware.replace(tzinfo=None)) is None
    assert to_utc(datetime(2026, 1, 9, 14, 30), "EST") == datetime(2026, 1, 9, 19, 30)


# -- sorting ---------------------------------------------------------------


def test_zoned_times_sort_by_their_real_instant() -> None:
    est = read("9 Jan 2026 14:30 EST")  # 19:30 UTC
    cet = read("9 Jan 2026 15:00 CET")  # 14:00 UTC
    assert cet.sort_key < est.sort_key
    # Late in New York is the next day in UTC: after an early Paris time then.
    late = read("9 Jan 2026 23:00 ET")  # 04:00 UTC on the 10th
    paris = read("10 Jan 2026 03:00 Europe/Paris")  # 02:00 UTC on the 10th
    assert paris.sort_key < late.sort_key
    assert late.sort_day == date(2026, 1, 10).toordinal()
    # Zone-free times sort as always: by their wall clock.
    plain = [read("9 Jan 2026 09:00"), read("9 Jan 2026 08:00")]
    assert sorted(plain, key=lambda w: w.sort_key)[0].start.hour == 8
    assert read("9 Jan 2026 09:00").sort_key == (date(2026, 1, 9).toordinal(), 540, 0)


def test_the_timeline_lists_zoned_events_in_instant_order() -> None:
    from dateline.store.timeline import Timeline

    timeline = Timeline.memory()
    for title, text in (
        ("Washington", "9 Jan 2026 14:30 EST"),
        ("Paris", "9 Jan 2026 15:00 CET"),
        ("Tokyo", "9 Jan 2026 20:00 JST"),
    ):
        timeline.put(Event(read(text), title))
    assert [e.title for e in timeline.events()] == ["Tokyo", "Paris", "Washington"]


# -- labels ----------------------------------------------------------------


def test_a_zoned_time_is_labelled_in_its_own_zone_or_the_users() -> None:
    est = read("9 Jan 2026 14:30 EST")
    assert format_when(est) == "Fri 9 Jan 2026 14:30 EST"
    assert format_when(est, zone="Europe/Paris") == "Fri 9 Jan 2026 20:30 CET"
    # A row (no year) in the user's zone, short enough for the date column.
    assert format_when(est, with_year=False, zone="Europe/Paris") == "9 Jan 20:30"
    assert (
        describe(est, "Europe/Paris") == "Fri 9 Jan 2026 14:30 EST (20:30 CET) · minute"
    )
    # In the user's own zone nothing is repeated.
    assert describe(est, "EST") == "Fri 9 Jan 2026 14:30 EST · minute"
    # Across midnight the day is named too.
    late = read("9 Jan 2026 23:30 ET")
    assert describe(late, "Europe/Paris") == (
        "Fri 9 Jan 2026 23:30 EST (Sat 10 Jan 2026 05:30 CET) · minute"
    )
    # In summer the database's own names: EDT, CEST.
    july = read("9 Jul 2026 14:30 ET")
    assert (
        describe(july, "Europe/Paris")
        == "Thu 9 Jul 2026 14:30 EDT (20:30 CEST) · minute"
    )
    offset = read("2026-01-09T14:30-05:00")
    assert format_when(offset) == "Fri 9 Jan 2026 14:30 UTC-05:00"


def test_zone_free_labels_do_not_change() -> None:
    plain = read("9 Jan 2026 14:30")
    assert format_when(plain, zone="Europe/Paris") == "Fri 9 Jan 2026 14:30"
    assert describe(plain, "Europe/Paris") == "Fri 9 Jan 2026 14:30 · minute"


# -- the model -------------------------------------------------------------


def test_a_zone_goes_only_with_a_clock_time() -> None:
    with pytest.raises(ValueError, match="goes only with a clock time"):
        FuzzyDate(date(2026, 1, 9), date(2026, 1, 9), "day", zone="EST")
    with pytest.raises(ValueError, match="no time zone"):
        FuzzyDate(
            datetime(2026, 1, 9, 14), datetime(2026, 1, 9, 14), "minute", zone="Mars/X"
        )


def test_documents_carry_the_zone_and_older_ones_read_without_it() -> None:
    when = read("9 Jan 2026 14:30 Europe/Paris")
    doc = when.to_doc()
    assert doc["zone"] == "Europe/Paris"
    assert FuzzyDate.from_doc(doc) == when
    older = {k: v for k, v in doc.items() if k != "zone"}
    assert FuzzyDate.from_doc(older).zone is None


@pytest.mark.parametrize(
    ("zone", "words"),
    [
        (5, '"zone" must be text'),
        ("Mars/Olympus", "is no time zone"),
        ("+99:00", "no offset in use"),
        ("est", "must be written EST"),
    ],
)
def test_a_hostile_zone_in_a_file_is_named(zone: object, words: str) -> None:
    doc = read("9 Jan 2026 14:30").to_doc() | {"zone": zone}
    with pytest.raises(ShapeError, match=words):
        check_date_doc(doc)


def test_a_zone_on_a_day_in_a_file_is_named() -> None:
    doc = read("9 Jan 2026").to_doc() | {"zone": "EST"}
    with pytest.raises(ShapeError, match="goes only with a clock time"):
        check_date_doc(doc)


# -- ingestion -------------------------------------------------------------


def test_an_article_keeps_the_zone_after_a_clock_time() -> None:
    from dateline.store.ingest.find_dates import find_dates

    text = (
        "The talks began on Friday, January 9, 2026, at 2:30 p.m. ET in "
        "Washington. A second meeting on 12 January 2026 at 10:00 CET followed. "
        "Smith et al. met on Jan 5 at 3 pm. The call on Jan 6 at 9:00 IST "
        "was short."
    )
    found = {f.when.start: f.when for f in find_dates(text, ANCHOR)}
    talks = found[datetime(2026, 1, 9, 14, 30)]
    assert (talks.zone, talks.text) == (
        "ET",
        "on Friday, January 9, 2026, at 2:30 p.m. ET",
    )
    assert found[datetime(2026, 1, 12, 10)].zone == "CET"
    # No zone guessed: "et al." is no zone, and IST names three.
    assert found[datetime(2026, 1, 5, 15)].zone is None
    assert found[datetime(2026, 1, 6, 9)].zone is None


def test_a_well_spelled_zone_name_needs_no_walk_of_the_zone_list() -> None:
    # Listing every zone walks the database (~0.4 s here): only a name in
    # another spelling pays it.
    from dateline.store import zones

    zones._iana_names.cache_clear()
    assert canonical_zone("America/Argentina/Buenos_Aires") == (
        "America/Argentina/Buenos_Aires"
    )
    assert zones._iana_names.cache_info().misses == 0
    assert canonical_zone("america/argentina/buenos_aires").startswith("America/")
    assert zones._iana_names.cache_info().misses == 1


def test_a_zoned_time_at_the_calendars_edge_is_refused_or_shown_as_written() -> None:
    # Its instant would fall outside the years 1-9999: refused, with words.
    with pytest.raises(DateParseError, match="outside the years 1-9999 in UTC"):
        read("31 Dec 9999 23:00 EST")
    with pytest.raises(ValueError, match="outside the years 1-9999"):
        early = datetime(1, 1, 1, 0, 30)
        FuzzyDate(early, early, "minute", zone="+05:30")
    # Its instant fits, but Tokyo is already in the year 10000: shown as written.
    late = read("31 Dec 9999 14:00 EST")
    assert format_when(late, zone="Asia/Tokyo") == "Fri 31 Dec 9999 14:00 EST"
    assert describe(late, "Asia/Tokyo") == "Fri 31 Dec 9999 14:00 EST · minute"
