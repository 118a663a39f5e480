"""Validated data classes: fields declared as annotations, plain data (YAML) checked against them.

The models of sources and templates are declared as pydantic models are (``Annotated`` types,
``Field`` constraints, before-validators, model validators), and their errors are reported with
the error types and field paths pydantic uses, every one of them at once, so that
``source/validation.py`` can say each in words a clerk understands.  It is small because the
models need little: text, whole numbers, numbers, yes/no, dates, fixed choices, lists, tables
of values, nested models and lists of entries told apart by a function; loading it costs a
millisecond where pydantic costs a tenth of a second at every start.
"""

from __future__ import annotations

import copy
import datetime as dt
import inspect
import re
import sys
import types
import typing
from collections.abc import Callable
from typing import Any, ClassVar, Literal, TypeVar, Union

M = TypeVar("M", bound="Model")
Check = Callable[[Any, tuple[Any, ...], list[dict[str, Any]]], Any]
_BAD: Any = object()  # a value that failed; its errors are in the list
_MISSING: Any = object()


class ValidationError(ValueError):
    """The errors found in one piece of data, each ``{type, loc, msg, input, ctx}``."""

    def __init__(self, found: list[dict[str, Any]]):
        super().__init__(f"{len(found)} 处错误")
        self._errors = found

    def errors(self, include_url: bool = False) -> list[dict[str, Any]]:
        """Every error, in the order the fields are declared."""
        return list(self._errors)


class FieldInfo:
    """A field's default, constraints and description (as ``Field(...)``), or constraints in
    ``Annotated``."""

    # plain classes, not dataclasses: each dataclass costs about a millisecond at every start
    __slots__ = (
        "annotation",
        "default",
        "default_factory",
        "description",
        "examples",
        "ge",
        "gt",
        "json_schema_extra",
        "le",
        "lt",
        "min_length",
        "pattern",
        "strip_whitespace",
        "title",
    )

    def __init__(
        self,
        default: Any = _MISSING,
        default_factory: Callable[[], Any] | None = None,
        min_length: int | None = None,
        ge: float | None = None,
        le: float | None = None,
        gt: float | None = None,
        lt: float | None = None,
        pattern: str | None = None,
        strip_whitespace: bool = False,
        annotation: Any = None,  # the field's type, once the model's schema is made
        # what the value means, for messages only (as pydantic keeps them for its schema)
        title: str | None = None,
        description: str | None = None,
        examples: list[Any] | None = None,
        json_schema_extra: dict[str, Any] | None = None,
    ):
        self.default, self.default_factory = default, default_factory
        self.min_length, self.ge, self.le, self.gt, self.lt = min_length, ge, le, gt, lt
        self.pattern, self.strip_whitespace = pattern, strip_whitespace
        self.annotation = annotation
        self.title, self.description, self.examples = title, description, examples
        self.json_schema_extra = json_schema_extra

    def typed(self, annotation: Any) -> FieldInfo:
        """This field's settings with its type."""
        settings = {name: getattr(self, name) for name in self.__slots__}
        return FieldInfo(**{**settings, "annotation": annotation})


def Field(default: Any = _MISSING, **constraints: Any) -> Any:
    """A field's default and constraints: ``Field(1.0, gt=0, le=1)``, ``Field(min_length=1)``;
    ``title``, ``description``, ``examples`` and ``json_schema_extra`` describe it."""
    return FieldInfo(default, **constraints)


def StringConstraints(**constraints: Any) -> FieldInfo:
    """Constraints on text: ``strip_whitespace``, ``min_length``, ``pattern``."""
    return FieldInfo(**constraints)


class BeforeValidator:
    """A function the raw value goes through before its type is checked."""

    __slots__ = ("func",)

    def __init__(self, func: Callable[[Any], Any]):
        self.func = func


class Tag:
    """The name of one member of a union told apart by a :class:`Discriminator`."""

    __slots__ = ("tag",)

    def __init__(self, tag: str):
        self.tag = tag


class Discriminator:
    """A function naming which member of a union (by :class:`Tag`) a raw value is."""

    __slots__ = ("func",)

    def __init__(self, func: Callable[[Any], str]):
        self.func = func


class _Private:
    __slots__ = ("default", "default_factory")

    def __init__(self, default: Any, default_factory: Callable[[], Any] | None):
        self.default, self.default_factory = default, default_factory


def PrivateAttr(default: Any = None, default_factory: Callable[[], Any] | None = None) -> Any:
    """An attribute that is not a field: set after validation (a checked file's path)."""
    return _Private(default, default_factory)


def model_validator(*, mode: Literal["before", "after"]) -> Callable[[Any], Any]:
    """Mark a method as a check of the whole model: ``before`` (a classmethod) gets the raw
    value and returns it changed; ``after`` gets the built model.  A ``ValueError`` it raises
    is an error of the model."""

    def mark(func: Any) -> Any:
        target = func.__func__ if isinstance(func, classmethod) else func
        setattr(target, "__model_validator__", mode)  # noqa: B010 - a function's attribute
        return func

    return mark


class Model:
    """Base of validated data.  Unknown fields are refused; values cannot be changed."""

    strip_whitespace: ClassVar[bool] = False  # strip every text field's ends
    model_fields: ClassVar[dict[str, FieldInfo]] = {}  # see fields(): set on first use
    __check__: ClassVar[Check | None] = None
    __private__: ClassVar[dict[str, _Private]] = {}

    def __init_subclass__(cls, **kwargs: Any):
        super().__init_subclass__(**kwargs)
        cls.__check__ = None  # made on first use: declaring models costs next to nothing
        cls.__private__ = {
            name: value
            for klass in reversed(cls.__mro__)
            for name, value in vars(klass).items()
            if isinstance(value, _Private)
        }

    def __init__(self, **data: Any):
        built = self.model_validate(data)
        self.__dict__.update(built.__dict__)

    @classmethod
    def model_validate(cls: type[M], data: Any) -> M:
        """The model made from ``data``, or :class:`ValidationError` with every error."""
        found: list[dict[str, Any]] = []
        value = _model_check(cls)(data, (), found)
        if found:
            raise ValidationError(found)
        return typing.cast(M, value)

    @classmethod
    def model_construct(cls: type[M], **values: Any) -> M:
        """A model from values already checked."""
        _schema(cls)
        model = cls.__new__(cls)
        for name, info in cls.model_fields.items():
            object.__setattr__(model, name, values.get(name, _default(info)))
        model._init_private()
        return model

    def _init_private(self) -> None:
        for name, private in self.__private__.items():
            value = private.default_factory() if private.default_factory else private.default
            object.__setattr__(self, name, value)

    def model_dump(self) -> dict[str, Any]:
        """The fields as plain data (nested models as dicts)."""
        return {name: _dump(getattr(self, name)) for name in self.model_fields}

    def model_copy(self: M, update: dict[str, Any] | None = None) -> M:
        """A copy with some fields replaced (not checked again)."""
        other = copy.copy(self)
        for name, value in (update or {}).items():
            object.__setattr__(other, name, value)
        return other

    def __setattr__(self, name: str, value: Any) -> None:
        if name in self.__private__:
            object.__setattr__(self, name, value)
            return
        raise AttributeError(f"{type(self).__name__} 的字段不能修改：{name}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in self.model_fields)

    def __hash__(self) -> int:
        return hash((type(self), *(getattr(self, n) for n in self.model_fields)))

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.model_fields)
        return f"{type(self).__name__}({fields})"


def prepare_all() -> None:
    """Make the schema of every model declared so far (a batch does this once, before its
    workers start, instead of each worker on its first bulletin)."""
    waiting: list[type[Model]] = [Model]
    while waiting:
        cls = waiting.pop()
        waiting.extend(cls.__subclasses__())
        if cls is not Model:
            _schema(cls)
            _model_check(cls)


def fields(cls: type[Model]) -> dict[str, FieldInfo]:
    """The fields of ``cls`` in the order they are declared, with their types."""
    _schema(cls)
    return cls.model_fields


def _dump(value: Any) -> Any:
    if isinstance(value, Model):
        return value.model_dump()
    if isinstance(value, list):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


def _default(info: FieldInfo) -> Any:
    if info.default_factory is not None:
        return info.default_factory()
    return copy.copy(info.default) if isinstance(info.default, list | dict) else info.default


# the schema of a model: made once, on first use


def _schema(cls: type[Model]) -> dict[str, tuple[FieldInfo, Check]]:
    schema = cls.__dict__.get("__schema__")
    if schema is not None:
        return typing.cast(dict[str, tuple[FieldInfo, Check]], schema)
    hints = type_hints(cls)
    schema = {}
    for name, annotation in hints.items():
        if name.startswith("_") or typing.get_origin(annotation) is ClassVar:
            continue
        declared = getattr(cls, name, _MISSING)
        info = declared if isinstance(declared, FieldInfo) else FieldInfo(default=declared)
        info = info.typed(annotation)
        check = _checker(annotation, cls.strip_whitespace)
        schema[name] = (info, _constrained(check, [info]) if _has_constraints(info) else check)
    type.__setattr__(cls, "__schema__", schema)
    type.__setattr__(cls, "model_fields", {name: info for name, (info, _) in schema.items()})
    return schema


_COMPILED: dict[str, types.CodeType] = {}


def type_hints(cls: type) -> dict[str, Any]:
    """``typing.get_type_hints(cls, include_extras=True)`` for a model: each annotation (a
    string, the modules use postponed annotations) evaluated where the class was declared, its
    code compiled once for every model that writes it alike (``Text``, ``int | None``)."""
    hints: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        declared = inspect.get_annotations(klass)
        if not declared:
            continue
        module = sys.modules[klass.__module__].__dict__
        names = dict(vars(klass))  # looked up after the module's names, as typing does
        for name, annotation in declared.items():
            if isinstance(annotation, str):
                code = _COMPILED.get(annotation)
                if code is None:
                    code = _COMPILED[annotation] = compile(annotation, "<annotation>", "eval")
                annotation = eval(code, names, module)
            hints[name] = type(None) if annotation is None else annotation
    return hints


def _model_check(cls: type[Model]) -> Check:
    check = cls.__dict__.get("__check__")
    if check is not None:
        return typing.cast(Check, check)
    befores = [f for f in _validators(cls, "before")]
    afters = [f for f in _validators(cls, "after")]

    def check_model(value: Any, loc: tuple[Any, ...], found: list[dict[str, Any]]) -> Any:
        if isinstance(value, cls):
            return value
        for before in befores:
            try:
                value = before(cls, value)
            except ValueError as exc:
                found.append(_value_error(exc, loc, value))
                return _BAD
        if not isinstance(value, dict):
            found.append(_error("model_type", loc, value, "Input should be a valid dictionary"))
            return _BAD
        schema = _schema(cls)
        before_count = len(found)
        values = {}
        for name, (info, field_check) in schema.items():
            raw = value.get(name, _MISSING)
            if raw is _MISSING:
                if info.default is _MISSING and info.default_factory is None:
                    found.append(_error("missing", (*loc, name), value, "Field required"))
                    continue
                values[name] = _default(info)
                continue
            values[name] = field_check(raw, (*loc, name), found)
        for key in value:
            if key not in schema:
                found.append(
                    _error(
                        "extra_forbidden", (*loc, key), value[key], "Extra inputs are not permitted"
                    )
                )
        if len(found) > before_count:
            return _BAD
        model = cls.__new__(cls)
        for name, field_value in values.items():
            object.__setattr__(model, name, field_value)
        model._init_private()
        for after in afters:
            try:
                model = after(model)
            except ValueError as exc:
                found.append(_value_error(exc, loc, value))
                return _BAD
        return model

    type.__setattr__(cls, "__check__", check_model)
    return check_model


def _validators(cls: type, mode: str) -> list[Callable[..., Any]]:
    found = []
    for klass in reversed(cls.__mro__):
        for value in vars(klass).values():
            func = value.__func__ if isinstance(value, classmethod) else value
            if getattr(func, "__model_validator__", None) == mode:
                found.append(func)
    return found


def _error(kind: str, loc: tuple[Any, ...], value: Any, msg: str, **ctx: Any) -> dict[str, Any]:
    error = {"type": kind, "loc": loc, "msg": msg, "input": value}
    if ctx:
        error["ctx"] = ctx
    return error


def _value_error(exc: ValueError, loc: tuple[Any, ...], value: Any) -> dict[str, Any]:
    return _error("value_error", loc, value, f"Value error, {exc}", error=exc)


def _has_constraints(info: FieldInfo) -> bool:
    return (
        any(
            v is not None
            for v in (info.min_length, info.ge, info.le, info.gt, info.lt, info.pattern)
        )
        or info.strip_whitespace
    )


def _checker(tp: Any, strip: bool) -> Check:
    """The check of one type."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        base, *meta = typing.get_args(tp)
        chooser = next((m for m in meta if isinstance(m, Discriminator)), None)
        inner = _tagged(base, chooser, strip) if chooser else _checker(base, strip)
        limits = [m for m in meta if isinstance(m, FieldInfo)]
        if limits:
            inner = _constrained(inner, limits)
        for before in reversed([m.func for m in meta if isinstance(m, BeforeValidator)]):
            inner = _before(before, inner)
        return inner
    if tp is Any:
        return lambda value, loc, found: value
    if origin in (Union, types.UnionType):
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(members) != 1:
            raise TypeError(f"only X | None unions are supported: {tp}")
        member = _checker(members[0], strip)
        return lambda value, loc, found: None if value is None else member(value, loc, found)
    if origin is Literal:
        return _literal(typing.get_args(tp))
    if origin is list:
        return _list(_checker(typing.get_args(tp)[0], strip))
    if origin is dict:
        key_type, value_type = typing.get_args(tp)
        return _dict(_checker(key_type, strip), _checker(value_type, strip))
    if isinstance(tp, type) and issubclass(tp, Model):
        return lambda value, loc, found: _model_check(tp)(value, loc, found)
    simple = _SIMPLE.get(tp)
    if simple is None:
        raise TypeError(f"no check for {tp!r}")
    if tp is str and strip:
        return _strip_text
    return simple


def _before(func: Callable[[Any], Any], then: Check) -> Check:
    def check(value: Any, loc: tuple[Any, ...], found: list[dict[str, Any]]) -> Any:
        try:
            value = func(value)
        except ValueError as exc:
            found.append(_value_error(exc, loc, value))
            return _BAD
        return then(value, loc, found)

    return check


def _constrained(then: Check, limits: list[FieldInfo]) -> Check:
    strip = any(info.strip_whitespace for info in limits)
    merged = {
        key: next((getattr(i, key) for i in limits if getattr(i, key) is not None), None)
        for key in ("min_length", "ge", "le", "gt", "lt", "pattern")
    }
    pattern = re.compile(merged["pattern"]) if merged["pattern"] else None

    def check(value: Any, loc: tuple[Any, ...], found: list[dict[str, Any]]) -> Any:
        if strip and isinstance(value, str):
            value = value.strip()
        value = then(value, loc, found)
        if value is _BAD or value is None:
            return value
        return _limits(value, loc, found, merged, pattern)

    return check


def _limits(
    value: Any,
    loc: tuple[Any, ...],
    found: list[dict[str, Any]],
    merged: dict[str, Any],
    pattern: re.Pattern[str] | None,
) -> Any:
    least = merged["min_length"]
    if least is not None and len(value) < least:
        if isinstance(value, str):
            message = f"String should have at least {least} character{'s' * (least != 1)}"
            found.append(_error("string_too_short", loc, value, message, min_length=least))
        else:
            message = f"List should have at least {least} item{'s' * (least != 1)} after validation, not {len(value)}"
            found.append(
                _error("too_short", loc, value, message, field_type="List", min_length=least)
            )
        return _BAD
    if pattern is not None and not pattern.search(value):
        message = f"String should match pattern '{pattern.pattern}'"
        found.append(
            _error("string_pattern_mismatch", loc, value, message, pattern=pattern.pattern)
        )
        return _BAD
    for key, kind, holds, words in (
        ("ge", "greater_than_equal", lambda v, b: v >= b, "greater than or equal to"),
        ("gt", "greater_than", lambda v, b: v > b, "greater than"),
        ("le", "less_than_equal", lambda v, b: v <= b, "less than or equal to"),
        ("lt", "less_than", lambda v, b: v < b, "less than"),
    ):
        bound = merged[key]
        if bound is not None and not holds(value, bound):
            found.append(
                _error(kind, loc, value, f"Input should be {words} {bound}", **{key: bound})
            )
            return _BAD
    return value


def _tagged(union: Any, chooser: Discriminator, strip: bool) -> Check:
    """Members of ``union`` (each ``Annotated[Model, Tag(name)]``) chosen by ``chooser``."""
    members = {}
    for member in typing.get_args(union):
        base, *meta = typing.get_args(member)
        tag = next(m.tag for m in meta if isinstance(m, Tag))
        members[tag] = _checker(base, strip)

    def check(value: Any, loc: tuple[Any, ...], found: list[dict[str, Any]]) -> Any:
        tag = chooser.func(value)
        return members[tag](value, (*loc, tag), found)

    return check


def _literal(choices: tuple[Any, ...]) -> Check:
    shown = [repr(c) for c in choices]
    expected = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"

    def check(value: Any, loc: tuple[Any, ...], found: list[dict[str, Any]]) -> Any:
        if isinstance(value, str | int) and value in choices:
            return value
        found.append(
            _error(
                "literal_error",
                loc,
                value,
                f"Input should be {expected}",
                expected=expected,
                choices=choices,
            )
        )
        return _BAD

    return check


def _list(item: Check) -> Check:
    def check(value: Any, loc: tuple[Any, ...], found: list[dict[str, Any]]) -> Any:
        if not isinstance(value, list | tuple):
            found.append(_error("list_type", loc, value, "Input should be a valid list"))
            return _BAD
        before = len(found)
        items = [item(v, (*loc, n), found) for n, v in enumerate(value)]
        return _BAD if len(found) > before else items

    return check


def _dict(key: Check, item: Check) -> Check:
    def check(value: Any, loc: tuple[Any, ...], found: list[dict[str, Any]]) -> Any:
        if not isinstance(value, dict):
            found.append(_error("dict_type", loc, value, "Input should be a valid dictionary"))
            return _BAD
        before = len(found)
        items = {key(k, (*loc, k), found): item(v, (*loc, k), found) for k, v in value.items()}
        return _BAD if len(found) > before else items

    return check


def _text(value: Any, loc: tuple[Any, ...], found: list[dict[str, Any]]) -> Any:
    if isinstance(value, str):
        return value
    found.append(_error("string_type", loc, value, "Input should be a valid string"))
    return _BAD


def _strip_text(value: Any, loc: tuple[Any, ...], found: list[dict[str, Any]]) -> Any:
    value = _text(value, loc, found)
    return value.strip() if value is not _BAD else value


_INTEGER = re.compile(r"\s*[+-]?\d+\s*")


def _int(value: Any, loc: tuple[Any, ...], found: list[dict[str, Any]]) -> Any:
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        message = "Input should be a valid integer, got a number with a fractional part"
        found.append(_error("int_from_float", loc, value, message))
        return _BAD
    if isinstance(value, str):
        if _INTEGER.fullmatch(value):
            return int(value)
        try:
            number = float(value)
            if number.is_integer():
                return int(number)
        except ValueError:
            pass
        message = "Input should be a valid integer, unable to parse string as an integer"
        found.append(_error("int_parsing", loc, value, message))
        return _BAD
    found.append(_error("int_type", loc, value, "Input should be a valid integer"))
    return _BAD


def _float(value: Any, loc: tuple[Any, ...], found: list[dict[str, Any]]) -> Any:
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            message = "Input should be a valid number, unable to parse string as a number"
            found.append(_error("float_parsing", loc, value, message))
            return _BAD
    found.append(_error("float_type", loc, value, "Input should be a valid number"))
    return _BAD


_TRUE = {"true", "yes", "y", "on", "1", "t"}
_FALSE = {"false", "no", "n", "off", "0", "f"}


def _bool(value: Any, loc: tuple[Any, ...], found: list[dict[str, Any]]) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    message = "Input should be a valid boolean, unable to interpret input"
    found.append(_error("bool_parsing", loc, value, message))
    return _BAD


def _date(value: Any, loc: tuple[Any, ...], found: list[dict[str, Any]]) -> Any:
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date()
    elif isinstance(value, dt.date):
        return value
    elif isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    found.append(_error("date_parsing", loc, value, "Input should be a valid date"))
    return _BAD


_SIMPLE: dict[Any, Check] = {str: _text, int: _int, float: _float, bool: _bool, dt.date: _date}
