"""Which zone the explorer shows zoned times in.

The app holds it (``DatelineApp.display_zone``, from the settings, ``--zone``,
``$TZ`` or the machine); a widget hosted elsewhere (a test's bare app) has
none, and zoned times then show in their own zone.
"""

from __future__ import annotations


def shown_zone(app: object) -> str | None:
    """The display zone of ``app``, or None when it keeps none."""
    zone = getattr(app, "display_zone", None)
    return zone if isinstance(zone, str) else None
