"""One module per chapter of the report (and the explorer): its sentences, tables and charts, with its
words in English and Swedish beside it (<chapter>_words.py). A chapter builds on asfdata.render, metrics,
study and chapters.common; only the summary imports other chapters (for their key findings)."""
