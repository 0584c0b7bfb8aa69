"""CSV as Excel and others write it, NaN and infinity in number cells, times of day in dates, and JSON
numbers without float noise: each read through the real importer or the real command line."""

import csv
import json
import re
import zipfile

import openpyxl
import pytest

from desktop_app.cli import main
from desktop_app.domain.formatting import json_number, json_text
from desktop_app.domain.problems import Severity
from desktop_app.domain.returns import ReturnKind
from desktop_app.excel.importer import Importer
from desktop_app.excel.workbook import MAX_FILE_BYTES
from desktop_app.paths import SAMPLE_DATA
from tests.conftest import HEADER

ROW = ["C{n}", "Corporate", "1", "03/04/2022", "04/04/2022", "20/04/2022", "No", "Upheld", "Roads", "Resident"]


@pytest.fixture(scope="module")
def importer(rules, vocabulary):
    return Importer(rules, vocabulary)


def log_rows(count: int, **cells: str) -> list[list[str]]:
    """`count` complaints; `cells` sets a column (by its header, spaces as _) on every row."""
    rows = [[cell.format(n=n) for cell in ROW] for n in range(count)]
    for label, value in cells.items():
        position = HEADER.index(label.replace("_", " "))
        for row in rows:
            row[position] = value
    return rows


def quoted(cell: str) -> str:
    """A cell as Excel writes it in a CSV: quoted where needed, quotes inside doubled."""
    return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in ',;"\n\t|') else cell


def write_csv(path, rows, delimiter=",", encoding="utf-8", newline="\r\n"):
    path.write_bytes(newline.join(delimiter.join(quoted(c) for c in row) for row in rows).encode(encoding))
    return path


def log_sheet(importer, path):
    [sheet] = importer.import_file(path).sheets
    assert sheet.kind is ReturnKind.COMPLAINTS_LOG, sheet.problems
    return sheet


def check_json(capsys, path) -> dict:
    main(["check", str(path), "--json"])
    return json.loads(capsys.readouterr().out)


#: As a CSV holds them: "He said ""no"" twice, then left" (csv.Sniffer read it as 'He said "no"" twice').
NOTES = ['He said "no" twice, then left', "Housing, repairs", 'a "quoted" word\nand a second line']


def test_doubled_quotes_commas_and_new_lines_inside_quoted_fields_are_read_exactly(tmp_path, importer, capsys):
    rows = log_rows(len(NOTES) * 7)
    for number, row in enumerate(rows):
        row[8] = NOTES[number % len(NOTES)]
    path = write_csv(tmp_path / "log.csv", [HEADER, *rows])
    sheet = log_sheet(importer, path)
    assert sheet.frame["theme"].tolist() == [row[8] for row in rows]
    assert [p for p in sheet.problems if p.severity is not Severity.NOTE] == []
    # a record over two lines is one row, numbered as Excel numbers it on opening the file
    assert sheet.rows == 21 and sheet.frame["row"].tolist() == list(range(2, 23))
    assert check_json(capsys, path)["sheets"][0]["rows"] == 21


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_a_csv_separated_by_semicolons_tabs_or_pipes_still_reads(tmp_path, importer, delimiter):
    rows = log_rows(6, Category="Roads, pavements; verges")
    sheet = log_sheet(importer, write_csv(tmp_path / "log.csv", [HEADER, *rows], delimiter))
    assert sheet.rows == 6 and set(sheet.frame["theme"]) == {"Roads, pavements; verges"}


def test_decimal_commas_in_a_semicolon_csv_do_not_make_it_a_comma_csv(tmp_path, importer):
    rows = [["Area", "Jan", "Feb", "Mar"]] + [[f"Ward {n}", "1,5", "2,5", "3"] for n in range(12)]
    [sheet] = importer.import_file(write_csv(tmp_path / "wards.csv", rows, ";")).sheets
    assert sheet.labels == ["Area", "Jan", "Feb", "Mar"]


@pytest.mark.parametrize(
    ("name", "delimiter", "encoding"),
    [
        ("log.csv", ",", "utf-16"),
        ("log.txt", "\t", "utf-16"),
        ("log.csv", ";", "utf-8-sig"),
        ("log.csv", ",", "utf-16-le"),
        ("log.txt", "\t", "utf-16-be"),
    ],
    ids=["utf-16 csv", "excel unicode text", "utf-8 with bom", "utf-16 le without bom", "utf-16 be without bom"],
)
def test_utf16_csv_and_excels_unicode_text_are_read(tmp_path, importer, name, delimiter, encoding):
    rows = log_rows(4, Category="Café £5 refund", Made_by="Résident")
    path = write_csv(tmp_path / name, [HEADER, *rows], delimiter, encoding)
    if encoding == "utf-16":
        assert path.read_bytes().startswith(b"\xff\xfe")  # as Excel's "Unicode Text" saves it
    sheet = log_sheet(importer, path)
    assert sheet.rows == 4 and set(sheet.frame["theme"]) == {"Café £5 refund"}


def test_a_field_longer_than_the_csv_modules_default_limit_is_read(tmp_path, importer):
    long_note = "The complainant wrote at length. " * 6_000  # 198,000 characters, over csv's 131,072
    rows = log_rows(3)
    rows[1][8] = long_note
    sheet = log_sheet(importer, write_csv(tmp_path / "log.csv", [HEADER, *rows]))
    assert sheet.rows == 3 and sheet.frame["theme"].iloc[1] == long_note.strip()
    assert csv.field_size_limit() == MAX_FILE_BYTES  # raised to the file's own limit, not without bound


def test_a_cross_tab_reports_the_rows_read_not_the_cells(tmp_path, capsys):
    rows = [["Ward", "Jan", "Feb", "Mar"]] + [[f"Ward {n}", n, 1, n - 1] for n in range(1, 13)]
    rows.insert(5, ['Ward "4b", second\nline', 3, 1, 2])
    path = write_csv(tmp_path / "teams.csv", [[str(c) for c in row] for row in rows])
    document = check_json(capsys, path)
    [sheet] = document["sheets"]
    assert (sheet["kind"], sheet["rows"]) == ("cross_tab", 13)
    main(["check", str(path)])
    assert "13 rows read" in capsys.readouterr().out


# --- NaN and infinity ---------------------------------------------------------------------------------


def forge_values(path, values: dict[str, str]) -> None:
    """Write `values` (cell -> text such as 'NaN') as the number cells' <v> in the first sheet's XML:
    what a script writing the file may do, and Excel never does."""
    source = zipfile.ZipFile(path)
    parts = {name: source.read(name) for name in source.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    for cell, text in values.items():
        xml, found = re.subn(rf'<c r="{cell}"([^>]*)><v>[^<]*</v>', rf'<c r="{cell}"\1><v>{text}</v>', xml)
        assert found == 1, cell
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def no_nan_json(text: str) -> dict:
    def refuse(word):
        raise AssertionError(f"invalid JSON number {word}")

    return json.loads(text, parse_constant=refuse)


def test_nan_or_infinity_in_a_logs_date_cells_is_a_problem_on_that_cell(write_workbook, tmp_path, capsys):
    import datetime as dt

    day = dt.date(2022, 4, 20)
    rows = [
        [f"C{n}", "Corporate", 1, dt.date(2022, 4, 3), None, day, "No", "Upheld", "Roads", "Resident"] for n in range(6)
    ]
    path = write_workbook(rows)
    forge_values(path, {"F5": "NaN", "F6": "INF"})
    assert main(["complaints", str(path), "--json", "--as-of", "2023-01-01"]) == 0
    document = no_nan_json(capsys.readouterr().out)
    named = {(p["cell"], p["value"]) for p in document["problems"] if p["column"] == "Date Responded"}
    assert named == {("F5", "NaN"), ("F6", "INF")}  # not a blank, nor 30/12/1899 in a date-formatted cell
    assert document["source"]["rows_read"] >= 4  # the rest of the log is read
    csv_log = write_csv(tmp_path / "log.csv", [HEADER, *log_rows(5)])
    text = csv_log.read_text().replace("20/04/2022", "NaN", 1)
    csv_log.write_text(text)
    assert main(["complaints", str(csv_log), "--json", "--as-of", "2023-01-01"]) == 0
    document = no_nan_json(capsys.readouterr().out)
    assert {(p["row"], p["column"], p["value"]) for p in document["problems"]} == {(2, "Date Responded", "NaN")}


INDICATOR_HEADER = ["Indicator ID", "Metric Description", "Group", "Unit", "Polarity", "Period", "Value"]


def indicator_return(tmp_path, values) -> object:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Dashboard"
    sheet.append(INDICATOR_HEADER)
    for number, value in enumerate(values):
        sheet.append([f"X-{number}", f"Measure {number}", "Demand", "count", "Low", "July 2023", value])
    path = tmp_path / "indicators.xlsx"
    workbook.save(path)
    return path


def test_nan_or_infinity_in_an_indicator_return_is_a_problem_not_a_crash(tmp_path, capsys):
    path = indicator_return(tmp_path, [10, 11, 12, "inf", "Infinity", "NaN", "-inf", 14])
    forge_values(path, {"G2": "NaN", "G3": "INF"})
    assert main(["indicators", str(path), "--json"]) == 0
    document = no_nan_json(capsys.readouterr().out)
    unread = {(p["row"], p["value"]) for p in document["problems"] if p["column"] == "Value"}
    assert unread == {(2, "NaN"), (3, "INF"), (5, "inf"), (6, "Infinity"), (7, "NaN"), (8, "-inf")}
    assert [r["value"] for r in document["indicators"]] == [12, 14]
    out = tmp_path / "performance.pdf"
    samples = [str(path) for path in SAMPLE_DATA.glob("*.xlsx") if not path.name.startswith("complaints")]
    assert main(["report", "performance", str(path), *samples, "--out", str(out)]) == 0
    assert out.stat().st_size > 0


def test_json_numbers_carry_no_float_noise_and_never_nan(capsys):
    assert json_number(41.99999999999999) == 42 and isinstance(json_number(41.99999999999999), int)
    assert json_number(-1.3999999999999986) == -1.4 and json_number(114.048) == 114.048
    assert json_number(float("inf")) is None and json_number(float("nan")) is None
    with pytest.raises(ValueError):
        json_text({"value": float("inf")})
    returns = [str(SAMPLE_DATA / name) for name in ("childrens_performance_2023.xlsx", "benchmarks_2023.xlsx")]
    assert main(["indicators", *returns, "--json"]) == 0
    text = capsys.readouterr().out
    no_nan_json(text)
    assert not re.search(r"\d\.\d{13,}", text)  # e.g. a change of -1.3999999999999986 is -1.4


# --- dates with a time of day --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["20/06/2021 2:32 PM", "2021-06-20 2:32 pm", "20/06/2021 14:32", "20/06/2021 02:32:10 a.m."]
)
def test_a_date_typed_with_a_time_of_day_is_that_date(write_workbook, importer, typed):
    row = ["C1", "Corporate", 1, typed, None, "25/06/2021 9:05 AM", "No", "Upheld", "Roads", "Resident"]
    sheet = log_sheet(importer, write_workbook([row]))
    assert sheet.frame["received"].dt.strftime("%Y-%m-%d").tolist() == ["2021-06-20"]
    assert sheet.frame["responded"].dt.strftime("%Y-%m-%d").tolist() == ["2021-06-25"]


def test_a_bare_time_is_a_problem_naming_the_cell(write_workbook, importer):
    row = ["C1", "Corporate", 1, "20/06/2021", None, "2:32 PM", "No", "Upheld", "Roads", "Resident"]
    sheet = log_sheet(importer, write_workbook([row]))
    [problem] = [p for p in sheet.problems if p.column == "Date Responded" and "time of day" in p.message]
    assert (problem.row, problem.cell, problem.value) == (4, "F4", "2:32 PM")
    assert "is a time of day with no date" in problem.message


# --- complaints --json: what the upheld figure left out ---------------------------------------------------


def test_complaints_json_carries_what_the_upheld_figure_left_out(write_workbook, capsys):
    import datetime as dt

    def complaint(n, outcome):
        return [f"C{n}", "Corporate", 1, dt.date(2022, 5, 3), None, dt.date(2022, 5, 20), "No", outcome, "Roads", ""]

    outcomes = ["Upheld", "Founded", "Founded", "Unfounded", None, "Not upheld"]
    path = write_workbook([complaint(n, outcome) for n, outcome in enumerate(outcomes)])
    assert main(["complaints", str(path), "--json", "--as-of", "2023-01-01"]) == 0
    left_out = json.loads(capsys.readouterr().out)["left_out_of_upheld"]
    assert left_out == {"unknown_outcome": {"count": 3, "words": {"Founded": 2, "Unfounded": 1}}, "no_outcome": 1}
    main(["complaints", str(path), "--as-of", "2023-01-01"])
    text = capsys.readouterr().out
    assert "3 finalised complaints are left out" in text and "1 finalised complaint is left out" in text


def test_a_published_table_with_a_total_column_dashes_and_urls_is_read(tmp_path):
    """A real FOI table of 349 councils: `all` beside its parts, '-' for a missing count, a column of URLs."""
    from desktop_app.excel.importer import Importer

    lines = ["council,all,granted,refused,withheld,url"]
    for number in range(349):
        parts = [number % 7, number % 5, number % 3]
        stated = sum(parts) + (1 if number == 10 else 0)  # one published total that is wrong
        cells = [str(part) for part in parts]
        if number == 20:
            cells[1] = "-"
        lines.append(f"Council {number},{stated},{','.join(cells)},https://example.org/foi/{number}")
    path = tmp_path / "foi.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    [sheet] = Importer().import_file(path).sheets

    assert set(sheet.frame["column_label"]) == {"granted", "refused", "withheld"}  # '-' does not drop a column
    assert sheet.frame["row_label"].nunique() == 349
    wrong = [p for p in sheet.problems if "the Total column says" in p.message]
    assert [(p.row, p.cell) for p in wrong] == [(12, "B12")]  # the one wrong total; the '-' row is not judged


def test_a_date_kept_as_a_serial_number_with_a_time_of_day_is_that_date(write_workbook, importer, tmp_path):
    # 44367.6055 is 20 June 2021 at 14:32, as Excel shows a date cell formatted as a number
    row = ["C1", "Corporate", 1, 44367.6055, None, 44372.25, "No", "Upheld", "Roads", "Resident"]
    for path in (write_workbook([row]), write_csv(tmp_path / "log.csv", [HEADER, [str(cell or "") for cell in row]])):
        sheet = log_sheet(importer, path)
        assert sheet.frame["received"].dt.strftime("%Y-%m-%d").tolist() == ["2021-06-20"], path.name
        assert sheet.frame["responded"].dt.strftime("%Y-%m-%d").tolist() == ["2021-06-25"], path.name
