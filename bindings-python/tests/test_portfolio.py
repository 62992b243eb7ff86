"""The Portfolio API: reading, writing, navigation through the typed model, equality,\npickling."""

from __future__ import annotations

import datetime
import json
import pickle
import threading
from decimal import Decimal

import kartan
import pytest
from conftest import doc

PROJECTS = [
    {
        "id": "A",
        "title": {"sv": "Ett", "en": "One"},
        "status": "implementation",
        "levels": ["regional", "local"],
        "planned": {"start": "2014", "end": "2016-06"},
        "actual": {"start": "2014-03-01"},
        "budgets": [
            {"period": {"start": "2014", "end": "2014"}, "value": {"amount": "100.10", "currency": "SEK"}},
            {"kind": "revised", "period": {"start": "2014", "end": "2014"}, "value": {"amount": "120.25", "currency": "SEK"}},
            {"period": {"start": "2015", "end": "2015"}, "value": {"amount": "4354438151.00", "currency": "SEK"}},
        ],
        "results": [
            {
                "id": "A-R1",
                "type": "outcome",
                "indicators": [
                    {
                        "id": "IND-1",
                        "measure": "percentage",
                        "life_target": "50",
                        "baselines": [{"year": 2013, "value": "40", "dimensions": [{"name": "sex", "value": "female"}]}],
                        "periods": [
                            {
                                "start": "2014-01-01",
                                "end": "2014-12-31",
                                "targets": [{"value": "45"}],
                                "actuals": [
                                    {"value": "43.75", "numerator": "35", "denominator": "80"},
                                    {"value": "50", "dimensions": [{"name": "sex", "value": "female"}]},
                                ],
                            }
                        ],
                    }
                ],
            }
        ],
    },
    {"id": "B", "title": {"sv": "Två"}, "parent": "A"},
]


@pytest.fixture
def portfolio() -> kartan.Portfolio:
    return kartan.Portfolio.from_json(doc(projects=PROJECTS))


def test_repr_len_iter(portfolio: kartan.Portfolio) -> None:
    assert repr(portfolio) == "<Portfolio program='P' projects=2>"
    assert len(portfolio) == 2
    assert [p.id for p in portfolio] == ["A", "B"]
    assert portfolio.default_language == "sv"
    assert isinstance(portfolio.program, kartan.Program)
    assert portfolio.program.id == "P" and portfolio.program.title.best("en") == "Program"


def test_project_fields(portfolio: kartan.Portfolio) -> None:
    a = portfolio.project("A")
    assert isinstance(a, kartan.Project)
    assert a.title == {"sv": "Ett", "en": "One"} and a.title.best("en-GB") == "One"
    assert a.status is kartan.ActivityStatus.IMPLEMENTATION and a.status == "implementation"
    assert a.levels == (kartan.Level.REGIONAL, kartan.Level.LOCAL)
    # partial dates stay as precise as the source gives them
    assert a.planned.start == kartan.PartialDate(2014) and a.planned.end == kartan.PartialDate(2016, 6)
    assert (a.planned.start.first_day(), a.planned.end.last_day()) == (datetime.date(2014, 1, 1), datetime.date(2016, 6, 30))
    assert a.actual.start == datetime.date(2014, 3, 1) and a.actual.end is None
    assert [b.value.amount for b in a.budgets] == [Decimal("100.10"), Decimal("120.25"), Decimal("4354438151.00")]
    assert all(isinstance(b.value.amount, Decimal) for b in a.budgets)
    assert a.budgets[1].kind == "revised" and a.budgets[0].period.start == kartan.PartialDate(2014)
    assert portfolio.project("B").parent == "A"
    with pytest.raises(KeyError, match="no project with id 'Z'"):
        portfolio.project("Z")


def test_indicator_navigation(portfolio: kartan.Portfolio) -> None:
    ind = portfolio.indicator("IND-1")
    assert isinstance(ind, kartan.Indicator)
    assert ind.measure is kartan.Measure.PERCENTAGE
    assert ind.cumulation == "non_cumulative" and ind.direction == "ascending"
    assert ind.life_target == Decimal("50")
    assert ind.baselines[0].year == 2013 and ind.baselines[0].dimensions == (kartan.Dimension(name="sex", value="female"),)
    period = ind.periods[0]
    assert (period.start, period.end) == (datetime.date(2014, 1, 1), datetime.date(2014, 12, 31))
    total, female = period.actuals
    assert (total.value, total.numerator, total.denominator) == (Decimal("43.75"), Decimal("35"), Decimal("80"))
    assert female.dimensions[0].value == "female"
    assert [i.id for i in portfolio.indicators] == ["IND-1"]
    assert portfolio.project("A").results[0].type == "outcome"
    assert portfolio.project("A").results[0].indicators == (ind,)
    with pytest.raises(KeyError):
        portfolio.indicator("nope")


def test_counts(portfolio: kartan.Portfolio) -> None:
    counts = dict(portfolio.counts)
    assert counts["projects"] == 2 and counts["indicators"] == 1 and counts["periods"] == 1 and counts["results"] == 1


def test_json_round_trip_and_equality(portfolio: kartan.Portfolio) -> None:
    text = portfolio.to_json()
    assert text.endswith("\n")
    again = kartan.Portfolio.from_json(text)
    assert again == portfolio
    assert kartan.Portfolio.from_json(text.encode()) == portfolio
    assert again != kartan.Portfolio.from_json(doc())
    # exact decimals are written as strings
    assert '"4354438151.00"' in text
    assert json.loads(text)["projects"][0]["id"] == "A"


def test_pickle(portfolio: kartan.Portfolio) -> None:
    assert pickle.loads(pickle.dumps(portfolio)) == portfolio
    d = kartan.Diagnostic("x-code", "warning", "/projects/0", "Message.")
    assert pickle.loads(pickle.dumps(d)) == d
    assert hash(d) == hash(kartan.Diagnostic("x-code", "warning", "/projects/0", "Message."))


def test_values_are_frozen(portfolio: kartan.Portfolio) -> None:
    with pytest.raises(AttributeError, match="immutable"):
        portfolio.project("A").id = "other"  # type: ignore[misc]


def test_load_file(tmp_path, portfolio: kartan.Portfolio) -> None:
    path = tmp_path / "p.json"
    path.write_text(portfolio.to_json(), encoding="utf-8")
    assert kartan.load(path) == portfolio
    assert kartan.load(str(path)) == portfolio


def test_validate_returns_diagnostics(portfolio: kartan.Portfolio) -> None:
    diagnostics = portfolio.validate(as_of=datetime.date(2015, 1, 1))
    assert isinstance(diagnostics, list)
    assert all(isinstance(d, kartan.Diagnostic) for d in diagnostics)
    with pytest.raises(TypeError):
        portfolio.validate()  # type: ignore[call-arg]  # as_of is required: kartan never reads the clock


def test_diagnostic_object() -> None:
    d = kartan.Diagnostic("duplicate-id", "error", "/projects/1/id", "Project id 'A' is used twice.")
    assert (d.code, d.severity, d.path) == ("duplicate-id", "error", "/projects/1/id")
    with pytest.raises(ValueError, match="severity"):
        kartan.Diagnostic("c", "fatal", "/", "m")


def test_gil_released_during_load(tmp_path) -> None:
    # Several threads read at once; with the GIL released they all finish and agree.
    big = doc(projects=[{"id": f"P{i}", "title": {"sv": f"Projekt {i}"}} for i in range(20000)])
    path = tmp_path / "big.json"
    path.write_text(big, encoding="utf-8")
    out: list[int] = []
    threads = [threading.Thread(target=lambda: out.append(len(kartan.load(path)))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert out == [20000] * 4
