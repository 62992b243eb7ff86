"""Tables through the Arrow PyCapsule interface into pyarrow, polars and pandas."""

from __future__ import annotations

import datetime

import kartan
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from conftest import REPO, doc
from test_portfolio import PROJECTS


@pytest.fixture
def portfolio() -> kartan.Portfolio:
    return kartan.Portfolio.from_json(doc(projects=PROJECTS))


def test_projects_table_types_and_values(portfolio: kartan.Portfolio) -> None:
    t = portfolio.tables.projects()
    assert repr(t) == "<Table 'projects' rows=2 columns=16>"
    table = pa.table(t)
    assert table.schema.field("planned_start").type == pa.date32()
    assert table.schema.field("budget").type == pa.float64()
    assert table.schema.field("results").type == pa.int64()
    rows = table.to_pylist()
    assert rows[0]["id"] == "A" and rows[0]["title"] == "Ett"
    assert rows[0]["planned_start"] == datetime.date(2014, 1, 1)
    assert rows[0]["planned_end"] == datetime.date(2016, 6, 30)
    # effective lines only: 120.25 (revised 2014) + 4354438151.00 (2015)
    assert rows[0]["budget"] == pytest.approx(4354438271.25)
    assert rows[0]["currency"] == "SEK" and rows[0]["levels"] == "regional, local"
    assert rows[1]["budget"] is None and rows[1]["parent"] == "A"
    assert portfolio.tables.projects(lang="en").rows(0, 1)[0]["title"] == "One"


def test_periods_table_pairs_targets_and_actuals(portfolio: kartan.Portfolio) -> None:
    t = portfolio.tables.periods()
    assert t.num_rows == 2
    rows = pa.table(t).to_pylist()
    total, female = rows
    assert total["indicator"] == "IND-1" and total["project"] == "A" and total["measure"] == "percentage"
    assert total["dimensions"] is None
    assert (total["target"], total["actual"]) == (45.0, 43.75)
    assert (total["actual_numerator"], total["actual_denominator"]) == (35.0, 80.0)
    assert female["dimensions"] == "sex=female" and female["target"] is None and female["actual"] == 50.0
    assert total["period_start"] == datetime.date(2014, 1, 1)


def test_polars_and_pandas(portfolio: kartan.Portfolio) -> None:
    t = portfolio.tables.periods()
    df = pl.DataFrame(t)
    assert df.shape == (2, t.num_columns)
    assert df.schema["period_end"] == pl.Date
    assert t.to_polars().equals(df)
    pdf = pd.DataFrame.from_arrow(t)
    assert list(pdf.columns) == t.column_names
    assert pdf["actual"].dtype == "float64"
    assert t.to_pandas()["actual"].tolist() == [43.75, 50.0]
    assert t.to_arrow().num_rows == 2


def test_capsules_can_be_taken_many_times(portfolio: kartan.Portfolio) -> None:
    t = portfolio.tables.projects()
    for _ in range(3):
        assert pa.table(t).num_rows == 2
    schema = pa.schema(t)
    assert schema.names == t.column_names
    # an unused capsule is released without leaking or crashing
    for _ in range(100):
        t.__arrow_c_stream__()
        t.__arrow_c_schema__()


def test_empty_portfolio_tables() -> None:
    p = kartan.Portfolio.from_json(doc())
    assert pa.table(p.tables.projects()).num_rows == 0
    assert pa.table(p.tables.periods()).num_rows == 0
    assert pl.DataFrame(p.tables.periods()).height == 0


def test_html(portfolio: kartan.Portfolio) -> None:
    html = portfolio.tables.periods()._repr_html_()
    assert html.startswith("<table") and "periods: 2 rows" in html and "sex=female" in html
    card = portfolio._repr_html_()
    assert "Program" in card and "2 projects" in card and "<td" in card
    evil = kartan.Portfolio.from_json(doc(projects=[{"id": "<script>", "title": {"sv": "<b>x</b>"}}]))
    assert "<script>" not in evil._repr_html_() and "&lt;script&gt;" in evil._repr_html_()
    assert "<script>" not in evil.tables.projects()._repr_html_()


def test_exact_decimals(portfolio: kartan.Portfolio) -> None:
    from decimal import Decimal

    table = pa.table(portfolio.tables.periods(decimals="exact"))
    assert table.schema.field("actual").type == pa.decimal128(38, 2)
    assert table.column("actual").to_pylist() == [Decimal("43.75"), Decimal("50.00")]
    assert table.column("target").to_pylist() == [Decimal("45"), None]
    budget = pa.table(portfolio.tables.projects(decimals="exact")).column("budget").to_pylist()
    assert budget == [Decimal("4354438271.25"), None]
    assert pl.DataFrame(portfolio.tables.periods(decimals="exact"))["actual"].dtype == pl.Decimal(38, 2)
    with pytest.raises(ValueError, match="decimals must be"):
        portfolio.tables.periods(decimals="double")


def test_exact_decimals_that_do_not_fit() -> None:
    big = [
        {"value": {"amount": "9" * 28, "currency": "SEK"}},
        {"value": {"amount": "0." + "1" * 27, "currency": "SEK"}},
    ]
    p = kartan.Portfolio.from_json(
        doc(projects=[{"id": "A", "title": {"sv": "a"}, "budgets": big[:1]}, {"id": "B", "title": {"sv": "b"}, "budgets": big[1:]}])
    )
    with pytest.raises(kartan.KartanError, match="does not fit decimal128"):
        p.tables.projects(decimals="exact")
    assert pa.table(p.tables.projects()).column("budget").to_pylist()[0] == pytest.approx(1e28)


def test_budget_totals_past_the_decimal_limit_are_null() -> None:
    # tests/data/bad/budget-overflow.json: project A's two lines add up beyond the largest
    # exact amount (once a Rust panic here); B and C fit alone but not together.
    p = kartan.load(REPO / "tests" / "data" / "bad" / "budget-overflow.json")
    for decimals in ("float", "exact"):
        budget = pa.table(p.tables.projects(decimals=decimals)).column("budget").to_pylist()
        assert budget[0] is None, decimals
        assert budget[3] == pytest.approx(1200.5)
    groups = pa.table(p.tables.breakdown("focus_area")).to_pylist()
    assert [(g["currency"], g["budget"]) for g in groups] == [("EUR", None), ("SEK", None)]
    as_of = datetime.date(2014, 1, 1)
    codes = [d.code for d in p.validate(as_of=as_of)]
    assert codes.count("budget-overflow") == 3
    assert "too large to total exactly" in p.learning.report("md", as_of=as_of, lang="en")
