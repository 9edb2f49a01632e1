"""One module per chapter of the report (and the explorer): its sentences, tables and charts."""
