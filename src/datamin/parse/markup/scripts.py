"""Markup that a page's scripts write: rows of fields added on a click, a form built in a string.

`newRow.innerHTML = \\`<td><input name="institute_name[]"></td>\\``, `$('<input name="nric">')`:
the HTML parser sees a script's text, never the fields in it. A script that holds a field tag
is read as markup made of its string and template literals: each literal whose tags are whole
is kept where it stands, everything else (the code, `${...}` substitutions, the `<script>` tags)
becomes blanks of the same length with the same newlines, so lines and columns stay right.
Nothing is run.
"""

from __future__ import annotations

import re

from datamin.parse.brackets import closing as closing_bracket

# A field tag, or a Blade component that renders one (Blade compiles those in scripts too).
_FIELD_TAG = re.compile(r"<(?:input|select|textarea)\b|<x-[\w.:-]*(?:input|select|textarea|field)\b", re.I)
_NOT_JAVASCRIPT = re.compile(
    r"\b(?:src\s*=|type\s*=\s*(?![\"']?(?:text/javascript|module|application/javascript)\b))", re.I
)
_NOT_NEWLINE = re.compile(r"[^\n]")


def _blank(text: str) -> str:
    return _NOT_NEWLINE.sub(" ", text)


def unwrap_script_markup(markup: str) -> str:
    """`markup` with each inline script that writes fields replaced by the markup it writes."""
    # Plain searches: a case-blind expression over every page is slow. A page that writes its
    # script tags in capitals is searched in a lowercased copy.
    lower = markup if "<script" in markup or "<SCRIPT" not in markup else markup.lower()
    pieces: list[str] = []
    at = 0
    start = lower.find("<script")
    while start >= 0:
        opened = lower.find(">", start)
        end = lower.find("</script", opened)
        if opened < 0 or end < 0:
            break
        close = lower.find(">", end)
        close = len(markup) if close < 0 else close + 1
        body = markup[opened + 1 : end]
        if _FIELD_TAG.search(markup, opened + 1, end) and not _NOT_JAVASCRIPT.search(markup, start, opened):
            pieces.append(markup[at:start])
            pieces.append(_blank(markup[start : opened + 1]))
            pieces.append(_literal_markup(body))
            pieces.append(_blank(markup[end:close]))
            at = close
        start = lower.find("<script", close)
    if not pieces:
        return markup
    pieces.append(markup[at:])
    return "".join(pieces)


def _literal_markup(code: str) -> str:
    """The code blanked but for its string and template literals whose tags are whole, alone
    or joined with the literals they are concatenated with (`'<input name="family[' + i +
    '].name">'`: the expression between them a blank). Each run is the longest from its first
    literal, scanned once and at most `_RUN_LIMIT` literals long, so a script is read in
    linear time."""
    out = list(_blank(code))
    for group in _concatenations(code, sorted(_literals(code))):
        i = 0
        while i < len(group):
            state: _TagState = _OUTSIDE
            best, markup = -1, False
            for j in range(i, min(len(group), i + _RUN_LIMIT)):
                after = _scan_tags(group[j][1], state)
                if after is None:
                    break  # a tag closed that was not begun, or begun inside another
                state = after
                markup = markup or "<" in group[j][1]
                if state == _OUTSIDE and markup:
                    best = j
            for start, text in group[i : best + 1]:
                out[start : start + len(text)] = text
            i = best + 1 if best >= 0 else i + 1
    return "".join(out)


_RUN_LIMIT = 64  # literals joined into one string: a longer run is read from its next literal
_TagState = tuple[bool, str]  # inside a tag; the quote of the value open in it ("" if none)
_OUTSIDE: _TagState = (False, "")


# What may stand between two literals of one string: `+`, or `+ expression +` on one line.
_JOIN = re.compile(r"\s*\+\s*(?:(?:[\w$.]+(?:\[[\w$.]*\]|\(\))*|\([\w$.\s+*-]+\))\s*\+\s*)?")


# A field's name that code alone gives (`name="' + field + '"`): unknown until the code has run.
# Any other value so given (a row's `id="' + n + '"`) is only a blank in the markup around it.
_OPEN_NAME = re.compile(r"\bname\s*=\s*[\"']$", re.I)


def _concatenations(code: str, literals: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """The literals in runs joined by `+`: each run one string the code builds."""
    groups: list[list[tuple[int, str]]] = []
    for start, text in literals:
        if groups:
            previous_start, previous = groups[-1][-1]
            gap = code[previous_start + len(previous) + 1 : start - 1]
            whole_name = _OPEN_NAME.search(previous) and text.lstrip()[:1] in ("'", '"')
            if gap and _JOIN.fullmatch(gap) and not whole_name:  # `name="' + x + '"`: all code
                groups[-1].append((start, text))
                continue
        groups.append([(start, text)])
    return groups


def _scan_tags(text: str, state: _TagState) -> _TagState | None:
    """The tag state after `text`, from `state`; None when a tag closes that was not begun or
    begins inside another (`'<input name="'` + x + `'">'` is markup only once the code has run)."""
    inside, quote = state
    for char in text:
        if quote:  # inside a tag's quoted value, where `->` and `=>` are text
            if char == quote:
                quote = ""
        elif char == "<":
            if inside:
                return None
            inside = True
        elif char == ">":
            if not inside:
                return None
            inside = False
        elif inside and char in "\"'":
            quote = char
    return inside, quote


def _literals(code: str) -> list[tuple[int, str]]:
    """Where each string literal and each template literal's text starts, and that text
    (escapes as blanks of the same length; in a template literal, its `${...}` substitutions
    too: they are code, and may hold template literals of their own). Comments are passed over."""
    found: list[tuple[int, str]] = []
    templates: list[tuple[int, list[str]]] = []  # the template literals open: start, text so far
    stack: list[int] = []  # for each `${` open: the brace depth at which it closes
    depth = 0
    i, end = 0, len(code)
    in_template = False
    while i < end:
        char = code[i]
        if in_template:
            start = i
            while i < end and code[i] != "`" and not (code[i] == "$" and code.startswith("${", i)):
                i += 2 if code[i] == "\\" else 1
            templates[-1][1].append(_unescaped(code[start:i]))
            if i < end and code[i] == "`":
                opened, pieces = templates.pop()
                found.append((opened, "".join(pieces)))
                in_template = False
                i += 1
            elif i < end:  # `${`: code until its closing brace
                stack.append(depth)
                depth += 1
                in_template = False
                closing = closing_bracket(code, i + 1, quotes="\"'`") + 1  # after the `}` of `${`
                templates[-1][1].append(_blank(code[i:closing]))
                i += 2
            continue
        if char == "`":
            templates.append((i + 1, []))
            in_template = True
            i += 1
        elif char in "'\"":
            start = i + 1
            i = start
            while i < end and code[i] != char and code[i] != "\n":
                i += 2 if code[i] == "\\" else 1
            found.append((start, _unescaped(code[start:i])))
            i += 1
        elif code.startswith("//", i):
            newline = code.find("\n", i)
            i = end if newline < 0 else newline
        elif code.startswith("/*", i):
            close = code.find("*/", i + 2)
            i = end if close < 0 else close + 2
        elif char == "{":
            depth += 1
            i += 1
        elif char == "}":
            depth -= 1
            i += 1
            if stack and depth == stack[-1]:
                stack.pop()
                in_template = bool(templates)  # back in the template literal the `${` was in
        else:
            i += 1
    return found


_ESCAPE = re.compile(r"\\(.)", re.S)


def _unescaped(text: str) -> str:
    """`\\"` -> ` "`: the character kept, the backslash a blank, the length the same."""
    return _ESCAPE.sub(lambda m: " " + m.group(1) if m.group(1) != "\n" else " \n", text) if "\\" in text else text
