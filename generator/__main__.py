"""``python -m generator`` runs the sopgen command."""

import sys

from .cli import main

sys.exit(main())
