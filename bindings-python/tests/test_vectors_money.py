"""tests/vectors/money: budget, commitments and spending grouped (``p.tables.money``),
the rows and diagnostics core/tests/vectors_money.rs checks
(``kartan::analysis::money::money_table``), read through pyarrow with exact decimals;
the amounts with no rate come as one ``UserWarning`` listing each; a refused rate
table raises ``kartan.ParseError`` with the file, line and column."""

from __future__ import annotations

import json
import warnings
from decimal import Decimal
from pathlib import Path
from typing import Any

import kartan
import pytest
from conftest import VECTORS

pa = pytest.importorskip("pyarrow")

FOLDER = VECTORS / "money"
CASES = sorted(p for p in FOLDER.glob("*.json") if "portfolio" in json.loads(p.read_text(encoding="utf-8")))


def _want(check: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {name: (Decimal(v) if dtype == "decimal" and v is not None else v) for (name, dtype), v in zip(check["columns"], row)}
        for row in check["rows"]
    ]


def test_there_are_money_vectors() -> None:
    assert len(CASES) >= 7


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_money_tables(path: Path, tmp_path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    p = kartan.Portfolio.from_json(json.dumps(case["portfolio"]))
    rates = None
    if "rates" in case:
        rates = tmp_path / case["rates"]["file"]
        rates.write_text(case["rates"]["csv"], encoding="utf-8")
    for check in case["expected"]["money"]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            table = p.tables.money(check["by"], rates=rates if check["rates"] else None, decimals="exact")
        got = pa.table(table)
        assert got.column_names == [c for c, _ in check["columns"]], check["by"]
        assert got.to_pylist() == _want(check), (check["by"], check["rates"])
        notes = [str(w.message) for w in caught if issubclass(w.category, UserWarning)]
        if check["diagnostics"]:
            assert len(notes) == 1, notes
            n = len(check["diagnostics"])
            assert notes[0].startswith(f"{n} amount"), notes[0]
            for _severity, _code, at, message in check["diagnostics"]:
                assert f"\n{at}: {message}" in notes[0]
        else:
            assert notes == []


def test_refused_rate_tables(tmp_path: Path) -> None:
    case = json.loads((FOLDER / "rate_tables_refused.json").read_text(encoding="utf-8"))
    p = kartan.seed()
    for refused in case["refused"]:
        path = tmp_path / case["file"]
        path.write_text(refused["csv"], encoding="utf-8")
        with pytest.raises(kartan.ParseError) as err:
            p.tables.money("program", rates=path)
        # The vector names the file rates.csv; here it is read from `path`.
        assert str(err.value) == str(path) + refused["error"][len(case["file"]) :]
        assert err.value.filename == str(path)
        assert err.value.line == int(refused["error"].split(":")[1])


def test_bad_arguments() -> None:
    p = kartan.seed()
    with pytest.raises(ValueError, match="cannot group money by 'sector'|cannot group money by \"sector\""):
        p.tables.money("sector")
    with pytest.raises(FileNotFoundError):
        p.tables.money("program", rates="no-such-rates.csv")
    with pytest.raises(ValueError, match="decimals"):
        p.tables.money("program", decimals="rounded")
