"""Validation through the binding: every diagnostic at once, and strict mode."""

from __future__ import annotations

import datetime

import kartan
import pytest
from conftest import doc

AS_OF = datetime.date(2020, 1, 1)
BROKEN = doc(
    projects=[
        {"id": "A", "title": {"sv": "a"}},
        {"id": "A", "title": {"sv": "b"}, "planned": {"start": "2015", "end": "2014"}, "parent": "Z"},
    ]
)


def test_all_diagnostics_at_once() -> None:
    diagnostics = kartan.Portfolio.from_json(BROKEN).validate(as_of=AS_OF)
    found = [(d.severity, d.code, d.path) for d in diagnostics]
    assert found == [
        ("error", "duplicate-id", "/projects/1/id"),
        ("error", "dangling-reference", "/projects/1/parent"),
        ("error", "end-before-start", "/projects/1/planned"),
    ]
    assert "must be unique" in diagnostics[0].message


def test_strict_raises_validation_error() -> None:
    with pytest.raises(kartan.ValidationError) as info:
        kartan.Portfolio.from_json(BROKEN).validate(as_of=AS_OF, strict=True)
    err = info.value
    assert isinstance(err, ValueError) and isinstance(err, kartan.KartanError)
    assert len(err.diagnostics) == 3 and all(isinstance(d, kartan.Diagnostic) for d in err.diagnostics)
    assert str(err).startswith("the portfolio has 3 errors: error [duplicate-id] /projects/1/id:")


def test_seed_is_valid() -> None:
    diagnostics = kartan.seed().validate(as_of=datetime.date(2013, 12, 31), strict=True)
    assert not [d for d in diagnostics if d.severity == "error"]
    # the seed states 30 projects but lists none: said, not hidden
    assert [d.code for d in diagnostics] == ["project-count-mismatch"]
