"""python -m asfdata: see asfdata.cli."""

import sys

from asfdata.cli import main

sys.exit(main())
