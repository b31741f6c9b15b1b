"""Parsers by source kind. Each takes a path and its text and returns what it saw."""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import import_module
from types import ModuleType

from datamin.parse.sniff import Sniff
from datamin.records import Parsed

Parser = Callable[..., Parsed]  # (path, text, *, notices=False) -> Parsed


def _code(family: str) -> ModuleType:
    """A family of code readers, imported the first time a file of it is met: a project of
    templates pays nothing for them at start-up."""
    return import_module(f"datamin.parse.code.{family}")


def _reader(family: str) -> Parser:
    def parse(path: str, text: str, *, notices: bool = False) -> Parsed:
        return _code(family).parse(path, text, notices=notices)  # type: ignore[no-any-return]

    return parse


# Template suffixes, longest first so that `.blade.php` wins over `.php`.
TEMPLATE_SUFFIXES: tuple[str, ...] = (
    ".blade.php", ".html", ".htm", ".xhtml", ".jinja", ".jinja2", ".j2", ".njk", ".twig", ".liquid",
    ".hbs", ".handlebars", ".mustache", ".erb", ".haml", ".slim", ".pug", ".jade", ".ejs", ".php", ".phtml",
    ".tpl", ".vue", ".svelte", ".jsx", ".tsx", ".gohtml", ".tmpl", ".cshtml", ".vbhtml", ".razor", ".asp", ".aspx",
    ".ascx", ".master", ".jsp", ".jspf", ".gsp", ".ctp", ".gjs", ".gts", ".wxml", ".axml", ".swan", ".ttml", ".ftl",
    ".ftlh", ".vm", ".volt", ".cfm", ".cfml", ".eex", ".leex", ".heex", ".astro", ".rhtml", ".jspx", ".tag", ".tagx",
    ".shtml", ".ecr", ".ep", ".marko", ".leaf", ".tt", ".cmp",
)  # fmt: skip
# Files read only when their content shows markup: React components in .js, QWeb views in .xml.
SNIFFED_SUFFIXES: dict[str, Sniff] = {
    ".js": Sniff(
        # markup with JSX's attributes, or a module of React or of its component and form libraries
        r"<(?:input|select|textarea|form)\b[^>]*(?:className=|\{|onChange)"
        r"|from\s+['\"](?:react|react-[\w-]+|@mui/[\w-]+|@material-ui/[\w-]+|@chakra-ui/[\w-]+|antd|formik)"
        r"(?:/[\w./-]*)?['\"]",
        ("<input", "<select", "<textarea", "<form", "react", "@mui", "@material-ui", "@chakra-ui", "antd", "formik"),
        re.I,
    ),
    # Salesforce Visualforce pages and components
    ".page": Sniff(r"<apex:(?:page|component)\b", ("<apex:",), re.I),
    ".component": Sniff(r"<apex:(?:page|component)\b", ("<apex:",), re.I),
    # a PHP or HTML include that holds a form
    ".inc": Sniff(r"<(?:input|select|textarea|form)\b", ("<input", "<select", "<textarea", "<form"), re.I),
    # QQ's mini-program pages; Qt's QML, of the same suffix, is code
    ".qml": Sniff(
        r"<(?:view|input|form|picker|textarea)\b", ("<view", "<input", "<form", "<picker", "<textarea"), re.I
    ),
    ".xml": Sniff(
        r"<(?:templates|odoo|openerp)\b|\bt-(?:name|call|att|if|foreach)=|<html\b",
        ("<templates", "<odoo", "<openerp", "t-", "<html"),
        re.I,
    ),
}


def _page(path: str, text: str, *, notices: bool = False) -> Parsed:
    """A template; a PHP file that also declares data in code (a migration, validation rules) is
    read as both."""
    from datamin.parse.markup import html  # lxml and the template rules: only when a page is met

    parsed = html.parse(path, text, notices=notices)
    lower = path.lower()
    if lower.endswith(".php") and not lower.endswith(".blade.php") and _code("php").SNIFF.search(text):
        code = _code("php").parse(path, text)
        return parsed._replace(controls=parsed.controls + code.controls, errors=parsed.errors + code.errors)
    if lower.endswith(_SCRIPT_SUFFIXES) and _code("javascript").SNIFF.search(text):
        code = _code("javascript").parse(path, text)
        return parsed._replace(controls=parsed.controls + code.controls, errors=parsed.errors + code.errors)
    return parsed


_SCRIPT_SUFFIXES = (".js", ".jsx", ".tsx", ".mjs", ".cjs")


def _script(path: str, text: str, *, notices: bool = False) -> Parsed:
    """A JavaScript or TypeScript module: the data its code declares, and the form of an Angular
    component whose template is written inline (`@Component({template: `<form>...`})`)."""
    parsed = (
        _code("javascript").parse(path, text, notices=notices)
        if _code("javascript").SNIFF.search(text)
        else Parsed([], [])
    )
    template = _inline_template(text)
    if template is None:
        return parsed
    page = _page(path, template, notices=notices)
    return parsed._replace(controls=parsed.controls + page.controls, errors=parsed.errors + page.errors)


_INLINE_TEMPLATE = re.compile(r"\btemplate\s*:\s*`")


def _inline_template(text: str) -> str | None:
    """The text with only an Angular component's inline template left, everything else blanked
    (its lines and columns kept), or None when it has none."""
    span = _inline_template_span(text)
    if span is None:
        return None
    start, end = span
    return _BLANK.sub(" ", text[:start]) + text[start:end] + _BLANK.sub(" ", text[end:])


def _inline_template_span(text: str) -> tuple[int, int] | None:
    """Where an Angular component's inline template starts and ends (inside its backquotes)."""
    component = text.find("@Component")
    if component < 0:
        return None
    found = _INLINE_TEMPLATE.search(text, component)
    if found is None:
        return None
    start = end = found.end()
    while end < len(text) and text[end] != "`":
        end += 2 if text[end] == "\\" else 1
    return start, end


_BLANK = re.compile(r"[^\n]")


PARSERS: dict[str, Parser] = {
    "html": _page, "python": _reader("python"), "ruby": _reader("ruby"), "php": _reader("php"),
    "prisma": _reader("prisma"), "api": _reader("api"), "javascript": _script,
}  # fmt: skip
# API schemas are recognised by what they say (`openapi:`, `$schema`), not every YAML or JSON file.
_API_SNIFF = re.compile(
    r"""^\s*\{?\s*["']?(?:openapi|swagger)["']?\s*:|["']\$schema["']\s*:|^\$schema\s*:|^["']?paths["']?\s*:\s*\{?\s*["']?/"""
    r"""|^["']?/[^\s'":]*["']?\s*:\s*\{?\s*\n?\s*["']?(?:get|post|put|patch|delete|parameters)["']?\s*:""",
    re.M,
)  # (or a spec's paths kept in a file of their own, under `paths:` or at its top)
# ... or a JSON Schema that leaves out `$schema`, as most form schemas do, or a part of a spec
# split into files (`Person:` at the top): an object with properties.
_OBJECT_SCHEMA = (
    re.compile(r"""["']?type["']?\s*:\s*["']?object\b"""),
    re.compile(r"""(?:^\s*|[{,]\s*)["']?properties["']?\s*:""", re.M),
)
# ... or properties that say what each holds without calling the whole an object (`"properties":
# {"email": {"type": "string"}}`).
_TYPED_PROPERTIES = re.compile(
    r"""["']?properties["']?\s*:\s*\{?\s*["']?[\w$.-]+["']?\s*:\s*\{?\s*["']?(?:type|\$ref|format)["']?\s*:"""
)
# ... or a map of fields, each saying its type (`"first_name": {"type": "string", "required": true}`).
_TYPED_FIELD = re.compile(
    r"""["']?[\w$.-]+["']?\s*:\s*\{\s*["']type["']\s*:\s*["'](?:string|number|integer|boolean|date)["']""", re.I
)
_API_SUFFIXES = (".yaml", ".yml", ".json")
_GRAPHQL_SUFFIXES = (".graphql", ".gql", ".graphqls")


def kind_of(path: str) -> str | None:
    """Which parser reads this file, by name alone; None if datamin does not read it."""
    lower = path.lower()
    if lower.endswith(".sql"):
        return "sql"
    if lower.endswith(".py"):
        return "python"
    if lower.endswith(".rb"):
        return "ruby"
    if lower.endswith(".orm.xml"):
        return "php"  # a Doctrine mapping
    if lower.endswith(".prisma"):
        return "prisma"
    if lower.endswith((".ts", ".mts", ".cts", ".mjs", ".cjs")) and not lower.endswith(".d.ts"):
        return "javascript"
    if lower.endswith(_API_SUFFIXES + _GRAPHQL_SUFFIXES):
        return "api"
    if lower.endswith(TEMPLATE_SUFFIXES) or lower.endswith(tuple(SNIFFED_SUFFIXES)):
        return "html"
    return None


def wants(path: str, text: str) -> bool:
    """A sniffed file is read only if its content looks like markup with fields, a Python file
    only if it uses a framework that declares data."""
    lower = path.lower()
    if lower.endswith(".py"):
        return _code("python").SNIFF.search(text) is not None  # models, forms, migrations: not every script
    if lower.endswith(".rb"):
        return _code("ruby").SNIFF.search(text) is not None
    if lower.endswith(".orm.xml"):
        return "<doctrine-mapping" in text
    if lower.endswith(".prisma"):
        return _code("prisma").SNIFF.search(text) is not None
    if lower.endswith((".ts", ".mts", ".cts", ".mjs", ".cjs")):
        return _code("javascript").SNIFF.search(text) is not None or _inline_template_span(text) is not None
    if lower.endswith(".js") and _code("javascript").SNIFF.search(text):
        return True  # a model or a form schema, markup or not
    if lower.endswith(_API_SUFFIXES):
        head = text[:4096]
        return (
            _API_SNIFF.search(head) is not None
            or all(p.search(head) for p in _OBJECT_SCHEMA)
            or _TYPED_PROPERTIES.search(head) is not None
            or len(_TYPED_FIELD.findall(head)) >= 3
        )
    for suffix, pattern in SNIFFED_SUFFIXES.items():
        if lower.endswith(suffix):
            return pattern.search(text) is not None
    return True
