"""The main screen's filter, search and go-to-date actions.

Every question is asked in the prompt bar; the answer is checked here and a
wrong one is sent back with a message that says how to fix it. The search
itself runs in the host, since a change to the data reruns it too.
"""

from __future__ import annotations

from datetime import date

from dateline.store.dates.labels import day_label, describe
from dateline.store.dates.parse import parse_date
from dateline.store.errors import DateParseError
from dateline.tui.screens.main.host import MainHost
from dateline.tui.view.filters import FilterState, Part
from dateline.tui.view.tag_words import read_tags
from dateline.tui.widgets.completion import ListSuggester
from dateline.tui.widgets.prompt import PromptBar
from textual.binding import Binding

FILTER_BINDINGS = [
    Binding("f", "pick_actors", "Actors", id="filter.actors"),
    Binding("slash", "search", "Search", id="filter.search"),
    Binding("n", "next_hit(True)", "Next hit", show=False, id="filter.next_hit"),
    Binding("N", "next_hit(False)", "Previous hit", show=False, id="filter.prev_hit"),
    Binding(
        "F",
        "search_to_filter",
        "Search as filter",
        show=False,
        id="filter.search_filter",
    ),
    Binding("r", "date_range", "Date range filter", show=False, id="filter.range"),
    Binding("number_sign", "tag_filter", "Tag filter", show=False, id="filter.tag"),
    Binding(
        "S", "status_filter", "Status filter (cycle)", show=False, id="filter.status"
    ),
    Binding(
        "Q", "toggle_quotes", "Quotes: event / filter", show=False, id="filter.quotes"
    ),
    Binding(
        "escape",
        "drop_last",
        "Clear search, else last chip",
        show=False,
        id="filter.drop",
    ),
    Binding(
        "backspace", "drop_last", "Clear last chip", show=False, id="filter.backspace"
    ),
    Binding("c", "clear_filters", "Clear all filters", show=False, id="filter.clear"),
]

_OPEN_START = ("since ", "from ", "after ")
_OPEN_END = ("until ", "till ", "before ", "to ")


class FilterActions(MainHost):
    """The main screen's keys that narrow, search and move through the view."""

    # -- filter state ------------------------------------------------------
    def set_filters(self, filters: FilterState) -> None:
        if filters == self.filters:
            return
        self.filters = filters
        if not filters.actors:
            self.quotes_of_filter = False
        self.refill()

    def action_pick_actors(self) -> None:
        from dateline.tui.screens.actor_picker import ActorPickerScreen

        def chosen(result: tuple[tuple[str, ...], str, tuple[str, ...]] | None) -> None:
            if result is not None:
                ids, match, excluded = result
                filters = self.filters.with_excluded(excluded)
                self.set_filters(
                    filters.with_actors(ids, "any" if match == "any" else "all")
                )

        picker = ActorPickerScreen(
            self.timeline,
            self.filters.actors,
            self.filters.match,
            self.filters.not_actors,
        )
        self.app.push_screen(picker, chosen)

    def action_drop_last(self) -> None:
        if self.view.search:
            self.set_search("", [])
        elif not self.filters.is_empty:
            self.set_filters(self.filters.without_last())

    def action_clear_filters(self) -> None:
        if self.view.search:
            self.set_search("", [])
        self.set_filters(FilterState(match=self.filters.match))

    def action_status_filter(self) -> None:
        current = next(
            (p.value for p in self.filters.parts if p.kind == "status"), None
        )
        following = {None: "occurred", "occurred": "expected", "expected": None}[
            current
        ]
        if following is None:
            self.set_filters(self.filters.remove("status"))
        else:
            self.set_filters(self.filters.add(Part("status", following)))

    def action_toggle_quotes(self) -> None:
        if not self.filters.actors:
            self.notify("Filter by an actor first (f); then Q shows all their quotes.")
            return
        self.quotes_of_filter = not self.quotes_of_filter
        self.sync_panes()

    # -- questions -----------------------------------------------------------
    def action_goto(self) -> None:
        self.prompt.ask(
            "goto",
            "Go to date:",
            "last October · 2025-09 · first week of February",
            reader=self._read_goto,
        )

    def _read_goto(self, value: str) -> tuple[bool, str]:
        if not value.strip():
            return True, "type a date in words; enter on nothing closes"
        try:
            when = parse_date(value, self.today, "auto", self.date_order)
        except DateParseError as exc:
            return False, str(exc)
        return True, f"goes to {describe(when)}"

    def action_search(self) -> None:
        self.prompt.ask(
            "search",
            "Search titles, summaries, quotes, actors:",
            "cocaine",
            self.view.search,
        )

    def action_date_range(self) -> None:
        self.prompt.ask(
            "range",
            "Show events from:",
            "from last October to now · since March · 2025",
            reader=self._read_range_live,
        )

    def _read_range_live(self, value: str) -> tuple[bool, str]:
        if not value.strip():
            return True, "type a period, or two joined by “to”"
        try:
            start, end = self._read_range(value)
        except DateParseError as exc:
            return False, str(exc)
        if start is None and end is not None:
            return True, f"shows events up to {day_label(end)}"
        if end is None and start is not None:
            return True, f"shows events from {day_label(start)} on"
        assert start is not None and end is not None
        return True, f"shows events from {day_label(start)} to {day_label(end)}"

    def action_tag_filter(self) -> None:
        tags = self.timeline.tags()
        self.prompt.ask(
            "tag",
            "Show events tagged (several: commas; -tag leaves out; → completes):",
            ", ".join(tags[:8]),
            reader=self._read_tags_live,
            suggester=ListSuggester(tags, separators=",#"),
        )

    def _read_tags_live(self, value: str) -> tuple[bool, str]:
        reading = read_tags(value, self.timeline.tags())
        if reading.problem:
            return False, reading.problem
        if not reading.tags and not reading.excluded:
            return True, "type a tag, or the start of one; -tag leaves it out"
        wanted = [f"#{t}" for t in reading.tags]
        wanted += [f"not #{t}" for t in reading.excluded]
        return True, "shows events tagged " + " and ".join(wanted)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Textual hides the screen's letter keys while the prompt's input has
        # focus, but not "/" (it maps "slash" to no character): hide it here.
        if action == "search" and any(p.is_open for p in self.query(PromptBar)):
            return False
        return super().check_action(action, parameters)

    def on_prompt_bar_cancelled(self, message: PromptBar.Cancelled) -> None:
        self.view.focus()

    def on_prompt_bar_answered(self, message: PromptBar.Answered) -> None:
        value = message.value.strip()
        handler = {
            "goto": self._answer_goto,
            "search": self._answer_search,
            "range": self._answer_range,
            "tag": self._answer_tag,
            "write-back": self._answer_write_back,
        }.get(message.kind)
        error = (
            handler(value)
            if handler is not None
            else self.other_answer(message.kind, value)
        )
        if error:
            self.prompt.fail(error)
        elif message.kind != "search" or not value:
            self.prompt.close()
            self.view.focus()

    def _answer_goto(self, value: str) -> str | None:
        if not value:
            return None  # enter on an empty prompt closes it, as esc does
        try:
            when = parse_date(value, self.today, "auto", self.date_order)
        except DateParseError as exc:
            return str(exc)
        layout = self.view.layout_data
        index = layout.landing(when.start_day, when.end_day)
        if index is None:
            return "There are no events in this view to go to."
        self.view.select(index)
        event = layout.events[index]
        if not (
            event.when.start_day <= when.end_day
            and event.when.end_day >= when.start_day
        ):
            where = (
                "next one after"
                if event.when.start_day > when.end_day
                else "last before"
            )
            self.notify(f"No event in {describe(when)}; showing the {where} it.")
        return None

    def _answer_range(self, value: str) -> str | None:
        if not value:
            return None
        try:
            start, end = self._read_range(value)
        except DateParseError as exc:
            return str(exc)
        self.set_filters(self.filters.add(Part("range", value, start, end)))
        return None

    def _read_range(self, value: str) -> tuple[date | None, date | None]:
        """The days ``value`` spans; an open end is None. DateParseError
        when it cannot be read."""
        lowered = value.casefold()
        try:
            if lowered.startswith(_OPEN_START) and " to " not in lowered:
                start = parse_date(
                    value.split(" ", 1)[1], self.today, "past", self.date_order
                ).start_day
                end = None
            elif lowered.startswith(_OPEN_END):
                start, end = (
                    None,
                    parse_date(
                        value.split(" ", 1)[1], self.today, "auto", self.date_order
                    ).end_day,
                )
            else:
                when = parse_date(value, self.today, "auto", self.date_order)
                start, end = when.start_day, when.end_day
        except (DateParseError, IndexError):
            raise DateParseError(
                value, "Type a period, or two joined by “to”."
            ) from None
        return start, end

    def _answer_tag(self, value: str) -> str | None:
        reading = read_tags(value, self.timeline.tags())
        if reading.problem:
            return reading.problem
        filters = self.filters
        for tag in reading.tags:
            filters = filters.remove("not_tag", tag).add(Part("tag", tag))
        for tag in reading.excluded:
            filters = filters.remove("tag", tag).add(Part("not_tag", tag))
        self.set_filters(filters)
        return None

    # -- search ----------------------------------------------------------------
    def _answer_search(self, value: str) -> str | None:
        if not value:
            self.set_search("", [])
            return None
        self.run_search(value)
        return None

    def action_next_hit(self, forward: bool) -> None:
        if not self.view.search:
            self.notify("Search first with /.")
            return
        moved = self.view.next_hit(forward)
        if moved == "none":
            self.notify(f"No hits for “{self.view.search}” in this view.")
        elif moved == "wrapped":
            end = "bottom; back at the first" if forward else "top; back at the last"
            self.notify(f"Search hit the {end} hit.", timeout=3)

    def action_search_to_filter(self) -> None:
        if not self.view.search:
            self.notify("Search first with /; then F shows only the hits.")
            return
        self.set_filters(self.filters.add(Part("text", self.view.search)))
