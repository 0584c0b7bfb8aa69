"""Reading the returns other than the complaints log into the domain's shapes.

Each field is read by its type (text, number, date, month, a coded value);
numbers typed as text ("1,234", "28%", "£2,703,204") are read, words that stand
for no number ("n/a", "-", "*", "c") are kept missing with a note (in a comparator's
or a member's column the word is kept too, to be shown as published), and a TOTAL row is
checked against the rows above it rather than read as data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from desktop_app.domain.problems import Problem, Severity
from desktop_app.domain.returns import RETURN_FIELDS, SYMBOL_FIELDS, Field, ReturnKind, conform_return
from desktop_app.domain.vocabulary import normalise
from desktop_app.excel.cells import (
    as_text,
    is_blank,
    parse_codes,
    parse_dates,
    parse_months,
    parse_numbers,
    period_ends,
)
from desktop_app.excel.headers import Header, ReturnsVocabulary, typed_key
from desktop_app.excel.table import RowProblems, body_frame, cell_name, non_data_rows, total_rows
from desktop_app.excel.workbook import Sheet

_MISSING_NOTES = {
    "not_applicable": "no number (not applicable or not available): left empty",
    "suppressed": "suppressed in the source (a small number): left empty",
}
#: Fields whose unreadable value makes the row useless (besides the required ones).
_ESSENTIAL = {"value", "count", "population"}


def parse_return(
    sheet: Sheet, header: Header, file: str, vocabulary: ReturnsVocabulary
) -> tuple[pd.DataFrame, list[Problem]]:
    """The rows of one sheet of kind `header.kind`, and the problems found in them."""
    kind = header.kind
    found, data, totals, repeats = _table_body(sheet, header, file, vocabulary)
    fields = {f.name: f for f in RETURN_FIELDS[kind]}
    frame = pd.DataFrame(index=data.index)
    missing_words = vocabulary.values.get("missing", {})
    for name, spec in fields.items():
        if name == "period_end":
            continue
        values = data[name] if name in data else pd.Series(None, index=data.index, dtype="object")
        kept = name in SYMBOL_FIELDS.get(kind, ())
        frame[name] = _read_field(found, spec, values, vocabulary, missing_words, kept)
        if kept:
            frame[f"{name}_symbol"] = _symbols(values, missing_words)
        if spec.dtype == "arrow":  # the arrow as typed, for the proof to quote
            frame[f"{name}_typed"] = as_text(values).where(frame[name].notna(), None)
    if "period_end" in fields:
        frame["period_end"] = period_ends(data["period"]) if "period" in data else pd.NaT
        found.add(
            Severity.WARNING,
            "period",
            frame["period"].notna() & frame["period_end"].isna(),
            "the period has no year or is not one this reader can place in time "
            "(write e.g. 'July 2023', '2022-23' or 'Q1 2023/24'): changes over time cannot use this row",
        )
    if kind is ReturnKind.SURVEY:
        frame["block"] = _blocks(sheet, header, frame.index, repeats)
    frame["sheet"] = sheet.name
    frame["row"] = frame.index.astype("int64")
    for previous, row in zip([0, *totals[:-1]], totals):
        _check_total(found, sheet, header, frame[(frame.index > previous) & (frame.index < row)], row, vocabulary)
    if kind is ReturnKind.MONTHLY_SERIES:
        twice = frame.duplicated(["id", "month"], keep=False) & frame["month"].notna()
        found.add(
            Severity.ERROR,
            "month",
            twice,
            "a second value for this indicator and month (is this a weekly series? head the column 'Week ending')",
        )
    if kind is ReturnKind.CATEGORY_COUNTS:
        _check_percentages(found, frame[~found.errors.reindex(frame.index, fill_value=False)], totals, sheet, header)
    used = frame[~found.errors.reindex(frame.index, fill_value=False)]
    return conform_return(kind, used.reset_index(drop=True)), found.sorted()


def _table_body(sheet: Sheet, header: Header, file: str, vocabulary: ReturnsVocabulary):
    """The rows to read under the header, the TOTAL rows to check, and where their problems go.

    Repeated headers and lone notes are set aside with a note saying so.
    """
    raw = body_frame(sheet, header)
    totals = total_rows(sheet, header, raw.index, vocabulary.values.get("total_row", {}))
    repeats, notes = non_data_rows(sheet, header, raw.index.difference(totals))
    found = RowProblems(file, sheet, header, raw)
    found.set_aside(repeats, notes)
    return found, raw.drop(index=totals.union(repeats).union(notes)), totals, repeats


def _blocks(sheet: Sheet, header: Header, rows: pd.Index, repeats: pd.Index) -> pd.Series:
    """Each row's block: the theme column's cell of the header (or repeated header) it sits under."""
    first = header.column_of("theme") or 0
    starts = pd.Index([header.row_number, *repeats], dtype="int64").sort_values()
    names = [as_text(pd.Series([sheet.rows[start - 1][first]], dtype="object")).iloc[0] for start in starts]
    under = starts.searchsorted(rows, side="right") - 1
    return pd.Series([names[n] for n in under], index=rows, dtype="object")


def _read_field(
    found: RowProblems,
    spec: Field,
    values: pd.Series,
    vocabulary: ReturnsVocabulary,
    missing_words: dict[str, str],
    symbol_kept: bool = False,
) -> pd.Series:
    name = spec.name
    blank = is_blank(values)
    if spec.required:
        found.add(Severity.ERROR, name, blank, f"no {name.replace('_', ' ')}")
    unreadable_grade = Severity.ERROR if spec.required or name in _ESSENTIAL else Severity.WARNING
    if spec.dtype == "text":
        return as_text(values)
    if spec.dtype in ("number", "year"):
        numbers, reason, marker = parse_numbers(values, missing_words)
        found.add(
            unreadable_grade,
            name,
            reason != "",
            reason if unreadable_grade is Severity.ERROR else reason + ": read as empty",
        )
        for code, note in _MISSING_NOTES.items():
            shown = note.replace("left empty", "shown as published") if symbol_kept else note
            found.add(Severity.NOTE, name, marker == code, shown)
        if spec.dtype == "year":
            not_whole = numbers.notna() & ((numbers % 1 != 0) | (numbers < 1900) | (numbers > 2200))
            found.add(unreadable_grade, name, not_whole, "is not a year (write it like 2023)")
            numbers = numbers.where(~not_whole)
        return numbers
    if spec.dtype in ("date", "month"):
        dates, reason = (parse_dates if spec.dtype == "date" else parse_months)(values)
        found.add(unreadable_grade, name, reason != "", reason)
        return dates
    words = vocabulary.values.get(spec.dtype, {})
    if spec.dtype == "arrow":
        codes, reason = parse_codes(values, words, typed_key)
        accepted = ", ".join(dict.fromkeys(words))
        found.add(
            Severity.WARNING,
            name,
            reason != "",
            f"is not an arrow this reader knows (accepted: {accepted}): read as no arrow",
        )
        return codes
    codes, reason = parse_codes(values, words, normalise)
    accepted = ", ".join(sorted({v for v in words.values()}))
    found.add(unreadable_grade, name, reason != "", reason + f" (accepted: {accepted})")
    return codes


def _symbols(values: pd.Series, missing_words: dict[str, str]) -> pd.Series:
    """Each cell that is a word for no number (`c`, `z`, `:`, `..`), as written; missing elsewhere."""
    text = as_text(values.where(values.map(lambda cell: isinstance(cell, str)), None))
    return text.where(text.str.casefold().isin(list(missing_words)), None)


def _summed(label: str, not_summed: tuple[str, ...]) -> bool:
    words = label.casefold().replace("/", " ").split()
    return not any(word in words or (len(word) == 1 and word in label) for word in not_summed)


def _check_total(
    found: RowProblems, sheet: Sheet, header: Header, above: pd.DataFrame, row: int, vocabulary: ReturnsVocabulary
) -> None:
    """A TOTAL row that disagrees with the sum of the rows above it is a warning."""
    number_fields = [f.name for f in RETURN_FIELDS[header.kind] if f.dtype == "number" and f.name in above]
    cells = sheet.rows[row - 1]
    missing_words = vocabulary.values.get("missing", {})
    for name in number_fields:
        position = header.column_of(name)
        label = header.labels.get(position, name)
        if position is None or not _summed(label, vocabulary.not_summed):
            continue
        stated, reason, _ = parse_numbers(
            pd.Series([cells[position] if position < len(cells) else None], dtype="object"), missing_words
        )
        if reason.iloc[0] or np.isnan(stated.iloc[0]):
            continue
        total = above[name].sum()
        if not np.isclose(stated.iloc[0], total, rtol=1e-6, atol=0.005):
            found.problems.append(
                Problem(
                    Severity.WARNING,
                    f"the TOTAL row says {stated.iloc[0]:,.10g} but the rows above add up to {total:,.10g}"
                    " (if some rows break another down, that is why)",
                    found.file,
                    sheet.name,
                    row,
                    label,
                    cell_name(position, row),
                    f"{stated.iloc[0]:,.10g}",
                )
            )


def _check_percentages(found: RowProblems, frame: pd.DataFrame, totals: pd.Index, sheet: Sheet, header: Header) -> None:
    """Percentages that disagree with their counts; rounded ones that do not add to 100 get a note."""
    if frame.empty or frame["percent"].isna().all():
        return
    total = frame["count"].sum()
    percent = frame["percent"]
    if percent.max() <= 1 and np.isclose(percent.sum(), 1, atol=0.02):
        percent = percent * 100  # a %-formatted cell holds a fraction
    expected = frame["count"] * 100 / total if total else pd.Series(np.nan, index=frame.index)
    disagree = (percent - expected).abs() > 0.5 + 1e-9
    found.add(
        Severity.WARNING,
        "percent",
        disagree,
        "disagrees with its count: "
        + frame["count"].map("{:,.10g}".format)
        + " of "
        + f"{total:,.10g} is "
        + expected.map("{:.1f}%".format),
    )
    if not disagree.any() and not np.isclose(percent.sum(), 100, atol=0.05):
        position = header.column_of("percent")
        found.problems.append(
            Problem(
                Severity.NOTE,
                f"the percentages add up to {percent.sum():g}, not 100, because each is rounded",
                found.file,
                sheet.name,
                header.row_number,
                header.labels.get(position, "percent"),
            )
        )


def find_cross_tab(sheet: Sheet, vocabulary: ReturnsVocabulary) -> Header | None:
    """A table of counts with labels down the first column and across the header row.

    Recognised where no other kind fits: a header of three or more labels over
    rows that have a text label first and numbers in at least two other columns.
    """
    from desktop_app.excel.headers import HEADER_SEARCH_ROWS, header_labels

    missing_words = vocabulary.values.get("missing", {})
    for index in range(min(HEADER_SEARCH_ROWS, len(sheet.rows) - 1)):
        labels = header_labels(sheet, index, two_rows=True)
        body = [row for row in sheet.rows[index + 1 : index + 11] if any(cell not in ("", None) for cell in row)]
        if len(labels) < 2 or len(body) < 2:
            continue
        first = min(next(p for p, cell in enumerate(row) if cell not in ("", None)) for row in body)
        others = [position for position in labels if position != first]
        if _numbers([sheet.rows[index][p] for p in others], missing_words).any():
            continue  # a row of numbers is data, not a header
        if not all(isinstance(row[first], str) and row[first].strip() for row in body):
            continue
        # every body cell under each label at once (a cell past a short row's end counts as blank)
        cells = [row[p] if p < len(row) else None for row in body for p in others]
        is_number = _numbers(cells, missing_words).reshape(len(body), len(others))
        numeric = [position for position, all_numbers in zip(others, is_number.all(axis=0)) if all_numbers]
        if len(numeric) >= 2:
            fields = {first: "row_label", **{position: labels[position] for position in numeric}}
            one_row = header_labels(sheet, index, two_rows=False)
            return Header(ReturnKind.CROSS_TAB, index, 1 if labels == one_row else 2, labels, fields)
    return None


_NUMBER_START = r"^[\s(£$€+\-−]*[\d.,]"


def _at(reasons: np.ndarray, column: int, data: pd.DataFrame) -> pd.Series:
    return pd.Series(reasons[:, column], index=data.index)


def _numbers(cells: list[object], missing_words: dict[str, str]) -> np.ndarray:
    """For each cell, True where it is blank or reads as a number (all cells parsed at once)."""
    if not cells:
        return np.zeros(0, dtype=bool)
    values = pd.Series(cells, dtype="object")
    text = values.map(lambda cell: isinstance(cell, str) and cell.strip() != "")
    # a text that neither starts like a number nor is a word for a missing one ('c12', 'Area') is no number:
    # said without parsing, so a header of 200,000 labels is read in a moment
    plain = (
        text
        & values.where(text, "").str.contains(r"[^\W_]")  # a dash or '..' is a word for a missing number
        & ~values.where(text, "").str.match(_NUMBER_START)
        & ~values.where(text, "").map(lambda cell: normalise(cell) in missing_words)
    )
    result = np.zeros(len(values), dtype=bool)
    rest = ~plain.to_numpy(dtype=bool)
    if rest.any():
        _, reason, _ = parse_numbers(values[rest], missing_words)
        result[rest] = (reason.eq("") | values[rest].isin(["", None]) | values[rest].isna()).to_numpy(dtype=bool)
    return result


def parse_cross_tab(
    sheet: Sheet, header: Header, file: str, vocabulary: ReturnsVocabulary
) -> tuple[pd.DataFrame, list[Problem]]:
    """The counts in long form (row label, column label, count); TOTAL rows and columns are checked."""
    found, data, totals, _ = _table_body(sheet, header, file, vocabulary)
    total_words = vocabulary.values.get("total_row", {})
    columns = [name for name in data.columns if name != "row_label"]
    missing_words = vocabulary.values.get("missing", {})
    # every cell of every column parsed at once (a published table may have 200,000 columns)
    shape = (len(columns), len(data))
    flat = pd.Series(data[columns].to_numpy(dtype=object).ravel(order="F"), dtype="object")
    numbers, reason, marker = parse_numbers(flat, missing_words)
    counts = pd.DataFrame(numbers.to_numpy().reshape(shape).T, index=data.index, columns=columns)
    reasons, markers = (series.to_numpy(dtype=object).reshape(shape).T for series in (reason, marker))
    noted = (reasons != "").any(axis=0) | np.isin(markers, list(_MISSING_NOTES)).any(axis=0)
    for column in np.flatnonzero(noted):  # only the columns with something to say
        name = columns[column]
        found.add(
            Severity.ERROR, name, pd.Series(reasons[:, column] != "", index=data.index), _at(reasons, column, data)
        )
        for code, note in _MISSING_NOTES.items():
            found.add(Severity.NOTE, name, pd.Series(markers[:, column] == code, index=data.index), note)
    counts = counts[~found.errors.reindex(counts.index, fill_value=False)]
    position_of = {name: position for position, name in header.fields.items()}
    labels = as_text(data["row_label"]).reindex(counts.index)
    for previous, row in zip([0, *totals[:-1]], totals):
        cells = sheet.rows[row - 1]
        above = counts[(counts.index > previous) & (counts.index < row)]
        summed = [name for name in columns if _summed(name, vocabulary.not_summed)]
        positions = [position_of[name] for name in summed]
        row_cells = pd.Series([cells[p] if p < len(cells) else None for p in positions], dtype="object")
        all_stated, all_reasons, _ = parse_numbers(row_cells, missing_words)
        sums = above[summed].sum()
        for name, position, stated_value, why in zip(summed, positions, all_stated, all_reasons):
            if not why and not np.isnan(stated_value) and not np.isclose(stated_value, sums[name], atol=0.005):
                found.problems.append(
                    Problem(
                        Severity.WARNING,
                        f"the TOTAL row says {stated_value:,.10g} but the rows above add up to "
                        f"{sums[name]:,.10g} (if some rows break another down, that is why)",
                        file,
                        sheet.name,
                        row,
                        name,
                        cell_name(position, row),
                        shown_number(stated_value),
                    )
                )
    summed_columns = [name for name in columns if normalise(name.rsplit(" / ", 1)[-1]) not in total_words]
    for total_column in set(columns) - set(summed_columns):
        parts = counts[[c for c in summed_columns if _summed(c, vocabulary.not_summed)]]
        row_sums, stated = parts.sum(axis=1), counts[total_column]
        known = stated.notna() & parts.notna().all(axis=1)  # a part left blank or '-': nothing to check
        differs = pd.Series(~np.isclose(stated, row_sums, atol=0.005) & known.to_numpy(), index=counts.index)
        found.add(
            Severity.WARNING,
            total_column,
            differs,
            "the Total column says "
            + counts[total_column].map(shown_number)
            + " but the row adds up to "
            + row_sums.map(shown_number),
        )
    long = (
        counts[summed_columns]
        .assign(row_label=labels)
        .melt(id_vars="row_label", var_name="column_label", value_name="count", ignore_index=False)
    )
    long["sheet"] = sheet.name
    long["row"] = long.index.astype("int64")
    return conform_return(ReturnKind.CROSS_TAB, long.reset_index(drop=True)), found.sorted()


def shown_number(value: float) -> str:
    return f"{value:,.10g}"
