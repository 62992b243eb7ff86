# Regenerates build_a_portfolio.ipynb (run from the repository root with the venv's
# Python: .venv/bin/python examples/python/make_build_a_portfolio.py).
"""Writes examples/python/build_a_portfolio.ipynb: a portfolio built from scratch in Python."""
import nbformat as nbf

nb = nbf.v4.new_notebook()
md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
nb.cells = [
    md(
        "# Build a portfolio from scratch\n\n"
        "Every entity of kartan JSON is a Python value of `kartan.model` (also importable from `kartan`): "
        "keyword constructors that check their arguments, immutable, changed with `.replace(...)`. "
        "Exact numbers are `Decimal` (or `int`, or a string such as `\"12.5\"`; a `float` is refused "
        "because it may already be rounded). Dates are `datetime.date` or ISO text; a partial date "
        "(`\"2021\"`, `\"2021-06\"`) is a `kartan.PartialDate`."
    ),
    code(
        "import datetime\n"
        "import tempfile\n"
        "from pathlib import Path\n\n"
        "import kartan\n"
        "from kartan import (\n"
        "    Activity, ActivityPlan, Evaluation, Indicator, Instrument, Lesson, MatrixItem, MatrixRow,\n"
        "    Observation, Participation, Period, PeriodValue, Program, Project, Question, Report, Response,\n"
        "    Result, ResultsMatrix, AnswerScore, ScalePoint, ScalePoints,\n"
        ")\n\n"
        "AS_OF = datetime.date(2021, 12, 31)"
    ),
    md("## The program and its results matrix (\"the map\")\n\n"
       "One row per level: who acts there, what they should gain (experiences) and what should follow (effects). "
       "The program plans two project-leader meetings."),
    code(
        "program = Program(\n"
        "    id=\"PRG\",\n"
        "    title={\"en\": \"Growth through learning\", \"sv\": \"Tillväxt genom lärande\"},\n"
        "    period={\"start\": \"2021\", \"end\": \"2023\"},\n"
        "    matrix=ResultsMatrix(rows=[\n"
        "        MatrixRow(\n"
        "            level=\"regional\",\n"
        "            actors=[{\"en\": \"Regional project leaders\"}],\n"
        "            experiences=[MatrixItem(id=\"M-R-X1\", text={\"en\": \"Project leaders learn from each other\"})],\n"
        "            effects=[MatrixItem(id=\"M-R-E1\", text={\"en\": \"More women on company boards\"})],\n"
        "        ),\n"
        "    ]),\n"
        "    plans=[ActivityPlan(id=\"PLAN-PLM\", kind=\"project_leader_meeting\", count=2,\n"
        "                        title={\"en\": \"Project-leader meetings\"})],\n"
        ")\n"
        "p = kartan.Portfolio(default_language=\"en\", program=program)\n"
        "p.matrix"
    ),
    md("## Two projects, one indicator with periods\n\n"
       "The indicator is a percentage: each actual gives its numerator and denominator, so roll-ups pool them "
       "(DESIGN.md rule 1). It is linked to the matrix effect `M-R-E1`."),
    code(
        "women_on_boards = Indicator(\n"
        "    id=\"IND-WOB\",\n"
        "    title={\"en\": \"Share of women on the boards of supported companies\"},\n"
        "    measure=\"percentage\",\n"
        "    baselines=[{\"year\": 2020, \"numerator\": \"10\", \"denominator\": \"50\"}],\n"
        "    life_target=\"40\",\n"
        "    matrix_items=[\"M-R-E1\"],\n"
        "    periods=[\n"
        "        Period(start=\"2021-01-01\", end=\"2021-06-30\", targets=[PeriodValue(numerator=25, denominator=100)],\n"
        "               actuals=[PeriodValue(numerator=11, denominator=50)]),\n"
        "        Period(start=\"2021-07-01\", end=\"2021-12-31\", targets=[PeriodValue(numerator=30, denominator=100)],\n"
        "               actuals=[PeriodValue(numerator=15, denominator=50)]),\n"
        "    ],\n"
        ")\n"
        "p.add(Project(\n"
        "    id=\"PRJ-A\", title={\"en\": \"Boards for growth\"}, status=\"implementation\", levels=[\"regional\"],\n"
        "    planned={\"start\": \"2021-01-01\", \"end\": \"2022-12-31\"},\n"
        "    results=[Result(id=\"PRJ-A-R1\", type=\"outcome\", title={\"en\": \"More diverse boards\"},\n"
        "                    matrix_items=[\"M-R-E1\"], indicators=[women_on_boards])],\n"
        "))\n"
        "p.add(Project(id=\"PRJ-B\", title={\"en\": \"Local mentoring\"}, status=\"implementation\", levels=[\"local\"]))\n"
        "p"
    ),
    md("A repeated id is refused, with the id in the message:"),
    code(
        "try:\n"
        "    p.add(Project(id=\"PRJ-B\", title={\"en\": \"Another\"}))\n"
        "except ValueError as e:\n"
        "    print(e)"
    ),
    md("A bad value is refused by the constructor, naming the class and the field:"),
    code(
        "for bad in (lambda: Period(start=\"2021-13-01\", end=\"2021-12-31\"), lambda: PeriodValue(value=0.1)):\n"
        "    try:\n"
        "        bad()\n"
        "    except (TypeError, ValueError) as e:\n"
        "        print(type(e).__name__, e)"
    ),
    md("## A held project-leader meeting and its evaluation\n\n"
       "The meeting was planned (`PLAN-PLM`) and held; the participants answered one question on a 1-5 scale."),
    code(
        "p.add(Activity(\n"
        "    id=\"ACT-PLM-1\", kind=\"project_leader_meeting\", plan=\"PLAN-PLM\", state=\"held\",\n"
        "    title={\"en\": \"Project-leader meeting, spring\"},\n"
        "    held={\"start\": \"2021-03-10\", \"end\": \"2021-03-10\"},\n"
        "    participants=[Participation(level=\"regional\", count=12)],\n"
        "    matrix_items=[\"M-R-X1\"],\n"
        "))\n"
        "likert = ScalePoints(points=[ScalePoint(score=s, label={\"en\": str(s)}) for s in range(1, 6)])\n"
        "p.add(Evaluation(\n"
        "    id=\"EVAL-PLM\", plan=\"PLAN-PLM\", events=[\"ACT-PLM-1\"], title={\"en\": \"Meeting evaluation\"},\n"
        "    instrument=Instrument(questions=[\n"
        "        Question(id=\"Q1\", text={\"en\": \"I learned something I will use\"}, scale=likert),\n"
        "    ]),\n"
        "    responses=[Response(event=\"ACT-PLM-1\", answers={\"Q1\": AnswerScore(score=s)}) for s in (4, 5, 3, 4)],\n"
        "))\n"
        "survey = p.learning.survey(\"EVAL-PLM\")\n"
        "q = survey.questions[0]\n"
        "q.n, q.mean, q.top_two_box"
    ),
    md("## An observation on the map, and a lesson"),
    code(
        "p.add(Report(\n"
        "    id=\"REP-1\", kind=\"meeting_notes\", activity=\"ACT-PLM-1\", date=\"2021-03-10\",\n"
        "    title={\"en\": \"Notes from the spring meeting\"},\n"
        "    observations=[Observation(id=\"OBS-1\", matrix_item=\"M-R-X1\", strength=\"documented\",\n"
        "                              text={\"en\": \"Leaders copied each other's board recruitment checklists\"})],\n"
        "))\n"
        "p.add(Lesson(id=\"LES-1\", date=\"2021-06\", source=\"REP-1\",\n"
        "             text={\"en\": \"A shared checklist spreads faster than a seminar\"}))\n"
        "dict(p.counts)"
    ),
    md("## Validate, compare the map with reality, follow progress"),
    code("[str(d) for d in p.validate(as_of=AS_OF)]"),
    code(
        "reality = p.tables.map_vs_reality(as_of=AS_OF)\n"
        "reality[\"map_items\"].to_pandas()[[\"item\", \"column\", \"evidence\", \"verdict\", \"indicators_with_progress\"]]"
    ),
    md("Each matrix item's linked indicators with their progress (a fraction: 0.5 is half-way from baseline to target), "
       "from the typed answer `kartan.answers.MapReality`:"),
    code("[(i.item, l.id, l.progress) for i in p.learning.map_vs_reality(as_of=AS_OF).items for l in i.indicators]"),
    code(
        "progress = p.results.progress(\"IND-WOB\", as_of=AS_OF)\n"
        "progress.to_dict()"
    ),
    code("p.tables.progress(as_of=AS_OF).to_pandas()[[\"indicator\", \"baseline\", \"target\", \"actual\", \"progress\", \"status\"]]"),
    md("## Edit, save, load back"),
    code(
        "b = p.project(\"PRJ-B\")\n"
        "p.put(b.replace(title={\"en\": \"Local mentoring\", \"sv\": \"Lokalt mentorskap\"}))\n"
        "path = Path(tempfile.mkdtemp()) / \"growth.kartan.json\"\n"
        "p.save(path)\n"
        "again = kartan.load(path)\n"
        "assert again == p and again.project(\"PRJ-B\").title.best(\"sv\") == \"Lokalt mentorskap\"\n"
        "again"
    ),
]
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbf.write(nb, "examples/python/build_a_portfolio.ipynb")
