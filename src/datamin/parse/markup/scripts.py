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

_FIELD_TAG = re.compile(r"<(?:input|select|textarea)\b", re.I)
_NOT_JAVASCRIPT = re.compile(r"\b(?:src\s*=|type\s*=\s*[\"']?(?!text/javascript|module|application/javascript))", re.I)
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
    """The code blanked but for its string and template literals whose tags are whole."""
    out = list(_blank(code))
    for start, text in _literals(code):
        if "<" in text and _whole_tags(text):
            out[start : start + len(text)] = text
    return "".join(out)


def _whole_tags(text: str) -> bool:
    """No tag begun and left open, none closed that was not begun (`'<input name="'` + x + `'">'`
    is markup only once the code has run)."""
    depth = 0
    for char in text:
        if char == "<":
            depth += 1
            if depth > 1:
                return False
        elif char == ">":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _literals(code: str) -> list[tuple[int, str]]:
    """Where each string literal and each literal stretch of a template literal starts, and its
    text (escapes as blanks of the same length). Comments are passed over; `${...}` in a
    template literal is code, and may hold template literals of its own."""
    found: list[tuple[int, str]] = []
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
            found.append((start, _unescaped(code[start:i])))
            if i < end and code[i] == "`":
                in_template = False
                i += 1
            elif i < end:  # `${`: code until its closing brace
                stack.append(depth)
                depth += 1
                in_template = False
                i += 2
            continue
        if char == "`":
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
                in_template = True  # back in the template literal the `${` was in
        else:
            i += 1
    return found


_ESCAPE = re.compile(r"\\(.)", re.S)


def _unescaped(text: str) -> str:
    """`\\"` -> ` "`: the character kept, the backslash a blank, the length the same."""
    return _ESCAPE.sub(lambda m: " " + m.group(1) if m.group(1) != "\n" else " \n", text) if "\\" in text else text
