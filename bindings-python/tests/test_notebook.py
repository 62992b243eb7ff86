"""The example notebook runs top to bottom (so it cannot rot)."""

from __future__ import annotations

import nbformat
from conftest import REPO
from nbclient import NotebookClient

NOTEBOOK = REPO / "examples" / "python" / "quickstart.ipynb"


def test_quickstart_notebook_runs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    # the portfolio card and the results matrix render as HTML
    assert any("Program för lokalt och regionalt tillväxtarbete" in h for h in html)
    assert any("Results matrix" in h for h in html)
    text = [o.get("text", "") for o in outputs if o.get("output_type") == "stream"]
    assert any("# Learning report: Program for local and regional growth work" in t for t in text)
    # the real IATI file, a roll-up table and a chart (Vega-Lite through Altair)
    assert any("ImportReport version=" in str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert any("rollup:" in h for h in html)
    assert any("vega" in h and "vegaEmbed" in h for h in html)
