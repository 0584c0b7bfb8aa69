"""What Linux must have for Qt's X11 platform plugin (xcb), checked before Qt would abort on its absence.

Where a library the plugin links to is missing, Qt ends the process with a message
about "the Qt platform plugin xcb" that names no package; a fresh Debian lacks
libxcb-cursor0, libxcb-icccm4 and libxcb-keysyms1. This module asks the dynamic
linker for each library first, so the user reads which packages to install.
Standard library only: it runs on every start, before Qt is imported.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Mapping
from pathlib import Path

#: The system libraries Qt's xcb plugin links to (Qt's own and those QtGui needs aside), with the
#: Debian and Ubuntu package of each (`readelf -d` on PySide6's libqxcb.so and libQt6XcbQpa.so).
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def uses_xcb(environ: Mapping[str, str]) -> bool:
    """Whether Qt will load the xcb plugin first: asked for by QT_QPA_PLATFORM, or Qt's choice on Linux
    outside a Wayland session (there Qt tries its Wayland plugin first, which needs none of these)."""
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(";")[0].split(":")[0].strip() == "xcb"
    return environ.get("XDG_SESSION_TYPE", "") != "wayland"


def missing_xcb_libraries() -> list[str]:
    """The libraries of XCB_LIBRARIES the dynamic linker cannot load here (a frozen build's own count)."""
    return [library for library in XCB_LIBRARIES if not _loads(library)]


def _loads(library: str) -> bool:
    try:
        ctypes.CDLL(library)
    except OSError:
        bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller's folder of the libraries it collected
        return bool(bundle) and (Path(bundle) / library).exists()
    return True


def xcb_problem(environ: Mapping[str, str]) -> str:
    """The one sentence saying which packages to install before the window can open ('' where none)."""
    if not sys.platform.startswith("linux") or not uses_xcb(environ):
        return ""
    missing = missing_xcb_libraries()
    if not missing:
        return ""
    packages = " ".join(XCB_LIBRARIES[library] for library in missing)
    return (
        f"Scrutiny Studio cannot open its window because this computer lacks libraries that Qt needs to draw "
        f"on an X11 screen ({', '.join(missing)}): on Debian or Ubuntu install them with "
        f"'sudo apt install {packages}' and start it again (the commands work meanwhile: "
        "python -m desktop_app --help)."
    )
