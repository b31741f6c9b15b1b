"""Find the files to read: walk folders honouring .gitignore and the exclude globs.

Files named on the command line are read even when an exclude matches them (as ruff does);
files found in folders are read when a parser wants them and no ignore rule excludes them.
Whether a file is binary or too large is decided when it is read (see `check.read_source`),
so that each file is opened once.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from datamin.parse import kind_of
from datamin.records import ScanError

if TYPE_CHECKING:
    import pathspec

DEFAULT_EXCLUDE: tuple[str, ...] = (
    ".git/", ".hg/", ".svn/", "node_modules/", "bower_components/", "vendor/", "dist/", "build/",
    "out/", "target/", ".next/", ".nuxt/", ".svelte-kit/", ".output/", "coverage/", ".cache/",
    "__pycache__/", ".venv/", "venv/", "site-packages/", "dist-packages/", ".tox/", ".mypy_cache/",
    ".pytest_cache/", "storage/framework/", "*.min.js", "*.min.html",
)  # fmt: skip
DEFAULT_MAX_FILE_SIZE = 100 * 1024 * 1024


class Source(NamedTuple):
    path: str  # where to read it
    display: str  # how to show it: relative to the working folder where possible
    kind: str  # which parser reads it


class Discovered(NamedTuple):
    sources: list[Source]
    errors: list[ScanError]


class _Excludes:
    """The exclude globs: plain folder names (`node_modules/`), suffixes (`*.min.js`) and folders
    from the top (`storage/framework/`) checked by lookup; pathspec (imported only then) for the rest."""

    def __init__(self, patterns: Iterable[str]) -> None:
        self.folders: set[str] = set()
        self.paths: set[str] = set()
        suffixes: list[str] = []
        rest: list[str] = []
        for pattern in patterns:
            if pattern.endswith("/") and _plain(pattern[:-1]):
                self.folders.add(pattern[:-1])
            elif pattern.startswith("*") and _plain(pattern[1:]):
                suffixes.append(pattern[1:])
            elif pattern.endswith("/") and all(_plain(part) for part in pattern.strip("/").split("/")):
                self.paths.add(pattern.strip("/"))  # a slash inside anchors it at the top, as in .gitignore
            else:
                rest.append(pattern)
        self.suffixes = tuple(suffixes)
        self.spec: pathspec.GitIgnoreSpec | None = None
        if rest:
            import pathspec  # only for globs the lookups above do not answer

            self.spec = pathspec.GitIgnoreSpec.from_lines(rest)

    def match(self, relative: str, is_dir: bool) -> bool:
        name = relative.rsplit("/", 1)[-1]
        if is_dir and (name in self.folders or relative in self.paths):
            return True
        if self.suffixes and name.endswith(self.suffixes):
            return True
        return self.spec is not None and self.spec.match_file(relative + "/" if is_dir else relative)


def _plain(name: str) -> bool:
    return bool(name) and not any(ch in name for ch in "*?[]/\\!")


def discover(paths: Iterable[str], exclude: Iterable[str] = (), respect_gitignore: bool = True) -> Discovered:
    excluded: _Excludes | None = None
    sources: list[Source] = []
    errors: list[ScanError] = []
    seen: set[str] = set()
    for given in paths:
        display_root = display_path(given)
        if os.path.isdir(given):
            excluded = excluded or _Excludes([*DEFAULT_EXCLUDE, *exclude])
            real_root = os.path.realpath(given)
            for relative in _walk(real_root, excluded, respect_gitignore):
                real = posixpath.join(real_root, relative)
                if real not in seen:
                    seen.add(real)
                    name = relative.rsplit("/", 1)[-1]
                    display = relative if display_root == "." else posixpath.join(display_root, relative)
                    sources.append(Source(os.path.join(given, relative), display, kind_of(name) or ""))
        elif os.path.exists(given):
            real = os.path.realpath(given)
            kind = kind_of(os.path.basename(given))
            if kind is None:
                errors.append(ScanError(display_root, None, "not a template, page or schema datamin reads; skipped"))
            elif real not in seen:
                seen.add(real)
                sources.append(Source(given, display_root, kind))
        else:
            errors.append(ScanError(display_root, None, "no such file or folder"))
    return Discovered(sources, errors)


def _walk(root: str, excluded: _Excludes, respect_gitignore: bool) -> Iterator[str]:
    """Paths relative to `root` (posix) of the files a parser wants, in a stable order."""
    ignores = _ancestor_gitignores(root) if respect_gitignore else []
    for folder, dirnames, filenames in os.walk(root):
        base = os.path.relpath(folder, root).replace(os.sep, "/")
        base = "" if base == "." else base + "/"
        if respect_gitignore and ".gitignore" in filenames:
            ignores = [*ignores, (base, _read_gitignore(os.path.join(folder, ".gitignore")))]
        dirnames[:] = sorted(d for d in dirnames if not _ignored(base + d, True, excluded, ignores))
        for name in sorted(filenames):
            if kind_of(name) is not None and not _ignored(base + name, False, excluded, ignores):
                yield base + name


def _ignored(
    relative: str, is_dir: bool, excluded: _Excludes, ignores: list[tuple[str, pathspec.GitIgnoreSpec]]
) -> bool:
    if excluded.match(relative, is_dir):
        return True
    for base, spec in ignores:
        if relative.startswith(base) and spec.match_file(relative[len(base) :] + ("/" if is_dir else "")):
            return True
    return False


def _ancestor_gitignores(folder: str) -> list[tuple[str, pathspec.GitIgnoreSpec]]:
    """The .gitignore files above a scanned folder, up to the repository's top, as rules that
    apply from the scanned folder down (they are rebased onto it)."""
    found = []
    parent = folder
    while os.path.dirname(parent) != parent:
        parent = os.path.dirname(parent)
        if os.path.isfile(os.path.join(parent, ".gitignore")):
            prefix = os.path.relpath(folder, parent).replace(os.sep, "/") + "/"
            lines = [_rebase(line, prefix) for line in _gitignore_lines(os.path.join(parent, ".gitignore"))]
            import pathspec  # only when there is a .gitignore to honour

            found.append(("", pathspec.GitIgnoreSpec.from_lines([line for line in lines if line])))
        if os.path.exists(os.path.join(parent, ".git")):
            return list(reversed(found))
    return []  # not in a repository: .gitignore files above it mean nothing


def _rebase(line: str, prefix: str) -> str:
    """A rule of a .gitignore above the scanned folder, as seen from inside that folder."""
    stripped = line.strip()
    if not stripped or stripped.startswith("#"):
        return ""
    negate = "!" if stripped.startswith("!") else ""
    pattern = stripped[len(negate) :]
    anchored = "/" in pattern.rstrip("/")
    if not anchored:
        return line  # `*.log`, `build/`: matches at any depth, below the scanned folder too
    pattern = pattern.lstrip("/")
    if pattern.startswith(prefix):
        return negate + "/" + pattern[len(prefix) :]
    return ""  # anchored elsewhere in the repository


def _gitignore_lines(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read().splitlines()
    except OSError:
        return []


def _read_gitignore(path: str) -> pathspec.GitIgnoreSpec:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(_gitignore_lines(path))


def display_path(given: str) -> str:
    """Relative to the working folder when inside it, as given otherwise; posix slashes."""
    absolute = os.path.abspath(given)
    relative = os.path.relpath(absolute)
    if relative == os.curdir:
        return "."
    if relative.startswith(os.pardir):
        return absolute.replace(os.sep, "/")
    return relative.replace(os.sep, "/")
