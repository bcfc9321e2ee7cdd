"""The evidence keys of the explorer (issue 17): ``!`` disputed only, ``@``
as of a day, ``V`` verification."""

from __future__ import annotations

from pathlib import Path

from dateline.store.ingest.pipeline import ingest
from dateline.store.timeline import Timeline
from dateline.tui.screens.verify import VerifyScreen
from dateline.tui.widgets.prompt import PromptBar
from textual.widgets import OptionList, Static

from tests.tui.explorer_helpers import (
    SIZE,
    goto,
    header,
    main_screen,
    make_app,
    shown_ids,
    type_text,
)
from tests.tui.waits import settle

ARTICLES = Path(__file__).resolve().parents[1] / "claims_articles"


def timeline_of_two_reports(db_path: Path) -> tuple[Timeline, str]:
    timeline = Timeline.open(db_path)
    for name in ("afp_call.txt", "afp_criticism.txt"):
        ingest(timeline, (ARTICLES / name).read_text(), accept=True)
    report = ingest(timeline, (ARTICLES / "k24_call.txt").read_text(), accept=True)
    return timeline, report.joined_ids[0]


async def test_bang_cycles_disputed_only_not_disputed_and_all(db_path: Path) -> None:
    timeline, call = timeline_of_two_reports(db_path)
    app = make_app(timeline)
    async with app.run_test(size=SIZE) as pilot:
        assert len(shown_ids(app)) == 3
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert shown_ids(app) == [call]
        assert "disputed only" in header(app) and "1 of 3" in header(app)
        await pilot.press("exclamation_mark")  # then the others: "not disputed"
        await pilot.pause()
        assert len(shown_ids(app)) == 2 and call not in shown_ids(app)
        assert "not disputed" in header(app) and "2 of 3" in header(app)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert len(shown_ids(app)) == 3 and "disputed" not in header(app)


async def test_not_disputed_is_kept_in_a_saved_view(db_path: Path) -> None:
    timeline, call = timeline_of_two_reports(db_path)
    app = make_app(timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("exclamation_mark", "exclamation_mark", "w")
        await type_text(pilot, "settled")
        await pilot.press("enter", "c")
        await pilot.pause()
        assert len(shown_ids(app)) == 3
        from dateline.store.changes import find_view

        flt = find_view(timeline, "settled").event_filter
        assert flt.not_disputed and not flt.disputed_only
        assert [e.id for e in timeline.events(flt)] == [
            i for i in shown_ids(app) if i != call
        ]


async def test_at_shows_what_was_known_and_esc_removes_it(db_path: Path) -> None:
    timeline, call = timeline_of_two_reports(db_path)
    app = make_app(timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("at")
        await pilot.pause()
        prompt = main_screen(app).query_one(PromptBar)
        assert prompt.is_open
        await type_text(pilot, "January 2026")
        await pilot.press("enter")
        await pilot.pause()
        assert prompt.is_open  # a month is not a day: said, and kept open
        assert "not one day" in prompt.error
        await pilot.press(*["backspace"] * len("January 2026"))
        await type_text(pilot, "9 Jan 2026")
        await pilot.press("enter")
        await pilot.pause()
        assert not prompt.is_open
        assert "as of Fri 9 Jan 2026" in header(app)
        # Kurdistan24's story (10 Jan) is not known yet: its February event
        # is gone, and the call shows AFP's claim alone, not disputed.
        assert len(shown_ids(app)) == 2 and call in shown_ids(app)
        shown = {e.id: e for e in main_screen(app).view.layout_data.events}
        assert len(shown[call].claims) == 1
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert shown_ids(app) == []
        await pilot.press("escape")  # the last chip: disputed only
        await pilot.press("escape")  # then as of
        await pilot.pause()
        assert "as of" not in header(app) and len(shown_ids(app)) == 3


async def test_capital_v_sets_the_verification_from_a_chooser(db_path: Path) -> None:
    timeline, call = timeline_of_two_reports(db_path)
    app = make_app(timeline)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, call)
        await pilot.press("V")
        await pilot.pause()
        assert isinstance(app.screen, VerifyScreen)
        told = str(app.screen.query_one("#verify-proposal", Static).render())
        assert "Proposed from the claims: disputed" in told
        options = app.screen.query_one(OptionList)
        assert options.highlighted == 2  # the proposal, "disputed"
        await pilot.press("escape")
        await pilot.pause()
        assert timeline.event(call).verification == "unverified"
        await pilot.press("V")
        await pilot.pause()
        await pilot.press("up", "enter")  # "confirmed", against the proposal
        await pilot.pause()
        assert not isinstance(app.screen, VerifyScreen)
        assert timeline.event(call).verification == "confirmed"
        assert Timeline.open(db_path).event(call).verification == "confirmed"
        timeline.undo()
        assert timeline.event(call).verification == "unverified"


async def test_the_evidence_keys_are_in_help(db_path: Path) -> None:
    from dateline.tui.screens.help import HelpScreen

    timeline, _call = timeline_of_two_reports(db_path)
    app = make_app(timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        described = {description: keys for _, keys, description in app.screen.lines}
        assert described["Disputed only / not disputed / all"] == "!"
        assert described["As of a date"] == "@"
        assert described["Verification"] == "V"


async def test_as_of_on_a_big_timeline_is_read_in_a_worker(db_path: Path) -> None:
    timeline, call = timeline_of_two_reports(db_path)
    app = make_app(timeline)
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        screen.SYNC_LIMIT = 1  # this small timeline counts as big
        await pilot.press("at")
        await type_text(pilot, "9 Jan 2026")
        await pilot.press("enter")
        await settle(pilot)
        assert "as of Fri 9 Jan 2026" in header(app)
        assert len(shown_ids(app)) == 2 and call in shown_ids(app)
        assert not screen.view.loading


async def test_the_event_view_as_of_a_day_shows_the_claims_known_then(
    db_path: Path,
) -> None:
    from dateline.tui.screens.event_view import EventScreen

    timeline, call = timeline_of_two_reports(db_path)
    app = make_app(timeline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("at")
        await type_text(pilot, "9 Jan 2026")
        await pilot.press("enter")
        await pilot.pause()
        await goto(pilot, call)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        text = str(app.screen.query_one("#event-text", Static).render())
        assert "AFP" in text and "Kurdistan24" not in text
        assert "disputed" not in text.split("Claims", 1)[-1].splitlines()[0]
        box = app.screen.query_one("#event-box")
        assert "as of Fri 9 Jan 2026" in str(box.border_title)
        await pilot.press("escape")
        await pilot.press("escape")  # the as-of chip
        await pilot.pause()
        await goto(pilot, call)
        await pilot.press("enter")
        await pilot.pause()
        text = str(app.screen.query_one("#event-text", Static).render())
        assert "AFP" in text and "Kurdistan24" in text


async def test_ctrl_v_cycles_the_verification_filter(db_path: Path) -> None:
    from dateline.store.changes import verify_event

    timeline, call = timeline_of_two_reports(db_path)
    verify_event(timeline, timeline.event(call), "false")
    app = make_app(timeline)
    async with app.run_test(size=SIZE) as pilot:
        seen = []
        for _ in range(5):
            await pilot.press("ctrl+v")
            await pilot.pause()
            seen.append((header(app), shown_ids(app)))
        unverified, confirmed, disputed, false, everything = seen
        assert "verified: unverified" in unverified[0]
        assert len(unverified[1]) == 2 and call not in unverified[1]
        assert confirmed[1] == [] and disputed[1] == []
        assert "verified: false" in false[0] and false[1] == [call]
        assert "verified:" not in everything[0] and len(everything[1]) == 3
