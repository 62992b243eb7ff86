"""Behaviour of some generated answer classes (``kartan/answers.py``): tables of their
rows, a short ``repr`` and the names kartan 0.x used. The fields and their types are the
schema's and are generated; nothing here computes a figure: the tables lay the core's
figures out flat (a decimal becomes a float64 column, as every ``kartan.Table`` of
figures).

Each mixin is named ``<Class>Ext`` and listed in ``EXTENDED`` of
``scripts/gen_python_model.py``.
"""

from __future__ import annotations

import warnings
from decimal import Decimal
from typing import Any

from kartan import _kartan

__all__: list[str] = []


def _float(d: Decimal | None) -> float | None:
    return None if d is None else float(d)


def _figures(prefix: str, figures: list[Any]) -> list[tuple[str, str, list[Any]]]:
    """The three columns of a figure: the value (a percent for a percentage) and its
    counts."""
    return [
        (prefix, "float", [_float(f.value) if f else None for f in figures]),
        (f"{prefix}_numerator", "float", [_float(f.numerator) if f else None for f in figures]),
        (f"{prefix}_denominator", "float", [_float(f.denominator) if f else None for f in figures]),
    ]


def _table(name: str, columns: list[tuple[str, str, list[Any]]]) -> Any:
    return _kartan.Table._from_columns(name, columns)


class DiagnosticExt:
    """``str(d)`` is the core's one-line form: ``error [duplicate-id] /projects/1/id: …``."""

    __slots__ = ()

    def __str__(self: Any) -> str:
        return f"{self.severity.value} [{self.code}] {self.path}: {self.message}"

    def __repr__(self: Any) -> str:
        return f"<Diagnostic {self.severity.value} [{self.code}] at {self.path!r}>"


class NotModelledExt:
    """Unpacks as ``(path, count, first)``, as the tuples of kartan 0.x did."""

    __slots__ = ()

    def __iter__(self: Any) -> Any:
        return iter((self.path, self.count, self.first))


class IatiImportReportExt:
    __slots__ = ()

    def __repr__(self: Any) -> str:
        return (
            f"<IatiImportReport version={self.version!r} imported={self.activities_imported} "
            f"skipped={self.activities_skipped} diagnostics={len(self.diagnostics)}>"
        )


class TableImportReportExt:
    """``report["rows_read"]`` (the dict of kartan 0.x) still works for one release, with
    a ``DeprecationWarning``: use ``report.rows_read``."""

    __slots__ = ()

    def __getitem__(self, key: str) -> Any:
        warnings.warn(
            f"report[{key!r}] is deprecated: the import report is a TableImportReport, use report.{key}",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.to_obj()[key]  # type: ignore[attr-defined]

    def __repr__(self: Any) -> str:
        return (
            f"<TableImportReport file={self.file!r} rows_read={self.rows_read} imported={self.rows_imported} "
            f"skipped={len(self.skipped)}>"
        )


class ProgressExt:
    """``value`` is the fraction of a ``ProgressFraction`` and ``None`` for the others,
    whose ``kind`` says why there is none."""

    __slots__ = ()

    @property
    def value(self) -> Decimal | None:
        return None


class IndicatorProgressExt:
    __slots__ = ()

    @property
    def progress_kind(self) -> str:
        """Deprecated: ``progress.kind``."""
        warnings.warn("IndicatorProgress.progress_kind is deprecated: use .progress.kind", DeprecationWarning, stacklevel=2)
        return str(self.progress.kind)  # type: ignore[attr-defined]

    def periods_table(self) -> Any:
        """Progress per period as a ``kartan.Table``: ``start``, ``end``, ``actual``,
        ``target`` (float64), ``progress_kind``, ``progress`` (a fraction, float64)."""
        p: Any = self.periods  # type: ignore[attr-defined]
        return _table(
            "progress_periods",
            [
                ("start", "date", [r.start for r in p]),
                ("end", "date", [r.end for r in p]),
                ("actual", "float", [_float(r.actual) for r in p]),
                ("target", "float", [_float(r.target) for r in p]),
                ("progress_kind", "text", [r.progress.kind for r in p]),
                ("progress", "float", [_float(r.progress.value) for r in p]),
            ],
        )

    def __repr__(self: Any) -> str:
        progress = self.progress.value if self.progress.value is not None else self.progress.kind
        return f"<IndicatorProgress indicator={self.indicator!r} progress={progress} status={self.status.value!r}>"


class IndicatorValuesExt:
    __slots__ = ()

    def periods_table(self) -> Any:
        """One row per period in business order: ``start``, ``end``, ``actual`` (+
        ``_numerator`` / ``_denominator``), ``carried_forward`` (1/0), ``target`` (+ counts)."""
        p: Any = self.periods  # type: ignore[attr-defined]
        return _table(
            "period_values",
            [("start", "date", [r.start for r in p]), ("end", "date", [r.end for r in p])]
            + _figures("actual", [r.actual for r in p])
            + [("carried_forward", "int", [int(r.carried_forward) for r in p])]
            + _figures("target", [r.target for r in p]),
        )

    def _repr_html_(self) -> str:
        from kartan._repr import table_html  # noqa: PLC0415

        return table_html(self.periods_table())

    def __repr__(self: Any) -> str:
        return f"<IndicatorValues indicator={self.indicator!r} measure={self.measure.value!r} periods={len(self.periods)}>"


class RollupExt:
    __slots__ = ()

    def periods_table(self) -> Any:
        """One row per program period: ``start``, ``end``, ``actual`` (+ ``_numerator`` /
        ``_denominator``), ``target`` (+ counts), ``target_source``, ``contributions``."""
        p: Any = self.periods  # type: ignore[attr-defined]
        return _table(
            "rollup",
            [("start", "date", [r.start for r in p]), ("end", "date", [r.end for r in p])]
            + _figures("actual", [r.actual for r in p])
            + _figures("target", [r.target for r in p])
            + [
                ("target_source", "text", [r.target_source.value if r.target_source else None for r in p]),
                ("contributions", "int", [len(r.contributions) for r in p]),
            ],
        )

    def contributions_table(self) -> Any:
        """One row per contributor and program period: ``start``, ``end``, ``indicator``,
        ``project``, ``actual`` (+ counts), ``target`` (+ counts), ``carried_forward``
        (1 when a cumulative value was carried into a period with no report)."""
        rows = [(p, c) for p in self.periods for c in p.contributions]  # type: ignore[attr-defined]
        return _table(
            "contributions",
            [
                ("start", "date", [p.start for p, _ in rows]),
                ("end", "date", [p.end for p, _ in rows]),
                ("indicator", "text", [c.indicator for _, c in rows]),
                ("project", "text", [c.project for _, c in rows]),
            ]
            + _figures("actual", [c.actual for _, c in rows])
            + _figures("target", [c.target for _, c in rows])
            + [("carried_forward", "int", [int(c.carried_forward) for _, c in rows])],
        )

    def _repr_html_(self) -> str:
        from kartan._repr import table_html  # noqa: PLC0415

        return table_html(self.periods_table())

    def __repr__(self: Any) -> str:
        return f"<Rollup indicator={self.indicator!r} measure={self.measure.value!r} periods={len(self.periods)}>"
