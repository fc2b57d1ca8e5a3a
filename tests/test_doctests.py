"""The examples in the docstrings run, and every public name has one."""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil
import re
from pathlib import Path
from types import ModuleType

import pytest

import cleantext


def _module_names() -> list[str]:
    names = ["cleantext"]
    # onerror: a subpackage whose optional extra is missing is skipped in the test below.
    for info in pkgutil.walk_packages(cleantext.__path__, "cleantext.", onerror=lambda name: None):
        if info.name.rsplit(".", 1)[-1] != "__main__":
            names.append(info.name)
    return sorted(names)


def _import(name: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError as err:  # an optional extra (parquet, warc, datatrove, dask...) is missing
        missing = getattr(err, "name", None) or ""
        if missing.split(".")[0] == "cleantext":
            raise
        pytest.skip(f"{name} needs {missing or err}, an optional extra that is not installed")


@pytest.mark.parametrize("name", _module_names())
def test_module_doctests(name: str) -> None:
    module = _import(name)
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    failed, _ = doctest.testmod(module, optionflags=flags, report=True, verbose=False)
    assert failed == 0, f"{failed} doctest example(s) failed in {name} (details above)"


def _documented_with_example(obj: object) -> bool:
    doc = obj.__doc__ if inspect.isclass(obj) else inspect.getdoc(obj)
    return bool(doc) and ">>>" in str(doc)


def test_every_public_name_has_a_docstring_with_an_example() -> None:
    offenders = []
    for name in cleantext.__all__:
        obj = getattr(cleantext, name)
        if not (inspect.isclass(obj) or inspect.isfunction(obj) or inspect.ismodule(obj)):
            continue  # constants such as __version__ carry no docstring of their own
        if not _documented_with_example(obj):
            offenders.append(name)
    assert not offenders, f"public names without a docstring example (>>>): {', '.join(offenders)}"


DOCS = Path(__file__).resolve().parent.parent / "docs"
# Pages whose Python examples are self-contained (the others read the reader's own files).
RUNNABLE_PAGES = ("custom-rules.md", "faq.md")


@pytest.mark.parametrize("page", RUNNABLE_PAGES)
def test_docs_examples_run(page: str) -> None:
    namespace: dict[str, object] = {}
    blocks = re.findall(r"```python\n(.*?)```", (DOCS / page).read_text(encoding="utf-8"), re.S)
    assert blocks, f"no python example in docs/{page}"
    for block in blocks:
        exec(compile(block, f"docs/{page}", "exec"), namespace)
