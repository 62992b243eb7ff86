"""Charts: the core builds Vega-Lite v6 specifications; this shows them through Altair
when it is installed, and otherwise as a plain Vega-Lite display object."""

from __future__ import annotations

from typing import Any

_MIME = "application/vnd.vegalite.v6+json"


class Chart:
    """A Vega-Lite specification that Jupyter renders (used when Altair is missing).

    ``spec`` is the dict; ``to_dict()`` returns it, like Altair's charts."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec

    def to_dict(self) -> dict[str, Any]:
        return self.spec

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return {_MIME: self.spec, "text/plain": repr(self)}

    def __repr__(self) -> str:
        title = self.spec.get("title")
        if isinstance(title, dict):
            title = title.get("text")
        return f"<kartan.Chart title={title!r}>"


def chart(spec: dict[str, Any]) -> Any:
    """An Altair chart of ``spec`` when Altair is installed, else a ``Chart``."""
    try:
        import altair as alt
    except ImportError:
        return Chart(spec)
    kinds = {
        "layer": alt.LayerChart,
        "hconcat": alt.HConcatChart,
        "vconcat": alt.VConcatChart,
        "concat": alt.ConcatChart,
        "facet": alt.FacetChart,
        "repeat": alt.RepeatChart,
    }
    cls = next((c for key, c in kinds.items() if key in spec), alt.Chart)
    return cls.from_dict(spec)
