"""Writes core/tests/table_fixtures/projects.xlsx, the small workbook the XLSX import
test reads (openpyxl; run from the repository root in a venv with openpyxl).

Sheet "Projekt": a header with a trailing empty column, real date cells, a float and
an integer budget, a multi-line title, and a first sheet ("Om") that is not the table,
so the mapping must name the sheet.
"""

import datetime
import pathlib

import openpyxl

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "core/tests/table_fixtures/projects.xlsx"

wb = openpyxl.Workbook()
about = wb.active
about.title = "Om"
about["A1"] = "Projektlista, exempel"
ws = wb.create_sheet("Projekt")
ws.append(["Projekt-id", "Namn", "Ägare", "Start", "Slut", "Budget", "Valuta", None])
ws.append(["P1", "Lärande\nnätverk", "Region Västerbotten", datetime.date(2019, 3, 1), datetime.date(2021, 12, 31), 1234567.5, "SEK", None])
ws.append(["P2", "Kunskapsstöd", "Umeå kommun", datetime.date(2020, 1, 15), None, 250000, "SEK", None])
wb.save(OUT)
print("wrote", OUT.relative_to(ROOT))
