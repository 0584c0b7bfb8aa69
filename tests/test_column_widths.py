"""A list of cases shows each column's heading and its first rows' words whole, from a sample of its rows."""

from __future__ import annotations

import pandas as pd

from desktop_app.gui.column_widths import WIDEST, sample_rows
from desktop_app.gui.complaints_views import CasesList


def test_the_sample_takes_the_first_rows_and_spreads_the_rest_to_the_end():
    assert sample_rows(5, 60) == [0, 1, 2, 3, 4]
    picked = sample_rows(10_000, 60)
    assert picked[:30] == list(range(30)) and len(picked) == 60 and picked == sorted(set(picked))
    assert picked[-1] > 9_500


def test_a_list_of_cases_shows_headings_and_words_whole(qtbot):
    cases = pd.DataFrame(
        {
            "Reference": [f"REF-{n:05d}" for n in range(2_000)],
            "Theme": ["Communication and the way the complaint was handled"] + ["Care"] * 1_999,
            "Working days overdue": [3] * 2_000,
            "Note": ["x" * 500] + [""] * 1_999,
        }
    )
    shown = CasesList("Cases")
    qtbot.addWidget(shown)
    shown.show_cases("Overdue", cases, drop_shared=False)
    table, metrics = shown.table, shown.table.fontMetrics()
    for column, name in enumerate(cases.columns):
        heading = table.horizontalHeader().sectionSizeFromContents(column).width()
        words = metrics.horizontalAdvance(str(cases[name].iat[0]))
        assert table.columnWidth(column) >= min(max(heading, words), WIDEST)
    assert table.columnWidth(3) == WIDEST  # a long note is cut to a width, its tooltip shows it all
