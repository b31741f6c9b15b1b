"""HAML and Slim views (Rails' other template languages) and Pug views (Express's) as the
markup they render, line for line.

`%input{type: "text", name: "dob"}` becomes `<input type="text" name="dob">` where it stands;
`= f.text_field :dob` and `- form_for ... do |f|` become ERB output and statements, so the Rails
helper readers read them as they read ERB; indentation closes elements (closing tags go at the
start of the line that dedents, or the end of the file). A tag keeps its line and its column;
what follows it on its line may move. Comments (`-#`, `/`) and what they nest are blanks. Ruby
attribute values that are not string or symbol literals are left out. Nothing is run.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from datamin.parse.brackets import closing, outside_quotes

_VOID = frozenset({"input", "br", "img", "meta", "link", "hr", "area", "base", "col", "source", "wbr"})
_TAG = re.compile(r"(?P<indent>[ \t]*)(?:%(?P<tag>[\w:-]+))?(?P<shorthand>(?:[.#][\w-]+)*)")
# `key: "v"`, `:key => "v"`, `"key" => 'v'`, `key: :symbol`
_PAIR = re.compile(
    r"""(?:(?P<k1>[\w-]+):|:(?P<k2>[\w-]+)\s*=>|["'](?P<k3>[\w-]+)["']\s*=>)\s*"""
    r"""(?:"(?P<v1>[^"#]*)"|'(?P<v2>[^']*)'|:(?P<v3>\w+)|(?P<other>[^,}]+))"""
)
_HTML_PAIR = re.compile(r"""([\w:-]+)\s*=\s*("[^"]*"|'[^']*')""")


def to_markup(text: str) -> str:
    """The markup a HAML template renders, with the same lines (Ruby as ERB tags)."""
    return _render(text, _line, ("-#", "/"))


def slim_to_markup(text: str) -> str:
    """The markup a Slim template renders, the same way: a line that starts with a word is an
    element (`input type="text" name="dob"`, `label for="dob" Date of birth`), `|` and `'` text."""
    return _render(text, _slim_line, ("/",))


def pug_to_markup(text: str) -> str:
    """The markup a Pug (Jade) template renders, the same way: `input#email.form-control(type=
    'email', name='email', value=user.email)`. Control lines (`if`, `each`, `block`, `- code`),
    mixin calls and outputs render nothing; an attribute list over several lines is read on
    its tag's line; the lines under `tag.` are its text."""
    lines = text.split("\n")
    out: list[str] = []
    text_at: int | None = None  # the indent of a `tag.` whose nested lines are text
    i = 0
    while i < len(lines):
        line = lines[i]
        indent = len(line) - len(line.lstrip(" \t"))
        if text_at is not None and (indent > text_at or not line.strip()):
            out.append(line[:indent] + "| " + line[indent:] if line.strip() else line)
            i += 1
            continue
        text_at = None
        opened = _open_attributes(line)
        joined = 1
        while opened > 0 and i + joined < len(lines) and joined < 40:
            line += " " + lines[i + joined].strip()
            opened = _open_attributes(line)
            joined += 1
        out.append(line)
        out.extend("" for _ in range(joined - 1))
        if re.match(r"[ \t]*[a-zA-Z][\w:-]*(?:[.#][\w-]+)*(?:\([^\n]*\))?\.\s*$", line):
            text_at = indent
        i += joined
    return _render("\n".join(out), _pug_line, ("//",))


def _open_attributes(line: str) -> int:
    """How many brackets a line's attribute list leaves open (quotes passed over)."""
    depth, quote = 0, ""
    for char in line:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'`":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
    return depth


_PUG_KEYWORDS = frozenset(
    {"if", "else", "unless", "each", "for", "while", "case", "when", "default", "block", "extends", "include",
     "mixin", "append", "prepend", "yield", "doctype"}
)  # fmt: skip
# `name='email'`, `required`, `value=user.email` (an expression), separated by commas or blanks
_PUG_PAIR = re.compile(
    r"""\s*(?P<key>[\w:@.\[\]-]+)(?:\s*!?=\s*(?P<value>"[^"]*"|'[^']*'|.*?))?\s*(?P<flags>(?:\s[\w-]+)*)\s*$""", re.S
)
_NEXT_KEY = re.compile(r"\s+(?=[\w:@.-]+\s*!?=)")
_PATH = re.compile(r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*")


def _pug_attributes(inside: str) -> str:
    """A Pug attribute list as HTML attributes: quoted values as written, boolean attributes,
    and a value that is a model's property (`value=user.email`) as a binding; any other
    expression left out (`checked=user.sex == 'F'` is not known here)."""
    found = ""
    for piece in _split_top_level(inside):
        for part in _NEXT_KEY.split(piece.strip()):
            pair = _PUG_PAIR.match(part)
            if pair is None:
                continue
            key, value = pair.group("key"), (pair.group("value") or "").strip()
            if not value:
                found += f" {key}"
            elif value[0] in "\"'":
                found += f" {key}={value}"
            elif key == "value" and _PATH.fullmatch(value) and value not in ("true", "false", "null"):
                found += f' {key}="${{{value}}}"'
            found += "".join(f" {flag}" for flag in pair.group("flags").split())
    return found


def _split_top_level(text: str) -> list[str]:
    """`a='x', b=f(1, 2)` -> ["a='x'", " b=f(1, 2)"]: commas outside quotes and brackets."""
    pieces, start = [], 0
    for i, char, depth in outside_quotes(text, "\"'`"):
        if char == "," and depth == 0:
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    return pieces


def _pug_line(line: str, indent: int) -> tuple[str, str]:
    """One Pug line's markup, and the tag it leaves open ("" if none)."""
    body = line[indent:]
    pad = line[:indent]
    first = re.match(r"[\w-]+", body)
    if body.startswith(("-", "=", "!=", "+")) or (first and first.group() in _PUG_KEYWORDS):
        return "", ""
    if body.startswith("|"):
        return pad + " " + body[1:], ""
    if body.startswith("<"):
        return line, ""
    head = _tag_head(body)
    if head is None:
        return line, ""
    tag, attributes, rest = head
    if rest.startswith("("):
        close = closing(rest, 0)
        attributes += _pug_attributes(rest[1:close])
        rest = rest[close + 1 :]
    rest = rest.strip()
    if rest.startswith(":"):  # `li: a(href="#") text`: one child, inline
        inner, _ = _pug_line(" " + rest[1:].strip(), 1)
        return f"{pad}<{tag}{attributes}>{inner.strip()}</{tag}>", ""
    return _element(pad, tag, attributes, "" if rest.startswith(("=", "!=", ".")) else rest)


def _render(text: str, render_line: Callable[[str, int], tuple[str, str]], comments: tuple[str, ...]) -> str:
    """Lines rendered one by one; indentation closes the elements they leave open."""
    out: list[str] = []
    open_tags: list[tuple[int, str]] = []  # (indent, tag) of the elements whose body is open
    comment_at: int | None = None  # the indent of a comment whose nested lines are comment too
    last_written = 0  # the last line that holds markup: where the closing tags of a block go
    for line in text.split("\n"):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" \t"))
        if not stripped:
            out.append("")
            continue
        if comment_at is not None:
            if indent > comment_at:
                out.append("")
                continue
            comment_at = None
        closed = ""
        while open_tags and open_tags[-1][0] >= indent:
            closed += f"</{open_tags.pop()[1]}>"
        if closed:  # at the end of the last line written: this line's tag keeps its column
            out[last_written] += closed
        if stripped.startswith(comments) and not stripped.startswith("/>"):
            comment_at = indent
            out.append("")
            continue
        rendered, tag = render_line(line, indent)
        if tag:
            open_tags.append((indent, tag))
        last_written = len(out)
        out.append(rendered)
    if open_tags:
        out[last_written] += "".join(f"</{tag}>" for _, tag in reversed(open_tags))
    return "\n".join(out)


def _line(line: str, indent: int) -> tuple[str, str]:
    """One line's markup, and the tag it leaves open for the lines nested under it ("" if none)."""
    body = line[indent:]
    pad = line[:indent]
    if body.startswith(("=", "!=", "&=")):
        return f"{pad}<%= {body.lstrip('!&=').strip()} %>", ""
    if body.startswith("-"):
        return f"{pad}<% {body[1:].strip()} %>", ""
    if body.startswith("\\"):
        return pad + body[1:], ""
    match = _TAG.match(line)
    if match is None or not (match.group("tag") or match.group("shorthand")):
        return line, ""  # text
    tag = (match.group("tag") or "div").lower()
    attributes = _shorthand(match.group("shorthand"))
    rest = line[match.end() :]
    rest, more = _attributes(rest)
    attributes += more
    rest = rest.rstrip()
    void = tag in _VOID or rest.startswith("/")
    content = ""
    if rest.startswith(("=", "!=", "&=")):
        content = f"<%= {rest.lstrip('!&=').strip()} %>"
    elif rest and not rest.startswith("/"):
        content = rest.strip()
    opening = f"{pad}<{tag}{attributes}>"
    if void:
        return opening + content, ""
    if content:
        return f"{opening}{content}</{tag}>", ""
    return opening, tag


_SLIM_TAG = re.compile(r"(?P<tag>[a-zA-Z][\w:-]*)?(?P<shorthand>(?:[.#][\w-]+)*)")
_SLIM_ATTRIBUTE = re.compile(r"""\s+([\w:@.-]+)=("[^"]*"|'[^']*'|[^\s"']+)""")


def _slim_line(line: str, indent: int) -> tuple[str, str]:
    """One Slim line's markup, and the tag it leaves open ("" if none)."""
    body = line[indent:]
    pad = line[:indent]
    if body.startswith(("=", "==")):
        return f"{pad}<%= {body.lstrip('=').strip()} %>", ""
    if body.startswith("-"):
        return f"{pad}<% {body[1:].strip()} %>", ""
    if body.startswith(("|", "'")):
        return pad + " " + body[1:], ""
    if body.startswith(("doctype", "<")):
        return line, ""
    head = _tag_head(body)
    if head is None:
        return line, ""
    tag, attributes, rest = head
    if rest[:1] in ("(", "[", "{"):
        close = closing(rest, 0)
        rest = " " + rest[1:close] + " " + rest[close + 1 :].lstrip() if close else rest
    while (attribute := _SLIM_ATTRIBUTE.match(rest)) is not None:
        value = attribute.group(2)
        if value[:1] in "\"'":  # a Ruby expression's value is not known here: left out
            attributes += f" {attribute.group(1)}={value}"
        rest = rest[attribute.end() :]
    rest = rest.strip()
    if rest.startswith(":"):  # `li: a href="#" text`: one child, inline
        inner, _ = _slim_line(" " + rest[1:].strip(), 1)
        rest = inner.strip()
        return f"{pad}<{tag}{attributes}>{rest}</{tag}>", ""
    return _element(pad, tag, attributes, f"<%= {rest.lstrip('=').strip()} %>" if rest.startswith("=") else rest)


def _tag_head(body: str) -> tuple[str, str, str] | None:
    """A Slim or Pug line's tag, the attributes its `.class#id` shorthand gives, and the rest
    of the line; None when the line starts with no tag."""
    match = _SLIM_TAG.match(body)
    if match is None or not (match.group("tag") or match.group("shorthand")):
        return None
    return (match.group("tag") or "div").lower(), _shorthand(match.group("shorthand")), body[match.end() :]


def _element(pad: str, tag: str, attributes: str, content: str) -> tuple[str, str]:
    """An element's markup, and its tag when its body stays open for the lines below."""
    opening = f"{pad}<{tag}{attributes}>"
    if tag in _VOID or content.startswith("/"):
        return opening, ""
    if content:
        return f"{opening}{content}</{tag}>", ""
    return opening, tag


def _shorthand(text: str) -> str:
    classes = [part[1:] for part in re.findall(r"[.#][\w-]+", text) if part.startswith(".")]
    ids = [part[1:] for part in re.findall(r"[.#][\w-]+", text) if part.startswith("#")]
    out = f' class="{" ".join(classes)}"' if classes else ""
    return out + (f' id="{ids[-1]}"' if ids else "")


def _attributes(rest: str) -> tuple[str, str]:
    """The `{...}` and `(...)` attribute lists right after a tag, as HTML attributes, and what
    follows them."""
    found = ""
    while rest[:1] in ("{", "("):
        close = closing(rest, 0)
        inside = rest[1:close]
        if rest[0] == "{":
            for pair in _PAIR.finditer(inside):
                key = pair.group("k1") or pair.group("k2") or pair.group("k3")
                value = next((v for v in (pair.group("v1"), pair.group("v2"), pair.group("v3")) if v is not None), None)
                if value is not None:  # a Ruby expression's value is not known here: left out
                    found += f' {key}="{value}"'
        else:
            found += "".join(f" {k}={v}" for k, v in _HTML_PAIR.findall(inside))
        rest = rest[close + 1 :]
    return rest, found
