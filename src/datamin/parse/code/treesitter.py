"""Tree-sitter for the languages `ast` does not read (Ruby, PHP, JavaScript, TypeScript): a parser per grammar, made
the first time a file of that language is met (the grammars load in milliseconds, but only
projects that have such files pay for them), and the small questions readers ask of nodes."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any, NamedTuple

Node = Any  # tree_sitter.Node: the package ships no types the checker can use here


@cache
def _parser(language: str) -> Any:
    from tree_sitter import Language, Parser

    if language == "ruby":
        import tree_sitter_ruby

        return Parser(Language(tree_sitter_ruby.language()))
    if language == "php":
        import tree_sitter_php

        return Parser(Language(tree_sitter_php.language_php()))
    if language == "javascript":
        import tree_sitter_javascript

        return Parser(Language(tree_sitter_javascript.language()))
    import tree_sitter_typescript

    grammar = (
        tree_sitter_typescript.language_tsx() if language == "tsx" else tree_sitter_typescript.language_typescript()
    )
    return Parser(Language(grammar))


class Source(NamedTuple):
    """A parsed file: its path, its bytes, its lines (for columns) and its tree's root."""

    path: str
    data: bytes
    lines: list[bytes]
    root: Node

    def text(self, node: Node | None) -> str:
        if node is None:
            return ""
        return self.data[node.start_byte : node.end_byte].decode("utf-8", errors="replace")

    def position(self, node: Node) -> tuple[int, int]:
        """1-based line and column (tree-sitter counts columns in bytes)."""
        row, byte = node.start_point
        line = self.lines[row] if row < len(self.lines) else b""
        return row + 1, len(line[:byte].decode("utf-8", errors="ignore")) + 1


def parse(path: str, text: str, language: str) -> Source:
    data = text.encode("utf-8")
    tree = _parser(language).parse(data)
    return Source(path, data, data.split(b"\n"), tree.root_node)


def walk(node: Node, stop: frozenset[str] = frozenset()) -> Iterator[Node]:
    """The named nodes under `node`, in document order, not entering nodes of a `stop` type."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if current.type in stop and current is not node:
            continue
        stack.extend(reversed(current.named_children))


def errors(source: Source) -> list[int]:
    """Lines where the parser had to recover (it still gives a tree: the rest counts)."""
    if not source.root.has_error:
        return []
    return sorted({n.start_point[0] + 1 for n in walk(source.root) if n.type == "ERROR" or n.is_missing})[:5]
