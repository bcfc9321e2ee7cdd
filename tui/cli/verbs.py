"""Command-line verbs, one module per group; each has ``register(verbs)``."""

from dateline.tui.cli import (
    about,
    dates,
    editing,
    exchange,
    ingest,
    maintenance,
    records,
)

VERB_MODULES = (records, editing, dates, maintenance, exchange, ingest, about)
