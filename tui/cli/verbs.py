"""Command-line verbs, one module per group; each has ``register(verbs)``."""

from dateline.tui.cli import (
    about,
    dates,
    desk,
    exchange,
    ingest,
    maintenance,
    records,
)

VERB_MODULES = (records, dates, maintenance, exchange, desk, ingest, about)
