"""Two editors exchanging files: edits land in place, deletions carry,
conflicts are kept and settled, nothing is duplicated or silently lost."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from dateline.store.changes.conflicts import (
    differences,
    keep_mine,
    keep_theirs,
    open_conflicts,
    settle,
)
from dateline.store.formats.folder import write_folder
from dateline.store.formats.merge import ImportReport
from dateline.store.formats.registry import import_file, render_export
from dateline.store.revision import content
from dateline.store.timeline import Timeline

#: Lossless formats (native, the folder) and the ones that carry events only.
FORMATS = ["json", "dir", "ics", "timelinejs"]
SUFFIX = {"json": ".json", "ics": ".ics", "timelinejs": ".timeline.json", "dir": ""}


def send(src: Timeline, dst: Timeline, fmt: str, folder: Path) -> ImportReport:
    """``src`` exported whole in ``fmt`` and imported into ``dst``."""
    path = folder / f"{src.author}-{len(list(folder.iterdir()))}{SUFFIX[fmt]}"
    if fmt == "dir":
        write_folder(src, path)
    else:
        path.write_text(render_export(src, None, fmt), encoding="utf-8")
    return import_file(dst, path)


def export_to(src: Timeline, fmt: str, path: Path) -> Path:
    if fmt == "dir":
        write_folder(src, path)
    else:
        path.write_text(render_export(src, None, fmt), encoding="utf-8")
    return path


@pytest.fixture
def desk(demo: Timeline, tmp_path: Path) -> tuple[Timeline, Timeline, Path]:
    """Editor A's timeline (the demo) and editor B's copy of it."""
    demo.author = "alice"
    folder = tmp_path / "mail"
    folder.mkdir()
    other = Timeline.open(tmp_path / "bob.json", author="bob")
    send(demo, other, "json", folder)
    return demo, other, folder


def events_of(timeline: Timeline) -> dict[str, dict]:
    return {k: content(timeline.doc("events", k) or {}) for k in timeline.events_by_id}


def retitle(timeline: Timeline, event_id: str, title: str) -> None:
    event = timeline.event(event_id)
    with timeline.change() as tx:
        tx.update(event, replace(event, title=title))


@pytest.mark.parametrize("fmt", FORMATS)
def test_edits_land_in_place(desk, fmt: str) -> None:
    a, b, folder = desk
    retitle(b, "ev-announcement", "Trump invites Petro (retitled by B)")
    summary = b.event("ev-phone-call")
    with b.change() as tx:
        tx.update(summary, replace(summary, summary="B's better summary."))
    report = send(b, a, fmt, folder)
    assert report.updated == 2 and not report.conflicts and report.events == 0
    assert len(a) == 8, "nothing duplicated"
    assert a.event("ev-announcement").title == "Trump invites Petro (retitled by B)"
    assert a.event("ev-phone-call").summary == "B's better summary."
    # Who changed it travels with it.
    assert a.event("ev-announcement").updated_by == "bob"
    # And it is the same revision on both sides: nothing to send back.
    back = send(a, b, fmt, folder)
    assert back.updated == 0 and not back.conflicts


@pytest.mark.parametrize("fmt", FORMATS)
def test_importing_the_same_file_twice_changes_nothing(desk, fmt: str) -> None:
    a, b, folder = desk
    retitle(b, "ev-announcement", "Retitled")
    path = export_to(b, fmt, folder / f"once{SUFFIX[fmt]}")
    import_file(a, path)
    held = a.all_docs()
    again = import_file(a, path)
    assert a.all_docs() == held and again.nothing_new


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_older_copy_is_skipped(desk, fmt: str) -> None:
    a, b, folder = desk
    old = export_to(b, fmt, folder / f"old{SUFFIX[fmt]}")
    retitle(a, "ev-announcement", "A's newer title")
    report = import_file(a, old)
    assert a.event("ev-announcement").title == "A's newer title"
    assert report.older >= 1 and not report.conflicts


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_conflict_is_kept_reported_and_settled_field_by_field(desk, fmt: str) -> None:
    a, b, folder = desk
    retitle(a, "ev-announcement", "A's title")
    event = b.event("ev-announcement")
    with b.change() as tx:
        tx.update(event, replace(event, title="B's title", summary="B's summary"))
    report = send(b, a, fmt, folder)
    assert report.conflicts == [
        'event "B\'s title" (ev-announcement): changed on both sides'
    ]
    assert "1 conflict kept to settle" in report.summary()
    # Nothing overwritten, nothing lost: ours stands, theirs is kept.
    assert a.event("ev-announcement").title == "A's title"
    [conflict] = open_conflicts(a)
    assert conflict.theirs["title"] == "B's title"
    diffs = {d.name: (d.mine, d.theirs) for d in differences(a, conflict)}
    assert set(diffs) == {"title", "summary"}
    # Their summary, our title.
    settle(a, conflict.id, {"summary"})
    settled = a.event("ev-announcement")
    assert (settled.title, settled.summary) == ("A's title", "B's summary")
    assert not a.conflicts_by_id
    # The settled version descends from both: B takes it in place, and
    # B's copy does not come back as a conflict.
    assert not send(b, a, fmt, folder).conflicts
    back = send(a, b, fmt, folder)
    assert back.updated == 1 and not back.conflicts
    assert b.event("ev-announcement").title == "A's title"


def test_keep_mine_and_keep_theirs(desk) -> None:
    a, b, folder = desk
    retitle(a, "ev-announcement", "A1")
    retitle(a, "ev-phone-call", "A2")
    retitle(b, "ev-announcement", "B1")
    retitle(b, "ev-phone-call", "B2")
    send(b, a, "json", folder)
    assert len(a.conflicts_by_id) == 2
    keep_mine(a, "events/ev-announcement")
    keep_theirs(a, "events/ev-phone-call")
    assert a.event("ev-announcement").title == "A1"
    assert a.event("ev-phone-call").title == "B2"
    # B had the same conflicts; A's settlement settles them there too.
    send(a, b, "json", folder)
    assert not b.conflicts_by_id
    assert events_of(a) == events_of(b)


@pytest.mark.parametrize("fmt", ["json", "dir"])
def test_deletions_carry_and_do_not_come_back(desk, fmt: str) -> None:
    a, b, folder = desk
    stale = export_to(b, fmt, folder / f"stale{SUFFIX[fmt]}")
    a.delete_event("ev-phone-call")
    report = send(a, b, fmt, folder)
    assert report.deleted >= 1 and "ev-phone-call" not in b.events_by_id
    # B's export from before the deletion, and B's new one, bring nothing back.
    import_file(a, stale)
    send(b, a, fmt, folder)
    assert "ev-phone-call" not in a.events_by_id
    assert events_of(a) == events_of(b)


def test_deleted_there_changed_here_is_a_conflict(desk) -> None:
    a, b, folder = desk
    a.delete_event("ev-phone-call")
    retitle(b, "ev-phone-call", "B kept working on it")
    report = send(a, b, "json", folder)
    assert any("deleted there, changed here" in c for c in report.conflicts)
    assert b.event("ev-phone-call").title == "B kept working on it"
    back = send(b, a, "json", folder)
    assert back.conflicts, "A sees B's edit of what A deleted"
    assert "ev-phone-call" not in a.events_by_id
    keep_theirs(a, "events/ev-phone-call")
    assert a.event("ev-phone-call").title == "B kept working on it"
    send(a, b, "json", folder)
    assert not b.conflicts_by_id and events_of(a) == events_of(b)


def test_new_records_on_both_sides_are_the_union(desk) -> None:
    a, b, folder = desk
    for timeline, title in ((a, "Only A knows"), (b, "Only B knows")):
        event = timeline.event("ev-announcement")
        with timeline.change() as tx:
            tx.put(replace(event, id=f"ev-{timeline.author}", title=title))
    send(a, b, "json", folder)
    send(b, a, "json", folder)
    assert len(a) == len(b) == 10
    assert events_of(a) == events_of(b)


def test_authorship_is_stamped_by_the_one_write_path(tmp_path: Path) -> None:
    timeline = Timeline.open(tmp_path / "t.json", author="carol")
    source = Timeline.open(tmp_path / "demo.json")
    from datetime import date

    from dateline.store.model import Event, FuzzyDate

    day = FuzzyDate(date(2026, 1, 9), date(2026, 1, 9), "day")
    timeline.put(Event(day, "Made by Carol", id="ev-carol"))
    made = timeline.event("ev-carol")
    assert (made.created_by, made.updated_by, made.rev) == ("carol", "carol", 1)
    timeline.author = "dan"
    retitle(timeline, "ev-carol", "Edited by Dan")
    edited = Timeline.open(tmp_path / "t.json").event("ev-carol")
    assert (edited.created_by, edited.updated_by, edited.rev) == ("carol", "dan", 2)
    assert edited.history == (made.rev_id,)
    source.close()


@pytest.mark.parametrize("snapshot", [False, True])
def test_tombstones_and_conflicts_survive_reopening(desk, snapshot: bool) -> None:
    a, b, folder = desk
    retitle(a, "ev-announcement", "A's title")
    retitle(b, "ev-announcement", "B's title")
    a.delete_event("ev-phone-call")
    send(b, a, "json", folder)
    assert a.conflicts_by_id and a.tombstones_by_id
    if snapshot:
        a.snapshot()  # the fast (msgspec) way in reads these tables too
    assert a.path is not None
    reopened = Timeline.open(a.path)
    assert reopened.all_docs() == a.all_docs()
    assert set(reopened.conflicts_by_id) == {"events/ev-announcement"}
    assert "events/ev-phone-call" in reopened.tombstones_by_id


FOREIGN = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//Newsroom calendar//EN
BEGIN:VEVENT
UID:briefing-42@example.org
DTSTAMP:20260110T090000Z
DTSTART;VALUE=DATE:20260203
SUMMARY:{summary}
END:VEVENT
END:VCALENDAR
"""


def test_another_calendars_changed_event_is_matched_by_uid(tmp_path: Path) -> None:
    """A calendar's event changed under the same UID is not a second copy;
    with no revision to say which side is newer, it is a conflict to settle."""
    timeline = Timeline.open(tmp_path / "t.json", author="alice")
    path = tmp_path / "desk.ics"
    path.write_text(FOREIGN.format(summary="Press briefing"), encoding="utf-8")
    assert import_file(timeline, path).events == 1
    path.write_text(FOREIGN.format(summary="Briefing moved online"), encoding="utf-8")
    report = import_file(timeline, path)
    assert report.events == 0 and len(timeline) == 1
    assert report.conflicts and timeline.event("briefing-42@example.org")
    keep_theirs(timeline, "events/briefing-42@example.org")
    assert timeline.event("briefing-42@example.org").title == "Briefing moved online"
    assert import_file(timeline, path).nothing_new


@pytest.mark.parametrize("typed", [True, False])
def test_a_schema_1_file_opens_as_revision_0_by_nobody(
    demo_path: Path, typed: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file from before revisions: no revision or author fields, schema 1,
    no desk tables. Both ways in (msgspec's typed decode, and ``from_doc``
    when that declines) read it; the next save writes the current schema."""
    import json

    from dateline.store.disk import datafile

    with Timeline.open(demo_path) as timeline:
        timeline.snapshot()
    data = json.loads(demo_path.read_text("utf-8"))
    data["meta"]["1"]["schema"] = 1
    for table in ("tombstones", "conflicts"):
        del data[table]
    for table in ("events", "actors", "quotes", "sources"):
        for doc in data[table].values():
            for name in ("created_by", "updated_by", "rev", "rev_id", "history"):
                del doc[name]
    demo_path.write_text(json.dumps(data), "utf-8")
    if not typed:
        monkeypatch.setattr(datafile, "decode_records", lambda raw, *skip: None)
    timeline = Timeline.open(demo_path, author="erin")
    event = timeline.event("ev-phone-call")
    assert (event.rev, event.rev_id, event.created_by, event.history) == (0, "", "", ())
    retitle(timeline, "ev-phone-call", "Edited after the upgrade")
    edited = timeline.event("ev-phone-call")
    assert (edited.rev, edited.updated_by, edited.history) == (1, "erin", ("",))
    timeline.snapshot()
    assert json.loads(demo_path.read_text("utf-8"))["meta"]["1"]["schema"] == 3


def test_an_actor_deleted_there_goes_unless_something_here_names_it(desk) -> None:
    from dateline.store.model import ActorRef

    a, b, folder = desk
    # A deletes Lula and Rubio with every event and quote naming them; B
    # meanwhile added an event naming Rubio.
    gone = {"ac-lula", "ac-rubio"}
    with a.change() as tx:
        for event in a.events():
            if gone & set(event.actor_ids):
                tx.delete(event)
        for quote in a.quotes_by_id.values():
            if quote.speaker in gone:
                tx.delete(quote)
        tx.delete(a.actor("ac-lula"), a.actor("ac-rubio"))
    event = b.event("ev-phone-call")
    with b.change() as tx:
        tx.put(
            replace(
                event, id="ev-bob-rubio", title="Rubio briefs",
                actors=(ActorRef("ac-rubio"),), quotes=(),
            )
        )  # fmt: skip
    report = send(a, b, "json", folder)
    assert "ac-lula" not in b.actors_by_id
    assert "ac-rubio" in b.actors_by_id
    assert any("still name it, so it was kept" in n for n in report.notes)


def test_an_older_copy_of_theirs_does_not_replace_the_conflict_held(desk) -> None:
    a, b, folder = desk
    retitle(a, "ev-announcement", "A's title")
    retitle(b, "ev-announcement", "B's first")
    first = export_to(b, "json", folder / "first.json")
    retitle(b, "ev-announcement", "B's second")
    send(b, a, "json", folder)
    import_file(a, first)  # an older mail arrives late
    [conflict] = open_conflicts(a)
    assert conflict.theirs["title"] == "B's second"
    assert a.event("ev-announcement").title == "A's title"


@pytest.mark.parametrize("typed", [True, False])
def test_a_schema_2_file_opens_with_none_of_the_fact_checkers_fields(
    demo_path: Path, typed: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file from before claims, notes, links, stars, day order, zones and
    saved views opens with each at its default, both ways in, and the next
    save writes schema 3 (which a schema 2 dateline refuses, rather than
    dropping the new fields on its next snapshot)."""
    import json

    from dateline.store.disk import datafile
    from dateline.store.disk.schema import schema_problem

    with Timeline.open(demo_path) as timeline:
        timeline.snapshot()
        before = {e.id: e.title for e in timeline.events()}
    data = json.loads(demo_path.read_text("utf-8"))
    data["meta"]["1"]["schema"] = 2
    del data["views"]
    new = ("claims", "verification", "notes", "links", "starred", "order")
    for doc in data["events"].values():
        for name in new:
            del doc[name]
        del doc["when"]["zone"]
    demo_path.write_text(json.dumps(data), "utf-8")
    if not typed:
        monkeypatch.setattr(datafile, "decode_records", lambda raw, *skip: None)
    with Timeline.open(demo_path) as timeline:
        events = timeline.events()
        assert {e.id: e.title for e in events} == before
        fields = [
            (e.claims, e.verification, e.notes, e.links, e.starred, e.order)
            for e in events
        ]
        assert set(fields) == {((), "unverified", (), (), False, 0)}
        assert all(e.when.zone is None for e in events)
        timeline.snapshot()
    assert json.loads(demo_path.read_text("utf-8"))["meta"]["1"]["schema"] == 3
    assert schema_problem(3) is None and schema_problem(4) == "newer"
