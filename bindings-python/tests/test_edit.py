"""Building and editing a portfolio in Python: keyword constructors, add / put / remove
by id, validation of the result, save and load back equal."""

from __future__ import annotations

import datetime
import json
import warnings
from decimal import Decimal

import kartan
import pytest
from kartan import Indicator, Period, PeriodValue, Program, Project, Result


def build() -> kartan.Portfolio:
    program = Program(id="P", title={"sv": "Program", "en": "Program"})
    p = kartan.Portfolio(default_language="sv", program=program)
    p.add(
        Project(
            id="A",
            title={"sv": "Ett"},
            results=[
                Result(
                    id="A-R1",
                    type="outcome",
                    title={"sv": "Fler kvinnor i styrelser"},
                    indicators=[
                        Indicator(
                            id="IND-1",
                            title={"sv": "Andel kvinnor i styrelser"},
                            measure="percentage",
                            periods=[
                                Period(
                                    start="2021-01-01",
                                    end="2021-12-31",
                                    targets=[PeriodValue(value="50")],
                                    actuals=[PeriodValue(numerator=20, denominator=50)],
                                )
                            ],
                        )
                    ],
                )
            ],
        )
    )
    p.add(Project(id="B", title={"sv": "Två"}, parent="A"))
    return p


def test_build_save_load_equal(tmp_path) -> None:
    p = build()
    assert [x.id for x in p] == ["A", "B"]
    assert [d for d in p.validate(as_of=datetime.date(2022, 1, 1)) if d.severity == "error"] == []
    path = tmp_path / "built.json"
    p.save(path)
    again = kartan.load(path)
    assert again == p
    assert again.to_doc() == p.to_doc()
    assert json.loads(path.read_text(encoding="utf-8"))["projects"][0]["results"][0]["indicators"][0]["periods"][0][
        "actuals"
    ] == [{"numerator": "20", "denominator": "50"}]


def test_repeated_id_is_refused_with_its_name() -> None:
    p = build()
    with pytest.raises(ValueError, match='the portfolio already has a project with id "A"; ids are unique'):
        p.add(Project(id="A", title={"sv": "igen"}))
    assert len(p) == 2


def test_put_replaces_in_place_or_adds() -> None:
    p = build()
    p.put(p.project("B").replace(title={"sv": "Två", "en": "Two"}))
    assert [x.id for x in p] == ["A", "B"] and p.project("B").title.best("en") == "Two"
    p.put(Project(id="C", title={"sv": "Tre"}))
    assert [x.id for x in p] == ["A", "B", "C"]


def test_remove_returns_the_entry_and_validate_reports_dangling_references() -> None:
    p = build()
    removed = p.remove("projects", "A")
    assert removed.id == "A" and [x.id for x in p] == ["B"]
    with pytest.raises(KeyError, match="no entry with id 'A'"):
        p.remove("projects", "A")
    # B's parent is gone: allowed, and validate says so
    codes = [d.code for d in p.validate(as_of=datetime.date(2022, 1, 1))]
    assert [(d.code, d.path) for d in p.validate(as_of=datetime.date(2022, 1, 1)) if d.severity == "error"] == [
        ("dangling-reference", "/projects/0/parent")
    ]


def test_other_lists_are_edited_by_id() -> None:
    p = build()
    p.add(kartan.Lesson(id="L1", text={"sv": "Lärdom"}))
    p.add(kartan.Evaluation(id="E1", title={"sv": "Utvärdering"}))
    assert [x.id for x in p.lessons] == ["L1"] and [x.id for x in p.evaluations] == ["E1"]
    assert p.get("lessons", "L1").text.best("sv") == "Lärdom"
    with pytest.raises(ValueError, match='already has a lesson with id "L1"'):
        p.add(kartan.Lesson(id="L1", text={"sv": "igen"}))
    with pytest.raises(TypeError, match="expected a Project, Activity"):
        p.add(kartan.Budget(value={"amount": "1", "currency": "SEK"}))  # type: ignore[arg-type]


def test_program_can_be_replaced() -> None:
    p = build()
    p.program = p.program.replace(managed_by="ORG-1")
    assert p.program.managed_by == "ORG-1"


def test_bad_input_names_class_and_field() -> None:
    with pytest.raises(ValueError, match=r"^Period\.start: expected a date, got '2021-13-01'$"):
        Period(start="2021-13-01", end="2021-12-31")
    with pytest.raises(TypeError, match=r"got the float 0\.5"):
        PeriodValue(value=0.5)
    assert PeriodValue(value=Decimal("0.5")).value == Decimal("0.5")


AS_OF = datetime.date(2021, 12, 31)

# Each flat name of kartan 0.x, the new name it points to, and a call of both.
OLD_NAMES = [
    ("projects_table", "tables.projects", lambda p: p.projects_table(), lambda p: p.tables.projects()),
    ("periods_table", "tables.periods", lambda p: p.periods_table(), lambda p: p.tables.periods()),
    ("progress_table", "tables.progress", lambda p: p.progress_table(as_of=AS_OF), lambda p: p.tables.progress(as_of=AS_OF)),
    ("lessons_table", "tables.lessons", lambda p: p.lessons_table(), lambda p: p.tables.lessons()),
    ("learning_profile", "tables.learning_profile", lambda p: p.learning_profile(), lambda p: p.tables.learning_profile()),
    ("learning_cycle", "tables.learning_cycle", lambda p: p.learning_cycle(), lambda p: p.tables.learning_cycle()),
    ("breakdown", "tables.breakdown", lambda p: p.breakdown("region"), lambda p: p.tables.breakdown("region")),
]
OLD_ANSWERS = [
    ("map_vs_reality", "tables.map_vs_reality", lambda p: p.map_vs_reality(as_of=AS_OF), lambda p: p.tables.map_vs_reality(as_of=AS_OF)),
    ("activities", "tables.activities", lambda p: p.activities(as_of=AS_OF), lambda p: p.tables.activities(as_of=AS_OF)),
    ("progress", "results.progress", lambda p: p.progress("IND-1", as_of=AS_OF).to_dict(), lambda p: p.results.progress("IND-1", as_of=AS_OF).to_dict()),
    ("period_values", "results.period_values", lambda p: p.period_values("IND-1").to_dict(), lambda p: p.results.period_values("IND-1").to_dict()),
    ("rollup", "results.rollup", lambda p: p.rollup("IND-1").to_dict(), lambda p: p.results.rollup("IND-1").to_dict()),
    ("chart_spec", "results.chart_spec", lambda p: p.chart_spec("IND-1"), lambda p: p.results.chart_spec("IND-1")),
    ("report", "learning.report", lambda p: p.report("md", as_of=AS_OF), lambda p: p.learning.report("md", as_of=AS_OF)),
]


@pytest.mark.parametrize("old, new, call_old, call_new", OLD_NAMES + OLD_ANSWERS, ids=[o[0] for o in OLD_NAMES + OLD_ANSWERS])
def test_old_flat_names_warn_and_give_the_same(old, new, call_old, call_new) -> None:  # type: ignore[no-untyped-def]
    p = build()
    with pytest.warns(DeprecationWarning, match=rf"Portfolio\.{old}.* is deprecated: use Portfolio\.{new}"):
        got = call_old(p)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        want = call_new(p)
    if isinstance(want, dict) and all(isinstance(v, kartan.Table) for v in want.values()):
        assert {k: t.rows(0, 100) for k, t in got.items()} == {k: t.rows(0, 100) for k, t in want.items()}
    elif isinstance(want, kartan.Table):
        assert got.rows(0, 100) == want.rows(0, 100)
    else:
        assert got == want


def test_activities_is_the_list_and_warns_only_when_called() -> None:
    p = build()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert p.activities == ()


def test_record_actual_by_the_core_rule() -> None:
    p = build()
    # into the existing period: appended to its actuals
    p.record_actual("IND-1", datetime.date(2021, 1, 1), "2021-12-31", PeriodValue(numerator=30, denominator=50))
    assert [a.numerator for a in p.indicator("IND-1").periods[0].actuals] == [Decimal(20), Decimal(30)]
    # a new period with those dates
    p.record_actual("IND-1", "2022-01-01", "2022-12-31", PeriodValue(numerator=35, denominator=50))
    assert [(q.start.year, len(q.actuals)) for q in p.indicator("IND-1").periods] == [(2021, 2), (2022, 1)]
    with pytest.raises(KeyError, match='no indicator with id "nope"'):
        p.record_actual("nope", "2022-01-01", "2022-12-31", PeriodValue(value=1))
    with pytest.raises(ValueError, match=r"^Period\.end: expected a date, got '2022-02-30'$"):
        p.record_actual("IND-1", "2022-01-01", "2022-02-30", PeriodValue(value=1))


def test_a_bad_entry_from_a_dict_names_its_pointer() -> None:
    # a value that bypasses the Python checks (built from JSON by hand) is read by the
    # core's parser (kartan::io::json::part_from_str)
    p = build()
    with pytest.raises(kartan.ParseError) as e:
        p._h.put("projects", '{"id": "C", "title": {"sv": "C"}, "planned": {"start": "2021-13"}}', "add")
    # the same message as JS: the part's name, then the pointer inside it
    assert e.value.pointer == "/planned/start"
    assert str(e.value).startswith("project: at /planned/start: ")
