"""The example notebook runs top to bottom (so it cannot rot)."""

from __future__ import annotations

import nbformat
from conftest import REPO
from nbclient import NotebookClient

NOTEBOOK = REPO / "examples" / "python" / "quickstart.ipynb"


def _run(path):  # type: ignore[no-untyped-def]
    """Runs the notebook at `path` top to bottom; returns it and its outputs (none an error)."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    return nb, outputs


def test_quickstart_notebook_runs() -> None:
    _, outputs = _run(NOTEBOOK)
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    # the portfolio card and the results matrix render as HTML
    assert any("Program för lokalt och regionalt tillväxtarbete" in h for h in html)
    assert any("Results matrix" in h for h in html)
    text = [o.get("text", "") for o in outputs if o.get("output_type") == "stream"]
    assert any("# Learning report: Program for local and regional growth work" in t for t in text)
    # the real IATI file, a roll-up table and a chart (Vega-Lite through Altair)
    assert any("IatiImportReport version=" in str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert any("rollup:" in h for h in html)
    assert any("vega" in h and "vegaEmbed" in h for h in html)


BUILD = REPO / "examples" / "python" / "build_a_portfolio.ipynb"


def test_build_a_portfolio_notebook_runs() -> None:
    nb, outputs = _run(BUILD)
    text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    plain = "".join(str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    # the refusals name the id, the class and the field
    assert 'the portfolio already has a project with id "PRJ-B"' in text
    assert "Period.start: expected a date, got '2021-13-01'" in text
    assert "PeriodValue.value: expected an exact decimal" in text
    # the built portfolio, reloaded equal, with its two projects
    assert "<Portfolio program='PRG' projects=2>" in plain
    # progress of the percentage indicator: baseline 20 %, actual 15/50 = 30 %, life target 40 %
    assert "'progress': {'kind': 'fraction', 'value': '0.5'}" in plain, plain
    # map vs reality: the effect M-R-E1 has its linked indicator's progress (core rule)
    (linked,) = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("[(i.item, l.id, l.progress)")]
    assert linked.outputs[0]["data"]["text/plain"] == "[('M-R-E1', 'IND-WOB', Decimal('0.5'))]"
    # the survey answer: four answers 4, 5, 3, 4 on 1-5; top two (4-5) = 3 of 4
    (survey,) = [c for c in nb.cells if c.cell_type == "code" and "survey = p.learning.survey" in c.source]
    assert survey.outputs[0]["data"]["text/plain"] == "(4, Decimal('4'), Decimal('0.75'))"
    # built with counts everywhere, it validates clean
    (validate,) = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("[str(d) for d in p.validate")]
    assert validate.outputs[0]["data"]["text/plain"] == "[]"
