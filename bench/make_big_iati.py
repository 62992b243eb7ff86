#!/usr/bin/env python3
"""Builds a large IATI 2.03 file by repeating the activities of results_nl_ngos_2021.xml.

Each copy gets fresh identifiers: `<iati-identifier>` and every `related-activity/@ref`
that names an activity of the file get the suffix `-c<copy>`, so the big file has no
duplicate ids and its hierarchy stays inside each copy. The activities are otherwise
byte-for-byte the originals (text slicing, no re-serialisation).

    python3 bench/make_big_iati.py [OUT] [--mb 200]

OUT defaults to target/iati-big.xml (never commit it).
"""
import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "..", "shared", "data", "real", "iati", "results_nl_ngos_2021.xml")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", default=os.path.join(HERE, "..", "target", "iati-big.xml"))
    ap.add_argument("--mb", type=float, default=200.0, help="approximate size in MB (10^6 bytes)")
    ap.add_argument("--source", default=SOURCE)
    args = ap.parse_args()

    text = open(args.source, encoding="utf-8").read()
    start = text.index("<iati-activity ")
    end = text.rindex("</iati-activities>")
    head, body = text[:start], text[start:end]
    ids = set(re.findall(r"<iati-identifier>\s*([^<]*?)\s*</iati-identifier>", body))

    def fresh(copy: int) -> str:
        suffix = f"-c{copy}"
        out = re.sub(
            r"<iati-identifier>(\s*)([^<]*?)(\s*)</iati-identifier>",
            lambda m: f"<iati-identifier>{m.group(1)}{m.group(2)}{suffix}{m.group(3)}</iati-identifier>",
            body,
        )
        return re.sub(
            r'(<related-activity\b[^>]*\bref=")([^"]*)(")',
            lambda m: m.group(1) + (m.group(2) + suffix if m.group(2) in ids else m.group(2)) + m.group(3),
            out,
        )

    target = int(args.mb * 1_000_000)
    copies = max(1, round(target / len(body.encode("utf-8"))))
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(head)
        for c in range(copies):
            f.write(fresh(c))
        f.write("</iati-activities>\n")
    size = os.path.getsize(args.out)
    print(f"{args.out}: {copies} copies x {len(ids)} activities = {copies * len(ids)} activities, {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
