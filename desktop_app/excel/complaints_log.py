"""Reading a hand-kept complaints log into the domain's log shape.

The header is found by its names (it is often below a title), each column is
read as a whole (vectorised), and every cell that cannot be read becomes a
Problem naming the sheet, row, column and value. A row with an error (no reference, procedure, stage or
date received) is left out of the log and the problem says so; a date or extension that cannot be read
leaves its complaint out of only the figures that need it (the log's `unread` column); nothing is dropped
or guessed silently. An outcome word the
vocabulary does not know keeps its complaint (it is left out of the upheld figure only) and is named once,
with its count, the nearest known word and how to teach it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from desktop_app.domain.complaints import DATE_COLUMNS, ENQUIRIES, conform_log, empty_log
from desktop_app.domain.equality import CHARACTERISTICS, NOT_RECORDED
from desktop_app.domain.problems import Problem, Severity
from desktop_app.domain.returns import ReturnKind
from desktop_app.domain.rules import ComplaintRules
from desktop_app.domain.vocabulary import Vocabulary, normalise
from desktop_app.excel.cells import Distinct, as_text, parse_codes, parse_dates, parse_numbers
from desktop_app.excel.headers import (
    HEADER_SEARCH_ROWS,
    Header,
    ReturnsVocabulary,
    find_header,
    load_returns_vocabulary,
    nearest_miss,
)
from desktop_app.excel.table import RowProblems, body_frame, cell_name, non_data_rows
from desktop_app.excel.workbook import Sheet, WorkbookError, open_source


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


def read_complaints_log(
    path: Path, vocabulary: Vocabulary, rules: ComplaintRules, returns_vocabulary: ReturnsVocabulary | None = None
) -> LogImport:
    """Read the first sheet (visible sheets first) whose header names a complaints log.

    Raises WorkbookError, with a plain reason, when no sheet can be read as one.
    """
    returns_vocabulary = returns_vocabulary or load_returns_vocabulary(vocabulary)
    source = open_source(Path(path))
    name = source.provenance.file
    for sheet in sorted(source.sheets, key=lambda sheet: sheet.hidden):
        header = find_header(sheet, returns_vocabulary, ReturnKind.COMPLAINTS_LOG)
        if header:
            log, problems = parse_complaints_log(sheet, header, name, vocabulary, rules)
            return LogImport(log, problems, name, sheet.name, header.row_number)
    misses = [
        (sheet.name, miss)
        for sheet in source.sheets
        if (miss := nearest_miss(sheet, returns_vocabulary, ReturnKind.COMPLAINTS_LOG))
    ]
    if misses:
        sheet_name, (_, missing) = min(misses, key=lambda found: len(found[1][1]))
        raise WorkbookError(
            f"{name}: sheet '{sheet_name}' looks like a complaints log but has no column for "
            + ", ".join(missing)
            + "; add the column or add its name to resources/complaints_vocabulary.toml"
        )
    raise WorkbookError(
        f"{name}: no sheet has a complaints log header (columns such as Reference, Procedure, Stage, "
        f"Date Received) in its first {HEADER_SEARCH_ROWS} rows"
    )


def parse_complaints_log(
    sheet: Sheet, header: Header, file: str, vocabulary: Vocabulary, rules: ComplaintRules
) -> tuple[pd.DataFrame, list[Problem]]:
    """The log's rows in the domain's shape, and every problem found in them."""
    raw = body_frame(sheet, header)
    repeats, notes = non_data_rows(sheet, header, raw.index)
    found = RowProblems(file, sheet, header, raw)
    found.set_aside(repeats, notes)
    raw = raw.drop(index=repeats.union(notes))
    found.raw, found.errors = raw, found.errors.drop(index=repeats.union(notes))
    if sheet.hidden:
        found.note_sheet(Severity.WARNING, "the complaints log is on a hidden sheet")
    _note_unused_columns(found, header)
    if raw.empty:
        found.note_sheet(Severity.WARNING, "the sheet has a header but no complaints below it", header.row_number)
        return empty_log(), found.sorted()

    # each column as its distinct values, so every reading of a cell runs once per value
    columns = {name: Distinct(raw[name]) for name in raw}
    nothing = Distinct(pd.Series(None, index=raw.index, dtype="object"))

    def column(name: str) -> Distinct:
        return columns.get(name, nothing)

    log = pd.DataFrame(index=raw.index)

    log["reference"] = column("reference").read(as_text)
    found.add(Severity.ERROR, "reference", log["reference"].isna(), "no complaint reference")

    for name in ("procedure", "stage"):
        codes, reason = column(name).read(parse_codes, vocabulary.values[name], normalise)
        log[name] = codes
        bad = reason != ""
        accepted = f" (accepted: {vocabulary.examples(name)}; more in resources/complaints_vocabulary.toml)"
        found.add(Severity.ERROR, name, bad, reason[bad] + accepted)
        found.add(Severity.ERROR, name, column(name).blank, f"no {name}")
    unknown_procedure = log["procedure"].notna() & ~log["procedure"].isin(list(rules.procedures))
    found.add(
        Severity.ERROR,
        "procedure",
        unknown_procedure,
        "this procedure has no rules in resources/complaint_procedures.toml",
    )

    unread = pd.Series("", index=raw.index, dtype="object")
    for name in DATE_COLUMNS:
        dates, reason = column(name).read(parse_dates)
        log[name] = dates
        bad = reason != ""
        if name == "received":  # every figure counts by the date received
            found.add(Severity.ERROR, name, bad, reason[bad])
        else:
            found.add(Severity.WARNING, name, bad, reason[bad] + LEFT_OUT_FOR[name])
            unread = _marked(unread, bad, name)
    found.add(Severity.ERROR, "received", log["received"].isna() & column("received").blank, "no date received")
    for name in ("acknowledged", "statement_agreed", "responded", "response_agreed"):
        early = log[name] < log["received"]
        found.add(Severity.ERROR, name, early, "is before the date received (" + _dates(log["received"][early]) + ")")
    found.add(Severity.ERROR, "responded", log["responded"] < log["acknowledged"], "is before the date acknowledged")

    yes_or_no = vocabulary.values["extension"]
    extension, reason = column("extension").read(lambda values: parse_codes(values.fillna(""), yes_or_no, normalise))
    log["extension"] = extension.eq("yes")
    found.add(Severity.WARNING, "extension", reason != "", "is not Yes or No" + LEFT_OUT_FOR["extension"])
    log["unread"] = _marked(unread, reason != "", "extension")

    if "record_type" in raw:  # a blank cell in a log that keeps the column says "a complaint"
        kinds, reason = column("record_type").read(parse_codes, vocabulary.values.get("record_type", {}), normalise)
        log["record_type"] = kinds.fillna("complaint")
        found.add(
            Severity.WARNING,
            "record_type",
            reason != "",
            f"is not a record type the vocabulary knows ({vocabulary.examples('record_type')}): counted as a complaint",
        )
    # an Ombudsman's decision, a representation's answer and an enquiry's are no finding on a complaint
    no_finding = log["stage"].eq("ombudsman") | log.get("record_type", pd.Series(None, index=raw.index)).isin(
        ["representation", "compliment", *ENQUIRIES]
    )
    outcome, reason = column("outcome").read(parse_codes, vocabulary.values["outcome"], normalise)
    log["outcome"] = outcome
    log["decision"] = column("outcome").read(as_text)
    # A word the vocabulary does not know leaves the complaint out of the upheld figure only; an
    # ombudsman's decision is kept as written (the Ombudsman table lists it so).
    found.add_once_per_word(
        "outcome", (reason != "") & ~no_finding, lambda word, rows: unknown_outcome_message(vocabulary, word, rows)
    )
    outcome_class = log["outcome"].map(vocabulary.outcome_classes)
    finalised = log["responded"].notna()
    found.add(
        Severity.WARNING,
        "outcome",
        finalised & outcome_class.eq("open"),
        "says the complaint is open, but a response date is recorded: counted as finalised",
    )
    found.add(
        Severity.WARNING,
        "outcome",
        finalised & column("outcome").blank & ~no_finding,
        "no outcome, but a response date is recorded: left out of the upheld figure",
    )
    found.add(
        Severity.WARNING,
        "responded",
        column("responded").blank & ~no_finding & outcome_class.isin(["upheld", "not_upheld", "excluded"]),
        "no response date, but the outcome is decided: counted as open",
    )

    if "joint_nhs" in raw:  # a blank cell in a log that keeps the column says "not joint"
        joint, reason = column("joint_nhs").read(lambda values: parse_codes(values.fillna(""), yes_or_no, normalise))
        log["joint_nhs"] = joint.fillna("no").where(reason == "", None)
        found.add(Severity.WARNING, "joint_nhs", reason != "", "is not Yes or No: counted as not known")
    if "advocacy" in raw:  # a blank cell in a log that keeps the column says "no advocate"
        advocacy, reason = column("advocacy").read(lambda values: parse_codes(values.fillna(""), yes_or_no, normalise))
        log["advocacy"] = advocacy.fillna("no").where(reason == "", None)
        found.add(Severity.WARNING, "advocacy", reason != "", "is not Yes or No: counted as not known")
    if "compensation" in raw:  # a blank cell in a log that keeps the column says "nothing paid"
        amounts, reason, _ = column("compensation").read(parse_numbers, {})
        blank = column("compensation").blank
        log["compensation"] = amounts.where(~blank, 0.0)
        bad = reason != ""
        found.add(Severity.WARNING, "compensation", bad, reason[bad] + ": left out of the compensation figures")
        found.add(
            Severity.WARNING, "compensation", amounts < 0, "is less than nothing: left out of the compensation figures"
        )
        log["compensation"] = log["compensation"].where(~(amounts < 0))
    for name, what in (("remedy_type", "remedy type"), ("refusal_reason", "reason for refusing a complaint")):
        if name in raw:  # a blank cell in a log that keeps the column says none
            codes, reason = column(name).read(parse_codes, vocabulary.values.get(name, {}), normalise)
            log[name] = codes.where(reason == "", "other").where(~column(name).blank, "")
            found.add_once_per_word(
                name,
                reason != "",
                lambda word, rows, name=name, what=what: unknown_word_message(name, what, word, rows),
            )
    for name in CHARACTERISTICS:
        if name in raw:  # a blank cell in a log that keeps the column says not recorded
            codes, reason = column(name).read(parse_codes, vocabulary.values.get(name, {}), normalise)
            log[name] = codes.where(reason == "", NOT_RECORDED).fillna(NOT_RECORDED)
            found.add_once_per_word(
                name,
                reason != "",
                lambda word, rows, name=name: unknown_characteristic_message(vocabulary, name, word, rows),
            )
    ward_words, _ = column("ward").read(parse_codes, vocabulary.values.get("ward", {}), normalise)
    log["ward"] = column("ward").read(as_text).where(ward_words.ne("not_known"), None)
    for name in ("theme", "ombudsman_reference", "service", "remedy", "complainant"):
        log[name] = column(name).read(as_text)
    kinds, reason = column("complainant").read(parse_codes, vocabulary.values.get("complainant", {}), normalise)
    log["complainant_type"] = kinds.where(reason == "", "other")
    found.add_once_per_word("complainant", reason != "", lambda word, rows: unknown_complainant_message(word, rows))
    groups, _ = column("complainant").read(parse_codes, vocabulary.values.get("complainant_group", {}), normalise)
    log["complainant_group"] = groups
    log["sheet"] = sheet.name
    log["row"] = log.index.astype("int64")
    used = log[~found.errors]
    twice = _check_stages(found, used)
    return conform_log(used[~twice].reset_index(drop=True)), found.sorted()


#: What a cell that cannot be read leaves its complaint out of (it is counted in every other figure).
LEFT_OUT_FOR = {
    "acknowledged": ": the complaint is counted, but left out of the timeliness figures that need this date",
    "statement_agreed": ": the complaint is counted, but left out of the timeliness figures that need this date",
    "responded": ": the complaint is counted as received, but left out of the finalised, open, overdue and "
    "timeliness figures",
    "extension": ": the complaint is counted, but left out of the in-time and overdue figures",
    "response_agreed": ": the complaint is counted, but left out of the timeliness figures that need this date",
}


def _marked(unread: pd.Series, mask: pd.Series, name: str) -> pd.Series:
    """`unread` with `name` added where `mask` holds (the log's `unread` column)."""
    mask = mask.fillna(False).astype(bool)
    return unread.where(~mask, unread.where(unread == "", unread + ", ") + name)


#: What the one problem about an outcome word the vocabulary does not know says of it.
UNKNOWN_OUTCOME = "is not an outcome the vocabulary knows"


def unknown_outcome_message(vocabulary: Vocabulary, word: str, rows: int) -> str:
    """What an outcome word the vocabulary does not know means for the figures, and how to teach it."""
    complaints = "1 complaint" if rows == 1 else f"{rows:,} complaints"
    near = vocabulary.nearest("outcome", word)
    if near:
        teach = f"The nearest known word is '{near[0]}'. To teach it, add it to your own vocabulary file, for example "
        teach += f'[outcome] {near[1]} = ["{word}"]'
    else:
        meanings = ", ".join(vocabulary.spellings["outcome"])
        teach = f"To teach it, add it to your own vocabulary file under its meaning (one of {meanings}), such as "
        teach += f'[outcome] withdrawn = ["{word}"]'
    return (
        f"'{word}' {UNKNOWN_OUTCOME} ({complaints}, the first here): counted in every figure but the upheld "
        f"figure. {teach} (docs/vocabulary.md)"
    )


def unknown_complainant_message(word: str, rows: int) -> str:
    """What a complainant word the vocabulary does not know counts as, and how to teach it."""
    complaints = "1 complaint" if rows == 1 else f"{rows:,} complaints"
    return (
        f"'{word}' is not a complainant the vocabulary knows ({complaints}, the first here): counted as other "
        f'in who complained. To teach it, add it to your own vocabulary file, for example [complainant] parent = ["{word}"] '
        "(docs/vocabulary.md)"
    )


def unknown_characteristic_message(vocabulary: Vocabulary, kind: str, word: str, rows: int) -> str:
    """What an age band, sex, ethnicity or disability word the vocabulary does not know counts as, and how
    to teach it."""
    complaints = "1 complaint" if rows == 1 else f"{rows:,} complaints"
    what = kind.replace("_", " ")
    near = vocabulary.nearest(kind, word)
    code = near[1] if near else next(iter(vocabulary.spellings.get(kind, {})), "not_recorded")
    hint = f"The nearest known word is '{near[0]}'. " if near else ""
    return (
        f"'{word}' is not a {what} the vocabulary knows ({complaints}, the first here): counted as not recorded "
        f"in the equality monitoring. {hint}To teach it, add it to your own vocabulary file, for example [{kind}] "
        f'{code} = ["{word}"] (docs/vocabulary.md)'
    )


def unknown_word_message(kind: str, what: str, word: str, rows: int) -> str:
    """What a remedy type or refusal reason the vocabulary does not know counts as, and how to teach it."""
    complaints = "1 complaint" if rows == 1 else f"{rows:,} complaints"
    return (
        f"'{word}' is not a {what} the vocabulary knows ({complaints}, the first here): counted as other. To "
        f'teach it, add it to your own vocabulary file, for example [{kind}] other = ["{word}"] (docs/vocabulary.md)'
    )


def _note_unused_columns(found: RowProblems, header: Header) -> None:
    for position, label in sorted(header.labels.items()):
        if position not in header.fields:
            found.problems.append(
                Problem(
                    Severity.NOTE,
                    "this column is not used for the complaints figures",
                    found.file,
                    found.sheet.name,
                    header.row_number,
                    label,
                    cell_name(position, header.row_number),
                )
            )


def _check_stages(found: RowProblems, log: pd.DataFrame) -> pd.Series:
    """The same complaint twice at one stage (counted once: the later rows are returned, to leave out); a
    later stage with no Stage 1 in the log."""
    keys = ["reference", "procedure", "stage"]
    complaint = log.groupby(keys, sort=False, dropna=False).ngroup()
    twice = complaint.duplicated(keep="first")
    if twice.any():
        first_row = log["row"].groupby(complaint).transform("min")[twice]
        found.add(
            Severity.WARNING,
            "reference",
            twice,
            "the same complaint at the same stage as row " + first_row.astype(str) + ": counted once, from that row",
        )
    first_stage = set(log.loc[log["stage"] == "1", "reference"])
    escalated = log["stage"].isin(["2", "3"]) & ~log["reference"].isin(first_stage)
    found.add(
        Severity.WARNING,
        "stage",
        escalated,
        "no Stage 1 for this reference in the log (it may be from a previous year)",
    )
    return twice


def _dates(values: pd.Series) -> pd.Series:
    return values.dt.strftime("%d/%m/%Y").fillna("")
