"""Command-line verbs, one module per group; each has ``register(verbs)``."""

from dateline.tui.cli import (
    about,
    copying,
    dates,
    desk,
    editing,
    evidence,
    exchange,
    ingest,
    maintenance,
    records,
)

VERB_MODULES = (
    records,
    editing,
    evidence,
    dates,
    maintenance,
    copying,
    exchange,
    desk,
    ingest,
    about,
)
