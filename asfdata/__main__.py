"""python -m asfdata: see asfdata.cli."""

import os
import sys

# the package itself, imported before this module runs: nothing to interrupt
from asfdata import INTERRUPTED, INTERRUPTED_LINE, QUIET_INTERRUPT_ENV

try:
    from asfdata.cli import BROKEN_PIPE, main
except KeyboardInterrupt:  # Ctrl-C while the command line is still importing: what main() would say
    if not os.environ.get(QUIET_INTERRUPT_ENV):
        print(INTERRUPTED_LINE, file=sys.stderr)
    sys.exit(INTERRUPTED)
code = main()
if code == BROKEN_PIPE:  # what is still buffered for stdout goes nowhere, not into a complaint at exit
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
sys.exit(code)
