"""The sandbox text pieces run in: Jinja2's, with the work a piece does and the text it makes
bounded, so that a piece that loops without end or makes megabytes is stopped with a message.

A piece makes a line of a masthead, a byline, a file name: a small text.  Every loop turn,
call, filter and operator counts a step; a text or list a piece makes may be no longer than
its output may be; an operator or call that would make a longer one (``"x" * n``,
``center(n)``, ``replace``, ``join``, ``**``) is refused before it runs.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Callable, Iterable, Iterator
from string import Formatter
from typing import Any

from jinja2 import nodes, pass_context
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace

MAX_TEXT = 100_000  # characters a piece may write; the longest text or list it may make
MAX_STEPS = 100_000  # loop turns, calls, filters and operators of one piece
MAX_BITS = 10_000  # the largest whole number a piece may compute, in bits
BUDGET = "reportkit budget"  # not a name a piece can write: how a render passes its budget

# filters and methods whose result can be many times longer than what they are given
_MULTIPLYING = frozenset(
    {"center", "indent", "wordwrap", "batch", "slice", "ljust", "rjust", "zfill", "expandtabs"}
)
_PRINTING = frozenset({"string", "tojson", "pprint"})  # filters that print what they are given
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d*)(?:\.(\*|\d*))?")


class Stop(Exception):
    """A piece went past one of the bounds; the message says which, in words for the person
    who wrote the piece."""


class Budget:
    """The steps one render of a piece has taken."""

    def __init__(self) -> None:
        self.steps = 0

    def step(self) -> None:
        """Count one step; stop the piece when it has taken too many."""
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise Stop(f"文字片段运行的步数太多（超过 {MAX_STEPS} 步），请检查其中的循环")


def budget(context: Context) -> Budget:
    """The budget of the render ``context`` belongs to."""
    found = context.get(BUDGET)
    if not isinstance(found, Budget):  # a piece rendered without one: a budget of its own
        found = Budget()
        context.vars[BUDGET] = found
    return found


def counted(iterable: Iterable[Any]) -> Iterable[Any]:
    """What every ``{% for %}`` of a piece loops over (the sandbox's ``call`` counts its
    turns): put around each loop's iterable when the piece is compiled."""
    return iterable


class _Counting:
    """An iterable whose every turn is a step."""

    def __init__(self, iterable: Iterable[Any], spent: Budget):
        self.iterator, self.spent = iter(iterable), spent

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        value = next(self.iterator)
        self.spent.step()
        return value


def guard(template: nodes.Template) -> None:
    """Make every loop of a parsed piece count its turns, and every ``~`` check what it
    prints."""
    for loop in template.find_all(nodes.For):
        loop.iter = _call("counted", loop.iter)
    for concat in template.find_all(nodes.Concat):
        concat.nodes = [_call("printable", operand) for operand in concat.nodes]


def _call(name: str, argument: Any) -> nodes.Call:
    call = nodes.Call(nodes.ImportedName(f"{__name__}.{name}"), [argument], [], None, None)
    call.set_lineno(argument.lineno)
    return call


def check_size(value: Any) -> Any:
    """``value``, when it is no longer than a piece may make."""
    if isinstance(value, (str, list, tuple, dict, set, frozenset)) and len(value) > MAX_TEXT:
        raise Stop(f"文字片段生成的文字或列表太长（超过 {MAX_TEXT}），请检查其中的数字和循环")
    return value


def _too_long() -> Stop:
    return Stop(f"文字片段要生成的文字或列表太长（超过 {MAX_TEXT}），请检查其中的数字和循环")


def _size(value: int) -> int:
    return 0 if isinstance(value, bool) else max(value, 0)


def _check_product(values: Iterable[Any]) -> None:
    """Refuse a call whose result could be longer than allowed: at most the product of its
    texts' lengths and its numbers (plus one each)."""
    product = 1
    for value in values:
        product *= (_size(value) if isinstance(value, int) else printed(value)) + 1
        if product > MAX_TEXT * 4:
            raise _too_long()


def _check_format(text: str, values: Iterable[Any] = ()) -> None:
    """Refuse a format string that pads past the limit (``{:>1000000}``, ``%1000000d``, or a
    width taken from ``values``: ``{:>{w}}``, ``%*d``)."""
    widths: list[str] = []
    nested = False
    if "{" in text:
        with contextlib.suppress(ValueError):  # formatting fails on it anyway
            for _, _, spec, _ in Formatter().parse(text):
                widths += re.findall(r"\d+", spec or "")
                nested = nested or "{" in (spec or "")
    if "%" in text:
        for match in _PERCENT_SPEC.finditer(text):
            widths += [digits for digits in match.groups() if digits and digits != "*"]
            nested = nested or "*" in match.group()
    if any(int(digits) > MAX_TEXT for digits in widths) or (
        nested and any(_size(value) > MAX_TEXT for value in values if isinstance(value, int))
    ):
        raise _too_long()
    if sum(printed(value) for value in values) > MAX_TEXT:
        raise _too_long()


def printed(value: Any, limit: int = MAX_TEXT) -> int:
    """About how many characters ``value`` takes printed, counted no further than past
    ``limit``: a list holding the same long list many times is long when printed."""
    total, stack = 0, [value]
    while stack and total <= limit:
        item = stack.pop()
        if isinstance(item, str):
            total += len(item)
        elif isinstance(item, dict):
            total += 2 + 4 * len(item)
            stack += [*item.keys(), *item.values()]
        elif isinstance(item, (list, tuple, set, frozenset)):
            total += 2 + 2 * len(item)
            stack += list(item)[: limit - total + 1]
        elif isinstance(item, int):
            total += item.bit_length() // 3 + 1
        else:
            total += 16
    return total


def check_printed(value: Any) -> Any:
    """``value``, when printing it makes no more text than a piece may write."""
    if not isinstance(value, str) and printed(value) > MAX_TEXT:
        raise _too_long()
    return value


def printable(value: Any) -> Any:
    """What every ``~`` of a piece joins (the sandbox's ``call`` checks it is not too long
    printed): put around each operand when the piece is compiled."""
    return value


def _check_join(items: list[Any], separator: str) -> None:
    total = len(separator) * max(len(items) - 1, 0)
    for item in items:
        total += printed(item, MAX_TEXT - total)
        if total > MAX_TEXT:
            raise _too_long()


def _check_replace(text: Any, old: Any, new: Any, count: int | None = None) -> None:
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        times = text.count(old)
        if isinstance(count, int) and count >= 0:
            times = min(count, times)
        if len(text) + times * (len(new) - len(old)) > MAX_TEXT:
            raise _too_long()


def _too_big() -> Stop:
    return Stop(f"文字片段算出的数太大（超过 {MAX_BITS} 位二进制数）")


class _Namespace(Namespace):
    """``namespace()``: what a piece keeps across loop turns is bounded too."""

    def __setitem__(self, name: str, value: Any) -> None:
        super().__setitem__(name, check_size(value))


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja2's sandbox (no attribute of Python's internals, nothing changed in place), with
    every step counted and every text a piece makes bounded."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals.pop("lipsum", None)  # made-up text has no place in a document
        self.finalize = check_printed
        self.globals["namespace"] = _Namespace
        # the filters run as a plain sandbox runs them, each call counted and checked
        self.plain = ImmutableSandboxedEnvironment()
        self.guard_filters()

    def add_filter(self, name: str, function: Callable[..., Any]) -> None:
        """Make ``function`` the filter ``name`` (checked as the built-in ones are)."""
        self.plain.filters[name] = function
        self.filters[name] = self._guarded(name)

    def guard_filters(self) -> None:
        """Check every filter's arguments and result."""
        for name in list(self.plain.filters):
            self.filters[name] = self._guarded(name)

    def _guarded(self, name: str) -> Callable[..., Any]:
        plain = self.plain

        @pass_context
        def run(context: Context, value: Any, *args: Any, **kwargs: Any) -> Any:
            budget(context).step()
            if name in _MULTIPLYING:
                _check_product([value, *args, *kwargs.values()])
            elif name == "format" and isinstance(value, str):
                _check_format(value, [*args, *kwargs.values()])
            elif name == "join":
                value = list(value)
                separator = args[0] if args else kwargs.get("d", "")
                _check_join(value, separator if isinstance(separator, str) else "")
            elif name == "replace":
                _check_replace(value, *args, **kwargs)
            elif name in _PRINTING:
                check_printed(value)
            return check_size(plain.call_filter(name, value, args, kwargs, context=context))

        return run

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Call ``__obj`` from a piece: a step, with its arguments and result checked."""
        spent = budget(__context)
        spent.step()
        if __obj is counted:
            return _Counting(args[0], spent)
        if __obj is printable:
            return check_printed(args[0])
        given = [*args, *kwargs.values()]
        if __obj is __self.globals.get("range") and len(range(*args)) > MAX_TEXT:
            raise Stop(f"文字片段里的 range 太大（最多 {MAX_TEXT} 个数）")
        method = getattr(__obj, "__wrapped__", __obj)
        owner, name = getattr(method, "__self__", None), getattr(method, "__name__", "")
        if isinstance(owner, str):
            if name in _MULTIPLYING:
                _check_product([owner, *given])
            elif name in ("format", "format_map"):
                mapping = given[0] if name == "format_map" and given else {}
                _check_format(owner, [*given, *getattr(mapping, "values", list)()])
            elif name == "join" and args:
                items = list(args[0])
                _check_join(items, owner)
                args = (items, *args[1:])
            elif name == "replace":
                _check_replace(owner, *args, **kwargs)
        return check_size(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """``*``, ``**`` and ``%`` from a piece: refused when the result would be too big."""
        budget(context).step()
        numbers = all(isinstance(v, int) and not isinstance(v, bool) for v in (left, right))
        if operator == "*" and numbers:
            if left.bit_length() + right.bit_length() > MAX_BITS:
                raise _too_big()
        elif operator == "*":
            _check_product([left, right])
        elif operator == "**" and numbers and right > 0 and abs(left) > 1:
            if right * math.log2(abs(left)) > MAX_BITS:
                raise _too_big()
        elif operator == "%" and isinstance(left, str):
            _check_format(left, right if isinstance(right, tuple) else (right,))
        return check_size(super().call_binop(context, operator, left, right))
