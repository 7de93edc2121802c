"""``python -m generator`` runs the sopgen command."""

import sys

from generator.cli import main

sys.exit(main())
