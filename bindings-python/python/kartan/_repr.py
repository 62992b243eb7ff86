"""Rich display in Jupyter (``_repr_html_``): a summary card for a portfolio, and
tables. Every text from the data is escaped."""

from __future__ import annotations

from html import escape
from typing import Any

_STYLE = "font-family: sans-serif; border-collapse: collapse; font-size: 0.9em"
_CELL = "border: 1px solid #ddd; padding: 2px 6px; text-align: left; vertical-align: top"


def _html_table(header: list[str], rows: list[list[Any]], caption: str = "") -> str:
    head = "".join(f'<th style="{_CELL}">{escape(str(h))}</th>' for h in header)
    body = "".join(
        "<tr>" + "".join(f'<td style="{_CELL}">{"" if c is None else escape(str(c))}</td>' for c in row) + "</tr>"
        for row in rows
    )
    cap = f"<caption style='text-align:left'>{escape(caption)}</caption>" if caption else ""
    return f'<table style="{_STYLE}">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def table_html(table: Any, max_rows: int = 20) -> str:
    """A ``kartan.Table`` as HTML: the first ``max_rows`` rows and its size."""
    rows = table.preview(max_rows)
    more = f", first {len(rows)} shown" if table.num_rows > len(rows) else ""
    caption = f"{table.name}: {table.num_rows} rows × {table.num_columns} columns{more}"
    return _html_table(table.column_names, rows, caption)


def portfolio_html(portfolio: Any, max_projects: int = 10) -> str:
    """A summary card: the program, counts of what the portfolio holds, the first projects.
    Texts are picked by the core's rule (``kartan.Text.best``)."""
    lang = portfolio.default_language
    program = portfolio.program
    title = program.title.best(lang)
    purpose = program.purpose.best(lang)
    counts = ", ".join(f"{n} {escape(k.replace('_', ' '))}" for k, n in portfolio.counts if n)
    projects = portfolio.projects
    rows = [
        [p.id, p.title.best(lang), p.status, p.planned.start, p.planned.end]
        for p in projects[:max_projects]
    ]
    more = f" (first {max_projects} of {len(projects)})" if len(projects) > max_projects else ""
    parts = [
        '<div style="font-family: sans-serif; border: 1px solid #ccc; padding: 8px; border-radius: 4px">',
        f"<div><b>{escape(title or program.id)}</b> <code>{escape(program.id)}</code></div>",
        f"<div style='color:#555'>{escape(purpose)}</div>" if purpose else "",
        f"<div>{counts or 'empty'}</div>",
    ]
    if rows:
        parts.append(_html_table(["id", "title", "status", "planned start", "planned end"], rows, "Projects" + more))
    parts.append("</div>")
    return "".join(parts)


def matrix_html(grid: list[tuple[str, list[str], list[str], list[str]]]) -> str:
    """The results matrix as a table: level, actors, experiences/results, effects."""
    rows = [
        [level, "; ".join(actors), "\n".join(f"• {e}" for e in experiences), "\n".join(f"• {e}" for e in effects)]
        for level, actors, experiences, effects in grid
    ]
    html = _html_table(["level", "actors", "experiences / results", "effects"], rows, "Results matrix")
    return html.replace("\n", "<br>")
