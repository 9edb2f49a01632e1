"""The generic toolkit the chapters write with: words and numbers, HTML blocks, chart kinds."""
