"""Issue 12 acceptance: every field of a native export, given a wrong type,
is either refused cleanly (the timeline's bytes unchanged) or imported
cleanly, and no later verb shows a traceback."""

from __future__ import annotations

import contextlib
import copy
import functools
import io
import json
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from dateline.store.errors import DatelineError
from dateline.store.formats.native import export_native
from dateline.store.formats.registry import import_file
from dateline.store.model import Event, FuzzyDate
from dateline.store.timeline import Timeline
from dateline.tui.cli.command import main
from dateline.tui.cli.demo import make_demo
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.store.formats.helpers import file_state

Path_ = tuple[str | int, ...]
#: Stands for an integer of more digits than Python will print or parse
#: (4300); written into the file by hand, as ``json`` refuses to.
HUGE = "<huge integer>"
HUGE_DIGITS = "9" * 5000

WRONG = st.one_of(
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.none(),
    st.booleans(),
    st.just(HUGE),
    st.just(-(2**63)),
    st.lists(st.integers(), max_size=3),
    st.lists(st.text(max_size=3), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.just([]),
    st.just({}),
    st.just(""),
    st.just("x" * 100_000),
    st.text(max_size=20),
)

VERBS: tuple[tuple[str, ...], ...] = (
    ("list",),
    ("list", "--format", "json"),
    ("list", "--format", "csv"),
    ("list", "--search", "petro"),
    ("actors", "--format", "json"),
    ("quotes",),
    ("sources", "--format", "json"),
    ("check",),
    *(("export", "-", "--format", fmt) for fmt in ("json", "csv", "timelinejs")),
    *(("export", "-", "--format", fmt) for fmt in ("ics", "md")),
)


@functools.cache
def _demo_export() -> dict[str, Any]:
    with (
        tempfile.TemporaryDirectory() as folder,
        Timeline.open(make_demo(Path(folder))) as demo,
    ):
        return json.loads(json.dumps(export_native(demo)))


def _paths(value: Any, here: Path_ = ()) -> Iterator[Path_]:
    """Every place inside the records (and the header) a value could be."""
    if here:
        yield here
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _paths(inner, (*here, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value[:2]):
            yield from _paths(inner, (*here, index))


PATHS = sorted(_paths(_demo_export()), key=repr)


def _set(doc: Any, path: Path_, value: Any) -> None:
    for step in path[:-1]:
        doc = doc[step]
    doc[path[-1]] = value


@contextlib.contextmanager
def _quiet() -> Iterator[io.StringIO]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        yield out


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(path=st.sampled_from(PATHS), value=WRONG)
def test_a_wrong_type_anywhere_is_refused_or_imported_cleanly(
    path: Path_, value: Any
) -> None:
    data = copy.deepcopy(_demo_export())
    _set(data, path, value)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "t.json"
        with Timeline.open(db) as timeline:
            day = FuzzyDate(date(2020, 1, 1), date(2020, 1, 1), "day")
            timeline.put(Event(when=day, title="already here"))
        before = file_state(db)
        incoming = Path(folder) / "in.json"
        text = json.dumps(data).replace(json.dumps(HUGE), HUGE_DIGITS)
        incoming.write_text(text, encoding="utf-8")
        refused = False
        with Timeline.open(db) as timeline:
            try:
                import_file(timeline, incoming, "json")
            except DatelineError as exc:
                refused = True
                assert str(exc).strip(), "a refusal must say why"
                assert len(str(exc)) < 2000, "a refusal quotes values cut short"
        if refused:
            assert file_state(db) == before
        for verb in VERBS:
            # Anything but a DatelineError would escape main() as a traceback.
            with _quiet() as out:
                code = main(["--db", str(db), *verb])
            assert code == 0, (verb, out.getvalue()[:500])
