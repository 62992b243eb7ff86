"""tests/vectors/tables: the projects, periods, progress and spending tables of small portfolios,
the rows core/tests/vectors_tables.rs checks (``kartan::analysis::tables``), read from
the binding's ``p.tables.projects``, ``p.tables.periods`` and ``p.tables.progress`` through
pyarrow. Exact decimals are compared as ``decimal.Decimal`` (``decimals="exact"``);
the progress table has float64 columns only, compared to a double's precision."""

from __future__ import annotations

import datetime
import json
import math
from decimal import Decimal
from pathlib import Path
from typing import Any

import kartan
import pytest
from conftest import VECTORS

pa = pytest.importorskip("pyarrow")

CASES = sorted((VECTORS / "tables").glob("*.json"))


def _want(table: dict[str, Any]) -> list[dict[str, Any]]:
    """The expected rows as dicts, cells as pyarrow gives them: dates as dates,
    decimals as Decimal."""
    convert = {
        "date": lambda v: datetime.date.fromisoformat(v),
        "decimal": Decimal,
    }
    rows = []
    for row in table["rows"]:
        rows.append(
            {
                name: (None if v is None else convert.get(dtype, lambda x: x)(v))
                for (name, dtype), v in zip(table["columns"], row)
            }
        )
    return rows


def _case(path: Path) -> tuple[kartan.Portfolio, dict[str, Any]]:
    case = json.loads(path.read_text(encoding="utf-8"))
    return kartan.Portfolio.from_json(json.dumps(case["portfolio"])), case


def test_there_are_table_vectors() -> None:
    assert CASES


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_projects_periods_and_spending_tables_exact(path: Path) -> None:
    p, case = _case(path)
    tables = {
        "projects": lambda: p.tables.projects(case["lang"], decimals="exact"),
        "periods": lambda: p.tables.periods(case["lang"], decimals="exact"),
        "spending": lambda: p.tables.spending(decimals="exact"),
    }
    # A case states the tables it checks.
    for name in [n for n in tables if n in case["expected"]]:
        table = tables[name]()
        want = case["expected"][name]
        got = pa.table(table)
        assert got.column_names == [c for c, _ in want["columns"]], name
        assert got.to_pylist() == _want(want), name


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_progress_table(path: Path) -> None:
    p, case = _case(path)
    if "progress" not in case["expected"]:
        pytest.skip("this case checks no progress table")
    want = case["expected"]["progress"]
    got = pa.table(p.tables.progress(as_of=datetime.date.fromisoformat(case["as_of"]), lang=case["lang"]))
    assert got.column_names == [c for c, _ in want["columns"]]
    for g, w in zip(got.to_pylist(), _want(want), strict=True):
        for (column, dtype) in want["columns"]:
            if dtype == "decimal" and w[column] is not None:
                assert g[column] is not None and math.isclose(g[column], float(w[column]), rel_tol=1e-15), (column, g, w)
            else:
                assert g[column] == w[column], (column, g, w)
