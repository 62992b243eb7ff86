"""Benchmark: an IATI activities file to a pandas DataFrame of indicator periods.

kartan (`kartan.load(path).tables.periods().to_pandas()`) against a plain Python script
with lxml and pandas that reads the same elements. Run from the repository root:

    .venv/bin/python bindings-python/bench/iati_periods.py [FILE.xml] [--repeat N]

Prints the best wall time of each over N runs and the row counts.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import pandas as pd
from lxml import etree

import kartan

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _decimal(value: str | None) -> float | None:
    if value is None or value.strip() == "":
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _dims(el: etree._Element) -> str | None:
    dims = [f"{d.get('name')}={d.get('value')}" for d in el.iterfind("dimension")]
    return "; ".join(dims) if dims else None


def lxml_periods(path: Path) -> pd.DataFrame:
    """The baseline: iterparse activities, one row per period and target/actual pair."""
    rows: list[dict[str, object]] = []
    for _, activity in etree.iterparse(str(path), tag="iati-activity", huge_tree=True):
        project = activity.findtext("iati-identifier")
        for r_index, result in enumerate(activity.iterfind("result")):
            for i_index, indicator in enumerate(result.iterfind("indicator")):
                title = indicator.findtext("title/narrative")
                measure = indicator.get("measure")
                for period in indicator.iterfind("period"):
                    start = period.find("period-start")
                    end = period.find("period-end")
                    targets = period.findall("target")
                    actuals = period.findall("actual")
                    pairs: list[tuple[str | None, etree._Element | None, etree._Element | None]] = [
                        (_dims(t), t, None) for t in targets
                    ]
                    for a in actuals:
                        key = _dims(a)
                        for n, (k, t, existing) in enumerate(pairs):
                            if k == key and existing is None:
                                pairs[n] = (k, t, a)
                                break
                        else:
                            pairs.append((key, None, a))
                    for key, t, a in pairs or [(None, None, None)]:
                        rows.append(
                            {
                                "project": project,
                                "result": f"{project}-R{r_index + 1}",
                                "indicator": f"{project}-R{r_index + 1}-I{i_index + 1}",
                                "indicator_title": title,
                                "measure": measure,
                                "period_start": pd.Timestamp(start.get("iso-date")) if start is not None else None,
                                "period_end": pd.Timestamp(end.get("iso-date")) if end is not None else None,
                                "dimensions": key,
                                "target": _decimal(t.get("value")) if t is not None else None,
                                "actual": _decimal(a.get("value")) if a is not None else None,
                            }
                        )
        activity.clear()
        while activity.getprevious() is not None:
            del activity.getparent()[0]
    return pd.DataFrame(rows)


def kartan_periods(path: Path) -> pd.DataFrame:
    return kartan.load(path).tables.periods().to_pandas()


def best(fn, path: Path, repeat: int) -> tuple[float, float, pd.DataFrame]:
    times = []
    df = pd.DataFrame()
    for _ in range(repeat):
        t0 = time.perf_counter()
        df = fn(path)
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times), df


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[3] / "shared/data/real/iati/results_nl_ngos_2021.xml"
    parser.add_argument("file", nargs="?", type=Path, default=default)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    size = args.file.stat().st_size / 1e6
    k_best, k_med, k_df = best(kartan_periods, args.file, args.repeat)
    l_best, l_med, l_df = best(lxml_periods, args.file, args.repeat)
    print(f"file: {args.file.name} ({size:.1f} MB), best of {args.repeat}")
    print(f"kartan      : {k_best * 1000:8.1f} ms (median {k_med * 1000:.1f})  rows={len(k_df)}")
    print(f"lxml+pandas : {l_best * 1000:8.1f} ms (median {l_med * 1000:.1f})  rows={len(l_df)}")
    print(f"speed-up    : {l_best / k_best:.1f}x")


if __name__ == "__main__":
    main()
