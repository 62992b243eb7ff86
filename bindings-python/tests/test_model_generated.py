"""The Python model (`kartan.model`, generated from `schema/kartan-1.schema.json`):
up to date with the schema, reads and writes kartan JSON exactly, and its constructors
refuse bad input with the class and the field in the message."""

from __future__ import annotations

import datetime
import json
import pickle
import subprocess
import sys
from decimal import Decimal

import kartan
import pytest
from conftest import REPO
from kartan.model import (
    Indicator,
    Measure,
    PartialDate,
    Period,
    PeriodValue,
    PortfolioDoc,
    Program,
    Project,
    ScalePoints,
    Text,
)


def test_generated_module_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gen_python_model.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_schema_definition_has_a_class() -> None:
    import kartan.model as model

    schema = json.loads((REPO / "schema" / "kartan-1.schema.json").read_text(encoding="utf-8"))
    for name in schema["$defs"]:
        assert hasattr(model, name), name


def test_seed_document_round_trips() -> None:
    # The whole seed program (matrix, projects, activities, evaluations with responses,
    # reports, lessons) read into the dataclasses and written back is the same JSON.
    seed = kartan.seed()
    doc = PortfolioDoc.from_obj(json.loads(seed.to_json()))
    # written back, the core reads the same portfolio (Python leaves out fields at their
    # default, which the core may write, e.g. an empty instrument)
    assert kartan.Portfolio.from_json(json.dumps(doc.to_obj())) == seed
    assert doc.program.matrix.rows[0].experiences
    assert doc.evaluations[0].id == "EVAL-PLM" and doc.activities
    assert PortfolioDoc.from_obj(doc.to_obj()) == doc
    assert pickle.loads(pickle.dumps(doc)) == doc


def test_keyword_constructor_and_replace() -> None:
    ind = Indicator(
        id="IND-1",
        measure="percentage",
        periods=[
            Period(
                start="2021-01-01",
                end=datetime.date(2021, 12, 31),
                actuals=[PeriodValue(numerator=20, denominator="50")],
            )
        ],
    )
    assert ind.measure is Measure.PERCENTAGE
    assert ind.periods[0].start == datetime.date(2021, 1, 1)
    assert ind.periods[0].actuals[0].denominator == Decimal("50")
    assert isinstance(ind.periods, tuple)
    other = ind.replace(id="IND-2")
    assert (other.id, ind.id) == ("IND-2", "IND-1")
    assert other.periods == ind.periods
    assert other != ind
    with pytest.raises(AttributeError, match="immutable"):
        ind.id = "x"  # type: ignore[misc]
    assert Project(id="A", title={"sv": "Ett"}).to_obj() == {"id": "A", "title": {"sv": "Ett"}}
    assert Program(id="P", title={"en": "P"}, period={"start": "2014", "end": "2020-06"}).period.start == PartialDate(2014)


def test_bad_input_names_class_and_field() -> None:
    with pytest.raises(ValueError, match=r"^Period\.start: expected a date, got '2021-13-01'$"):
        Period(start="2021-13-01", end="2021-12-31")
    with pytest.raises(TypeError, match=r"^PeriodValue\.value: expected an exact decimal .* got the float 0\.1"):
        PeriodValue(value=0.1)
    with pytest.raises(ValueError, match=r"^Indicator\.measure: expected one of 'unit', 'percentage'"):
        Indicator(id="I", measure="percent")
    with pytest.raises(TypeError, match=r"unexpected keyword argument 'colour'"):
        Project(id="A", colour="red")  # type: ignore[call-arg]
    with pytest.raises(ValueError, match=r"^Project: unknown field 'colour' of Project"):
        Project.from_obj({"id": "A", "colour": "red"})
    with pytest.raises(TypeError, match=r"^Period\.end: expected a date, got 5$"):
        Indicator(id="I", periods=[{"start": "2021-01-01", "end": 5}])
    with pytest.raises(TypeError, match=r"^Project\.title: expected a text"):
        Project(id="A", title="Ett")  # type: ignore[arg-type]


def test_variants_read_and_write_their_tags() -> None:
    from kartan.model import Scale

    points = Scale.from_obj({"points": {"points": [{"score": "1", "label": {"en": "No"}}]}})
    assert isinstance(points, ScalePoints)
    assert points.points[0].score == Decimal(1)
    assert points.to_obj() == {"points": {"points": [{"score": "1", "label": {"en": "No"}}]}}
    assert Scale.from_obj("free_text").to_obj() == "free_text"


def test_text_mapping() -> None:
    t = Text({"sv": "Syfte", "en": "Purpose"})
    assert t["sv"] == "Syfte" and dict(t) == {"sv": "Syfte", "en": "Purpose"}
    assert hash(t) == hash(Text({"en": "Purpose", "sv": "Syfte"}))


@pytest.mark.parametrize(
    "name", ["results_small_rich_ngo_2021.xml", "iati_standard_example_annotated_2.03.xml", "results_undp_sample_2021.xml"]
)
def test_reading_from_the_core_equals_the_checked_constructors(real, name: str) -> None:
    # Portfolio members are read by a trusted fast path (the core wrote the JSON); on
    # real files it gives the same values as the checked constructors.
    p = kartan.load(real / "iati" / name)
    fast = p.to_doc()
    assert fast == PortfolioDoc.from_obj(json.loads(p.to_json()))
    assert fast.projects == p.projects and len(fast.projects) == len(p)
    assert kartan.Portfolio.from_doc(fast) == p
