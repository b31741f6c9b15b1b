"""The advertising and session-replay scripts a page loads, as listed in `rules/trackers.toml`.

A tracker is seen in an address (`<script src>`, a `<noscript>` pixel's `<img src>`, a tag
manager's `<iframe src>`), matched on the parsed URL's host and path, or in the text of an
inline `<script>`, matched by the vendor's own identifiers. Prose, comments and links are
never read, so a page that names Hotjar or links to Facebook has no tracker.
"""

from __future__ import annotations

import bisect
import os
import re
import tomllib
from fnmatch import fnmatchcase
from functools import cache
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, urlsplit

import lxml.etree

from datamin.categories import RuleError
from datamin.parse.markup.html import HTML_PARSER
from datamin.rules import FOLDER

KINDS = ("advertising", "session_replay", "tag_manager")

_ADDRESS_ATTRIBUTES = {"script": ("src", "data-src"), "img": ("src",), "iframe": ("src", "data-src")}
_EVIDENCE_LENGTH = 100
_TAG_SPAN = 30  # a start tag is not expected to run over more lines than this
_LINE_LIMIT = 65535  # libxml2's HTML parser reports no line number above this
_WHITESPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w")
_LEADING_BOUNDARY = re.compile(r"\\b(?=\w)")  # `\bfbq...` in a pattern's text


class Tracker(NamedTuple):
    id: str  # "meta_pixel"
    name: str  # "Meta Pixel"
    kind: str  # one of KINDS
    vendor: str  # "Meta"


class Sighting(NamedTuple):
    tracker: Tracker
    line: int  # 1-based, in the page's HTML
    column: int
    evidence: str  # 'script src="https://..."' or "inline script: fbq('init', ...", at most ~100 chars


class Kind(NamedTuple):
    id: str
    label: str  # "session replay"
    risk: str  # why it matters on a page with sensitive fields, as a clause


class Source(NamedTuple):
    """One address pattern: `host[/path][?param=prefix]`."""

    host: str
    path: tuple[str, ...]  # shell patterns, one per leading segment of the path
    query: tuple[tuple[str, str], ...]  # (parameter, prefix of its value)

    @property
    def specificity(self) -> tuple[int, int, int]:
        return len(self.host), len(self.path), len(self.query)


class Signature(NamedTuple):
    """An inline signature. `quick` is the pattern less its leading `\\b`, which keeps `re` from
    skipping ahead to the literal that follows: 100 times faster on a large script."""

    pattern: re.Pattern[str]
    quick: re.Pattern[str] | None

    def search(self, text: str) -> re.Match[str] | None:
        if self.quick is None:
            return self.pattern.search(text)
        at = 0
        while (match := self.quick.search(text, at)) is not None:
            if match.start() == 0 or not _WORD.match(text, match.start() - 1):  # what \b checked
                return match
            at = match.start() + 1
        return None


class Rule(NamedTuple):
    tracker: Tracker
    sources: tuple[Source, ...]
    inline: tuple[Signature, ...]
    match_examples: tuple[str, ...]
    no_match_examples: tuple[str, ...]


class Rules(NamedTuple):
    rules: tuple[Rule, ...]
    kinds: dict[str, Kind]
    nothing: tuple[str, ...]  # pages on which no tracker must be found
    hosts: dict[str, tuple[tuple[Source, Rule], ...]]  # a source's host -> its sources


def trackers() -> list[Tracker]:
    """Every known tracker, in the order of rules/trackers.toml."""
    return [rule.tracker for rule in load().rules]


def kinds() -> dict[str, Kind]:
    return load().kinds


def sightings(html: str) -> list[Sighting]:
    """The trackers present in one page's HTML: one sighting per tracker, where it first
    appears, in order of appearance. Broken markup gives what could be read, never an error."""
    html = html.replace("\r\n", "\n")  # what libxml2 does too: keeps offsets and lines aligned
    if not html.strip():
        return []
    try:
        root = lxml.etree.fromstring(html.encode("utf-8", "replace"), parser=HTML_PARSER)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return []
    if root is None:
        return []
    rules = load()
    page = _Page(html)
    first: dict[str, Sighting] = {}
    for element in root.iter("script", "img", "iframe"):
        for sighting in _element_sightings(element, rules, page):
            known = first.get(sighting.tracker.id)
            if known is None or (sighting.line, sighting.column) < (known.line, known.column):
                first[sighting.tracker.id] = sighting
    return sorted(first.values(), key=lambda s: (s.line, s.column))


def _element_sightings(element: Any, rules: Rules, page: _Page) -> list[Sighting]:
    tag = element.tag
    line = element.sourceline if isinstance(element.sourceline, int) else None
    found = []
    for attribute in _ADDRESS_ATTRIBUTES[tag]:
        address = (element.get(attribute) or "").strip()
        match = _address_match(address, rules) if address else None
        if match is not None:
            rule, host = match
            where = page.position(page.tag_offset(tag, host, line), line)
            found.append(Sighting(rule.tracker, *where, _short(f'{tag} {attribute}="{address}"')))
            break
    text = element.text if tag == "script" and "json" not in (element.get("type") or "").lower() else None
    if text:
        text_at: int | None = None
        located = False
        for rule in rules.rules:
            hits = [m for m in (s.search(text) for s in rule.inline) if m is not None]
            if not hits:
                continue
            hit = min(hits, key=lambda m: m.start())
            if not located:  # find the script's text in the page once, for the first hit
                text_at, located = page.text_offset(text, line), True
            if text_at is not None:
                where = page.position(text_at + hit.start(), line)
            else:
                where = (line or 1) + text.count("\n", 0, hit.start()), 1
            snippet = _WHITESPACE.sub(" ", text[hit.start() :].split("\n", 1)[0]).strip()
            found.append(Sighting(rule.tracker, *where, _short("inline script: " + snippet)))
    return found


def _address_match(address: str, rules: Rules) -> tuple[Rule, str] | None:
    """The tracker whose most specific source fits this address, and the address's host."""
    try:
        parts = urlsplit(address)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:  # an address no browser would load either
        return None
    if not host or parts.scheme.lower() not in ("", "http", "https"):
        return None
    segments = [s.lower() for s in parts.path.split("/") if s]
    query = parse_qsl(parts.query, keep_blank_values=True)
    labels = host.split(".")
    best: tuple[tuple[int, int, int], Rule] | None = None
    for start in range(len(labels)):  # the host itself, then each domain above it
        for source, rule in rules.hosts.get(".".join(labels[start:]), ()):
            if _fits(source, segments, query) and (best is None or source.specificity > best[0]):
                best = source.specificity, rule
    return (best[1], host) if best is not None else None


def _fits(source: Source, segments: list[str], query: list[tuple[str, str]]) -> bool:
    if len(segments) < len(source.path) or not all(map(fnmatchcase, segments, source.path)):
        return False
    return all(
        any(k.lower() == name and v.lower().startswith(prefix) for k, v in query) for name, prefix in source.query
    )


def _short(text: str) -> str:
    return text if len(text) <= _EVIDENCE_LENGTH else text[: _EVIDENCE_LENGTH - 3] + "..."


class _Page:
    """The page as written, to turn what lxml found back into a line and column.

    lxml gives only the line on which a start tag ends, and none past libxml2's limit. Tags
    and script texts are looked for from there, moving forward through the page as the
    elements come in document order.
    """

    def __init__(self, html: str) -> None:
        self.html = html
        self.newlines = [m.start() for m in re.finditer("\n", html)]
        self.cursor = 0  # everything before this offset is accounted for

    def position(self, offset: int | None, line: int | None) -> tuple[int, int]:
        if offset is None:
            return line or 1, 1
        index = bisect.bisect_left(self.newlines, offset)  # the newlines before the offset
        start = self.newlines[index - 1] + 1 if index else 0
        return index + 1, offset - start + 1

    def tag_offset(self, tag: str, host: str, line: int | None) -> int | None:
        """Where the `<tag` whose address has this host opens: the first one not yet accounted
        for that ends on `line`."""
        known = line if line is not None and line < _LINE_LIMIT else None
        start, end = self.cursor, len(self.html)
        if known is not None:
            start = max(start, self._line_start(known - _TAG_SPAN))
            end = self._line_end(known)
        opening = re.compile("<" + tag + r"(?=[\s/>])", re.IGNORECASE)
        for match in opening.finditer(self.html, start, end):
            close = self.html.find(">", match.end())
            close = close if close >= 0 else len(self.html)
            # Lower-cased piece by piece: lower() can change a whole page's length (İ).
            if host not in self.html[match.start() : close].lower():
                continue
            if known is not None and not self._line_start(known) <= close <= end:
                continue
            self.cursor = max(self.cursor, close)
            return match.start()
        return None

    def text_offset(self, text: str, line: int | None) -> int | None:
        """Where a script's text is: it starts on the line its start tag ends on."""
        start = self.cursor
        if line is not None and line < _LINE_LIMIT:
            start = max(start, self._line_start(line))
        at = self.html.find(text, start)
        if at < 0:
            return None
        self.cursor = at + len(text)
        return at

    def _line_start(self, line: int) -> int:
        if line <= 1:
            return 0
        return self.newlines[line - 2] + 1 if line - 2 < len(self.newlines) else len(self.html)

    def _line_end(self, line: int) -> int:
        return self.newlines[line - 1] if 1 <= line <= len(self.newlines) else len(self.html)


@cache
def load() -> Rules:
    """rules/trackers.toml, read and checked once; its patterns compiled once."""
    where = "rules/trackers.toml"
    try:
        with open(os.path.join(FOLDER, "trackers.toml"), encoding="utf-8") as handle:
            data = tomllib.loads(handle.read())
        # Unknown keys are mistakes: a key written after a [table] header lands in that table.
        _known_keys(data, {"nothing", "kinds", "tracker"}, where)
        kinds = {}
        for name, table in data["kinds"].items():
            _known_keys(table, {"label", "risk"}, f"{where} [kinds.{name}]")
            kinds[name] = Kind(name, str(table["label"]), str(table["risk"]))
        rules = tuple(_rule(entry, f"{where} [[tracker]] {entry.get('id', '?')}") for entry in data["tracker"])
        nothing = _strings(data, "nothing", where)
    except (KeyError, TypeError, AttributeError, tomllib.TOMLDecodeError) as exc:
        raise RuleError(f"{where}: {exc!r}") from exc
    if set(kinds) != set(KINDS):
        raise RuleError(f"{where}: [kinds] must describe exactly {', '.join(KINDS)}")
    ids = [rule.tracker.id for rule in rules]
    if len(set(ids)) != len(ids):
        raise RuleError(f"{where}: duplicate tracker ids")
    hosts: dict[str, list[tuple[Source, Rule]]] = {}
    for rule in rules:
        for source in rule.sources:
            hosts.setdefault(source.host, []).append((source, rule))
    return Rules(rules, kinds, nothing, {host: tuple(found) for host, found in hosts.items()})


def _rule(entry: dict[str, Any], where: str) -> Rule:
    _known_keys(entry, {"id", "name", "kind", "vendor", "sources", "inline", "match", "no_match"}, where)
    tracker = Tracker(str(entry["id"]), str(entry["name"]), str(entry["kind"]), str(entry["vendor"]))
    if tracker.kind not in KINDS:
        raise RuleError(f"{where}: kind must be one of {', '.join(KINDS)}")
    try:
        inline = tuple(_signature(p) for p in _strings(entry, "inline", where))
    except re.error as exc:
        raise RuleError(f"{where}: inline: {exc}") from exc
    sources = tuple(_source(s) for s in _strings(entry, "sources", where))
    match_examples = _strings(entry, "match", where)
    if not (sources or inline) or not match_examples:
        raise RuleError(f"{where}: needs at least one source or inline signature and one match example")
    return Rule(tracker, sources, inline, match_examples, _strings(entry, "no_match", where))


def _known_keys(table: dict[str, Any], known: set[str], where: str) -> None:
    unknown = set(table) - known
    if unknown:
        raise RuleError(f"{where}: unknown keys {', '.join(sorted(unknown))}")


def _signature(text: str) -> Signature:
    leading = _LEADING_BOUNDARY.match(text)
    return Signature(re.compile(text), re.compile(text[leading.end() :]) if leading else None)


def _source(text: str) -> Source:
    parts = urlsplit("//" + text)
    return Source(
        host=(parts.hostname or "").rstrip("."),
        path=tuple(s.lower() for s in parts.path.split("/") if s),
        query=tuple((k.lower(), v.lower()) for k, v in parse_qsl(parts.query, keep_blank_values=True)),
    )


def _strings(table: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(f"{where}: {key} must be a list of strings")
    return tuple(value)
