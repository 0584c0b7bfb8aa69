"""Reading a hand-kept complaints log into the domain's log shape.

The header is found by its names (it is often below a title), each column is
read as a whole (vectorised), and every cell that cannot be read becomes a
Problem naming the sheet, row, column and value. A row with an error is left
out of the log and the problem says so; nothing is dropped or guessed silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from desktop_app.domain.complaints import DATE_COLUMNS, conform_log, empty_log
from desktop_app.domain.problems import Problem, Severity
from desktop_app.domain.rules import ComplaintRules
from desktop_app.domain.vocabulary import Vocabulary, normalise
from desktop_app.excel.cells import as_text, is_blank, parse_codes, parse_dates, shown
from desktop_app.excel.workbook import WorkbookError, open_workbook

#: How far down a sheet to look for the header row.
HEADER_SEARCH_ROWS = 30


@dataclass
class LogImport:
    """A complaints log read from a workbook, with what was wrong in it."""

    log: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    file: str = ""
    sheet: str = ""
    header_row: int = 0  # as Excel numbers it

    def count(self, severity: Severity) -> int:
        return sum(problem.severity is severity for problem in self.problems)


@dataclass
class _Sheet:
    name: str
    rows: list[list[object]]
    header_index: int  # 0-based position of the header in `rows`
    fields: dict[int, str]  # column position -> log field


def read_complaints_log(path: Path, vocabulary: Vocabulary, rules: ComplaintRules) -> LogImport:
    """Read the first sheet (visible sheets first) whose header names a complaints log.

    Raises WorkbookError, with a plain reason, when no sheet can be read as one.
    """
    path = Path(path)
    workbook = open_workbook(path)
    sheet = _find_log_sheet(path, workbook, vocabulary)
    result = LogImport(empty_log(), file=path.name, sheet=sheet.name, header_row=sheet.header_index + 1)
    if sheet.name in _hidden_sheet_names(workbook):
        result.problems.append(
            Problem(Severity.WARNING, "the complaints log is on a hidden sheet", path.name, sheet.name)
        )
    result.problems.extend(_column_notes(path.name, sheet, vocabulary))
    raw = _raw_frame(sheet)
    if raw.empty:
        result.problems.append(
            Problem(Severity.WARNING, "the sheet has a header but no complaints below it", path.name, sheet.name, sheet.header_index + 1)
        )
        return result
    result.log, problems = _parse(raw, sheet, path.name, vocabulary, rules)
    result.problems.extend(problems)
    return result


def _hidden_sheet_names(workbook) -> set[str]:
    return {meta.name for meta in workbook.sheets_metadata if str(meta.visible).rsplit(".", 1)[-1] != "Visible"}


def _find_log_sheet(path: Path, workbook, vocabulary: Vocabulary) -> _Sheet:
    hidden = _hidden_sheet_names(workbook)
    names = sorted(workbook.sheet_names, key=lambda name: name in hidden)
    best_missing: tuple[str, list[str]] | None = None
    for name in names:
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
            fields: dict[int, str] = {}
            for position, cell in enumerate(row):
                found = vocabulary.field_for_header(cell) if cell not in ("", None) else None
                if found and found not in fields.values():
                    fields[position] = found
            missing = [f for f in vocabulary.required_columns if f not in fields.values()]
            if not missing:
                return _Sheet(name, rows, index, fields)
            if len(fields) >= 2 and (best_missing is None or len(missing) < len(best_missing[1])):
                best_missing = (name, missing)
    if best_missing:
        sheet, missing = best_missing
        raise WorkbookError(
            f"{path.name}: sheet '{sheet}' looks like a complaints log but has no column for "
            + ", ".join(missing)
            + "; add the column or add its name to resources/complaints_vocabulary.toml"
        )
    raise WorkbookError(
        f"{path.name}: no sheet has a complaints log header (columns such as Reference, Procedure, Stage, Date Received) in its first {HEADER_SEARCH_ROWS} rows"
    )


def _column_notes(file: str, sheet: _Sheet, vocabulary: Vocabulary) -> list[Problem]:
    header = sheet.rows[sheet.header_index]
    notes = []
    for position, cell in enumerate(header):
        if cell in ("", None) or position in sheet.fields:
            continue
        used_by = vocabulary.field_for_header(cell)
        reason = (
            f"a second column for '{used_by}': only the first is read"
            if used_by
            else "this column is not used for the complaints figures"
        )
        notes.append(
            Problem(Severity.WARNING if used_by else Severity.NOTE, reason, file, sheet.name,
                    sheet.header_index + 1, str(cell), _cell_name(position, sheet.header_index + 1))
        )
    return notes


def _raw_frame(sheet: _Sheet) -> pd.DataFrame:
    """The data rows under the header, one column per log field, blank rows dropped."""
    body = sheet.rows[sheet.header_index + 1 :]
    positions = sorted(sheet.fields)
    frame = pd.DataFrame(body, dtype="object").reindex(columns=positions) if body else pd.DataFrame(columns=positions)
    frame = frame.rename(columns=sheet.fields).replace("", None)
    frame.index = pd.RangeIndex(sheet.header_index + 2, sheet.header_index + 2 + len(frame))
    return frame[~frame.isna().all(axis=1)]


def _cell_name(position: int, row: int) -> str:
    letters = ""
    position += 1
    while position:
        position, remainder = divmod(position - 1, 26)
        letters = chr(65 + remainder) + letters
    return f"{letters}{row}"


def _parse(raw: pd.DataFrame, sheet: _Sheet, file: str, vocabulary: Vocabulary, rules: ComplaintRules):
    header = sheet.rows[sheet.header_index]
    column_of = {name: position for position, name in sheet.fields.items()}
    problems: list[Problem] = []
    errors = pd.Series(False, index=raw.index)

    def report(severity: Severity, field_name: str, mask: pd.Series, messages: pd.Series | str) -> None:
        nonlocal errors
        mask = mask.reindex(raw.index, fill_value=False).astype(bool)
        if not mask.any():
            return
        if severity is Severity.ERROR:
            errors |= mask
        position = column_of.get(field_name)
        values = raw[field_name] if field_name in raw else pd.Series(None, index=raw.index)
        if isinstance(messages, str):
            messages = pd.Series(messages, index=raw.index)
        suffix = ": the row is not used" if severity is Severity.ERROR else ""
        for row in mask[mask].index:
            problems.append(
                Problem(severity, f"{messages[row]}{suffix}", file, sheet.name, int(row),
                        str(header[position]) if position is not None else field_name,
                        _cell_name(position, int(row)) if position is not None else "",
                        shown(values[row]))
            )

    log = pd.DataFrame(index=raw.index)
    def column(name: str) -> pd.Series:
        return raw[name] if name in raw else pd.Series(None, index=raw.index, dtype="object")

    log["reference"] = as_text(column("reference"))
    report(Severity.ERROR, "reference", log["reference"].isna(), "no complaint reference")

    for name in ("procedure", "stage"):
        codes, reason = parse_codes(column(name), vocabulary.values[name], normalise)
        log[name] = codes
        report(Severity.ERROR, name, reason != "",
               reason + f" (accepted: {vocabulary.examples(name)}; more in resources/complaints_vocabulary.toml)")
        report(Severity.ERROR, name, is_blank(column(name)), f"no {name}")
    unknown_procedure = log["procedure"].notna() & ~log["procedure"].isin(list(rules.procedures))
    report(Severity.ERROR, "procedure", unknown_procedure, "this procedure has no rules in resources/complaint_procedures.toml")

    for name in DATE_COLUMNS:
        dates, reason = parse_dates(column(name))
        log[name] = dates
        report(Severity.ERROR, name, reason != "", reason)
    report(Severity.ERROR, "received", log["received"].isna() & is_blank(column("received")), "no date received")
    for name in ("acknowledged", "statement_agreed", "responded"):
        report(Severity.ERROR, name, log[name] < log["received"],
               "is before the date received (" + _dates(log["received"]) + ")")
    report(Severity.ERROR, "responded", log["responded"] < log["acknowledged"], "is before the date acknowledged")

    extension, reason = parse_codes(column("extension").fillna(""), vocabulary.values["extension"], normalise)
    log["extension"] = extension.eq("yes")
    report(Severity.ERROR, "extension", reason != "", "is not Yes or No")

    ombudsman = log["stage"].eq("ombudsman")
    outcome, reason = parse_codes(column("outcome"), vocabulary.values["outcome"], normalise)
    log["outcome"] = outcome
    log["decision"] = as_text(column("outcome"))
    # An ombudsman's decision is kept as written even when the vocabulary does not know it.
    report(Severity.ERROR, "outcome", (reason != "") & ~ombudsman,
           reason + f" (accepted: {vocabulary.examples('outcome', 8)})")
    outcome_class = log["outcome"].map(vocabulary.outcome_classes)
    finalised = log["responded"].notna()
    report(Severity.WARNING, "outcome", finalised & outcome_class.eq("open"),
           "says the complaint is open, but a response date is recorded: counted as finalised")
    report(Severity.WARNING, "outcome", finalised & log["outcome"].isna() & ~ombudsman,
           "no outcome, but a response date is recorded: left out of the upheld figure")
    report(Severity.WARNING, "responded", ~finalised & ~ombudsman & outcome_class.isin(["upheld", "not_upheld", "excluded"]),
           "no response date, but the outcome is decided: counted as open")

    log["theme"] = as_text(column("theme"))
    log["complainant"] = as_text(column("complainant"))
    groups, _ = parse_codes(column("complainant"), vocabulary.values.get("complainant_group", {}), normalise)
    log["complainant_group"] = groups
    log["sheet"] = sheet.name
    log["row"] = log.index.astype("int64")

    log = conform_log(log[~errors].reset_index(drop=True))
    problems.sort(key=lambda problem: (problem.row or 0, problem.cell))
    return log, problems


def _dates(values: pd.Series) -> pd.Series:
    return values.dt.strftime("%d/%m/%Y").fillna("")
