"""``python -m dateline`` starts the same thing as the ``dateline`` script."""

import sys

from dateline.tui.cli import main

sys.exit(main())
