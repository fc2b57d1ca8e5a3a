"""A griffe extension for the docs build: docstrings written for doctest and Sphinx read well.

The docstrings keep plain ``>>>`` examples (run by the tests); Markdown would read those lines
as nested block quotes, so this extension wraps each example in a fenced ``pycon`` block when
mkdocstrings loads the API. Sphinx cross-reference roles (``:class:`~cleantext.Result```)
become code spans. Loaded from ``mkdocs.yml`` as ``scripts/griffe_doctest.py:DoctestBlocks``.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

FENCE = "```"
_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|mod|attr|data|exc|obj):`(~?)([^`]+)`")


def plain_roles(text: str) -> str:
    """Sphinx roles as Markdown code spans (``~`` keeps only the last name).

    >>> plain_roles("a :class:`Result` and :func:`~cleantext.api.clean`")
    'a `Result` and `clean`'
    """
    return _ROLE.sub(lambda m: f"`{m.group(2).rsplit('.', 1)[-1] if m.group(1) else m.group(2)}`", text)


def fence_doctests(text: str) -> str:
    """Wrap every run of doctest lines (``>>>`` up to the next blank line) in a code fence.

    >>> fence_doctests("Intro.\\n\\n>>> 1 + 1\\n2\\n\\nAfter.").splitlines()
    ['Intro.', '', '```pycon', '>>> 1 + 1', '2', '```', '', 'After.']
    """
    out: list[str] = []
    lines = text.splitlines()
    i, in_fence = 0, False
    while i < len(lines):
        line = lines[i]
        stripped = line.lstrip()
        if stripped.startswith(FENCE):
            in_fence = not in_fence
        if in_fence or not (stripped == ">>>" or stripped.startswith(">>> ")):
            out.append(line)
            i += 1
            continue
        indent = line[: len(line) - len(stripped)]
        out.append(f"{indent}{FENCE}pycon")
        while i < len(lines) and lines[i].strip():
            out.append(lines[i])
            i += 1
        out.append(f"{indent}{FENCE}")
    return "\n".join(out)


class DoctestBlocks(griffe.Extension):
    """Rewrite each loaded object's docstring so its doctest examples render as code."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = plain_roles(fence_doctests(obj.docstring.value))
