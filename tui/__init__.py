"""dateline's terminal side: the explorer (Textual) and the ``dateline`` command.

``cli/`` holds the verbs and never imports Textual; ``screens/`` and
``widgets/`` the explorer; ``view/`` the pure state and functions both use.
Data is reached only through ``dateline.store``'s public API.
"""
