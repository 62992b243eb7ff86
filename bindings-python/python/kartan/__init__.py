"""kartan ("the map"): one shared domain model for programs for local and regional
growth work and the learning around them.

Load a portfolio (``kartan.load(path)``) or build one (``kartan.Portfolio(program=...)``
with the values of ``kartan.model``), navigate it (``portfolio.projects``,
``portfolio.indicator("IND-1")``), edit it (``portfolio.add(project)``), validate it
(``portfolio.validate(as_of=...)``), save it (``portfolio.save(path)``) and take answers
and tables out of it (``portfolio.results.progress(...)``,
``portfolio.tables.periods().to_pandas()``). Every rule is the Rust core's; this package
is a thin face over it.

The model (``kartan.model``) is generated from the core's JSON Schema; its classes are
also here (``kartan.Project``, ``kartan.Indicator``, ``kartan.Period`` …).
"""

from __future__ import annotations

import datetime
import os

from kartan import _kartan
from kartan._charts import Chart
from kartan._kartan import (
    AnalysisError,
    KartanError,
    ParseError,
    Table,
    TableStream,
    ValidationError,
    __version__,
    load_survey,
)
from collections.abc import Iterable

from kartan._portfolio import Learning, Portfolio, Results, Tables
from kartan.answers import Diagnostic, IatiImportReport, IndicatorProgress, IndicatorValues, Rollup, TableImportReport
from kartan.model import *  # noqa: F403 - the model's classes, listed in kartan.model.__all__
from kartan.model import __all__ as _model_all


def load(path: str | os.PathLike[str]) -> Portfolio:
    """Loads a portfolio from a file, detecting the format from the content: kartan JSON
    (``{``) or IATI activity XML (``<``, imported leniently; ``kartan.import_iati`` gives
    the import report too). When the IATI import skipped activities, a ``UserWarning``
    says how many and why.

    Raises ``FileNotFoundError`` / ``PermissionError`` / ``IsADirectoryError`` for I/O,
    ``kartan.ParseError`` (``filename``, ``line``, ``column``, ``pointer``) for content
    that cannot be read, ``kartan.KartanError`` for a format this build does not read.

    >>> kartan.load("no/such/file.json")
    Traceback (most recent call last):
    FileNotFoundError: [Errno 2] No such file or directory (os error 2): 'no/such/file.json'
    """
    return Portfolio._wrap(_kartan.load(path))


def seed() -> Portfolio:
    """The seed program — *Program för lokalt och regionalt tillväxtarbete*, "Lärande i
    programmet" — embedded in kartan (``kartan::embedded::seed``): purpose, target
    groups, focus areas, the results matrix with three levels, the learning model.
    It has no projects (the source names none).

    >>> p = kartan.seed()
    >>> p
    <Portfolio program='PLRT' projects=0>
    >>> p.program.title.best("en")
    'Program for local and regional growth work'
    """
    return Portfolio._wrap(_kartan.seed())


def example() -> Portfolio:
    return Portfolio._wrap(_kartan.example())


example.__doc__ = _kartan.example.__doc__


def import_iati(
    source: str | os.PathLike[str] | bytes, *, strict: bool = False, default_measure: str | None = None
) -> tuple[Portfolio, IatiImportReport]:
    handle, report = _kartan.import_iati(source, strict=strict, default_measure=default_measure)
    return Portfolio._wrap(handle), report


import_iati.__doc__ = _kartan.import_iati.__doc__


def import_table(
    table: str | os.PathLike[str], mapping: str | os.PathLike[str]
) -> tuple[Portfolio, TableImportReport]:
    handle, report = _kartan.import_table(table, mapping)
    return Portfolio._wrap(handle), report


import_table.__doc__ = _kartan.import_table.__doc__

def scan_iati(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, as_of: datetime.date | None = None
) -> dict[str, TableStream]:
    """The relational tables of many IATI XML (or kartan JSON) files, for engines that
    scale: a dict of ``kartan.TableStream`` by table name (``projects``, ``results``,
    ``indicators``, ``periods``, ``budgets``, ``transactions``, ``diagnostics``,
    ``activities``, ``answers``, ``observations``, ``lessons``, ``plans``,
    ``factor_assessments``, ``planned_disbursements``, ``recipient_areas``; joined by
    ``project_id``,
    ``result_id`` and ``indicator_id``), the same tables and columns as ``kartan convert
    --to parquet`` writes. ``paths`` is one path or several; a folder stands for its
    ``.xml`` and ``.json`` files, sorted by name.

    Each stream implements the Arrow PyCapsule interface (``__arrow_c_stream__``):
    ``pyarrow.RecordBatchReader.from_stream(s)``, ``polars.DataFrame(s)`` or
    ``duckdb.from_arrow(s)`` read it batch by batch (about 64k rows each) as the files are
    parsed, so no table need fit in memory. Nothing is read until a stream is, and each
    read parses the files again (for every table in one pass, write Parquet). Decimals
    are exact ``decimal128(38, 18)``; pool percentages as Σ numerator ÷ Σ denominator
    (DESIGN.md rule 1) and never add two currencies.

    Raises ``FileNotFoundError`` for a path that does not exist and ``ValueError`` for a
    folder with no ``.xml`` or ``.json`` file. A file that cannot be read or imported
    stops nothing else: it is a row of the ``diagnostics`` table (code ``input-failed``).
    With ``as_of`` (a ``datetime.date``), each kartan JSON file is also validated as
    ``Portfolio.validate(as_of=...)`` does and its findings are rows of ``diagnostics``
    (an IATI file's rows are its import's diagnostics: a stream is never held whole).

    >>> tables = kartan.scan_iati([])
    >>> list(tables)[:4]
    ['projects', 'results', 'indicators', 'periods']
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return dict(_kartan.scan_iati([os.fspath(p) for p in paths], as_of))


__all__ = sorted(
    [
        "AnalysisError",
        "Chart",
        "Diagnostic",
        "IatiImportReport",
        "IndicatorProgress",
        "IndicatorValues",
        "KartanError",
        "Learning",
        "ParseError",
        "Portfolio",
        "Results",
        "Rollup",
        "Table",
        "TableImportReport",
        "TableStream",
        "Tables",
        "ValidationError",
        "__version__",
        "example",
        "import_iati",
        "import_table",
        "load",
        "load_survey",
        "scan_iati",
        "seed",
        *_model_all,
    ]
)

# kartan 0.x names of the answer classes, for one release
_OLD_NAMES = {
    "ImportReport": IatiImportReport,
    "PeriodValues": IndicatorValues,
    "Progress": IndicatorProgress,
}


def __getattr__(name: str) -> object:
    new = _OLD_NAMES.get(name)
    if new is None:
        raise AttributeError(f"module 'kartan' has no attribute {name!r}")
    import warnings  # noqa: PLC0415

    warnings.warn(
        f"kartan.{name} is deprecated: use kartan.{new.__name__} (kartan.answers)", DeprecationWarning, stacklevel=2
    )
    return new
