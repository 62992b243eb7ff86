#!/usr/bin/env python3
"""Writes the Python model of kartan JSON, ``bindings-python/python/kartan/model.py``,
and the Python answers of kartan's analyses and imports,
``bindings-python/python/kartan/answers.py``, from the JSON Schemas the core generates
from its Rust types (``schema/kartan-1.schema.json`` and
``schema/kartan-answers-1.schema.json``).

One class per ``$defs`` entry: a ``StrEnum`` for a string enumeration, an entity
(``kartan._values.Model``) for an object, a base class with one subclass per variant for
an externally tagged enumeration (``Scale``, ``Answer``); the root document is
``PortfolioDoc``. Docstrings are the schema's descriptions. The runtime in
``kartan/_values.py`` checks the constructor arguments and converts to and from
kartan JSON.

    python3 scripts/gen_python_model.py          # rewrite model.py and answers.py
    python3 scripts/gen_python_model.py --check  # exit 1 when either is out of date

The answers: a type the two schemas share (``Measure``, ``Level`` …) is imported from the
model, never defined twice; a name the two define differently stops the generator. The
answers' tables (``Table``, ``Column``, ``Cell``, ``DType``) are not generated: a table
crosses into Python as ``kartan.Table`` (Arrow). An answer class may take behaviour
(tables, ``repr``, compatibility names) from a mixin in ``kartan/_answer_ext.py``, listed
in ``EXTENDED``; the fields are always the schema's.

Standard library only. The test ``bindings-python/tests/test_model_generated.py``
regenerates and compares, so the module cannot drift from the schema.
"""

from __future__ import annotations

import argparse
import json
import keyword
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCHEMA = REPO / "schema" / "kartan-1.schema.json"
OUTPUT = REPO / "bindings-python" / "python" / "kartan" / "model.py"

ANSWERS_SCHEMA = REPO / "schema" / "kartan-answers-1.schema.json"
ANSWERS_OUTPUT = REPO / "bindings-python" / "python" / "kartan" / "answers.py"

DECIMAL_PATTERN = r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$"
# the answers write decimals as the core does: no spaces, no '+', no leading '.'
ANSWER_DECIMAL_PATTERN = r"^-?\d+(\.\d+)?$"
# the answers' tables cross as `kartan.Table`
NOT_GENERATED = {"Table", "Column", "Cell", "DType"}
# answer classes with behaviour from `kartan._answer_ext` (the mixin `<Name>Ext`)
EXTENDED = {"Diagnostic", "IatiImportReport", "IndicatorProgress", "IndicatorValues", "NotModelled", "Progress", "Rollup", "TableImportReport"}
# constructor arguments that may also be given by position, in this order (kartan 0.x
# made a diagnostic as `Diagnostic(code, severity, path, message)`)
POSITIONAL = {"Diagnostic": ["code", "severity", "path", "message"]}
# The root is the document; `Portfolio` is the handle on the core value that holds it.
ROOT = "PortfolioDoc"
FORMAT = "kartan/1"


class Kind:
    """What the generator knows of a field: the runtime kind expression, the attribute
    type, the accepted argument type, and whether it has an obvious literal default."""

    def __init__(self, expr: str, attr: str, arg: str, literal: str | None = None, nullable: bool = False) -> None:
        self.expr, self.attr, self.arg, self.literal, self.nullable = expr, attr, arg, literal, nullable


def ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def is_string_enum(schema: dict) -> bool:
    return "oneOf" in schema and all("const" in v and v.get("type") == "string" for v in schema["oneOf"])


def is_variant_enum(schema: dict) -> bool:
    return "oneOf" in schema and not is_string_enum(schema) and not is_tagged_enum(schema)


def is_tagged_enum(schema: dict) -> bool:
    """An internally tagged enumeration: every variant an object whose ``kind`` is a const."""
    return "oneOf" in schema and all(
        v.get("type") == "object" and "const" in v.get("properties", {}).get("kind", {}) for v in schema["oneOf"]
    )


class Generator:
    def __init__(self, schema: dict, model: dict | None = None) -> None:
        """``model``: for the answers, the model's schema, whose shared types are imported."""
        self.schema = schema
        self.defs: dict[str, dict] = schema["$defs"]
        self.answers = model is not None
        self.shared: list[str] = []
        if model is not None:
            for name, s in self.defs.items():
                if name in model["$defs"]:
                    if model["$defs"][name] != s:
                        raise SystemExit(f"{name}: the answers and the model define it differently")
                    self.shared.append(name)

    # --- kinds -------------------------------------------------------------------------

    def kind(self, s: dict, where: str) -> Kind:
        if "$ref" in s:
            return self.ref_kind(ref_name(s["$ref"]), where)
        if "anyOf" in s:
            options = [o for o in s["anyOf"] if o != {"type": "null"}]
            if len(options) != 1 or len(s["anyOf"]) != 2:
                raise SystemExit(f"{where}: unsupported anyOf {s['anyOf']}")
            return self.nullable(self.kind(options[0], where))
        types = s.get("type")
        if s.get("pattern") in (DECIMAL_PATTERN, ANSWER_DECIMAL_PATTERN):
            kind = Kind("DECIMAL", "Decimal", "Decimal | int | str")
            return self.nullable(kind) if isinstance(types, list) and "null" in types else kind
        if isinstance(types, list):
            non_null = [t for t in types if t != "null"]
            inner = dict(s, type=non_null[0] if len(non_null) == 1 else non_null)
            kind = self.kind(inner, where)
            return self.nullable(kind) if "null" in types else kind
        if types == "string":
            if s.get("format") == "date":
                return Kind("DATE", "datetime.date", "datetime.date | str")
            return Kind("STR", "str", "str")
        if types == "boolean":
            return Kind("BOOL", "bool", "bool", literal="False")
        if types == "integer":
            fmt = s.get("format")
            if fmt == "uint32":
                return Kind("UINT32", "int", "int")
            if fmt == "int32":
                return Kind("INT32", "int", "int")
            if fmt in ("uint64", "uint"):
                return Kind("UINT64", "int", "int")
            if fmt == "int64":
                return Kind("INT64", "int", "int")
            raise SystemExit(f"{where}: unsupported integer format {fmt}")
        if types == "array" and "prefixItems" in s:
            items = [self.kind(k, f"{where}[{i}]") for i, k in enumerate(s["prefixItems"])]
            return Kind(
                f"tup({', '.join(k.expr for k in items)})",
                f"tuple[{', '.join(k.attr for k in items)}]",
                f"tuple[{', '.join(k.arg for k in items)}]",
            )
        if types == "array":
            inner = self.kind(s["items"], where + "[]")
            return Kind(f"seq({inner.expr})", f"tuple[{inner.attr}, ...]", f"Iterable[{inner.arg}]", literal="()")
        if types == "object" and "properties" not in s and isinstance(s.get("additionalProperties"), dict):
            inner = self.kind(s["additionalProperties"], where + "{}")
            return Kind(f"mapping({inner.expr})", f"Mapping[str, {inner.attr}]", f"Mapping[str, {inner.arg}]")
        raise SystemExit(f"{where}: unsupported schema {s}")

    def nullable(self, kind: Kind) -> Kind:
        return Kind(f"opt({kind.expr})", f"{kind.attr} | None", f"{kind.arg} | None", literal="None", nullable=True)

    def ref_kind(self, name: str, where: str) -> Kind:
        target = self.defs[name]
        if name == "Text":
            return Kind("TEXT", "Text", "Text | Mapping[str, str]")
        if name == "PartialDate":
            return Kind("PARTIAL_DATE", "datetime.date | PartialDate", "datetime.date | PartialDate | str")
        if is_string_enum(target):
            return Kind(f'enum("{name}")', name, f"{name} | str")
        if is_variant_enum(target):
            return Kind(f'ref("{name}")', name, f"{name} | Mapping[str, Any] | str")
        if is_tagged_enum(target):
            return Kind(f'ref("{name}")', name, f"{name} | Mapping[str, Any]")
        if target.get("type") == "object":
            return Kind(f'ref("{name}")', name, f"{name} | Mapping[str, Any]")
        raise SystemExit(f"{where}: unsupported $ref {name}")

    # --- output ------------------------------------------------------------------------

    def module(self) -> str:
        own = {n: s for n, s in self.defs.items() if n not in self.shared and n not in (NOT_GENERATED if self.answers else ())}
        enums = [n for n, s in own.items() if is_string_enum(s)]
        variants = [n for n, s in own.items() if is_variant_enum(s)]
        tagged = [n for n, s in own.items() if is_tagged_enum(s)]
        models = [n for n, s in own.items() if s.get("type") == "object" and "properties" in s]
        handled = set(enums) | set(variants) | set(tagged) | set(models) | {"Text", "PartialDate"}
        missing = set(own) - handled
        if missing:
            raise SystemExit(f"no Python form for {sorted(missing)}")
        names = enums + models + ([] if self.answers else [ROOT, "PartialDate", "Text"])
        for n in variants + tagged:
            names.append(n)
            names += [self.variant_class(n, v) for v in self.defs[n]["oneOf"]]
        out = [ANSWERS_HEADER if self.answers else HEADER]
        if self.answers:
            out.append("from kartan.model import (\n" + "".join(f"    {n},\n" for n in sorted(self.shared)) + ")")
        out.append("__all__ = [\n" + "".join(f'    "{n}",\n' for n in sorted(set(names))) + "]\n")
        for name in enums:
            out.append(self.enum(name, self.defs[name]))
        for name in variants:
            out.append(self.variant_enum(name, self.defs[name]))
        for name in tagged:
            out.append(self.tagged_enum(name, self.defs[name]))
        for name in models:
            out.append(self.model(name, self.defs[name]))
        if not self.answers:
            root = {k: v for k, v in self.schema.items() if k != "$defs"}
            out.append(self.model(ROOT, root, root=True))
        return "\n\n\n".join(part.rstrip("\n") for part in out) + "\n"

    def tagged_enum(self, name: str, s: dict) -> str:
        bases = f"_ext.{name}Ext, TaggedVariant" if name in EXTENDED else "TaggedVariant"
        classes, parts = self.enum_base(name, s, bases)
        for cls, v in zip(classes, s["oneOf"]):
            tag = v["properties"]["kind"]["const"]
            more = ", ..." if len(v["properties"]) > 1 else ""
            body = {
                "description": f"{v.get('description', '')}\n\nIn JSON: ``{{\"kind\": \"{tag}\"{more}}}``.".strip(),
                "properties": {k: p for k, p in v["properties"].items() if k != "kind"},
                "required": [r for r in v.get("required", []) if r != "kind"],
                "type": "object",
            }
            parts.append(self.model(cls, body, base=name, tag=tag, tag_in_doc=False))
        return "\n\n\n".join(parts)

    def enum(self, name: str, s: dict) -> str:
        lines = [f"class {name}(StrEnum):", doc(s.get("description", name), 4), ""]
        for v in s["oneOf"]:
            member = re.sub(r"\W", "_", v["const"]).upper()
            if member[0].isdigit():
                member = "_" + member
            lines.append(f'    {member} = "{v["const"]}"')
            if v.get("description"):
                lines.append(doc(v["description"], 4))
        return "\n".join(lines)

    def variant_class(self, enum: str, v: dict) -> str:
        if "const" in v:
            tag = v["const"]
        elif "const" in v["properties"].get("kind", {}):
            tag = v["properties"]["kind"]["const"]
        else:
            tag = next(iter(v["properties"]))
        return enum + "".join(part.capitalize() for part in tag.split("_"))

    def enum_base(self, name: str, s: dict, bases: str) -> tuple[list[str], list[str]]:
        """The variants' class names, and the enumeration's own class as the first part."""
        classes = [self.variant_class(name, v) for v in s["oneOf"]]
        lines = [
            f"class {name}({bases}):",
            doc(s.get("description", name) + "\n\nOne of " + ", ".join(f"``{c}``" for c in classes) + ".", 4),
            "",
            "    __slots__ = ()",
            f"    _VARIANTS = {tuple_of(classes)}",
        ]
        return classes, ["\n".join(lines)]

    def variant_enum(self, name: str, s: dict) -> str:
        classes, parts = self.enum_base(name, s, "Variant")
        for cls, v in zip(classes, s["oneOf"]):
            if "const" in v:
                parts.append(
                    "\n".join(
                        [
                            f"class {cls}({name}):",
                            doc(f"{v.get('description', '')}\n\nIn kartan JSON: ``\"{v['const']}\"``.".strip(), 4),
                            "",
                            "    __slots__ = ()",
                            f'    _TAG = "{v["const"]}"',
                            "    _UNIT = True",
                            "",
                            "    def __init__(self) -> None:",
                            "        pass",
                        ]
                    )
                )
                continue
            ((tag, content),) = v["properties"].items()
            if content.get("type") == "object" and "properties" in content:
                body = dict(content, description=v.get("description", ""))
                parts.append(self.model(cls, body, base=name, tag=tag))
            else:
                body = {
                    "description": v.get("description", ""),
                    "properties": {tag: content},
                    "required": [tag],
                    "type": "object",
                }
                parts.append(self.model(cls, body, base=name, tag=tag, newtype=True))
        return "\n\n\n".join(parts)

    def model(
        self,
        name: str,
        s: dict,
        *,
        root: bool = False,
        base: str = "Model",
        tag: str = "",
        newtype: bool = False,
        tag_in_doc: bool = True,
    ) -> str:
        required = set(s.get("required", []))
        fields = []
        for json_name, prop in s["properties"].items():
            where = f"{name}.{json_name}"
            kind = self.kind(prop, where)
            py = json_name + "_" if keyword.iskeyword(json_name) else json_name
            if json_name in required and not (root and json_name == "format"):
                default_json, literal = None, None
            elif root and json_name == "format":
                default_json, literal = FORMAT, repr(FORMAT)
            elif "default" in prop:
                default_json, literal = prop["default"], "DEFAULT"
            elif kind.literal is not None:
                default_json = {"None": None, "()": [], "False": False}[kind.literal]
                literal = kind.literal
            else:  # a text, a map or an entity whose fields all have defaults
                default_json, literal = {}, "DEFAULT"
            fields.append((py, json_name, kind, prop, json_name in required and literal is None, default_json, literal))
        description = s.get("description", name)
        if tag and tag_in_doc:
            shape = f'``{{"{tag}": ...}}``'
            description = f"{description}\n\nIn kartan JSON: {shape}.".strip()
        if name in EXTENDED and self.answers:
            base = f"_ext.{name}Ext, {base}"
        lines = [f"class {name}({base}):", doc(description, 4), ""]
        # the slots carry the field descriptions, so help(Class) and IDEs show them
        if fields:
            lines.append("    __slots__ = {")
            for py, _, _, prop, *_ in fields:
                lines.append(f"        {json.dumps(py)}: {json.dumps(prop.get('description', ''), ensure_ascii=False)},")
            lines.append("    }")
        else:
            lines.append("    __slots__ = ()")
        if tag:
            lines.append(f'    _TAG = "{tag}"')
        if newtype:
            lines.append("    _NEWTYPE = True")
        for py, _, kind, prop, *_ in fields:
            lines.append(f"    {py}: {kind.attr}")
        lines.append("")
        lines.append("    _FIELDS = ()" if not fields else "    _FIELDS = (")
        for py, json_name, kind, _, req, default_json, _ in fields:
            default = "" if req else f", {json.dumps(default_json, ensure_ascii=False)}"
            if not req and json_name in required:
                default += ", always=True"
            default = default.replace("null", "None").replace("false", "False").replace("true", "True")
            lines.append(f'        Field("{py}", "{json_name}", {kind.expr}{default}),')
        if fields:
            lines.append("    )")
        lines.append("")
        params = ["self", "*"]
        if name in POSITIONAL:
            order = POSITIONAL[name]
            fields_in = sorted(fields, key=lambda f: order.index(f[0]) if f[0] in order else len(order))
            params = ["self"]
        else:
            fields_in = fields
        if not fields:
            params = ["self"]
        for py, _, kind, _, req, _, literal in fields_in:
            arg = kind.arg
            params.append(f"{py}: {arg}" if req else f"{py}: {arg} = {literal}")
        signature = f"    def __init__({', '.join(params)}) -> None:"
        if len(signature) <= 120:
            lines.append(signature)
        else:
            lines.append("    def __init__(")
            for p in params[: params.index("*") + 1] if "*" in params else params[:1]:
                lines.append(f"        {p},")
            for p in params[params.index("*") + 1 if "*" in params else 1 :]:
                lines.append(f"        {p},")
            lines.append("    ) -> None:")
        # the arguments are exactly the fields: _set reads them from locals()
        lines.append("        self._set(locals())")
        return "\n".join(lines)


def tuple_of(names: list[str]) -> str:
    """A tuple of string literals as Python source, in double quotes."""
    items = ", ".join('"' + n + '"' for n in names)
    return f"({items},)" if len(names) == 1 else f"({items})"


def doc(text: str, indent: int) -> str:
    pad = " " * indent
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').strip()
    if text.endswith('"'):
        text += " "
    body = text.replace("\n", "\n" + pad).replace(pad + "\n", "\n")
    body = "\n".join(line.rstrip() for line in body.split("\n"))
    return f'{pad}"""{body}"""'


HEADER = '''# Generated by scripts/gen_python_model.py from schema/kartan-1.schema.json: do not edit.
# The core's Rust types are the one source of the model; change them, run
# `kartan schema > schema/kartan-1.schema.json`, then `python3 scripts/gen_python_model.py`.
"""The kartan model in Python: every entity of kartan JSON as an immutable value with a
keyword constructor that checks its arguments.

>>> from kartan.model import Period, PeriodValue
>>> p = Period(start="2021-01-01", end=datetime.date(2021, 12, 31), actuals=[PeriodValue(numerator=20, denominator=50)])
>>> p.start, p.actuals[0].numerator
(datetime.date(2021, 1, 1), Decimal('20'))
>>> p.replace(end="2021-13-01")
Traceback (most recent call last):
ValueError: Period.end: expected a date, got '2021-13-01'

Exact decimals are ``decimal.Decimal``; a ``float`` is refused (see ``kartan._values``).
``to_obj()`` gives kartan JSON, ``from_obj(obj)`` reads it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from kartan._values import (
    BOOL,
    DATE,
    DECIMAL,
    DEFAULT,
    INT32,
    PARTIAL_DATE,
    STR,
    TEXT,
    UINT32,
    Field,
    Model,
    PartialDate,
    StrEnum,
    Text,
    Variant,
    enum,
    mapping,
    opt,
    ref,
    seq,
)
'''


ANSWERS_HEADER = '''# Generated by scripts/gen_python_model.py from schema/kartan-answers-1.schema.json: do not edit.
# The core's Rust types are the one source of the answers; change them, run
# `KARTAN_UPDATE_SCHEMA=1 cargo test -p kartan --test answers_schema`, then
# `python3 scripts/gen_python_model.py`.
"""The answers of kartan's analyses and imports in Python: the values the core returns
(``Portfolio.results.progress(...)`` gives an ``IndicatorProgress``,
``kartan.import_iati`` an ``IatiImportReport``, ``validate`` a list of ``Diagnostic``),
with the same fields, names and units as in Rust and JS (``kartan-answers-1.schema.json``).

Each is an immutable value like the model's (``kartan._values.Model``): typed fields,
equality by content, ``replace(...)`` and ``to_dict()`` / ``to_obj()`` (JSON as the
core writes it). Exact decimals are ``decimal.Decimal``, dates ``datetime.date``. The
answers of kartan 0.x (``IndicatorProgress``, ``IndicatorValues``, ``Rollup``, the
import reports, ``Diagnostic``) add their tables (``periods_table()`` …) and a short
``repr`` (``kartan/_answer_ext.py``).

>>> from kartan.answers import Progress, ProgressNoTarget
>>> Progress.from_obj({"kind": "fraction", "value": "0.5"})
ProgressFraction(value=Decimal('0.5'))
>>> ProgressNoTarget().kind, ProgressNoTarget().value
('no_target', None)
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from kartan import _answer_ext as _ext
from kartan._values import (
    BOOL,
    DATE,
    DECIMAL,
    INT32,
    INT64,
    PARTIAL_DATE,
    STR,
    TEXT,
    UINT32,
    UINT64,
    Field,
    Model,
    StrEnum,
    TaggedVariant,
    enum,
    mapping,
    opt,
    ref,
    seq,
    tup,
)
'''


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a module is out of date")
    args = parser.parse_args()
    model = json.loads(SCHEMA.read_text(encoding="utf-8"))
    answers = json.loads(ANSWERS_SCHEMA.read_text(encoding="utf-8"))
    status = 0
    for output, text in ((OUTPUT, Generator(model).module()), (ANSWERS_OUTPUT, Generator(answers, model).module())):
        if args.check:
            current = output.read_text(encoding="utf-8") if output.exists() else ""
            if current != text:
                print(f"{output} is out of date: run python3 scripts/gen_python_model.py", file=sys.stderr)
                status = 1
        else:
            output.write_text(text, encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
