"""dateline: a keyboard-driven terminal timeline explorer for the news.

``dateline.store`` is the library (no terminal); ``dateline.tui`` is the
explorer and the ``dateline`` command; ``dateline.fixtures`` ships the demo.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dateline")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
