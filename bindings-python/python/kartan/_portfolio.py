"""``kartan.Portfolio``: one program plus everything recorded about it, held by the Rust
core, seen and edited through the typed model of ``kartan.model``.

The document stays in the core (``kartan._kartan.PortfolioHandle``); reading a member
(``p.program``, ``p.projects``) converts it from kartan JSON into the model's values, and
an edit (``p.add(project)``) crosses back as kartan JSON, read by the core's own parser,
so a bad value gets the same message (with its JSON pointer) as in Rust and JS.

The analyses are grouped: ``p.results`` (indicator values, progress, roll-ups, charts),
``p.learning`` (the learning analyses and the report) and ``p.tables`` (every table, a
``kartan.Table``). The flat names of kartan 0.x (``p.periods_table()`` …) still work for
one release and raise a ``DeprecationWarning`` naming the new one.
"""

from __future__ import annotations

import datetime
import json
import os
import warnings
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, Callable, Generic, TypeVar, overload

from kartan import _kartan
from kartan.answers import (
    ActivitySummary,
    Diagnostic,
    IndicatorProgress,
    IndicatorValues,
    LearningCycle,
    LearningProfile,
    MapReality,
    Rollup,
    Survey,
)
from kartan.model import (
    Activity,
    Evaluation,
    FactorAssessment,
    Indicator,
    Lesson,
    Organisation,
    Period,
    PeriodValue,
    PortfolioDoc,
    Program,
    Project,
    Report,
)

__all__ = ["Portfolio"]

M = TypeVar("M")

# The lists of the document that can be edited by id, and the entity each holds.
_LISTS: dict[str, type] = {
    "projects": Project,
    "activities": Activity,
    "evaluations": Evaluation,
    "reports": Report,
    "lessons": Lesson,
}
_KIND_OF = {cls: name for name, cls in _LISTS.items()}


def _kind(entity: object) -> str:
    kind = _KIND_OF.get(type(entity))
    if kind is None:
        allowed = ", ".join(c.__name__ for c in _LISTS.values())
        raise TypeError(f"Portfolio: expected a {allowed}, got {type(entity).__name__}")
    return kind


def _deprecated(old: str, new: str) -> None:
    warnings.warn(f"Portfolio.{old} is deprecated: use Portfolio.{new}", DeprecationWarning, stacklevel=3)


class _Members(Generic[M]):
    """A read-only list of the document as a property of ``Portfolio``: a tuple of
    ``cls``, converted from the core's kartan JSON at each read."""

    def __init__(self, name: str, cls: type[M], doc: str) -> None:
        self.name, self.cls, self.__doc__ = name, cls, doc

    @overload
    def __get__(self, owner: None, owner_type: type) -> _Members[M]: ...
    @overload
    def __get__(self, owner: Portfolio, owner_type: type | None = None) -> tuple[M, ...]: ...
    def __get__(self, owner: Portfolio | None, owner_type: type | None = None) -> tuple[M, ...] | _Members[M]:
        if owner is None:
            return self
        return owner._list(self.name, self.cls._load)  # type: ignore[attr-defined]

    def __set__(self, owner: Portfolio, value: object) -> None:
        raise AttributeError(f"Portfolio.{self.name} cannot be set: edit it with add(), put() and remove()")


class Portfolio:
    """A portfolio: one program plus everything recorded about it (organisations,
    projects, activities, evaluations, reports, lessons, learning-factor assessments).

    Build one with keywords (the same as ``kartan.model.PortfolioDoc``), read one with
    ``kartan.load(path)`` or ``Portfolio.from_json(text)``, write it with ``to_json()`` or
    ``save(path)``. Every member is a value of ``kartan.model`` (immutable; change one
    with ``.replace(...)`` and ``put`` it back). ``len(p)`` is the number of projects and
    iterating yields the projects. Two portfolios are equal when their content is; a
    portfolio pickles through its kartan JSON.

    >>> from kartan.model import Program, Project
    >>> p = kartan.Portfolio(default_language="sv", program=Program(id="P", title={"sv": "Lärande"}))
    >>> p.add(Project(id="A", title={"sv": "Ett"}))
    >>> p.add(Project(id="A", title={"sv": "Två"}))
    Traceback (most recent call last):
    ValueError: the portfolio already has a project with id "A"; ids are unique (put replaces it)
    >>> p.put(p.project("A").replace(title={"sv": "Två"}))
    >>> p, [x.title.best("sv") for x in p]
    (<Portfolio program='P' projects=1>, ['Två'])
    >>> kartan.Portfolio.from_json(p.to_json()) == p
    True
    """

    __slots__ = ("_h", "__weakref__")
    _h: _kartan.PortfolioHandle

    def __init__(
        self,
        *,
        program: Program | Mapping[str, Any],
        default_language: str = "sv",
        organisations: Iterable[Organisation | Mapping[str, Any]] = (),
        projects: Iterable[Project | Mapping[str, Any]] = (),
        activities: Iterable[Activity | Mapping[str, Any]] = (),
        evaluations: Iterable[Evaluation | Mapping[str, Any]] = (),
        reports: Iterable[Report | Mapping[str, Any]] = (),
        lessons: Iterable[Lesson | Mapping[str, Any]] = (),
        factor_assessments: Iterable[FactorAssessment | Mapping[str, Any]] = (),
    ) -> None:
        doc = PortfolioDoc(
            default_language=default_language,
            program=program,
            organisations=organisations,
            projects=projects,
            activities=activities,
            evaluations=evaluations,
            reports=reports,
            lessons=lessons,
            factor_assessments=factor_assessments,
        )
        self._h = _kartan.PortfolioHandle.from_json(json.dumps(doc.to_obj(), ensure_ascii=False))

    @classmethod
    def _wrap(cls, handle: _kartan.PortfolioHandle) -> Portfolio:
        p = cls.__new__(cls)
        p._h = handle
        return p

    # --- reading and writing ----------------------------------------------------------

    @classmethod
    def from_json(cls, text: str | bytes) -> Portfolio:
        """Reads a portfolio from kartan JSON (``str`` or UTF-8 ``bytes``; a BOM is skipped).

        Raises ``kartan.ParseError`` (with ``line``, ``column`` and ``pointer``) when the
        text is not well-formed, has a wrong type or an unknown field, or names another
        format. The portfolio is not validated: call ``validate()``.

        >>> kartan.Portfolio.from_json('{"format": "kartan/1", "default_language": "sv", "program": {"id": 7}}')
        Traceback (most recent call last):
        kartan.ParseError: 1:68: at /program/id: invalid type: integer `7`, expected a string
        """
        return cls._wrap(_kartan.PortfolioHandle.from_json(text))

    @classmethod
    def from_doc(cls, doc: PortfolioDoc) -> Portfolio:
        """The portfolio holding the document ``doc`` (a ``kartan.model.PortfolioDoc``)."""
        if not isinstance(doc, PortfolioDoc):
            raise TypeError(f"Portfolio.from_doc: expected a PortfolioDoc, got {type(doc).__name__}")
        return cls._wrap(_kartan.PortfolioHandle.from_json(json.dumps(doc.to_obj(), ensure_ascii=False)))

    @classmethod
    def from_iati(
        cls, source: str | os.PathLike[str] | bytes, *, strict: bool = False, default_measure: str | None = None
    ) -> Portfolio:
        """Imports an IATI 2.03 activities file (a path, or the XML as ``bytes``); see
        ``kartan.import_iati`` for the options, the errors and the import report.

        >>> p = kartan.Portfolio.from_iati(b'<iati-activities version="2.03"><iati-activity>'
        ...     b'<iati-identifier>XM-1</iati-identifier></iati-activity></iati-activities>')
        >>> [x.id for x in p]
        ['XM-1']
        """
        return cls._wrap(_kartan.PortfolioHandle.from_iati(source, strict=strict, default_measure=default_measure))

    def to_json(self) -> str:
        """The portfolio as pretty-printed kartan JSON (exact decimals are strings)."""
        return self._h.to_json()

    def to_doc(self) -> PortfolioDoc:
        """The whole document as one ``kartan.model.PortfolioDoc`` value."""
        return PortfolioDoc._load(json.loads(self._h.to_json()))

    def save(self, path: str | os.PathLike[str]) -> None:
        """Writes the portfolio as kartan JSON to ``path`` (UTF-8). Raises the builtin
        ``OSError`` subclass when the file cannot be written. An invalid portfolio (a
        dangling reference …) is saved as it is: ``validate`` reports it."""
        self._h.save(os.fspath(path))

    def validate(self, *, as_of: datetime.date, strict: bool = False) -> list[Diagnostic]:
        """Checks the portfolio and returns every diagnostic (errors, warnings, infos) in
        document order; an empty list means it is valid.

        ``as_of`` is the date that checks depending on "today" use (kartan never reads
        the clock). With ``strict=True``, raises ``kartan.ValidationError`` carrying all
        diagnostics when any of them is an error."""
        return self._h.validate(as_of=as_of, strict=strict)

    # --- the model --------------------------------------------------------------------

    def _list(self, name: str, cls: Callable[[Any], M]) -> tuple[M, ...]:
        return tuple(cls(o) for o in json.loads(self._h.part(name) or "[]"))

    @property
    def default_language(self) -> str:
        """The BCP 47 tag of the language most texts are in (``"sv"``)."""
        return self._h.default_language

    @property
    def program(self) -> Program:
        """The program (``kartan.model.Program``: its matrix, results, learning model …)."""
        return Program._load(json.loads(self._h.part("program") or "{}"))

    @program.setter
    def program(self, program: Program) -> None:
        if not isinstance(program, Program):
            raise TypeError(f"Portfolio.program: expected a Program, got {type(program).__name__}")
        self._h.put("program", json.dumps(program.to_obj(), ensure_ascii=False), "put")

    organisations = _Members("organisations", Organisation, "The organisations, in document order.")
    projects = _Members("projects", Project, "The projects, in document order.")

    @property
    def activities(self) -> _Activities:
        """The activities (``kartan.model.Activity``), in document order."""
        return _Activities(self, self._list("activities", Activity._load))

    evaluations = _Members("evaluations", Evaluation, "The evaluations, with their instruments and responses.")
    reports = _Members("reports", Report, "The reports, with their observations.")
    lessons = _Members("lessons", Lesson, "The lessons learned.")
    factor_assessments = _Members(
        "factor_assessments", FactorAssessment, "The learning-factor assessments per project."
    )

    def get(self, kind: str, id: str) -> Project | Activity | Evaluation | Report | Lesson:
        """The entry with ``id`` of the list ``kind`` (``"projects"``, ``"activities"``,
        ``"evaluations"``, ``"reports"``, ``"lessons"``); raises ``KeyError`` when there is
        none."""
        cls = _LISTS.get(kind)
        if cls is None:
            raise ValueError(f"Portfolio.get: kind must be one of {', '.join(map(repr, _LISTS))}, not {kind!r}")
        text = self._h.part(kind, id)
        if text is None:
            raise KeyError(f"no {kind[:-1]} with id {id!r}")
        return cls._load(json.loads(text))  # type: ignore[no-any-return, attr-defined]

    def project(self, id: str) -> Project:
        """The project with ``id``; raises ``KeyError`` when there is none."""
        return self.get("projects", id)  # type: ignore[return-value]

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator: the program's first, then each project's (in document order)."""
        out: list[Indicator] = []
        for owner in (self.program, *self.projects):
            for result in owner.results:
                out.extend(result.indicators)
        return tuple(out)

    def indicator(self, id: str) -> Indicator:
        """The indicator with ``id``, wherever it is; raises ``KeyError`` when there is none."""
        for ind in self.indicators:
            if ind.id == id:
                return ind
        raise KeyError(f"no indicator with id {id!r}")

    @property
    def counts(self) -> list[tuple[str, int]]:
        """How many of each kind of record the portfolio holds, as ``(kind, count)`` pairs
        (``projects``, ``organisations``, ``activities``, ``results``, ``indicators``,
        ``periods``, ``evaluations``, ``reports``, ``lessons``, ``factor_assessments``)."""
        return self._h.counts

    # --- editing ----------------------------------------------------------------------

    def add(self, entity: Project | Activity | Evaluation | Report | Lesson) -> None:
        """Adds a project, activity, evaluation, report or lesson (to the end of its list).
        Raises ``ValueError`` naming the id when the list already has it. The edit rules
        are the core's (``kartan::model::edit``), the same in Rust and JS."""
        kind = _kind(entity)
        self._h.put(kind, json.dumps(entity.to_obj(), ensure_ascii=False), "add")

    def put(self, entity: Project | Activity | Evaluation | Report | Lesson) -> None:
        """Replaces the entry with the same id (in its place), or adds it when there is
        none."""
        kind = _kind(entity)
        self._h.put(kind, json.dumps(entity.to_obj(), ensure_ascii=False), "put")

    def record_actual(
        self, indicator: str, start: datetime.date | str, end: datetime.date | str, actual: PeriodValue
    ) -> None:
        """Records ``actual`` in the period ``start``-``end`` of indicator ``indicator`` (of
        the program or a project): appended to that period's actuals, or to a new period
        with those dates (the core's rule). Raises ``KeyError`` when no indicator has the
        id. A value that does not fit the measure is for ``validate`` to report.

        >>> from kartan import Indicator, PeriodValue, Program, Result
        >>> p = kartan.Portfolio(program=Program(id="P", title={"en": "P"}, results=[
        ...     Result(id="R", type="outcome", indicators=[Indicator(id="I", measure="unit")])]))
        >>> p.record_actual("I", "2021-01-01", "2021-12-31", PeriodValue(value=12))
        >>> p.indicator("I").periods[0].actuals
        (PeriodValue(value=Decimal('12')),)
        """
        period = Period(start=start, end=end)
        if not isinstance(actual, PeriodValue):
            raise TypeError(f"Portfolio.record_actual: expected a PeriodValue, got {type(actual).__name__}")
        self._h.record_actual(indicator, period.start, period.end, json.dumps(actual.to_obj()))

    def remove(self, kind: str, id: str) -> Project | Activity | Evaluation | Report | Lesson:
        """Removes the entry with ``id`` from the list ``kind`` (as ``get``) and returns it;
        raises ``KeyError`` when there is none. References to it are left as they are:
        ``validate`` reports them."""
        cls = _LISTS.get(kind)
        if cls is None:
            raise ValueError(f"Portfolio.remove: kind must be one of {', '.join(map(repr, _LISTS))}, not {kind!r}")
        return cls._load(json.loads(self._h.remove(kind, id)))  # type: ignore[no-any-return, attr-defined]

    # --- the analyses -----------------------------------------------------------------

    @property
    def results(self) -> Results:
        """The results engine: ``period_values``, ``progress``, ``rollup``, ``chart``."""
        return Results(self._h)

    @property
    def learning(self) -> Learning:
        """The learning analyses: ``profile``, ``cycle``, ``map_vs_reality``, ``survey``,
        ``activities``, ``breakdown``, ``report``."""
        return Learning(self._h)

    @property
    def tables(self) -> Tables:
        """Every table of the portfolio as a ``kartan.Table``: ``projects``, ``periods``,
        ``progress``, ``matrix``, ``lessons``, ``learning_profile``, ``learning_cycle``,
        ``breakdown``."""
        return Tables(self._h)

    @property
    def matrix(self) -> MatrixView:
        """The program's results matrix ("the map") for display: ``grid(lang)``,
        ``to_table(lang)``, and a table in Jupyter. The value itself is
        ``p.program.matrix`` (a ``kartan.model.ResultsMatrix``)."""
        return MatrixView(self._h)

    # --- the names of kartan 0.x (one release, with a DeprecationWarning) ------------

    def projects_table(self, lang: str | None = None, *, decimals: str = "float") -> _kartan.Table:
        """Deprecated: ``p.tables.projects(...)``."""
        _deprecated("projects_table", "tables.projects")
        return self.tables.projects(lang, decimals=decimals)

    def periods_table(self, lang: str | None = None, *, decimals: str = "float") -> _kartan.Table:
        """Deprecated: ``p.tables.periods(...)``."""
        _deprecated("periods_table", "tables.periods")
        return self.tables.periods(lang, decimals=decimals)

    def progress_table(
        self, *, as_of: datetime.date, band: Decimal | float | str | None = None, lang: str | None = None
    ) -> _kartan.Table:
        """Deprecated: ``p.tables.progress(...)``."""
        _deprecated("progress_table", "tables.progress")
        return self.tables.progress(as_of=as_of, band=band, lang=lang)

    def lessons_table(self, lang: str | None = None) -> _kartan.Table:
        """Deprecated: ``p.tables.lessons(...)``."""
        _deprecated("lessons_table", "tables.lessons")
        return self.tables.lessons(lang)

    def learning_profile(self, lang: str | None = None) -> _kartan.Table:
        """Deprecated: ``p.tables.learning_profile(...)``."""
        _deprecated("learning_profile", "tables.learning_profile")
        return self.tables.learning_profile(lang)

    def learning_cycle(self, lang: str | None = None) -> _kartan.Table:
        """Deprecated: ``p.tables.learning_cycle(...)``."""
        _deprecated("learning_cycle", "tables.learning_cycle")
        return self.tables.learning_cycle(lang)

    def map_vs_reality(self, *, as_of: datetime.date, lang: str | None = None) -> dict[str, _kartan.Table]:
        """Deprecated: ``p.tables.map_vs_reality(...)``."""
        _deprecated("map_vs_reality", "tables.map_vs_reality")
        return self.tables.map_vs_reality(as_of=as_of, lang=lang)

    def survey(self, evaluation: str | None = None, *, lang: str | None = None) -> dict[str, _kartan.Table]:
        """Deprecated: ``p.tables.survey(...)``."""
        _deprecated("survey", "tables.survey")
        return self.tables.survey(evaluation, lang=lang)

    def breakdown(self, by: str, *, as_of: datetime.date | None = None) -> _kartan.Table:
        """Deprecated: ``p.tables.breakdown(...)``."""
        _deprecated("breakdown", "tables.breakdown")
        return self.tables.breakdown(by, as_of=as_of)

    def report(
        self, format: str = "html", *, as_of: datetime.date, lang: str | None = None, charts: bool = True
    ) -> str:
        """Deprecated: ``p.learning.report(...)``."""
        _deprecated("report", "learning.report")
        return self.learning.report(format, as_of=as_of, lang=lang, charts=charts)

    def period_values(self, id: str) -> IndicatorValues:
        """Deprecated: ``p.results.period_values(...)``."""
        _deprecated("period_values", "results.period_values")
        return self.results.period_values(id)

    def progress(self, id: str, *, as_of: datetime.date, band: Decimal | float | str | None = None) -> IndicatorProgress:
        """Deprecated: ``p.results.progress(...)``."""
        _deprecated("progress", "results.progress")
        return self.results.progress(id, as_of=as_of, band=band)

    def rollup(self, id: str, *, periods: Any = None) -> Rollup:
        """Deprecated: ``p.results.rollup(...)``."""
        _deprecated("rollup", "results.rollup")
        return self.results.rollup(id, periods=periods)

    def chart_spec(self, id: str) -> dict[str, Any]:
        """Deprecated: ``p.results.chart_spec(...)``."""
        _deprecated("chart_spec", "results.chart_spec")
        return self.results.chart_spec(id)

    def chart(self, id: str) -> Any:
        """Deprecated: ``p.results.chart(...)``."""
        _deprecated("chart", "results.chart")
        return self.results.chart(id)

    # --- Python protocol --------------------------------------------------------------

    def __len__(self) -> int:
        return dict(self._h.counts)["projects"]

    def __iter__(self) -> Iterator[Project]:
        return iter(self.projects)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Portfolio):
            return NotImplemented
        return self._h == other._h

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        program = json.loads(self._h.part("program") or "{}").get("id", "")
        return f"<Portfolio program={program!r} projects={len(self)}>"

    def _repr_html_(self) -> str:
        from kartan._repr import portfolio_html

        return portfolio_html(self)

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (Portfolio.from_json, (self.to_json(),))


class _Activities(tuple):  # type: ignore[type-arg]
    """The activities of a portfolio: a tuple of ``kartan.model.Activity``. Called like
    the method of kartan 0.x (``p.activities(as_of=...)``) it still gives the activity
    tables, with a ``DeprecationWarning`` pointing at ``p.tables.activities``."""

    _owner: Portfolio

    def __new__(cls, owner: Portfolio, items: Iterable[Activity]) -> _Activities:
        self = super().__new__(cls, items)
        self._owner = owner
        return self

    def __call__(self, *, as_of: datetime.date, lang: str | None = None) -> dict[str, _kartan.Table]:
        _deprecated("activities(as_of=...)", "tables.activities(as_of=...)")
        return self._owner.tables.activities(as_of=as_of, lang=lang)


class MatrixView:
    """The results matrix of one portfolio as displayed (``p.matrix``): the texts in one
    language, each level with its label.

    >>> [level for level, _, _, _ in kartan.seed().matrix.grid("en")]
    ['National level', 'Regional level', 'Local level']
    """

    __slots__ = ("_h",)

    def __init__(self, handle: _kartan.PortfolioHandle) -> None:
        self._h = handle

    def grid(self, lang: str | None = None) -> list[tuple[str, list[str], list[str], list[str]]]:
        """One ``(level label, actors, experiences, effects)`` tuple per row, texts in
        ``lang`` (the portfolio's by default)."""
        return self._h.matrix_grid(lang)

    def to_table(self, lang: str | None = None) -> _kartan.Table:
        """The matrix items as a ``kartan.Table``: ``level``, ``column``, ``id``, ``text``."""
        return self._h.matrix_table(lang)

    def __repr__(self) -> str:
        return f"<ResultsMatrix rows={len(self.grid())}>"

    def _repr_html_(self) -> str:
        from kartan._repr import matrix_html

        return matrix_html(self.grid())


class Results:
    """The results engine of one portfolio (``p.results``): indicator values, progress,
    roll-ups and charts, all computed by the core."""

    __slots__ = ("_h",)

    def __init__(self, handle: _kartan.PortfolioHandle) -> None:
        self._h = handle

    def period_values(self, id: str) -> IndicatorValues:
        """The values of indicator ``id`` as the results engine computes them: a
        ``kartan.answers.IndicatorValues`` (period actuals and targets, life-of-program
        figures; ``periods_table()`` lays them out).
        Raises ``kartan.AnalysisError`` for an unknown indicator or one with no measure."""
        return self._h.period_values(id)

    def progress(self, id: str, *, as_of: datetime.date, band: Decimal | float | str | None = None) -> IndicatorProgress:
        """Progress of indicator ``id`` as of ``as_of`` (DESIGN.md rule 3): a
        ``kartan.answers.IndicatorProgress`` whose ``progress`` is a ``ProgressFraction``
        (``.value`` a fraction: 0.5 = half-way from baseline to target; negative = a
        regression) or another ``Progress`` whose ``.kind`` says why there is none
        (``"no_target"``, ``"no_baseline"``, ``"no_actual"``, ``"undefined"``).
        ``band`` is the on-track tolerance, a fraction (default 0.15, i.e. ± 15 %).
        Raises ``kartan.AnalysisError`` for an unknown or non-quantitative indicator."""
        return self._h.progress(id, as_of=as_of, band=band)

    def rollup(self, id: str, *, periods: Any = None) -> Rollup:
        """Rolls indicator ``id`` up from its contributors into program ``periods``:
        ``"yearly"`` (default), ``"half_yearly"``, ``"quarterly"``, ``"monthly"`` or a
        list of ``(start, end)`` dates. Percentages pool numerators and denominators
        (DESIGN.md rule 1); targets aggregate like actuals (rule 4)."""
        return self._h.rollup(id, periods=periods)

    def chart_spec(self, id: str) -> dict[str, Any]:
        """The Vega-Lite v6 specification (a dict) of indicator ``id``'s chart."""
        return self._h.chart_spec(id)

    def chart(self, id: str) -> Any:
        """Indicator ``id``'s chart: an ``altair.Chart`` when Altair is installed, else a
        ``kartan.Chart`` that Jupyter shows as Vega-Lite."""
        return self._h.chart(id)


class Learning:
    """The learning analyses of one portfolio (``p.learning``)."""

    __slots__ = ("_h",)

    def __init__(self, handle: _kartan.PortfolioHandle) -> None:
        self._h = handle

    def profile(self) -> LearningProfile:
        """The learning-factor profile across projects (``kartan.answers.LearningProfile``):
        per factor of the program, how many projects' assessments say it was present,
        partly present or absent, and the shares (fractions of the assessed projects).
        The same figures as a table: ``p.tables.learning_profile()``."""
        return self._h.learning_answer("profile")  # type: ignore[no-any-return]

    def cycle(self) -> LearningCycle:
        """The learning cycle (``kartan.answers.LearningCycle``): the lessons by phase of
        the cycle, where they were applied and the decisions for the next program. As a
        table: ``p.tables.learning_cycle()``."""
        return self._h.learning_answer("cycle")  # type: ignore[no-any-return]

    def map_vs_reality(self, *, as_of: datetime.date) -> MapReality:
        """Did the map match reality as of ``as_of``? A ``kartan.answers.MapReality``:
        every matrix item with its evidence, verdict and linked indicators (each with its
        progress as of ``as_of``, a fraction from baseline to target, DESIGN.md rule 3),
        the planned activities against what was held, and what happened that was not on
        the map. As tables: ``p.tables.map_vs_reality(as_of=...)``."""
        return self._h.learning_answer("map_vs_reality", as_of=as_of)  # type: ignore[no-any-return]

    def survey(self, evaluation: str | None = None, *, trend: str | None = None) -> Survey:
        """Survey statistics of the evaluation ``evaluation`` (the first when ``None``), a
        ``kartan.answers.Survey``: per question (n, mean, median, sd, top-two box as a
        fraction, the distribution), per event in date order and, when ``trend`` names a
        question, its trend over the events. "Not applicable" and blank answers are
        missing, never 0 (DESIGN.md rule 9). Raises ``KeyError`` (``no evaluation with id
        "E9"``) for an unknown evaluation. As tables: ``p.tables.survey(...)``."""
        return self._h.learning_answer("survey", evaluation=evaluation, trend=trend)  # type: ignore[no-any-return]

    def activities(self, *, as_of: datetime.date) -> ActivitySummary:
        """What was done as of ``as_of`` (``kartan.answers.ActivitySummary``): activities
        by kind, planned and held, and participation by level. As tables:
        ``p.tables.activities(as_of=...)``."""
        return self._h.learning_answer("activities", as_of=as_of)  # type: ignore[no-any-return]

    def report(
        self, format: str = "html", *, as_of: datetime.date, lang: str | None = None, charts: bool = True
    ) -> str:
        """The learning report (DESIGN.md "The learning report") as text: ``format`` is
        ``"html"``, ``"md"`` or ``"json"``; ``lang`` ``"sv"`` or ``"en"`` (by default the
        portfolio's); ``as_of`` the date it describes; ``charts=False`` leaves the charts out.

        >>> md = kartan.seed().learning.report("md", lang="en", as_of=datetime.date(2013, 12, 31))
        >>> md.splitlines()[0]
        '# Learning report: Program for local and regional growth work'
        """
        return self._h.report(format, as_of=as_of, lang=lang, charts=charts)


class Tables:
    """Every table of one portfolio (``p.tables``), each a ``kartan.Table`` (to pandas,
    polars or Arrow with ``to_pandas()`` …). The rows are built by the core."""

    __slots__ = ("_h",)

    def __init__(self, handle: _kartan.PortfolioHandle) -> None:
        self._h = handle

    def projects(self, lang: str | None = None, *, decimals: str = "float") -> _kartan.Table:
        """The projects, one row each (see ``PortfolioHandle.projects_table`` for the
        columns). ``decimals="exact"`` gives the budget as Arrow ``decimal128``."""
        return self._h.projects_table(lang, decimals=decimals)

    def periods(self, lang: str | None = None, *, decimals: str = "float") -> _kartan.Table:
        """The indicator periods: one row per period and disaggregation, target and actual
        side by side. ``decimals="exact"`` gives the numbers as Arrow ``decimal128``."""
        return self._h.periods_table(lang, decimals=decimals)

    def relational(
        self, lang: str | None = None, *, as_of: datetime.date | None = None, decimals: str = "exact"
    ) -> dict[str, _kartan.Table]:
        """The relational tables, for engines that join and aggregate: ``projects``,
        ``results``, ``indicators``, ``periods`` (one row per period × ``value_kind``
        target/actual × disaggregation, with ``numerator`` and ``denominator``),
        ``budgets``, ``transactions``, ``diagnostics`` (``validate(as_of=...)``'s
        findings when ``as_of`` is given), ``activities``, ``answers`` (one row per
        response × question), ``observations``, ``lessons``, ``plans``,
        ``factor_assessments``, ``planned_disbursements`` and ``recipient_areas``, joined by ``project_id``, ``result_id`` and
        ``indicator_id`` — the tables ``kartan convert --to parquet`` writes (columns
        documented in ``kartan::analysis::tables::relational``). Decimals are exact
        ``decimal128(38, 18)`` by default, the schema of the Parquet files and of
        ``kartan.scan_iati`` (``decimals="float"`` gives ``float64``); pool percentages
        as Σ numerator ÷ Σ denominator (DESIGN.md rule 1) and never add two currencies."""
        return self._h.relational_tables(lang, as_of=as_of, decimals=decimals)

    def spending(self, *, decimals: str = "float") -> _kartan.Table:
        """Planned against realised money: one row per project and currency (currencies
        are never added), with ``planned`` (the effective budget lines), ``committed``,
        ``disbursed``, ``expended``, ``received`` (sums of the IATI transaction types 2, 3,
        4 and 1; ``None`` when none of that type is recorded, never 0), ``spent``
        (disbursed + expended), ``remaining`` (planned − spent), ``used`` (spent ÷ planned,
        a fraction: 1.5 is an overspend by half) and ``transactions`` (a count).
        ``decimals="exact"`` gives the amounts as Arrow ``decimal128``. The rows are the
        core's ``kartan::analysis::tables::spending_table``."""
        return self._h.spending_table(decimals=decimals)

    def money(
        self,
        by: str = "project",
        *,
        rates: str | os.PathLike[str] | None = None,
        decimals: str = "float",
    ) -> _kartan.Table:
        """Budget, commitments and spending grouped ``by`` ``"project"``, ``"program"``,
        ``"focus_area"``, ``"level"`` (a project at two levels counts at each),
        ``"owner_kind"`` or ``"year"`` (of a budget or planned disbursement's period
        start, of a transaction's date): the first column is the group, then ``currency``, ``budget`` (the effective
        budget lines: a revision replaces the original of its period),
        ``planned_disbursements`` (what funders plan to pay, IATI ``planned-disbursement``,
        effective lines likewise), ``committed`` (outgoing commitments, IATI type 2), ``spent`` (disbursements + expenditure, types
        3 and 4: a commitment is never spending), ``remaining`` (budget − spent),
        ``absorption`` (spent ÷ budget, a **fraction** of the budget: 0.45 is 45 %),
        ``transactions`` (a count) and ``unconverted``. ``None`` means not reported (or
        not known), never 0.

        One row per group and currency: amounts in different currencies are never added.
        With ``rates``, the path of a CSV rate table ``date,currency,rate_to_target`` (or
        ``rate_to_SEK``, naming the target), every amount is converted at the rate in
        force on its value date (the currency's latest rate on or before it) and a group
        has one row in the target currency; an amount with no rate leaves its figure
        ``None`` (never 0), counts in ``unconverted`` and is listed in a ``UserWarning``.
        A bad rate table raises ``kartan.ParseError`` naming the file, line and column.
        ``decimals="exact"`` gives the amounts as Arrow ``decimal128``. The rows are the
        core's ``kartan::analysis::money::money_table``.

        >>> t = kartan.seed().tables.money("program", decimals="exact")
        >>> t.column_names
        ['program', 'currency', 'budget', 'planned_disbursements', 'committed', 'spent', 'remaining', 'absorption', 'transactions', 'unconverted']
        """
        return self._h.money_table(by, rates=rates, decimals=decimals)

    def progress(
        self,
        *,
        as_of: datetime.date,
        band: Decimal | float | str | None = None,
        lang: str | None = None,
        decimals: str = "float",
    ) -> _kartan.Table:
        """The progress of every indicator as of ``as_of``, one row each: ``project``,
        ``indicator``, ``indicator_title``, ``measure``, ``direction``, ``baseline``,
        ``target``, ``target_source``, ``actual``, ``progress`` (a fraction),
        ``progress_kind``, ``expected`` (a fraction), ``status``, ``band`` and ``note``
        (why a row has no figures). ``decimals="exact"`` gives the figures as Arrow
        ``decimal128``. The rows are the core's ``kartan::analysis::tables::progress_table``."""
        return self._h.progress_table(as_of=as_of, band=band, lang=lang, decimals=decimals)

    def matrix(self, lang: str | None = None) -> _kartan.Table:
        """The results-matrix items: ``level``, ``column``, ``id``, ``text``."""
        return self._h.matrix_table(lang)

    def lessons(self, lang: str | None = None) -> _kartan.Table:
        """The lessons, one row each."""
        return self._h.lessons_table(lang)

    def learning_profile(self, lang: str | None = None) -> _kartan.Table:
        """The learning-factor profile, one row per factor (``p.learning.profile()`` as a
        table)."""
        return self._h.learning_profile(lang)

    def learning_cycle(self, lang: str | None = None) -> _kartan.Table:
        """The learning cycle, one row per phase (``p.learning.cycle()`` as a table)."""
        return self._h.learning_cycle(lang)

    def map_vs_reality(self, *, as_of: datetime.date, lang: str | None = None) -> dict[str, _kartan.Table]:
        """``p.learning.map_vs_reality(as_of=...)`` as a dict of ``kartan.Table`` by name:
        ``map_items`` (the matrix items with their evidence and verdict),
        ``map_indicators`` (each item's linked indicators with their progress as of
        ``as_of``, a fraction), ``map_plans`` (the planned activities, held or not) and
        ``map_unexpected`` (what happened that was not on the map)."""
        return self._h.map_vs_reality(as_of=as_of, lang=lang)

    def survey(self, evaluation: str | None = None, *, lang: str | None = None) -> dict[str, _kartan.Table]:
        """``p.learning.survey(evaluation)`` as a dict of ``kartan.Table`` by name:
        ``survey_questions``, ``survey_distribution`` and ``survey_events``."""
        return self._h.survey(evaluation, lang=lang)

    def activities(self, *, as_of: datetime.date, lang: str | None = None) -> dict[str, _kartan.Table]:
        """``p.learning.activities(as_of=...)`` as a dict of ``kartan.Table``:
        ``activities_by_kind`` and ``participation_by_level``."""
        return self._h.activities(as_of=as_of, lang=lang)

    def breakdown(self, by: str, *, as_of: datetime.date | None = None) -> _kartan.Table:
        """Projects grouped by ``by`` (count and budget per group): ``"status"`` (needs
        ``as_of``), ``"region"``, ``"focus_area"``, ``"owner_kind"`` or a classification
        scheme. Raises ``kartan.AnalysisError`` for anything else."""
        return self._h.breakdown(by, as_of=as_of)
