"""Build a synthetic timeline of N events through the store's own API.

Realistic enough to load and filter like a real one: a few hundred actors
with aliases, a few dozen tags, dates over twenty years at every precision,
one to four actors per event, quotes on about a third of the events, and one
source per ten events with a short body the quotes point into.

    python -m tests.benchmarks.synth 100000 /tmp/synth.json
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from dateline.store.model import (
    Actor,
    ActorRef,
    Event,
    FuzzyDate,
    Precision,
    Quote,
    Source,
)
from dateline.store.timeline import Timeline

FIRST = ["Ana", "Luis", "Maria", "John", "Wei", "Fatima", "Olga", "Kofi", "Aiko"]
FIRST += ["Pedro", "Sara", "Omar", "Lena", "Ivan", "Nadia", "Tomas", "Ines"]
LAST = ["Silva", "Smith", "Chen", "Haddad", "Petrova", "Mensah", "Tanaka", "Rossi"]
LAST += ["Garcia", "Novak", "Khan", "Müller", "Dubois", "Okafor", "Larsen", "Núñez"]
TITLES = ["minister", "president", "senator", "governor", "ambassador", "mayor"]
VERBS = ["meets", "sanctions", "visits", "criticises", "signs deal with", "calls"]
TOPICS = ["trade", "drugs", "migration", "elections", "energy", "security", "climate"]
TOPICS += ["health", "borders", "tariffs", "oil", "courts", "press", "aid", "water"]
PLACES = ["Bogotá", "Washington", "Brasília", "Caracas", "Geneva", "Lima", "Quito"]
PRECISIONS: list[tuple[Precision, int]] = [
    ("day", 70),
    ("week", 8),
    ("month", 14),
    ("quarter", 3),
    ("season", 2),
    ("year", 3),
]
BATCH = 5000
#: The actor every benchmark filters by: about one event in forty has them.
FOCUS_ACTOR = "ac-focus"


def _actors(rng: random.Random, count: int) -> list[Actor]:
    actors = [Actor("Rosa Focus", ("Focus", "the foreign minister"), id=FOCUS_ACTOR)]
    seen = {"Rosa Focus"}
    while len(actors) < count:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}"
        if name in seen:
            continue
        seen.add(name)
        last = name.split()[-1]
        aliases = (last, f"{rng.choice(TITLES).capitalize()} {last}")
        actors.append(Actor(name, aliases, id=f"ac-{len(actors):05d}"))
    return actors


def _when(rng: random.Random, start: date) -> FuzzyDate:
    precision = rng.choices([p for p, _ in PRECISIONS], [w for _, w in PRECISIONS])[0]
    if precision == "day":
        return FuzzyDate(start, start, "day", text=f"{start:%d %B %Y}")
    if precision == "week":
        return FuzzyDate(start, start + timedelta(days=6), "week", text="that week")
    if precision == "month":
        first = start.replace(day=1)
        end = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return FuzzyDate(first, end, "month", text=f"{start:%B %Y}")
    if precision in ("quarter", "season"):
        return FuzzyDate(
            start, start + timedelta(days=89), precision, text="that spring"
        )
    return FuzzyDate(start, date(start.year, 12, 31), "year", approximate=True)


def build(path: Path, count: int, *, seed: int = 7) -> Path:
    """Write a timeline of ``count`` events at ``path`` (which must not exist)."""
    rng = random.Random(seed)
    actors = _actors(rng, max(20, min(400, count // 50)))
    first_day = date(2006, 1, 1)
    span = 20 * 365
    # Date order keeps each index insert at the end of the sorted order.
    days = sorted(rng.randrange(span) for _ in range(count))
    with Timeline.open(path) as timeline:
        timeline.put(*actors)
        pending: list[Event | Quote | Source] = []
        source: Source | None = None
        for i, offset in enumerate(days):
            day = first_day + timedelta(days=offset)
            if i % 10 == 0:
                body = " ".join(
                    f"{rng.choice(actors).name} said the {rng.choice(TOPICS)} talks "
                    f'were "going {rng.choice(["well", "badly", "nowhere"])}".'
                    for _ in range(6)
                )
                source = Source(
                    f"Report {i // 10}", "Synthetic Wire", published=day, body=body
                )
                pending.append(source)
            assert source is not None
            cast = rng.sample(actors, rng.randint(1, 4))
            if rng.random() < 0.025:
                cast = [actors[0], *cast[:2]]
            topic = rng.choice(TOPICS)
            title = f"{cast[0].name.split()[-1]} {rng.choice(VERBS)} on {topic}"
            event_id = f"ev-{i:07d}"
            quotes: tuple[str, ...] = ()
            if rng.random() < 0.33:
                at = source.body.find('"going', rng.randrange(len(source.body) // 2))
                at = at if at >= 0 else source.body.find('"going')
                end = source.body.index('"', at + 1)
                quote = Quote(
                    source.body[at + 1 : end],
                    speaker=cast[0].id,
                    source=source.id,
                    event=event_id,
                    span=(at + 1, end),
                    id=f"qu-{i:07d}",
                )
                pending.append(quote)
                quotes = (quote.id,)
            pending.append(
                Event(
                    _when(rng, day),
                    title,
                    summary=f"{title.capitalize()} in {rng.choice(PLACES)}.",
                    actors=tuple(ActorRef(a.id) for a in cast),
                    sources=(source.id,),
                    quotes=quotes,
                    tags=tuple(rng.sample(TOPICS, rng.randint(1, 3))),
                    place=rng.choice(PLACES),
                    status="expected" if rng.random() < 0.05 else "occurred",
                    id=event_id,
                )
            )
            if len(pending) >= BATCH:
                timeline.put(*pending)
                pending.clear()
        if pending:
            timeline.put(*pending)
        # Everything in the TinyDB file itself, as a long-used timeline is
        # (closing a big one leaves its journal for the next open to replay).
        timeline.snapshot()
    return path


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(f"/tmp/synth-{n}.json")
    started = time.perf_counter()
    build(out, n)
    print(f"{n:,} events -> {out} in {time.perf_counter() - started:.1f} s")
