"""The runtime of the generated model (``kartan/model.py``): the base class of every
entity, the value types the schema names (``Text``, ``PartialDate``, a read-only map),
and the field kinds that check a constructor's arguments and convert to and from
kartan JSON.

Nothing here knows an entity: the classes and their fields are generated from
``schema/kartan-1.schema.json`` by ``scripts/gen_python_model.py``.

Input rules (one place for all entities):

- an exact decimal is a ``decimal.Decimal``, an ``int`` or a string such as ``"12.50"``
  (sign, digits, one optional ``.``; no exponent, no thousands separator). A ``float`` is
  refused with ``TypeError``: it may already be rounded (``0.1`` is not one tenth), and
  kartan never shows a rounded number as exact. Write ``Decimal("0.1")`` or ``"0.1"``.
- a date is a ``datetime.date`` (not a ``datetime``) or an ISO string ``YYYY-MM-DD``;
- a partial date is a ``datetime.date``, a ``kartan.PartialDate`` or ISO text
  ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``--MM-DD``;
- a text is a ``kartan.Text`` or a mapping of language tag to string;
- an enumeration is its member or its value as a string;
- a list is any iterable (not a string); it is stored as a tuple.

A wrong type raises ``TypeError``, a bad value ``ValueError``; both messages name the
class and the field: ``Period.start: expected a date, got '2021-13-01'``.
"""

from __future__ import annotations

import datetime
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, ClassVar, TypeVar

if sys.version_info >= (3, 11):
    from enum import StrEnum
else:  # pragma: no cover - Python 3.9 and 3.10

    class StrEnum(str, Enum):
        """An enumeration whose members are strings (``enum.StrEnum`` before 3.11)."""

        def __str__(self) -> str:
            return str(self.value)


__all__ = ["FrozenMap", "Model", "PartialDate", "StrEnum", "Text"]

_DECIMAL = re.compile(r"\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|--(\d{2})-(\d{2})")

M = TypeVar("M", bound="Model")


def _show(value: Any) -> str:
    """A value in an error message: its repr, shortened."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


# --- value types --------------------------------------------------------------------


class FrozenMap(Mapping[str, Any]):
    """A read-only, hashable mapping (the model's maps: ``classifications``, ``answers``)."""

    __slots__ = ("_data",)
    _data: dict[str, Any]

    def __init__(self, data: Mapping[str, Any] | Iterable[tuple[str, Any]] = ()) -> None:
        object.__setattr__(self, "_data", dict(data))

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    def __reduce__(self) -> tuple[Any, tuple[dict[str, Any]]]:
        return (type(self), (self._data,))


class Text(FrozenMap):
    """A human text in one or more languages: a read-only mapping of BCP 47 language tag
    to text, like IATI ``narrative/@xml:lang`` (``Text({"sv": "Syfte", "en": "Purpose"})``).

    ``text["en"]`` is one language; ``text.best(lang)`` picks one by the core's rule.

    >>> kartan.Text({"sv": "Syfte", "en": "Purpose"}).best("sv-FI")
    'Syfte'
    """

    __slots__ = ()

    def best(self, lang: str, fallback: str = "en") -> str:
        """The text in ``lang`` by the core's rule (``Text::best``): the exact tag, then the
        same primary language (``sv`` for ``sv-FI``), then ``fallback``, then the first
        non-blank language; ``""`` when every language is blank."""
        from kartan._kartan import best_text

        return best_text(self._data, lang, fallback)


class PartialDate:
    """A date as precise as the source gives it: a year (``2014``), a month
    (``2016-06``), or a day of the year without the year (``--06-30``). A full date is a
    ``datetime.date`` instead.

    >>> d = kartan.PartialDate.parse("2016-06")
    >>> d, str(d), d.first_day(), d.last_day()
    (PartialDate('2016-06'), '2016-06', datetime.date(2016, 6, 1), datetime.date(2016, 6, 30))
    """

    __slots__ = ("year", "month", "day")
    year: int | None
    month: int | None
    day: int | None

    def __init__(self, year: int | None = None, month: int | None = None, day: int | None = None) -> None:
        if year is None and (month is None or day is None):
            raise ValueError("PartialDate: without a year, give both month and day (--MM-DD)")
        if year is not None and month is None and day is not None:
            raise ValueError("PartialDate: a day needs a month")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"PartialDate: month {month} is not 1-12")
        if day is not None:
            try:
                datetime.date(2000 if year is None else year, month or 1, day)
            except ValueError:
                raise ValueError(f"PartialDate: day {day} is not in month {month}") from None
        if year is not None and not 1 <= year <= 9999:
            raise ValueError(f"PartialDate: year {year} is not 1-9999")
        for name, value in (("year", year), ("month", month), ("day", day)):
            object.__setattr__(self, name, value)

    @classmethod
    def parse(cls, text: str) -> datetime.date | PartialDate:
        """``YYYY-MM-DD`` as a ``datetime.date``; ``YYYY-MM``, ``YYYY`` or ``--MM-DD`` as a
        ``PartialDate``. Raises ``ValueError`` for anything else."""
        m = _PARTIAL.fullmatch(text)
        if not m:
            raise ValueError(f"expected a date YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD, got {_show(text)}")
        year, month, day, ymonth, yday = m.groups()
        if ymonth is not None:
            return cls(None, int(ymonth), int(yday))
        if day is not None:
            return datetime.date(int(year), int(month), int(day))
        return cls(int(year), None if month is None else int(month))

    def first_day(self, year: int | None = None) -> datetime.date:
        """The first day it may mean (``year`` for a date without one)."""
        y = self.year if self.year is not None else year
        if y is None:
            raise ValueError(f"{self} has no year")
        return datetime.date(y, self.month or 1, self.day or 1)

    def last_day(self, year: int | None = None) -> datetime.date:
        """The last day it may mean (``year`` for a date without one)."""
        y = self.year if self.year is not None else year
        if y is None:
            raise ValueError(f"{self} has no year")
        if self.day is not None:
            return datetime.date(y, self.month or 1, self.day)
        month = self.month or 12
        following = datetime.date(y + 1, 1, 1) if month == 12 else datetime.date(y, month + 1, 1)
        return following - datetime.timedelta(days=1)

    def __str__(self) -> str:
        if self.year is None:
            return f"--{self.month:02}-{self.day:02}"
        return f"{self.year:04}" + ("" if self.month is None else f"-{self.month:02}")

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PartialDate) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("PartialDate is immutable")

    def __reduce__(self) -> tuple[Any, tuple[int | None, int | None, int | None]]:
        return (PartialDate, (self.year, self.month, self.day))


# --- field kinds ----------------------------------------------------------------------
# Each kind checks a value given to a constructor (`check`, which also reads the kartan
# JSON form) and writes the kartan JSON form (`dump`).


class Kind:
    def check(self, value: Any, where: str) -> Any:
        raise NotImplementedError

    def dump(self, value: Any) -> Any:
        return value

    def load(self, value: Any) -> Any:
        """The value from kartan JSON the core wrote (trusted: no checks)."""
        return value

    def empty(self, value: Any) -> bool:
        """True when the value may be left out of kartan JSON (its default)."""
        return value is None


class _Collection(Kind):
    """A text, list or map: empty (and left out of kartan JSON) when it has no item."""

    def empty(self, value: Any) -> bool:
        return not value


class _Str(Kind):
    def check(self, value: Any, where: str) -> Any:
        if not isinstance(value, str):
            raise TypeError(f"{where}: expected a string, got {_show(value)}")
        return str(value)


class _Bool(Kind):
    def check(self, value: Any, where: str) -> Any:
        if not isinstance(value, bool):
            raise TypeError(f"{where}: expected True or False, got {_show(value)}")
        return value

    def empty(self, value: Any) -> bool:
        return value is False


class _Int(Kind):
    def __init__(self, low: int, high: int) -> None:
        self.low, self.high = low, high

    def check(self, value: Any, where: str) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{where}: expected an integer, got {_show(value)}")
        if not self.low <= value <= self.high:
            raise ValueError(f"{where}: expected an integer from {self.low} to {self.high}, got {value}")
        return int(value)


class _Decimal(Kind):
    def check(self, value: Any, where: str) -> Any:
        if isinstance(value, Decimal):
            if not value.is_finite():
                raise ValueError(f"{where}: expected a finite exact decimal, got {_show(value)}")
            return value
        if isinstance(value, bool):
            raise TypeError(f"{where}: expected an exact decimal, got {_show(value)}")
        if isinstance(value, int):
            return Decimal(value)
        if isinstance(value, float):
            raise TypeError(
                f"{where}: expected an exact decimal (Decimal, int or str), got the float {_show(value)}; "
                f"a float may already be rounded: write Decimal({str(value)!r}) or {str(value)!r}"
            )
        if isinstance(value, str):
            if not _DECIMAL.fullmatch(value):
                raise ValueError(
                    f"{where}: expected an exact decimal (digits with an optional sign and '.'), got {_show(value)}"
                )
            try:
                return Decimal(value.strip())
            except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
                raise ValueError(f"{where}: expected an exact decimal, got {_show(value)}") from None
        raise TypeError(f"{where}: expected an exact decimal (Decimal, int or str), got {_show(value)}")

    def dump(self, value: Any) -> Any:
        return format(value, "f")

    def load(self, value: Any) -> Any:
        return Decimal(value)


class _Date(Kind):
    def check(self, value: Any, where: str) -> Any:
        if isinstance(value, datetime.datetime):
            raise TypeError(f"{where}: expected a date, got the datetime {_show(value)} (use .date())")
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str):
            if _DATE.fullmatch(value):
                try:
                    return datetime.date.fromisoformat(value)
                except ValueError:
                    pass
            raise ValueError(f"{where}: expected a date, got {_show(value)}")
        raise TypeError(f"{where}: expected a date, got {_show(value)}")

    def dump(self, value: Any) -> Any:
        return value.isoformat()

    def load(self, value: Any) -> Any:
        return datetime.date.fromisoformat(value)


class _PartialDate(Kind):
    def check(self, value: Any, where: str) -> Any:
        if isinstance(value, datetime.datetime):
            raise TypeError(f"{where}: expected a date, got the datetime {_show(value)} (use .date())")
        if isinstance(value, (datetime.date, PartialDate)):
            return value
        if isinstance(value, str):
            try:
                return PartialDate.parse(value)
            except ValueError:
                raise ValueError(
                    f"{where}: expected a date YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD, got {_show(value)}"
                ) from None
        raise TypeError(f"{where}: expected a date or kartan.PartialDate, got {_show(value)}")

    def dump(self, value: Any) -> Any:
        return value.isoformat() if isinstance(value, datetime.date) else str(value)

    def load(self, value: Any) -> Any:
        return PartialDate.parse(value)


class _Text(_Collection):
    def check(self, value: Any, where: str) -> Any:
        if isinstance(value, Text):
            return value
        if isinstance(value, Mapping):
            for k, v in value.items():
                if not isinstance(k, str) or not isinstance(v, str):
                    raise TypeError(f"{where}: expected a language tag and a string, got {_show(k)}: {_show(v)}")
            return Text(value)
        raise TypeError(f"{where}: expected a text, a mapping of language to string like {{'en': ...}}, got {_show(value)}")

    def dump(self, value: Any) -> Any:
        return dict(value)

    def load(self, value: Any) -> Any:
        return Text(value)


class _Named(Kind):
    """A kind named by its generated class (resolved when first used): a value of the
    class passes as it is; anything else goes to ``convert``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def check(self, value: Any, where: str) -> Any:
        cls = _resolve(self.name)
        return value if isinstance(value, cls) else self.convert(cls, value, where)

    def convert(self, cls: Any, value: Any, where: str) -> Any:
        raise NotImplementedError


class _Enum(_Named):
    def convert(self, cls: Any, value: Any, where: str) -> Any:
        if isinstance(value, str):
            try:
                return cls(value)
            except ValueError:
                allowed = ", ".join(repr(m.value) for m in cls)
                raise ValueError(f"{where}: expected one of {allowed}, got {_show(value)}") from None
        raise TypeError(f"{where}: expected a {self.name} or its name as a string, got {_show(value)}")

    def dump(self, value: Any) -> Any:
        return value.value

    def load(self, value: Any) -> Any:
        return _resolve(self.name)._value2member_map_[value]


class _Ref(_Named):
    def convert(self, cls: Any, value: Any, where: str) -> Any:
        if isinstance(value, (Mapping, str)):
            return cls._from_json(value, where)
        raise TypeError(f"{where}: expected a {self.name}, got {_show(value)}")

    def dump(self, value: Any) -> Any:
        return value.to_obj()

    def load(self, value: Any) -> Any:
        return _resolve(self.name)._load(value)


class _Optional(Kind):
    def __init__(self, inner: Kind) -> None:
        self.inner = inner

    def check(self, value: Any, where: str) -> Any:
        return None if value is None else self.inner.check(value, where)

    def dump(self, value: Any) -> Any:
        return None if value is None else self.inner.dump(value)

    def load(self, value: Any) -> Any:
        return None if value is None else self.inner.load(value)


class _List(_Collection):
    def __init__(self, inner: Kind) -> None:
        self.inner = inner

    def check(self, value: Any, where: str) -> Any:
        if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
            raise TypeError(f"{where}: expected a list, got {_show(value)}")
        return tuple(self.inner.check(v, f"{where}[{i}]") for i, v in enumerate(value))

    def dump(self, value: Any) -> Any:
        return [self.inner.dump(v) for v in value]

    def load(self, value: Any) -> Any:
        load = self.inner.load
        return tuple([load(v) for v in value])


class _Map(_Collection):
    def __init__(self, inner: Kind) -> None:
        self.inner = inner

    def check(self, value: Any, where: str) -> Any:
        if not isinstance(value, Mapping):
            raise TypeError(f"{where}: expected a mapping, got {_show(value)}")
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise TypeError(f"{where}: expected string keys, got {_show(k)}")
            out[k] = self.inner.check(v, f"{where}[{k!r}]")
        return FrozenMap(out)

    def dump(self, value: Any) -> Any:
        return {k: self.inner.dump(v) for k, v in value.items()}

    def load(self, value: Any) -> Any:
        return FrozenMap({k: self.inner.load(v) for k, v in value.items()})


class _Tuple(Kind):
    def __init__(self, items: tuple[Kind, ...]) -> None:
        self.items = items

    def check(self, value: Any, where: str) -> Any:
        if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
            raise TypeError(f"{where}: expected a pair, got {_show(value)}")
        values = tuple(value)
        if len(values) != len(self.items):
            raise ValueError(f"{where}: expected {len(self.items)} items, got {len(values)}")
        return tuple(k.check(v, f"{where}[{i}]") for i, (k, v) in enumerate(zip(self.items, values)))

    def dump(self, value: Any) -> Any:
        return [k.dump(v) for k, v in zip(self.items, value)]

    def load(self, value: Any) -> Any:
        return tuple(k.load(v) for k, v in zip(self.items, value))


STR, BOOL, DECIMAL, DATE, PARTIAL_DATE, TEXT = _Str(), _Bool(), _Decimal(), _Date(), _PartialDate(), _Text()
INT32 = _Int(-(2**31), 2**31 - 1)
UINT32 = _Int(0, 2**32 - 1)
INT64 = _Int(-(2**63), 2**63 - 1)
UINT64 = _Int(0, 2**64 - 1)


def opt(kind: Kind) -> Kind:
    return _Optional(kind)


def seq(kind: Kind) -> Kind:
    return _List(kind)


def mapping(kind: Kind) -> Kind:
    return _Map(kind)


def tup(*items: Kind) -> Kind:
    return _Tuple(items)


def ref(name: str) -> Kind:
    return _Ref(name)


def enum(name: str) -> Kind:
    return _Enum(name)


def _resolve(name: str) -> Any:
    """The generated class ``name``: of the model (``kartan.model``) or of the answers
    (``kartan.answers``; the generator refuses a name the two define differently)."""
    model = sys.modules["kartan.model"]
    if hasattr(model, name):
        return getattr(model, name)
    import kartan.answers  # noqa: PLC0415 - the answers import the model, not the reverse

    return getattr(kartan.answers, name)


# --- the base of every entity ----------------------------------------------------------

class _Marker:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


_REQUIRED: Any = _Marker("REQUIRED")
DEFAULT: Any = _Marker("DEFAULT")
"""The default of a constructor argument that has one (an empty text, the schema's
default enumeration member …); the field's ``default`` says which value it is."""


class Field:
    """One field of an entity: its Python name, its kartan JSON name, its kind, and its
    default as kartan JSON (``REQUIRED`` when it has none)."""

    __slots__ = ("name", "json", "kind", "default_json", "always", "_default")

    def __init__(self, name: str, json: str, kind: Kind, default_json: Any = _REQUIRED, always: bool = False) -> None:
        self.name, self.json, self.kind, self.default_json = name, json, kind, default_json
        # `always`: written to kartan JSON even at its default (a required key with a default)
        self.always = always or default_json is _REQUIRED
        self._default: Any = _REQUIRED

    @property
    def required(self) -> bool:
        return self.default_json is _REQUIRED

    def default(self, owner: str) -> Any:
        """The default value (checked once, then shared: values are immutable)."""
        if self._default is _REQUIRED:
            self._default = self.kind.check(self.default_json, f"{owner}.{self.name}")
        return self._default


REQUIRED: Any = _REQUIRED


class Model:
    """The base of every entity of the model: an immutable value with a keyword
    constructor that checks its arguments, equality by content, ``replace(**changes)``,
    and conversion to and from kartan JSON (``to_obj()`` / ``from_obj(obj)``)."""

    __slots__ = ()
    _FIELDS: ClassVar[tuple[Field, ...]] = ()

    def _set(self, values: dict[str, Any]) -> None:
        cls = type(self).__qualname__
        for f in self._FIELDS:
            value = values[f.name]
            if value is DEFAULT and not f.required:
                value = f.default(cls)
            else:
                value = f.kind.check(value, f"{cls}.{f.name}")
            object.__setattr__(self, f.name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__qualname__} is immutable: use .replace({name}=...)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__qualname__} is immutable")

    def replace(self: M, **changes: Any) -> M:
        """A copy with ``changes`` (field names as keywords), checked like the constructor."""
        values = {f.name: getattr(self, f.name) for f in self._FIELDS}
        for name in changes:
            if name not in values:
                raise TypeError(f"{type(self).__qualname__} has no field {name!r}")
        values.update(changes)
        return type(self)(**values)

    def to_obj(self) -> Any:
        """The entity as kartan JSON (a dict of JSON values; exact decimals as strings,
        dates as ISO text); fields at their empty default are left out."""
        out: dict[str, Any] = {}
        for f in self._FIELDS:
            value = getattr(self, f.name)
            if not f.always and _is_default(f, value, type(self).__qualname__):
                continue
            out[f.json] = f.kind.dump(value)
        return out

    def to_dict(self) -> Any:
        """The same as ``to_obj()``: the value's JSON form, as ``json.loads`` would give
        it (exact decimals as strings, dates as ISO text), e.g. for ``json.dumps`` or
        ``pandas.json_normalize``."""
        return self.to_obj()

    @classmethod
    def _load(cls: type[M], obj: Any) -> M:
        """The entity from kartan JSON that the core wrote (trusted, so not checked: about
        ten times faster than ``from_obj``; the tests check both give equal values)."""
        new = object.__new__(cls)
        owner = cls.__qualname__
        for f in cls._FIELDS:
            value = obj.get(f.json, _REQUIRED)
            object.__setattr__(new, f.name, f.default(owner) if value is _REQUIRED else f.kind.load(value))
        return new

    @classmethod
    def from_obj(cls: type[M], obj: Any) -> M:
        """The entity from kartan JSON (a dict as ``json.loads`` gives it), checked like the
        constructor; an unknown key raises ``ValueError`` naming it."""
        return cls._from_json(obj, cls.__qualname__)

    @classmethod
    def _from_json(cls: type[M], obj: Any, where: str) -> M:
        if not isinstance(obj, Mapping):
            raise TypeError(f"{where}: expected a {cls.__qualname__} (an object), got {_show(obj)}")
        names = {f.json: f.name for f in cls._FIELDS}
        values = {}
        for key, value in obj.items():
            if key not in names:
                allowed = ", ".join(repr(k) for k in names)
                raise ValueError(f"{where}: unknown field {key!r} of {cls.__qualname__} (expected {allowed})")
            values[names[key]] = value
        return cls(**values)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in self._FIELDS)

    def __hash__(self) -> int:
        return hash((type(self).__qualname__, *(getattr(self, f.name) for f in self._FIELDS)))

    def __repr__(self) -> str:
        parts = []
        for f in self._FIELDS:
            value = getattr(self, f.name)
            if f.required or not _is_default(f, value, type(self).__qualname__):
                parts.append(f"{f.name}={value!r}")
        return f"{type(self).__qualname__}({', '.join(parts)})"

    def __reduce__(self) -> tuple[Any, tuple[Any]]:
        return (_rebuild, (type(self), self.to_obj()))


def _is_default(f: Field, value: Any, owner: str) -> bool:
    default = f.default(owner)
    return value is default or (type(value) is type(default) and value == default)


def _rebuild(cls: Any, obj: Any) -> Any:
    return cls.from_obj(obj)


class Variant(Model):
    """The base of an externally tagged enumeration of the model (``Scale``, ``Answer``):
    each variant is a subclass; in kartan JSON a unit variant is its tag (``"free_text"``),
    another is ``{tag: content}``."""

    __slots__ = ()
    _TAG: ClassVar[str] = ""
    _UNIT: ClassVar[bool] = False
    _NEWTYPE: ClassVar[bool] = False
    _VARIANTS: ClassVar[tuple[str, ...]] = ()

    def to_obj(self) -> Any:
        if self._UNIT:
            return self._TAG
        if self._NEWTYPE:
            f = self._FIELDS[0]
            return {self._TAG: f.kind.dump(getattr(self, f.name))}
        return {self._TAG: Model.to_obj(self)}

    @classmethod
    def _load(cls: type[M], obj: Any) -> M:
        base: Any = cls
        if base._TAG:
            return Model._load.__func__(cls, obj)  # type: ignore[attr-defined,no-any-return]
        variants = {v._TAG: v for v in (_resolve(n) for n in base._VARIANTS)}
        if isinstance(obj, str):
            return variants[obj]()  # type: ignore[no-any-return]
        ((tag, content),) = obj.items()
        variant = variants[tag]
        if variant._NEWTYPE:
            f = variant._FIELDS[0]
            new = object.__new__(variant)
            object.__setattr__(new, f.name, f.kind.load(content))
            return new  # type: ignore[no-any-return]
        return Model._load.__func__(variant, content)  # type: ignore[attr-defined,no-any-return]

    @classmethod
    def _from_json(cls: type[M], obj: Any, where: str) -> M:
        base: Any = cls
        if base._TAG:  # a variant itself: its content
            return Model._from_json.__func__(cls, obj, where)  # type: ignore[attr-defined,no-any-return]
        variants = {v._TAG: v for v in (_resolve(n) for n in base._VARIANTS)}
        if isinstance(obj, str):
            variant = variants.get(obj)
            if variant is not None and variant._UNIT:
                return variant()  # type: ignore[no-any-return]
        elif isinstance(obj, Mapping) and len(obj) == 1:
            ((tag, content),) = obj.items()
            variant = variants.get(tag)
            if variant is not None and not variant._UNIT:
                if variant._NEWTYPE:
                    return variant(**{variant._FIELDS[0].name: content})  # type: ignore[no-any-return]
                return Model._from_json.__func__(variant, content, f"{where}.{tag}")  # type: ignore[attr-defined,no-any-return]
        tags = ", ".join(repr(t) for t in variants)
        raise ValueError(f"{where}: expected a {cls.__qualname__} ({tags}), got {_show(obj)}")


class TaggedVariant(Variant):
    """The base of an internally tagged enumeration of the answers (``Progress``): each
    variant is a subclass; in JSON every variant is an object whose ``kind`` names it,
    beside the variant's fields: ``{"kind": "fraction", "value": "0.5"}``,
    ``{"kind": "no_target"}``."""

    __slots__ = ()
    _TAG_KEY: ClassVar[str] = "kind"

    @property
    def kind(self) -> str:
        """The variant's tag, as in JSON (``"fraction"``, ``"no_target"`` …)."""
        return self._TAG

    def to_obj(self) -> Any:
        return {self._TAG_KEY: self._TAG, **Model.to_obj(self)}

    @classmethod
    def _variants(cls) -> dict[str, Any]:
        """The variants by tag (from the enumeration's class, also when ``cls`` is one)."""
        base = next(c for c in cls.__mro__ if c.__dict__.get("_VARIANTS"))
        return {v._TAG: v for v in (_resolve(n) for n in base._VARIANTS)}

    @classmethod
    def _load(cls: type[M], obj: Any) -> M:
        key = cls._TAG_KEY  # type: ignore[attr-defined]
        variant = cls._variants()[obj[key]]  # type: ignore[attr-defined]
        content = {k: v for k, v in obj.items() if k != key}
        return Model._load.__func__(variant, content)  # type: ignore[attr-defined,no-any-return]

    @classmethod
    def _from_json(cls: type[M], obj: Any, where: str) -> M:
        key = cls._TAG_KEY  # type: ignore[attr-defined]
        variants = cls._variants()  # type: ignore[attr-defined]
        variant = variants.get(obj.get(key)) if isinstance(obj, Mapping) else None
        if variant is None or not issubclass(variant, cls):
            tags = ", ".join(repr(t) for t in variants)
            raise ValueError(f"{where}: expected a {cls.__qualname__} (an object with {key!r}: {tags}), got {_show(obj)}")
        content = {k: v for k, v in obj.items() if k != key}
        return Model._from_json.__func__(variant, content, where)  # type: ignore[attr-defined,no-any-return]
