#!/usr/bin/env python3
"""An independent reading of IATI periods repeated per disaggregation (Python stdlib only).

Before IATI 2.03, publishers wrote one `period` per dimension combination: the same
dates again and again, each with one disaggregated target and actual. kartan's IATI
importer reads such repeats as one period (core/src/io/iati/repeated_periods.rs): when
no two targets (and no two actuals) of different repeats have the same dimensions and
locations, the repeats are one period holding all their values, in document order; any
other repeat (a true conflict, or a copy) stays apart and `validate` reports it as
`duplicate-period`.

This script applies that rule to the XML with ElementTree, without kartan, and prints
per file: the periods before and after, the groups merged and kept apart, the counts
that tests/vectors/iati/*.json give for periods, and, with --values, every merged
period's targets and actuals per disaggregation. The Python suite
(bindings-python/tests/test_vectors_results14.py) compares kartan's breakdowns with it.

    python3 scripts/iati_repeated_periods.py ../shared/data/real/iati/*.xml
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

# kartan's strict decimal (DESIGN.md rule 7): digits, one optional point, an optional sign.
STRICT = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)$")


@dataclass
class Value:
    side: str  # "target" or "actual"
    value: Decimal | None
    dimensions: tuple[tuple[str, str], ...]  # sorted (name, value)
    locations: tuple[str, ...]  # sorted refs

    def key(self) -> tuple:
        return (self.dimensions, self.locations)


@dataclass
class Period:
    start: str
    end: str
    targets: list[Value] = field(default_factory=list)
    actuals: list[Value] = field(default_factory=list)


@dataclass
class Indicator:
    activity: str
    index: int  # document order within the activity's results
    periods: list[Period]
    read: int  # periods as written
    merged: int  # groups read as one period
    apart: int  # groups of repeats kept apart (conflicts or copies)


def _value(elem: ET.Element) -> Value:
    raw = (elem.get("value") or "").strip()
    number = Decimal(raw) if STRICT.match(raw) else None
    dims = tuple(sorted((d.get("name", ""), d.get("value", "")) for d in elem.findall("dimension")))
    locs = tuple(sorted(loc.get("ref", "") for loc in elem.findall("location")))
    return Value(elem.tag, number, dims, locs)


def _period(elem: ET.Element) -> Period | None:
    start, end = elem.find("period-start"), elem.find("period-end")
    if start is None or end is None or not start.get("iso-date") or not end.get("iso-date"):
        return None
    p = Period(start.get("iso-date", "")[:10], end.get("iso-date", "")[:10])
    for child in elem:
        if child.tag == "target":
            p.targets.append(_value(child))
        elif child.tag == "actual":
            p.actuals.append(_value(child))
    return p


def _differ_by_disaggregation(group: list[Period]) -> bool:
    for side in ("targets", "actuals"):
        owner: dict[tuple, int] = {}
        for i, p in enumerate(group):
            for v in getattr(p, side):
                if owner.setdefault(v.key(), i) != i:
                    return False
    return True


def merge(periods: list[Period]) -> tuple[list[Period], int, int]:
    """The periods read as kartan reads them, the groups merged and the groups kept apart."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, p in enumerate(periods):
        groups[(p.start, p.end)].append(i)
    gone: set[int] = set()
    merged = apart = 0
    for members in groups.values():
        if len(members) < 2:
            continue
        if not _differ_by_disaggregation([periods[i] for i in members]):
            apart += 1
            continue
        merged += 1
        first = periods[members[0]]
        for i in members[1:]:
            first.targets.extend(periods[i].targets)
            first.actuals.extend(periods[i].actuals)
            gone.add(i)
    return [p for i, p in enumerate(periods) if i not in gone], merged, apart


def read(path: str) -> list[Indicator]:
    out = []
    for activity in ET.parse(path).getroot().iter("iati-activity"):
        ident = (activity.findtext("iati-identifier") or "").strip()
        index = 0
        for result in activity.findall("result"):
            for indicator in result.findall("indicator"):
                written = [p for p in (_period(e) for e in indicator.findall("period")) if p is not None]
                periods, merged, apart = merge(written)
                out.append(Indicator(ident, index, periods, len(written), merged, apart))
                index += 1
    return out


def counts(indicators: list[Indicator]) -> dict[str, int]:
    """The period counts of tests/vectors/iati/*.json, after merging."""
    periods = [p for i in indicators for p in i.periods]
    return {
        "periods_as_written": sum(i.read for i in indicators),
        "periods": len(periods),
        "groups_merged": sum(i.merged for i in indicators),
        "groups_kept_apart": sum(i.apart for i in indicators),
        "periods_with_numeric_target_and_actual": sum(
            1
            for p in periods
            if p.targets and p.actuals and all(v.value is not None for v in p.targets + p.actuals)
        ),
        "periods_with_a_target_without_number": sum(1 for p in periods if any(t.value is None for t in p.targets)),
        "periods_with_several_actuals": sum(1 for p in periods if len(p.actuals) > 1),
    }


def main(paths: list[str]) -> None:
    values = "--values" in paths
    for path in (p for p in paths if p != "--values"):
        indicators = read(path)
        print(path, counts(indicators))
        if values:
            for ind in indicators:
                if ind.merged:
                    for p in ind.periods:
                        for v in p.targets + p.actuals:
                            print(f"  {ind.activity} #{ind.index} {p.start}..{p.end} {v.side} {v.dimensions} {v.value}")


if __name__ == "__main__":
    main(sys.argv[1:])
