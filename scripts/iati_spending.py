#!/usr/bin/env python3
"""Planned against spent money of an IATI file, read independently of kartan with the
standard library's ElementTree: the check of kartan's spending figures (issue 15).

Per activity and currency: planned = the budgets, a revised budget (type 2) replacing the
original of the same period; spent = the transactions of type 3 (disbursement) and 4
(expenditure). Per currency, the totals over the activities that have both.

    python3 scripts/iati_spending.py FILE.xml   # prints JSON: currency → figures

``transaction_totals`` gives the total of every transaction type and currency (the
figures kartan's import must keep).
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from decimal import Decimal


def spending(path: str) -> dict[str, dict[str, str | int]]:
    totals: dict[str, dict[str, Decimal | int]] = {}
    for act in ET.parse(path).getroot().iter("iati-activity"):
        default = act.get("default-currency")
        lines: dict[tuple[str | None, str | None], dict[str, list[tuple[str, Decimal]]]] = defaultdict(dict)
        for b in act.findall("budget"):
            value = b.find("value")
            if value is None or value.text is None:
                continue
            currency = value.get("currency") or default
            start, end = b.find("period-start"), b.find("period-end")
            period = (start.get("iso-date") if start is not None else None, end.get("iso-date") if end is not None else None)
            kind = "revised" if b.get("type") == "2" else "original"
            lines[period].setdefault(kind, []).append((currency, Decimal(value.text.strip())))
        planned: dict[str, Decimal] = defaultdict(Decimal)
        for kinds in lines.values():
            for currency, amount in kinds.get("revised") or kinds.get("original", []):
                planned[currency] += amount
        spent: dict[str, Decimal] = {}
        for t in act.findall("transaction"):
            kind = t.find("transaction-type")
            value = t.find("value")
            if kind is None or value is None or kind.get("code") not in ("3", "4", "D", "E"):
                continue
            currency = value.get("currency") or default
            spent[currency] = spent.get(currency, Decimal(0)) + Decimal(value.text.strip())
        for currency in planned.keys() & spent.keys():
            t = totals.setdefault(currency, {"planned": Decimal(0), "spent": Decimal(0), "projects": 0})
            t["planned"] += planned[currency]
            t["spent"] += spent[currency]
            t["projects"] += 1
    return {c: {k: (format(v.normalize(), "f") if isinstance(v, Decimal) else v) for k, v in t.items()} for c, t in sorted(totals.items())}


def transaction_totals(path: str) -> dict[str, str]:
    """``"<type code> <currency>"`` → the exact total of the file's transactions (letter
    codes of IATI 2.01 mapped to their numbers)."""
    letters = {"IF": "1", "C": "2", "D": "3", "E": "4", "IR": "5", "LR": "6", "R": "7", "QP": "8", "QS": "9", "CG": "10"}
    totals: dict[str, Decimal] = {}
    for act in ET.parse(path).getroot().iter("iati-activity"):
        default = act.get("default-currency")
        for t in act.findall("transaction"):
            kind, value = t.find("transaction-type"), t.find("value")
            if kind is None or value is None or value.text is None:
                continue
            code = letters.get(kind.get("code", ""), kind.get("code", ""))
            key = f"{code} {value.get('currency') or default}"
            totals[key] = totals.get(key, Decimal(0)) + Decimal(value.text.strip())
    return {k: format(v.normalize(), "f") for k, v in sorted(totals.items())}


if __name__ == "__main__":
    print(json.dumps(spending(sys.argv[1]), indent=2))
