"""Issue 14, item 20: periods repeated per disaggregation, on a real publisher's file.

kartan's disaggregated figures for results_small_rich_ngo_2021.xml are compared with an
independent reading of the XML (scripts/iati_repeated_periods.py, Python stdlib only):
the same periods, and in each merged period every target and actual under its dimensions.
"""

from __future__ import annotations

import datetime
import json
import sys
from collections import defaultdict
from decimal import Decimal
from typing import Any

import kartan
from conftest import REAL, REPO

sys.path.insert(0, str(REPO / "scripts"))
import iati_repeated_periods as independent  # noqa: E402

FILE = REAL / "iati" / "results_small_rich_ngo_2021.xml"


def _dims(value: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((d["name"], d["value"]) for d in value["dimensions"]))


def test_repeated_periods_are_one_period_with_the_independent_figures() -> None:
    p, _ = kartan.import_iati(FILE)
    doc = json.loads(p.to_json())
    script = independent.read(str(FILE))
    by_activity: dict[str, list[independent.Indicator]] = defaultdict(list)
    for ind in script:
        by_activity[ind.activity].append(ind)
    assert independent.counts(script)["groups_merged"] == 44
    merged_periods = checked = 0
    for project in doc["projects"]:
        ids = [i["id"] for r in project.get("results", []) for i in r.get("indicators", [])]
        theirs = by_activity[project["id"]]
        assert len(ids) == len(theirs), project["id"]
        for ind_id, ind in zip(ids, theirs):
            values = p.results.period_values(ind_id).to_dict()
            assert len(values["periods"]) == len(ind.periods), ind_id
            if not ind.merged:
                continue
            ours = {(q["start"], q["end"]): q for q in values["periods"]}
            for period in ind.periods:
                got = ours[(period.start, period.end)]
                rows: dict[tuple[tuple[str, str], ...], dict[str, Any]] = {}
                for breakdown in got.get("breakdowns", []):
                    assert not breakdown.get("mismatches"), (ind_id, breakdown)
                    for row in breakdown["values"]:
                        rows[_dims(row)] = row
                merged_periods += 1
                for side, want in (("target", period.targets), ("actual", period.actuals)):
                    for v in want:
                        if not v.dimensions or v.value is None:
                            continue
                        figure = rows[v.dimensions][side]
                        assert Decimal(figure["value"]) == v.value, (ind_id, period.start, side, v.dimensions)
                        checked += 1
    assert merged_periods == 44
    assert checked > 100
    # The import says what it did, and validation finds no repeated period left.
    diagnostics = p.validate(as_of=datetime.date(2021, 12, 31))
    assert not [d for d in diagnostics if d.code == "duplicate-period"]
