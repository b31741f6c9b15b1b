"""GraphQL SDL written in JavaScript or TypeScript (a `gql` or `graphql` tagged template that
holds `type Applicant { ... }`): each such template is read with the GraphQL SDL reader where
it stands, everything around it blank, so lines and columns stay right. A template that is a
client query, or that substitutions leave unparseable, gives nothing (it is code, no schema)."""

from __future__ import annotations

import re

from datamin.parse.sniff import Sniff
from datamin.records import Control

SNIFF = Sniff(r"\b(?:gql|graphql)\s*`[^`]*\b(?:type|input)\s+\w+", ("gql", "graphql"))
_TAG = re.compile(r"\b(?:gql|graphql)\s*`")
_NOT_NEWLINE = re.compile(r"[^\n]")


def fields(path: str, text: str) -> list[Control]:
    from datamin.parse.code import api

    found: list[Control] = []
    for tag in _TAG.finditer(text):
        end = _closing(text, tag.end())
        body = re.sub(r"\$\{[^}]*\}", lambda m: " " * len(m.group()), text[tag.end() : end])
        blanked = _NOT_NEWLINE.sub(" ", text[: tag.end()]) + body
        parsed = api.parse_graphql(path, blanked)
        if not parsed.errors:
            found.extend(parsed.controls)
    return found


def _closing(text: str, at: int) -> int:
    """Where the template literal opened before `at` closes (escaped backticks passed over)."""
    i = at
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "`":
            return i
        i += 1
    return len(text)
