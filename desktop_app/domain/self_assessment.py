"""The council's annual self-assessment against the Ombudsman's complaint handling code.

The code (section 8) asks for a self-assessment in the annual complaints performance and service
improvement report: for each of the code's requirements, whether the council complies, its evidence,
and where it does not, the action it will take and by when. The council keeps it in a TOML file it edits
each year and carries to the next (a template of the code's requirements is
resources/complaint_code_self_assessment.toml); a slip names the file, the requirement and the key.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.domain.resource_files import ResourceFileError, read_toml, settings_file
from desktop_app.paths import RESOURCES

DEFAULT_SELF_ASSESSMENT_FILE = RESOURCES / "complaint_code_self_assessment.toml"
#: How the file may say whether the council complies; blank is not yet assessed.
COMPLIES_WORDS = {"yes": True, "y": True, "no": False, "n": False, "": None}
_KEYS = ("section", "requirement", "complies", "evidence", "action", "action_date")


class SelfAssessmentError(ResourceFileError):
    """The self-assessment file says something that cannot be used."""


@dataclass(frozen=True)
class CodeRequirement:
    """One requirement of the code and the council's assessment of it (`complies` None: not assessed)."""

    section: str
    requirement: str
    complies: bool | None
    evidence: str = ""
    action: str = ""
    action_date: dt.date | None = None


@dataclass(frozen=True)
class SelfAssessment:
    code: str
    assessed: dt.date | None
    requirements: tuple[CodeRequirement, ...]
    source: str = DEFAULT_SELF_ASSESSMENT_FILE.name

    def counts(self) -> dict[str, int]:
        """How many requirements the council meets, does not meet, and has not yet assessed."""
        found = [requirement.complies for requirement in self.requirements]
        return {
            "requirements": len(found),
            "complies": found.count(True),
            "not_complies": found.count(False),
            "not_assessed": found.count(None),
        }

    def not_met(self) -> tuple[CodeRequirement, ...]:
        """The requirements the council does not meet: the report's findings of non-compliance."""
        return tuple(requirement for requirement in self.requirements if requirement.complies is False)

    def without_action(self) -> tuple[CodeRequirement, ...]:
        """Requirements not met with no action written: the code asks for the action and when."""
        return tuple(requirement for requirement in self.not_met() if not requirement.action.strip())


@settings_file
def load_self_assessment(path: Path = DEFAULT_SELF_ASSESSMENT_FILE) -> SelfAssessment:
    """Read and check a self-assessment file; a mistake names the file, the requirement's number and key."""
    return self_assessment_from_data(read_toml(path), path.name)


def self_assessment_from_data(data: Any, where: str) -> SelfAssessment:
    """Check a self-assessment as its file holds it (a table of [self_assessment] and [[requirements]]: a
    project keeps it so, `self_assessment_data`); a mistake names `where`, the requirement's number and key."""
    if not isinstance(data, dict):
        raise SelfAssessmentError(
            f"{where}: a self-assessment must be a table of [self_assessment] and [[requirements]]"
        )
    head = data.get("self_assessment", {})
    if not isinstance(head, dict):
        raise SelfAssessmentError(f"{where}: [self_assessment] must be a table")
    code = str(head.get("code", "")).strip()
    if not code:
        raise SelfAssessmentError(f"{where}: [self_assessment] code must name the code assessed against")
    rows = data.get("requirements", [])
    if not isinstance(rows, list) or not rows:
        raise SelfAssessmentError(f"{where}: there is no [[requirements]] entry")
    requirements = tuple(_requirement(row, f"{where}: [[requirements]] number {n}") for n, row in enumerate(rows, 1))
    return SelfAssessment(
        code, _date(head.get("assessed", ""), f"{where}: [self_assessment] assessed"), requirements, where
    )


def self_assessment_data(assessment: SelfAssessment) -> dict[str, Any]:
    """`assessment` as its file holds it, dates as 'YYYY-MM-DD' (what a project keeps: plain JSON), with the
    name of the file it was read from as `source`; `self_assessment_from_data` reads it back."""

    def day(value: dt.date | None) -> str:
        return value.isoformat() if value else ""

    return {
        "source": assessment.source,
        "self_assessment": {"code": assessment.code, "assessed": day(assessment.assessed)},
        "requirements": [
            {
                "section": requirement.section,
                "requirement": requirement.requirement,
                "complies": {True: "yes", False: "no", None: ""}[requirement.complies],
                "evidence": requirement.evidence,
                "action": requirement.action,
                "action_date": day(requirement.action_date),
            }
            for requirement in assessment.requirements
        ],
    }


def _requirement(row: Any, where: str) -> CodeRequirement:
    if not isinstance(row, dict):
        raise SelfAssessmentError(f"{where} must be a table of {', '.join(_KEYS)}")
    extra = sorted(set(row) - set(_KEYS))
    if extra:
        raise SelfAssessmentError(f"{where}: unknown key {extra[0]!r}; use {', '.join(_KEYS)}")
    texts = {key: row.get(key, "") for key in ("section", "requirement", "evidence", "action")}
    for key, value in texts.items():
        if not isinstance(value, str):
            raise SelfAssessmentError(f"{where}: {key} must be text in quotes, not {value!r}")
    for key in ("section", "requirement"):
        if not texts[key].strip():
            raise SelfAssessmentError(f"{where}: {key} must not be empty")
    complies = row.get("complies", "")
    if isinstance(complies, bool):
        said: bool | None = complies
    elif isinstance(complies, str) and complies.strip().casefold() in COMPLIES_WORDS:
        said = COMPLIES_WORDS[complies.strip().casefold()]
    else:
        raise SelfAssessmentError(
            f'{where} (section {texts["section"]}): complies must be "yes", "no" or "" (not yet assessed), '
            f"not {complies!r}"
        )
    return CodeRequirement(
        texts["section"].strip(),
        texts["requirement"].strip(),
        said,
        texts["evidence"].strip(),
        texts["action"].strip(),
        _date(row.get("action_date", ""), f"{where} (section {texts['section']}): action_date"),
    )


def _date(value: Any, where: str) -> dt.date | None:
    """A TOML date, a 'YYYY-MM-DD' text, or blank (None)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise SelfAssessmentError(f"{where} must be a date such as 2023-09-30 (or left blank), not {value!r}")
