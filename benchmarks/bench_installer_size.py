"""How big the one-folder installer is, part by part, against the goal of under 200 MB.

    .venv/bin/python -m PyInstaller --noconfirm build.spec
    .venv/bin/python benchmarks/bench_installer_size.py [dist/ScrutinyStudio] [--top 25] [--against OTHER]

Prints the total (bytes on disk as the files' sizes add up, links counted once), the largest files, and the
total by group (Qt's libraries, PySide6's modules, Qt's plug-ins, Python and its lib-dynload, numpy, pandas,
Pillow, the application's resources, the rest). With `--against OTHER` (an earlier build) each group is set
beside its size there. Measures the folder it is given: a Linux build here; the Windows build holds the same
parts under the same spec (its .dll and .pyd for .so).
"""

from __future__ import annotations

import argparse
import os
import re
from collections import Counter
from pathlib import Path

GOAL_MB = 200
MB = 1_000_000
#: The group of a file, by the first pattern its path (below _internal/) matches.
GROUPS = (
    ("Qt libraries", r"PySide6/Qt/lib/|PySide6/Qt6\w+\.dll|libQt6|Qt6\w*\.dll"),
    ("Qt plug-ins", r"PySide6/Qt/plugins/|PySide6/plugins/"),
    ("PySide6 modules and shiboken", r"PySide6/|shiboken6/"),
    ("ICU", r"libicu|icu\w*\.dll"),
    ("Python and lib-dynload", r"libpython|python3\d*\.dll|lib-dynload/|base_library\.zip"),
    ("numpy and OpenBLAS", r"numpy|scipy_openblas|openblas"),
    ("pandas", r"pandas"),
    ("Pillow", r"PIL/|pillow\.libs"),
    ("pypdfium2", r"pypdfium2"),
    ("ReportLab", r"reportlab"),
    ("lxml", r"lxml"),
    ("pikepdf and qpdf", r"pikepdf|libqpdf|qpdf"),
    ("the application's resources and forms", r"^(resources|forms|sample_data)/"),
    ("the executable", r"^ScrutinyStudio(\.exe)?$"),
)


def files(folder: Path) -> dict[str, int]:
    """Each regular file below `folder` (links not followed) and its size."""
    sizes = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            relative = path.relative_to(folder).as_posix()
            sizes[relative.removeprefix("_internal/")] = path.stat().st_size
    return sizes


def group_of(path: str) -> str:
    return next((name for name, pattern in GROUPS if re.search(pattern, path)), "the rest")


def by_group(sizes: dict[str, int]) -> Counter:
    totals: Counter = Counter()
    for path, size in sizes.items():
        totals[group_of(path)] += size
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folder", nargs="?", default=str(Path(__file__).resolve().parents[1] / "dist" / "ScrutinyStudio")
    )
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--against", help="an earlier build's folder, to set each group beside")
    args = parser.parse_args()
    folder = Path(args.folder)
    if not folder.is_dir():
        raise SystemExit(f"{folder} is not a built folder: build it first with PyInstaller (see the docstring)")
    sizes = files(folder)
    total = sum(sizes.values())
    verdict = "under" if total < GOAL_MB * MB else "over"
    print(f"{folder.name}: {total / MB:.1f} MB in {len(sizes):,} files, {verdict} the goal of {GOAL_MB} MB")
    earlier = by_group(files(Path(args.against))) if args.against else None
    if earlier is not None:
        print(f"  the earlier build ({args.against}): {sum(earlier.values()) / MB:.1f} MB")
    print("by group:")
    for name, size in by_group(sizes).most_common():
        beside = f"   (was {earlier[name] / MB:6.1f} MB)" if earlier is not None else ""
        print(f"  {size / MB:7.1f} MB  {name}{beside}")
    print(f"the {args.top} largest files:")
    for path, size in sorted(sizes.items(), key=lambda item: -item[1])[: args.top]:
        print(f"  {size / MB:7.1f} MB  {path}")
    print(f"(sizes of the files as stored; {os.cpu_count()} cores on the machine that measured, for the record)")


if __name__ == "__main__":
    main()
