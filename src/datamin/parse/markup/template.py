"""Neutralise template syntax so that an HTML parser can read a template, without running it.

Every construct is replaced by text of the same length with the same newlines, so line and
column numbers stay right:

- comments (`{# #}`, `{{!-- --}}`, `<%# %>`, `{* *}`, `@* *@`, `<!-- -->`...) become blanks:
  fields inside them are not collected;
- statements (`{% if %}`, `<% end %>`, `<?php if (...): ?>`) become blanks;
- output expressions with text in them (`{{ 'customer.email' | t }}`, `<%= t('.zip') %>`,
  `<?php esc_html_e('Email') ?>`, `{% trans "Email" %}`) keep their words but lose the quotes and
  angle brackets that would confuse the parser, and a translation key keeps only its last part
  (`templates.contact.form.phone` -> `phone`); outputs of bare variables (`{{ form.gender }}`)
  become blanks: a variable's name is not text anyone reads;
- PHP code that builds markup in string literals (`echo '<input name="ic">'`) keeps the markup;
- JSX expressions inside a tag become quoted attribute values (`value={form.email}` ->
  `value="form.email"`, `{...register("nric")}` -> `_=".register( nric )"`).

`Neutralised.markup` is for the HTML parser; `Neutralised.code` keeps the template code but
blanks comments, for the readers of framework helpers (`f.text_field :dob`, `{{ form.dob }}`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from datamin.parse.brackets import closing

FAMILIES_BY_SUFFIX: dict[str, tuple[str, ...]] = {
    ".blade.php": ("blade", "php"),
    ".html": ("curly",),
    ".htm": ("curly",),
    ".xhtml": ("curly",),
    ".jinja": ("curly",),
    ".jinja2": ("curly",),
    ".j2": ("curly",),
    ".njk": ("curly",),
    ".twig": ("curly",),
    ".liquid": ("curly",),
    ".hbs": ("curly",),
    ".handlebars": ("curly",),
    ".mustache": ("curly",),
    ".gohtml": ("curly",),
    ".ftl": ("freemarker",),  # FreeMarker
    ".ftlh": ("freemarker",),
    ".vm": ("velocity",),  # Velocity
    ".wxml": ("curly",),  # WeChat mini-program pages
    ".qml": ("curly",),  # ... QQ's (read when they hold markup: Qt's QML is code), Alipay's, Baidu's, ByteDance's
    ".axml": ("curly",),
    ".swan": ("curly",),
    ".ttml": ("curly",),
    ".volt": ("curly",),  # Phalcon's Volt, Jinja-like
    ".tmpl": ("curly",),
    ".vue": ("curly",),
    ".gjs": ("glimmer", "curly"),  # Ember's template tags: Handlebars inside <template> in a module
    ".gts": ("glimmer", "curly"),
    ".erb": ("erb",),
    ".rhtml": ("erb",),  # Rails 1's views
    ".ecr": ("erb",),  # Crystal
    ".ep": ("erb",),  # Mojolicious: <%= %>, and `%` lines that read as text
    ".shtml": ("curly",),  # server-side includes
    ".marko": ("curly",),
    ".leaf": ("curly",),  # Vapor
    ".tt": ("curly",),  # Template Toolkit: its [% %] read as text
    ".cmp": ("curly",),  # Salesforce Aura components: `{!v.email}` bindings
    ".page": ("curly",),  # Visualforce
    ".component": ("curly",),
    ".inc": ("php",),
    ".eex": ("erb",),  # Phoenix: <%= text_input(f, :email) %>
    ".leex": ("erb",),
    ".heex": ("erb", "curly"),
    ".haml": ("erb",),  # read as the markup it renders (parse/markup/haml.py), its Ruby as ERB
    ".slim": ("erb",),
    ".cfm": (),  # ColdFusion: its <cf...> tags are elements to the reader, its #outputs# text
    ".cfml": (),
    ".pug": (),  # read as the markup it renders (parse/markup/haml.py); its JavaScript renders nothing
    ".jade": (),
    ".ejs": ("erb",),
    ".php": ("php",),
    ".phtml": ("php",),
    ".ctp": ("php",),  # CakePHP 2 views
    ".tpl": ("smarty", "php"),
    ".svelte": ("jsx",),
    ".astro": ("astro", "jsx"),  # Astro: its frontmatter (`---` code `---`) renders nothing
    ".jsx": ("jsx",),
    ".tsx": ("jsx",),
    ".js": ("jsx",),
    ".cshtml": ("razor",),
    ".razor": ("razor",),
    ".vbhtml": ("razor",),  # Razor with Visual Basic
    ".asp": ("erb",),  # classic ASP: VBScript between <% %>
    ".aspx": ("erb",),
    ".ascx": ("erb",),  # Web Forms user controls and master pages
    ".master": ("erb",),
    ".jspf": ("erb",),  # JSP fragments
    ".jspx": ("erb",),  # JSP documents, and JSP's tag files
    ".tagx": ("erb",),
    ".tag": ("erb",),
    ".jsp": ("erb",),
    ".gsp": ("erb",),  # Grails: <% %>, ${} and its <g:textField> tags
    ".xml": (),
}


class Neutralised(NamedTuple):
    markup: str
    code: str
    constructs: list[tuple[str, int, int]]  # (kind, start, end) of every template construct but comments


# `.tpl` is Smarty's and PHP's, and also Django's, Bottle's and other curly-brace engines':
# a file with `{% %}` tags is one of the latter.
_CURLY_TAG = re.compile(r"\{%-?\s*(?:block|extends|load|if|for|include|csrf_token)\b")


def families_for(path: str, text: str = "") -> tuple[str, ...]:
    lower = path.lower()
    for suffix, families in FAMILIES_BY_SUFFIX.items():
        if lower.endswith(suffix):
            if suffix == ".tpl" and _CURLY_TAG.search(text):
                return ("curly",)
            if suffix == ".php" and "<?" not in text and _CURLY_TAG.search(text):
                return ("curly",)  # a Django or Jinja template saved as .php: no PHP in it
            return families
    return ("curly",)


# The constructs of each family, as (kind, pattern). Every pattern starts with a literal
# character so that the combined regular expression can skip ahead to candidates quickly.
_BRANCHES: dict[str, tuple[tuple[str, str], ...]] = {
    "html": (("comment_html", r"<!--.*?(?:-->|\Z)"),),
    "curly": (
        ("comment_curly", r"\{\{!--.*?--\}\}"),
        ("comment_curly", r"\{\{!.*?\}\}"),
        ("comment_curly", r"\{#.*?#\}"),
        ("comment_curly", r"\{\{-?\s*/\*.*?\*/\s*-?\}\}"),
        ("comment_curly", r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}"),
        ("comment_curly", r"\{%-?\s*#.*?%\}"),
        ("output_trans", r"\{%-?\s*(?:trans|translate|t|blocktrans)\s+['\"].*?%\}"),
        ("statement_curly", r"\{%.*?%\}"),
        ("statement_curly", r"\{\{-?\s*(?:[#/^>]|else\b|end\b|if\b|range\b|with\b|define\b|template\b|block\b).*?\}\}"),
        ("output_curly", r"\{\{\{.*?\}\}\}"),
        ("output_curly", r"\{\{.*?\}\}"),
    ),
    "blade": (
        ("comment_blade", r"\{\{--.*?--\}\}"),
        ("statement_blade", r"@php\b.*?@endphp\b"),
        (
            "statement_blade",
            r"@(?:props|if|elseif|else|endif|unless|endunless|isset|endisset|empty|endempty|auth|endauth|guest"
            r"|endguest|foreach|endforeach|forelse|endforelse|for|endfor|while|endwhile|switch|case|break|default"
            r"|endswitch|include|includeIf|includeWhen|extends|section|endsection|yield|push|endpush|stack"
            r"|component|endcomponent|slot|endslot|can|endcan|lang|json|vite|livewire|method|csrf|error|enderror"
            r"|once|endonce|env|endenv|production|endproduction|class|style|checked|selected|disabled|readonly"
            r"|required|aware|inject|verbatim|endverbatim|use|fragment|endfragment)\b"
            r"(?:\s*\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\))?",
        ),
        ("output_blade", r"\{!!.*?!!\}"),
        ("output_blade", r"\{\{.*?\}\}"),
    ),
    "php": (("php", r"<\?(?:php\b|=)?.*?(?:\?>|\Z)"),),
    "erb": (
        ("comment_erb", r"<%#.*?%>"),
        ("comment_erb", r"<%--.*?--%>"),
        ("output_erb", r"<%(?:==|=|-|:).*?%>"),
        ("statement_erb", r"<%.*?%>"),
    ),
    "smarty": (
        ("comment_smarty", r"\{\*.*?\*\}"),
        ("output_smarty", r"\{(?:\$|l\s+s=|_\s|t\s)[^{}\n]*\}"),
        (
            "statement_smarty",
            r"\{/?(?:if|else|elseif|foreach|foreachelse|section|include|assign|capture|block|extends|literal"
            r"|strip|function|hook|widget|nocache|while|for)\b[^{}\n]*\}",
        ),
    ),
    "razor": (("comment_razor", r"@\*.*?\*@"),),
    "freemarker": (
        ("comment_freemarker", r"<#--.*?(?:-->|\Z)"),
        ("statement_freemarker", r"</?[#@][\w.:]*[^>]*>"),
        ("output_dollar", r"\$\{[^{}\n]*\}"),
        ("output_dollar", r"#\{[^{}\n]*\}"),
    ),
    "velocity": (
        ("comment_velocity", r"#\*.*?\*#"),
        ("comment_velocity", r"##[^\n]*"),
        (
            "statement_velocity",
            r"#\{?(?:if|elseif|else|end|foreach|set|macro|parse|include|break|stop|define)\b\}?"
            r"(?:\s*\((?:[^()\n]|\([^()\n]*\))*\))?",
        ),
        ("output_dollar", r"\$!?\{[^{}\n]*\}"),
        ("output_velocity", r"\$!?[A-Za-z_][\w.]*(?:\([^()\n]*\))?"),
    ),
}
Openers = tuple["re.Pattern[str] | None", tuple[str, ...]]
_COMPILED: dict[tuple[str, ...], tuple[re.Pattern[str], dict[str, str], Openers]] = {}

_OUTPUT_PHP = re.compile(r"\s*(?:echo|print|printf|_e|_ex|esc_html_e|esc_attr_e|\w+_e|the_\w+)\b", re.I)
_MARKUP_IN_CODE = re.compile(r"<(?:input|select|textarea|form|label)\b", re.I)
_TRANSLATION_KEY = re.compile(r"(['\"])(?:[\w-]+::)?\.?(?:[A-Za-z0-9_-]+\.)+([A-Za-z0-9_-]+)\1")
# An output of one plain variable often names its text: OpenCart's {{ entry_telephone }},
# <?php echo $entry_email; ?>. A path (form.gender.label_tag) is code, not text.
_SINGLE_VARIABLE = re.compile(r"\s*(?:php\s+)?(?:echo\s+|print\s+|=\s*)?\$?([A-Za-z_]\w*)\s*;?\s*(?:\|\s*\w+\s*)*")
# An output of a language string by its key, unquoted: WHMCS's {$LANG.clientareafirstname},
# {{ lang.email_address }}, {{ i18n.phone }}.
_LANGUAGE_STRING = re.compile(
    r"\s*\$?_?(?:LANG|Lang|lang|language|i18n|messages|trans|translations|strings|labels)\s*\.\s*([A-Za-z_][\w.]*?)\s*"
    r"(?:\|\s*[\w:]+\s*)*"
)
# Trailing parts of a translation key that say where the text goes, not what it is about.
_KEY_ROLES = frozenset(
    {
        "label",
        "title",
        "placeholder",
        "text",
        "hint",
        "help",
        "heading",
        "caption",
        "description",
        "tooltip",
        "lbl",
        "ph",
        "desc",
        "prompt",
    }
)
_UNSAFE = str.maketrans({c: " " for c in "<>\"'`="})
_NOT_NEWLINE = re.compile(r"[^\n]")


# Every construct starts with one of these; a page with none of them needs no regex at all.
_OPENERS = {
    "html": ("<!--",),
    "curly": ("{{", "{%", "{#"),
    "blade": ("{{", "{!!", "@"),
    "php": ("<?",),
    "erb": ("<%",),
    "smarty": ("{",),
    "razor": ("@*",),
    "freemarker": ("<#", "</#", "<@", "</@", "${", "#{"),
    "velocity": ("#", "$"),
}


def neutralise(text: str, families: tuple[str, ...]) -> Neutralised:
    """Both views of a template: for the HTML parser, and for the helper readers."""
    if "glimmer" in families:
        text = _template_tags_only(text)
    if "astro" in families:
        text = _without_frontmatter(text)
    pattern, kinds, openers = _pattern(families)
    if not any(o in text for o in openers[1]) and not (openers[0] and openers[0].search(text)):
        return Neutralised(neutralise_jsx(text) if "jsx" in families else text, text, [])
    markup: list[str] = []
    code: list[str] = []
    constructs: list[tuple[str, int, int]] = []
    at = 0
    for match in pattern.finditer(text):
        kind = kinds[match.lastgroup or ""]
        chunk = match.group()
        markup.append(text[at : match.start()])
        code.append(text[at : match.start()])
        if kind.startswith("comment"):
            blank = _blank(chunk)
            markup.append(blank)
            code.append(blank)
        else:
            bound = _bound_value(kind, chunk, text, match.start())
            neutral = bound or _neutral(kind, chunk)
            if (
                not bound
                and text[: match.start()].rstrip(" \t").endswith("=")
                and "\n" not in (neutral[0], neutral[-1])
            ):
                neutral = '"' + neutral[1:-1] + '"'  # attr={{ x }}: keep the attribute's value quoted
            markup.append(neutral)
            code.append(_php_comments_blanked(chunk) if kind == "php" else chunk)
            constructs.append((kind, match.start(), match.end()))
        at = match.end()
    markup.append(text[at:])
    code.append(text[at:])
    joined = "".join(markup)
    if "jsx" in families:
        joined = neutralise_jsx(joined)
    return Neutralised(joined, "".join(code), constructs)


def _pattern(families: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, str], Openers]:
    """One regular expression for a set of families; each branch is `first char (?P<g>rest)`.
    Also a quick one that says whether a text has any construct at all."""
    if families not in _COMPILED:
        kinds: dict[str, str] = {}
        branches = []
        for family in ("html", *families):
            for kind, body in _BRANCHES.get(family, ()):
                group = f"g{len(kinds)}"
                kinds[group] = kind
                first = 2 if body.startswith("\\") else 1
                branches.append(f"{body[:first]}(?P<{group}>{body[first:]})")
        # Openers that start with a brace in one expression (a scan for "{" then a look at the next
        # character is fast even where CSS and scripts are full of braces); the others with `in`.
        literals = {o for family in ("html", *families) for o in _OPENERS.get(family, ())}
        braces = sorted(re.escape(o[1:]) for o in literals if o.startswith("{") and len(o) > 1)
        brace = re.compile(r"\{(?:" + "|".join(braces) + ")") if braces else None
        others = tuple(sorted(o for o in literals if not (o.startswith("{") and len(o) > 1)))
        _COMPILED[families] = (re.compile("|".join(branches), re.S), kinds, (brace, others))
    return _COMPILED[families]


def _blank(chunk: str) -> str:
    return _NOT_NEWLINE.sub(" ", chunk)


_VALUE_ATTRIBUTE = re.compile(r"\bvalue\s*=\s*[\"']\Z", re.I)
# The path of one variable an output writes: {{ user.email }}, <%= @user.email %>, <?= $user->email ?>
_OUTPUT_PATH = re.compile(r"\s*(?:=|echo\s+)?\s*[@$]?(?P<path>[A-Za-z_]\w*(?:(?:\.|->)[A-Za-z_]\w*)*)\s*;?\s*")


def _bound_value(kind: str, chunk: str, text: str, at: int) -> str:
    """`value="{{ user.email }}"`: the model property a field is filled from says what it holds.
    Written as `${user.email}` (the expression language's form, which the HTML reader takes
    as a binding), padded to the same length; "" for anything else."""
    if (not kind.startswith("output") and kind != "php") or "\n" in chunk:
        return ""
    if not _VALUE_ATTRIBUTE.search(text, max(0, at - 16), at):
        return ""
    head = 3 if chunk.startswith(("{{{", "{!!", "<?=", "$!{")) else 5 if chunk.startswith("<?php") else 2
    tail = 3 if chunk.endswith(("}}}", "!!}")) else 1 if kind in ("output_smarty", "output_dollar") else 2
    if kind == "output_smarty":
        head = 1
    elif kind == "output_velocity":
        head, tail = (2 if chunk.startswith("$!") else 1), 0
    path = _OUTPUT_PATH.fullmatch(chunk[head : len(chunk) - tail])
    if path is None:
        return ""
    bound = "${" + path.group("path").replace("->", ".") + "}"
    return bound.ljust(len(chunk)) if len(bound) <= len(chunk) else ""


def _neutral(kind: str, chunk: str) -> str:
    if kind == "php":
        body = chunk[2:]
        if _MARKUP_IN_CODE.search(body):
            return _markup_from_code(chunk)
        if chunk.startswith("<?=") or _OUTPUT_PHP.match(body[3:] if body.startswith("php") else body):
            return _output(chunk, 5 if chunk[:5].lower() == "<?php" else 3 if chunk.startswith("<?=") else 2, 2)
        return _blank(chunk)
    if kind.startswith("statement"):
        return _blank(chunk)
    if kind == "output_trans":
        return _output(chunk, 2, 2)
    if kind == "output_curly":
        width = 3 if chunk.startswith("{{{") else 2
        return _output(chunk, width, width)
    if kind == "output_blade":
        return _output(chunk, 2 if chunk.startswith("{{") else 3, 2 if chunk.startswith("{{") else 3)
    if kind == "output_erb":
        return _output(chunk, 2, 2)
    if kind == "output_smarty":
        return _output(chunk, 1, 1)
    if kind == "output_dollar":  # ${user.name}, $!{x}
        head = 3 if chunk.startswith("$!{") else 2
        return _output(chunk, head, 1)
    if kind == "output_velocity":  # $user.name, $!msg.get("email")
        return _output(chunk, 2 if chunk.startswith("$!") else 1, 0)
    return _blank(chunk)


def _output(chunk: str, head: int, tail: int) -> str:
    """Keep the words of an output expression; drop delimiters, quotes and angle brackets."""
    inner = chunk[head : len(chunk) - tail] if len(chunk) >= head + tail else ""
    if "'" not in inner and '"' not in inner:
        single = _SINGLE_VARIABLE.fullmatch(inner)
        if single and "_" in single.group(1):  # {{ entry_telephone }}: keep its words
            at = single.start(1)
            words = single.group(1).replace("_", " ")
            return _blank(chunk[: head + at]) + words + _blank(chunk[head + at + len(words) :])
        strings = _LANGUAGE_STRING.fullmatch(inner)
        if strings:  # {$LANG.clientareafirstname}: the key of a language string says what the text is
            parts = strings.group(1).split(".")
            while len(parts) > 1 and parts[-1].lower() in _KEY_ROLES:
                parts.pop()
            at = head + strings.start(1)
            return (
                _blank(chunk[:at])
                + parts[-1].ljust(len(strings.group(1)))
                + _blank(chunk[at + len(strings.group(1)) :])
            )
        return _blank(chunk)  # a variable's path: {{ form.gender }}, <%= @user.name %>
    if _ERROR_OUTPUT.search(inner):
        return _blank(chunk)  # `echo form_error('gender')`: a message shown when a field is wrong, not its label
    inner = _TRANSLATION_KEY.sub(_key_subject, inner)
    if "\n" not in inner:  # the text it outputs, not the code around it: `_('NRIC')`, `'x.email' | t`
        inner = _text_only(inner)
    # An unterminated construct runs to the end of the file: its "delimiters" may hold newlines.
    return _blank(chunk[:head]) + inner.translate(_UNSAFE) + _blank(chunk[head + len(inner) :])


_CODE_WORD = re.compile(r"[A-Za-z_$][\w$]*")
# The helpers that output a field's validation message: form_error('x'), $errors->first('x'), errors.email
_ERROR_OUTPUT = re.compile(r"(?<![\w$])\$?(?:\w+_)?errors?(?:_\w+)?\b(?!\s*['\"])", re.I)
# The calls and filters that output a translated text (and `echo`, `print` around them).
_TEXT_CALLS = frozenset(
    {"_", "__", "t", "tr", "trans", "translate", "gettext", "ugettext", "pgettext", "lang", "i18n", "echo",
     "print", "e", "esc_html", "esc_html__", "esc_html_e", "esc_attr", "esc_attr__", "esc_attr_e", "_e", "_x",
     "_ex", "_n", "esc_html_x", "esc_attr_x", "l", "loc",
     "localize", "msg", "$t", "trans_choice", "text", "raw", "escape", "upper", "lower", "capitalize", "title",
     # the view's own translator: Zend's `$this->translate->_('Nama')`, CodeIgniter's `$this->lang->line('nama')`
     "$this", "this", "translator", "line"}
)  # fmt: skip
_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
_TRANSLATED = re.compile(r"(?P<call>[\w$]+)\s*\(\s*(?:'[^'\n]*'|\"[^\"\n]*\")(?P<rest>\s*,[^()\n]*)\)")
_KEY_LEFT = re.compile(r"\s+[\w-]+(?=\s*$)|^\s*[\w-]+(?=\s*$)")


def _text_only(inner: str) -> str:
    """Of an output expression with text in it, the text only: the string literals and the
    subjects of translation keys, with the function names and filters around them blanked
    (`gettext('Phone')` reads `Phone`, `'customer.first_name' | t` reads `first_name`)."""
    inner = _TRANSLATED.sub(_without_more_arguments, inner)
    keep = [(m.start() + 1, m.end() - 1) for m in _QUOTED.finditer(inner)]
    if not keep or not all(w.lower() in _TEXT_CALLS for w in _CODE_WORD.findall(_QUOTED.sub(" ", inner))):
        return inner  # code with strings in it (a helper's or a macro's arguments): read as it was
    out = [" "] * len(inner)
    for start, end in keep:
        out[start:end] = inner[start:end]
    return "".join(out)


def _without_more_arguments(match: re.Match[str]) -> str:
    """`_e('Name', 'my-plugin')` -> `_e('Name'            )`: a translator call's text is its
    first argument; the rest (WordPress's text domain, a context, replacements) is not."""
    if match.group("call").lower() not in _TEXT_CALLS:
        return match.group()
    return match.group()[: match.start("rest") - match.start()] + _blank(match.group("rest")) + ")"


def _key_subject(match: re.Match[str]) -> str:
    """`'user.password.title'` -> `password`, padded to the same length."""
    parts = match.group().strip("'\"").strip(".").split(".")
    while len(parts) > 1 and parts[-1].lower() in _KEY_ROLES:
        parts.pop()
    return f"'{parts[-1]}'".rjust(len(match.group()))  # still a string: the text of the output


def _markup_from_code(chunk: str) -> str:
    """`<?php echo '<input name="ic">'; ?>`: keep what the string literals say, blank the code."""
    out = list(_blank(chunk))
    for start, end in _php_literals(chunk):
        unescaped = re.sub(r"\\(.)", lambda m: " " + m.group(1), chunk[start:end], flags=re.S)
        out[start:end] = unescaped
    return "".join(out)


_HEREDOC = re.compile(r"<<<[ \t]*(['\"]?)([A-Za-z_]\w*)\1\r?\n")


def _php_comments_blanked(code: str) -> str:
    """PHP code with its `//`, `#` and `/* */` comments blanked, lines and columns kept: a helper
    call commented out (`// echo $this->Form->input('dob')`) renders nothing. Strings are passed
    over, so `'http://...'` stays."""
    if "//" not in code and "#" not in code and "/*" not in code:
        return code
    out = list(code)
    for kind, start, end in _php_spans(code):
        if kind == "comment":
            out[start:end] = _blank(code[start:end])
    return "".join(out)


def _php_literals(code: str) -> Iterator[tuple[int, int]]:
    """The spans of the string literals of PHP code, quoted (a form echoed over many lines is one
    literal) or heredoc; the comments skipped, so an apostrophe in one pairs with nothing."""
    return ((start, end) for kind, start, end in _php_spans(code) if kind == "string")


def _php_spans(code: str) -> Iterator[tuple[str, int, int]]:
    """The string literals (their content) and the comments of PHP code, in order."""
    i, n = 0, len(code)
    while i < n:
        ch = code[i]
        if ch in "'\"":
            end = i + 1
            while end < n and code[end] != ch:
                end += 2 if code[end] == "\\" else 1
            yield "string", i + 1, min(end, n)
            i = end + 1
        elif (ch == "#" and not code.startswith("#[", i)) or code.startswith("//", i):
            # a line comment ends at the line's end or at the close of the PHP tag
            end = min(x for x in (code.find("\n", i), code.find("?>", i), n) if x >= 0)
            yield "comment", i, end
            i = end
        elif code.startswith("/*", i):
            close = code.find("*/", i + 2)
            end = n if close < 0 else close + 2
            yield "comment", i, end
            i = end
        elif (heredoc := _HEREDOC.match(code, i)) is not None:
            closing = re.compile(rf"^[ \t]*{heredoc.group(2)}\b", re.M).search(code, heredoc.end())
            yield "string", heredoc.end(), closing.start() if closing else n
            i = closing.end() if closing else n
        else:
            i += 1


# JSX: a tag starts where an expression can start; `a<b` is a comparison, `(<input` is markup.
_JSX_TAG = re.compile(r"(?:(?<=[(=>?:,{}&|;\n])|(?<=return)|(?<=^))(\s*)<([A-Za-z][\w.:-]*)", re.M)


_JSX_COMMENT = re.compile(r"\{\s*/\*.*?\*/\s*\}", re.S)


_TEMPLATE_TAG = re.compile(r"<template\b[^>]*>(.*?)</template\s*>", re.S | re.I)


def _template_tags_only(text: str) -> str:
    """A module with `<template>` tags (Ember's .gjs/.gts): their content, the code around it
    blanked (lines kept)."""
    kept = []
    at = 0
    for match in _TEMPLATE_TAG.finditer(text):
        kept.append(_blank(text[at : match.start(1)]))
        kept.append(match.group(1))
        at = match.end(1)
    kept.append(_blank(text[at:]))
    return "".join(kept)


# TSX type arguments of a component: `<RadioGroup<string> name="sex">`.
_TYPE_ARGUMENTS = re.compile(r"(?<=<[A-Z])[\w.]*(<[\w.,\s\[\]|'\"]*>)(?=[\s/>])")


def _without_frontmatter(text: str) -> str:
    """An Astro component's frontmatter, the code between its first two `---` lines, blanked
    (lines and columns kept): the page is what follows."""
    opening = re.match(r"\s*---[ \t]*\n", text)
    closing = re.search(r"^---[ \t]*$", text[opening.end() :], re.M) if opening else None
    if opening is None or closing is None:
        return text
    end = opening.end() + closing.end()
    return _blank(text[:end]) + text[end:]


def neutralise_jsx(text: str) -> str:
    """Turn `{expression}` attribute values inside JSX tags into quoted strings; blank the
    type arguments of a component."""
    if "{" not in text:
        return text
    text = _JSX_COMMENT.sub(lambda m: _blank(m.group()), text)
    out = list(text)
    for generic in _TYPE_ARGUMENTS.finditer(text):
        out[generic.start(1) : generic.end(1)] = _blank(generic.group(1))
    text = "".join(out)
    rewritten = -1  # where the last rewritten expression ends: the tags inside it are its text now
    for tag in _JSX_TAG.finditer(text):
        if tag.start() < rewritten:
            continue
        i = tag.end()
        quote = ""
        while i < len(text):
            ch = text[i]
            if quote:
                if ch == quote:
                    quote = ""
            elif ch in "\"'":
                quote = ch
            elif ch == ">":
                break
            elif ch == "{":
                end = closing(text, i, quotes="\"'`", comments=True, jsx=True)
                _rewrite_expression(text, out, i, end)
                rewritten = max(rewritten, end)
                i = end
            i += 1
    return "".join(out)


def _rewrite_expression(text: str, out: list[str], start: int, end: int) -> None:
    inner = text[start + 1 : end]
    if text[end] != "}":  # unterminated: nothing to rewrite
        out[start : end + 1] = list(_blank(text[start : end + 1]))
        return
    body = _blank(inner) if inner.lstrip().startswith("/*") else inner.translate(_UNSAFE)
    before = text[:start].rstrip()
    if inner.startswith("..."):  # {...register("nric")} -> _=".register( nric )"
        out[start : end + 1] = list('_="' + body[2:] + '"')
    elif before.endswith("="):  # value={form.email} -> value="form.email"
        out[start : end + 1] = list('"' + body + '"')
    else:
        out[start : end + 1] = list(_blank(text[start : end + 1]))
