"""Any event a user could enter survives the rich formats' round trips."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

from dateline.store.formats.registry import render_export
from dateline.store.model import BOUNDS, Actor, ActorRef, Event, FuzzyDate
from dateline.store.names import fold
from dateline.store.timeline import Timeline
from hypothesis import given, settings
from hypothesis import strategies as st

# Words with the characters that break markup: <, &, ", ;, commas, quotes.
WORD = st.text(
    alphabet=st.sampled_from("abcXYZéü<>&\"';,:*_[]#\\—“”0123456789"),
    min_size=1,
    max_size=8,
)
PHRASE = st.lists(WORD, min_size=1, max_size=5).map(" ".join)
#: A name must have a letter or digit: punctuation alone names no one.
NAME = PHRASE.filter(lambda text: bool(fold(text)))


@st.composite
def fuzzy_dates(draw: st.DrawFn) -> FuzzyDate:
    precision = draw(st.sampled_from(["minute", "hour", "day", "week", "month",
                                      "quarter", "year", "decade",
                                      "century"]))  # fmt: skip
    day = draw(st.dates(min_value=date(1, 1, 1), max_value=date(9998, 1, 1)))
    if precision == "minute":
        start = datetime(day.year, day.month, day.day, draw(st.integers(0, 23)),
                         draw(st.integers(0, 59)))  # fmt: skip
        end = start + timedelta(minutes=draw(st.integers(0, 600)))
    elif precision == "hour":
        start = datetime(day.year, day.month, day.day, draw(st.integers(0, 23)))
        end = start.replace(minute=59)
    elif precision in ("day", "week"):
        start, end = day, day + timedelta(days=draw(st.integers(0, 40)))
    elif precision in ("month", "quarter"):
        start = day.replace(day=1)
        months = draw(st.integers(0, 5))
        year, month = divmod(start.month - 1 + months, 12)
        last = date(start.year + year, month + 1, 1)
        end = last.replace(day=calendar.monthrange(last.year, last.month)[1])
    else:
        start = day if draw(st.booleans()) else date(day.year, 1, 1)
        span = {"decade": 9, "century": 99}.get(precision, 0)
        end = date(min(day.year + draw(st.integers(0, span)), 9999), 12, 31)
    # Time zones: a clock time may carry one (not on 1 Jan of year 1, where
    # an eastern zone's instant would fall before the calendar).
    zones = [None, "EST", "ET", "Europe/Paris", "+05:30", "UTC"]
    timed = precision in ("minute", "hour") and day > date(1, 1, 1)
    return FuzzyDate(start, end, precision, text=draw(st.one_of(st.just(""), PHRASE)),
                     approximate=draw(st.booleans()),
                     bound=draw(st.sampled_from([None, *BOUNDS])),
                     zone=draw(st.sampled_from(zones)) if timed else None)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(when=fuzzy_dates(), title=PHRASE, summary=PHRASE, name=NAME, role=PHRASE)
def test_timelinejs_and_ics_keep_dates_words_and_actors(
    when: FuzzyDate, title: str, summary: str, name: str, role: str
) -> None:
    actor = Actor(name=name)
    event = Event(when=when, title=title, summary=summary,
                  actors=(ActorRef(actor.id, role),), tags=(title,))  # fmt: skip
    source = Timeline.memory()
    source.put(actor, event)
    for fmt in ("timelinejs", "ics"):
        text = render_export(source, None, fmt)
        back = Timeline.memory()
        if fmt == "ics":
            from dateline.store.formats.ics import read_ics as read

            batch = read(text, "x")
        else:
            import json

            from dateline.store.formats.timelinejs import read_timelinejs

            batch = read_timelinejs(json.loads(text), "x")
        from dateline.store.formats.batch import merge_batch

        merge_batch(back, batch)
        got = back.event(event.id)
        assert got.when == when, fmt
        assert (got.title, got.summary, got.tags) == (title, summary, (title,)), fmt
        [ref] = got.actors
        assert (back.actor(ref.actor).name, ref.role) == (name, role), fmt
