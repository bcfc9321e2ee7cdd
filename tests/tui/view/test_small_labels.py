"""The small pure labels: counts, article names, which way dates point."""

from __future__ import annotations

from datetime import date

from dateline.store.errors import counted
from dateline.store.model import Source
from dateline.tui.view.date_direction import prefer_for
from dateline.tui.view.source_labels import LABEL_LIMIT, source_label


def test_counted_is_plural_unless_one() -> None:
    assert counted(1, "event") == "1 event"
    assert [counted(n, "quote") for n in (0, 2)] == ["0 quotes", "2 quotes"]
    assert counted(3060, "event") == "3,060 events"


def test_a_source_reads_outlet_date_headline() -> None:
    source = Source("Trump invites Petro", "Kurdistan24", published=date(2026, 1, 10))
    assert source_label(source) == "Kurdistan24 · 2026-01-10 · Trump invites Petro"
    assert source_label(Source("")) == "(no outlet) · (no headline)"


def test_a_long_source_label_is_cut_with_an_ellipsis_and_shows_controls() -> None:
    label = source_label(Source("x" * 200 + "\x1b[31m", "Outlet"))
    assert len(label) == LABEL_LIMIT and label.endswith("…")
    assert "\x1b" not in source_label(Source("a\x1bb"))


def test_expected_events_read_dates_forward_the_rest_back() -> None:
    assert prefer_for("expected") == "future"
    assert prefer_for("occurred") == "past"
