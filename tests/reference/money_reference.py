"""Independent computation (Python's standard library only: xml.etree, json, decimal;
no kartan) of budget against spending by year and currency, as the learning report's
section 8 ("Budget and spending by year") and `money_table(GroupBy::Year)` give them
(core/tests/report_money.rs asserts these figures).

Rules (IATI 2.03 and DESIGN.md): the effective budget lines (a revised line, budget
@type 2, replaces the original, type 1 or no type, of the same period) counted in the
year their period starts; spent = disbursements (transaction type 3) and expenditure
(type 4) in the year of their transaction-date; amounts in each value's @currency, else
the activity's @default-currency; never added across currencies.

Run from the repository root:  python3 tests/reference/money_reference.py
"""

import collections
import json
import pathlib
import xml.etree.ElementTree as ET
from decimal import Decimal

ROOT = pathlib.Path(__file__).resolve().parents[1].parent
REAL = ROOT.parent / "shared/data/real"


def table(budgets, spent):
    """{currency: {year: [budget, spent]}} as strings, null for none recorded."""
    out = collections.defaultdict(dict)
    for (cur, year) in sorted(set(budgets) | set(spent)):
        b, s = budgets.get((cur, year)), spent.get((cur, year))
        out[cur][str(year)] = [None if b is None else str(b), None if s is None else str(s)]
    return dict(out)


def add(sums, key, amount):
    sums[key] = sums.get(key, Decimal(0)) + amount


def iati(path):
    budgets, spent = {}, {}
    for act in ET.parse(path).getroot().iter("iati-activity"):
        default = act.get("default-currency")
        lines = []
        for b in act.findall("budget"):
            start, end, value = b.find("period-start"), b.find("period-end"), b.find("value")
            period = (start.get("iso-date") if start is not None else None, end.get("iso-date") if end is not None else None)
            lines.append((b.get("type", "1"), period, value.get("currency") or default, Decimal(value.text.strip())))
        revised = {p for (t, p, _, _) in lines if t == "2"}
        for (t, period, cur, amount) in lines:
            if t == "2" or period not in revised:
                add(budgets, (cur, int(period[0][:4])), amount)
        for t in act.findall("transaction"):
            if t.find("transaction-type").get("code") not in ("3", "4"):
                continue
            value = t.find("value")
            year = int(t.find("transaction-date").get("iso-date")[:4])
            add(spent, (value.get("currency") or default, year), Decimal(value.text.strip()))
    return table(budgets, spent)


def kartan_json(path):
    p = json.loads(path.read_text("utf-8"))
    budgets, spent = {}, {}
    for pr in p["projects"]:
        lines = pr.get("budgets", [])
        revised = {json.dumps(b.get("period"), sort_keys=True) for b in lines if b.get("kind") == "revised"}
        for b in lines:
            period = json.dumps(b.get("period"), sort_keys=True)
            if b.get("kind") == "revised" or period not in revised:
                add(budgets, (b["value"]["currency"], int(b["period"]["start"][:4])), Decimal(b["value"]["amount"]))
        for t in pr.get("transactions", []):
            if t["type"] in ("disbursement", "expenditure"):
                add(spent, (t["value"]["currency"], int(t["date"][:4])), Decimal(t["value"]["amount"]))
    return table(budgets, spent)


if __name__ == "__main__":
    print(json.dumps({
        "example": kartan_json(ROOT / "core/src/embedded/example.json"),
        "results_nl_ngos_2021": iati(REAL / "iati/results_nl_ngos_2021.xml"),
    }, indent=1))
