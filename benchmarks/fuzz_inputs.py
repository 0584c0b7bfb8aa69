"""Fuzz the readers: mutated workbooks and CSV files must give one clear line each, never a crash or a hang.

    python benchmarks/fuzz_inputs.py [--count 1000] [--seed 1] [--keep FOLDER]

Each file is made from the bundled sample returns by one mutation (bytes flipped, inserted or cut in a
zip's XML parts; hostile cell values written with openpyxl; bytes flipped or cut in a CSV; a truncated or
damaged zip) and run through `check --json` and `complaints` (and `indicators` for a return) in a child
process, in batches. A result is one of: read, refused with one line (exit 2), or a failure: an exception
escaping the command (a traceback), a child killed by a signal (an abort), a file taking longer than the
time limit (a hang) or a child growing past the memory limit. It prints the count of each, the time and
peak memory per file beside the anchor (the unmutated sample read the same way), and exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
LOG = SAMPLES / "complaints_log_2021-2023.xlsx"
RETURNS = sorted(path for path in SAMPLES.glob("*.xlsx") if path != LOG)
SECONDS_PER_FILE = 30
MEMORY_LIMIT = 1 << 30  # the bound: peak memory for any input under 1 GB
BATCH = 50

HOSTILE_VALUES: list[object] = [
    float("nan"),
    float("inf"),
    float("-inf"),
    -9.2e18,
    1e308,
    -1,
    0,
    2**62,
    "NaN",
    "Infinity",
    "-inf",
    "=1/0",
    "=NA()",
    "#REF!",
    "",
    " ",
    "x" * 40_000,
    "\u202e\u200b",
    "31/02/2023",
    "2023-13-45",
    "2:32 PM",
    "01/01/1900",
    "9999-12-31",
    True,
    "Yes;No",
    "\n\n\n",
    '"',
    "1e400",
    "٣٤",
]


def _mutate_xml(data: bytes, rng: random.Random) -> bytes:
    """Flip, insert or cut a few bytes inside one of the workbook's XML parts, and zip it again."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = [name for name in source.namelist() if name.endswith(".xml") or name.endswith(".rels")]
    target = rng.choice(names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            member = source.read(info)
            if info.filename == target:
                member = _mutate_bytes(member, rng, rng.randint(1, 8))
            archive.writestr(info.filename, member)
    return out.getvalue()


def _mutate_bytes(data: bytes, rng: random.Random, edits: int) -> bytes:
    buffer = bytearray(data)
    for _ in range(edits):
        if not buffer:
            break
        at = rng.randrange(len(buffer))
        kind = rng.random()
        if kind < 0.5:
            buffer[at] = rng.randrange(256)
        elif kind < 0.75:
            buffer[at:at] = bytes(rng.choice([b"<", b">", b'"', b"&", b"\x00", b"9" * 30, b"-", b"\n"]))
        else:
            del buffer[at : at + rng.randint(1, 200)]
    return bytes(buffer)


def _hostile_cells(path: Path, rng: random.Random) -> bytes:
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    for _ in range(rng.randint(1, 25)):
        sheet = rng.choice(workbook.worksheets)
        row = rng.randint(1, max(2, min(sheet.max_row + 3, 400)))
        column = rng.randint(1, max(2, sheet.max_column + 1))
        value = rng.choice(HOSTILE_VALUES)
        if isinstance(value, float) and not math.isfinite(value):
            value = str(value)  # openpyxl writes no NaN; the text form is what Excel users type
        sheet.cell(row=row, column=column).value = value
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _csv_of(path: Path) -> bytes:
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    text = io.StringIO()
    import csv

    csv.writer(text).writerows(rows)
    return text.getvalue().encode("utf-8")


def make_files(folder: Path, count: int, seed: int) -> list[Path]:
    """`count` mutated files in `folder`, the same for the same seed."""
    rng = random.Random(seed)
    sources = [LOG, *RETURNS]
    originals = {path: path.read_bytes() for path in sources}
    csv_log = _csv_of(LOG)
    made = []
    for number in range(count):
        source = rng.choice(sources)
        kind = rng.choice(["xml", "xml", "cells", "cells", "csv", "zip"])
        if kind == "xml":
            data, suffix = _mutate_xml(originals[source], rng), ".xlsx"
        elif kind == "cells":
            data, suffix = _hostile_cells(source, rng), ".xlsx"
        elif kind == "csv":
            data, suffix = _mutate_bytes(csv_log, rng, rng.randint(1, 40)), ".csv"
            source = LOG
        else:
            raw = originals[source]
            data = raw[: rng.randrange(len(raw))] if rng.random() < 0.5 else _mutate_bytes(raw, rng, 4)
            suffix = ".xlsx"
        role = "log" if source == LOG else "return"
        path = folder / f"{number:05d}_{kind}_{role}{suffix}"
        path.write_bytes(data)
        made.append(path)
    return made


def _commands(path: Path) -> list[list[str]]:
    commands = [["check", str(path), "--json"]]
    if "_log" in path.name:
        commands.append(["complaints", str(path)])
    else:
        commands.append(["indicators", str(path), "--json"])
    return commands


def run_batch(paths: list[Path]) -> None:
    """In a child: run each file's commands in-process; print one JSON line per file."""
    from desktop_app import cli

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT * 4, MEMORY_LIMIT * 4))  # address space, not RSS

    def too_long(signum: int, frame: object) -> None:
        raise TimeoutError

    signal.signal(signal.SIGALRM, too_long)
    for path in paths:
        print(json.dumps({"start": path.name}), flush=True)
        outcome, detail, started = "read", "", time.perf_counter()
        for command in _commands(path):
            signal.alarm(SECONDS_PER_FILE)
            try:
                with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
                    code = cli.main(command)
                if code == 2 and outcome == "read":
                    outcome = "refused"
                    detail = err.getvalue().strip().splitlines()[-1:] or [""]
                    detail = detail[0]
            except TimeoutError:
                outcome, detail = "hang", " ".join(command[:1])
                break
            except SystemExit as exc:
                if exc.code not in (0, 1, 2, None):
                    outcome, detail = "crash", f"exit {exc.code}"
            except BaseException as exc:  # any escape is what the fuzz looks for
                outcome, detail = "crash", f"{command[0]}: {type(exc).__name__}: {exc}"[:300]
                break
            finally:
                signal.alarm(0)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        print(
            json.dumps(
                {
                    "file": path.name,
                    "outcome": outcome,
                    "detail": detail,
                    "seconds": time.perf_counter() - started,
                    "peak": peak,
                }
            ),
            flush=True,
        )


def _run_all(paths: list[Path]) -> list[dict[str, object]]:
    results: list[dict[str, object]] = []
    pending = list(paths)
    while pending:
        batch, pending = pending[:BATCH], pending[BATCH:]
        child = subprocess.run(
            [sys.executable, __file__, "--run", *map(str, batch)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
            check=False,
        )
        done, started = set(), ""
        for line in child.stdout.splitlines():
            if not line.startswith("{"):
                continue
            record = json.loads(line)
            if "start" in record:
                started = record["start"]
            else:
                results.append(record)
                done.add(record["file"])
        if child.returncode != 0:  # killed by a signal or out of memory on `started`: the rest again
            results.append({"file": started, "outcome": "abort", "detail": f"child exit {child.returncode}"})
            done.add(started)
            pending = [path for path in batch if path.name not in done] + pending
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep the mutated files (and the failures) in this folder")
    parser.add_argument("--run", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run is not None:
        run_batch(args.run)
        return 0
    folder = Path(tempfile.mkdtemp(prefix="scrutiny-fuzz-")) if args.keep is None else args.keep
    folder.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        paths = make_files(folder, args.count, args.seed)
        made = time.perf_counter() - started
        anchor = _run_all(_anchor_copies(folder))[-1]  # the second: the first also pays for the imports
        results = _run_all(paths)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return _report(results, anchor, made)


def _anchor_copies(folder: Path) -> list[Path]:
    copies = [folder / f"anchor_{number}_log.xlsx" for number in (1, 2)]
    for copy in copies:
        copy.write_bytes(LOG.read_bytes())
    return copies


def _report(results: list[dict[str, object]], anchor: dict[str, object], made: float) -> int:
    counts: dict[str, int] = {}
    for record in results:
        counts[str(record["outcome"])] = counts.get(str(record["outcome"]), 0) + 1
    timed = [record for record in results if "seconds" in record]
    slowest = max(timed, key=lambda record: float(record["seconds"]))  # type: ignore[arg-type]
    peak = max(int(record["peak"]) for record in timed)  # type: ignore[call-overload]
    print(f"{len(results)} mutated files (made in {made:.0f} s): " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    print(
        f"anchor (the sample log, unmutated): {float(anchor['seconds']):.2f} s, "  # type: ignore[arg-type]
        f"peak {int(anchor['peak']) / 1e6:.0f} MB"  # type: ignore[call-overload]
    )
    print(
        f"slowest file: {float(slowest['seconds']):.2f} s ({slowest['file']}), "  # type: ignore[arg-type]
        f"ratio {float(slowest['seconds']) / float(anchor['seconds']):.1f}; "  # type: ignore[arg-type]
        f"largest peak of a batch: {peak / 1e6:.0f} MB (limit {MEMORY_LIMIT / 1e6:.0f} MB)"
    )
    failures = [record for record in results if record["outcome"] in ("crash", "hang", "abort")]
    for record in failures:
        print(f"  {record['outcome']}: {record['file']}: {record['detail']}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
