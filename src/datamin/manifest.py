"""The declared-purpose manifest (`datamin.yml`): what an organisation says it collects, and why.

Loading validates the whole file and reports every problem at once, each as
`FILE:LINE: path.to.key: what is wrong`, through one `ConfigError`.
"""

from __future__ import annotations

import difflib
import os
import re
from typing import Any, NamedTuple

import yaml

from datamin.categories import Lexicon, load

MANIFEST_NAMES = ("datamin.yml", ".datamin.yml", "datamin.yaml", ".datamin.yaml")
_TOP_KEYS = frozenset(
    {"version", "organisation", "organization", "identity_tables", "purposes", "recipients", "data", "policy"}
)
_DATA_KEYS = frozenset({"category", "purposes", "justification", "where", "retention", "notes"})
_DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(?:\.\d+)?S)?)?$")


class ConfigError(Exception):
    """The manifest or configuration is invalid: every problem, one per line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class Where(NamedTuple):
    raw: str
    path_glob: str
    field_glob: str | None
    line: int


class Declaration(NamedTuple):
    category: str  # as written: a category id or a fideslang key
    categories: frozenset[str]  # the category ids it covers
    purposes: tuple[str, ...]
    justification: str | None
    where: tuple[Where, ...]
    line: int


class Purpose(NamedTuple):
    id: str
    use: str | None
    lawful_basis: str | None
    retention: str | None
    line: int


class Manifest(NamedTuple):
    path: str
    declarations: tuple[Declaration, ...]
    purposes: dict[str, Purpose]

    @property
    def name(self) -> str:
        return os.path.basename(self.path)

    def declarations_for(self, category: str) -> list[Declaration]:
        return [d for d in self.declarations if category in d.categories]


def find(start: str) -> str | None:
    """The manifest for a scan: the first manifest name found in `start` or a folder above it,
    up to the repository's top."""
    folder = os.path.realpath(start)
    if not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    while True:
        for name in MANIFEST_NAMES:
            if os.path.isfile(os.path.join(folder, name)):
                return os.path.join(folder, name)
        if os.path.exists(os.path.join(folder, ".git")) or os.path.dirname(folder) == folder:
            return None
        folder = os.path.dirname(folder)


def resolve_category(key: str, lexicon: Lexicon) -> frozenset[str]:
    """A category id, a fideslang key, or a fideslang parent key standing for all beneath it."""
    if key in lexicon.categories:
        return frozenset({key})
    return frozenset(
        c.id for c in lexicon.categories.values() if c.fideslang == key or c.fideslang.startswith(key + ".")
    )


def load_manifest(path: str) -> Manifest:
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([f"{path}: cannot be read: {exc}"]) from exc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise ConfigError([f"{path}:{line}: not valid YAML: {getattr(exc, 'problem', exc)}"]) from exc
    return _Validator(path, load()).manifest(node)


class _Validator:
    def __init__(self, path: str, lexicon: Lexicon) -> None:
        self.path = path
        self.lexicon = lexicon
        self.problems: list[str] = []

    def problem(self, node: yaml.Node | None, where: str, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        self.problems.append(f"{self.path}:{line}: {where}: {message}" if where else f"{self.path}:{line}: {message}")

    def manifest(self, root: yaml.Node | None) -> Manifest:
        if root is None:
            raise ConfigError([f"{self.path}:1: the manifest is empty"])
        if not isinstance(root, yaml.MappingNode):
            raise ConfigError([f"{self.path}:{root.start_mark.line + 1}: the manifest must be a mapping of keys"])
        top = self.mapping(root, "", _TOP_KEYS)
        purposes = self.purposes(top.get("purposes"))
        declarations = self.declarations(top.get("data"), purposes)
        if self.problems:
            raise ConfigError(self.problems)
        return Manifest(self.path, tuple(declarations), purposes)

    def mapping(self, node: yaml.Node, where: str, allowed: frozenset[str]) -> dict[str, yaml.Node]:
        found: dict[str, yaml.Node] = {}
        for key_node, value in node.value:
            key = str(key_node.value)
            path = f"{where}.{key}" if where else key
            if key not in allowed:
                hint = difflib.get_close_matches(key, sorted(allowed), n=1)
                self.problem(key_node, path, "unknown key" + (f" (did you mean {hint[0]!r}?)" if hint else ""))
            elif key in found:
                self.problem(key_node, path, "duplicate key")
            found[key] = value
        return found

    def purposes(self, node: yaml.Node | None) -> dict[str, Purpose]:
        purposes: dict[str, Purpose] = {}
        if node is None:
            return purposes
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, "purposes", "must be a list")
            return purposes
        for index, item in enumerate(node.value):
            where = f"purposes[{index}]"
            if not isinstance(item, yaml.MappingNode):
                self.problem(item, where, "must be a mapping with an id")
                continue
            keys = self.mapping(item, where, frozenset({"id", "description", "use", "lawful_basis", "retention"}))
            ident = _scalar(keys.get("id"))
            if not ident:
                self.problem(item, where, "id is required")
                continue
            if ident in purposes:
                self.problem(keys["id"], f"{where}.id", f"duplicate purpose id {ident!r}")
            retention = _scalar(keys.get("retention"))
            if retention and not _DURATION.match(retention):
                self.problem(
                    keys["retention"],
                    f"{where}.retention",
                    f"{retention!r} is not an ISO 8601 duration (e.g. P2Y, P30D)",
                )
            purposes[ident] = Purpose(
                ident, _scalar(keys.get("use")), _scalar(keys.get("lawful_basis")), retention, item.start_mark.line + 1
            )
        return purposes

    def declarations(self, node: yaml.Node | None, purposes: dict[str, Purpose]) -> list[Declaration]:
        declarations: list[Declaration] = []
        if node is None:
            return declarations
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, "data", "must be a list of declarations")
            return declarations
        for index, item in enumerate(node.value):
            where = f"data[{index}]"
            if not isinstance(item, yaml.MappingNode):
                self.problem(item, where, "must be a mapping with a category")
                continue
            keys = self.mapping(item, where, _DATA_KEYS)
            category = _scalar(keys.get("category"))
            if not category:
                self.problem(item, where, "category is required")
                continue
            covered = resolve_category(category, self.lexicon)
            if not covered:
                known = sorted(self.lexicon.categories) + sorted(c.fideslang for c in self.lexicon.categories.values())
                hint = difflib.get_close_matches(category, known, n=1)
                self.problem(
                    keys["category"],
                    f"{where}.category",
                    f"unknown category {category!r}" + (f" (did you mean {hint[0]!r}?)" if hint else ""),
                )
            named = self.strings(keys.get("purposes"), f"{where}.purposes")
            for position, purpose in enumerate(named):
                if purposes and purpose not in purposes:
                    hint = difflib.get_close_matches(purpose, sorted(purposes), n=1)
                    purpose_node = (
                        keys["purposes"].value[position]
                        if isinstance(keys.get("purposes"), yaml.SequenceNode)
                        else keys["purposes"]
                    )
                    self.problem(
                        purpose_node,
                        f"{where}.purposes[{position}]",
                        f"purpose {purpose!r} is not defined under purposes"
                        + (f" (did you mean {hint[0]!r}?)" if hint else ""),
                    )
            wheres = []
            where_node = keys.get("where")
            for position, raw in enumerate(self.strings(where_node, f"{where}.where")):
                path_glob, _, field_glob = raw.partition("#")
                line_node = where_node.value[position] if isinstance(where_node, yaml.SequenceNode) else item
                wheres.append(Where(raw, path_glob, field_glob or None, line_node.start_mark.line + 1))
            declarations.append(
                Declaration(
                    category,
                    covered,
                    tuple(named),
                    _scalar(keys.get("justification")),
                    tuple(wheres),
                    item.start_mark.line + 1,
                )
            )
        return declarations

    def strings(self, node: yaml.Node | None, where: str) -> list[str]:
        if node is None:
            return []
        if isinstance(node, yaml.ScalarNode) and node.value:
            return [str(node.value)]
        if not isinstance(node, yaml.SequenceNode) or not all(isinstance(v, yaml.ScalarNode) for v in node.value):
            self.problem(node, where, "must be a list of strings")
            return []
        return [str(v.value) for v in node.value]


def _scalar(node: Any) -> str | None:
    if isinstance(node, yaml.ScalarNode) and str(node.value).strip():
        return str(node.value).strip()
    return None
