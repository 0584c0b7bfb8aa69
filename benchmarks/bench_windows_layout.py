"""What the Windows one-folder build would hold, part by part, worked out from a Linux build and Windows wheels.

    .venv/bin/python -m PyInstaller --noconfirm build.spec
    .venv/bin/python -m pip download --only-binary=:all: --platform win_amd64 --python-version 3.11 \\
        --implementation cp --no-deps -d WHEELS PySide6_Essentials==X shiboken6==X numpy==X pandas==X \\
        pillow==X pypdfium2==X lxml==X pikepdf==X python-calamine==X      (the versions of requirements.lock)
    .venv/bin/python benchmarks/bench_windows_layout.py WHEELS [dist/ScrutinyStudio]

Councils install the Windows build, and it cannot be built here. Under the same spec it holds the same parts,
each in its Windows form: every native file of the Linux build is replaced by its counterpart in the Windows
wheel of the same library (libQt6Core.so.6 by Qt6Core.dll, numpy's ...-linux-gnu.so by its .pyd, a library's
bundled .libs folder by the wheel's), Qt's plug-ins are the Windows wheel's under the spec's own exclusions, and
what the Linux build carries of the system (libxcb, ICU: Windows has its own ICU, which Qt 6 uses) has no
counterpart. PyInstaller adds on Windows what its Qt hook collects there (the software OpenGL renderer) and the
C++ runtime. Python itself (python311.dll and its DLLs folder) is in no wheel: its Linux size stands in for it,
and the total says so. Prints each group beside the Linux build's, the total against the 200 MB goal, and the
Linux files given no counterpart.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_installer_size import GOAL_MB, MB, by_group, files

ROOT = Path(__file__).resolve().parents[1]
#: What PyInstaller's Qt hook collects on Windows only (utils/hooks/qt: collect_extra_binaries), and the C++
#: runtime the Qt and shiboken libraries link to.
WINDOWS_ONLY = (
    "PySide6/opengl32sw.dll",
    "shiboken6/msvcp140.dll",
    "shiboken6/vcruntime140.dll",
    "shiboken6/vcruntime140_1.dll",
    "shiboken6/msvcp140_1.dll",
    "shiboken6/msvcp140_2.dll",
)
WINDOWS_ONLY_GROUP = "Windows only: the C++ runtime (and software OpenGL)"
#: A Linux native file's Windows counterpart (in the wheels), by the first rule its path matches.
RULES = (
    (r"^PySide6/Qt/lib/libQt6(\w+)\.so[\d.]*$", r"PySide6/Qt6\1.dll"),
    (r"^PySide6/(Qt\w+)\.abi3\.so$", r"PySide6/\1.pyd"),
    (r"^PySide6/libpyside6\.abi3\.so[\d.]*$", r"PySide6/pyside6.abi3.dll"),
    (r"^shiboken6/libshiboken6\.abi3\.so[\d.]*$", r"shiboken6/shiboken6.abi3.dll"),
    (r"^shiboken6/Shiboken\.abi3\.so$", r"shiboken6/Shiboken.pyd"),
    (r"^pypdfium2_raw/libpdfium\.so$", r"pypdfium2_raw/pdfium.dll"),
    (r"^(.+)\.cpython-311-x86_64-linux-gnu\.so$", r"\1.cp311-win_amd64.pyd"),
    (r"^(.+)\.abi3\.so$", r"\1.pyd"),
)
#: Python's own: no wheel has its Windows form, so the Linux size stands in.
PYTHON = re.compile(r"^(libpython[\d.]+\.so[\d.]*|python3\.\d+/lib-dynload/.+|libsqlite3\.so[\d.]*)$")
BUNDLED_LIBS = re.compile(r"^([\w-]+\.libs)/")
LINUX_PLUGIN = re.compile(r"^PySide6/Qt/plugins/(?P<folder>[\w-]+)/lib(?P<name>[\w-]+)\.so$")


def spec_constant(name: str) -> object:
    """A constant of build.spec (its plug-in exclusions), read from its source, so the rules are the spec's."""
    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            value = node.value
            if isinstance(value, ast.Call):  # re.compile(r"...")
                return re.compile(ast.literal_eval(value.args[0]))
            return ast.literal_eval(value)
    raise LookupError(f"build.spec has no {name}")


def wheel_files(wheels: Path) -> dict[str, int]:
    """Every file of every wheel in `wheels`, by its path once installed, with its size."""
    sizes = {}
    for wheel in sorted(wheels.glob("*.whl")):
        with zipfile.ZipFile(wheel) as archive:
            sizes.update({info.filename: info.file_size for info in archive.infolist() if not info.is_dir()})
    return sizes


def windows_plugins(linux: dict[str, int], windows: dict[str, int]) -> dict[str, int]:
    """The Qt plug-ins of the Windows build: each plug-in of the Linux build in its Windows form (where Windows
    has it), and the Windows wheel's own platform and style plug-ins that the spec does not exclude."""
    files_excluded = spec_constant("QT_PLUGIN_FILES_EXCLUDED")
    kept = {}
    for path in linux:
        found = LINUX_PLUGIN.match(path)
        if found and (counterpart := f"PySide6/plugins/{found['folder']}/{found['name']}.dll") in windows:
            kept[counterpart] = windows[counterpart]
    for path, size in windows.items():
        if re.match(r"^PySide6/plugins/(platforms|styles)/\w+\.dll$", path) and not files_excluded.search("/" + path):
            kept[path] = size
    return kept


def windows_layout(linux: dict[str, int], windows: dict[str, int]) -> tuple[dict[str, int], list[str], list[str]]:
    """The Windows build's files and sizes; the Linux files standing in for themselves (Python's own), and the
    Linux native files with no Windows counterpart (the system's libraries)."""
    layout: dict[str, int] = {}
    stand_ins, dropped = [], []
    libs_folders = set()
    for path, size in linux.items():
        if path.startswith("PySide6/Qt/plugins/"):
            continue
        if PYTHON.match(path):
            layout[path] = size
            stand_ins.append(path)
            continue
        bundled = BUNDLED_LIBS.match(path)
        if bundled:
            libs_folders.add(bundled.group(1))
            continue
        if ".so" not in path:
            layout[path] = size  # Python code, data, resources: the same on both
            continue
        for pattern, replacement in RULES:
            if re.match(pattern, path):
                counterpart = re.sub(pattern, replacement, path)
                if counterpart in windows:
                    layout[counterpart] = windows[counterpart]
                else:
                    dropped.append(path)
                break
        else:
            dropped.append(path)
    for folder in libs_folders:
        layout.update({p: s for p, s in windows.items() if p.startswith(f"{folder}/")})
    layout.update(windows_plugins(linux, windows))
    unused = spec_constant("UNUSED_LIBRARIES")
    layout.update({p: windows[p] for p in WINDOWS_ONLY if p in windows and not unused.search(p)})
    return layout, stand_ins, dropped


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("wheels", type=Path, help="a folder of the Windows wheels (see above)")
    parser.add_argument("folder", type=Path, nargs="?", default=ROOT / "dist" / "ScrutinyStudio")
    args = parser.parse_args()
    linux = files(args.folder)
    windows = wheel_files(args.wheels)
    if not linux or not windows:
        print("error: give a Linux build folder and a folder of Windows wheels", file=sys.stderr)
        return 2
    layout, stand_ins, dropped = windows_layout(linux, windows)
    linux_groups = by_group(linux)
    windows_groups = by_group({p: s for p, s in layout.items() if p not in WINDOWS_ONLY})
    windows_groups[WINDOWS_ONLY_GROUP] = sum(layout[p] for p in WINDOWS_ONLY if p in layout)
    print(f"{'part':<52} {'Linux MB':>9} {'Windows MB':>11}")
    for name in sorted(set(linux_groups) | set(windows_groups), key=lambda n: -windows_groups.get(n, 0)):
        print(f"{name:<52} {linux_groups.get(name, 0) / MB:>9.1f} {windows_groups.get(name, 0) / MB:>11.1f}")
    linux_total, windows_total = sum(linux.values()), sum(layout.values())
    python = sum(linux[p] for p in stand_ins)
    print(f"{'total':<52} {linux_total / MB:>9.1f} {windows_total / MB:>11.1f}")
    print(
        f"Windows total {windows_total / MB:.1f} MB against the goal of {GOAL_MB} MB: "
        f"ratio {windows_total / (GOAL_MB * MB):.2f} (Python's own {python / MB:.1f} MB is the Linux build's size)"
    )
    opengl = "PySide6/opengl32sw.dll"
    if opengl in windows:
        state = "in the build" if opengl in layout else "left out by the spec"
        print(
            f"Qt's software OpenGL renderer, which PyInstaller adds on Windows: {windows[opengl] / MB:.1f} MB, {state}"
        )
    dropped_size = sum(linux[p] for p in dropped)
    print(f"Linux native files with no Windows counterpart: {len(dropped)}, {dropped_size / MB:.1f} MB")
    for path in sorted(dropped, key=lambda p: -linux[p])[:12]:
        print(f"  {linux[path] / MB:6.1f} MB  {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
