"""The relational tables as Parquet (issue 16): ``kartan convert … --to parquet -o DIR``
writes one file per table, and the engines built for scale read the folder and get
kartan's own numbers. DuckDB and Polars, on every real IATI file in
``../shared/data/real/iati/`` converted as one dataset:

- the transactions' totals per IATI type and currency equal an independent ElementTree
  reading (``scripts/iati_spending.py``);
- the documented SQL roll-up of the periods table (units summed over the periods)
  equals kartan's life-of-program actual of every non-cumulative unit indicator that
  reports totals;
- exact decimals stay exact (``DECIMAL(38,18)``)."""

from __future__ import annotations

import datetime
import subprocess
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import kartan
import pytest
from conftest import REAL, REPO

sys.path.insert(0, str(REPO / "scripts"))
import iati_spending as independent  # noqa: E402

duckdb = pytest.importorskip("duckdb")
pl = pytest.importorskip("polars")

FILES = sorted((REAL / "iati").glob("*.xml"))
TABLES = ["projects", "results", "indicators", "periods", "budgets", "transactions", "diagnostics",
          "activities", "answers", "observations", "lessons", "plans", "factor_assessments",
          "planned_disbursements", "recipient_areas"]
CODES = {"incoming_funds": 1, "outgoing_commitment": 2, "disbursement": 3, "expenditure": 4}

# The roll-up the README documents: a non-cumulative unit indicator's life-of-program
# actual is the sum of its periods' undisaggregated actuals.
UNIT_ROLLUP = """
select i.project_id, i.indicator_id, sum(p.value) as actual
from 'DIR/indicators.parquet' i
join 'DIR/periods.parquet' p using (project_id, result_id, indicator_id)
where i.measure = 'unit' and i.cumulation = 'non_cumulative'
  and p.value_kind = 'actual' and p.dimensions is null and p.value is not null
group by all
"""


def _convert(*inputs: Path, out: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    cmd = ["cargo", "run", "-q", "-p", "kartan-cli", "--", "convert", *map(str, inputs), "--to", "parquet", "-o", str(out)]
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=900)
    if check:
        assert done.returncode in (0, 1), done.stderr
    return done


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("parquet") / "iati"
    _convert(REAL / "iati", out=out)
    return out


def test_every_table_is_written(dataset: Path) -> None:
    names = sorted(p.name for p in dataset.iterdir())
    assert names == [f"{t}.parquet" for t in sorted(TABLES)]
    con = duckdb.connect()
    kinds = dict(con.sql(f"select column_name, column_type from (describe select * from '{dataset}/periods.parquet')").fetchall())
    assert kinds["value"] == kinds["numerator"] == "DECIMAL(38,18)" and kinds["period_start"] == "DATE"
    projects = con.sql(f"select count(*) from '{dataset}/projects.parquet'").fetchall()[0][0]
    assert projects == sum(len(kartan.import_iati(f)[0].projects) for f in FILES)


@pytest.mark.parametrize("engine", ["duckdb", "polars"])
def test_transaction_totals_equal_an_independent_reading(dataset: Path, engine: str) -> None:
    expected: dict[str, Decimal] = defaultdict(Decimal)
    for f in FILES:
        for key, total in independent.transaction_totals(str(f)).items():
            expected[key] += Decimal(total)
    if engine == "duckdb":
        rows = duckdb.connect().sql(
            f"select type_code, currency, sum(amount) from '{dataset}/transactions.parquet' group by all"
        ).fetchall()
    else:
        frame = pl.read_parquet(dataset / "transactions.parquet")
        rows = frame.group_by("type_code", "currency").agg(pl.col("amount").sum()).rows()
    got = {f"{code} {currency}": Decimal(total) for code, currency, total in rows}
    assert {k: v.normalize() for k, v in got.items()} == {k: v.normalize() for k, v in expected.items()}


def test_the_sql_rollup_gives_kartan_s_figures(dataset: Path) -> None:
    rows = duckdb.connect().sql(UNIT_ROLLUP.replace("DIR", str(dataset))).fetchall()
    sql = {(project, indicator): Decimal(actual) for project, indicator, actual in rows}
    compared = refused = 0
    for f in FILES:
        p, _ = kartan.import_iati(f)
        for project in p.projects:
            for result in project.results:
                for indicator in result.indicators:
                    key = (project.id, indicator.id)
                    if key not in sql:
                        continue
                    totals = [v for period in indicator.periods for v in period.actuals if not v.dimensions]
                    try:
                        life = p.results.period_values(indicator.id).life.actual
                    except kartan.AnalysisError:
                        refused += 1  # e.g. a period that ends before it starts: no figure
                        continue
                    if len(totals) != sum(1 for period in indicator.periods if any(not v.dimensions for v in period.actuals)):
                        continue  # a period with two totals: kartan warns and keeps the latest
                    assert life is not None and life.value == sql[key], key
                    compared += 1
    assert compared >= 50 and refused < compared, (compared, refused)


def test_a_bad_input_stops_nothing_else(tmp_path: Path) -> None:
    bad = tmp_path / "broken.xml"
    bad.write_text("<iati-activities><iati-activity>", encoding="utf-8")
    out = tmp_path / "out"
    done = _convert(bad, REAL / "iati" / "results_sida_se0_sample_2021.xml", out=out)
    assert done.returncode == 1 and "broken.xml" in done.stderr
    con = duckdb.connect()
    failed = con.sql(f"select source, code from '{out}/diagnostics.parquet' where severity = 'error'").fetchall()
    assert failed and all(source.endswith("broken.xml") for source, _ in failed)
    assert con.sql(f"select count(*) from '{out}/projects.parquet'").fetchall()[0][0] > 0
    again = _convert(bad, out=out, check=False)
    assert again.returncode == 2 and "--overwrite" in again.stderr
    assert not (tmp_path / ".out.partial").exists()


def test_the_in_memory_tables_are_the_parquet_tables(dataset: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    p, _ = kartan.import_iati(REAL / "iati" / "results_sida_se0_sample_2021.xml")
    tables = p.tables.relational(as_of=datetime.date(2021, 12, 31))
    assert sorted(tables) == sorted(TABLES)
    periods = pa.table(tables["periods"])
    assert periods.num_rows == sum(
        max(1, len(pe.targets) + len(pe.actuals))
        for pr in p.projects for r in pr.results for i in r.indicators for pe in i.periods
    )
    # one schema for the three ways to the tables: in memory, Parquet, Arrow streams
    streams = kartan.scan_iati(REAL / "iati" / "results_sida_se0_sample_2021.xml")
    for name, table in tables.items():
        assert pa.table(table).schema.equals(pa.RecordBatchReader.from_stream(streams[name]).schema), name
    assert str(periods.schema.field("value").type) == "decimal128(38, 18)"
    # the same rows as the Parquet dataset holds for this file
    ids = [pr.id for pr in p.projects]
    in_parquet = duckdb.connect().sql(
        f"select count(*) from '{dataset}/periods.parquet' where project_id in ({', '.join(repr(i) for i in ids)})"
    ).fetchall()[0][0]
    assert in_parquet == periods.num_rows
    assert tables["diagnostics"].num_rows == len(p.validate(as_of=datetime.date(2021, 12, 31)))


# --- kartan.scan_iati: the same tables as Arrow streams, read batch by batch ----------


def test_scan_streams_equal_the_parquet_dataset(dataset: Path) -> None:
    """Every real IATI file as one scan: each stream, read by pyarrow batch by batch,
    holds exactly the rows of the Parquet file ``kartan convert`` wrote (same schema,
    same values, same order)."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    streams = kartan.scan_iati(REAL / "iati")
    assert list(streams) == TABLES
    for name, stream in streams.items():
        reader = pa.RecordBatchReader.from_stream(stream)
        batches = list(reader)
        scanned = pa.Table.from_batches(batches, schema=reader.schema)
        written = pq.read_table(dataset / f"{name}.parquet")
        assert scanned.schema.equals(written.schema), name
        assert scanned.equals(written), name
    # The batches hold about 64k rows of all tables together: the folder four times over
    # (a path may be given again) comes in several batches, every row there once per copy.
    one = pq.read_table(dataset / "periods.parquet").num_rows
    periods = list(pa.RecordBatchReader.from_stream(kartan.scan_iati([REAL / "iati"] * 4)["periods"]))
    assert len(periods) >= 2 and sum(b.num_rows for b in periods) == 4 * one


def test_scan_feeds_duckdb_and_polars_without_parquet(dataset: Path) -> None:
    """DuckDB and Polars read the streams directly (the PyCapsule interface) and give the
    documented roll-up of the Parquet dataset, to the digit."""
    streams = kartan.scan_iati(sorted((REAL / "iati").glob("*.xml")))
    con = duckdb.connect()
    con.from_arrow(streams["indicators"]).create("i")
    con.from_arrow(streams["periods"]).create("p")
    sql = UNIT_ROLLUP.replace("'DIR/indicators.parquet'", "i").replace("'DIR/periods.parquet'", "p")
    from_streams = sorted(con.sql(sql).fetchall())
    from_parquet = sorted(duckdb.connect().sql(UNIT_ROLLUP.replace("DIR", str(dataset))).fetchall())
    assert from_streams == from_parquet and len(from_streams) >= 50
    frame = pl.DataFrame(streams["transactions"])
    total = frame.filter(pl.col("currency") == "EUR")["amount"].sum()
    want = duckdb.connect().sql(
        f"select sum(amount) from '{dataset}/transactions.parquet' where currency = 'EUR'"
    ).fetchall()[0][0]
    assert Decimal(str(total)) == want


def test_scan_bad_input(tmp_path: Path) -> None:
    """A file that cannot be read is a diagnostics row and stops nothing else; a missing
    path or an empty folder is refused before anything is read."""
    pa = pytest.importorskip("pyarrow")
    bad = tmp_path / "broken.xml"
    bad.write_text("<iati-activities><iati-activity>", encoding="utf-8")
    streams = kartan.scan_iati([bad, REAL / "iati" / "results_sida_se0_sample_2021.xml"])
    diagnostics = pa.table(pa.RecordBatchReader.from_stream(streams["diagnostics"]).read_all())
    failed = [r for r in diagnostics.to_pylist() if r["severity"] == "error"]
    assert failed and all(r["source"].endswith("broken.xml") for r in failed)
    assert pa.RecordBatchReader.from_stream(streams["projects"]).read_all().num_rows > 0
    with pytest.raises(FileNotFoundError, match="nope.xml"):
        kartan.scan_iati(tmp_path / "nope.xml")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match="holds no .xml or .json file"):
        kartan.scan_iati(tmp_path / "empty")


def test_scan_as_of_gives_the_validation_findings_of_kartan_json(tmp_path: Path) -> None:
    """With ``as_of``, a kartan JSON file's diagnostics rows are what ``validate`` finds
    (code and place); without it there are none."""
    pa = pytest.importorskip("pyarrow")
    p = kartan.example()
    p.put(p.projects[0].replace(parent="NOT-A-PROJECT"))
    path = tmp_path / "example.json"
    p.save(path)
    day = datetime.date(2011, 6, 30)
    found = sorted((d.code, d.path) for d in p.validate(as_of=day))
    assert ("dangling-reference", "/projects/0/parent") in found

    def rows(**kw: object) -> list[dict[str, object]]:
        streams = kartan.scan_iati(path, **kw)
        return pa.table(pa.RecordBatchReader.from_stream(streams["diagnostics"]).read_all()).to_pylist()

    assert sorted((r["code"], r["path"]) for r in rows(as_of=day)) == found
    assert rows() == []
