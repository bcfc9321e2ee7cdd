"""Edits that touch several records at once, each one undo step: hand-entry
drafts, actor rename/alias/merge/removal, the review of extracted events,
tags on several events, the order within a day, saved views, and an event's
verification.
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
from dateline.store.changes.ordering import day_mates, move_in_day
from dateline.store.changes.review import (
    ReviewError,
    accept_event,
    accept_events,
    merge_event,
    pending_events,
    reject_event,
    reject_events,
)
from dateline.store.changes.tagging import TagEdit, tag_events
from dateline.store.changes.verification import verify_event
from dateline.store.changes.views import (
    UnknownViewError,
    delete_view,
    find_view,
    save_view,
    saved_views,
)

__all__ = [
    "ActorEditError",
    "DraftError",
    "EventDraft",
    "ReviewError",
    "SourceDraft",
    "TagEdit",
    "UnknownViewError",
    "accept_event",
    "accept_events",
    "day_mates",
    "delete_actor",
    "delete_view",
    "draft_from_event",
    "find_view",
    "merge_actors",
    "merge_event",
    "move_in_day",
    "pending_events",
    "reject_event",
    "reject_events",
    "save_draft",
    "save_view",
    "saved_views",
    "tag_events",
    "update_actor",
    "verify_event",
]
