"""asfdata: figures of the Gävleborg ASF final report 2016–2020, validated, tidied and audited."""

__version__ = "0.1.0"
