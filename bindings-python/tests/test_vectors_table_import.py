"""tests/vectors/table_import: table imports that lose or misread values (issue 14,
Tables). The same cases as core/tests/vectors_table_import.rs and the JS suite: records
read and imported, values lost per mapping field, budget totals of what was read, or the
error of a refused import."""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import kartan
import pytest
from conftest import VECTORS

CASES = [
    (path, case)
    for path in sorted((VECTORS / "table_import").glob("*.json"))
    for case in json.loads(path.read_text(encoding="utf-8"))["cases"]
]


def test_there_are_cases() -> None:
    assert len(CASES) >= 8


@pytest.mark.parametrize(("path", "case"), CASES, ids=[c["name"] for _, c in CASES])
def test_table_import_vector(path: Path, case: dict[str, Any], tmp_path: Path) -> None:
    table = tmp_path / case["table_name"]
    table.write_text(case["table"], encoding="utf-8")
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(case["mapping"], encoding="utf-8")
    expected = case["expected"]
    if "error_contains" in expected:
        with pytest.raises(kartan.KartanError) as info:
            kartan.import_table(table, mapping)
        assert expected["error_contains"] in str(info.value)
        return
    portfolio, report = kartan.import_table(table, mapping)
    assert report.rows_read == expected["rows_read"]
    assert report.rows_imported == expected["rows_imported"]
    assert len(portfolio.projects) == expected["projects"]
    assert report.duplicates_dropped == expected.get("duplicates_dropped", 0)
    assert dict(Counter(s.field for s in report.skipped)) == expected["lost"]
    model = json.loads(portfolio.to_json())
    totals: dict[str, Decimal] = {}
    for project in model["projects"]:
        for budget in project.get("budgets", []):
            value = budget["value"]
            totals[value["currency"]] = totals.get(value["currency"], Decimal(0)) + Decimal(value["amount"])
    assert {c: format(a.normalize(), "f") for c, a in totals.items()} == expected["budget_totals"]
    for part in expected["reasons_contain"]:
        assert any(part in s.reason for s in report.skipped), part
