# Regenerates quickstart.ipynb (run from the repository root: python examples/python/make_quickstart.py report results iati learning).
"""Writes examples/python/quickstart.ipynb; sections for features present in the build."""
import sys
import nbformat as nbf

features = set(sys.argv[1:])  # any of: report results iati learning
nb = nbf.v4.new_notebook()
md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
cells = [
    md("# kartan quick start\n\nLoad the seed program, look at its results matrix (\"the map\"), validate it, "
       "take tables out of it and write the learning report; then load a real IATI file. Build the package "
       "first: `scripts/test-python.sh` (or `maturin develop --release -m bindings-python/Cargo.toml` in a venv)."),
    code("import datetime\nfrom pathlib import Path\n\nimport kartan\n\nAS_OF = datetime.date(2013, 12, 31)\np = kartan.seed()\np"),
    md("The results matrix: for each level, the actors, what the program expects them to gain, and what should follow."),
    code("p.matrix"),
    code("matrix = p.matrix.to_table(lang=\"en\").to_pandas()\nmatrix.groupby([\"level\", \"column\"]).size()"),
    md("Validation returns every diagnostic at once; `as_of` is the date that \"today\" means (kartan never reads the clock)."),
    code("[str(d) for d in p.validate(as_of=AS_OF)]"),
]
if "report" in features:
    cells += [
        md("The learning report, built by the core: HTML, Markdown or JSON."),
        code("print(p.learning.report(\"md\", lang=\"en\", as_of=AS_OF)[:600])"),
    ]
if "learning" in features:
    cells += [
        md("Did the map match reality? One table per part (items, plans, unexpected results); "
           "`p.learning.map_vs_reality(as_of=...)` gives the same as a typed answer."),
        code("p.tables.map_vs_reality(as_of=AS_OF, lang=\"en\")[\"map_items\"]"),
    ]
if "iati" in features:
    cells += [
        md("A real IATI file: Dutch NGOs' results (181 activities). The periods table goes to pandas through Arrow."),
        code("real = next(d / \"shared/data/real\" for d in [Path.cwd(), *Path.cwd().parents] if (d / \"shared/data/real\").is_dir())\n"
             "ngos, import_report = kartan.import_iati(real / \"iati/results_nl_ngos_2021.xml\")\n"
             "import_report"),
        code("periods = ngos.tables.periods(lang=\"en\").to_pandas()\nperiods[[\"project\", \"indicator\", \"period_end\", \"dimensions\", \"target\", \"actual\"]].head()"),
    ]
if "results" in features and "iati" in features:
    cells += [
        md("Progress of every indicator (fractions: 0.5 is half-way from baseline to target), and one indicator's chart."),
        code("small = kartan.load(real / \"iati/results_small_rich_ngo_2021.xml\")\n"
             "progress = small.tables.progress(as_of=datetime.date(2021, 6, 30)).to_pandas()\n"
             "progress[[\"indicator\", \"baseline\", \"target\", \"actual\", \"progress\", \"status\"]].dropna().head()"),
        code("first = progress.dropna(subset=[\"progress\"]).iloc[0][\"indicator\"]\nsmall.results.rollup(first, periods=\"yearly\")"),
        code("small.results.chart(first)"),
    ]
nb.cells = cells
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbf.write(nb, "examples/python/quickstart.ipynb")
