"""Command-line verbs, one module per group; each has ``register(verbs)``."""

from dateline.tui.cli import (
    about,
    copying,
    dates,
    exchange,
    ingest,
    maintenance,
    records,
)

VERB_MODULES = (records, dates, maintenance, copying, exchange, ingest, about)
