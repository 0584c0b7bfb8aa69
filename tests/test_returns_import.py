"""Importing every kind of return from real .xlsx and .csv files, awkward layouts included."""

import datetime as dt
import math

import openpyxl
import pytest

from desktop_app.domain.problems import Severity
from desktop_app.domain.returns import ReturnKind
from desktop_app.excel.importer import Importer
from desktop_app.excel.mappings import MappingFile


@pytest.fixture(scope="module")
def importer(rules, vocabulary):
    return Importer(rules, vocabulary)


def workbook_with(tmp_path, sheets: dict[str, list[list[object]]], name="return.xlsx", build=None):
    """Write `sheets` (name -> rows) to a real workbook; `build(workbook)` adds merges, hidden rows..."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for sheet_name, rows in sheets.items():
        sheet = workbook.create_sheet(sheet_name)
        for row in rows:
            sheet.append(row or [None])
    if build:
        build(workbook)
    path = tmp_path / name
    workbook.save(path)
    return path


def only_sheet(result):
    [sheet] = [s for s in result.sheets if s.kind is not None]
    return sheet


def messages(sheet, severity=None):
    return [(p.row, p.cell, p.message) for p in sheet.problems if severity is None or p.severity is severity]


DASHBOARD = [
    ["Children's Services Performance Dashboard"],
    ["Rolling 12 month figures unless stated; SN figures relate to 2021/22"],
    [],
    [
        "ID",
        "Metric Description",
        "Group",
        "Unit",
        "Good is",
        "Period",
        "Current Metric Value",
        "Status",
        "Statistical Neighbours Avg Rate",
        "Comment",
    ],
    [
        "CSC-T02",
        "Assessments Completed within 45 Working Days - in last 12 Months (%)",
        "Timeliness",
        "%",
        "High",
        "June 2023",
        68.2,
        3,
        89.2,
        None,
    ],
    [
        "CSC-T02",
        "Assessments Completed within 45 Working Days - in last 12 Months (%)",
        "Timeliness",
        "%",
        "High",
        "July 2023",
        "66.5",
        3,
        "89.2",
        "SEE ANALYSIS",
    ],
    ["CSC-M07", "Sickness Absence", "Management", "%", "Low", "June 2023", "NA", 2, None, None],
    ["CSC-M07", "Sickness Absence", "Management", "%", "Low", "Jul-23", "7.74%", 2, None, None],
    [
        "CSC-D01",
        "MASH Contact Starts in last 12 Months (Nos)",
        "Demand",
        "count",
        "Higher is better",
        "July 2023",
        "14,213",
        2,
        "-",
        None,
    ],
]


def test_indicator_return_below_a_title_with_numbers_as_text(tmp_path, importer):
    sheet = only_sheet(importer.import_file(workbook_with(tmp_path, {"Dashboard": DASHBOARD})))
    assert (sheet.kind, sheet.header_row, sheet.rows) == (ReturnKind.INDICATORS, 4, 5)
    assert sheet.columns["name"] == "Metric Description" and sheet.columns["sn"] == "Statistical Neighbours Avg Rate"
    frame = sheet.frame
    assert frame["value"].tolist()[:2] == [68.2, 66.5]
    assert math.isnan(frame["value"].iloc[2]) and frame["value"].iloc[3] == 7.74 and frame["value"].iloc[4] == 14213
    assert frame["polarity"].tolist() == ["high", "high", "low", "low", "high"]
    assert frame["period_end"].dt.strftime("%Y-%m-%d").tolist() == [
        "2023-06-30",
        "2023-07-31",
        "2023-06-30",
        "2023-07-31",
        "2023-07-31",
    ]
    assert frame["row"].tolist() == [5, 6, 7, 8, 9]
    notes = messages(sheet, Severity.NOTE)
    assert (7, "G7", "no number (not applicable or not available): left empty") in notes
    assert (9, "I9", "no number (not applicable or not available): shown as published") in notes  # an SN cell
    assert messages(sheet, Severity.ERROR) == []


def test_unreadable_value_is_an_error_and_the_rest_loads(tmp_path, importer):
    rows = [
        *DASHBOARD[3:6],
        ["CSC-T03", "ICPCs in 15 days", "Timeliness", "%", "High", "July 2023", "about 80", 1, None, None],
    ]
    sheet = only_sheet(importer.import_file(workbook_with(tmp_path, {"Dashboard": rows})))
    assert sheet.rows == 2
    [error] = [p for p in sheet.problems if p.severity is Severity.ERROR]
    assert (error.row, error.column, error.cell, error.value) == (4, "Current Metric Value", "G4", "about 80")
    assert error.message == "is not a number: the row is not used"


def test_the_direction_of_travel_the_author_typed_is_read_and_an_unknown_arrow_is_named(tmp_path, importer):
    header = [*DASHBOARD[3], "DoT (as published)"]
    arrows = ["▲", " ▼ ", "up-ish", "-", None]
    rows = [header, *([*row, arrow] for row, arrow in zip(DASHBOARD[4:], arrows, strict=True))]
    result = importer.import_file(workbook_with(tmp_path, {"Dashboard": rows}, name="dashboard.xlsx"))
    sheet = only_sheet(result)
    assert sheet.columns["arrow"] == "DoT (as published)"
    read = (
        sheet.frame[["arrow", "arrow_typed"]].astype(object).where(sheet.frame[["arrow", "arrow_typed"]].notna(), None)
    )
    assert read["arrow"].tolist() == ["up", "down", None, "same", None]
    assert read["arrow_typed"].tolist() == ["▲", "▼", None, "-", None]
    [warning] = [p for p in sheet.problems if p.severity is Severity.WARNING]
    assert (warning.file, warning.sheet, warning.row, warning.column, warning.cell, warning.value) == (
        "dashboard.xlsx",
        "Dashboard",
        4,
        "DoT (as published)",
        "K4",
        "up-ish",
    )
    assert warning.message.startswith("is not an arrow this reader knows (accepted: ▲, ↑")
    assert sheet.rows == 5  # the row stays in every figure


def test_period_without_a_year_is_a_warning(tmp_path, importer):
    rows = [DASHBOARD[3], [*DASHBOARD[4][:5], "June", *DASHBOARD[4][6:]]]
    sheet = only_sheet(importer.import_file(workbook_with(tmp_path, {"Dashboard": rows})))
    assert sheet.rows == 1
    [warning] = messages(sheet, Severity.WARNING)
    assert warning[0] == 2 and "the period has no year" in warning[2]


def test_benchmark_quartiles_and_members(tmp_path, importer):
    path = workbook_with(
        tmp_path,
        {
            "Quartiles": [
                ["Indicator", "Comparator", "Lower quartile", "Median", "Upper quartile", "Average"],
                ["Control (carers)", "SN", 19.0, 21.0, 23.5, 21.4],
                ["Control (carers)", "North West", 18.8, 20.9, 22.9, 21],
            ],
            "Members": [
                ["Indicator", "Comparator", "Local authority", "Value"],
                ["Control (carers)", "Statistical Neighbours", "Wirral", 20.1],
                ["Control (carers)", "Statistical Neighbours", "Wigan", "22.4"],
            ],
        },
    )
    result = importer.import_file(path)
    quartiles, members = result.frame(ReturnKind.BENCHMARK_QUARTILES), result.frame(ReturnKind.BENCHMARK_MEMBERS)
    assert quartiles["comparator"].tolist() == ["sn", "nw"] and quartiles["upper_quartile"].tolist() == [23.5, 22.9]
    assert members["value"].tolist() == [20.1, 22.4] and members["authority"].tolist() == ["Wirral", "Wigan"]


def test_population_with_a_total_row_that_disagrees(tmp_path, importer):
    rows = [
        ["Mid-year population estimates"],
        [],
        ["Area", "Age band", "Year", "Population"],
        ["Sefton", "0-17", 2023, "54,100"],
        ["Sefton", "18-64", 2023, "155,200"],
        ["Sefton", "65+", 2023, "70,300"],
        ["Total", None, None, "279,700"],
    ]
    sheet = only_sheet(importer.import_file(workbook_with(tmp_path, {"Population": rows})))
    assert sheet.kind is ReturnKind.POPULATION and sheet.rows == 3  # the TOTAL row is not data
    assert sheet.frame["population"].sum() == 279_600
    [warning] = messages(sheet, Severity.WARNING)
    assert warning[:2] == (7, "D7") and warning[2].startswith(
        "the TOTAL row says 279,700 but the rows above add up to 279,600"
    )


def test_total_row_that_agrees_says_nothing(tmp_path, importer):
    rows = [
        ["Area", "Age band", "Year", "Population"],
        ["Sefton", "0-17", 2023, 54100],
        ["Sefton", "18+", 2023, 225500],
        ["TOTAL", None, None, 279600],
    ]
    sheet = only_sheet(importer.import_file(workbook_with(tmp_path, {"Population": rows})))
    assert sheet.rows == 2 and sheet.problems == []


def test_monthly_series_with_months_as_dates_and_text(tmp_path, importer):
    rows = [
        ["ID", "Month", "Value"],
        ["CSC-D01", dt.date(2023, 1, 1), 1190],
        ["CSC-D01", "Feb-23", 1205],
        ["CSC-D01", "March 2023", 1482],
        ["CSC-D01", dt.datetime(2023, 4, 30), 1230],
    ]
    sheet = only_sheet(importer.import_file(workbook_with(tmp_path, {"Monthly": rows})))
    assert sheet.kind is ReturnKind.MONTHLY_SERIES
    assert sheet.frame["month"].dt.strftime("%Y-%m-%d").tolist() == [
        "2023-01-01",
        "2023-02-01",
        "2023-03-01",
        "2023-04-01",
    ]


def test_survey_table(tmp_path, importer):
    rows = [
        ["Theme", "Good is", "Sefton", "Statistical Neighbours", "North West", "England"],
        ["Control (carers)", "High", 13.7, 21.4, 21, 21.5],
        ["Loneliness (carers)", "Low", 19.9, 13.4, 15.6, 13.3],
    ]
    sheet = only_sheet(importer.import_file(workbook_with(tmp_path, {"Carers SACE": rows})))
    assert sheet.kind is ReturnKind.SURVEY
    assert sheet.frame[["theme", "polarity", "value", "nw"]].values.tolist() == [
        ["Control (carers)", "high", 13.7, 21.0],
        ["Loneliness (carers)", "low", 19.9, 15.6],
    ]


def test_cross_tab_with_a_header_split_over_two_merged_rows(tmp_path, importer):
    def merge(workbook):
        sheet = workbook["Themes"]
        sheet.merge_cells("B2:C2")
        sheet.merge_cells("D2:E2")

    rows = [
        ["Complaint themes 2022-23"],
        [None, "Statutory Children's Complaints", None, "Corporate Children's Complaints", None],
        [None, "Number received", "Number upheld", "Number received", "Number upheld"],
        ["Decision Making", 19, 6, 10, 1],
        ["Finance / Funding", 1, 1, 4, 0],
        [],
        ["TOTAL", 20, 7, 15, 1],
    ]
    sheet = only_sheet(importer.import_file(workbook_with(tmp_path, {"Themes": rows}, build=merge)))
    assert (sheet.kind, sheet.header_row) == (ReturnKind.CROSS_TAB, 3)
    frame = sheet.frame
    assert set(frame["column_label"]) == {
        "Statutory Children's Complaints / Number received",
        "Statutory Children's Complaints / Number upheld",
        "Corporate Children's Complaints / Number received",
        "Corporate Children's Complaints / Number upheld",
    }
    statutory = frame[frame["column_label"] == "Statutory Children's Complaints / Number received"]
    assert statutory.set_index("row_label")["count"].to_dict() == {"Decision Making": 19, "Finance / Funding": 1}
    [warning] = messages(sheet, Severity.WARNING)  # corporate received: 10 + 4 = 14, not 15
    assert warning[:2] == (7, "D7") and "says 15 but the rows above add up to 14" in warning[2]


def test_category_counts_with_rounded_percentages(tmp_path, importer):
    rows = [
        ["June 2023", "No. of Audits", "%"],
        ["Good", 2, "14%"],
        ["RI", 10, "71%"],
        ["Inadequate", 2, "14%"],
        ["Total", 14, "100%"],
    ]
    sheet = only_sheet(importer.import_file(workbook_with(tmp_path, {"Audit": rows})))
    assert sheet.kind is ReturnKind.CATEGORY_COUNTS
    assert sheet.frame[["category", "count", "percent"]].values.tolist() == [
        ["Good", 2, 14],
        ["RI", 10, 71],
        ["Inadequate", 2, 14],
    ]
    assert [m for _, _, m in messages(sheet)] == ["the percentages add up to 99, not 100, because each is rounded"]


def test_percentage_that_disagrees_with_its_count(tmp_path, importer):
    rows = [["Judgement", "Count", "%"], ["Good", 2, "14%"], ["RI", 10, "61%"], ["Inadequate", 2, "14%"]]
    sheet = only_sheet(importer.import_file(workbook_with(tmp_path, {"Audit": rows})))
    [warning] = messages(sheet, Severity.WARNING)
    assert warning[:2] == (3, "C3") and "disagrees with its count: 10 of 14 is 71.4%" in warning[2]


def test_hidden_rows_hidden_sheet_and_uncalculated_formula(tmp_path, importer):
    def hide(workbook):
        sheet = workbook["Monthly"]
        sheet.row_dimensions[3].hidden = True
        sheet.row_dimensions[4].hidden = True
        sheet["C5"] = "=C2+C3"  # openpyxl stores no calculated value
        workbook["Monthly"].sheet_state = "hidden"

    rows = [["ID", "Month", "Value"], ["A", "Jan-23", 1], ["A", "Feb-23", 2], ["A", "Mar-23", 3], ["A", "Apr-23", None]]
    sheet = only_sheet(
        importer.import_file(workbook_with(tmp_path, {"Cover": [["Read me"]], "Monthly": rows}, build=hide))
    )
    warnings = [m for _, _, m in messages(sheet, Severity.WARNING)]
    assert "this sheet is hidden in Excel; it was read like the others" in warnings
    assert any(m.startswith("rows 3 to 4 are hidden in Excel") for m in warnings)
    [formula] = [p for p in sheet.problems if "formula" in p.message]
    assert (formula.row, formula.cell) == (5, "C5")
    assert sheet.rows == 4  # hidden rows are read, and the formula's row is kept with an empty value


def test_csv_export_from_a_case_system(tmp_path, importer):
    path = tmp_path / "export.csv"
    path.write_bytes(
        "Complaint Ref;Process;Stage;Date Received;Date Responded;Outcome\r\n"
        "C1;Statutory;1;09/05/2022;20/05/2022;Upheld\r\n"
        "C2;Corporate;Stage 1;3 June 2022;;Ongoing\r\n"
        "C3;Statutory;1;04/13/2022;;\r\n".encode("cp1252")
    )
    result = importer.import_file(path)
    sheet = only_sheet(result)
    assert (sheet.sheet, sheet.kind, sheet.rows) == ("export", ReturnKind.COMPLAINTS_LOG, 2)
    assert sheet.frame["received"].dt.strftime("%Y-%m-%d").tolist() == ["2022-05-09", "2022-06-03"]
    [error] = [p for p in result.problems if p.severity is Severity.ERROR]
    assert (error.row, error.cell) == (4, "D4") and "US-style" in error.message


def test_provenance_is_recorded_and_the_file_is_left_alone(tmp_path, importer):
    import hashlib

    path = workbook_with(tmp_path, {"Monthly": [["ID", "Month", "Value"], ["A", "Jan-23", 1]]})
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    result = importer.import_file(path)
    assert result.provenance.sha256 == hashlib.sha256(before[0]).hexdigest()
    assert result.provenance.size == len(before[0]) and result.provenance.file == "return.xlsx"
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_an_unrecognised_column_mapped_once_is_remembered_for_the_same_shape(tmp_path, rules, vocabulary):
    rows = [["Case No", "Process", "Stage", "Date Received"], ["C1", "Corporate", "1", dt.date(2022, 5, 9)]]
    memory_file = tmp_path / "user" / "mappings.json"
    first = Importer(rules, vocabulary, mappings=MappingFile(memory_file))
    assert [s.kind for s in first.import_file(workbook_with(tmp_path, {"Log": rows}, "may.xlsx")).sheets] == [None]
    first.mappings.remember(
        ["Case No", "Process", "Stage", "Date Received"], ReturnKind.COMPLAINTS_LOG, {"Case No": "reference"}
    )
    next_month = Importer(rules, vocabulary, mappings=MappingFile(memory_file))  # a new session
    rows_june = [
        ["Logged by the Complaints Team"],
        ["CASE NO", "process", "Stage", "Date received"],
        ["C2", "Statutory", "1", dt.date(2022, 6, 9)],
    ]
    sheet = only_sheet(next_month.import_file(workbook_with(tmp_path, {"Log": rows_june}, "june.xlsx")))
    assert (sheet.kind, sheet.header_row, sheet.frame["reference"].tolist()) == (ReturnKind.COMPLAINTS_LOG, 2, ["C2"])


def test_the_user_can_change_or_set_aside_a_sheets_kind(tmp_path, importer):
    path = workbook_with(
        tmp_path, {"Pop": [["Area", "Age band", "Year", "Population"], ["Sefton", "0-17", 2023, 54100]]}
    )
    assert only_sheet(importer.import_file(path)).kind is ReturnKind.POPULATION
    [set_aside] = importer.import_file(path, kinds={"Pop": None}).sheets
    assert set_aside.kind is None and set_aside.problems[0].message == "set aside by the user: not a return"


def test_notes_and_repeated_headers_are_set_aside_with_a_note(tmp_path, importer):
    rows = [
        ["Theme", "Good is", "Sefton", "England"],
        ["Control (service users)", "High", 75.3, 77.6],
        [],
        ["Health", "Good is", "Sefton", "England"],
        ["Pain and discomfort", "Low", 15.6, 13.2],
        [],
        ["✘ Sefton's value falls into the bottom quartile"],
    ]
    sheet = only_sheet(importer.import_file(workbook_with(tmp_path, {"ASCS": rows})))
    assert sheet.frame["theme"].tolist() == ["Control (service users)", "Pain and discomfort"]
    assert messages(sheet) == [
        (4, "", "the header again (a sub-table starts here): not data"),
        (7, "", "a note, not data: not read"),
    ]


def test_each_total_row_checks_only_its_own_block(tmp_path, importer):
    rows = [
        ["Area", "Age band", "Year", "Population"],
        ["Sefton", "0-17", 2022, 54377],
        ["Sefton", "18+", 2022, 225859],
        ["Total", "All ages", 2022, 280236],
        ["Sefton", "0-17", 2023, 54098],
        ["Sefton", "18+", 2023, 226985],
        ["Total", "All ages", 2023, 281083],
    ]
    sheet = only_sheet(importer.import_file(workbook_with(tmp_path, {"Population": rows})))
    assert sheet.rows == 4 and sheet.problems == []
    assert sheet.frame["year"].tolist() == [2022, 2022, 2023, 2023]


def test_two_values_for_one_month_are_errors_not_merged(tmp_path, importer):
    rows = [["ID", "Date", "Value"], ["W", dt.date(2024, 11, 22), 2_697_229], ["W", dt.date(2024, 11, 29), 2_703_204]]
    sheet = only_sheet(importer.import_file(workbook_with(tmp_path, {"Costs": rows})))
    assert sheet.kind is ReturnKind.MONTHLY_SERIES and sheet.rows == 0
    assert [p.row for p in sheet.problems if p.severity is Severity.ERROR] == [2, 3]
    weekly = only_sheet(
        importer.import_file(workbook_with(tmp_path, {"Costs": [["ID", "Week ending", "Value"], *rows[1:]]}))
    )
    assert weekly.kind is ReturnKind.WEEKLY_SERIES and weekly.frame["value"].tolist() == [2_697_229, 2_703_204]


def test_ombudsman_and_compliments_sheets_beside_the_log(tmp_path, importer):
    path = workbook_with(
        tmp_path,
        {
            "Log": [
                ["Complaint Ref", "Process", "Stage", "Date Received"],
                ["C1", "Statutory", "1", dt.date(2022, 5, 9)],
            ],
            "LGSCO": [
                ["Ombudsman enquiries 2022-23"],
                ["Reference", "Summary of complaint", "Final decision", "Decision date"],
                ["C1", "Delay in assessment", "Closed after initial enquiries", "14/10/2022"],
            ],
            "Compliments": [
                ["Date received", "Service", "Source", "Compliment"],
                [dt.date(2022, 7, 1), "Fostering", "Foster carer", "Thank you for the support"],
            ],
        },
    )
    result = importer.import_file(path)
    assert [s.kind for s in result.sheets] == [ReturnKind.COMPLAINTS_LOG, ReturnKind.OMBUDSMAN, ReturnKind.COMPLIMENTS]
    ombudsman = result.frame(ReturnKind.OMBUDSMAN)
    assert ombudsman[["reference", "decision"]].values.tolist() == [["C1", "Closed after initial enquiries"]]
    assert ombudsman["decided"].dt.strftime("%Y-%m-%d").tolist() == ["2022-10-14"]
    assert result.frame(ReturnKind.COMPLIMENTS)["service"].tolist() == ["Fostering"]
    assert result.count(Severity.ERROR) == result.count(Severity.WARNING) == 0
