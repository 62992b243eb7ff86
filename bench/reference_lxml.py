#!/usr/bin/env python3
"""Reference importer for the IATI benchmark: lxml.etree.iterparse building rows.

Builds the same rows kartan's model holds for results — activity, result, indicator,
period, target, actual — with their main fields (ids, titles in the activity language,
types, measures, dates, values as text), and frees each activity as it goes (the usual
iterparse idiom: clear the element and delete finished siblings). It builds rows only,
not a whole model, so it is a generous reference.

    python3 -m venv /tmp/lxml-venv && /tmp/lxml-venv/bin/pip install lxml
    /tmp/lxml-venv/bin/python bench/reference_lxml.py /tmp/iati-big.xml
"""
import sys
import time

from lxml import etree

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def narrative(el, lang):
    """The first narrative of a text element, preferring `lang`."""
    if el is None:
        return None
    first = None
    for n in el.iterfind("narrative"):
        if n.get(XML_LANG, lang) == lang:
            return n.text
        if first is None:
            first = n.text
    return first


def values(period, tag, pid, rows):
    for v in period.iterfind(tag):
        rows[tag].append(
            (pid, v.get("value"), [(d.get("name"), d.get("value")) for d in v.iterfind("dimension")],
             narrative(v.find("comment"), "en"))
        )


def run(path):
    rows = {k: [] for k in ("activity", "result", "indicator", "period", "target", "actual")}
    for _, act in etree.iterparse(path, events=("end",), tag="iati-activity"):
        lang = act.get(XML_LANG, "en")
        aid = (act.findtext("iati-identifier") or "").strip()
        status = act.find("activity-status")
        rows["activity"].append((aid, narrative(act.find("title"), lang), status.get("code") if status is not None else None))
        for r, res in enumerate(act.iterfind("result"), 1):
            rid = f"{aid}/R{r}"
            rows["result"].append((rid, aid, res.get("type"), narrative(res.find("title"), lang)))
            for i, ind in enumerate(res.iterfind("indicator"), 1):
                iid = f"{rid}/I{i}"
                rows["indicator"].append((iid, rid, ind.get("measure"), ind.get("ascending"), narrative(ind.find("title"), lang)))
                for p, per in enumerate(ind.iterfind("period"), 1):
                    pid = f"{iid}/P{p}"
                    start, end = per.find("period-start"), per.find("period-end")
                    rows["period"].append((pid, iid, start.get("iso-date") if start is not None else None,
                                           end.get("iso-date") if end is not None else None))
                    values(per, "target", pid, rows)
                    values(per, "actual", pid, rows)
        act.clear()
        while act.getprevious() is not None:
            del act.getparent()[0]
    return rows


def main():
    path = sys.argv[1]
    t = time.perf_counter()
    rows = run(path)
    dt = time.perf_counter() - t
    print(f"lxml iterparse rows: {dt:.3f} s, " + ", ".join(f"{k} {len(v)}" for k, v in rows.items()))


if __name__ == "__main__":
    main()
