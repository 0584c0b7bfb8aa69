"""Reading Excel returns into the domain's data shapes, with every problem said.

Depends on the domain; the domain never imports this package.
"""
