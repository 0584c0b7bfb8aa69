"""Scrutiny Studio: Excel returns in, committee papers out, offline."""

__version__ = "0.1.0"
