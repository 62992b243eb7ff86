"""Every file in tests/vectors/: the language-neutral cases that the Rust, Python and JS
suites all check. The runner for each kind is listed explicitly in RUNNERS; a case of a
kind the Python package does not bind yet is reported as skipped with its kind (see
`pytest -ra`), never dropped silently, and every bound kind must have run a case."""

from __future__ import annotations

import datetime
import json
import math
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable

import kartan
import pytest
from conftest import VECTORS


def _input(case: dict[str, Any]) -> str | bytes:
    return bytes(case["input_bytes"]) if "input_bytes" in case else case["input"]


def run_json(case: dict[str, Any]) -> None:
    """tests/vectors/json: what the kartan JSON reader says about an input."""
    expected = case["expected"]
    if expected.get("ok"):
        assert len(kartan.Portfolio.from_json(_input(case))) == expected["projects"]
        return
    with pytest.raises(kartan.ParseError) as info:
        kartan.Portfolio.from_json(_input(case))
    err = info.value
    if expected["error"] == "format":
        assert err.pointer == "/format"
    for key in ("line", "column", "pointer"):
        if key in expected:
            assert getattr(err, key) == expected[key], (key, str(err))
    if "offset" in expected:
        assert f"at byte {expected['offset']}" in str(err)
    assert expected["message_contains"] in str(err)


def run_embedded_portfolio(case: dict[str, Any]) -> None:
    """Any vector that embeds a kartan JSON portfolio: it reads, and writes back equal."""
    p = kartan.Portfolio.from_json(json.dumps(case["portfolio"]))
    assert kartan.Portfolio.from_json(p.to_json()) == p
    periods = [period for indicator in p.indicators for period in indicator.periods]
    assert all(isinstance(period.start, datetime.date) for period in periods)
    assert p.tables.periods().num_rows >= len(periods)


# kind -> runner. A vector's kind is its folder, plus `:<query kind>` when it has a query.
RUNNERS: dict[str, Callable[[dict[str, Any]], None]] = {
    "json": run_json,
}
# Checks that apply to every vector of any kind with the given top-level key.
EMBEDDED: dict[str, Callable[[dict[str, Any]], None]] = {
    "portfolio": run_embedded_portfolio,
}


def _kind(path: Path, case: dict[str, Any]) -> str:
    area = path.relative_to(VECTORS).parts[0]
    query = case.get("query")
    return f"{area}:{query['kind']}" if isinstance(query, dict) and "kind" in query else area


def _cases() -> list[tuple[str, Path, dict[str, Any]]]:
    out = []
    for path in sorted(VECTORS.rglob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        out.append((_kind(path, case), path, case))
    return out


CASES = _cases()


@pytest.mark.parametrize(("kind", "path", "case"), CASES, ids=[str(p.relative_to(VECTORS)) for _, p, _ in CASES])
def test_vector(kind: str, path: Path, case: dict[str, Any]) -> None:
    ran = False
    for key, check in EMBEDDED.items():
        if key in case:
            check(case)
            ran = True
    runner = RUNNERS.get(kind)
    if runner is not None:
        runner(case)
    elif not ran:
        pytest.skip(f"vector kind {kind!r} is not bound in Python yet")
    else:
        pytest.skip(f"embedded portfolio checked; query kind {kind!r} is not bound in Python yet")


def test_every_bound_kind_ran() -> None:
    kinds = Counter(kind for kind, _, _ in CASES)
    for kind in RUNNERS:
        assert kinds[kind] > 0, f"no vector of bound kind {kind!r} in {VECTORS}"
    assert sum(1 for _, _, c in CASES if "portfolio" in c) >= 0


def run_report(case: dict[str, Any]) -> None:
    """tests/vectors/report: the learning report's JSON form through the binding, with
    the checks of core/tests/report_vectors.rs (title, sections, notices, tables, lists)."""
    p = kartan.Portfolio.from_json(json.dumps(case["input"]))
    options = case["options"]
    report = json.loads(p.learning.report("json", lang=options["lang"], as_of=datetime.date.fromisoformat(options["as_of"])))
    expected = case["expected"]
    assert report["title"] == expected["title"]
    assert [s["id"] for s in report["sections"]] == expected["section_ids"]
    assert [s["title"] for s in report["sections"]] == expected["section_titles"]
    sections = {s["id"]: s["blocks"] for s in report["sections"]}

    def blocks(section: str, kind: str) -> list[dict[str, Any]]:
        return [b for b in sections[section] if b["type"] == kind]

    for notice in expected["notices"]:
        assert any(b["text"] == notice["text"] for b in blocks(notice["section"], "notice")), notice
    for table in expected["tables"]:
        assert any(
            b["columns"] == table["columns"] and b["rows"] == table["rows"] for b in blocks(table["section"], "table")
        ), table
    for items in expected["lists"]:
        assert any(b["items"] == items["items"] for b in blocks(items["section"], "list")), items
    # the other renderings of the same report
    as_of = datetime.date.fromisoformat(options["as_of"])
    assert p.learning.report("md", lang=options["lang"], as_of=as_of).startswith(f"# {expected['title']}")
    assert expected["title"] in p.learning.report("html", lang=options["lang"], as_of=as_of)


RUNNERS["report"] = run_report


def _split(cell: str | None) -> list[str]:
    return [] if not cell else cell.split("; ")


def run_map_reality(case: dict[str, Any]) -> None:
    """tests/vectors/map_reality: verdicts, plans and unexpected results (the expected
    values of core/tests/survey_map_reality.rs), from the typed answer
    (``p.learning.map_vs_reality``, a ``kartan.answers.MapReality``: each linked
    indicator's progress exact) and from the binding's tables."""
    p = kartan.Portfolio.from_json(json.dumps(case["portfolio"]))
    as_of = datetime.date.fromisoformat(case["as_of"])
    expected = case["expected"]
    answer = p.learning.map_vs_reality(as_of=as_of)
    assert isinstance(answer, kartan.answers.MapReality) and answer.as_of == as_of
    _matches(expected["items"], answer.to_dict()["items"], "/items")
    _matches(expected["plans"], answer.to_dict()["plans"], "/plans")
    progress = [l.progress for i in answer.items for l in i.indicators]
    assert progress == [None if l["progress"] is None else Decimal(l["progress"]) for i in expected["items"] for l in i["indicators"]]
    tables = p.tables.map_vs_reality(as_of=as_of, lang="en")
    items = [
        {
            "item": r["item"], "level": r["level"], "column": r["column"], "evidence": r["evidence"],
            "sources": _split(r["sources"]), "strongest": r["strongest"] or None,
            "indicators": _split(r["indicators"]), "verdict": r["verdict"],
        }
        for r in tables["map_items"].rows(0, 10**6)
    ]
    want_items = [{**i, "indicators": [l["id"] for l in i["indicators"]]} for i in expected["items"]]
    assert items == want_items
    # Each linked indicator's progress (a fraction; float64 in the table, so compared
    # with the exact decimal string to a double's precision), and the count per item.
    linked = [(r["item"], r["indicator"], r["project"], r["progress"]) for r in tables["map_indicators"].rows(0, 10**6)]
    want_linked = [(i["item"], l["id"], l["project"], l["progress"]) for i in expected["items"] for l in i["indicators"]]
    assert [x[:3] for x in linked] == [x[:3] for x in want_linked]
    for got, want in zip(linked, want_linked):
        if want[3] is None:
            assert got[3] is None, got
        else:
            assert got[3] is not None and math.isclose(got[3], float(Decimal(want[3])), rel_tol=1e-15), (got, want)
    counts = [r["indicators_with_progress"] for r in tables["map_items"].rows(0, 10**6)]
    assert counts == [sum(l["progress"] is not None for l in i["indicators"]) for i in expected["items"]]
    plans = [
        {
            "plan": r["plan"], "planned": r["planned"], "held": r["held"], "open": r["open"],
            "cancelled": r["cancelled"], "shortfall": r["shortfall"],
            "last_held": r["last_held"].isoformat() if r["last_held"] else None,
        }
        for r in tables["map_plans"].rows(0, 10**6)
    ]
    assert plans == expected["plans"]
    groups: dict[Any, dict[str, Any]] = {}
    for r in tables["map_unexpected"].rows(0, 10**6):
        g = groups.setdefault(r["level"] or None, {"level": r["level"] or None, "observations": [], "unknown_items": []})
        g["observations"].append(r["observation"])
        g["unknown_items"].append(r["unknown_item"])
    assert list(groups.values()) == expected["unexpected"]


def run_survey(case: dict[str, Any], tmp_dir: Path | None = None) -> None:
    """tests/vectors/survey: a CSV and a survey mapping in, the statistics of
    core/tests/survey_vectors.rs out, through ``kartan.load_survey``."""
    import tempfile

    if "csv" not in case:  # carpentries_expected.json: the pandas reference for the real file
        run_survey_reference(case)
        return
    with tempfile.TemporaryDirectory() as tmp:
        table, mapping = Path(tmp) / "survey.csv", Path(tmp) / "mapping.json"
        table.write_text(case["csv"], encoding="utf-8")
        mapping.write_text(json.dumps(case["mapping"]), encoding="utf-8")
        tables, report = kartan.load_survey(table, mapping, trend=case.get("trend_question"))
    assert not report.skipped
    expected = case["expected"]
    questions = {r["question"]: r for r in tables["survey_questions"].rows(0, 10**6)}
    distribution = tables["survey_distribution"].rows(0, 10**6)
    for want in expected.get("questions", []):
        got = questions[want["question"]]
        for key in ("responses", "n", "not_applicable", "missing"):
            assert got[key] == want[key], (want["question"], key)
        for key in ("mean", "median", "sd", "top_two_box"):
            if want[key] is None:
                assert got[key] is None, (want["question"], key)
            else:
                assert abs(got[key] - want[key]) < 0.00005, (want["question"], key, got[key])
        dist = [r for r in distribution if r["question"] == want["question"]]
        assert [(r["label"], r["score"], r["count"]) for r in dist] == [
            (w["label"], float(w["score"]), w["count"]) for w in want["distribution"]
        ]
    if "trend" in expected:
        points = tables["survey_trend"].rows(0, 10**6)
        assert [(p["event"], p["date"].isoformat(), p["n"]) for p in points] == [
            (w["event"], w["date"], w["n"]) for w in expected["trend"]
        ]
        for p, w in zip(points, expected["trend"]):
            assert abs(p["mean"] - w["mean"]) < 0.00005


def run_survey_reference(case: dict[str, Any]) -> None:
    """carpentries_expected.json: the real Carpentries survey through the example
    mapping, against the pandas reference (counts exact, figures to 2 decimals, as
    core/tests/survey_carpentries.rs)."""
    from conftest import REAL, REPO

    table = REAL.parent.parent / case["source"].removeprefix("shared/")
    mapping = REPO / "examples" / "mappings" / "carpentries_post_survey.toml"
    trend_question = next(iter(case["trends"]))
    tables, report = kartan.load_survey(table, mapping, trend=trend_question)
    assert (report.rows_read, report.rows_imported, report.skipped) == (case["rows"], case["rows"], ())
    two_dp = lambda x: None if x is None else round(x + 1e-12, 2)  # noqa: E731
    questions = tables["survey_questions"].rows(0, 10**6)
    assert [q["question"] for q in questions] == [w["question"] for w in case["questions"]]
    distribution = tables["survey_distribution"].rows(0, 10**6)
    for got, want in zip(questions, case["questions"]):
        assert (got["responses"], got["n"], got["missing"]) == (want["responses"], want["n"], want["missing"])
        for key in ("mean", "median", "sd", "top_two_box"):
            assert two_dp(got[key]) == two_dp(want[key]), (want["question"], key)
        counts = [r["count"] for r in distribution if r["question"] == want["question"]]
        assert counts == [d["count"] for d in want["distribution"]], want["question"]
    events = {r["event"] for r in tables["survey_events"].rows(0, 10**6)}
    assert len(events) == case["event_count"]
    points = tables["survey_trend"].rows(0, 10**6)
    want_points = case["trends"][trend_question]
    assert [(p["event"], p["date"].isoformat(), p["n"]) for p in points] == [
        (w["event"], w["date"], w["n"]) for w in want_points
    ]
    assert all(two_dp(p["mean"]) == two_dp(w["mean"]) for p, w in zip(points, want_points))


RUNNERS["map_reality"] = run_map_reality
RUNNERS["survey"] = run_survey


def _matches(expected: Any, actual: Any, path: str = "") -> None:
    """The Rust runner's pattern: every expected key must match (missing = None), arrays
    match element by element, and decimal strings match when equal as numbers."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"at {path}: expected an object, got {actual!r}"
        for key, value in expected.items():
            _matches(value, actual.get(key), f"{path}/{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), f"at {path}: {actual!r}"
        for i, (e, a) in enumerate(zip(expected, actual)):
            _matches(e, a, f"{path}/{i}")
    elif isinstance(expected, str) and isinstance(actual, str) and expected != actual:
        try:
            assert Decimal(expected) == Decimal(actual), f"at {path}: expected {expected}, got {actual}"
        except InvalidOperation:
            raise AssertionError(f"at {path}: expected {expected!r}, got {actual!r}") from None
    else:
        assert expected == actual, f"at {path}: expected {expected!r}, got {actual!r}"


def _periods(spec: Any) -> Any:
    if isinstance(spec, dict) and "explicit" in spec:
        return [(datetime.date.fromisoformat(a), datetime.date.fromisoformat(b)) for a, b in spec["explicit"]]
    return spec


def run_results(case: dict[str, Any]) -> None:
    """tests/vectors/results: the results engine through the binding, compared with the
    same expected values as core/tests/vectors_results.rs."""
    p = kartan.Portfolio.from_json(json.dumps(case["portfolio"]))
    query, expected = case["query"], case["expected"]
    kind, indicator = query["kind"], query["indicator"]

    def run() -> Any:
        if kind == "period_values":
            return p.results.period_values(indicator)
        if kind == "progress":
            band = Decimal(query["band"]) if "band" in query else None
            return p.results.progress(indicator, as_of=datetime.date.fromisoformat(query["as_of"]), band=band)
        if kind == "rollup":
            return p.results.rollup(indicator, periods=_periods(query.get("periods")))
        raise AssertionError(f"unknown query kind {kind!r}")

    if "error" in expected:
        with pytest.raises(kartan.AnalysisError) as info:
            run()
        assert info.value.code == expected["error"]
        return
    answer = run()
    _matches(expected, answer.to_dict())
    answer.periods_table()  # every analysis also comes out as a table


for _kind in ("results:period_values", "results:progress", "results:rollup"):
    RUNNERS[_kind] = run_results


def _iati_count(p: kartan.Portfolio, report: kartan.IatiImportReport, what: str) -> int:
    """The counts an IATI vector names, from the Python objects (as core/tests/iati_import.rs)."""
    projects = p.projects
    indicators = [i for x in projects for r in x.results for i in r.indicators]
    periods = [q for i in indicators for q in i.periods]
    values = [v for q in periods for v in q.targets + q.actuals]
    not_modelled = {path: count for path, count, _ in report.not_modelled}
    counts: dict[str, Callable[[], int]] = {
        "projects": lambda: len(projects),
        "results": lambda: sum(len(x.results) for x in projects),
        "indicators": lambda: len(indicators),
        "baselines": lambda: sum(len(i.baselines) for i in indicators),
        "periods": lambda: len(periods),
        "targets": lambda: sum(len(q.targets) for q in periods),
        "actuals": lambda: sum(len(q.actuals) for q in periods),
        "period_dimensions": lambda: sum(len(v.dimensions) for v in values),
        "baseline_dimensions": lambda: sum(len(b.dimensions) for i in indicators for b in i.baselines),
        "indicators_without_period": lambda: sum(1 for i in indicators if not i.periods),
        "indicators_without_measure": lambda: sum(1 for i in indicators if i.measure is None),
        "periods_with_numeric_target_and_actual": lambda: sum(
            1
            for q in periods
            if q.targets and q.actuals and all(v.value is not None for v in q.targets + q.actuals)
        ),
        "periods_with_a_target_without_number": lambda: sum(
            1 for q in periods if any(t.value is None for t in q.targets)
        ),
        "targets_without_value": lambda: report.targets_without_value,
        "periods_with_several_actuals": lambda: sum(1 for q in periods if len(q.actuals) > 1),
        "budgets": lambda: sum(len(x.budgets) for x in projects),
        "revised_budgets": lambda: sum(1 for x in projects for b in x.budgets if b.kind == "revised"),
        "transactions": lambda: sum(len(x.transactions) for x in projects),
        "reporting_orgs": lambda: len({x.owner for x in projects if x.owner is not None}),
        "participating_orgs": lambda: sum(len(x.participating) for x in projects),
        "sectors": lambda: sum(len(x.sectors) for x in projects),
        "planned_disbursements": lambda: sum(len(x.planned_disbursements) for x in projects),
        "recipient_countries": lambda: sum(len(x.recipient_countries) for x in projects),
        "recipient_regions": lambda: sum(len(x.recipient_regions) for x in projects),
        "with_parent": lambda: sum(1 for x in projects if x.parent is not None),
        "carried_elements": lambda: sum(
            len(x.carried.elements) + sum(len(t.carried.elements) for t in x.transactions) for x in projects
        ),
    }
    assert what in counts, f"unknown count {what!r} in an IATI vector"
    return counts[what]()


def run_iati(case: dict[str, Any]) -> None:
    """tests/vectors/iati: counts of a real IATI file after import (the same expected
    values as the Rust suite), computed from the binding's objects."""
    from conftest import REAL

    p, report = kartan.import_iati(REAL / case["input"])
    assert report.activities_skipped == 0
    assert not [d for d in report.diagnostics if d.severity == "error"]
    for what, want in case["expected"].items():
        assert _iati_count(p, report, what) == want, what
    # the periods table has a row for every period (more where values are disaggregated)
    assert p.tables.periods().num_rows >= case["expected"].get("periods", 0)


RUNNERS["iati"] = run_iati


def run_examples(case: dict[str, Any]) -> None:
    """tests/vectors/examples: the embedded portfolios (kartan.example(), kartan.seed()),
    with the same expected values as core/tests/example.rs."""
    e = case["expected"]
    p = {"example": kartan.example, "seed": kartan.seed}[case["example"]]()
    as_of = datetime.date.fromisoformat(case["as_of"])
    doc = json.loads(p.to_json())
    assert doc["program"]["id"] == e["program_id"]
    assert len(p) == e["projects"]
    assert doc["program"].get("stated_project_count") == e["stated_project_count"]
    if "focus_areas" in e:
        assert Counter(x["focus_area"] for x in doc["projects"]) == e["focus_areas"]
        assert sorted({i.measure for i in p.indicators}) == e["measures"]
        assert [i.id for i in p.indicators if i.direction == "descending"] == e["descending"]
    held = [
        a
        for a in doc.get("activities", [])
        if a["kind"] == "project_leader_meeting" and a.get("plan") == "PLAN-PLM" and a.get("state") == "held"
    ]
    assert len(held) == e["meetings_held"]
    ev = next(x for x in doc["evaluations"] if x["id"] == e["evaluation"]["id"])
    assert len(ev.get("events", [])) == e["evaluation"]["events"]
    assert len(ev.get("responses", [])) == e["evaluation"]["responses"]
    diagnostics = p.validate(as_of=as_of)
    assert sum(d.severity == "error" for d in diagnostics) == e["errors"], diagnostics
    if "warnings" in e:
        assert sum(d.severity == "warning" for d in diagnostics) == e["warnings"], diagnostics
    for lang in ("sv", "en"):
        md = p.learning.report("md", lang=lang, as_of=as_of)
        head = "\n".join(md.splitlines()[: e["report_head_lines"]])
        for marker in e.get("report_head_contains", []):
            assert marker in head, (lang, head)
        for marker in e.get("report_head_lacks", []):
            assert marker not in md, lang
        report = json.loads(p.learning.report("json", lang=lang, as_of=as_of))
        sections = {s["id"]: s for s in report["sections"]}
        if lang in e.get("report_budget_by_year", {}):
            # Section 8's budget-by-year chart and its data table (the text alternative).
            want = e["report_budget_by_year"][lang]
            chart = next(
                b for b in sections["portfolio"]["blocks"] if b["type"] == "chart" and b["title"] == want["title"]
            )
            assert chart["fallback"]["columns"] == want["columns"], lang
            assert chart["fallback"]["rows"] == want["rows"], lang
        for sid in e.get("sections_without_no_data", []):
            blocks = sections[sid]["blocks"]
            assert not [b for b in blocks if b["type"] == "notice" and b["kind"] == "no_data"], (lang, sid)
            assert any(b["type"] == "table" and b["rows"] for b in blocks), (lang, sid)


RUNNERS["examples"] = run_examples
