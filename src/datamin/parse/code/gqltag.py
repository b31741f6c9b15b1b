"""GraphQL SDL written in JavaScript or TypeScript: a `gql` or `graphql` tagged template that
holds `type Applicant { ... }`, or a template literal that is SDL from its first word (the
`typeDefs` of a server, the argument of `buildSchema`). Each is read with the GraphQL
SDL reader where it stands, everything around it blank, so lines and columns stay right. A
template that is a client query, or that substitutions leave unparseable, gives nothing (it is
code, no schema)."""

from __future__ import annotations

import re

from datamin.parse.sniff import Sniff
from datamin.records import Control, ScanError

_OPENING = r'\s*(?:"""[^`]*?"""\s*|"[^"\n`]*"\s*|#[^\n]*\n\s*)*'  # descriptions (block or one line), comments
_SDL_START = _OPENING + r"(?:type|input|interface|enum|scalar|union|schema|extend|directive)\b"
SNIFF = Sniff(
    r"\b(?:gql|graphql)\s*`[^`]*\b(?:type|input)\s+\w+|`"
    + _OPENING
    + r"(?:(?:interface|enum|scalar|union|schema|extend|directive)\b[^`]*?)?\b(?:type|input)\s+\w+[^`{]*\{",
    ("type", "input"),
)
_TAG = re.compile(r"\b(?:gql|graphql)\s*\Z")
SDL = re.compile(_SDL_START)  # a text that is SDL from its first word
_NOT_NEWLINE = re.compile(r"[^\n]")


def fields(path: str, text: str) -> tuple[list[Control], list[ScanError]]:
    """The fields of every SDL template, and the syntax errors of those tagged `gql` (an
    untagged template that only looks like SDL may be something else)."""
    from datamin.parse.code import api

    found: list[Control] = []
    errors: list[ScanError] = []
    at = text.find("`")
    while at >= 0:
        start = at + 1
        end = _closing(text, start)
        tagged = _TAG.search(text, max(0, at - 12), at) is not None
        if tagged or SDL.match(text, start):
            body = re.sub(r"\$\{[^}]*\}", lambda m: " " * len(m.group()), text[start:end])
            blanked = _NOT_NEWLINE.sub(" ", text[:start]) + body
            parsed = api.parse_graphql(path, blanked)
            found.extend(parsed.controls)  # read around a bad line, if it had one
            if tagged:
                errors.extend(parsed.errors)
        at = text.find("`", end + 1)
    return found, errors


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
