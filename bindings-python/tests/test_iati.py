"""IATI XML through the binding: real files, errors with line and column, no panics."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import kartan
import pyarrow as pa
import pytest


def test_load_detects_iati(real: Path) -> None:
    p = kartan.load(real / "iati" / "iati_standard_example_annotated_2.03.xml")
    assert p.program.id == "AA-AAA-123456789"
    x = p.projects[0]
    assert x.id == "AA-AAA-123456789-ABC123"
    assert x.title["fr"] == "Titre de l'activité"
    assert x.status == "implementation" and x.planned.start == datetime.date(2012, 4, 15)
    assert [o.role for o in x.participating] == ["1", "2", "3"]


def test_load_warns_when_the_import_skipped_activities(real: Path, tmp_path: Path) -> None:
    data = (real / "iati" / "results_small_rich_ngo_2021.xml").read_bytes()
    cut = tmp_path / "cut.xml"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.warns(UserWarning, match=r"cut\.xml: the IATI import skipped 1 activity \(.*cut\.xml:\d+:\d+: not well-formed XML"):
        p = kartan.load(cut)
    q, report = kartan.import_iati(cut)
    assert len(p) == len(q) == report.activities_imported and report.activities_skipped == 1


def test_nl_ngos_periods_table(real: Path) -> None:
    p, report = kartan.import_iati(real / "iati" / "results_nl_ngos_2021.xml")
    assert len(p) == 181 and report.activities_skipped == 0
    table = pa.table(p.tables.periods())
    assert table.num_rows >= 6966
    df = p.tables.periods().to_pandas()
    assert set(df["measure"].dropna()) <= {"unit", "percentage", "nominal", "ordinal", "qualitative"}
    assert df["period_start"].notna().all()
    dims = df["dimensions"].dropna()
    assert len(dims) > 0 and all("=" in d for d in dims)


def test_decimals_stay_exact(real: Path) -> None:
    p = kartan.load(real / "iati" / "results_small_rich_ngo_2021.xml")
    values = [v.value for i in p.indicators for q in i.periods for v in q.actuals if v.value is not None]
    assert values and all(isinstance(v, Decimal) for v in values)


@pytest.mark.parametrize(
    ("xml", "line"),
    [(b"", None), (b"<?xml version='1.0'?>\n<other/>", 2), (b"<iati-activities", 1), (b"<a><b></a>", 1)],
)
def test_unreadable_xml_is_a_parse_error(tmp_path: Path, xml: bytes, line: int | None) -> None:
    path = tmp_path / "broken.xml"
    path.write_bytes(xml)
    with pytest.raises(kartan.ParseError) as info:
        kartan.load(path)
    assert info.value.filename == str(path)
    if line is not None:
        assert info.value.line == line, str(info.value)


@pytest.mark.parametrize(
    ("xml", "location"),
    [
        (b"<iati-activities><iati-activity>", "1:33"),
        (b"<iati-activities>\n<iati-activity><iati-identifier>X</iati-identifier>\n</oops>", "3:1"),
    ],
)
def test_truncated_xml_keeps_what_was_read_and_says_where(xml: bytes, location: str) -> None:
    # Lenient import (the core's choice): the activities before the break are kept and
    # the break is an error diagnostic with its line and column.
    _, report = kartan.import_iati(xml)
    errors = [d for d in report.diagnostics if d.severity == "error"]
    assert [d.code for d in errors] == ["iati-not-well-formed"] and errors[0].path == location


def test_strict_mode_and_default_measure() -> None:
    xml = (
        b'<iati-activities version="2.03"><iati-activity><iati-identifier>XM-1</iati-identifier>'
        b'<result type="1"><indicator><title><narrative>n</narrative></title><period>'
        b'<period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/>'
        b'<actual value="1,000"/></period></indicator></result></iati-activity></iati-activities>'
    )
    p, report = kartan.import_iati(xml)
    assert report.values_not_numbers == 1
    assert [d.code for d in report.diagnostics] == ["iati-value-not-a-number"]
    assert p.indicators[0].measure is None
    assert kartan.Portfolio.from_iati(xml, default_measure="unit").indicators[0].measure == "unit"
    no_id = b'<iati-activities version="2.03">\n<iati-activity><title/></iati-activity></iati-activities>'
    assert kartan.import_iati(no_id)[1].activities_skipped == 1
    with pytest.raises(kartan.ParseError, match="iati-missing-identifier") as info:
        kartan.import_iati(no_id, strict=True)
    assert (info.value.line, info.value.column) == (2, 1)
    with pytest.raises(ValueError, match="default_measure"):
        kartan.import_iati(xml, default_measure="lots")


def test_no_panic_on_truncated_real_xml(real: Path) -> None:
    data = (real / "iati" / "results_small_rich_ngo_2021.xml").read_bytes()
    for cut in range(0, len(data), max(1, len(data) // 150)):
        try:
            kartan.import_iati(data[:cut])
        except kartan.ParseError:
            pass
