"""Renaming actors, editing their aliases, merging two into one, removing one.

Each is one durable step and one undo step. A merge moves every event role
and every quote of the merged actor to the kept one, and keeps the merged
actor's names as aliases so searches for them still find the person. A
removal (for junk an extraction left: "Monday", "The Ministry") takes the
actor off its events and leaves its quotes with no speaker; undo brings all
of it back.
"""

from __future__ import annotations

from dateline.store.errors import ConflictError, DatelineError
from dateline.store.model import Actor, ActorKind, ActorRef, touched
from dateline.store.names import fold
from dateline.store.timeline import Timeline


class ActorEditError(DatelineError):
    """An actor edit that would make two actors share a name, or similar."""


def _clean(names: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    seen: set[str] = set()
    out = []
    for raw in names:
        name = " ".join(raw.split())
        if name and fold(name) not in seen:
            seen.add(fold(name))
            out.append(name)
    return tuple(out)


def _check_free(timeline: Timeline, actor_id: str, names: tuple[str, ...]) -> None:
    for name in names:
        for other in timeline.actors_by_id.values():
            if other.id != actor_id and any(fold(n) == fold(name) for n in other.names):
                raise ActorEditError(
                    f'"{name}" already names {other.name}. Merge the two actors '
                    "instead, or choose another name."
                )


def update_actor(
    timeline: Timeline,
    actor_id: str,
    *,
    name: str | None = None,
    aliases: list[str] | tuple[str, ...] | None = None,
    kind: ActorKind | None = None,
    description: str | None = None,
    loaded: Actor | None = None,
) -> Actor:
    """Rename an actor or change its aliases, kind or description.

    ``loaded`` is the actor as the caller's form showed it; if another
    process changed it since, ConflictError is raised and nothing is saved.
    """
    with timeline.change() as tx:
        actor = timeline.actor(actor_id)
        if loaded is not None and loaded != actor:
            raise ConflictError(
                f"{actor.name} was changed elsewhere (another window or process) "
                "since you opened it; nothing was saved. Reopen it and try again."
            )
        new_name = " ".join((name if name is not None else actor.name).split())
        if not new_name:
            raise ActorEditError("An actor needs a name; type one.")
        new_aliases = _clean(aliases if aliases is not None else actor.aliases)
        new_aliases = tuple(a for a in new_aliases if fold(a) != fold(new_name))
        _check_free(timeline, actor_id, (new_name, *new_aliases))
        updated = touched(
            actor,
            name=new_name,
            aliases=new_aliases,
            kind=kind if kind is not None else actor.kind,
            description=description if description is not None else actor.description,
        )
        tx.put(updated)
    return updated


def merge_actors(timeline: Timeline, keep_id: str, merge_id: str) -> Actor:
    """Fold ``merge_id`` into ``keep_id``: events and quotes follow."""
    if keep_id == merge_id:
        raise ActorEditError("Pick two different actors to merge.")
    with timeline.change() as tx:
        keep = timeline.actor(keep_id)
        gone = timeline.actor(merge_id)
        aliases = _clean((*keep.aliases, *gone.names))
        aliases = tuple(a for a in aliases if fold(a) != fold(keep.name))
        kept = touched(
            keep,
            aliases=aliases,
            description=keep.description or gone.description,
        )
        tx.put(kept)
        tx.delete(gone)
        for event in timeline.events_by_id.values():
            if merge_id not in event.actor_ids:
                continue
            refs: list[ActorRef] = []
            for ref in event.actors:
                target = keep_id if ref.actor == merge_id else ref.actor
                existing = next((r for r in refs if r.actor == target), None)
                if existing is None:
                    refs.append(ActorRef(target, ref.role))
                elif not existing.role and ref.role:
                    refs[refs.index(existing)] = ActorRef(target, ref.role)
            tx.put(touched(event, actors=tuple(refs)))
        for quote in timeline.quotes(speakers=[merge_id]):
            tx.put(touched(quote, speaker=keep_id))
    return kept


def delete_actor(
    timeline: Timeline, actor_id: str, *, loaded: Actor | None = None
) -> Actor:
    """Remove ``actor_id``: its events lose it, its quotes lose their speaker.

    ``loaded`` is the actor as the caller showed it; if another process
    changed it since, ConflictError is raised and nothing is removed.
    """
    with timeline.change() as tx:
        actor = timeline.actor(actor_id)
        if loaded is not None and loaded != actor:
            raise ConflictError(
                f"{actor.name} was changed elsewhere (another window or process) "
                "since you opened it; nothing was removed. Reopen it and try again."
            )
        tx.delete(actor)
        for event in timeline.events_by_id.values():
            if actor_id in event.actor_ids:
                refs = tuple(r for r in event.actors if r.actor != actor_id)
                tx.put(touched(event, actors=refs))
        for quote in timeline.quotes(speakers=[actor_id]):
            tx.put(touched(quote, speaker=None))
    return actor
