"""Edits that touch several records at once, each one undo step: hand-entry
drafts, actor rename/alias/merge/removal, the review of extracted events, and
an event's verification.
"""

from dateline.store.changes.actors import (
    ActorEditError,
    delete_actor,
    merge_actors,
    update_actor,
)
from dateline.store.changes.drafts import (
    DraftError,
    EventDraft,
    SourceDraft,
    draft_from_event,
    save_draft,
)
from dateline.store.changes.review import (
    ReviewError,
    accept_event,
    accept_events,
    merge_event,
    pending_events,
    reject_event,
    reject_events,
)
from dateline.store.changes.verification import verify_event

__all__ = [
    "ActorEditError",
    "DraftError",
    "EventDraft",
    "ReviewError",
    "SourceDraft",
    "accept_event",
    "accept_events",
    "delete_actor",
    "draft_from_event",
    "merge_actors",
    "merge_event",
    "pending_events",
    "reject_event",
    "reject_events",
    "save_draft",
    "update_actor",
    "verify_event",
]
