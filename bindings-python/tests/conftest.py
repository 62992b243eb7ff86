"""Shared fixtures: where the repository, the vectors and the real data are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
VECTORS = REPO / "tests" / "vectors"


def _find_real() -> Path:
    # The repository is cloned next to `shared/` (<root>/main and <root>/shared); a git
    # worktree may sit one level deeper, so look upwards.
    for parent in REPO.parents:
        candidate = parent / "shared" / "data" / "real"
        if candidate.is_dir():
            return candidate
    raise RuntimeError(f"no shared/data/real next to {REPO} or above it")


REAL = _find_real()

MINIMAL = {"format": "kartan/1", "default_language": "sv", "program": {"id": "P", "title": {"sv": "Program"}}}


def doc(**extra: object) -> str:
    """A minimal kartan JSON document with `extra` top-level fields."""
    return json.dumps({**MINIMAL, **extra})


@pytest.fixture
def real() -> Path:
    return REAL
