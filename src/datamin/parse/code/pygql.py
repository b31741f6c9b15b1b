"""GraphQL SDL written in Python strings: Ariadne's `gql(\"\"\"type Customer { ... }\"\"\")` and a
string that is SDL from its first word (`type_defs = \"\"\"...\"\"\"`). Found with `ast`, never run,
and read with the GraphQL SDL reader where the string stands, everything around it blank, so
lines and columns stay right. A string that is a client query, or not SDL, gives nothing."""

from __future__ import annotations

import ast
import re

from datamin.parse.code.gqltag import SDL
from datamin.parse.code.pyast import Module
from datamin.parse.sniff import Sniff
from datamin.records import Control

SNIFF = Sniff(r"\bgql\s*\(|(?:\"\"\"|''')\s*(?:type|input|schema|extend)\s+\w+", ("gql", '"""', "'''"))
_NOT_NEWLINE = re.compile(r"[^\n]")
_LINE_END = re.compile(r"\r\n|\r|\n")
_PREFIX = re.compile(r"[rRuU]?(?:\"\"\"|'''|\"|')")


def fields(path: str, text: str, module: Module) -> list[Control]:
    from datamin.parse.code import api

    starts = [0, *(m.end() for m in _LINE_END.finditer(text))]  # as `ast` counts lines (not str.splitlines)
    given = {id(node.args[0]) for node in ast.walk(module.tree) if isinstance(node, ast.Call) and _a_gql_call(node)}
    found: list[Control] = []
    for node in ast.walk(module.tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str) or node.end_lineno is None:
            continue
        at = _offset(text, starts, node.lineno, node.col_offset)
        end = _offset(text, starts, node.end_lineno, node.end_col_offset or 0)
        quote = _PREFIX.match(text, at)
        if quote is None or end - len(quote.group().lstrip("rRuU")) < quote.end():
            continue  # implicitly joined pieces: not one literal
        body = text[quote.end() : end - len(quote.group().lstrip("rRuU"))]
        if id(node) not in given and not SDL.match(body):
            continue
        blanked = _NOT_NEWLINE.sub(" ", text[: quote.end()]) + body
        found.extend(api.parse_graphql(path, blanked).controls)  # read around a bad line, if it had one
    return found


def _a_gql_call(node: ast.Call) -> bool:
    """`gql("...")`, `ariadne.gql("...")`: a string given to be checked as SDL."""
    if not node.args:
        return False
    function = node.func
    name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
    return name == "gql" and isinstance(node.args[0], ast.Constant)


def _offset(text: str, starts: list[int], line: int, column: int) -> int:
    """A character offset from `ast`'s line and UTF-8 byte column."""
    start = starts[line - 1] if line - 1 < len(starts) else len(text)
    piece = text[start : start + column]
    if piece.isascii():
        return start + column
    return start + len(piece.encode("utf-8")[:column].decode("utf-8", errors="ignore"))
