"""Learning analyses, survey statistics and table import through the binding, on the
seed program and the real files."""

from __future__ import annotations

import datetime
from pathlib import Path

import kartan
import pyarrow as pa
import pytest
from conftest import REPO

AS_OF = datetime.date(2013, 12, 31)
MAPPINGS = REPO / "examples" / "mappings"


def test_seed_learning_tables() -> None:
    p = kartan.seed()
    profile = pa.table(p.learning.profile())
    assert profile.column("factor").to_pylist()[:2] == ["LF-1", "LF-2"]
    assert p.learning.cycle().num_rows == 4
    assert p.tables.lessons().name == "lessons"
    tables = p.learning.map_vs_reality(as_of=AS_OF, lang="en")
    assert set(tables) == {"map_items", "map_indicators", "map_plans", "map_unexpected"}
    assert tables["map_items"].num_rows == sum(len(r.experiences) + len(r.effects) for r in p.program.matrix.rows)
    activities = p.learning.activities(as_of=AS_OF)
    assert set(activities) == {"activities_by_kind", "participation_by_level"}
    with pytest.raises(ValueError, match="needs as_of"):
        p.tables.breakdown("status")
    with pytest.raises(KeyError, match="no evaluation"):
        p.learning.survey("nope")


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
