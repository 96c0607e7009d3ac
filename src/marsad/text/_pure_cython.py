"""The names of the `cython` module that marsad's pure-Python-mode declarations use, for a run
without Cython installed (a pure install, MARSAD_PURE_PYTHON_BUILD=1, need not have it): they
declare nothing, so the code runs as the plain Python it is. Compiled, Cython reads the
declarations (C integers for a hot loop's offsets) and this module is not imported."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

compiled = False
Py_ssize_t = int
bint = bool


def locals(**_types: Any) -> Callable[[F], F]:
    return lambda f: f


def returns(_type: Any) -> Callable[[F], F]:
    return lambda f: f


def boundscheck(_on: bool) -> Callable[[F], F]:
    return lambda f: f


def wraparound(_on: bool) -> Callable[[F], F]:
    return lambda f: f


def cfunc(f: F) -> F:
    return f


def inline(f: F) -> F:
    return f


def cast(_type: Any, value: Any) -> Any:
    return value


# Declared C attributes of an extension class (compiled: a struct field read in C, not a dict
# lookup); run as Python, the class is a plain class and `declare` gives back the default.
def cclass(cls: type) -> type:
    return cls


def declare(_type: Any = None, value: Any = None, **_fields: Any) -> Any:
    return value
