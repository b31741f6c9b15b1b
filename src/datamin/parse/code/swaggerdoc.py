"""OpenAPI written in JavaScript or TypeScript comments for swagger-jsdoc (`/** @openapi` or
`@swagger`, then YAML behind ` * `): each such comment is read as a part of an OpenAPI document
where it stands, its comment marks and everything around it blank, so lines stay right (and
columns, but on a line whose `*` is out of step with its neighbours). A comment that is not
valid YAML gives an error at its line and nothing else."""

from __future__ import annotations

import re
from collections import Counter

from datamin.parse.sniff import Sniff
from datamin.records import Control, ScanError

SNIFF = Sniff(r"@(?:openapi|swagger)\b", ("@openapi", "@swagger"))
_COMMENT = re.compile(r"/\*(?:[^*]|\*(?!/))*\*/")
_TAG = re.compile(r"@(?:openapi|swagger)\b[^\n]*")
_MARK = re.compile(r"^([ \t]*\*(?!/))", re.M)  # the ` *` that starts a line of the comment
_NOT_NEWLINE = re.compile(r"[^\n]")


def fields(path: str, text: str) -> tuple[list[Control], list[ScanError]]:
    from datamin.parse.code import api

    controls: list[Control] = []
    errors: list[ScanError] = []
    for comment in _COMMENT.finditer(text):
        tag = _TAG.search(comment.group())
        if tag is None:
            continue
        start = comment.start() + tag.end()
        body = text[start : comment.end() - 2]
        widths = Counter(len(mark) for mark in _MARK.findall(body))
        width = widths.most_common(1)[0][0] if widths else 0
        # swagger-jsdoc reads what follows each line's `*`: a line whose `*` is out of step with
        # the others moves to their column (its line stays), so the YAML keeps its indentation
        body = _MARK.sub(" " * width, body)
        blanked = _NOT_NEWLINE.sub(" ", text[:start]) + body
        parsed = api.parse(path, blanked, fragment=True)
        controls.extend(parsed.controls)
        errors.extend(parsed.errors)
    return controls, errors
