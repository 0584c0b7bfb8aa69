"""The settings files a council edits: what ships, and what a mistake in them says."""

import pytest

from desktop_app.domain.resource_files import ResourceFileError
from desktop_app.domain.rules import load_rules
from desktop_app.domain.vocabulary import load_vocabulary, normalise


def test_shipped_rules_hold_the_statutory_limits(rules):
    statutory = rules.procedures["childrens_statutory"]
    response = {code: stage.response for code, stage in statutory.stages.items()}
    assert (response["1"].limit, response["1"].extended_limit) == (10, 20)
    assert (response["2"].limit, response["2"].extended_limit, response["2"].start) == (
        25,
        65,
        ("statement_agreed", "received"),
    )
    assert response["3"].limit == 30 and response["ombudsman"] is None
    corporate = rules.procedures["corporate"]
    assert corporate.uses_closure_days and not statutory.uses_closure_days
    assert corporate.stages["1"].clocks["acknowledgement"].limit == 5
    assert corporate.stages["1"].response.start == ("acknowledged", "received")
    assert rules.procedures["adult_social_care"].stages["1"].response.limit == 20
    assert rules.year_start == (4, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[procedures.x.stages.1]\nclocks.response = { limit = -3 }\n",
            "procedure 'x', stage '1', clock 'response': 'limit' must be",
        ),
        (
            "[procedures.x.stages.1]\nclocks.response = { limit = 10, extended_limit = 5 }\n",
            "'extended_limit' must be a whole number >= limit",
        ),
        ("[procedures.x.stages.1]\nclocks.response = { start = ['posted'], limit = 10 }\n", "unknown date 'posted'"),
        ("[calendar]\nyear_start = '13-01'\n[procedures.x.stages.1]\n", "[calendar]"),
        ("[calendar]\nclosure_days = ['Christmas']\n[procedures.x.stages.1]\n", "[calendar]"),
        ("[calendar]\n", "no [procedures.*] are defined"),
        ("[procedures.x\n", "cannot be read"),
    ],
)
def test_a_mistake_in_the_rules_file_is_named(tmp_path, text, message):
    path = tmp_path / "complaint_procedures.toml"
    path.write_text(text)
    with pytest.raises(ResourceFileError) as raised:
        load_rules(path)
    assert str(raised.value).startswith("complaint_procedures.toml: ") and message in str(raised.value)


def test_a_spelling_listed_under_two_meanings_is_refused(tmp_path):
    path = tmp_path / "vocabulary.toml"
    path.write_text('[values.procedure]\ncorporate = ["Corporate"]\nadult_social_care = ["corporate "]\n')
    with pytest.raises(
        ResourceFileError, match="'corporate ' is listed under both 'corporate' and 'adult_social_care'"
    ):
        load_vocabulary(path)


def test_every_procedure_spelling_names_a_procedure_with_rules(rules, vocabulary):
    assert set(vocabulary.values["procedure"].values()) <= set(rules.procedures)
    stages = {stage for procedure in rules.procedures.values() for stage in procedure.stages}
    assert set(vocabulary.values["stage"].values()) <= stages


def test_spellings_match_whatever_the_case_and_punctuation(vocabulary):
    assert normalise("Date  Received:") == normalise("date_received") == "datereceived"
    assert vocabulary.code("procedure", "Statutory Children’s") == "childrens_statutory"
    assert vocabulary.field_for_header("COMPLAINT REF") == "reference"


def test_a_clock_may_take_its_due_date_only_from_the_logs_agreed_response_date(tmp_path):
    from desktop_app.domain.rules import load_rules

    assert load_rules().procedures["adult_social_care"].stages["1"].response.agreed == "response_agreed"
    path = tmp_path / "rules.toml"
    path.write_text(
        "[procedures.adults.stages.1]\n"
        'clocks.response = { start = ["received"], end = "responded", limit = 20, agreed = "responded" }\n'
    )
    with pytest.raises(ResourceFileError, match="'agreed' must name one of \\('response_agreed',\\)"):
        load_rules(path)
