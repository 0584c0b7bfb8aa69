"""The indicator catalogue a council edits: what ships, and what a mistake in it says."""

from __future__ import annotations

import pandas as pd
import pytest

from desktop_app.domain.indicators import RATE_UNITS, CatalogueError, load_catalogue
from desktop_app.domain.resource_files import ResourceFileError
from tests.test_indicators import ASCS, CARERS, CHAT, DASHBOARD, catalogue  # noqa: F401


def test_the_seed_papers_indicators_are_defined(catalogue):
    written = [name for name, *_ in CHAT + DASHBOARD] + [theme for theme, *_ in CARERS + ASCS]
    resolved = catalogue.resolve(pd.Series(written))
    assert resolved.isin(list(catalogue.definitions)).all(), resolved[~resolved.isin(list(catalogue.definitions))]
    assert resolved[0] == resolved[len(CHAT) + 3] == "CSC-REFERRALS-RATE"  # the ChAT's name and the dashboard's
    for id_ in ("ASCOF 1A", "ASCOF 2A(1)", "ascof-2c", "ASCOF 2B(1)"):
        assert catalogue.resolve(pd.Series([id_]))[0] in catalogue.definitions


def test_shipped_definitions_are_complete(catalogue):
    frame = catalogue.frame
    rates = frame[frame["unit"].isin(RATE_UNITS)]
    assert rates["age_band"].notna().all()
    assert (rates["multiplier"] == rates["unit"].map({"rate_per_10000": 10_000, "rate_per_100000": 100_000})).all()
    assert frame.loc["ASC-ADMISSIONS-65", ["unit", "age_band", "multiplier", "decimals"]].tolist() == [
        "rate_per_100000",
        "65+",
        100_000.0,
        1,
    ]
    assert frame.loc["CSC-ASSESSMENTS-45-DAYS", ["multiplier", "decimals", "rolling", "status_rule"]].tolist() == [
        100.0,
        1,
        "ratio_of_sums",
        "scheme_123",
    ]
    assert frame.loc["ASC-REVIEWS-12-MONTHS", ["status_rule", "status_tolerance"]].tolist() == ["target", 5.0]
    assert frame["polarity"].notna().all()


def test_a_councils_own_indicator_takes_its_units_defaults(tmp_path):
    path = tmp_path / "indicator_catalogue.toml"
    path.write_text('[indicators.LOCAL-DELAYS]\nname = "Delayed transfers"\nunit = "percent"\naliases = ["DToC %"]\n')
    catalogue = load_catalogue(path)
    definition = catalogue.frame.loc["LOCAL-DELAYS"]
    assert definition[["multiplier", "decimals", "tolerance"]].tolist() == [100.0, 1, 0.0]
    assert pd.isna(definition["polarity"]) and pd.isna(definition["status_rule"])
    assert catalogue.resolve(pd.Series(["dtoc %"]))[0] == "LOCAL-DELAYS"
    assert catalogue.unit_names["percent"] == "percent"  # with no [unit_names], each unit is spelt as its code


ENTRY = '[indicators.X]\nname = "X"\nunit = "count"\n'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[indicators.X]\nname = "X"\nunit = "per cent"\n', "indicator 'X': 'unit' must be one of count, percent,"),
        ('[indicators.X]\nunit = "count"\n', "indicator 'X': 'name' must be given as text"),
        (
            '[indicators.X]\nname = "X"\nunit = "rate_per_10000"\nage_band = 17\n',
            "indicator 'X': 'age_band' must be given as text",
        ),
        (ENTRY + 'polarity = "up"\n', "indicator 'X': 'polarity' must be one of high, low, none"),
        (ENTRY + 'polarty = "high"\n', "indicator 'X': unknown key 'polarty'"),
        (ENTRY + "decimals = 1.5\n", "indicator 'X': 'decimals' must be a whole number of at least 0"),
        (ENTRY + "multiplier = 0\n", "indicator 'X': 'multiplier' must be a number above 0"),
        (ENTRY + 'tolerance = "small"\n', "indicator 'X': 'tolerance' must be a number of at least 0"),
        (ENTRY + 'rolling = "median"\n', "indicator 'X': 'rolling' must be one of sum, mean, ratio_of_sums"),
        (ENTRY + 'aliases = "X"\n', "indicator 'X': 'aliases' must be a list of names"),
        (ENTRY + 'status = { type = "rag" }\n', "indicator 'X': 'status': 'type' must be one of target, scheme_123"),
        (ENTRY + 'status = { type = "target", tolerance = -1 }\n', "'X': 'status': 'tolerance' must be a number"),
        (ENTRY + 'status = { type = "scheme_123", comparator = "wales" }\n', "'comparator' must be one of sn, nw"),
        (ENTRY + 'status = "target"\n', "indicator 'X': 'status': must be a table"),
        (
            '[indicators.A]\nname = "A"\nunit = "count"\naliases = ["Shared"]\n'
            '[indicators.B]\nname = "B"\nunit = "count"\naliases = ["shared "]\n',
            "indicator 'B': 'aliases': 'shared ' already names 'A'",
        ),
        ('[unit_names]\npercent = ["%"]\ncount = ["%"]\n', "'%' is listed under both 'percent' and 'count'"),
        ('[unit_names]\npints = ["pt"]\n', "[unit_names]: unknown unit 'pints'"),
        ("[indicators.X\n", "cannot be read"),
    ],
)
def test_a_mistake_in_the_catalogue_is_named(tmp_path, text, message):
    path = tmp_path / "indicator_catalogue.toml"
    path.write_text(text)
    with pytest.raises(ResourceFileError) as raised:
        load_catalogue(path)
    assert str(raised.value).startswith("indicator_catalogue.toml: ") and message in str(raised.value)
    assert isinstance(raised.value, CatalogueError) or "cannot be read" in message
