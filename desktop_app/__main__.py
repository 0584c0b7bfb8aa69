"""`python -m desktop_app`: see desktop_app.cli.

The guard matters: background work starts fresh Python processes that import
this module again, and they must not open a second window.
"""

import os
import sys

from desktop_app.cli import main

if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # a PyInstaller build starts its workers through here
        import multiprocessing

        multiprocessing.freeze_support()
    try:
        status = main()
    except BrokenPipeError:  # the output was piped into `head` or similar, which stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 0
    sys.exit(status)
