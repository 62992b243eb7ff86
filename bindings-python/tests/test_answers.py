"""The answers (``kartan.answers``) are generated from the core's answers schema, like the
model: typed, immutable, round-tripping through their JSON form, with the same bad-input
rules as the model's classes."""

from __future__ import annotations

import datetime
import json
import warnings
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pytest

import kartan
from kartan import answers

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"
AS_OF = datetime.date(2024, 12, 31)


def _vector(name: str) -> kartan.Portfolio:
    case = json.loads((VECTORS / "results" / name).read_text(encoding="utf-8"))
    return kartan.Portfolio.from_json(json.dumps(case["portfolio"]))


def _every_answer() -> list[answers.Model]:  # type: ignore[name-defined]
    p = _vector("rule1_zero_over_zero_contributes_nothing.json")
    q = _vector("rule3_descending_progress.json")
    _, report = kartan.import_iati(
        b'<iati-activities version="2.03"><iati-activity><iati-identifier>XM-1</iati-identifier>'
        b"<capital-spend percentage='10'/><budget><value>x</value></budget></iati-activity></iati-activities>"
    )
    return [
        p.results.rollup("PRG-IND-1", periods="yearly"),
        q.results.progress("IND-1", as_of=AS_OF),
        q.results.period_values("IND-1"),
        report,
        *q.validate(as_of=AS_OF),
    ]


def test_answers_round_trip_through_their_json() -> None:
    # the trusted loader the binding uses and the checked constructor give equal values
    for answer in _every_answer():
        obj = answer.to_obj()
        again = type(answer).from_obj(json.loads(json.dumps(obj)))
        assert again == answer and again.to_obj() == obj, type(answer).__name__
        assert answer.to_dict() == obj


def test_progress_is_a_tagged_value() -> None:
    pr = _vector("rule3_descending_progress.json").results.progress("IND-1", as_of=AS_OF)
    assert isinstance(pr, answers.IndicatorProgress)
    assert pr.progress == answers.ProgressFraction(value=Decimal("0.5"))
    assert pr.to_obj()["progress"] == {"kind": "fraction", "value": "0.5"}
    assert [(row.progress.kind, row.progress.value) for row in pr.periods] == [("fraction", Decimal("0.5"))]
    assert answers.Progress.from_obj({"kind": "no_target"}) == answers.ProgressNoTarget()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert pr.progress_kind == "fraction"
    assert caught[0].category is DeprecationWarning and ".progress.kind" in str(caught[0].message)


def test_bad_answer_input_names_the_class_and_field() -> None:
    with pytest.raises(ValueError, match=r"Progress: expected a Progress \(an object with 'kind': 'fraction', 'no_target'"):
        answers.Progress.from_obj({"kind": "nearly"})
    with pytest.raises(TypeError, match=r"ProgressFraction.value: expected an exact decimal .* the float 0.5"):
        answers.ProgressFraction(value=0.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"Diagnostic.severity: expected one of 'info', 'warning', 'error', got 'fatal'"):
        kartan.Diagnostic("c", "fatal", "/", "m")
    with pytest.raises(ValueError, match=r"IndicatorProgress: unknown field 'progres'"):
        answers.IndicatorProgress.from_obj({"progres": {}})


def test_import_report_fields_are_the_schema_s() -> None:
    _, report = kartan.import_iati(
        b'<iati-activities version="2.03"><iati-activity><iati-identifier>XM-1</iati-identifier>'
        b"<title><narrative/></title><capital-spend percentage='10'/></iati-activity></iati-activities>"
    )
    assert isinstance(report, kartan.IatiImportReport)
    # a field the hand-written ImportReport of kartan 0.x did not have
    assert report.blank_narratives == 1
    # capital-spend is not modelled but carried verbatim (an export writes it back)
    assert report.not_modelled == ()
    [nm] = report.carried
    assert (nm.path, nm.count, nm.first.line) == ("iati-activity/capital-spend", 1, 1)
    path, count, first = nm  # the 0.x tuple
    assert (path, count, first) == (nm.path, 1, nm.first)


def test_old_names_warn() -> None:
    with pytest.warns(DeprecationWarning, match="kartan.Progress is deprecated: use kartan.IndicatorProgress"):
        assert kartan.Progress is kartan.IndicatorProgress  # type: ignore[attr-defined]
    with pytest.warns(DeprecationWarning, match="use kartan.IatiImportReport"):
        assert kartan.ImportReport is kartan.IatiImportReport  # type: ignore[attr-defined]


def test_answer_tables_lay_out_the_core_figures() -> None:
    r = _vector("rule1_zero_over_zero_contributes_nothing.json").results.rollup("PRG-IND-1", periods="yearly")
    period = r.periods[0]
    assert (period.actual.value, period.actual.numerator, period.actual.denominator) == (
        Decimal("43.75"),
        Decimal(35),
        Decimal(80),
    )
    row = pa.table(r.periods_table()).to_pylist()[0]
    assert (row["actual"], row["actual_numerator"], row["actual_denominator"]) == (43.75, 35.0, 80.0)
    contributions = pa.table(r.contributions_table()).to_pylist()
    assert len(contributions) == sum(len(p.contributions) for p in r.periods) == 3
