"""kartan ("the map"): one shared domain model for programs for local and regional
growth work and the learning around them.

Load a portfolio (``kartan.load(path)``), navigate it (``portfolio.projects``,
``portfolio.indicator("IND-1")``), validate it (``portfolio.validate(as_of=...)``) and
take tables out of it (``portfolio.periods_table().to_pandas()``). Everything is
computed by the Rust core; this package is a thin face over it.
"""

from kartan._kartan import (
    AnalysisError,
    Baseline,
    Budget,
    Diagnostic,
    Indicator,
    ImportReport,
    KartanError,
    ParseError,
    Period,
    PeriodValue,
    PeriodValues,
    Portfolio,
    Program,
    Progress,
    Project,
    Result,
    ResultsMatrix,
    Rollup,
    Table,
    ValidationError,
    __version__,
    import_iati,
    import_table,
    load,
    load_survey,
    seed,
)
from kartan._charts import Chart

__all__ = [
    "AnalysisError",
    "Chart",
    "Baseline",
    "Budget",
    "Diagnostic",
    "Indicator",
    "ImportReport",
    "KartanError",
    "ParseError",
    "Period",
    "PeriodValue",
    "PeriodValues",
    "Portfolio",
    "Program",
    "Progress",
    "Project",
    "Result",
    "ResultsMatrix",
    "Rollup",
    "Table",
    "ValidationError",
    "__version__",
    "import_iati",
    "import_table",
    "load",
    "load_survey",
    "seed",
]
