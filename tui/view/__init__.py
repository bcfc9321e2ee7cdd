"""Pure view state and functions: row layout, filter state, text matching,
ranking, labels and the inert rendering of untrusted text.

Nothing here imports Textual, so each piece is unit-tested on its own.
"""
