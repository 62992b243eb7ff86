"""Docstrings are written once in Rust; their `>>>` examples run here, and the stubs
are checked against the built module with mypy's stubtest."""

from __future__ import annotations

import doctest
import inspect
import subprocess
import sys

import kartan
import kartan._kartan as ext


def _docstrings() -> list[tuple[str, str]]:
    import kartan._answer_ext
    import kartan._portfolio
    import kartan._values
    import kartan.answers
    import kartan.model

    out = []
    for module in (ext, kartan, kartan._portfolio, kartan._values, kartan.model, kartan.answers, kartan._answer_ext):
        out.append((module.__name__, module.__doc__ or ""))
        names = ext.__all__ if module is ext and hasattr(ext, "__all__") else dir(module)
        for name in names:
            obj = getattr(module, name)
            if isinstance(obj, str) or getattr(obj, "__module__", module.__name__) != module.__name__:
                continue
            out.append((f"{module.__name__}.{name}", getattr(obj, "__doc__", None) or ""))
            if inspect.isclass(obj):
                for attr, member in vars(obj).items():
                    doc = getattr(member, "__doc__", None)
                    if doc and ">>>" in doc:
                        out.append((f"{module.__name__}.{name}.{attr}", doc))
    return out


def test_docstring_examples_run() -> None:
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    examples = 0
    for name, doc in _docstrings():
        test = parser.get_doctest(doc, {"kartan": kartan, "datetime": __import__("datetime")}, name, None, 0)
        examples += len(test.examples)
        runner.run(test)
    summary = runner.summarize(verbose=False)
    assert summary.failed == 0, f"{summary.failed} docstring examples failed (see output above)"
    assert examples >= 15, examples


def test_every_public_item_is_documented() -> None:
    for name in kartan.__all__:
        obj = getattr(kartan, name)
        if isinstance(obj, str):
            continue
        assert (obj.__doc__ or "").strip(), name
        if inspect.isclass(obj) and obj.__module__ in ("kartan", "kartan._portfolio") and not issubclass(obj, BaseException):
            for attr, member in vars(obj).items():
                if attr.startswith("_"):
                    continue
                assert (getattr(member, "__doc__", None) or "").strip(), f"{name}.{attr}"


def test_stubs_match_the_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "kartan._kartan"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_package_is_typed() -> None:
    from importlib.resources import files

    assert files("kartan").joinpath("py.typed").is_file()
    assert files("kartan").joinpath("_kartan.pyi").is_file()


def test_readme_python_examples_run(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The ```python blocks of README.md and bindings-python/README.md, run as a reader
    # would: from the repository root (where their relative paths start).
    import re
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    monkeypatch.chdir(repo)
    blocks = []
    for readme in (repo / "README.md", repo / "bindings-python" / "README.md"):
        blocks += [(readme.name, b) for b in re.findall(r"```python\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)]
    assert len(blocks) >= 2, blocks
    for name, block in blocks:
        namespace: dict[str, object] = {}
        exec(compile(block, name, "exec"), namespace)  # noqa: S102 - our own README
        assert "p" in namespace, name
