"""Command-line verbs, one module per group; each has ``register(verbs)``."""

from dateline.tui.cli import (
    about,
    annotating,
    copying,
    dates,
    desk,
    editing,
    evidence,
    exchange,
    ingest,
    maintenance,
    records,
    views,
)

VERB_MODULES = (
    records,
    editing,
    annotating,
    evidence,
    dates,
    maintenance,
    copying,
    exchange,
    desk,
    ingest,
    views,
    about,
)
