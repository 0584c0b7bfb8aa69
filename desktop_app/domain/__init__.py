"""The domain: complaint rules, indicator maths and data shapes.

Plain Python with pandas and numpy. Nothing here imports Qt, reads Excel or
writes PDF; those packages depend on this one, never the other way round.
"""
