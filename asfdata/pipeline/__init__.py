"""The data pipeline: contract → read → validate → tidy → audit → build, then verify and trace.

Raw CSV files in data/raw/ (transcribed from the report) become the tidy files of data/processed/.
"""
