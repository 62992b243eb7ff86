"""The results engine through the binding: progress, roll-up, period values, charts."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import kartan
import pyarrow as pa
import pytest
from conftest import VECTORS


def _vector(name: str) -> kartan.Portfolio:
    case = json.loads((VECTORS / "results" / name).read_text(encoding="utf-8"))
    return kartan.Portfolio.from_json(json.dumps(case["portfolio"]))


def test_progress_descending() -> None:
    p = _vector("rule3_descending_progress.json")
    pr = p.results.progress("IND-1", as_of=datetime.date(2024, 12, 31))
    assert repr(pr) == "<IndicatorProgress indicator='IND-1' progress=0.5 status='behind'>"
    assert isinstance(pr, kartan.IndicatorProgress) and pr.progress == kartan.answers.ProgressFraction(value="0.5")
    assert (pr.baseline, pr.target, pr.actual, pr.progress.value) == (Decimal(40), Decimal(20), Decimal(30), Decimal("0.5"))
    assert pr.progress.kind == "fraction" and pr.status is kartan.answers.Track.BEHIND
    assert pr.direction == "descending" and pr.band == Decimal("0.15") and pr.as_of == datetime.date(2024, 12, 31)
    rows = pa.table(pr.periods_table()).to_pylist()
    assert rows == [
        {"start": datetime.date(2024, 1, 1), "end": datetime.date(2024, 12, 31), "actual": 30.0, "target": 20.0,
         "progress_kind": "fraction", "progress": 0.5}
    ]
    table = pa.table(p.tables.progress(as_of=datetime.date(2024, 12, 31))).to_pylist()
    assert table[0]["indicator"] == "IND-1" and table[0]["progress"] == 0.5 and table[0]["status"] == "behind"


def test_pooled_percentage_rollup() -> None:
    # DESIGN.md rule 1: 20/50 and 15/30 pool to 35/80 = 43.75 %, not the 45 % average.
    p = _vector("rule1_zero_over_zero_contributes_nothing.json")
    r = p.results.rollup("PRG-IND-1", periods="yearly")
    assert repr(r).startswith("<Rollup indicator='PRG-IND-1' measure='percentage'")
    row = pa.table(r.periods_table()).to_pylist()[0]
    assert (row["actual"], row["actual_numerator"], row["actual_denominator"]) == (43.75, 35.0, 80.0)
    assert pa.table(r.contributions_table()).num_rows == 3
    assert "43.75" in r._repr_html_()


def test_errors_have_codes() -> None:
    p = _vector("rule3_descending_progress.json")
    with pytest.raises(kartan.AnalysisError) as info:
        p.results.progress("nope", as_of=datetime.date(2024, 1, 1))
    assert info.value.code == "unknown_indicator" and isinstance(info.value, ValueError)
    with pytest.raises(ValueError, match='unknown periods "weekly": expected "yearly"'):
        p.results.rollup("IND-1", periods="weekly")
    with pytest.raises(TypeError, match="periods must be"):
        p.results.rollup("IND-1", periods=42)  # type: ignore[arg-type]


def test_chart_spec_and_altair() -> None:
    p = _vector("rule3_descending_progress.json")
    spec = p.results.chart_spec("IND-1")
    assert spec["$schema"].endswith("/vega-lite/v6.json")
    chart = p.results.chart("IND-1")
    assert chart.to_dict()["layer"]
    fallback = kartan.Chart(spec)
    bundle = fallback._repr_mimebundle_()
    assert bundle["application/vnd.vegalite.v6+json"] is spec
