"""Learning analyses, survey statistics and table import through the binding, on the
seed program and the real files."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import kartan
import pyarrow as pa
import pytest
from conftest import REPO

AS_OF = datetime.date(2013, 12, 31)
MAPPINGS = REPO / "examples" / "mappings"


def test_seed_learning_tables() -> None:
    p = kartan.seed()
    profile = pa.table(p.tables.learning_profile())
    assert profile.column("factor").to_pylist()[:2] == ["LF-1", "LF-2"]
    assert p.tables.learning_cycle().num_rows == 4
    assert p.tables.lessons().name == "lessons"
    tables = p.tables.map_vs_reality(as_of=AS_OF, lang="en")
    assert set(tables) == {"map_items", "map_indicators", "map_plans", "map_unexpected"}
    assert tables["map_items"].num_rows == sum(len(r.experiences) + len(r.effects) for r in p.program.matrix.rows)
    activities = p.tables.activities(as_of=AS_OF)
    assert set(activities) == {"activities_by_kind", "participation_by_level"}
    with pytest.raises(ValueError, match="needs as_of"):
        p.tables.breakdown("status")
    with pytest.raises(KeyError, match="no evaluation"):
        p.tables.survey("nope")


def test_seed_learning_answers() -> None:
    """``p.learning`` gives the core's answers as the classes generated from the answers
    schema; the tables of ``p.tables`` are the same figures."""
    p = kartan.seed()
    profile = p.learning.profile()
    assert isinstance(profile, kartan.answers.LearningProfile)
    assert [f.factor for f in profile.factors][:2] == ["LF-1", "LF-2"]
    assert len(profile.factors) == p.tables.learning_profile().num_rows
    cycle = p.learning.cycle()
    assert isinstance(cycle, kartan.answers.LearningCycle)
    assert len(cycle.phases) == p.tables.learning_cycle().num_rows == 4
    reality = p.learning.map_vs_reality(as_of=AS_OF)
    assert isinstance(reality, kartan.answers.MapReality) and reality.as_of == AS_OF
    assert len(reality.items) == sum(len(r.experiences) + len(r.effects) for r in p.program.matrix.rows)
    # The seed records no observation: every item is "none yet", never "confirmed".
    assert {i.verdict for i in reality.items} == {kartan.answers.Verdict("none_yet")}
    assert reality.to_dict()["as_of"] == "2013-12-31"
    done = p.learning.activities(as_of=AS_OF)
    assert isinstance(done, kartan.answers.ActivitySummary)
    # the seed: four activities recorded, none held yet (the report's section 3)
    assert (sum(k.recorded for k in done.by_kind), sum(k.held for k in done.by_kind)) == (4, 0)
    with pytest.raises(ValueError, match="needs as_of"):
        p._h.learning_answer("map_vs_reality")
    with pytest.raises(ValueError, match="no learning analysis named 'nope'"):
        p._h.learning_answer("nope")
    with pytest.raises(KeyError, match='no evaluation with id "nope"'):
        p.learning.survey("nope")
    with pytest.raises(TypeError):
        p.learning.profile("en")  # type: ignore[call-arg]


def test_survey_answer() -> None:
    """``p.learning.survey`` on a meeting series built with the model: exact decimals,
    "not applicable" missing (never 0), the trend in date order of the meetings."""
    from kartan.model import Activity, AnswerNotApplicable, AnswerScore, Evaluation, Instrument, Question, Response
    from kartan.model import ScalePoint, ScalePoints

    p = kartan.Portfolio.from_json(kartan.seed().to_json())
    for id, day in (("M2", "2021-09-01"), ("M1", "2021-03-01")):
        p.add(Activity(id=id, kind="project_leader_meeting", state="held", title={"en": id},
                       held={"start": day, "end": day}))
    likert = ScalePoints(points=[ScalePoint(score=s, label={"en": str(s)}) for s in range(1, 6)])
    p.add(Evaluation(
        id="E1", title={"en": "Meetings"}, events=["M2", "M1"],
        instrument=Instrument(questions=[Question(id="Q1", text={"en": "Useful"}, scale=likert)]),
        responses=[
            Response(event="M1", answers={"Q1": AnswerScore(score=4)}),
            Response(event="M1", answers={"Q1": AnswerNotApplicable()}),
            Response(event="M2", answers={"Q1": AnswerScore(score=5)}),
        ],
    ))
    survey = p.learning.survey("E1", trend="Q1")
    assert isinstance(survey, kartan.answers.Survey) and survey.evaluation == "E1"
    q = survey.questions[0]
    assert (q.responses, q.n, q.not_applicable, q.missing) == (3, 2, 1, 1)
    assert (q.mean, q.top_two_box) == (Decimal("4.5"), Decimal(1))
    assert [(t.event, t.n, t.mean) for t in survey.trend or ()] == [("M1", 1, Decimal(4)), ("M2", 1, Decimal(5))]
    assert [e.event for e in survey.events] == ["M1", "M2"]
    assert survey.to_dict()["questions"][0]["mean"] == "4.50"  # the core's JSON, as JS gets it
    assert p.learning.survey("E1").trend is None
    # The same figures as the survey table.
    row = p.tables.survey("E1")["survey_questions"].rows(0, 10)[0]
    assert (row["n"], row["mean"]) == (2, 4.5)


def test_projektbanken_table_import(real: Path) -> None:
    p, report = kartan.import_table(
        real / "cohesion" / "se_tillvaxtverket_erdf_projektbanken_2014-2020_snapshot2016.json",
        MAPPINGS / "projektbanken.toml",
    )
    assert len(p) == 374 and report.rows_imported == 374 and not report.skipped
    # SOURCES.md: total granted 4,354,438,151 SEK
    # the projects table sums each project's effective budget lines (a revision replaces
    # the original of its period: the core's rule), exactly
    assert sum(pa.table(p.tables.projects(decimals="exact")).column("budget").to_pylist()) == 4354438151
    by_programme = pa.table(p.tables.breakdown("regional_programme")).to_pylist()
    assert sum(row["projects"] for row in by_programme) >= 374
    assert by_programme[0]["currency"] == "SEK"


def test_carpentries_survey(real: Path) -> None:
    tables, report = kartan.load_survey(
        real / "surveys" / "carpentries_instructor_training_post_survey_2018.csv",
        MAPPINGS / "carpentries_post_survey.toml",
        trend="LikelyToRecommend",
    )
    assert report.rows_read == 967
    worth = next(r for r in tables["survey_questions"].rows(0, 100) if r["question"] == "Worth")
    assert (worth["n"], worth["missing"], round(worth["mean"], 2)) == (904, 63, 4.38)
    assert tables["survey_trend"].num_rows > 0


def test_table_import_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        kartan.import_table(tmp_path / "projects.csv", tmp_path / "missing.toml")
    table = tmp_path / "projects.csv"
    table.write_text("id,name\n1,a\n", encoding="utf-8")
    mapping = tmp_path / "m.toml"
    mapping.write_text("this is = = not toml", encoding="utf-8")
    with pytest.raises(kartan.ParseError):
        kartan.import_table(table, mapping)


def test_bad_mappings_are_parse_errors_naming_the_mapping(tmp_path: Path) -> None:
    table = tmp_path / "projects.csv"
    table.write_text("id,name\nP1,a\n", encoding="utf-8")
    # Not UTF-8: a ParseError with the place of the first bad byte, not an OSError.
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes(b'[columns]\nid = "id"\ntitle = "n\xe4me"\n')
    with pytest.raises(kartan.ParseError, match=r"latin1\.toml: not UTF-8: invalid byte sequence at byte 30 \(line 3 column 11\)") as info:
        kartan.import_table(table, latin1)
    assert info.value.filename == str(latin1)
    # Empty: the same message for JSON as for TOML.
    empty = tmp_path / "empty.json"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(kartan.ParseError, match="empty.json: the mapping is empty: missing field `columns` at line 1 column 1"):
        kartan.import_table(table, empty)
    # A survey setting that contradicts another names the mapping and the key's place.
    survey = tmp_path / "s.toml"
    survey.write_text(
        'evaluation_id = "E"\ntitle = "T"\n[scales.a]\nlabels = ["No", "Yes"]\nnot_applicable = ["Yes"]\n'
        '[[questions]]\ncolumn = "name"\nscale = "a"\n',
        encoding="utf-8",
    )
    with pytest.raises(kartan.ParseError, match=r"s\.toml: at scales\.a\.not_applicable\[0\]: scale \"a\" lists \"Yes\" both as a label"):
        kartan.load_survey(table, survey)


def test_bad_tables_are_parse_errors(tmp_path: Path) -> None:
    mapping = tmp_path / "m.toml"
    mapping.write_text('[columns]\nid = "id"\ntitle = "name"\n', encoding="utf-8")
    for name, text, message in [
        ("quote.csv", 'id,name\nP1,"Network\nP2,Fair\n', "quote.csv: row 2: a quote opened at line 2 column 4 is never closed"),
        ("short.csv", "id,name,x\nP1,a\n", 'short.csv: row 2: 2 cells but the header has 3 columns (no cell for column "x")'),
        ("dup.json", '[{"id": "P1", "id": "P2", "name": "a"}]', 'dup.json: 1:18: at /0/id: duplicate key "id"'),
    ]:
        table = tmp_path / name
        table.write_text(text, encoding="utf-8")
        with pytest.raises(kartan.ParseError) as info:
            kartan.import_table(table, mapping)
        assert str(info.value).startswith(str(tmp_path / message.split(":")[0])), str(info.value)
        assert message.split(": ", 1)[1] in str(info.value), str(info.value)
