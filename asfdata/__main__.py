"""python -m asfdata: see asfdata.cli."""

import os
import sys

# the package itself, imported before this module runs: nothing to interrupt
from asfdata import INTERRUPTED, INTERRUPTED_LINE, QUIET_INTERRUPT_ENV

try:
    from asfdata.cli import main
except KeyboardInterrupt:  # Ctrl-C while the command line is still importing: what main() would say
    if not os.environ.get(QUIET_INTERRUPT_ENV):
        print(INTERRUPTED_LINE, file=sys.stderr)
    sys.exit(INTERRUPTED)
sys.exit(main())
