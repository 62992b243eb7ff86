"""Independent computation (Python json + decimal, no kartan) of the figures that
core/tests/table_cohesion.rs and core/tests/table_money.rs assert for the two cohesion-policy files.

Run from the repository root:  python3 tests/reference/cohesion_reference.py
It prints the figures as JSON; each one appears literally in the Rust test.
"""

import collections
import json
import pathlib
from decimal import Decimal

ROOT = pathlib.Path(__file__).resolve().parents[2]
COHESION = ROOT.parent / "shared/data/real/cohesion"


def projektbanken():
    rows = json.loads((COHESION / "se_tillvaxtverket_erdf_projektbanken_2014-2020_snapshot2016.json").read_text("utf-8"))
    by_programme = collections.Counter(r["område"] for r in rows)
    sek = collections.defaultdict(int)
    for r in rows:
        sek[r["område"]] += r["beviljat_belopp_sek"]
    counties = collections.Counter(c.strip() for r in rows for c in r["län"].split(",") if c.strip())
    return {
        "projects": len(rows),
        "granted_sek_total": sum(r["beviljat_belopp_sek"] for r in rows),
        "beneficiaries": len({r["stödmottagare"].strip() for r in rows}),
        "projects_by_regional_programme": dict(by_programme.most_common()),
        "granted_sek_by_regional_programme": dict(sek),
        "priority_axes": len({r["insatsområde"] for r in rows}),
        "thematic_objectives": len({r["tematiskt_mål"] for r in rows}),
        "counties": len(counties),
        "top_counties": counties.most_common(2),
        # The mapping's [[transactions]]: the grant as an outgoing commitment dated at
        # the planned start (core/tests/table_money.rs).
        "commitments": len(rows),
        "committed_sek_by_start_year": dict(sorted(by_start_year(rows).items())),
    }


def by_start_year(rows):
    out = collections.defaultdict(int)
    for r in rows:
        out[int(r["projekt_starttid"][:4])] += r["beviljat_belopp_sek"]
    return out


def interreg():
    rows = json.loads((COHESION / "se_interreg_swedish_partners_2021-2027.json").read_text("utf-8"), parse_float=Decimal)
    projects = {}
    for r in rows:
        projects.setdefault((r["program"], r["projektnamn"]), r)
    roles = collections.Counter(r["organisationsroll"] for r in rows)
    lp_budget = sum(Decimal(r["partnerbudget"]) for r in rows if r["organisationsroll"] == "LP")
    owners = {(r["program"], r["projektnamn"]) for r in rows if r["organisationsroll"] == "LP" and r["organisationsnamn"]}
    return {
        "partner_rows": len(rows),
        "projects_programme_and_name": len(projects),
        "project_names": len({r["projektnamn"] for r in rows}),
        "partners_without_name": sum(1 for r in rows if not r["organisationsnamn"]),
        "organisations": len({r["organisationsnamn"].strip() for r in rows if r["organisationsnamn"]}),
        "partners_by_role": dict(roles),
        "lead_partner_budget": str(lp_budget),
        "partner_budget_total": str(sum(Decimal(r["partnerbudget"]) for r in rows)),
        "projects_with_swedish_lead_partner": len(owners),
        "projects_by_programme": dict(collections.Counter(p for p, _ in projects).most_common()),
    }


if __name__ == "__main__":
    print(json.dumps({"projektbanken": projektbanken(), "interreg": interreg()}, ensure_ascii=False, indent=1, default=str))
