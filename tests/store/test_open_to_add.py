"""Adding to a big timeline reads only what a new event is matched against
(issue 19): the actors and sources, never the events or quotes, and it never
rewrites the snapshot; the matching rules still hold.

``FOLD_ON_CLOSE`` is lowered so the 11-event demo stands in for a timeline
too big to fold on close.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from dateline.store import decode
from dateline.store import timeline as timeline_module
from dateline.store.changes.drafts import EventDraft, SourceDraft, save_draft
from dateline.store.disk.journal import journal_path
from dateline.store.model import FuzzyDate, Source
from dateline.store.timeline import Timeline
from dateline.store.transaction import TransactionError
from dateline.tui.cli import main

DAY = FuzzyDate(date(2026, 1, 12), date(2026, 1, 12), "day", "Monday")


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The verbs run here read a settings folder of their own."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    monkeypatch.delenv("DATELINE_DB", raising=False)


@pytest.fixture
def big(demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo, snapshotted, counted as a timeline too big to fold on close."""
    with Timeline.open(demo_path) as timeline:
        timeline.put(Source("Wire", url="https://example.org/a", id="so-wire"))
        timeline.snapshot()
    monkeypatch.setattr(timeline_module, "FOLD_ON_CLOSE", 1)
    return demo_path


def test_it_reads_actors_and_sources_but_no_events_or_quotes(big: Path) -> None:
    full = Timeline.open(big)
    timeline = Timeline.open_to_add(big)
    assert timeline.events_by_id == {} and timeline.quotes_by_id == {}
    assert dict(timeline.actors_by_id) == dict(full.actors_by_id)
    assert dict(timeline.sources_by_id) == dict(full.sources_by_id)


def test_an_added_event_matches_known_actors_and_links_and_is_journaled(
    big: Path,
) -> None:
    full = Timeline.open(big)
    petro = full.find_actor("Gustavo Petro")
    assert petro is not None
    before = big.read_bytes()
    with Timeline.open_to_add(big) as timeline:
        event = save_draft(
            timeline,
            EventDraft(
                when=DAY,
                title="Petro lands in Washington",
                actor_names=("petro",),
                quote_text="We came to talk",
                quote_speaker="Gustavo Petro",
                source=SourceDraft(url="https://example.org/a"),
            ),
        )
    # Matched, not duplicated: the known actor and the known source.
    assert [ref.actor for ref in event.actors] == [petro.id]
    assert event.sources == ("so-wire",)
    # Journaled, and the snapshot left as it was (no rewrite on close).
    assert big.read_bytes() == before
    assert journal_path(big).stat().st_size > 0
    reopened = Timeline.open(big)
    assert reopened.event(event.id) == event
    assert len(reopened) == len(full) + 1
    assert len(reopened.actors_by_id) == len(full.actors_by_id)
    quote = reopened.quote(event.quotes[0])
    assert quote.speaker == petro.id and quote.event == event.id


def test_it_refuses_to_write_out_what_it_never_read(big: Path, tmp_path: Path) -> None:
    timeline = Timeline.open_to_add(big)
    with pytest.raises(TransactionError, match="opened only to add"):
        timeline.snapshot()
    with pytest.raises(TransactionError, match="opened only to add"):
        timeline.all_docs()
    with pytest.raises(TransactionError, match="opened only to add"):
        timeline.write_back(tmp_path / "copy.json")
    assert not (tmp_path / "copy.json").exists()


def test_a_small_timeline_is_opened_whole_and_folded_as_before(
    demo_path: Path,
) -> None:
    timeline = Timeline.open_to_add(demo_path)
    assert len(timeline) == len(Timeline.open(demo_path)) > 0


def test_a_journal_due_a_fold_opens_the_whole_timeline(
    big: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timeline_module, "SNAPSHOT_AFTER", 2)
    for n in range(2):
        with Timeline.open_to_add(big) as timeline:
            assert len(timeline) == 0
            save_draft(timeline, EventDraft(when=DAY, title=f"Added {n}"))
    timeline = Timeline.open_to_add(big)
    assert len(timeline) > 2
    assert timeline.snapshot_due
    timeline.close()
    assert Timeline.open(big).pending_journal == 0


def test_the_add_verb_still_refuses_a_lookalike_name(
    big: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--db", str(big), "add", "--date", "2026-01-12", "--title", "Talks"]
    assert main([*argv, "--actor", "Gustavo Ptro"]) == 2
    assert 'looks like "Gustavo Petro"' in capsys.readouterr().err
    assert main([*argv, "--actor", "Gustavo Petro"]) == 0
    assert Timeline.open(big).pending_journal == 1


def test_list_as_a_table_builds_no_quote_or_source(
    big: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--db", str(big), "list"]
    assert main(argv) == 0
    shown = capsys.readouterr().out
    assert "Petro" in shown

    def refused(self: object, doc: object) -> None:
        raise AssertionError("list's table needs no quotes or sources")

    monkeypatch.setattr(decode._Builder, "quote", refused)
    monkeypatch.setattr(decode._Builder, "source", refused)
    assert main(argv) == 0
    assert capsys.readouterr().out == shown
    # A text search looks in quotes too, so it reads them.
    assert main([*argv, "--search", "cocaine"]) == 2
    assert "needs no quotes or sources" in capsys.readouterr().err
