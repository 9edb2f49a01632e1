"""The HTML evaluation report: execute the chapter notebooks, render one self-contained page, verify it."""
