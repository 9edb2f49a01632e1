"""asfdata: figures of the Gävleborg ASF final report 2016–2020, validated, tidied and audited."""

__version__ = "0.1.0"

# How the command line reports Ctrl-C: this exit code (128 + SIGINT, as shells report it) and one line on
# stderr, INTERRUPTED_LINE, unless QUIET_INTERRUPT_ENV is set: then the process is the report's data step,
# whose parent prints that line. Here, not in asfdata.cli: __main__ needs them while asfdata.cli imports.
INTERRUPTED = 130
INTERRUPTED_LINE = "interrupted"
QUIET_INTERRUPT_ENV = "ASF_QUIET_INTERRUPT"
