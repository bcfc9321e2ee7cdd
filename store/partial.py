"""Records made in part at open, finished on first use (issue 19).

Opening 100k events used to make 100k whole ``Event`` records, which cost as
much as decoding the file itself; yet the list, its layout and the indexes
read only a few fields of each event until the user looks at one. So an open
makes each event with those few fields and keeps its document beside them
(for ``dateline.store.decode``, its slice of the file's bytes); the first
read of any other field finishes the record from the document, once, and
lets the document go. Quotes likewise.

A partial record is a real instance of its class (``Event``, ``Quote``), so
``==``, ``hash``, ``repr``, ``to_doc``, ``dataclasses.replace`` and lookups
by ``type(...)`` behave as for any other record. What finishes it is a
non-data descriptor on the class for every field not made at open
(``install``). A whole record holds every field in its own ``__dict__``,
which a non-data descriptor never overrides, so whole records are untouched;
and a field added to the class later is finished on use with no change here.

Only documents the typed decoder has already checked (every field, not
only the eager ones) are kept, and the record is finished by the decoder's
own builder (``dateline.store.decode``),
so a damaged file is refused at open exactly as before, never later when a
field is first read.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from typing import Any, TypeVar

#: Where a partial record keeps its document and the function that makes the
#: whole record from it.
DOC, FINISH = "_doc", "_finish"
R = TypeVar("R")


class _FinishedOnUse:
    """Reads a field of a partial record by finishing the record first.

    A non-data descriptor: once the field is in the instance's ``__dict__``
    (always, for a whole record) Python never calls it.
    """

    __slots__ = ("default", "name")

    def __init__(self, name: str, default: Any) -> None:
        self.name = name
        self.default = default

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            # ``Event.summary`` on the class: what the dataclass left there.
            if self.default is dataclasses.MISSING:
                raise AttributeError(self.name)
            return self.default
        finish(obj)
        try:
            return obj.__dict__[self.name]
        except KeyError:
            raise AttributeError(self.name) from None


def install(cls: type, eager: Collection[str]) -> None:
    """Let partial ``cls`` records, made with only the ``eager`` fields,
    finish themselves when any other field is read."""
    for spec in dataclasses.fields(cls):
        if spec.name not in eager:
            setattr(cls, spec.name, _FinishedOnUse(spec.name, spec.default))


def make(cls: type[R], state: dict[str, Any]) -> R:
    """A ``cls`` record whose ``__dict__`` is ``state``: its eager fields,
    plus ``DOC`` and ``FINISH`` for a partial one (see ``install``)."""
    record = cls.__new__(cls)
    # The dict becomes the record's own, uncopied. (The class's own
    # ``__setattr__`` refuses: the records are frozen.)
    object.__setattr__(record, "__dict__", state)
    return record


def finish(record: Any) -> None:
    """Make every field of ``record`` now (nothing, for a whole record).

    Safe on two threads at once: both make equal values, and the document
    is let go only once every field is in place.
    """
    state = record.__dict__
    # Both read before either is used: another thread finishing the same
    # record may drop them in between, after putting every field in place.
    doc, make_whole = state.get(DOC), state.get(FINISH)
    if doc is None or make_whole is None:
        return
    whole = make_whole(doc).__dict__
    for name, value in whole.items():
        if name not in state:
            state[name] = value
    state.pop(DOC, None)
    state.pop(FINISH, None)


def stored(record: Any) -> Any:
    """What to encode for ``record`` in a snapshot: a partial record's own
    document (its slice of the file, written back as it is), else the
    record (or document) itself.

    msgspec writes a dataclass from its ``__dict__``, which for a partial
    record holds only the eager fields: encoding it would lose the rest.
    """
    state = getattr(record, "__dict__", None)
    if state is None:
        return record
    return state.get(DOC, record)


def kept(record: Any) -> Any:
    """The document a partial record keeps, or None for a whole one."""
    return record.__dict__.get(DOC)


def is_partial(record: Any) -> bool:
    return DOC in record.__dict__
