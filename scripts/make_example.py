#!/usr/bin/env python3
"""Writes core/src/embedded/example.json, the illustrative example program (issue 17).

The example takes up the seed program (core/src/embedded/seed.json: the same program,
results matrix, target groups, focus areas, plans and learning model) where the source
document stops, and adds invented but plausible content so that every section of the
learning report has something to show: 30 projects across the two focus areas and the
three levels, budgets (one revised) and spending, indicators of every measure over
2009-2011, the 14 project-leader meetings with their evaluation answers, interim and
final reports with observations, lessons in every phase of the learning cycle,
learning-factor assessments, the three theme publications and the book.

It says that it is invented: the program's subtitle carries the marker in Swedish and
English (the learning report shows the subtitle under its title), and the report
REP-ABOUT says what comes from the source and what does not. The figures the source gives
stay as they are (30 projects, 14 project-leader meetings, three theme publications, the
book). Every organisation name is made up, so no real municipality or region is given
results it never had.

Standard library only and deterministic: the "random" figures come from a small
generator seeded with a constant (mulberry32), so the output is the same byte for byte on
every run and every Python version.

    python3 scripts/make_example.py           # writes core/src/embedded/example.json
    python3 scripts/make_example.py --check   # exit 1 when the committed file differs
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "core/src/embedded/seed.json"
OUT = ROOT / "core/src/embedded/example.json"

MARKER_SV = "Illustrativt exempel: projekt, mätvärden och svar är påhittade"
MARKER_EN = "Illustrative example: projects, figures and answers are invented"
YEARS = (2009, 2010, 2011)


class Rng:
    """mulberry32: a tiny deterministic generator (the same numbers on every platform)."""

    def __init__(self, seed: int) -> None:
        self.state = seed & 0xFFFFFFFF

    def random(self) -> float:
        self.state = (self.state + 0x6D2B79F5) & 0xFFFFFFFF
        t = self.state
        t = ((t ^ (t >> 15)) * (t | 1)) & 0xFFFFFFFF
        t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & 0xFFFFFFFF)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    def int(self, lo: int, hi: int) -> int:
        """An integer in [lo, hi]."""
        return lo + int(self.random() * (hi - lo + 1))

    def pick(self, items):
        return items[int(self.random() * len(items))]


def t(sv: str, en: str) -> dict[str, str]:
    return {"sv": sv, "en": en}


def d(x: date) -> str:
    return x.isoformat()


def money(amount: int) -> dict[str, str]:
    return {"amount": f"{amount}.00", "currency": "SEK"}


# --- organisations (all invented) --------------------------------------------------------

MUNICIPALITIES = ["Granbacka", "Lövsjö", "Stenholma", "Ängsvik", "Hagaby", "Ekeberga", "Myrås", "Fjällbo",
                  "Sandvreta", "Kvarnå"]
COMPANIES = [("Granbacka Näringsliv AB", "Granbacka Business Ltd"), ("Tallmo Utveckling AB", "Tallmo Development Ltd"),
             ("Rönnbäcks Företagscentrum AB", "Rönnbäck Enterprise Centre Ltd"),
             ("Sjöviks Näringslivsbolag AB", "Sjövik Business Company Ltd"),
             ("Norrå Utvecklings AB", "Norrå Development Ltd"), ("Almeby Företagslots AB", "Almeby Business Pilot Ltd")]
COOPERATION = [("Mellanådalens kommunförbund", "Mellanådalen Association of Municipalities"),
               ("Skogsbygdens samverkansråd", "Skogsbygden Cooperation Council"),
               ("Kustlandets kommunalförbund", "Kustlandet Federation of Municipalities"),
               ("Fjällregionens kommunsamverkan", "Fjällregionen Municipal Cooperation"),
               ("Slättbygdens kommunförbund", "Slättbygden Association of Municipalities")]
REGIONS = ["Nordanland", "Sunnanland", "Västerdal", "Österkust", "Mittmark"]
COUNTIES = ["Nordanland", "Sunnanland", "Västerdal", "Österkust"]


def organisations() -> list[dict]:
    orgs = []
    for i, name in enumerate(MUNICIPALITIES):
        orgs.append({"id": f"ORG-KOM-{i + 1:02}", "name": t(f"{name} kommun", f"{name} municipality"),
                     "kind": "municipality", "level": "local", "region": f"{REGIONS[i % 5]}s län"})
    for i, (sv, en) in enumerate(COMPANIES):
        orgs.append({"id": f"ORG-BOL-{i + 1:02}", "name": t(sv, en), "kind": "municipal_company", "level": "local",
                     "region": f"{REGIONS[(i + 2) % 5]}s län"})
    for i, (sv, en) in enumerate(COOPERATION):
        orgs.append({"id": f"ORG-SAM-{i + 1:02}", "name": t(sv, en), "kind": "municipal_cooperation_body",
                     "level": "regional", "region": f"{REGIONS[i]}s län"})
    for i, name in enumerate(REGIONS):
        orgs.append({"id": f"ORG-REG-{i + 1:02}", "name": t(f"Region {name}", f"Region {name}"),
                     "kind": "regional_body", "level": "regional", "region": f"{name}s län"})
    for i, name in enumerate(COUNTIES):
        orgs.append({"id": f"ORG-LST-{i + 1:02}", "name": t(f"Länsstyrelsen i {name}s län",
                                                              f"County Administrative Board of {name}"),
                     "kind": "county_administrative_board", "level": "regional", "region": f"{name}s län"})
    return orgs


# --- projects --------------------------------------------------------------------------

# (title sv, title en, owner id, extra levels, matrix items it expects to contribute to)
LOCAL = "local"
REGIONAL = "regional"
NATIONAL = "national"
FA1_PROJECTS = [
    ("Företagslots i kommunhuset", "A business pilot in the town hall", "ORG-KOM-01", [],
     ["M-LOC-EFF-1", "M-LOC-EXP-1"]),
    ("Upphandling som tillväxtverktyg", "Procurement as a tool for growth", "ORG-KOM-02", [],
     ["M-LOC-EXP-5", "M-LOC-EFF-1"]),
    ("Snabbare besked till företag", "Faster answers to businesses", "ORG-KOM-03", [],
     ["M-LOC-EFF-1", "M-LOC-EFF-4"]),
    ("Handeln som tillväxtfaktor i Ängsvik", "Trade as a growth factor in Ängsvik", "ORG-KOM-04", [],
     ["M-LOC-EXP-5", "M-LOC-EFF-5"]),
    ("Näringslivsklimat i dialog", "Business climate in dialogue", "ORG-KOM-05", [],
     ["M-LOC-EXP-4", "M-LOC-EFF-3"]),
    ("Den innovativa kommunen – Ekeberga", "The innovative municipality – Ekeberga", "ORG-KOM-06", [LOCAL, REGIONAL],
     ["M-LOC-EXP-2", "M-REG-EXP-1"]),
    ("Besöksnäring året runt", "Tourism all year round", "ORG-KOM-07", [], ["M-LOC-EFF-5", "M-LOC-EXP-3"]),
    ("Unga företagare i Fjällbo", "Young entrepreneurs in Fjällbo", "ORG-KOM-08", [], ["M-LOC-EFF-5"]),
    ("Kompetensförsörjning i småföretag", "Skills supply in small firms", "ORG-KOM-09", [],
     ["M-LOC-EFF-4", "M-LOC-EXP-1"]),
    ("Generationsskifte i företag", "Business succession", "ORG-KOM-10", [], ["M-LOC-EXP-1", "M-LOC-EFF-5"]),
    ("Företagsbesök som metod", "Company visits as a method", "ORG-BOL-01", [], ["M-LOC-EXP-1", "M-LOC-EFF-1"]),
    ("Etableringsservice", "An establishment service", "ORG-BOL-02", [], ["M-LOC-EFF-1", "M-LOC-EFF-3"]),
    ("Nätverk för tillverkande företag", "A network of manufacturers", "ORG-BOL-03", [], ["M-LOC-EXP-3"]),
    ("Lokal mat som tillväxtmotor", "Local food as a growth engine", "ORG-BOL-04", [], ["M-LOC-EFF-5"]),
    ("Digitala tjänster för företag", "Digital services for businesses", "ORG-BOL-05", [LOCAL, NATIONAL],
     ["M-LOC-EXP-1", "M-NAT-EXP-1"]),
    ("Samordnad företagsservice", "Coordinated business services", "ORG-BOL-06", [],
     ["M-LOC-EFF-1", "M-LOC-EXP-4"]),
]
FA2_PROJECTS = [
    ("Regional samverkan kring företagsfrämjande", "Regional cooperation on business support", "ORG-SAM-01", [],
     ["M-REG-EXP-5", "M-REG-EFF-3"]),
    ("Gemensam näringslivsstrategi", "A joint business strategy", "ORG-SAM-02", [], ["M-REG-EFF-2", "M-REG-EXP-4"]),
    ("Kustlandets tillväxtforum", "Kustlandet growth forum", "ORG-SAM-03", [], ["M-REG-EXP-3", "M-REG-EFF-3"]),
    ("Fjällregionens besöksnäringsprocess", "Fjällregionen tourism process", "ORG-SAM-04", [],
     ["M-REG-EXP-1", "M-REG-EFF-1"]),
    ("Slättbygdens kompetensplattform", "Slättbygden skills platform", "ORG-SAM-05", [],
     ["M-REG-EFF-4", "M-REG-EXP-3"]),
    ("Regionalt tillväxtprogram i praktiken", "A regional growth programme in practice", "ORG-REG-01",
     [REGIONAL, NATIONAL], ["M-REG-EFF-2", "M-NAT-EFF-3"]),
    ("Lärande regionala processer", "Learning regional processes", "ORG-REG-02", [], ["M-REG-EFF-4", "M-REG-EFF-1"]),
    ("Innovationsarenor i Västerdal", "Innovation arenas in Västerdal", "ORG-REG-03", [],
     ["M-REG-EXP-2", "M-REG-EFF-3"]),
    ("Uppföljning som styrverktyg", "Monitoring as a steering tool", "ORG-REG-04", [REGIONAL, NATIONAL],
     ["M-REG-EFF-1", "M-NAT-EFF-1"]),
    ("Mittmarks samverkansmodell", "The Mittmark cooperation model", "ORG-REG-05", [], ["M-REG-EXP-5"]),
    ("Länsgemensam företagsservice", "County-wide business services", "ORG-LST-01", [], ["M-REG-EFF-1"]),
    ("Landsbygdens tillväxtprocesser", "Growth processes in the countryside", "ORG-LST-02", [],
     ["M-REG-EXP-1", "M-REG-EFF-4"]),
    ("Regional analys för kommunerna", "Regional analysis for the municipalities", "ORG-LST-03",
     [REGIONAL, LOCAL], ["M-REG-EXP-2", "M-LOC-EFF-2"]),
    ("Samordning av statliga insatser", "Coordinating state efforts", "ORG-LST-04", [REGIONAL, NATIONAL],
     ["M-REG-EFF-2", "M-NAT-EFF-3"]),
]

CANCELLED = "P14"
FINALISING = ("P09", "P27")
REVISED = "P07"


def period(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def project_years(actual_start: date, actual_end: date) -> list[int]:
    return [y for y in YEARS if date(y, 1, 1) <= actual_end and date(y, 12, 31) >= actual_start]


def budgets_and_spending(rng: Rng, pid: str, owner: str, years: list[int], start: date, end: date,
                         cancelled: bool) -> tuple[list[dict], list[dict], int]:
    per_year = {y: rng.int(6, 18) * 50_000 for y in years}
    budgets = [{"kind": "original", "period": {"start": f"{y}-01-01", "end": f"{y}-12-31"}, "value": money(a)}
               for y, a in per_year.items()]
    if pid == REVISED:
        # The one revised budget: 2010 raised when a second municipality joined. It
        # replaces the original line for 2010, it does not add to it.
        per_year[2010] = per_year[2010] + 250_000
        budgets.append({"kind": "revised", "period": {"start": "2010-01-01", "end": "2010-12-31"},
                        "value": money(per_year[2010])})
    total = sum(per_year.values())
    provider = {"organisation": "tillvaxtverket"}
    receiver = {"organisation": owner}
    transactions = [{"reference": f"{pid}-C1", "type": "outgoing_commitment", "date": d(start),
                     "value": money(total), "provider": provider, "receiver": receiver,
                     "description": t("Beslut om projektstöd", "Decision on project support")}]
    spent_share = 0.35 if cancelled else rng.int(82, 100) / 100
    n = 0
    for y in years:
        paid = round(per_year[y] * spent_share / 1000) * 1000
        day = min(date(y, 11, 15), end - timedelta(days=5))
        if day < start:
            continue
        n += 1
        transactions.append({"reference": f"{pid}-D{n}", "type": "disbursement", "date": d(day),
                             "value": money(paid), "provider": provider, "receiver": receiver,
                             "description": t(f"Utbetalning {y}", f"Payment {y}")})
    return budgets, transactions, total


def scale(rng: Rng, base: float, spread: float) -> float:
    return base * (1 + spread * (rng.random() * 2 - 1))


def unit_indicator(rng: Rng, iid: str, title: dict, unit: str, years: list[int], per_year: int,
                   cumulative: bool, matrix: list[str], sex: str | None = None) -> dict:
    """A unit indicator with a baseline of 0 and a target and actual per year.

    ``sex`` = "sums" gives a female/male breakdown that adds up to each actual;
    "short" gives one whose parts fall short of the total (the data-quality check flags it).
    """
    periods = []
    running_target = running_actual = 0
    for k, y in enumerate(years):
        target = max(2, round(scale(rng, per_year, 0.2)))
        actual = max(0, round(target * scale(rng, 1.0, 0.35)))
        running_target += target
        running_actual += actual
        tv, av = (running_target, running_actual) if cumulative else (target, actual)
        s, e = period(y)
        actuals = [{"value": str(av), "reported": f"{y + 1}-02-15"}]
        if sex and not cumulative:
            women = round(av * (0.42 + 0.2 * rng.random()))
            men = av - women
            if sex == "short" and k == len(years) - 1:
                men -= 2
                actuals[0]["comment"] = t("Två deltagare angav inget kön; de ingår i totalen men inte i fördelningen.",
                                          "Two participants gave no sex; they are in the total but not in the breakdown.")
            actuals += [{"value": str(women), "dimensions": [{"name": "sex", "value": "female"}]},
                        {"value": str(men), "dimensions": [{"name": "sex", "value": "male"}]}]
        periods.append({"start": d(s), "end": d(e), "targets": [{"value": str(tv)}], "actuals": actuals})
    ind = {"id": iid, "measure": "unit", "cumulation": "cumulative" if cumulative else "non_cumulative",
           "title": title, "unit": unit,
           "baselines": [{"year": 2008, "value": "0"}], "periods": periods,
           "life_target": str(running_target), "matrix_items": matrix}
    return order_indicator(ind)


def percentage_indicator(rng: Rng, iid: str, title: dict, years: list[int], matrix: list[str]) -> dict:
    base_den = rng.int(20, 40)
    base_share = 0.30 + 0.15 * rng.random()
    base_num = round(base_den * base_share)
    periods = []
    share = base_share
    for y in years:
        den = rng.int(18, 48)
        share = min(0.9, share + 0.05 + 0.12 * rng.random())
        num = round(den * share)
        target_num = round(den * min(0.85, base_share + 0.15 * (y - 2008)))
        s, e = period(y)
        target = {"value": pct(target_num, den), "numerator": str(target_num), "denominator": str(den)}
        periods.append({"start": d(s), "end": d(e), "targets": [target],
                        "actuals": [{"value": pct(num, den), "numerator": str(num), "denominator": str(den),
                                     "reported": f"{y + 1}-02-15"}]})
    ind = {"id": iid, "measure": "percentage", "cumulation": "latest_value", "title": title,
           "baselines": [{"year": 2008, "value": pct(base_num, base_den), "numerator": str(base_num),
                          "denominator": str(base_den),
                          "comment": t("Enkät till deltagande företag vid projektstart",
                                       "Survey of participating firms at the start")}],
           "periods": periods, "matrix_items": matrix}
    return order_indicator(ind)


def pct(num: int, den: int) -> str:
    """num/den in percent with two decimals, exact when it ends there (never a float's tail)."""
    hundredths = (num * 10000 * 2 + den) // (2 * den)
    return f"{hundredths // 100}.{hundredths % 100:02}"


INDICATOR_KEYS = ["id", "measure", "direction", "cumulation", "title", "description", "unit", "baselines",
                  "periods", "life_target", "contributors", "matrix_items"]


def order_indicator(ind: dict) -> dict:
    assert set(ind) <= set(INDICATOR_KEYS), set(ind) - set(INDICATOR_KEYS)
    return {k: ind[k] for k in INDICATOR_KEYS if k in ind}


def special_indicators(pid: str, years: list[int]) -> list[dict]:
    """The indicators that show the measures and directions the template ones do not."""
    last = years[-1]
    if pid == "P03":
        values = {2009: "38", 2010: "34", 2011: "30"}
        return [order_indicator({
            "id": "P03-I3", "measure": "unit", "direction": "descending", "cumulation": "latest_value",
            "title": t("Handläggningstid för bygglov till företag", "Processing time for business building permits"),
            "unit": "dagar",
            "baselines": [{"year": 2008, "value": "40", "comment": t("Medianvärde 2008", "Median in 2008")}],
            "periods": [{"start": f"{y}-01-01", "end": f"{y}-12-31", "targets": [{"value": str(40 - 7 * (i + 1))}],
                         "actuals": [{"value": values[y], "reported": f"{y + 1}-01-31"}]} for i, y in enumerate(years)],
            "life_target": "20", "matrix_items": ["M-LOC-EFF-1"]})]
    if pid == "P05":
        statements = {
            2009: t("Dialogen med företagen sker främst vid enskilda ärenden.",
                    "Dialogue with firms happens mainly case by case."),
            2010: t("Kvartalsvisa frukostmöten har införts; företagen efterfrågar uppföljning.",
                    "Quarterly breakfast meetings have begun; firms ask for follow-up."),
            2011: t("Företagarföreningen och kommunen har en gemensam handlingsplan.",
                    "The business association and the municipality share an action plan."),
        }
        return [order_indicator({
            "id": "P05-I3", "measure": "qualitative",
            "title": t("Samverkansklimatet mellan kommun och näringsliv",
                       "The climate of cooperation between the municipality and business"),
            "baselines": [{"year": 2008, "text": t("Få gemensamma mötesplatser.", "Few shared meeting places.")}],
            "periods": [{"start": f"{y}-01-01", "end": f"{y}-12-31",
                         "targets": [{"text": t("En gemensam handlingsplan", "A shared action plan")}] if y == last else [],
                         "actuals": [{"text": statements[y], "reported": f"{y + 1}-01-31"}]} for y in years],
            "matrix_items": ["M-LOC-EXP-4", "M-LOC-EFF-3"]})]
    if pid == "P18":
        levels = {2009: ("1", "Nivå 1: informationsutbyte", "Level 1: sharing information"),
                  2010: ("2", "Nivå 2: samordnade aktiviteter", "Level 2: coordinated activities"),
                  2011: ("3", "Nivå 3: gemensam strategi", "Level 3: a joint strategy")}
        return [order_indicator({
            "id": "P18-I3", "measure": "ordinal",
            "title": t("Mognad i den regionala samverkan (nivå 1–4)", "Maturity of regional cooperation (level 1–4)"),
            "baselines": [{"year": 2008, "value": "1", "text": t("Nivå 1: informationsutbyte", "Level 1: sharing information")}],
            "periods": [{"start": f"{y}-01-01", "end": f"{y}-12-31",
                         "targets": [{"value": "3"}] if y == last else [],
                         "actuals": [{"value": levels[y][0], "text": t(levels[y][1], levels[y][2])}]} for y in years],
            "matrix_items": ["M-REG-EFF-2"]})]
    if pid == "P20":
        return [order_indicator({
            "id": "P20-I3", "measure": "nominal",
            "title": t("Form för samverkan mellan länets aktörer", "Form of cooperation between the county's actors"),
            "periods": [{"start": f"{y}-01-01", "end": f"{y}-12-31",
                         "actuals": [{"text": t("Informellt nätverk", "Informal network") if y < last
                                      else t("Avsiktsförklaring", "Letter of intent")}]} for y in years],
            "matrix_items": ["M-REG-EXP-5"]})]
    return []


def projects(rng: Rng, orgs: dict[str, dict]) -> list[dict]:
    out = []
    all_projects = [(p, "FA-1") for p in FA1_PROJECTS] + [(p, "FA-2") for p in FA2_PROJECTS]
    for n, ((sv, en, owner, levels, items), fa) in enumerate(all_projects):
        pid = f"P{n + 1:02}"
        org = orgs[owner]
        levels = levels or [org["level"]]
        planned_start = date(2009, rng.int(2, 9), 1)
        planned_end = date(2011, rng.int(3, 6), 30 if rng.random() < 0.5 else 28)
        actual_start = planned_start + timedelta(days=rng.int(0, 45))
        cancelled = pid == CANCELLED
        if cancelled:
            actual_end = date(2010, 9, 30)
            status = "cancelled"
        else:
            actual_end = planned_end + timedelta(days=rng.pick([0, 0, 0, 31, 61, 92]))
            status = "finalisation" if pid in FINALISING else "closed"
        years = project_years(actual_start, actual_end)
        budgets, transactions, _ = budgets_and_spending(rng, pid, owner, years, actual_start, actual_end, cancelled)
        if fa == "FA-1":
            indicators = [
                unit_indicator(rng, f"{pid}-I1", t("Företag som deltagit i projektets aktiviteter",
                                                   "Firms taking part in the project's activities"),
                               "företag", years, rng.int(15, 45), False, items[:1]),
                percentage_indicator(rng, f"{pid}-I2", t("Andel deltagande företag som anger ökad kunskap",
                                                         "Share of participating firms reporting increased knowledge"),
                                     years, ["M-LOC-EFF-4"]),
            ]
            result_title = t("Fler och växande företag", "More and growing firms")
        else:
            indicators = [
                unit_indicator(rng, f"{pid}-I1", t("Nya samverkansparter (ackumulerat)",
                                                   "New cooperation partners (cumulative)"),
                               "organisationer", years, rng.int(2, 6), True, ["M-REG-EFF-3"]),
                unit_indicator(rng, f"{pid}-I2", t("Deltagare i utbildningar och seminarier",
                                                   "Participants in training and seminars"),
                               "personer", years, rng.int(25, 70), False, ["M-REG-EFF-4"],
                               sex="short" if pid == "P22" else "sums"),
            ]
            result_title = t("Starkare regionala tillväxtprocesser", "Stronger regional growth processes")
        indicators += special_indicators(pid, years)
        project = {
            "id": pid,
            "title": t(sv, en),
            "description": t(f"Påhittat exempelprojekt inom {'lokal näringslivsutveckling' if fa == 'FA-1' else 'regionala tillväxtprocesser'}.",
                             f"Invented example project in {'local business development' if fa == 'FA-1' else 'regional growth processes'}."),
            "owner": owner,
            "manager_role": t("projektledare", "project leader"),
            "focus_area": fa,
            "levels": levels,
            "status": status,
            "planned": {"start": d(planned_start), "end": d(planned_end)},
            "actual": {"start": d(actual_start), "end": d(actual_end)},
            "budgets": budgets,
            "transactions": transactions,
            "regions": [org["region"]],
            "results": [{"id": f"{pid}-R1", "type": "outcome", "title": result_title, "indicators": indicators}],
            "contributes_to": items,
        }
        out.append(project)
    return out


def program_results(projs: list[dict]) -> list[dict]:
    fa1 = [p for p in projs if p["focus_area"] == "FA-1"]
    fa2 = [p for p in projs if p["focus_area"] == "FA-2"]
    return [
        {"id": "R-PRG-1", "type": "outcome", "title": t("Företag som nåtts av projekten", "Firms reached by the projects"),
         "indicators": [order_indicator({
             "id": "PRG-FIRMS", "measure": "unit", "cumulation": "non_cumulative",
             "title": t("Företag som deltagit i projektens aktiviteter", "Firms taking part in the projects' activities"),
             "unit": "företag", "baselines": [{"year": 2008, "value": "0"}], "life_target": "1500",
             "contributors": [f"{p['id']}-I1" for p in fa1], "matrix_items": ["M-LOC-EFF-5"]})]},
        {"id": "R-PRG-2", "type": "outcome", "title": t("Ökad kunskap i företagen", "Increased knowledge in firms"),
         "indicators": [order_indicator({
             "id": "PRG-KNOWLEDGE", "measure": "percentage", "cumulation": "latest_value",
             "title": t("Andel deltagande företag som anger ökad kunskap",
                        "Share of participating firms reporting increased knowledge"),
             "life_target": "75", "contributors": [f"{p['id']}-I2" for p in fa1], "matrix_items": ["M-LOC-EFF-4"]})]},
        {"id": "R-PRG-3", "type": "outcome", "title": t("Nya samverkansparter", "New cooperation partners"),
         "indicators": [order_indicator({
             "id": "PRG-PARTNERS", "measure": "unit", "cumulation": "cumulative",
             "title": t("Nya samverkansparter i regionala processer (ackumulerat)",
                        "New cooperation partners in regional processes (cumulative)"),
             "unit": "organisationer", "baselines": [{"year": 2008, "value": "0"}], "life_target": "150",
             "contributors": [f"{p['id']}-I1" for p in fa2], "matrix_items": ["M-REG-EFF-3"]})]},
    ]


# --- activities ------------------------------------------------------------------------

PLM_THEMES = [
    ("Uppstart: projektens mål och karta", "Start: the projects' goals and the map"),
    ("Projektlogik och indikatorer", "Project logic and indicators"),
    ("Offentlig upphandling", "Public procurement"),
    ("Att leda utvecklingsarbete", "Leading development work"),
    ("Näringslivsklimat", "Business climate"),
    ("Samverkan lokalt och regionalt", "Cooperation locally and regionally"),
    ("Halvtid: vad har vi lärt oss?", "Halfway: what have we learnt?"),
    ("Kommunikation och spridning", "Communication and dissemination"),
    ("Handel som tillväxtfaktor", "Trade as a growth factor"),
    ("Fel och misstag som lärande", "Errors and mistakes as learning"),
    ("Uppföljning och utvärdering", "Monitoring and evaluation"),
    ("Hållbar tillväxt", "Sustainable growth"),
    ("Att förankra resultaten", "Anchoring the results"),
    ("Inför avslutningen", "Before the close"),
]


def plm_dates() -> list[date]:
    months = [(2009, 3), (2009, 5), (2009, 9), (2009, 11), (2010, 2), (2010, 4), (2010, 6), (2010, 9), (2010, 11),
              (2011, 1), (2011, 3), (2011, 5), (2011, 8), (2011, 10)]
    out = []
    for y, m in months:
        day = date(y, m, 10)
        while day.weekday() != 2:  # a Wednesday
            day += timedelta(days=1)
        out.append(day)
    return out


def activities(rng: Rng, seed_acts: list[dict], projs: list[dict]) -> list[dict]:
    acts = []
    for i, (day, (sv, en)) in enumerate(zip(plm_dates(), PLM_THEMES)):
        planned = day
        held = day + timedelta(days=7) if i == 7 else day  # meeting 8 moved a week
        leaders = rng.int(16, 27)
        acts.append({
            "id": f"PLM-{i + 1:02}", "kind": "project_leader_meeting", "title": t(f"Projektledarträff {i + 1}: {sv}",
                                                                                 f"Project-leader meeting {i + 1}: {en}"),
            "scope": "external", "plan": "PLAN-PLM", "state": "held",
            "planned": {"start": d(planned), "end": d(planned + timedelta(days=1))},
            "held": {"start": d(held), "end": d(held + timedelta(days=1))},
            "participants": [
                {"level": "local", "role": t("projektledare", "project leaders"), "count": leaders // 2 + 3},
                {"level": "regional", "role": t("projektledare", "project leaders"), "count": leaders - leaders // 2 - 3},
                {"level": "national", "role": t("programhandläggare", "program officers"), "count": rng.int(2, 4)},
            ],
            "matrix_items": ["M-LOC-EXP-4", "M-REG-EXP-4", "M-LOC-EXP-3"],
        })
    by_id = {a["id"]: copy.deepcopy(a) for a in seed_acts}
    theme1, theme2, book, closing = (by_id["ACT-THEME-1"], by_id["ACT-THEME-2"], by_id["ACT-BOOK"],
                                     by_id["ACT-PLM-CLOSING"])
    theme1.update(state="held", held={"start": "2010-05-20", "end": "2010-05-20"},
                  matrix_items=["M-NAT-EXP-1", "M-LOC-EXP-1"])
    theme1["outputs"][0]["date"] = "2010-05"
    # The source states three theme publications and two titles; the example reads
    # "Lokalt tillväxtarbete 1-2" as two parts (the seed's note says the source does not).
    theme2.update(title=t("Lokalt tillväxtarbete 1", "Lokalt tillväxtarbete 1 (Local growth work 1)"),
                  description=t("Exemplet läser ”Lokalt tillväxtarbete 1-2” som två delar; källan säger det inte.",
                                "The example reads \"Lokalt tillväxtarbete 1-2\" as two parts; the source does not say so."),
                  state="held", held={"start": "2010-10-14", "end": "2010-10-14"}, matrix_items=["M-LOC-EXP-1"])
    theme2["outputs"] = [{"title": theme2["title"], "kind": "theme_publication", "date": "2010-10"}]
    theme3 = copy.deepcopy(theme2)
    theme3.update(id="ACT-THEME-3", title=t("Lokalt tillväxtarbete 2", "Lokalt tillväxtarbete 2 (Local growth work 2)"),
                  held={"start": "2011-03-17", "end": "2011-03-17"}, matrix_items=["M-LOC-EXP-1", "M-REG-EXP-2"])
    theme3["outputs"] = [{"title": theme3["title"], "kind": "theme_publication", "date": "2011-03"}]
    book.update(state="held", held={"start": "2011-09-22", "end": "2011-09-22"},
                matrix_items=["M-NAT-EXP-1", "M-LOC-EXP-2"])
    book["outputs"][0]["date"] = "2011-09"
    closing.update(state="held", planned={"start": "2011-04-14", "end": "2011-04-15"},
                   held={"start": "2011-04-14", "end": "2011-04-15"},
                   description=t("Året 2011 är exemplets; källan anger bara 14-15 april.",
                                 "The year 2011 is the example's; the source gives only 14-15 April."))
    closing["participants"] = [
        {"role": t("projektledare", "project leaders"), "count": 27},
        {"role": t("projektägare", "project owners"), "count": 19},
        {"role": t("externa deltagare", "external participants"), "count": 12},
    ]
    acts += [theme1, theme2, theme3, book, closing]
    for i, (day, sv, en, group, count) in enumerate([
        ("2009-10-08", "Seminarium: offentlig upphandling och lokala företag", "Seminar: public procurement and local firms", "TG-1", 64),
        ("2010-03-11", "Seminarium: regionala tillväxtprocesser", "Seminar: regional growth processes", "TG-4", 48),
        ("2010-11-18", "Seminarium: handeln som tillväxtfaktor", "Seminar: trade as a growth factor", "TG-2", 37),
        ("2011-06-09", "Seminarium: den innovativa kommunen", "Seminar: the innovative municipality", "TG-1", 71),
    ]):
        level = "local" if group in ("TG-1", "TG-2") else "regional"
        acts.append({"id": f"SEM-{i + 1}", "kind": "seminar", "title": t(sv, en), "scope": "external", "state": "held",
                     "planned": {"start": day, "end": day}, "held": {"start": day, "end": day},
                     "participants": [{"target_group": group, "level": level, "role": t("deltagare", "participants"),
                                       "count": count},
                                      {"level": "national", "role": t("myndigheter", "agencies"), "count": rng.int(3, 8)}],
                     "matrix_items": ["M-LOC-EXP-2" if level == "local" else "M-REG-EXP-1"]})
    acts.append({"id": "SEM-5", "kind": "seminar", "title": t("Seminarium: landsbygdens företag",
                                                               "Seminar: rural businesses"),
                 "scope": "external", "state": "cancelled", "planned": {"start": "2011-11-10", "end": "2011-11-10"},
                 "description": t("Inställt: för få anmälda.", "Cancelled: too few registrations.")})
    acts.append({"id": "CONF-1", "kind": "conference", "title": t("Programkonferens 2010", "Program conference 2010"),
                 "scope": "external", "state": "held", "planned": {"start": "2010-09-29", "end": "2010-09-30"},
                 "held": {"start": "2010-09-29", "end": "2010-09-30"},
                 "participants": [{"target_group": "TG-1", "level": "local", "role": t("kommuner", "municipalities"), "count": 86},
                                  {"target_group": "TG-4", "level": "regional", "role": t("regioner", "regions"), "count": 41},
                                  {"target_group": "TG-5", "level": "regional", "role": t("länsstyrelser", "county boards"), "count": 23},
                                  {"level": "national", "role": t("departement och myndigheter", "ministries and agencies"), "count": 17}],
                 "matrix_items": ["M-NAT-EXP-1", "M-REG-EXP-3"]})
    acts.append({"id": "TRAIN-1", "kind": "training", "title": t("Utbildning: projektledning för lärande",
                                                                  "Training: project management for learning"),
                 "scope": "external", "state": "held", "planned": {"start": "2009-05-26", "end": "2009-05-27"},
                 "held": {"start": "2009-05-26", "end": "2009-05-27"},
                 "participants": [{"level": "local", "role": t("projektledare", "project leaders"), "count": 18},
                                  {"level": "regional", "role": t("projektledare", "project leaders"), "count": 11}],
                 "matrix_items": ["M-LOC-EFF-4"]})
    acts.append({"id": "TRAIN-2", "kind": "training", "title": t("Utbildning: uppföljning med indikatorer",
                                                                  "Training: monitoring with indicators"),
                 "scope": "internal", "state": "held", "planned": {"start": "2010-01-20", "end": "2010-01-20"},
                 "held": {"start": "2010-01-20", "end": "2010-01-20"},
                 "participants": [{"level": "national", "role": t("programhandläggare", "program officers"), "count": 9}],
                 "matrix_items": ["M-NAT-EFF-1"]})
    acts.append({"id": "KS-1", "kind": "knowledge_support", "title": t("Kunskapsstöd: metodbank på webben",
                                                                        "Knowledge support: a method bank on the web"),
                 "scope": "external", "state": "held", "planned": {"start": "2010-02"}, "held": {"start": "2010-04"},
                 "matrix_items": ["M-LOC-EXP-1", "M-REG-EXP-2"]})
    acts.append({"id": "ACT-PLM-EVAL", "kind": "event_evaluation", "plan": "PLAN-PLM-EVAL",
                 "title": t("Enkät efter varje projektledarträff", "A questionnaire after each project-leader meeting"),
                 "description": t("Svaren finns i utvärderingen EVAL-PLM.", "The answers are in the evaluation EVAL-PLM."),
                 "scope": "internal", "state": "held", "planned": {"start": "2009-03", "end": "2011-10"},
                 "held": {"start": "2009-03", "end": "2011-10"}})
    acts.append({"id": "ACT-EXT-EVAL", "kind": "external_evaluation", "plan": "PLAN-EXT-EVAL",
                 "title": t("Extern utvärdering av programmet", "External evaluation of the program"),
                 "scope": "external", "state": "held", "planned": {"start": "2011-09", "end": "2011-12"},
                 "held": {"start": "2011-09-01", "end": "2011-12-15"}, "matrix_items": ["M-NAT-EFF-3"]})
    for k, pid in enumerate(("P02", "P06", "P16", "P23")):
        proj = next(p for p in projs if p["id"] == pid)
        day = "2011-02" if k % 2 == 0 else "2010-11"
        acts.append({"id": f"PUB-{pid}", "kind": "project_publication", "project": pid,
                     "title": t(f"Projektrapport: {proj['title']['sv']}", f"Project report: {proj['title']['en']}"),
                     "state": "held", "held": {"start": day},
                     "outputs": [{"title": proj["title"], "kind": "project_publication", "date": day}]})
    return [order_activity(a) for a in acts]


ACTIVITY_KEYS = ["id", "kind", "title", "description", "scope", "project", "plan", "state", "planned", "held",
                 "participants", "outputs", "matrix_items"]


def order_activity(a: dict) -> dict:
    assert set(a) <= set(ACTIVITY_KEYS), set(a) - set(ACTIVITY_KEYS)
    return {k: a[k] for k in ACTIVITY_KEYS if k in a}


# --- the evaluation of the 14 meetings ------------------------------------------------------

AGREE = [t("Instämmer inte alls", "Strongly disagree"), t("Instämmer delvis inte", "Disagree"),
         t("Varken eller", "Neither agree nor disagree"), t("Instämmer delvis", "Agree"),
         t("Instämmer helt", "Strongly agree")]
GOOD = [t("Mycket dålig", "Very poor"), t("Dålig", "Poor"), t("Godtagbar", "Acceptable"), t("Bra", "Good"),
        t("Mycket bra", "Very good")]
FREE_TEXT = [
    "Bra att höra hur andra kommuner arbetar med upphandling.",
    "Mer tid för erfarenhetsutbyte i mindre grupper, tack.",
    "Konkreta verktyg som jag kan använda direkt i projektet.",
    "Nya kontakter i grannregionen.",
    "Föreläsningen var för allmän för oss som kommit längre.",
    "Att fler har samma problem med förankring som vi.",
    "Metoden för företagsbesök ska vi prova hemma.",
    "Tydligare koppling till programmets karta vore bra.",
    "Skönt att få prata om det som inte gick som planerat.",
    "Idéer om hur vi kan mäta resultat utan att krångla till det.",
]
# The mean each meeting's answers centre on: lower at the start, a dip at meeting 8
# (moved a week, many missed it), higher towards the end.
PLM_LEVEL = [3.3, 3.4, 3.6, 3.5, 3.8, 3.9, 4.0, 3.6, 4.1, 4.2, 4.2, 4.3, 4.4, 4.4]


def likert(rng: Rng, centre: float) -> int:
    return max(1, min(5, round(centre + (rng.random() + rng.random() - 1) * 1.6)))


def evaluation(rng: Rng, seed_eval: dict, acts: list[dict]) -> dict:
    ev = copy.deepcopy(seed_eval)
    meetings = [a for a in acts if a["kind"] == "project_leader_meeting" and a.get("plan") == "PLAN-PLM"]
    points = lambda labels: {"points": {"points": [{"score": str(i + 1), "label": lab} for i, lab in enumerate(labels)]}}
    ev["instrument"] = {"questions": [
        {"id": "Q1", "text": t("Hur bedömer du träffen som helhet?", "How do you rate the meeting as a whole?"),
         "scale": points(GOOD)},
        {"id": "Q2", "text": t("Jag fick kunskap som jag kan använda i mitt projekt.",
                               "I gained knowledge I can use in my project."), "scale": points(AGREE)},
        {"id": "Q3", "text": t("Erfarenhetsutbytet med andra projekt var värdefullt (ej aktuellt om det var din första träff).",
                               "The exchange with other projects was valuable (not applicable if it was your first meeting)."),
         "scale": points(AGREE)},
        {"id": "Q4", "text": t("Hur troligt är det att du rekommenderar träffarna till en kollega? (0–10)",
                               "How likely are you to recommend the meetings to a colleague? (0–10)"),
         "scale": {"numeric": {"min": "0", "max": "10"}}},
        {"id": "Q5", "text": t("Vad tar du med dig från träffen?", "What do you take home from the meeting?"),
         "scale": "free_text"},
    ]}
    ev["events"] = [m["id"] for m in meetings]
    responses = []
    for k, m in enumerate(meetings):
        centre = PLM_LEVEL[k]
        n = rng.int(14, 23)
        for r in range(n):
            answers: dict[str, object] = {"Q1": {"score": str(likert(rng, centre))},
                                          "Q2": {"score": str(likert(rng, centre - 0.2))}}
            first_time = r < (6 if k == 0 else 2 if k < 4 else 1)
            answers["Q3"] = "not_applicable" if first_time else {"score": str(likert(rng, centre + 0.1))}
            if rng.random() < 0.92:  # some leave the 0-10 item blank
                nps = max(0, min(10, round(2 * centre - 0.5 + (rng.random() - 0.5) * 4)))
                answers["Q4"] = {"score": str(nps)}
            if rng.random() < 0.4:
                answers["Q5"] = {"text": rng.pick(FREE_TEXT)}
            responses.append({"id": f"{m['id']}-R{r + 1:02}", "event": m["id"], "date": m["held"]["start"],
                              "answers": dict(sorted(answers.items()))})
    ev["responses"] = responses
    return {k: ev[k] for k in ["id", "title", "instrument", "events", "plan", "responses"] if k in ev}


# --- reports, lessons, learning factors ---------------------------------------------------

UNEXPECTED = {
    "P02": (t("Tre grannkommuner bildade ett gemensamt upphandlingsråd, vilket inte fanns i planen.",
              "Three neighbouring municipalities formed a joint procurement council, which was not in the plan."), "local"),
    "P13": (t("Två medlemsföretag startade en gemensam exportsatsning.", "Two member firms started a joint export effort."),
            "local"),
    "P21": (t("Regionen införde projektets uppföljningsmodell i hela sin organisation.",
              "The region adopted the project's monitoring model across its organisation."), "regional"),
    "P26": (t("Länsstyrelsens handläggare började delta i kommunernas näringslivsråd.",
              "The county board's officers started to attend the municipalities' business councils."), "regional"),
}

OBSERVATION_TEXT = {
    "EXP": (t("Projektet dokumenterade sin metod som ett gott exempel.", "The project documented its method as a good example."),
            "documented"),
    "EFF": (t("Deltagarna beskriver ett förändrat arbetssätt efter projektet.",
              "The participants describe a changed way of working after the project."), "anecdotal"),
}


def reports(rng: Rng, projs: list[dict]) -> list[dict]:
    out = [{"id": "REP-ABOUT", "kind": "other", "title": t("Om detta exempel", "About this example"),
            "author_role": t("kartan", "kartan"),
            "narrative": t(
                MARKER_SV + ". Programmet, dess syfte, målgrupper, fokusområden, resultatmatris, lärandemodell och "
                "planerade aktiviteter är hämtade ur källdokumentet (se exemplet ”seed”). Allt annat är påhittat för att "
                "visa vad kartan räknar ut: projekten och deras ägare (inga verkliga kommuner eller regioner), datum, "
                "budgetar, utbetalningar, indikatorer, utvärderingssvar, rapporter, lärdomar och bedömningar. Källans "
                "egna antal står kvar: 30 projekt, 14 projektledarträffar, tre temapublikationer och boken.",
                MARKER_EN + ". The program, its purpose, target groups, focus areas, results matrix, learning model and "
                "planned activities come from the source document (see the example \"seed\"). Everything else is "
                "invented to show what kartan computes: the projects and their owners (no real municipality or region), "
                "dates, budgets, payments, indicators, evaluation answers, reports, lessons and assessments. The "
                "source's own numbers stay: 30 projects, 14 project-leader meetings, three theme publications and the book.")}]
    for p in projs:
        pid = p["id"]
        start = date.fromisoformat(p["actual"]["start"])
        end = date.fromisoformat(p["actual"]["end"])
        level = p["levels"][0]
        items = p["contributes_to"]
        interim_day = date(2010, 6, 30) if start < date(2010, 1, 1) else date(2010, 12, 15)
        if interim_day < end:
            item = items[0]
            obs_text, strength = OBSERVATION_TEXT["EXP" if "-EXP-" in item else "EFF"]
            out.append(order_report({
                "id": f"REP-{pid}-INT", "kind": "interim", "title": t(f"Delrapport {pid}", f"Interim report {pid}"),
                "project": pid, "plan": "PLAN-REPORTS", "date": d(interim_day),
                "author_role": t("projektledare", "project leader"),
                "narrative": t("Projektet följer i stort sin plan; aktiviteterna har kommit igång.",
                               "The project broadly follows its plan; its activities are under way."),
                "observations": [{"id": f"OBS-{pid}-INT-1", "text": obs_text, "matrix_item": item, "level": level,
                                  "strength": "anecdotal"}]}))
        if p["status"] == "cancelled":
            out.append(order_report({
                "id": f"REP-{pid}-FIN", "kind": "final", "title": t(f"Slutrapport {pid} (avbrutet)",
                                                                   f"Final report {pid} (cancelled)"),
                "project": pid, "plan": "PLAN-REPORTS", "date": d(end + timedelta(days=45)),
                "author_role": t("projektägare", "project owner"),
                "narrative": t("Projektet avbröts när projektledaren slutade och ingen ersättare kunde rekryteras.",
                               "The project was stopped when its leader left and no replacement could be recruited.")}))
            continue
        observations = []
        for j, item in enumerate(items):
            obs_text, strength = OBSERVATION_TEXT["EXP" if "-EXP-" in item else "EFF"]
            if rng.random() < 0.35:
                strength = "measured"
            observations.append({"id": f"OBS-{pid}-FIN-{j + 1}", "text": obs_text, "matrix_item": item,
                                 "level": item_level(item), "strength": strength,
                                 "source": t("Slutrapportens avsnitt om resultat", "The final report's section on results")})
        if pid in UNEXPECTED:
            text, lvl = UNEXPECTED[pid]
            observations.append({"id": f"OBS-{pid}-FIN-U", "text": text, "level": lvl, "strength": "documented"})
        out.append(order_report({
            "id": f"REP-{pid}-FIN", "kind": "final", "title": t(f"Slutrapport {pid}", f"Final report {pid}"),
            "project": pid, "plan": "PLAN-REPORTS", "date": d(end + timedelta(days=60)),
            "author_role": t("projektledare", "project leader"),
            "narrative": t("Projektet har genomfört sina huvudaktiviteter; resultaten redovisas per indikator.",
                           "The project carried out its main activities; results are given per indicator."),
            "observations": observations}))
    out.append(order_report({
        "id": "REP-PLM-CLOSING", "kind": "meeting_notes", "title": t("Minnesanteckningar från den avslutande träffen",
                                                                    "Notes from the closing meeting"),
        "activity": "ACT-PLM-CLOSING", "date": "2011-04-20", "author_role": t("programhandläggare", "program officer"),
        "narrative": t("Projektledarna och projektägarna gick igenom kartan nivå för nivå.",
                       "The project leaders and owners went through the map level by level."),
        "observations": [
            {"id": "OBS-CLOSING-1", "text": t("Flera projekt vill fortsätta nätverket efter programmet.",
                                              "Several projects want to keep the network after the program."),
             "matrix_item": "M-LOC-EXP-3", "level": "local", "strength": "anecdotal"},
            {"id": "OBS-CLOSING-2", "text": t("Projektägarna efterfrågar en egen mötesplats, skild från projektledarnas.",
                                              "The project owners ask for a meeting place of their own, apart from the leaders'."),
             "level": "local", "strength": "anecdotal"},
        ]}))
    out.append(order_report({
        "id": "REP-EXT-EVAL", "kind": "external_evaluation", "title": t("Extern utvärdering av programmet",
                                                                        "External evaluation of the program"),
        "activity": "ACT-EXT-EVAL", "date": "2011-12-15", "author_role": t("extern utvärderare", "external evaluator"),
        "narrative": t("Programmet har stärkt lärandet hos de lokala och regionala aktörerna; effekterna på tillväxten "
                       "går ännu inte att belägga.",
                       "The program has strengthened learning among local and regional actors; its effect on growth "
                       "cannot yet be shown."),
        "observations": [observation(f"OBS-EXT-{k + 1}", t(sv, en), item, strength, "national")
                         for k, (sv, en, item, strength) in enumerate(EXTERNAL_FINDINGS)]}))
    return out


# What the external evaluation found: (sv, en, matrix item or None, strength).
EXTERNAL_FINDINGS = [
    ("Programmets erfarenheter har använts i beredningen av nästa program.",
     "The program's experience was used in preparing the next program.", "M-NAT-EFF-3", "evaluated"),
    ("Tillväxtverket har ändrat sin rutin för projektuppföljning.",
     "Tillväxtverket changed its routine for following up projects.", "M-NAT-EFF-1", "evaluated"),
    ("Temapublikationerna används i myndighetens utbildningar.",
     "The theme publications are used in the agency's training.", "M-NAT-EXP-1", "documented"),
    ("Handläggarnas kunskap om kommunernas tillväxtarbete har ökat.",
     "The officers' knowledge of the municipalities' growth work has increased.", "M-NAT-EFF-2", "evaluated"),
    ("Ökad tillväxt i företagen går inte att skilja från konjunkturen.",
     "Increased growth in the firms cannot be told apart from the business cycle.", "M-LOC-EFF-5", "anecdotal"),
    ("Programmet gav upphov till ett nationellt nätverk för kommunala näringslivschefer.",
     "The program gave rise to a national network of municipal business managers.", None, "evaluated"),
]


def observation(oid: str, text: dict, item: str | None, strength: str, level: str) -> dict:
    """An observation; its level is the matrix item's, or `level` for one not on the map."""
    obs = {"id": oid, "text": text}
    if item:
        obs["matrix_item"] = item
    obs.update(level=item_level(item) if item else level, strength=strength)
    return obs


def item_level(item: str) -> str:
    return {"NAT": "national", "REG": "regional", "LOC": "local"}[item.split("-")[1]]


REPORT_KEYS = ["id", "kind", "title", "project", "activity", "plan", "date", "author_role", "narrative", "observations"]


def order_report(r: dict) -> dict:
    assert set(r) <= set(REPORT_KEYS), set(r) - set(REPORT_KEYS)
    return {k: r[k] for k in REPORT_KEYS if k in r}


def lessons() -> list[dict]:
    nxt = "next_program"
    rows = [
        ("L-1", "analysis", "REP-P03-FIN", "2011-08-15", t("Indikatorer som projekten själva valt följs upp bättre än påförda.",
                                                          "Indicators the projects chose themselves are followed up better than imposed ones."),
         t("Uppföljning", "Monitoring"), nxt, t("Nästa program låter projekten välja en egen indikator utöver de gemensamma.",
                                                "The next program lets projects choose one indicator of their own beside the shared ones.")),
        ("L-2", "analysis", "EVAL-PLM", "2010-07-01", t("Träffarnas betyg sjönk när programmet flyttade en träff med kort varsel.",
                                                        "The meetings' ratings dropped when the program moved a meeting at short notice."),
         t("Mötesplatser", "Meeting places"), "way_of_working",
         t("Träffarnas datum läggs fast för ett år i taget.", "Meeting dates are fixed a year ahead.")),
        ("L-3", "reflection", "REP-PLM-CLOSING", "2011-04-20", t("Projektägarna behöver en egen arena; de lär sig annat än projektledarna.",
                                                                 "Project owners need an arena of their own; they learn different things from the leaders."),
         t("Förankring", "Anchoring"), nxt, t("Nästa program har särskilda träffar för projektägare.",
                                              "The next program holds separate meetings for project owners.")),
        ("L-4", "reflection", "REP-P14-FIN", "2010-11-15", t("Ett projekt som hänger på en person är sårbart.",
                                                             "A project that depends on one person is vulnerable."),
         t("Projektorganisation", "Project organisation"), nxt, t("Ansökan ska visa hur projektet klarar byte av projektledare.",
                                                                 "Applications must show how the project copes with a change of leader.")),
        ("L-5", "dissemination", "ACT-THEME-1", "2010-09-01", t("Temapublikationerna når fler när projekten själva presenterar dem.",
                                                                "The theme publications reach more people when the projects present them."),
         t("Spridning", "Dissemination"), "project", t("Projekten presenterar publikationerna på regionala seminarier.",
                                                      "The projects present the publications at regional seminars.")),
        ("L-6", "dissemination", "REP-EXT-EVAL", "2011-12-15", t("Resultat på nationell nivå syns först när någon samlar dem.",
                                                                 "Results at national level only show when someone gathers them."),
         t("Spridning", "Dissemination"), "policy", t("Programmets erfarenheter tas in i den nationella strategins uppföljning.",
                                                     "The program's experience is taken into the national strategy's follow-up.")),
        ("L-7", "development", "REP-P21-FIN", "2011-10-01", t("Uppföljningsmodeller som regionerna äger lever vidare efter projektet.",
                                                              "Monitoring models the regions own live on after the project."),
         t("Hållbarhet", "Sustainability"), nxt, t("Nästa program kräver en plan för vem som äger resultaten efteråt.",
                                                   "The next program asks for a plan for who owns the results afterwards.")),
        ("L-8", "development", "EVAL-PLM", "2011-11-01", t("Fel och misstag lyfts oftare när träffarna har tid för samtal i små grupper.",
                                                           "Errors and mistakes come up more often when meetings leave time for small-group talk."),
         t("Lärandekultur", "Learning culture"), nxt, t("Varje träff i nästa program har ett pass för lärande av misstag.",
                                                        "Every meeting of the next program has a session on learning from mistakes.")),
    ]
    out = []
    for lid, phase, source, day, text, theme, kind, applied in rows:
        out.append({"id": lid, "text": text, "phase": phase, "source": source, "theme": theme, "date": day,
                    "applied": [{"kind": kind, "text": applied, "date": "2012-01" if kind == nxt else day}]})
    return out


FACTOR_SCALE = {"points": {"points": [
    {"score": "1", "label": t("Stämmer inte alls", "Not at all true")},
    {"score": "2", "label": t("Stämmer dåligt", "Hardly true")},
    {"score": "3", "label": t("Stämmer delvis", "Partly true")},
    {"score": "4", "label": t("Stämmer ganska bra", "Largely true")},
    {"score": "5", "label": t("Stämmer helt", "Fully true")},
]}}
# How strong each factor is across the projects: participation and room for action are
# strong, errors as a source of learning and time for learning are weak (the pattern the
# lessons L-4 and L-8 react to).
FACTOR_LEVEL = {"LF-1": 3.9, "LF-2": 4.0, "LF-3": 2.6, "LF-4": 3.4, "LF-5": 3.2, "LF-6": 2.8}


def assessments(rng: Rng, projs: list[dict], factors: list[dict]) -> list[dict]:
    out = []
    for p in projs:
        if p["status"] == "cancelled":
            continue
        day = p["actual"]["end"][:7]
        for f in factors:
            score = max(1, min(5, round(FACTOR_LEVEL[f["id"]] + (rng.random() - 0.5) * 2)))
            out.append({"project": p["id"], "factor": f["id"], "score": str(score), "date": day,
                        "assessor_role": t("projektledare och projektägare", "project leader and project owner")})
    return out


# --- the whole ----------------------------------------------------------------------------

def build() -> dict:
    rng = Rng(17)
    seed = json.loads(SEED.read_text(encoding="utf-8"))
    ex = copy.deepcopy(seed)
    prog = ex["program"]
    prog["subtitle"] = t(f"Lärande i programmet. {MARKER_SV} ({MARKER_EN})",
                         f"Learning in the program. {MARKER_EN} ({MARKER_SV})")
    orgs = organisations()
    org_index = {o["id"]: o for o in orgs}
    projs = projects(rng, org_index)
    acts = activities(rng, seed["activities"], projs)
    ev = evaluation(rng, seed["evaluations"][0], acts)

    new_prog = {}
    for key, value in prog.items():
        new_prog[key] = value
        if key == "activity_kinds":
            new_prog["period"] = {"start": "2009-01-01", "end": "2011-12-31"}
            new_prog["budgets"] = [
                {"kind": "original", "period": {"start": f"{y}-01-01", "end": f"{y}-12-31"}, "value": money(a)}
                for y, a in ((2009, 14_000_000), (2010, 16_000_000), (2011, 15_000_000))]
        if key == "stated_project_count":
            new_prog["results"] = program_results(projs)
    for plan in new_prog["plans"]:
        extra = {"PLAN-PLM": (" I exemplet är datumen påhittade.", " In the example the dates are invented."),
                 "PLAN-PLM-EVAL": (" I exemplet är frågorna och svaren påhittade.",
                                   " In the example the questions and answers are invented."),
                 "PLAN-EXT-EVAL": (" I exemplet är utvärderingen och dess tidpunkt påhittade.",
                                   " In the example the evaluation and its time are invented."),
                 "PLAN-PLM-CLOSING": (" I exemplet hålls den 2011.", " In the example it is held in 2011.")}.get(plan["id"])
        if extra:
            plan["note"] = {"sv": plan["note"]["sv"] + extra[0], "en": plan["note"]["en"] + extra[1]}
    learning = {}
    for key, value in new_prog["learning"].items():
        learning[key] = value
        if key == "factors":
            learning["factor_scale"] = FACTOR_SCALE
    new_prog["learning"] = learning
    ex["program"] = new_prog
    ex["organisations"] = seed["organisations"] + orgs
    ex["projects"] = projs
    ex["activities"] = acts
    ex["evaluations"] = [ev]
    ex["reports"] = reports(rng, projs)
    ex["lessons"] = lessons()
    ex["factor_assessments"] = assessments(rng, projs, learning["factors"])
    return ex


def render() -> str:
    return json.dumps(build(), ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file instead of writing it")
    args = parser.parse_args()
    text = render()
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT.relative_to(ROOT)} differs from what scripts/make_example.py writes; "
                  "run python3 scripts/make_example.py and commit the result", file=sys.stderr)
            return 1
        print(f"{OUT.relative_to(ROOT)} is up to date")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(text.encode())} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
