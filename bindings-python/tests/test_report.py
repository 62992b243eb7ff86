"""The learning report through the binding."""

from __future__ import annotations

import datetime
import json

import kartan
import pytest

AS_OF = datetime.date(2013, 12, 31)


def test_seed_report_in_three_formats() -> None:
    p = kartan.seed()
    html = p.learning.report(as_of=AS_OF)
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert "Program för lokalt och regionalt tillväxtarbete" in html
    md = p.learning.report("md", lang="en", as_of=AS_OF)
    assert md.startswith("# Learning report: Program for local and regional growth work")
    doc = json.loads(p.learning.report("json", lang="sv", as_of=AS_OF))
    assert [s["number"] for s in doc["sections"]] == list(range(1, 10))
    assert doc["as_of"] == "2013-12-31" and doc["lang"] == "sv"


def test_report_without_charts() -> None:
    doc = json.loads(kartan.seed().learning.report("json", as_of=AS_OF, charts=False))
    assert not [b for s in doc["sections"] for b in s["blocks"] if b["type"] == "chart"]


def test_report_format_is_checked() -> None:
    with pytest.raises(ValueError, match="format must be"):
        kartan.seed().learning.report("pdf", as_of=AS_OF)
    with pytest.raises(TypeError):
        kartan.seed().learning.report("html")  # type: ignore[call-arg]  # as_of is required
