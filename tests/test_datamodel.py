"""reportkit.datamodel: the checks behind every source and template message."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import pytest

from reportkit.datamodel import BeforeValidator, Field, Model, ValidationError, model_validator


class Inner(Model):
    name: str
    size: int = Field(1, ge=1)


class Outer(Model):
    kind: Literal["a", "b"] | None = None
    inner: Inner
    items: Annotated[list[str], BeforeValidator(lambda v: [v] if isinstance(v, str) else v)] = []
    when: dt.date | None = None
    share: float = Field(1.0, gt=0, le=1)

    @model_validator(mode="after")
    def _check(self) -> Outer:
        if self.items == ["bad"]:
            raise ValueError("不要写 bad")
        return self


def errors(data: object) -> list[tuple[str, tuple]]:
    with pytest.raises(ValidationError) as info:
        Outer.model_validate(data)
    return [(e["type"], e["loc"]) for e in info.value.errors()]


def test_every_error_is_reported_with_its_path_in_declaration_order() -> None:
    found = errors(
        {"kind": "c", "inner": {"size": 0, "nam": "x"}, "items": [1], "share": 2, "extra": 1}
    )
    assert found == [
        ("literal_error", ("kind",)),
        ("missing", ("inner", "name")),
        ("greater_than_equal", ("inner", "size")),
        ("extra_forbidden", ("inner", "nam")),
        ("string_type", ("items", 0)),
        ("less_than_equal", ("share",)),
        ("extra_forbidden", ("extra",)),
    ]


def test_values_as_offices_and_yaml_write_them() -> None:
    model = Outer.model_validate(
        {"inner": {"name": "x", "size": "3"}, "items": "one", "when": "2024-05-06", "share": "0.5"}
    )
    assert (model.inner.size, model.items, model.when, model.share) == (
        3,
        ["one"],
        dt.date(2024, 5, 6),
        0.5,
    )
    assert model.model_dump()["inner"] == {"name": "x", "size": 3}


def test_model_checks_run_after_the_fields_and_say_their_own_words() -> None:
    with pytest.raises(ValidationError) as info:
        Outer.model_validate({"inner": {"name": "x"}, "items": ["bad"]})
    (error,) = info.value.errors()
    assert (error["type"], error["loc"], str(error["ctx"]["error"])) == (
        "value_error",
        (),
        "不要写 bad",
    )


@pytest.mark.parametrize(
    ("value", "kind"),
    [(1.5, "int_from_float"), ("三", "int_parsing"), ([1], "int_type"), (None, "int_type")],
)
def test_whole_numbers(value: object, kind: str) -> None:
    assert errors({"inner": {"name": "x", "size": value}}) == [(kind, ("inner", "size"))]


def test_defaults_are_not_shared_and_models_do_not_change() -> None:
    first = Outer.model_validate({"inner": {"name": "x"}})
    second = Outer.model_validate({"inner": {"name": "y"}})
    first.items.append("z")
    assert second.items == []
    with pytest.raises(AttributeError):
        first.kind = "a"  # type: ignore[misc]
    assert first.model_copy(update={"kind": "a"}).kind == "a" and first.kind is None


def test_type_hints_are_typings_own() -> None:
    """The annotations of every model evaluated as typing.get_type_hints does (the metadata
    objects, made anew by each evaluation, compared by what they print)."""
    import re
    import typing

    from reportkit.datamodel import type_hints
    from reportkit.source import model  # noqa: F401 - its models
    from reportkit.template import profile  # noqa: F401 - its models

    def shown(hint: object) -> str:
        return re.sub(r" object at 0x[0-9a-f]+", "", repr(hint))

    waiting, seen = list(Model.__subclasses__()), 0
    while waiting:
        cls = waiting.pop()
        waiting.extend(cls.__subclasses__())
        ours, theirs = type_hints(cls), typing.get_type_hints(cls, include_extras=True)
        assert list(ours) == list(theirs), cls
        assert [shown(h) for h in ours.values()] == [shown(h) for h in theirs.values()], cls
        seen += 1
    assert seen > 30
