"""Command-line verbs, one module per group; each has ``register(verbs)``."""

from tui.commands import dates_cmd, ingest_cmd, io_cmd, maintenance, records

VERB_MODULES = (records, dates_cmd, maintenance, io_cmd, ingest_cmd)
