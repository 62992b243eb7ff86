"""Errors: every bad input gives a kartan exception naming the place, never a panic."""

from __future__ import annotations

import json
import os
import random

import kartan
import pytest
from conftest import MINIMAL, doc

VALID = doc(projects=[{"id": "A", "title": {"sv": "Ett"}, "budgets": [{"value": {"amount": "12.50", "currency": "SEK"}}]}])


def test_hierarchy() -> None:
    assert issubclass(kartan.ParseError, kartan.KartanError)
    assert issubclass(kartan.ParseError, ValueError)
    assert issubclass(kartan.ValidationError, kartan.KartanError)
    assert issubclass(kartan.ValidationError, ValueError)
    assert kartan.ParseError.__module__ == "kartan"


@pytest.mark.parametrize(
    ("text", "line", "pointer", "fragment"),
    [
        ("", 1, None, "EOF"),
        ("   \n  ", 2, None, "EOF"),
        (VALID[:60], 1, None, "EOF"),
        ('{"format": "kartan/1", "default_language": "sv", "program": {"id": 7}}', 1, "/program/id", "invalid type"),
        (doc(colour="red"), 1, "/colour", "unknown field `colour`"),
        ('{"format": "kartan/1",\n "default_language": "sv"}', 1, "", "missing field `program`"),  # a missing field is located at its object
        (VALID.replace('"12.50"', '"1,250"'), 1, "/projects/0/budgets/0/value/amount", "thousands"),
        (VALID.replace('"12.50"', '"1.5E6"'), 1, "/projects/0/budgets/0/value/amount", "exponent"),
        (VALID + " x", 1, None, "trailing"),
        # a document is an object, never an array of its fields in order
        ("[1, 2]", 1, "", "invalid type: sequence, expected struct Portfolio"),
    ],
)
def test_parse_errors_name_the_place(text: str, line: int, pointer: str | None, fragment: str) -> None:
    with pytest.raises(kartan.ParseError) as info:
        kartan.Portfolio.from_json(text)
    err = info.value
    assert err.line == line, str(err)
    assert err.column is not None and err.column >= 0
    assert err.pointer == pointer
    assert fragment in str(err)
    assert err.filename is None
    assert str(err).startswith(f"{line}:{err.column}:")


def test_other_format_version() -> None:
    with pytest.raises(kartan.ParseError) as info:
        kartan.Portfolio.from_json(VALID.replace("kartan/1", "kartan/9"))
    assert info.value.pointer == "/format" and "kartan/9" in str(info.value)


def test_bom_is_accepted() -> None:
    assert kartan.Portfolio.from_json("\ufeff" + VALID) == kartan.Portfolio.from_json(VALID)
    assert kartan.Portfolio.from_json(b"\xef\xbb\xbf" + VALID.encode()) == kartan.Portfolio.from_json(VALID)


def test_non_utf8_bytes() -> None:
    data = bytearray(VALID.encode())
    data[50] = 0xFF
    with pytest.raises(kartan.ParseError, match="not UTF-8: invalid byte sequence at byte 50") as info:
        kartan.Portfolio.from_json(bytes(data))
    assert info.value.line == 1


def test_wrong_argument_type() -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        kartan.Portfolio.from_json(42)  # type: ignore[arg-type]


def test_file_errors_carry_the_filename(tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "kartan/1",\n  "default_language": 5}', encoding="utf-8")
    with pytest.raises(kartan.ParseError) as info:
        kartan.load(bad)
    err = info.value
    assert (err.filename, err.line, err.pointer) == (str(bad), 2, "/default_language")
    assert str(err).startswith(f"{bad}:2:")

    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    with pytest.raises(kartan.ParseError, match="the file is empty") as info:
        kartan.load(empty)
    assert info.value.filename == str(empty) and info.value.line is None

    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\xff\xfe garbage")
    with pytest.raises(kartan.ParseError):
        kartan.load(binary)

    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    # A .txt file is read as a delimited table, which needs a column mapping.
    with pytest.raises(kartan.ParseError, match="read through a column mapping"):
        kartan.load(text)


def test_io_errors_are_builtin(tmp_path) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(FileNotFoundError) as info:
        kartan.load(missing)
    assert info.value.filename == str(missing) and info.value.errno == 2
    with pytest.raises(IsADirectoryError):
        kartan.load(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode, so EACCES cannot be provoked")
def test_permission_error(tmp_path) -> None:
    locked = tmp_path / "locked.json"
    locked.write_text(VALID, encoding="utf-8")
    locked.chmod(0)
    with pytest.raises(PermissionError):
        kartan.load(locked)


def test_permission_error_mapping_via_proc() -> None:
    # Even as root, writing-only files under /proc refuse reads with EACCES or EINVAL;
    # whichever it is, it must come out as an OSError subclass, never a panic.
    target = "/proc/self/clear_refs"
    if not os.path.exists(target):
        pytest.skip("no /proc/self/clear_refs on this system")
    with pytest.raises(OSError):
        kartan.load(target)


def _mutations(seed: int, count: int) -> list[bytes]:
    rng = random.Random(seed)
    base = VALID.encode()
    out = []
    for _ in range(count):
        data = bytearray(base)
        for _ in range(rng.randint(1, 4)):
            op = rng.random()
            pos = rng.randrange(len(data))
            if op < 0.4:
                data[pos] = rng.randrange(256)
            elif op < 0.7:
                del data[pos : pos + rng.randint(1, 8)]
            else:
                data[pos:pos] = bytes(rng.choice([b"{", b"}", b'"', b",", b"\\u", b"-", b"0" * 40, b"\xc3"]))
        out.append(bytes(data))
    return out


def test_no_panic_on_mutated_input() -> None:
    # A Rust panic would surface as pyo3's PanicException, a BaseException: catch
    # everything and require that only ParseError or success happen.
    outcomes = {"ok": 0, "parse_error": 0}
    for data in _mutations(seed=6, count=2000):
        try:
            kartan.Portfolio.from_json(data)
            outcomes["ok"] += 1
        except kartan.ParseError:
            outcomes["parse_error"] += 1
        except BaseException as err:  # noqa: BLE001
            pytest.fail(f"{type(err).__name__}: {err} for input {data!r}")
    assert outcomes["parse_error"] > 1000


def test_no_panic_on_extreme_values() -> None:
    cases = [
        json.dumps({**MINIMAL, "projects": [{"id": "A", "title": {}, "planned": {"start": "9999-12-31", "end": "0000"}}]}),
        json.dumps({**MINIMAL, "projects": [{"id": "A", "title": {}, "planned": {"start": "2010-02-30"}}]}),
        json.dumps({**MINIMAL, "projects": [{"id": "A", "title": {}, "budgets": [{"value": {"amount": "9" * 40, "currency": "SEK"}}]}]}),
        json.dumps({**MINIMAL, "projects": [{"id": "A", "title": {}, "budgets": [{"value": {"amount": 1e308, "currency": "SEK"}}]}]}),
        "[" * 100000,
        '{"format": "kartan/1", "default_language": "' + "\\ud800" + '"}',
    ]
    for text in cases:
        try:
            p = kartan.Portfolio.from_json(text)
            p.tables.projects()
            p.tables.periods()
        except kartan.ParseError:
            pass
