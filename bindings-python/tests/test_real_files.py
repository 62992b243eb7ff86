"""The real files in ../shared/data/real: what each gives through kartan.load."""

from __future__ import annotations

import json
from pathlib import Path

import kartan
import pytest


def test_real_data_is_there(real: Path) -> None:
    assert (real / "iati" / "results_nl_ngos_2021.xml").is_file()


@pytest.mark.parametrize(
    "name", ["se_tillvaxtverket_erdf_projektbanken_2014-2020_snapshot2016.json", "se_interreg_swedish_partners_2021-2027.json"]
)
def test_cohesion_json_is_not_kartan_json(real: Path, name: str) -> None:
    # A JSON array of records is not a kartan portfolio but a table: a ParseError naming
    # the file and saying that a column mapping reads it.
    path = real / "cohesion" / name
    with pytest.raises(kartan.ParseError, match="read through a column mapping") as info:
        kartan.load(path)
    err = info.value
    assert err.filename == str(path)
    assert str(err).startswith(f"{path}: ")


def test_codelist_json_is_not_kartan_json(real: Path) -> None:
    # An object, so read as kartan JSON: the first unknown field is named with its place.
    path = real / "codelists" / "IndicatorMeasure.json"
    with pytest.raises(kartan.ParseError, match="unknown field") as info:
        kartan.load(path)
    err = info.value
    assert err.filename == str(path) and err.line is not None and err.pointer is not None


def test_survey_csv_is_not_detected(real: Path) -> None:
    path = real / "surveys" / "carpentries_instructor_training_post_survey_2018.csv"
    with pytest.raises(kartan.KartanError):
        kartan.load(path)


def test_real_json_texts_do_not_panic(real: Path) -> None:
    for path in sorted(real.rglob("*.json")):
        with pytest.raises(kartan.ParseError):
            kartan.Portfolio.from_json(path.read_bytes())
        json.loads(path.read_text(encoding="utf-8"))  # they are JSON, just not kartan JSON
