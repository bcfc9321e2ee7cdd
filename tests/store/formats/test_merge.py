"""Import merges: one undoable step, known actors matched, duplicates skipped."""

from __future__ import annotations

from pathlib import Path

from dateline.store.disk.journal import read_journal
from dateline.store.formats.registry import import_file, render_export
from dateline.store.timeline import Timeline

from tests.store.formats.helpers import FIXTURES


def _journal_lines(path: Path) -> int:
    """Entries, not lines: the journal's first line is its snapshot header."""
    return len(read_journal(path.with_name(path.name + ".journal")).entries)


def test_a_whole_file_is_one_journal_entry_and_one_undo(demo_path: Path) -> None:
    with Timeline.open(demo_path) as timeline:
        before = _journal_lines(demo_path)
        report = import_file(timeline, FIXTURES / "timelinejs_eras.json")
        assert report.events == 4
        assert _journal_lines(demo_path) == before + 1
        timeline.undo()
        assert len(timeline) == 8 and not timeline.can_undo


def test_reimport_of_the_same_ids_changes_nothing_even_allowing_duplicates(
    demo: Timeline, tmp_path: Path
) -> None:
    path = tmp_path / "again.ics"
    path.write_text(render_export(demo, None, "ics"), encoding="utf-8")
    before = demo.all_docs()
    report = import_file(demo, path)
    assert (report.events, len(report.duplicates), report.same) == (0, 0, 8)
    assert report.summary() == (
        "Imported 0 events, 0 new actors, 0 quotes, 0 sources; "
        "8 records already up to date; 4 actors matched existing ones."
    )
    # Merged by UID: the same records, not copies, whatever the flag says.
    report = import_file(demo, path, allow_duplicates=True)
    assert report.events == 0 and demo.all_docs() == before


def test_imported_sources_match_known_articles_by_title(
    demo: Timeline, tmp_path: Path
) -> None:
    path = tmp_path / "copy.timeline.json"
    path.write_text(render_export(demo, None, "timelinejs"), encoding="utf-8")
    import_file(demo, path, allow_duplicates=True)
    # No URLs in the demo: title and outlet say it is the same article.
    assert len(demo.sources()) == 2


def test_native_import_into_a_new_file_keeps_ids(
    demo: Timeline, tmp_path: Path
) -> None:
    path = tmp_path / "all.json"
    path.write_text(render_export(demo, None, "json"), encoding="utf-8")
    fresh = Timeline.open(tmp_path / "fresh.json")
    report = import_file(fresh, path)
    assert report.summary() == ("Imported 8 events, 5 new actors, 5 quotes, 2 sources.")
    assert set(fresh.events_by_id) == set(demo.events_by_id)


def test_records_only_a_skipped_duplicate_needs_are_not_added(
    demo: Timeline, tmp_path: Path
) -> None:
    path = tmp_path / "dup.csv"
    path.write_text(
        "title,start,end,precision,actors,source_urls\n"
        "U.S. imposes sanctions on Petro,2025-10-01,2025-10-31,month,"
        "Treasury Department,https://example.org/ofac\n",
        encoding="utf-8",
    )
    report = import_file(demo, path)
    assert (report.events, report.actors, report.sources) == (0, 0, 0)
    assert report.duplicates == ["U.S. imposes sanctions on Petro"]
    assert len(demo.actors()) == 5 and len(demo.sources()) == 2
