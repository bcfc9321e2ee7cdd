"""``python -m tui`` starts the same thing as the ``dateline`` script."""

import sys

from tui.cli import main

sys.exit(main())
