"""Every file in tests/vectors/: the language-neutral cases that the Rust, Python and JS
suites all check. The runner for each kind is listed explicitly in RUNNERS; a case of a
kind the Python package does not bind yet is reported as skipped with its kind (see
`pytest -ra`), never dropped silently, and every bound kind must have run a case."""

from __future__ import annotations

import datetime
import json
from collections import Counter
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
    assert p.periods_table().num_rows >= len(periods)


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
    report = json.loads(p.report("json", lang=options["lang"], as_of=datetime.date.fromisoformat(options["as_of"])))
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
    assert p.report("md", lang=options["lang"], as_of=as_of).startswith(f"# {expected['title']}")
    assert expected["title"] in p.report("html", lang=options["lang"], as_of=as_of)


RUNNERS["report"] = run_report
