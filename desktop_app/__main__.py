"""`python -m desktop_app`: see desktop_app.cli."""

import os
import sys

from desktop_app.cli import main

try:
    status = main()
except BrokenPipeError:  # the output was piped into `head` or similar, which stopped reading
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    status = 0
sys.exit(status)
