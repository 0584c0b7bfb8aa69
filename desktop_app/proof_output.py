"""What the command line prints of a proof, shared by every appendix's commands.

`proof KIND ...` prints the findings (proof/1 JSON with --json) and exits 1 where any is at
warning or above; `report KIND ... --strict` prints them as warnings and writes nothing while
an error remains.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.report.proof import Finding

EXIT_FINDINGS = 1


def strict_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--strict",
        action="store_true",
        help="write nothing while the proof finds an error (run 'proof' to see them all); exit 1",
    )


def proof_allows(args: argparse.Namespace, findings: Sequence[Finding]) -> bool:
    """Print what the proof finds before an appendix is written (errors and warnings as warnings, the rest as
    notes; rows and parts left out are said by the report command itself); False where --strict refuses."""
    from desktop_app.report.proof import errors

    for finding in findings:
        if finding.reminder or finding.kind in ("rows_left_out", "left_out"):
            continue
        print(f"{'warning' if finding.serious else 'note'}: {finding.message}", file=sys.stderr)
    refused = errors(findings)
    if args.strict and refused:
        count = "1 error" if len(refused) == 1 else f"{len(refused)} errors"
        print(f"error: the proof found {count}, so {args.out.name} was not written (--strict)", file=sys.stderr)
        return False
    return True


def print_proof(args: argparse.Namespace, findings: Sequence[Finding], what: str) -> int:
    """The proof's findings on stdout (as proof/1 JSON with --json); 1 where any is at warning or above."""
    from desktop_app.domain.formatting import json_text
    from desktop_app.report.proof import proof_document, proof_text, serious

    if args.json:
        print(json_text(proof_document(findings)))
    elif findings:
        counts = [
            f"{count} {severity}{'s' if count != 1 else ''}"
            for severity in ("error", "warning", "info")
            if (count := sum(finding.severity == severity for finding in findings))
        ]
        print(f"The proof of the {what}: {', '.join(counts)}")
        print(proof_text(findings))
    else:
        print(f"The proof of the {what} finds nothing to query.")
    return EXIT_FINDINGS if serious(findings) else 0
