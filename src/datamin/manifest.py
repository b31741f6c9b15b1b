"""The declared-purpose manifest (`datamin.yml`): what an organisation says it collects, and why.

The manifest is read from `--manifest`, `datamin.yml`, `.datamin.yml` or the `[tool.datamin]`
table of `pyproject.toml`. It is validated whole against the JSON Schema shipped in
`rules/manifest.schema.json` (the same file `datamin schema` prints for editors) and against
what a schema cannot say (known categories and uses, purposes that exist, no TODO left).
Every problem is reported at once, each as `FILE:LINE: path.to.key: what is wrong`, through
one `ConfigError`.
"""

from __future__ import annotations

import os
import re
import tomllib
from functools import cache
from typing import Any, NamedTuple

from datamin.categories import Lexicon, load
from datamin.discover import display_path
from datamin.rules import FOLDER
from datamin.taxonomy import categories_named, is_category_key, load_taxonomy

MANIFEST_NAMES = ("datamin.yml", ".datamin.yml", "datamin.yaml", ".datamin.yaml")
# Keys of [tool.datamin] that configure the command line rather than declare data.
OPTION_KEYS = ("exclude", "fail-on", "select", "ignore", "min-confidence", "dialect", "dialects")
SEVERITIES = ("error", "warning", "note")
_TODO_HINTS = {
    "use": "a fideslang data use, e.g. essential.service or marketing.communications.email",
    "lawful_basis": "one of consent, contract, legal_obligation, legitimate_interests, vital_interests, public_task",
    "retention": "an ISO 8601 duration, e.g. P2Y or P30D",
    "justification": "why this data must be collected, in words a reviewer can check",
    "description": "what the purpose is, in a sentence",
    "id": "a short name for the purpose",
    "purposes": "the id of a purpose defined under purposes",
    "purpose": "the id of a purpose defined under purposes",
    "name": "the organisation's name",
    "country": "an ISO 3166 code, e.g. SG",
    "category": "a category id, e.g. email",
}


class ConfigError(Exception):
    """The manifest or configuration is invalid: every problem, one per line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


# -- records -------------------------------------------------------------------------------


class Organisation(NamedTuple):
    name: str | None
    country: str | None
    domains: tuple[str, ...]


class Purpose(NamedTuple):
    id: str
    description: str | None
    use: str | None
    lawful_basis: str | None
    retention: str | None
    line: int


class Recipient(NamedTuple):
    domain: str
    purpose: str | None
    country: str | None
    transfer_safeguard: str | None
    line: int


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


class Rule(NamedTuple):
    """A policy entry: these categories, for these uses, are forbidden (or allowed)."""

    category: str
    categories: frozenset[str]
    uses: tuple[str, ...]
    justification: str | None
    line: int


class Manifest(NamedTuple):
    path: str
    organisation: Organisation
    purposes: dict[str, Purpose]
    recipients: tuple[Recipient, ...]
    declarations: tuple[Declaration, ...]
    forbid: tuple[Rule, ...]
    allow: tuple[Rule, ...]
    identity_tables: tuple[str, ...]

    @property
    def name(self) -> str:
        return os.path.basename(self.path)

    def declarations_for(self, category: str) -> list[Declaration]:
        return [d for d in self.declarations if category in d.categories]


def empty_manifest(path: str = "") -> Manifest:
    """A manifest that declares nothing: what is checked before there is one (the forms, the
    values, the tables), where nothing can be declared."""
    return Manifest(path, Organisation(None, None, ()), {}, (), (), (), (), ())


class Config(NamedTuple):
    """Options from `[tool.datamin]` in pyproject.toml, under what the command line says."""

    path: str | None
    exclude: tuple[str, ...] = ()
    fail_on: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_confidence: float | None = None
    dialect: str = ""  # the SQL dialect of every file ("" to guess)
    dialects: tuple[tuple[str, str], ...] = ()  # (absolute path glob, dialect): `"db/legacy/**" = "tsql"`


# -- finding the files ---------------------------------------------------------------------


def find(start: str) -> str | None:
    """The manifest for a scan: in `start` or a folder above it, up to the repository's top,
    the first of datamin.yml, .datamin.yml, or a pyproject.toml that declares data."""
    for folder in _folders_up(start):
        for name in MANIFEST_NAMES:
            if os.path.isfile(os.path.join(folder, name)):
                return os.path.join(folder, name)
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject) and _declares(_tool_table(pyproject)):
            return pyproject
    return None


def load_config(start: str) -> Config:
    """The options of the nearest pyproject.toml with a [tool.datamin] table."""
    for folder in _folders_up(start):
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject):
            table = _tool_table(pyproject)
            if table is not None:
                return _config(pyproject, table)
    return Config(None)


def _folders_up(start: str) -> list[str]:
    folder = os.path.realpath(start)
    if not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    found = []
    while True:
        found.append(folder)
        if os.path.exists(os.path.join(folder, ".git")) or os.path.dirname(folder) == folder:
            return found
        folder = os.path.dirname(folder)


def _tool_table(pyproject: str) -> dict[str, Any] | None:
    try:
        with open(pyproject, "rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return None
    table = data.get("tool", {}).get("datamin")
    return table if isinstance(table, dict) else None


MANIFEST_KEYS = ("version", "organisation", "identity_tables", "purposes", "recipients", "data", "policy")


def _declares(table: dict[str, Any] | None) -> bool:
    return table is not None and any(key in MANIFEST_KEYS for key in table)


def _config(path: str, table: dict[str, Any]) -> Config:
    problems = []

    def strings(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(f"{path}: tool.datamin.{key}: must be a list of strings")
            return ()
        return tuple(value)

    for key in table:
        if key not in OPTION_KEYS and key not in MANIFEST_KEYS:
            problems.append(f"{path}: tool.datamin.{key}: unknown key" + _hint(key, [*OPTION_KEYS, *MANIFEST_KEYS]))
    fail_on = table.get("fail-on")
    if fail_on is not None and fail_on not in SEVERITIES:
        problems.append(f"{path}: tool.datamin.fail-on: must be one of {', '.join(SEVERITIES)}")
    confidence = table.get("min-confidence")
    if confidence is not None and not (isinstance(confidence, int | float) and 0 <= confidence <= 1):
        problems.append(f"{path}: tool.datamin.min-confidence: must be a number from 0 to 1")
    dialect = _dialect_name(table.get("dialect", ""), f"{path}: tool.datamin.dialect", problems)
    dialects: list[tuple[str, str]] = []
    globs = table.get("dialects", {})
    if not isinstance(globs, dict):
        problems.append(
            f'{path}: tool.datamin.dialects: must be a table of path globs, e.g. {{"db/legacy/**" = "tsql"}}'
        )
        globs = {}
    base = os.path.dirname(os.path.abspath(path)).replace(os.sep, "/")
    for glob, name in globs.items():
        canonical = _dialect_name(name, f"{path}: tool.datamin.dialects.{glob}", problems)
        if canonical:
            dialects.append((f"{base}/{glob.lstrip('/')}", canonical))
    config = Config(
        path,
        strings("exclude"),
        fail_on,
        strings("select"),
        strings("ignore"),
        confidence,
        dialect,
        tuple(dialects),
    )
    if problems:
        raise ConfigError(problems)
    return config


def _dialect_name(value: object, where: str, problems: list[str]) -> str:
    from datamin.parse.sql.dialect import canonical, known

    if value in ("", None):
        return ""
    name = canonical(value) if isinstance(value, str) else None
    if name is None:
        problems.append(f"{where}: unknown SQL dialect {value!r}; one of {', '.join(known())}")
        return ""
    return name


# -- reading a manifest into located values ------------------------------------------------


class Node(NamedTuple):
    """A value of the manifest and the line it stands on. Mappings keep their keys' lines."""

    value: Any  # dict[str, tuple[int, Node]] | list[Node] | str | int | float | bool | None
    line: int


def load_manifest(path: str) -> Manifest:
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError as exc:
        raise ConfigError([f"no manifest at {display_path(path)}; write one with `datamin init`"]) from exc
    except IsADirectoryError as exc:
        raise ConfigError([f"{display_path(path)} is a folder; --manifest takes the manifest file"]) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([f"{display_path(path)}: cannot be read: {getattr(exc, 'strerror', None) or exc}"]) from exc
    from datamin import cache

    name = cache.key(os.path.abspath(path), text)
    cached = cache.read("manifest", name)
    if isinstance(cached, Manifest):  # the same text validated before: no YAML to read again
        return cached._replace(path=path)
    shown = display_path(path)
    root = _from_toml(shown, text) if path.endswith(".toml") else _from_yaml(shown, text)
    manifest = _Validator(shown, load()).manifest(root)._replace(path=path)
    cache.write("manifest", name, manifest)
    return manifest


def _from_yaml(path: str, text: str) -> Node:
    import yaml  # only a check with a manifest needs it

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError([f"{path}:{line}: not valid YAML: {problem}"]) from exc
    if node is None:
        raise ConfigError([f"{path}:1: the manifest is empty"])
    return _yaml_node(node)


_YAML_BOOL = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"}


def _yaml_node(node: Any) -> Node:
    import yaml

    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, tuple[int, Node]] = {}
        duplicates = []
        for key, value in node.value:
            name = str(key.value)
            if name in mapping:
                duplicates.append((key.start_mark.line + 1, name))
            mapping[name] = (key.start_mark.line + 1, _yaml_node(value))
        if duplicates:
            mapping["\0duplicates"] = (line, Node(duplicates, line))
        return Node(mapping, line)
    if isinstance(node, yaml.SequenceNode):
        return Node([_yaml_node(item) for item in node.value], line)
    tag, value = node.tag, node.value
    if tag.endswith(":int"):
        try:
            return Node(int(value.replace("_", ""), 0), line)
        except ValueError:
            return Node(value, line)
    if tag.endswith(":float"):
        try:
            return Node(float(value), line)
        except ValueError:
            return Node(value, line)
    if tag.endswith(":bool"):
        return Node(value in _YAML_BOOL, line)
    if tag.endswith(":null"):
        return Node(None, line)
    return Node(str(value), line)


def _from_toml(path: str, text: str) -> Node:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise ConfigError([f"{path}:{match.group(1) if match else 1}: not valid TOML: {exc}"]) from exc
    table = data.get("tool", {}).get("datamin")
    if not isinstance(table, dict) or not _declares(table):
        raise ConfigError([f"{path}:1: no [tool.datamin] table that declares data"])
    lines = _toml_lines(text)
    manifest = {k: v for k, v in table.items() if k not in OPTION_KEYS}
    return _toml_node(manifest, ("tool", "datamin"), lines, lines.get(("tool", "datamin"), 1))


def _toml_lines(text: str) -> dict[tuple[str | int, ...], int]:
    """The line of every table and key of a TOML document, by path (arrays of tables by index)."""
    found: dict[tuple[str | int, ...], int] = {}
    counts: dict[tuple[str, ...], int] = {}
    current: tuple[str | int, ...] = ()
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("[["):
            name = tuple(p.strip().strip("\"'") for p in line[2 : line.find("]]")].split("."))
            counts[name] = counts.get(name, -1) + 1
            current = (*name, counts[name])
            found[current] = number
        elif line.startswith("["):
            current = tuple(p.strip().strip("\"'") for p in line[1 : line.find("]")].split("."))
            found.setdefault(current, number)
        elif "=" in line and not line.startswith("#"):
            key = tuple(p.strip().strip("\"'") for p in line.split("=", 1)[0].split("."))
            found.setdefault((*current, *key), number)
    return found


def _toml_node(value: Any, path: tuple[str | int, ...], lines: dict[tuple[str | int, ...], int], line: int) -> Node:
    here = lines.get(path, line)
    if isinstance(value, dict):
        return Node(
            {k: (lines.get((*path, k), here), _toml_node(v, (*path, k), lines, here)) for k, v in value.items()}, here
        )
    if isinstance(value, list):
        return Node([_toml_node(v, (*path, i), lines, here) for i, v in enumerate(value)], here)
    return Node(value, here)


# -- validation ----------------------------------------------------------------------------


@cache
def base_schema() -> dict[str, Any]:
    with open(os.path.join(FOLDER, "manifest.schema.json"), encoding="utf-8") as handle:
        import json  # only to validate a manifest: a cached one needs none

        schema: dict[str, Any] = json.load(handle)
    return schema


def schema() -> dict[str, Any]:
    """The manifest's JSON Schema with every category key and data use listed, for editors."""
    lexicon = load()
    taxonomy = load_taxonomy()
    import json

    filled: dict[str, Any] = json.loads(json.dumps(base_schema()))
    filled["$defs"]["category"]["enum"] = sorted(set(lexicon.categories) | taxonomy.categories)
    filled["$defs"]["use"]["enum"] = sorted(taxonomy.uses)
    return filled


def _type_name(value: Any) -> str:
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if value is None:
        return "null"
    return "string"


_TYPE_WORDS = {"object": "a mapping of keys", "array": "a list", "string": "text", "integer": "a whole number"}


def _hint(value: str, choices: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


class _Validator:
    def __init__(self, path: str, lexicon: Lexicon) -> None:
        self.path = path
        self.lexicon = lexicon
        self.problems: list[tuple[int, str]] = []
        self.root = base_schema()

    def problem(self, line: int, where: str, message: str) -> None:
        self.problems.append(
            (line, f"{self.path}:{line}: {where}: {message}" if where else f"{self.path}:{line}: {message}")
        )

    # The schema, interpreted for the subset of JSON Schema the manifest's uses.
    def check(self, node: Node, schema: dict[str, Any], where: str) -> bool:
        if "$ref" in schema:
            schema = self.root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
        value = node.value
        if isinstance(value, str) and value.strip().upper().startswith("TODO"):
            key = re.sub(r"\[\d+\]$", "", where.rsplit(".", 1)[-1])
            hint = _TODO_HINTS.get(key, "a value")
            self.problem(node.line, where, f"still TODO: {hint}")
            return False
        if "const" in schema and value != schema["const"]:
            self.problem(node.line, where, f"must be {schema['const']!r}")
            return False
        if "enum" in schema and value not in schema["enum"]:
            choices = [str(c) for c in schema["enum"]]
            self.problem(node.line, where, f"{value!r} is not one of {', '.join(choices)}" + _hint(str(value), choices))
            return False
        expected = schema.get("type")
        if expected and _type_name(value) != expected and not (expected == "number" and isinstance(value, int)):
            self.problem(node.line, where, f"must be {_TYPE_WORDS.get(expected, expected)}")
            return False
        if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
            self.problem(node.line, where, self.pattern_message(where, value))
            return False
        if isinstance(value, dict):
            return self.check_mapping(node, schema, where)
        if isinstance(value, list) and "items" in schema:
            return all([self.check(item, schema["items"], f"{where}[{i}]") for i, item in enumerate(value)])
        return True

    def check_mapping(self, node: Node, schema: dict[str, Any], where: str) -> bool:
        properties: dict[str, Any] = schema.get("properties", {})
        ok = True
        for line, key in node.value.get("\0duplicates", (0, Node([], 0)))[1].value:
            self.problem(line, f"{where}.{key}" if where else key, "duplicate key")
            ok = False
        for key, (line, child) in node.value.items():
            if key == "\0duplicates":
                continue
            here = f"{where}.{key}" if where else key
            if key in properties:
                ok = self.check(child, properties[key], here) and ok
            elif schema.get("additionalProperties") is False:
                self.problem(line, here, "unknown key" + _hint(key, sorted(properties)))
                ok = False
        for key in schema.get("required", ()):
            if key not in node.value:
                self.problem(node.line, where, f"{key} is required")
                ok = False
        return ok

    @staticmethod
    def pattern_message(where: str, value: str) -> str:
        if where.endswith("retention"):
            return f"{value!r} is not an ISO 8601 duration (e.g. P2Y, P6M, P30D)"
        if where.endswith("country"):
            return f"{value!r} is not an ISO 3166 country code of two capital letters (e.g. SG, MY)"
        return f"{value!r} is not allowed here"

    # What a schema cannot say.
    def manifest(self, root: Node) -> Manifest:
        if not isinstance(root.value, dict):
            raise ConfigError([f"{self.path}:{root.line}: the manifest must be a mapping of keys"])
        self.check(root, self.root, "")
        top = {k: v for k, (_, v) in root.value.items() if k != "\0duplicates"}
        purposes = self.purposes(top.get("purposes"))
        declarations = tuple(self.declarations(top.get("data"), purposes))
        recipients = tuple(self.recipients(top.get("recipients"), purposes))
        forbid, allow = self.policy(top.get("policy"))
        if self.problems:
            raise ConfigError([message for _, message in sorted(self.problems, key=lambda p: p[0])])
        organisation = _mapping(top.get("organisation"))
        return Manifest(
            path=self.path,
            organisation=Organisation(
                _text(organisation.get("name")),
                _text(organisation.get("country")),
                tuple(_texts(organisation.get("domains"))),
            ),
            purposes=purposes,
            recipients=recipients,
            declarations=declarations,
            forbid=forbid,
            allow=allow,
            identity_tables=tuple(_texts(top.get("identity_tables"))),
        )

    def purposes(self, node: Node | None) -> dict[str, Purpose]:
        purposes: dict[str, Purpose] = {}
        uses = sorted(load_taxonomy().uses)
        for index, item in enumerate(_items(node)):
            keys = _mapping(item)
            ident = _text(keys.get("id"))
            if not ident or ident.upper().startswith("TODO"):
                continue
            if ident in purposes:
                self.problem(keys["id"].line, f"purposes[{index}].id", f"duplicate purpose id {ident!r}")
            use = _text(keys.get("use"))
            if use and not use.upper().startswith("TODO") and use not in uses:
                self.problem(keys["use"].line, f"purposes[{index}].use", f"unknown data use {use!r}" + _hint(use, uses))
            purposes[ident] = Purpose(
                ident,
                _text(keys.get("description")),
                use,
                _text(keys.get("lawful_basis")),
                _text(keys.get("retention")),
                item.line,
            )
        return purposes

    def category(self, node: Node | None, where: str) -> frozenset[str]:
        key = _text(node)
        if node is None or not key or key.upper().startswith("TODO"):
            return frozenset()
        if not is_category_key(key, self.lexicon):
            self.problem(node.line, where, f"unknown category {key!r}" + self.category_hint(key))
            return frozenset()
        return categories_named(key, self.lexicon)

    def category_hint(self, key: str) -> str:
        """`dob` -> date_of_birth: what the classifier would read the word as, else the nearest id."""
        from datamin.classify import matched_categories

        named = matched_categories(key, self.lexicon)
        if len(named) == 1:
            return f" (did you mean {next(iter(named))!r}?)"
        return _hint(key, sorted(self.lexicon.categories) + sorted(load_taxonomy().categories))

    def purpose_refs(self, node: Node | None, where: str, purposes: dict[str, Purpose]) -> list[str]:
        names = []
        items = [node] if node is not None and isinstance(node.value, str) else _items(node)
        for index, item in enumerate(items):
            name = _text(item)
            if not name:
                continue
            here = f"{where}[{index}]" if node is not None and isinstance(node.value, list) else where
            if name.upper().startswith("TODO"):
                continue  # the schema's check has said so
            if name not in purposes:
                self.problem(
                    item.line, here, f"purpose {name!r} is not defined under purposes" + _hint(name, sorted(purposes))
                )
            names.append(name)
        return names

    def declarations(self, node: Node | None, purposes: dict[str, Purpose]) -> list[Declaration]:
        declarations = []
        for index, item in enumerate(_items(node)):
            keys = _mapping(item)
            where = f"data[{index}]"
            covered = self.category(keys.get("category"), f"{where}.category")
            named = self.purpose_refs(keys.get("purposes"), f"{where}.purposes", purposes)
            wheres = []
            for entry in _items(keys.get("where")):
                raw = _text(entry) or ""
                path_glob, _, field_glob = raw.partition("#")
                if not path_glob:
                    self.problem(entry.line, f"{where}.where", f"{raw!r} has no path glob before '#'")
                wheres.append(Where(raw, path_glob, field_glob or None, entry.line))
            declarations.append(
                Declaration(
                    _text(keys.get("category")) or "",
                    covered,
                    tuple(named),
                    _text(keys.get("justification")),
                    tuple(wheres),
                    item.line,
                )
            )
        return declarations

    def recipients(self, node: Node | None, purposes: dict[str, Purpose]) -> list[Recipient]:
        recipients = []
        for index, item in enumerate(_items(node)):
            keys = _mapping(item)
            purpose = self.purpose_refs(keys.get("purpose"), f"recipients[{index}].purpose", purposes)
            recipients.append(
                Recipient(
                    (_text(keys.get("domain")) or "").lower(),
                    purpose[0] if purpose else None,
                    _text(keys.get("country")),
                    _text(keys.get("transfer_safeguard")),
                    item.line,
                )
            )
        return recipients

    def policy(self, node: Node | None) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
        keys = _mapping(node)
        uses = sorted(load_taxonomy().uses)
        forbid, allow = [], []
        for index, item in enumerate(_items(keys.get("forbid"))):
            entry = _mapping(item)
            where = f"policy.forbid[{index}]"
            covered = self.category(entry.get("category"), f"{where}.category")
            listed = []
            for position, use_node in enumerate(_items(entry.get("uses"))):
                use = _text(use_node) or ""
                stem = use[:-2] if use.endswith(".*") else use
                if not any(u == stem or u.startswith(stem + ".") for u in uses):
                    self.problem(
                        use_node.line, f"{where}.uses[{position}]", f"unknown data use {use!r}" + _hint(stem, uses)
                    )
                listed.append(use)
            forbid.append(Rule(_text(entry.get("category")) or "", covered, tuple(listed), None, item.line))
        for index, item in enumerate(_items(keys.get("allow"))):
            entry = _mapping(item)
            where = f"policy.allow[{index}]"
            covered = self.category(entry.get("category"), f"{where}.category")
            use = _text(entry.get("use")) or ""
            if use and not use.upper().startswith("TODO") and use not in uses:
                self.problem(entry["use"].line, f"{where}.use", f"unknown data use {use!r}" + _hint(use, uses))
            allow.append(
                Rule(_text(entry.get("category")) or "", covered, (use,), _text(entry.get("justification")), item.line)
            )
        return tuple(forbid), tuple(allow)


def _items(node: Node | None) -> list[Node]:
    return (
        [item for item in node.value if isinstance(item, Node)]
        if node is not None and isinstance(node.value, list)
        else []
    )


def _mapping(node: Node | None) -> dict[str, Node]:
    if node is None or not isinstance(node.value, dict):
        return {}
    return {k: v for k, (_, v) in node.value.items() if k != "\0duplicates"}


def _text(node: Node | None) -> str | None:
    if node is None or node.value is None or isinstance(node.value, dict | list):
        return None
    text = str(node.value).strip()
    return text or None


def _texts(node: Node | None) -> list[str]:
    return [t for t in (_text(item) for item in _items(node)) if t]
