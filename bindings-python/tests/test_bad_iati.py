"""The tester's IATI files (tests/data/iati_bad/) and API messages through Python: the same
report, warning and words as the core, the command and JS."""

from __future__ import annotations

import datetime
import json
import warnings
from pathlib import Path

import kartan
import pytest

REPO = Path(__file__).resolve().parents[2]
BAD = REPO / "tests" / "data" / "iati_bad"
SKIPPED = BAD / "skipped_activity.xml"
WARNING = r"the IATI import skipped 1 activity \(.*8:3: activity-date/@iso-date \"2020-02-30\" is not a date"


def test_from_iati_warns_like_load_on_a_skipped_activity() -> None:
    # Only kartan.load warned; Portfolio.from_iati (path or bytes) said nothing.
    with pytest.warns(UserWarning, match=f"skipped_activity.xml: {WARNING}"):
        a = kartan.load(SKIPPED)
    with pytest.warns(UserWarning, match=f"skipped_activity.xml: {WARNING}"):
        b = kartan.Portfolio.from_iati(SKIPPED)
    with pytest.warns(UserWarning, match=f"^{WARNING}"):
        c = kartan.Portfolio.from_iati(SKIPPED.read_bytes())
    assert len(a) == len(b) == len(c) == 1
    # A clean import gives no warning; import_iati returns the report instead.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        kartan.Portfolio.from_iati(BAD / "default_namespace.xml")
        _, report = kartan.import_iati(SKIPPED)
    assert report.activities_skipped == 1


def test_well_formedness_errors_name_the_place() -> None:
    # `&#0;` on line 22 was reported at 1:1.
    _, report = kartan.import_iati(BAD / "bad_charref.xml")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert error.path.endswith("bad_charref.xml:22:51"), error.path
    with pytest.raises(kartan.ParseError) as info:
        kartan.import_iati(BAD / "bad_charref.xml", strict=True)
    assert (info.value.line, info.value.column) == (22, 51)
    # A NUL byte was read into a title; an attribute named twice dropped one value.
    _, report = kartan.import_iati(BAD / "nul_byte.xml")
    assert any("U+0000 is not allowed in XML 1.0" in d.message for d in report.diagnostics)
    _, report = kartan.import_iati(BAD / "duplicate_attribute.xml")
    assert any('duplicated attribute "code"' in d.message for d in report.diagnostics)
    _, report = kartan.import_iati(BAD / "default_namespace.xml")
    assert [d.code for d in report.diagnostics if d.severity == "warning"] == ["iati-namespace"]


def test_utf16_is_named() -> None:
    with pytest.raises(kartan.ParseError, match="the file is UTF-16 text; kartan reads UTF-8 only") as info:
        kartan.load(BAD / "utf16.xml")
    assert info.value.filename == str(BAD / "utf16.xml")


def test_a_missing_field_at_the_root_reads_sensibly() -> None:
    with pytest.raises(kartan.ParseError) as info:
        kartan.Portfolio.from_json('{"format": "kartan/1", "default_language": "sv"}')
    assert str(info.value) == "1:1: missing field `program`"
    assert info.value.pointer == ""


def _progress_portfolio() -> kartan.Portfolio:
    return kartan.Portfolio.from_json(json.dumps({
        "format": "kartan/1", "default_language": "en", "program": {"id": "P", "title": {"en": "Program"}},
        "projects": [{"id": "P1", "title": {"en": "Project"}, "classifications": {"axis": "1"},
                      "results": [{"id": "R1", "type": "outcome", "indicators": [{
                          "id": "IND-1", "measure": "unit", "baselines": [{"value": "0"}], "life_target": "20",
                          "periods": [{"start": "2024-01-01", "end": "2024-12-31", "actuals": [{"value": "10"}]}]}]}]}],
    }))


@pytest.mark.parametrize("band", ["abc", float("inf"), float("nan"), "1,5"])
def test_a_bad_band_names_the_parameter_and_the_value(band: object) -> None:
    p = _progress_portfolio()
    with pytest.raises(ValueError, match=r'^band: invalid number "(abc|inf|nan|1,5)"'):
        p.results.progress("IND-1", as_of=datetime.date(2024, 12, 31), band=band)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^band: invalid number"):
        p.tables.progress(as_of=datetime.date(2024, 12, 31), band=band)  # type: ignore[arg-type]
    # Good bands in every form.
    for good in (0.2, "0.2", 1):
        p.results.progress("IND-1", as_of=datetime.date(2024, 12, 31), band=good)  # type: ignore[arg-type]


def test_an_unknown_report_language_is_refused_as_the_command_does() -> None:
    p = kartan.seed()
    with pytest.raises(ValueError, match=r'^unknown report language "xx": expected "sv" or "en"$'):
        p.learning.report("md", as_of=datetime.date(2024, 1, 1), lang="xx")
    assert p.learning.report("md", as_of=datetime.date(2024, 1, 1), lang="en").startswith("# Learning report")


def test_an_unknown_breakdown_names_the_ones_there_are() -> None:
    p = _progress_portfolio()
    with pytest.raises(kartan.AnalysisError) as info:
        p.tables.breakdown("bogus")
    assert info.value.code == "unknown_dimension"
    assert str(info.value) == (
        'unknown breakdown "bogus": expected "status", "region", "focus_area", "owner_kind" '
        'or a classification scheme of the portfolio ("axis")'
    )
    assert p.tables.breakdown("axis").to_pandas()["key"].tolist() == ["1"]
