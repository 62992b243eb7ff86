"""Spark reads kartan's Parquet folder and gives kartan's numbers (issue 16).

Runs, in Spark local mode, the two roll-ups the README documents ("Parquet for DuckDB,
Polars and Spark") over a folder that ``kartan convert … --to parquet -o DIR`` wrote,
and compares every figure with DuckDB's on the same folder, to the digit:

- the life-of-program actual of every non-cumulative unit indicator (units summed);
- the transactions' totals per IATI type and currency (never added across currencies).

Usage: python scripts/spark_rollup.py DIR [--master local[2]]
(on a cluster, the same code with the cluster's master URL and DIR on shared storage).
Exits 1 when a figure differs or a roll-up is empty; prints the timings.
"""

from __future__ import annotations

import argparse
import sys
import time
from decimal import Decimal

import duckdb
from pyspark.sql import SparkSession

UNIT_ROLLUP = """
select i.project_id, i.indicator_id, sum(p.value) as actual
from {indicators} i
join {periods} p using (project_id, result_id, indicator_id)
where i.measure = 'unit' and i.cumulation = 'non_cumulative'
  and p.value_kind = 'actual' and p.dimensions is null and p.value is not null
group by i.project_id, i.indicator_id
"""

TRANSACTIONS = "select type_code, currency, sum(amount) as total from {transactions} group by type_code, currency"


def _rows(rows: list) -> list[tuple]:
    """Rows with decimals normalised (DuckDB and Spark give the scale each its own way)."""
    return sorted(tuple(v.normalize() if isinstance(v, Decimal) else v for v in r) for r in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", help="the Parquet folder kartan convert wrote")
    parser.add_argument("--master", default="local[2]", help="Spark master URL (default local[2])")
    args = parser.parse_args()
    t0 = time.perf_counter()
    spark = (
        SparkSession.builder.master(args.master)
        .appName("kartan-rollup")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    t1 = time.perf_counter()
    for name in ("indicators", "periods", "transactions"):
        spark.read.parquet(f"{args.dir}/{name}.parquet").createOrReplaceTempView(name)
    spark_units = _rows([tuple(r) for r in spark.sql(UNIT_ROLLUP.format(indicators="indicators", periods="periods")).collect()])
    spark_money = _rows([tuple(r) for r in spark.sql(TRANSACTIONS.format(transactions="transactions")).collect()])
    t2 = time.perf_counter()
    spark.stop()
    con = duckdb.connect()
    files = {n: f"'{args.dir}/{n}.parquet'" for n in ("indicators", "periods", "transactions")}
    duck_units = _rows(con.sql(UNIT_ROLLUP.format(**files)).fetchall())
    duck_money = _rows(con.sql(TRANSACTIONS.format(**files)).fetchall())
    t3 = time.perf_counter()
    ok = True
    for what, got, want in (("unit roll-up", spark_units, duck_units), ("transactions", spark_money, duck_money)):
        if not want:
            print(f"{what}: DuckDB found no row: nothing to compare", file=sys.stderr)
            ok = False
        elif got != want:
            missing = set(want) ^ set(got)
            print(f"{what}: Spark and DuckDB differ in {len(missing)} rows, e.g. {sorted(missing)[:3]}", file=sys.stderr)
            ok = False
        else:
            print(f"{what}: {len(got)} rows, Spark = DuckDB to the digit")
    print(f"spark start {t1 - t0:.1f} s, spark queries {t2 - t1:.1f} s, duckdb queries {t3 - t2:.2f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
