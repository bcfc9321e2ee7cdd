"""Pure view state and functions: nothing here imports Textual, so each piece
is unit-tested on its own (tests/tui/view).

- ``layout``: which timeline line is a heading, the today rule or an event
- ``filters``: what the explorer is filtered by (``FilterState``)
- ``textmatch``: where a search phrase sits in displayed text
- ``ranking``: the one fuzzy ranker of names (``rank``)
- ``typed_names``: what typed actor names refer to
- ``actor_labels``, ``source_labels``, ``date_direction``: labels
- ``wrapping``: text wrapped to a width, as character offsets
- ``inert``: untrusted text made safe to print
"""
