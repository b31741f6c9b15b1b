"""Read the fields of an HTML page or template with lxml, and the evidence around each one.

lxml is used directly (not through BeautifulSoup, which is far slower) with network access
and entity expansion off. The parser sees the neutralised template (see `template.py`), so
line numbers are those of the file as written.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterator
from html import unescape
from itertools import chain, islice
from typing import Any, NamedTuple

import lxml.etree

from datamin.parse.markup.notice import links_to_notice, mentions_notice
from datamin.parse.markup.positions import LINE_LIMIT, LineIndex, StartTags
from datamin.parse.markup.scripts import unwrap_script_markup
from datamin.parse.markup.template import families_for, neutralise
from datamin.records import ANSWER_GIVEN, Control, Form, Parsed, ScanError

# lxml ships no type information: its elements are typed as Any under this name.
Element = Any

# lxml.etree's parser, not lxml.html's: the latter looks up a Python class for every element.
HTML_PARSER = lxml.etree.HTMLParser(
    recover=True,
    no_network=True,
    remove_comments=True,
    remove_pis=True,
    huge_tree=True,
    default_doctype=False,
    encoding="utf-8",
)
_NATIVE = ("input", "select", "textarea")
# The answers a radio or checkbox group carries as its options: enough for any list of countries
# or languages, and a bound on the work a page of one huge group asks for.
MAX_ANSWERS = 500
_SKIP_TEXT = frozenset(
    {"option", "optgroup", "select", "textarea", "script", "style", "template", "datalist", "button", "asp:listitem",
     "f:selectitem", "html:option", "form:option"}
)  # fmt: skip
# Words that make a component tag an input (`x-text-input`, `TextField`, `el-select`) ...
_COMPONENT_INPUT_WORDS = frozenset(
    {
        "input", "select", "textarea", "field", "picker", "datepicker", "checkbox", "radio", "switch",
        "autocomplete", "combobox", "upload", "dropdown", "control", "controller", "textbox", "editor",
        "chooser", "selector", "radiobutton", "radiobuttons", "checkboxes", "toggle", "slider", "rate",
        "cascader", "textfield", "uploader",
    }
)  # fmt: skip
# ... or, in a namespaced or dashed tag only (<form:password>, <x-email>), the kind of input:
# a <NewPassword> page component in JSX is not a field.
_COMPONENT_TYPE_WORDS = frozenset({"password", "email", "phone", "tel", "hidden", "number", "date"})
# ... unless they say it is something around an input (a wrapper, a group). Such a component is
# still a field when it carries a field's name and what a field shows (a label, a placeholder,
# an input type) and wraps no input: <TextInputWithLabelFormGroup name="givenName" label="...">.
_COMPONENT_NOT_INPUT_WORDS = frozenset(
    {
        "label", "error", "errors", "group", "wrapper", "help", "hint", "message", "feedback", "list",
        "option", "options", "description", "container", "button", "icon", "addon", "prepend", "append",
        "validation", "tooltip", "legend", "section", "row", "col", "item", "cta", "submit", "slot", "layout",
        "template", "component", "card", "modal", "tab", "panel", "page", "menu", "link", "nav", "table",
        "column", "avatar", "image", "img", "svg", "flag", "badge", "spinner", "loader", "logo",
        "dialog", "drawer", "collapse", "pagination", "tabs", "steps", "carousel", "popover", "popup", "alert",
        "notification", "toast", "chart", "map", "player", "viewer", "preview",
    }
)  # fmt: skip
# Words after an input's name that only say which variant it is (`TextInputTemplate1`).
_VARIANT_WORDS = frozenset({"template", "component", "base", "custom", "new", "old", "v"})
# A component whose tag ends in one of these is never a field, whatever it carries: an error
# slot (<ErrorMessage name="dob">, <x-input-error control-name="ic">), a label, a column of a table.
_COMPONENT_NEVER_FIELD_WORDS = _COMPONENT_NOT_INPUT_WORDS - {
    "group", "wrapper", "container", "section", "row", "item", "component", "layout", "control",
    "avatar", "image", "img",  # <iep-avatar v-model="form.image">: an uploader, when it binds a model
}  # fmt: skip
# What a field carries: the name it is submitted under (`property` in Ember, `field` and `source`
# in admin frameworks) ...
_FIELD_NAME_ATTRIBUTES = frozenset(
    {"name", ":name", "@name", "v-bind:name", "[name]", "property", "@property", "field", "@field", "fieldname",
     "field-name", "source", "path", "@valuepath", "valuepath", "inputname", "input-name"}
)  # fmt: skip
# ... and what a person sees of it.
_FIELD_FACE_ATTRIBUTES = frozenset(
    {"label", ":label", "@label", "v-bind:label", "[label]", "floatinglabel", "placeholder", ":placeholder",
     "@placeholder", "helpertext", "autocomplete", "legend", "labeltext", "label-text", "fieldlabel", "field-label",
     "inputtype", "input-type"}
)  # fmt: skip
# What makes an input component a field rather than a mention of one.
_INPUT_COMPONENT_ATTRIBUTES = frozenset(
    {"name", ":name", "@name", "path", "property", "field", "id", "label", ":label", "placeholder", "type", "_",
     "autocomplete", "@valuepath", "valuepath", "@label", "@placeholder"}
)  # fmt: skip
# A controlled input of React and its likes: the value it shows and the handler that changes it.
_CONTROLLED_VALUES = frozenset({"value", "selected", "selectedoption", "checked", "date", "selecteddate"})
_CHANGE_HANDLERS = frozenset({"onchange", "onvaluechange", "onchangetext", "onselect", "ondatechange"})
_INPUT_TYPES = frozenset(
    {"text", "email", "tel", "password", "number", "date", "datetime-local", "month", "week", "time", "url",
     "search", "checkbox", "radio", "file", "select", "textarea", "hidden", "color", "range"}
)  # fmt: skip
# The fields of a page, less hidden inputs whose value is written literally (value="42"): the
# page wrote them, nobody types them. A template's output leaves blanks around the value; an
# expression the page fills in (`${member.m_birth}`, JSP and Thymeleaf) stays as written.
_NOT_CONSTANT = (
    "not(translate(@type, 'HIDEN', 'hiden') = 'hidden' and @name and @value != '' and @value = normalize-space(@value)"
    " and not(contains(@value, '${') or contains(@value, '#{') or contains(@value, '*{')))"
)
# ... and those that carry the choice of a dropdown a script draws in the block after them.
_DROPDOWN_VALUE = (
    "translate(@type, 'HIDEN', 'hiden') = 'hidden' and following-sibling::*[1]"
    "[(.//ul/li or .//*[@role='listbox' or @role='option']) and not(.//input)]"
)
_FIELDS = lxml.etree.XPath(f"//input[{_NOT_CONSTANT} or {_DROPDOWN_VALUE}] | //select | //textarea")
# ... unless it repeats the name of a field a person fills in: the answer already given, written
# in another branch of the template (`<c:otherwise>男<input type=hidden name="m_sex" value="1">`;
# see `_answers_given`).
_FIELD_TEST = lxml.etree.XPath(f"self::input[{_NOT_CONSTANT} or {_DROPDOWN_VALUE}] or self::select or self::textarea")
_CUSTOM_TAG = re.compile(r"<(\w+[-.:][\w.:-]*)")  # <x-text-input>, <el-select>, <form:input>, <Form.Control>
_PASCAL_TAG = re.compile(r"<([A-Z][\w.]*)[\s/>]")
_LOWER_TAG = re.compile(r"<([a-z][a-z0-9]*)[\s/>]")
_MINI_PROGRAM_SUFFIXES = (".wxml", ".qml", ".axml", ".swan", ".ttml")
# The elements of the mini-program platforms (WeChat, QQ, Alipay, Baidu, ByteDance) and the HTML
# ones their pages borrow: any other tag is a component of the program's own.
_MINI_PROGRAM_ELEMENTS = frozenset(
    {"view", "text", "image", "input", "textarea", "picker", "button", "form", "label", "checkbox", "radio",
     "switch", "slider", "navigator", "icon", "block", "template", "import", "include", "wxs", "qs", "sjs",
     "filter", "swiper", "progress", "editor", "video", "audio", "camera", "map", "canvas", "official",
     "ad", "web", "page", "root", "cover", "match", "span", "div", "p", "a", "b", "i", "br", "img", "ul", "li",
     "ol", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "small", "select",
     "option", "slot", "html", "body", "head", "script", "style", "link", "meta", "title"}
)  # fmt: skip
_PASCAL_SUFFIXES = (
    ".jsx",
    ".tsx",
    ".js",
    ".vue",
    ".svelte",
    ".hbs",
    ".handlebars",
    ".blade.php",
    ".razor",
    ".cshtml",
    ".gjs",
    ".gts",
)
_CHOICE_TAGS = frozenset({"radio", "checkbox", "radiobutton", "el-radio", "el-checkbox"})
_BINDING_ATTRIBUTES = (
    "v-model", "v-model.trim", "v-model.lazy", "v-model.number", "x-model", "x-model.lazy",
    "wire:model", "wire:model.defer", "wire:model.live", "wire:model.lazy", "wire:model.blur",
    "ng-model", "data-ng-model", "[(ngmodel)]", "[ngmodel]", "formcontrolname", "[formcontrol]",
    "formcontrol", "bind:value", "bind:group", "bind:checked", "asp-for", "th:field", "data-bind",
    "v-bind:value", ":model-value", "v-model:value", "source", "@bind-value", "@bind",
)  # fmt: skip
# Attributes that never bind a field to a model (most of what a field has): passed over at once.
_PLAIN_ATTRIBUTES = frozenset(
    {"id", "name", "type", "class", "placeholder", "autocomplete", "required", "maxlength", "minlength", "pattern",
     "style", "checked", "disabled", "size", "min", "max", "step", "title", "aria-label", "readonly", "inputmode",
     "multiple", "rows", "cols", "for", "aria-describedby", "aria-required", "aria-invalid", "tabindex",
     "autofocus", "spellcheck", "autocapitalize", "selected", "form", "dir", "lang", "role"}
)  # fmt: skip
_MODEL_PREFIXES = ("v-model", "wire:model", "x-model")
# {...register("nric")}, {...inputProps("name")}, {...formik.getFieldProps("email")}, {...form.getInputProps("dob")}
_REGISTER = re.compile(r"\b(?:register|\w*(?:Props|Field))\(\s*(\w[\w.\[\]-]*)")
_SETTER = re.compile(r"\bset([A-Z]\w*)\s*\(")
_LABEL_ATTRIBUTES = (
    "label", ":label", "@label", "v-bind:label", "[label]", "floatinglabel", "helpertext", "legend", "labeltext",
    "label-text", "fieldlabel", "field-label", "labelname",
    "tit",  # a mini-program component's title prop, as Chinese code abbreviates it: <informationview tit="姓名">
)  # fmt: skip
_LABELLING_ATTRIBUTES = frozenset({*_LABEL_ATTRIBUTES, "aria-label", "aria-labelledby", "placeholder", "title"})
# A component's label passed in an object of options: `options={{ label: "Aadhaar no" }}`,
# `:config="{ placeholder: 'Date of birth' }"` (JSX strings arrive blanked, Vue's quoted).
_OBJECT_LABEL = re.compile(
    r"[{,]\s*(label|placeholder|title|helpertext|helperText)\s*:\s*['\"\s]*([^,'\"{}:]*?)['\"\s]*(?=[,}])"
)
_NAMING = frozenset({"label", "aria-label", "labelledby"})  # what names a field, unlike a placeholder
_NAME_ATTRIBUTES = (
    "name", ":name", "::name", "v-bind:name", "[name]", "[attr.name]", "@name", "path", "property", "@property",
    "field", "@field", "fieldname", "field-name", "@valuepath", "valuepath",
    "groupname",  # <asp:RadioButton GroupName="Gender">: ASP.NET submits the button under its group's name
    "inputname", "input-name",  # <InputComponent inputName="phone number">: a project's own input's prop
)  # fmt: skip
_EXPRESSION_NAMES = frozenset({":name", "::name", "v-bind:name", "[name]", "[attr.name]"})
_STRING_LITERAL = re.compile(r"'([^']*)'|\"([^\"]*)\"|`([^`]*)`")
# The input type a component renders, from the last word of its tag: <form:radiobutton>.
# Server-side controls name their input in one run-together word (<asp:TextBox>, <asp:DropDownList>,
# JSF <h:inputText>, <p:selectOneMenu>, Struts <html:text property=...>): the whole last part of
# the tag, lower-cased, and the input it renders.
_CONTROL_TAGS = {
    "textbox": "text", "checkbox": "checkbox", "checkboxlist": "checkbox", "radiobutton": "radio",
    "radiobuttonlist": "radio", "dropdownlist": "select", "listbox": "select", "fileupload": "file",
    "htmlinputtext": "text", "inputtext": "text", "inputtextarea": "textarea", "inputsecret": "password",
    "inputmask": "text", "inputnumber": "number", "inputhidden": "hidden", "inputdate": "date", "calendar": "date",
    "selectonemenu": "select", "selectonelistbox": "select", "selectoneradio": "radio", "selectmanymenu": "select",
    "selectmanycheckbox": "checkbox", "selectmanylistbox": "select", "selectbooleancheckbox": "checkbox",
    "autocomplete": "text", "password": "password", "text": "text", "textarea": "textarea", "select": "select",
    "hidden": "hidden", "multibox": "checkbox", "file": "file", "radio": "radio", "datepicker": "date",
    # Grails: <g:textField>, <g:passwordField>, <g:field type="email">, <g:countrySelect>
    "textfield": "text", "passwordfield": "password", "hiddenfield": "hidden", "field": "text",
    "radiogroup": "radio", "countryselect": "select",
    # Visualforce: <apex:inputField value="{!Contact.Email}">, <apex:selectList>, <apex:inputCheckbox>
    "inputfield": "text", "inputcheckbox": "checkbox", "inputfile": "file", "selectlist": "select",
    "selectradio": "radio", "selectcheckboxes": "checkbox",
}  # fmt: skip
# An ASP.NET TextBox says what it holds in TextMode.
_TEXT_MODES = {"password": "password", "email": "email", "phone": "tel", "date": "date", "number": "number",
               "multiline": "textarea", "url": "url", "datetimelocal": "datetime-local"}  # fmt: skip
# Options of server-side lists: <asp:ListItem>, <f:selectItem itemLabel=...>, <html:option>.
_OPTION_TAGS = frozenset({"asp:listitem", "f:selectitem", "html:option", "form:option", "option"})
_SERVER_OPTION_TAGS = tuple(_OPTION_TAGS - {"option"})
_ITEM_LISTS = frozenset({"asp:radiobuttonlist", "asp:checkboxlist"})  # one button per list item
_EXPRESSION_BINDING = re.compile(
    r"^\s*(?:[#$]\{|\{!)\s*([\w.\[\]'\"]+)\s*\}\s*$"
)  # #{bean.email}, ${user.dob}, {!Contact.Email}
_COMPONENT_TYPES = {
    "checkbox": "checkbox", "checkboxes": "checkbox", "switch": "checkbox", "toggle": "checkbox",
    "radio": "radio", "radiobutton": "radio", "radiobuttons": "radio", "hidden": "hidden",
    "password": "password", "email": "email", "upload": "file", "uploader": "file", "number": "number",
}  # fmt: skip
# What only an upload component is given: where it sends the file and what runs when it has.
_UPLOAD_ATTRIBUTES = frozenset(
    {"action", ":action", "v-bind:action", "on-success", ":on-success", "@success", "before-upload",
     ":before-upload", "http-request", ":http-request", "customrequest", "after-read", ":after-read"}
)  # fmt: skip
_GROUP_ROLES = frozenset({"radiogroup", "group", "listbox", "combobox"})
_VALUE_ATTRIBUTES = frozenset({"value", "[value]", ":value", "v-bind:value"})


_CONTROL_MARKUP = re.compile(r"\s*<?\s*([A-Za-z][\w.]*)")  # JSX in an attribute arrives with its brackets blanked


def _choice_control(value: str | None) -> str:
    """ "radio" or "checkbox" for a component's `control` that renders one (`<Radio />`,
    `<Checkbox />`, `<Switch />`, quoted as JSX attributes arrive); "" for anything else."""
    found = _CONTROL_MARKUP.match(value or "")
    if found is None:
        return ""
    last = _words(found.group(1).rsplit(".", 1)[-1])[-1:]
    return _COMPONENT_TYPES.get(last[0], "") if last and last[0] in ("radio", "checkbox", "switch") else ""


def _choice_tag(tag: str) -> bool:
    """<Radio>, <el-checkbox>, <mat-radio-button>: one answer of a group."""
    words = re.split(r"[.:-]", tag)
    if len(words) > 1 and words[-1] == "button":
        words = words[:-1]
    return words[-1] in _CHOICE_TAGS


def parse(path: str, text: str, *, notices: bool = False) -> Parsed:
    """The fields of one page or template. `notices`: also look for a notice at the point of
    collection beside each form (a check needs it, an inventory does not)."""
    families = families_for(path, text)
    lower = path.lower()
    if lower.endswith((".haml", ".slim", ".pug", ".jade")):  # read as the markup they render
        from datamin.parse.markup import haml

        if lower.endswith(".haml"):
            text = haml.to_markup(text)
        elif lower.endswith(".slim"):
            text = haml.slim_to_markup(text)
        else:
            text = haml.pug_to_markup(text)
    elif lower.endswith(".vue") and _PUG_TEMPLATE.search(text):
        from datamin.parse.markup import haml  # a component whose template is written in Pug

        text = _PUG_TEMPLATE.sub(lambda m: m.group("open") + haml.pug_to_markup(m.group("body")), text)
    neutral = neutralise(text, families)
    errors: list[ScanError] = []
    controls: list[Control] = []
    place: Placer | None = None
    lines = LineIndex(neutral.markup)
    forms = _FormIndex(lines)
    helpers = bool(neutral.constructs) or "razor" in families
    if helpers:
        from datamin.parse.markup import frameworks  # only templates with template syntax have helpers

        for start, end, form in frameworks.form_spans(neutral, lines.line_of, notices):
            forms.add(start, end, form)
    markup = unwrap_script_markup(_unwrap_script_templates(neutral.markup))
    if markup.strip():
        doc = _parse_markup(markup)
        if doc is not None and _too_deep():
            # libxml2 gives up below 2048 levels and drops the rest of the page. Read it again
            # without its layout tags: the fields and their <label>s survive, lines stay put.
            markup = _LAYOUT_TAG.sub(lambda m: _blank(m.group()), markup)
            doc = _parse_markup(markup)
            errors.append(
                ScanError(path, None, "markup nested more than 2048 levels deep; read without its layout tags")
            )
        if doc is None:
            errors.append(ScanError(path, None, "could not be parsed as HTML"))
        else:
            reader = _Reader(
                path, doc, markup, lines, forms, "jsx" in families, path.lower().endswith(_PASCAL_SUFFIXES), notices
            )
            if neutral.constructs and "<form" in markup:
                reader.actions_written = _actions_as_written(doc, markup, neutral.code)
            found = _answers_in_columns(list(reader.controls()))
            if "jsx" in families and "render=" in neutral.code:
                from datamin.parse.markup.renderprops import in_render_props

                found = in_render_props(found, neutral.code, lines)
            controls.extend(found)
            place = _Sections(doc, "jsx" in families).place
    if helpers:
        rendered = list(frameworks.read(path, neutral, families, lines.line_of, forms))
        controls.extend(_with_text_before(rendered, markup, lines, neutral.constructs))
    controls.sort(key=lambda c: (c.line, c.column))
    formless = any(c.form is None for c in controls)
    notice = notices and formless and (_linked_notice(markup) or mentions_notice(_visible_words(markup)))
    return Parsed(controls, errors, notice, place)


Placer = Callable[[list[Control]], list[Control]]
# A Vue component's `<template lang="pug">`: Pug has no closing tags, so the block ends at the
# first `</template>`.
_PUG_TEMPLATE = re.compile(
    r"(?P<open><template\b[^>]*\blang\s*=\s*[\"']?(?:pug|jade)\b[^>]*>)(?P<body>.*?)(?=</template\s*>)", re.I | re.S
)


class _Sections:
    """The headings of a page, found only when a field needs them: most fields say what they
    are, and the headings of a page cost as much to find as its fields."""

    def __init__(self, doc: Element, jsx: bool = False) -> None:
        self.doc = doc
        self.jsx = jsx  # headings written in JSX: their code is not what they say
        self.found: tuple[list[_Heading], str, int] | None = None  # headings, title, up to which line

    def place(self, controls: list[Control]) -> list[Control]:
        until = max((c.line for c in controls), default=0)  # the headings after the last field head none
        if self.found is None or self.found[2] < until:
            self.found = (_headings(self.doc, until, jsx=self.jsx), _title(self.doc), until)
        headings, title, _ = self.found
        return _placed(controls, headings, title) if headings or title else controls


_LAYOUT_TAG = re.compile(
    r"</?(?:div|span|section|article|aside|main|header|footer|nav|ul|ol|li|p|table|tbody|thead|tfoot|tr|td|th"
    r"|b|i|u|em|strong|font|center|blockquote|dl|dt|dd|small|big|sup|sub|a|figure|details|summary)\b[^>]*>",
    re.I,
)
_NOT_NEWLINE = re.compile(r"[^\n]")


def _blank(text: str) -> str:
    return _NOT_NEWLINE.sub(" ", text)


# <script type="text/x-template"> and the like hold markup that a script renders later (Vue
# inline templates, Handlebars, Knockout): read their content as markup.
_SCRIPT_TEMPLATE = re.compile(
    r"<script\b[^>]*\btype\s*=\s*[\"']?text/(?:x-template|template|x-handlebars-template|x-handlebars|html|ng-template"
    r"|x-jsrender|x-tmpl|x-kendo-template|x-underscore-template|x-jquery-tmpl)\b[^>]*>(?P<body>.*?)</script\s*>",
    re.I | re.S,
)


def _unwrap_script_templates(markup: str) -> str:
    if "text/" not in markup:
        return markup
    return _SCRIPT_TEMPLATE.sub(
        lambda m: (
            _blank(markup[m.start() : m.start("body")]) + m.group("body") + _blank(markup[m.end("body") : m.end()])
        ),
        markup,
    )


_HREF = re.compile(r"""href\s*=\s*["']?([^"'\s>]+)""", re.I)
_TAGS = re.compile(r"<[^>]*>")


def _visible_words(markup: str) -> str:
    return _TAGS.sub(" ", markup)


def _linked_notice(markup: str) -> bool:
    return any(links_to_notice(href) for href in _HREF.findall(markup))


def _parse_markup(markup: str) -> Element | None:
    try:
        return lxml.etree.fromstring(markup.encode("utf-8"), parser=HTML_PARSER)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return None


def _too_deep() -> bool:
    fatal = HTML_PARSER.error_log.filter_from_level(lxml.etree.ErrorLevels.FATAL)
    return any("Excessive depth" in entry.message for entry in fatal)


class _FormIndex:
    """Where each form starts and ends, for fields that helpers render outside any <form> tag."""

    def __init__(self, lines: LineIndex) -> None:
        self.lines = lines
        self.spans: list[tuple[int, int, Form]] = []
        self.starts: list[int] = []  # where each span starts, in order
        self.pending: list[Callable[[], None]] = []  # forms to measure when first asked

    def add(self, start: int, end: int, form: Form) -> None:
        self.spans.append((start, end, form))

    def at(self, line: int) -> Form | None:
        """The innermost form around a line. Forms do not nest, but a template's form tag and
        the <form> it writes overlap: the few spans that start last before the line are enough."""
        while self.pending:
            self.pending.pop()()
        if len(self.starts) != len(self.spans):
            self.spans.sort(key=lambda span: span[0])
            self.starts = [start for start, _, _ in self.spans]
        last = bisect.bisect_right(self.starts, line)
        inside = [(end - start, form) for start, end, form in self.spans[max(0, last - 8) : last] if line <= end]
        return min(inside, key=lambda pair: pair[0])[1] if inside else None


class _Reader:
    def __init__(
        self,
        path: str,
        doc: Element,
        markup: str,
        lines: LineIndex,
        forms: _FormIndex,
        jsx: bool,
        pascal: bool,
        notices: bool,
    ) -> None:
        self.pascal = pascal
        self.notices = notices
        self.path = path
        self.doc = doc
        self.markup = markup
        self.lines = lines
        self.forms = forms
        self.jsx = jsx
        self.label_for: dict[str, list[str]] = {}
        self.form_of: dict[Element, Form] = {}
        self.starts = StartTags(markup, lines, _NATIVE)
        self.custom_options: bool | None = None
        self.named_components: set[str] = set()
        self.carrying_components: set[str] = set()
        self.ids: dict[str, Element] | None = None
        self.headers: dict[Element, _Headers] = {}  # by table, and by row of fields
        self.first_choice: dict[str, Element] = {}  # the first radio or checkbox of each group
        self.choice_texts: dict[str, set[str]] = {}  # the answers' own texts, by group
        self.in_a_run: set[str] = set()  # checkboxes that take the question of one before them
        self.questions: dict[str, str] = {}
        self.group_answers: dict[Element, tuple[str, ...]] = {}  # by group component: its members' answers
        self.nameless: dict[Element, str] = {}  # radio buttons and checkboxes of no name: their group
        self.blocks: dict[Element, str] = {}  # the group of the nameless ones in each block
        self.columns_of: dict[Element, str] = {}  # a field in a table's rows: the table's column headers
        self.last_headers = ""
        self.decorated = jsx and "getFieldDecorator" in markup
        self.decorated_tags: set[tuple[str, int]] | None = None  # (tag, line of its `<`) a decorator wraps
        self.pascal_tags: set[str] = set()  # the page's PascalCase components (JSX), as lxml spells them
        self.control_labels: set[str] = set()  # label components that may render their own control
        self.block_labels: dict[Element, str] = {}  # fields named by a label for no id (see _orphan_labels)
        self.given: set[Element] = set()  # constant hidden inputs that repeat a field's name (_answers_given)
        self.actions_written: dict[Element, str] = {}  # a form's action as its template writes it

    def controls(self) -> Iterator[Control]:
        """The fields of the page."""
        components, label_components = self._component_tags()
        label_of: dict[str, Element] = {}
        for label in self.doc.iter("label", *label_components):
            target = label.get("for") or label.get("htmlfor") or label.get("associatedcontrolid")  # JSX, <asp:Label>
            if target:
                text = _text(label) or _first(label, (":value", "value", "label", ":label", "text")) or ""
                self.label_for.setdefault(target, []).append(text.strip())
                label_of.setdefault(target, label)
        self.forms.pending.append(self._register_all_forms)
        elements = _FIELDS(self.doc)
        if components:
            custom = set(self.doc.iter(*components))
            elements = [e for e in self.doc.iter(*_NATIVE, *components) if e in custom or _FIELD_TEST(e)]
        elements = self._answers_given(elements, components)
        editable = self._editable() if "editable-" in self.markup else set()
        if editable:  # in document order with the rest
            found = editable.union(elements)
            elements = [e for e in self.doc.iter() if e in found]
        ids = Counter(e.get("id") for e in elements if e.get("id"))
        # With an id used twice, `<label for>` is ambiguous: trust the text beside each field.
        for duplicate in [i for i, count in ids.items() if count > 1]:
            self.label_for.pop(duplicate, None)
        self._orphan_labels(label_of, elements, set(ids))
        groups = self._choice_groups(elements)
        for element in elements:
            tag = element.tag if isinstance(element.tag, str) else ""
            if tag not in _NATIVE and element not in editable and not self._is_component_field(element, components):
                continue
            control = self._control(element, tag, groups)
            if element in editable:
                control = _as_editable(control, element)
            if control.type in ("radio", "checkbox") and tag in _ITEM_LISTS:
                yield from self._list_items(element, control)
            else:
                yield control

    def _editable(self) -> set[Element]:
        """angular-xeditable: `<span editable-text="person.full_name" e-name="full_name">` shows a
        value and turns into an input when clicked: a field, named by its `e-name`."""
        return {
            e
            for e in self.doc.iter()
            if isinstance(e.tag, str)
            and any(_is_editable(k) or (k.lower().startswith(_EDITABLE) and e.get("e-name")) for k in e.attrib)
        }

    def _list_items(self, element: Element, control: Control) -> Iterator[Control]:
        """`<asp:RadioButtonList>` renders one radio button per `<asp:ListItem>`: each is a field
        at its item's line, of the list's name, with the list's answers as its options."""
        items = list(element.iter("asp:listitem"))
        if not items:
            yield control
            return
        for item in items:
            line, column = self.starts.position(item)
            text = _text(item) or item.get("text") or item.get("value") or ""
            labels = (*control.labels, ("label", text)) if text else control.labels
            yield control._replace(line=line, column=column, labels=labels)

    def _orphan_labels(self, label_of: dict[str, Element], elements: list[Element], field_ids: set[str]) -> None:
        """`<label for="dob">Date of birth</label>` where nothing has the id `dob`: the label
        names the few fields that follow it in its block (a day, a month and a year)."""
        orphans = [t for t in label_of if t not in field_ids and t not in self._by_id()]
        if not orphans:
            return
        fields = set(elements)
        for target in orphans:
            label = label_of[target]
            block = label.getparent()
            text = " ".join(t for t in self.label_for.get(target, ()) if t)
            if block is None or not text or len(self.label_for.get(target, ())) > 1:
                continue  # `for="#"` on every label of a page names no field: their text beside each does
            after = _fields_up_to_a_label(label, fields)
            named = [e for e in after if e.get("name") == target]
            after = named or after
            if 0 < len(after) <= 4:
                for element in after:
                    self.block_labels.setdefault(element, text)

    # -- discovery -------------------------------------------------------------------------

    def _component_tags(self) -> tuple[set[str], set[str]]:
        """Custom elements that render one input (<x-text-input>, <el-select>, <TextField>,
        <x-shop::form.control-group.control>, any <x-country name="..."> of its own, and any
        component that carries a field's name and label), and those that render a label
        (<x-input-label for="email" :value="__('Email')">). The last part of a namespaced tag
        decides: `control-group.control` is a control."""
        inputs, labels = set(), set()
        if "<picker" in self.markup:
            inputs.add("picker")  # a mini-program's choice of a value, a date, a region
        custom = set(_CUSTOM_TAG.findall(self.markup))
        if self.path.lower().endswith(_MINI_PROGRAM_SUFFIXES):
            # a mini-program's own components need no hyphen: <informationview name="phone" placeholder="...">
            custom |= {tag for tag in _LOWER_TAG.findall(self.markup) if tag not in _MINI_PROGRAM_ELEMENTS}
        pascal = set(_PASCAL_TAG.findall(self.markup)) - custom if self.pascal else set()
        self.pascal_tags = {name.lower() for name in pascal}
        for name in custom | pascal:
            last = re.split(r"::|[.:]", name)[-1]
            words = _words(last)
            while len(words) > 1 and words[-1] in _VARIANT_WORDS and words[-2] in _COMPONENT_INPUT_WORDS:
                words = words[:-1]  # <PsTextInputTemplate1>: a variant of a text input
            if not words:
                continue
            if len(words) > 1 and words[-1] == "button" and words[-2] in ("radio", "checkbox"):
                words = words[:-1]  # <el-radio-button>, <mat-radio-button>: a radio button, no button
            if ":" in name and last.lower().replace("-", "") in _CONTROL_TAGS:
                inputs.add(name.lower())  # <asp:TextBox>, <h:inputText>, <html:text>
                continue
            if words == ["control"] and re.split(r"::|[.:]", name)[-2:-1] == ["Form"]:
                inputs.add(name.lower())  # React-Bootstrap's <Form.Control>: a form control is an input
                continue
            if words[-1] in _COMPONENT_NEVER_FIELD_WORDS:
                if words[-1] == "label":
                    labels.add(name.lower())
                    if "control=" in self.markup:
                        self.control_labels.add(name.lower())
                continue
            accepted = _COMPONENT_INPUT_WORDS if name in pascal else _COMPONENT_INPUT_WORDS | _COMPONENT_TYPE_WORDS
            last = words[-1] if words[-1] in accepted else "".join(words[-2:])  # ComboBox, TextBox
            if last in accepted and not _COMPONENT_NOT_INPUT_WORDS & set(words):
                inputs.add(name.lower())
            elif name in custom and not _COMPONENT_NOT_INPUT_WORDS & set(words):
                self.named_components.add(name.lower())  # a field if it has a name of its own
            else:
                self.carrying_components.add(name.lower())  # a field if it carries a name and a label
        return inputs | self.named_components | self.carrying_components | self.control_labels, labels

    def _is_component_field(self, element: Element, components: set[str]) -> bool:
        if element.tag in self.control_labels:
            # MUI's <FormControlLabel value="female" control={<Radio />} label="Female" />: one answer
            return bool(_choice_control(element.get("control")))
        # A component wrapping a native input or another input component is a wrapper.
        inner = components - self.named_components - self.carrying_components
        wrapped = next(element.iterdescendants(*_NATIVE, *inner), None)
        if wrapped is not None and not self._a_field_with_its_own_slot(element, wrapped):
            return False
        if element.tag == "picker":
            return True  # a mini-program's own control
        if element.tag in ("radio-group", "checkbox-group") and (element.get("name") or "").strip():
            return True  # a mini-program's (WeChat, uni-app) choices: the group holds the name submitted
        attributes = {k.lower() for k in element.attrib}
        own_name = element.tag in self.carrying_components or element.tag in self.named_components
        if own_name and _binds_a_model(attributes):
            return True  # <select-gender v-model="form.gender">: two-way binding is what an input does
        if element.tag in self.carrying_components:
            return _carries_a_field(element, attributes)
        if element.tag in self.named_components:
            return bool(attributes & {"name", ":name", "::name", "@name"}) or _carries_a_field(element, attributes)
        if bool(attributes & _INPUT_COMPONENT_ATTRIBUTES) or any(a in attributes for a in _BINDING_ATTRIBUTES):
            return True
        if _server_control(element.tag) and _EXPRESSION_BINDING.match(element.get("value") or ""):
            return True  # <apex:inputField value="{!Contact.Email}">, <h:inputText value="#{bean.phone}">
        if "v-decorator" in attributes:
            return True  # Ant Design Vue 1: <a-input v-decorator="['email', { rules }]">, its field's name first
        if attributes & _UPLOAD_ATTRIBUTES and _words(element.tag)[-1:] in (["upload"], ["uploader"]):
            return True  # <el-upload :action="..." :on-success="...">: a file field, named by its form item
        if attributes & _CONTROLLED_VALUES and any(map(_handles_a_change, attributes)):
            return True  # <DatePicker value={birthDate} onChange={...}>: a controlled input, React's binding
        if attributes & _VALUE_ATTRIBUTES and _choice_tag(element.tag):
            return True  # <Radio value="男">男</Radio>, <mat-radio-button [value]="g"> in a group: one answer
        return self.decorated and self._wrapped_by_a_decorator(element)

    def _a_field_with_its_own_slot(self, element: Element, wrapped: Element) -> bool:
        """<text-field v-model="state.birthDate" label="..."><template>(radios)</template>: a
        component bound to a model of its own is a field whatever its slot holds (Vue 2's
        `slot="addonBefore"` too: a phone number's input with its prefix's select)."""
        attributes = {k.lower() for k in element.attrib}
        if not _binds_a_model(attributes) and "v-decorator" not in attributes:
            return False
        for inside in (wrapped, *wrapped.iterancestors()):
            if inside is element:
                break
            if inside.get("slot"):
                return True
        slot = next(wrapped.iterancestors("template"), None)
        return slot is not None and element in slot.iterancestors()

    def _wrapped_by_a_decorator(self, element: Element) -> bool:
        """An input component that `getFieldDecorator("x")(...)` wraps: a field named there."""
        if self.decorated_tags is None:
            self.decorated_tags = set()
            for call in _DECORATED_TAG.finditer(self.markup):
                self.decorated_tags.add((call.group("tag").lower(), self.lines.line_of(call.start("tag"))))
        end = element.sourceline or 0  # where its start tag ends: it starts on that line or a few before
        for line in range(end, end - 8, -1):
            if (element.tag, line) in self.decorated_tags:
                self.decorated_tags.discard((element.tag, line))  # one decorator wraps one input
                return True
        return False

    def _register_all_forms(self) -> None:
        """Where each form ends, for helper-rendered fields, which find their form by line."""
        for form in self.doc.iter("form"):
            record = self._form_record(form)
            end = max((e.sourceline or record.line for e in form.iterdescendants()), default=record.line)
            if end >= LINE_LIMIT:
                end = self.lines.total
            else:  # a helper after the last element still belongs to the form, up to its </form>
                start, _ = self.lines.span_of_lines(end, end)
                close = _FORM_CLOSE.search(self.markup, start)
                if close is not None and close.group().lower() == "</form":
                    end = self.lines.line_of(close.start())
            self.forms.add(record.line, end, record)

    def _form_record(self, form: Element) -> Form:
        record = self.form_of.get(form)
        if record is None:
            # The line where the start tag ends is near enough for a form: it is matched by lines,
            # and reports name the field, not the form.
            start = form.sourceline or 1
            method = form.get("method")
            record = Form(
                start,
                _form_ident(form, self.actions_written.get(form)),
                form.get("action"),
                method.strip().lower() if method is not None else None,
                self.notices and _has_notice(form),
            )
            self.form_of[form] = record
        return record

    def _choice_groups(self, elements: list[Element]) -> dict[str, tuple[str, ...]]:
        """The answers of each radio or checkbox group: what a person chooses between. One
        tuple per group, which its members share, of at most MAX_ANSWERS: a page of a hundred
        thousand radio buttons of one name must stay linear."""
        groups: dict[str, list[str]] = {}
        for element in elements:
            if element.tag == "input" and (element.get("type") or "").lower() in ("radio", "checkbox"):
                name = element.get("name") or self._nameless_group(element)
                if name:
                    answers = groups.get(name)
                    if answers is None:
                        answers = groups[name] = []
                        self.first_choice[name] = element
                    text = self._choice_text(element)
                    if len(answers) < MAX_ANSWERS:
                        answers.extend(a for a in (element.get("value"), text) if a)
                    self.choice_texts.setdefault(name, set()).add(text)
        members = Counter(self.nameless.values())
        for element, name in list(self.nameless.items()):
            if members[name] < 2:  # a lone button of no name is no group
                del self.nameless[element]
                groups.pop(name, None)
        return {name: tuple(answers) for name, answers in groups.items()}

    def _nameless_group(self, element: Element) -> str:
        """Radio buttons or checkboxes of no name side by side in one block (a static page's `<p>
        Industry: ( ) IT ( ) Education</p>`) are one group, as a person reads them."""
        block = next((a for a in islice(element.iterancestors(), 3) if a.tag not in ("label", "span")), None)
        if block is None:
            return ""
        key = self.nameless[element] = self.blocks.setdefault(block, f"\0{len(self.blocks)}")
        return key

    def _group_of(self, element: Element) -> str:
        return element.get("name") or self.nameless.get(element, "")

    def _question(self, name: str) -> str:
        """The question a group of radio buttons or checkboxes answers, when no legend or label
        says it: the text before its first member (`<p>Do you smoke?</p> ( ) Yes ( ) No`),
        passing over that member's own answer. Found once per group."""
        question = self.questions.get(name)
        if question is not None:
            return question
        run = [name]  # checkboxes of their own names one after another: the question before the first
        question, before = _text_before(self.first_choice[name], self.choice_texts[name])
        while not question and before is not None and len(run) <= MAX_ANSWERS:
            other = before.get("name") or ""
            if other in self.questions:
                question = self.questions[other]
                run.append(other)  # asked already: every member of this run takes its question
                break
            if other in run or other not in self.first_choice or len(self.choice_texts[other]) != 1:
                break
            run.append(other)
            question, before = _text_before(self.first_choice[other], self.choice_texts[other])
        for member in run:
            self.questions.setdefault(member, question)
        if len(run) > 1:
            self.in_a_run.update(run[:-1])
        return question

    # -- one control -----------------------------------------------------------------------

    def _control(self, element: Element, tag: str, groups: dict[str, tuple[str, ...]]) -> Control:
        # The attributes and ancestors once: the many questions below are dictionary and list lookups.
        attributes: dict[str, str] = dict(element.attrib.items())  # (`dict(attrib)` refuses odd names)
        get = attributes.get
        ancestors = list(islice(element.iterancestors(), _ANCESTORS))
        typed = get("type") or get("@type") or get("inputtype") or get("input-type")  # <StyledInput inputType="tel">
        typed = typed or _choice_control(get("control"))
        kind = (typed or "").strip().lower() if tag != "select" and tag != "textarea" else ""
        if tag == "input" and not kind:
            kind = "text"
        if tag not in _NATIVE and not kind:
            mode = (get("textmode") or "").strip().lower()
            control_kind = _CONTROL_TAGS.get(tag.rsplit(":", 1)[-1].replace("-", "")) if ":" in tag else None
            kind = _TEXT_MODES.get(mode) or control_kind or _COMPONENT_TYPES.get(_words(tag)[-1], "")
            if kind in ("select", "textarea"):
                kind = ""
        name = _name(get)
        bindings = self._bindings(element.tag, attributes)
        if tag not in _NATIVE and not name and not bindings:
            bindings = self._group_bindings(ancestors)
        labels = self._labels(element, kind, attributes, ancestors) if kind != "hidden" else []
        options: tuple[str, ...] = ()
        if tag == "select" or (tag not in _NATIVE and next(element.iter(*_SERVER_OPTION_TAGS), None) is not None):
            options = tuple(_option_texts(element))
            prompt = _prompt(element)
            if prompt:
                labels.append(("placeholder", prompt))
        elif kind in ("radio", "checkbox") and self._group_of(element) in groups:
            options = groups[self._group_of(element)]
        elif kind in ("radio", "checkbox") and tag not in _NATIVE:
            options = self._group_component_answers(element, ancestors)
        elif kind == "hidden" and self._has_custom_options():
            widget = self._custom_choice(element)
            if widget is not None:  # the value of a custom dropdown: a choice a person makes
                kind, tag = "", "listbox"
                options = tuple(widget[0])
                labels.extend(widget[1])
        line, column = self.starts.position(element, get("name") or get("id"))
        if self.decorated and not name and not bindings:
            bindings = self._decorated(line, column)
        maxlength = get("maxlength") or ""
        if tag not in _NATIVE:
            name = name or ""
        return Control(  # by position: a field is built for every input of every page
            self.path,
            line,
            column,
            "html",
            tag,
            _squash(name or ""),
            _squash(get("id") or ""),
            kind,
            (get("autocomplete") or get("autocompletetype") or "").strip(),
            tuple(labels),
            tuple(bindings),
            options,
            get("pattern") or "",
            (get("inputmode") or "").lower(),
            int(maxlength) if maxlength.strip().isdigit() else None,
            get("checked") is not None,
            get("value"),
            self._form(element, line, ancestors),
            ANSWER_GIVEN if element in self.given else "" if tag in _NATIVE else f"<{tag}>",
            (),
            (("columns", self.columns_of[element]),) if element in self.columns_of else (),
        )

    def _group_bindings(self, ancestors: list[Element]) -> list[str]:
        """<v-radio-group v-model="gender"><v-radio label="M"/>: a member of a group component
        answers what the group is bound to."""
        for ancestor in ancestors[:3]:
            tag = ancestor.tag
            if isinstance(tag, str) and "group" in tag and tag not in _NATIVE:
                attributes = dict(ancestor.attrib.items())
                named = _name(attributes.get)
                return [named] if named else self._bindings(tag, attributes)
        return []

    def _group_component_answers(self, element: Element, ancestors: list[Element]) -> tuple[str, ...]:
        """<v-radio-group><v-radio label="남성" value="M"/><v-radio label="여성" .../>: the answers
        of the members of the group component a radio component sits in, found once per group."""
        group = next((a for a in ancestors[:3] if isinstance(a.tag, str) and "group" in a.tag), None)
        if group is None:
            return ()
        answers = self.group_answers.get(group)
        if answers is None:
            found: list[str] = []
            for member in islice(group.iter(element.tag), MAX_ANSWERS):
                found.extend(
                    a.strip() for a in (member.get("label"), member.get("value"), _text(member)) if a and a.strip()
                )
            answers = self.group_answers[group] = tuple(found)
        return answers

    def _decorated(self, line: int, column: int) -> list[str]:
        """Ant Design 3: `{getFieldDecorator("idCard", {rules})(<Input />)}` names the input
        that the call wraps, just before its tag."""
        at = self.lines.span_of_lines(line, line)[0] + column - 1
        call = _DECORATOR.search(self.markup, max(0, at - _DECORATOR_REACH), at)
        return [call.group("name")] if call else []

    def _bindings(self, tag: str, attributes: dict[str, str]) -> list[str]:
        found = []
        for key, value in attributes.items():
            if key in _PLAIN_ATTRIBUTES:
                continue
            key = key.lower()
            if key in _BINDING_ATTRIBUTES or key.startswith(("v-model", "wire:model", "x-model")):
                if value.strip():
                    found.append(_squash(value))
            elif key == "_" or key.startswith("{"):
                found.extend(_REGISTER.findall(value))
            elif key == "v-decorator" and (named := _STRING_LITERAL.search(value)):
                found.append(next(g for g in named.groups() if g is not None))
            elif (
                self.jsx
                and key in _CONTROLLED_VALUES
                and value.strip()
                and not _choice_control(attributes.get("control"))
            ):
                found.append(_squash(value))  # value={birthDate}, selected={gender}; not a choice's own answer
            elif key in ("value", "th:value") and _EXPRESSION_BINDING.match(value):
                # value="${member.phone}" (JSP, JSF, Thymeleaf): the model property it holds
                found.append(_EXPRESSION_BINDING.match(value).group(1))  # type: ignore[union-attr]
            elif self.jsx and key in ("onchange", "oninput"):
                found.extend(_SETTER.findall(value))
        return found

    def _labels(
        self, element: Element, kind: str, attributes: dict[str, str], ancestors: list[Element]
    ) -> list[tuple[str, str]]:
        labels: list[tuple[str, str]] = []
        get = attributes.get
        ident = get("id")
        if ident and ident in self.label_for:
            labels += [("label", t) for t in self.label_for[ident] if t]
        if element in self.block_labels:
            labels.append(("label", self.block_labels[element]))
        for ancestor in _all_ancestors(element, ancestors):
            if ancestor.tag == "label":  # the <label> it sits in
                text = _text(ancestor)
                if text:
                    labels.append(("label", text))
                break
        if ":" in element.tag and (get("text") or "").strip():
            labels.append(("label", get("text").strip()))  # type: ignore[union-attr]  # <asp:CheckBox Text=...>
        if not _LABELLING_ATTRIBUTES.isdisjoint(attributes):
            for attribute in ("aria-label", "placeholder", "title"):
                value = get(attribute)
                if value and value.strip():
                    labels.append((attribute, value.strip()))
            if get("aria-labelledby"):
                labels.extend(how_text for how_text in self._aria(element) if how_text[0] == "labelledby")
            for attribute in _LABEL_ATTRIBUTES:
                value = get(attribute)
                if value and value.strip():
                    labels.append(("label", value.strip()))
        if "-" in element.tag or "." in element.tag or element.tag in self.pascal_tags:
            for value in attributes.values():
                if value.startswith("{") and ":" in value:
                    for key, text in _OBJECT_LABEL.findall(value):
                        if text:
                            labels.append(("placeholder" if key == "placeholder" else "label", text))
        for ancestor in ancestors[:3]:
            tag = ancestor.tag
            if isinstance(tag, str) and ("-" in tag or "." in tag or tag in self.pascal_tags):
                labels.extend(_wrapper_labels(ancestors, self.pascal_tags))
                break
        named = not _NAMING.isdisjoint([how for how, _ in labels])
        if not named:
            after = _label_after(element)
            if after:
                labels.append(("label", after))
                named = True
        if not named:
            labels.extend(self._group_labels(ancestors))
            named = not _NAMING.isdisjoint([how for how, _ in labels])
        if not named:
            if kind in ("radio", "checkbox"):
                text = self._choice_text(element)
                if text:
                    labels.append(("label", text))
            header = self._column_header(ancestors)  # over rows of fields, the text before one is another row's
            nearby = "" if header and not _row_says(element) else _nearby_text(element)
            if header:
                labels.append(("column", header))
            if self.last_headers:
                self.columns_of[element] = self.last_headers
            if nearby:
                labels.append(("nearby", nearby))
            elif not header:
                row = _row_header(ancestors)
                if row:
                    labels.append(("row", row))
        elif kind == "file" and all(len(text.split()) <= 2 for _, text in labels):
            # An upload's own label is often a button's word ("Upload", "Browse"): what it takes
            # is said before it ("Profile photo").
            nearby = _nearby_text(element, skip={text for _, text in labels})
            if nearby:
                labels.append(("nearby", nearby))
        legend = _legend(element, ancestors)
        if legend:
            labels.append(("legend", legend))
        elif kind in ("radio", "checkbox") and not any(how == "labelledby" for how, _ in labels):
            name = self._group_of(element)
            if name in self.first_choice:
                answer = len(next(iter(self.choice_texts[name])).split())
                question = self._question(name)
                # a lone checkbox's long text is a statement of its own ("I agree to the terms"),
                # but in a list of checkboxes three words are still an answer
                if question and (len(self.choice_texts[name]) > 1 or answer <= (3 if name in self.in_a_run else 2)):
                    labels.append(("question", question))
            if named and not any(how in ("question", "row") for how, _ in labels):
                row = _row_header(ancestors)  # `<th>Disability *</th><td>( ) No ( ) Yes</td>`
                if row:
                    labels.append(("row", row))
        if self.jsx:
            labels = [(how, said) for how, text in labels if (said := _without_jsx_code(text))]
        return labels

    def _column_header(self, ancestors: list[Element]) -> str:
        """The header of a table column a field sits in: the rows of a family, education or
        work history are labelled once, above them (`<th>Relationship</th>`)."""
        self.last_headers = ""
        cell = None
        for depth, ancestor in enumerate(ancestors):
            if depth > 3 or ancestor.tag in ("form", "table", "body"):
                break
            if ancestor.tag == "td":
                cell = ancestor
                break
        if cell is None or next(cell.iter("label"), None) is not None:
            return ""  # a cell with a label of its own names its field itself
        row = cell.getparent()
        table = next((a for a in islice(row.iterancestors(), 3) if a.tag == "table"), None) if row is not None else None
        if table is None:
            return ""
        headers = self.headers.get(row)  # the header row just above the field's rows, as a section of a table has
        if headers is None:
            headers = self.headers[row] = _header_row_above(row) or _Headers()
        if not headers:
            headers = self.headers.get(table)
            if headers is None:
                headers = self.headers[table] = _header_texts(table)
        index = 0
        for sibling in cell.itersiblings(preceding=True):
            if sibling.tag in ("td", "th"):
                index += _span(sibling)
        self.last_headers = " | ".join(h for h in headers if h)
        return headers[index] if index < len(headers) and row is not headers.row else ""

    def _answers_given(self, elements: list[Element], components: set[str]) -> list[Element]:
        """The fields, with the hidden inputs of constant value that repeat the name of one."""
        asked = {e.get("name") for e in elements if (e.get("type") or "").lower() != "hidden" and e.get("name")}
        if not asked:
            return elements
        given = {
            e
            for e in self.doc.iter("input")
            if e.get("name") in asked and (e.get("type") or "").lower() == "hidden" and _constant(e.get("value"))
        }
        if not given:
            return elements
        self.given = given
        chosen = given.union(elements)
        return [e for e in self.doc.iter(*_NATIVE, *components) if e in chosen]  # in the page's order

    def _has_custom_options(self) -> bool:
        if self.custom_options is None:
            self.custom_options = bool(
                self.doc.xpath(
                    "boolean(//*[@role='option' or @role='listbox']"
                    " | //input[@type='hidden']/following-sibling::*[1]//ul/li)"
                )
            )
        return self.custom_options

    def _custom_choice(self, element: Element) -> tuple[list[str], list[tuple[str, str]]] | None:
        """A hidden input that holds the answer of a custom dropdown (`role="option"` items beside
        it, or the items of the list that the block right after it drops down)."""
        listed = _list_after(element)
        if listed:
            nearby = _nearby_text(element)
            return listed, [("nearby", nearby)] if nearby else []
        container = element.getparent()
        for _ in range(2):
            if container is None:
                return None
            nodes = list(islice(container.iter(), 500))
            options = [_text(o) for o in nodes if isinstance(o.tag, str) and o.get("role") == "option"]
            if not options:  # <div role="listbox"><div data-value="NZ">New Zealand</div>...
                boxes = [n for n in nodes if isinstance(n.tag, str) and n.get("role") == "listbox"]
                options = [_text(o) for box in boxes for o in box if isinstance(o.tag, str)]
            if any(options) and sum(1 for n in nodes if n.tag in _NATIVE) == 1:
                labels: list[tuple[str, str]] = []
                for listbox in nodes:
                    if isinstance(listbox.tag, str) and listbox.get("role") in _GROUP_ROLES:
                        labels.extend(self._aria(listbox))
                if not labels:
                    nearby = _nearby_text(element)
                    if nearby:
                        labels.append(("nearby", nearby))
                return [o for o in options if o], labels
            container = container.getparent()
        return None

    def _group_labels(self, ancestors: list[Element]) -> Iterator[tuple[str, str]]:
        """<div role="radiogroup" aria-labelledby="q5">: the question a group of answers belongs to."""
        for depth, ancestor in enumerate(ancestors):
            if depth >= 4 or ancestor.tag in ("form", "body"):
                return
            if ancestor.get("role") in _GROUP_ROLES:
                yield from self._aria(ancestor)
                return

    def _aria(self, element: Element) -> Iterator[tuple[str, str]]:
        label = element.get("aria-label")
        if label and label.strip():
            yield ("aria-label", label.strip())
        for ref in (element.get("aria-labelledby") or "").split():
            found = self._by_id().get(ref)
            if found is not None and _text(found):
                yield ("labelledby", _text(found))

    def _by_id(self) -> dict[str, Element]:
        """Elements by id, made once (a page of radio groups asks for hundreds)."""
        if self.ids is None:
            self.ids = {}
            for element in self.doc.iterfind(".//*[@id]"):
                self.ids.setdefault(element.get("id"), element)
        return self.ids

    def _choice_text(self, element: Element) -> str:
        """The words beside a radio button or checkbox: its answer."""
        ident = element.get("id")
        if ident and ident in self.label_for:
            return " ".join(self.label_for[ident])
        for ancestor in element.iterancestors("label"):
            return _text(ancestor)
        tail = (element.tail or "").strip()
        if tail:
            return _squash(tail)[:80]
        following = element.getnext()
        if following is not None and following.tag in ("label", "span"):
            return _text(following)[:80]
        return ""

    def _form(self, element: Element, line: int, ancestors: list[Element]) -> Form | None:
        for ancestor in _all_ancestors(element, ancestors):
            tag = ancestor.tag
            if tag == "form" or (isinstance(tag, str) and tag.endswith("-form")):
                record = self.form_of.get(ancestor)
                return record if record is not None else self._form_record(ancestor)
        return self.forms.at(line)


_DECORATOR = re.compile(r"getFieldDecorator\(\s*['\"](?P<name>[^'\"]+)['\"](?:(?!getFieldDecorator)[^<])*\)\s*\(\s*\Z")
_DECORATOR_REACH = 400  # characters: a decorator's options before the input it wraps
_DECORATED_TAG = re.compile(
    r"getFieldDecorator\(\s*['\"][^'\"]+['\"](?:(?!getFieldDecorator)[^<]){0,400}?\)\s*\(\s*<(?P<tag>[A-Za-z][\w.]*)"
)
_ANCESTORS = 16  # the ancestors of a field looked at for its labels; its form and legend may be further


def _all_ancestors(element: Element, near: list[Element]) -> list[Element] | Iterator[Element]:
    """The ancestors of `element`, the first of them already listed."""
    if len(near) < _ANCESTORS:
        return near  # the root is among them
    return chain(near, islice(element.iterancestors(), _ANCESTORS, None))


def _wrapper_labels(ancestors: list[Element], components: set[str]) -> Iterator[tuple[str, str]]:
    """<Form.Item label="Email"><Input/></Form.Item>, <FormItem label="Email">: a component
    around one input names it (not the form itself)."""
    for depth, ancestor in enumerate(ancestors):
        tag = ancestor.tag
        if depth >= 3 or tag == "form" or tag == "body":
            return
        if not (isinstance(tag, str) and ("-" in tag or "." in tag or tag in components)) or tag.endswith("form"):
            continue
        if sum(1 for _ in islice(ancestor.iter(*_NATIVE), 2)) > 1:
            return
        for attribute in (*_LABEL_ATTRIBUTES, "name"):
            value = ancestor.get(attribute)
            if value and value.strip():
                yield ("label", value.strip())


def _constant(value: str | None) -> bool:
    """A value written literally in the page (what `_NOT_CONSTANT` leaves out of the fields)."""
    if not value:
        return False
    return " ".join(value.split()) == value and not any(mark in value for mark in ("${", "#{", "*{"))


def _list_after(element: Element) -> list[str]:
    """The items of a list or a listbox in the block right after a hidden input (`<input
    type=hidden name="sex" value="M"><div class="select-wrap"><ul><li>M</li><li>F</li></ul></div>`):
    a dropdown a script draws, whose choice the hidden input carries. Not a block with fields."""
    block = element.getnext()
    while block is not None and not isinstance(block.tag, str):
        block = block.getnext()
    if block is None or next(block.iter(*_NATIVE), None) is not None:
        return []
    items = [_text(li) for li in islice(block.iter("li"), 60)]
    if not items:  # <div role="listbox"><div data-value="NZ">New Zealand</div>...
        boxes = [e for e in islice(block.iter(), 500) if isinstance(e.tag, str) and e.get("role") == "listbox"]
        items = [_text(o) for box in boxes[:1] for o in islice(box, 60) if isinstance(o.tag, str)]
    return [i for i in items if i and len(i) <= 40] if 2 <= len(items) < 60 else []


def _server_control(tag: str) -> bool:
    """A server-side control's tag (`asp:TextBox`, `h:inputText`, `apex:inputField`), not a
    formatting tag (`fmt:formatNumber value="${total}"`)."""
    return ":" in tag and tag.rsplit(":", 1)[-1].replace("-", "") in _CONTROL_TAGS


def _fields_up_to_a_label(label: Element, fields: set[Element]) -> list[Element]:
    """The fields in the blocks after `label`, up to another label written before its field
    (`<div><label>Grade</label><select>`): those are that label's. A label after its field
    (`<span><input name="feet"><label>Feet</label></span>`) names a part of this one."""
    found: list[Element] = []
    for sibling in islice(label.itersiblings(), 20):
        field_first = False
        for element in sibling.iter():
            if element.tag == "label" and not field_first:
                return found
            if element in fields:
                found.append(element)
                field_first = True
    return found


def _handles_a_change(attribute: str) -> bool:
    """`onChange`, `onValueChange`, a project's own `handleChange` or `onInputChange`."""
    return attribute in _CHANGE_HANDLERS or (attribute.startswith(("on", "handle")) and attribute.endswith("change"))


def _binds_a_model(attributes: set[str]) -> bool:
    """A two-way binding of a value (`v-model`, `wire:model.live`, `formControlName`...)."""
    return any(a.startswith(_MODEL_PREFIXES) or a in _BINDING_ATTRIBUTES for a in attributes if a != "source")


def _carries_a_field(element: Element, attributes: set[str]) -> bool:
    """A field's name (`name`, `property`, `field`...) with a literal value, and what a person
    sees of a field: a label, a placeholder, an input type."""
    named = any((element.get(a) or "").strip() for a in attributes & _FIELD_NAME_ATTRIBUTES)
    if not named:
        return False
    typed = (element.get("type") or element.get("@type") or "").strip().lower() in _INPUT_TYPES
    return typed or bool(attributes & _FIELD_FACE_ATTRIBUTES)


# What heads a section of a form: headings, legends, captions, `role="heading"`, a block whose
# class names a header or title (`card-header`, `section-title`), a line of bold text alone.
_HEADING_ELEMENTS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "legend", "caption", "strong", "b"})
_NOT_HEADING_BLOCKS = frozenset({"input", "select", "textarea", "label", "a", "button", "th", "td", "tr", "option"})


# Class and role attributes that say heading, found by libxml2 (attributes, not elements: a
# predicate on each element's attributes is several times slower; a union would sort).
_HEADING_CLASSES = lxml.etree.XPath("//@class[contains(., 'head') or contains(., 'title')]")
_HEADING_ROLES = lxml.etree.XPath("//@role[. = 'heading']")


def _heading_candidates(doc: Element) -> list[Element]:
    """Heading elements, blocks whose class or role says heading, and the lone cell of a table
    row (`<tr><td colspan=2>III. Source of income</td></tr>`: a form laid out in a table)."""
    found = list(doc.iter(*_HEADING_ELEMENTS))
    seen = set(found)
    for attribute in (*_HEADING_CLASSES(doc), *_HEADING_ROLES(doc)):
        element = attribute.getparent()
        if element is not None and element not in seen and element.tag not in _NOT_HEADING_BLOCKS:
            seen.add(element)
            found.append(element)
    for row in doc.iter("tr"):
        cells = [cell for cell in row if isinstance(cell.tag, str)]
        if len(cells) == 1 and cells[0].tag in ("td", "th") and cells[0] not in seen:
            found.append(cells[0])
    return found


class _Heading(NamedTuple):
    line: int
    text: str
    scope: Element  # the block the heading heads: its fields are that section's
    last: int  # the last line of that block


_FORM_CLOSE = re.compile(r"</?form\b", re.I)
_HEADING_LIMIT = 100  # characters: a longer text is a paragraph, not a heading
_BOLD = frozenset({"strong", "b"})


def _headings(doc: Element, until: int = LINE_LIMIT, *, jsx: bool = False) -> list[_Heading]:
    """Where each section of the page starts up to line `until`, what it is called and how far
    it reaches, in line order."""
    found = []
    for element in _heading_candidates(doc):
        line = element.sourceline
        if line is None or line >= LINE_LIMIT or line > until:
            continue
        parent = element.getparent()
        if parent is None:
            continue
        if element.tag in _BOLD:
            if (
                parent.tag in ("label", "a", "button", "option")
                or element.getprevious() is not None
                or element.getnext() is not None
                or (parent.text or "").strip()
                or (element.tail or "").strip()
                or next(parent.iterancestors("label"), None) is not None
            ):
                continue  # bold words inside a sentence or a label
        elif not isinstance(element.tag, str) or (
            element.tag not in _HEADING_TAGS and next(element.iter(*_HEADING_TAGS), None) is not None
        ):
            continue  # a header block around a heading: the heading speaks for it
        text = _without_jsx_code(_short_text(element)) if jsx else _short_text(element)
        if not text:
            continue
        # The block it heads: the first around it that reaches past it (not a `card-header` that
        # holds only the heading and a line of help).
        scope, last = parent, _last_line(parent, line)
        for _ in range(4):
            if last > line + 2 or scope.getparent() is None:
                break
            scope = scope.getparent()
            last = _last_line(scope, line)
        found.append(_Heading(line, text, scope, last))
    found.sort(key=lambda heading: heading.line)
    return found


_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "legend", "caption", "strong", "b")


def _last_line(element: Element, default: int) -> int:
    """The line of the last element inside `element`: where its block ends, near enough.
    (`len()` of an lxml element counts its children: the last child is taken directly.)"""
    child = next(element.iterchildren(reversed=True), None)
    while child is not None:
        element = child
        child = next(element.iterchildren(reversed=True), None)
    return min(element.sourceline or default, LINE_LIMIT)


def _short_text(element: Element, limit: int = _HEADING_LIMIT) -> str:
    """The text of a heading; "" when it has more than `limit` characters or holds a field."""
    parts: list[str] = []
    size = 0
    for count, node in enumerate(element.iter()):
        if count > 50 or node.tag in _NATIVE:
            return ""
        for piece in (node.text, node.tail if node is not element else ""):
            if piece and piece.strip():
                parts.append(piece)
                size += len(piece)
                if size > limit * 2:
                    return ""
    text = _squash(" ".join(parts))
    return text if len(text) <= limit else ""


def _title(doc: Element) -> str:
    for title in doc.iter("title"):
        return _text(title)[:_HEADING_LIMIT]
    return ""


def _placed(controls: list[Control], headings: list[_Heading], title: str) -> list[Control]:
    """Each field with the headings of the sections it sits in (the nearest, then those of the
    blocks around it: "Job 1" inside "Work experience"), and the page's title."""
    lines = [heading.line for heading in headings]
    around = _outer_headings(headings)
    placed = []
    for control in controls:
        context: list[tuple[str, str]] = []
        at = bisect.bisect_right(lines, control.line) - 1
        if at >= 0:
            context.append(("section", headings[at].text))
            context.extend(("section", headings[o].text) for o in around[at] if control.line <= headings[o].last)
        if title:
            context.append(("page", title))
        placed.append(control._replace(context=(*control.context, *context)))
    return placed


def _outer_headings(headings: list[_Heading]) -> list[tuple[int, ...]]:
    """For each heading, the headings of the blocks around its own, nearest first (at most two)."""
    around: list[tuple[int, ...]] = []
    for index, heading in enumerate(headings):
        inner, found = heading, []
        for outer_index in range(index - 1, max(-1, index - 31), -1):
            outer = headings[outer_index]
            if outer.scope is not inner.scope and _encloses(outer.scope, inner.scope):
                found.append(outer_index)
                inner = outer
                if len(found) == 2:
                    break
        around.append(tuple(found))
    return around


def _encloses(outer: Element, inner: Element) -> bool:
    return any(ancestor is outer for ancestor in islice(inner.iterancestors(), 12))


class _Headers(list[str]):
    """The texts of a table's header row, one per column (a cell spanning columns repeated)."""

    row: Element | None = None


def _header_row_above(row: Element) -> _Headers | None:
    """The nearest row above a row of fields, past the rows of fields between, that holds no
    field and a text in two cells or more laid out as the row is (`起止时间 | 学校名称 | 所学专业`
    over rows of an education history in the middle of a form's table). Rows are looked at a
    dozen at most: each field's row costs a bounded look."""
    width = _width(row)
    for above in islice(row.itersiblings("tr", preceding=True), 12):
        if next(islice(above.iter(*_NATIVE), 1), None) is not None:
            continue  # another row of fields under the same header
        headers = _Headers()
        for cell in above:
            if cell.tag in ("td", "th"):
                headers.extend([_short_text(cell, 60)] * _span(cell))
        if len({h for h in headers if h}) < 2 or len(headers) != width:
            return None  # a section's title or a note: no column headers
        headers.row = above
        return headers
    return None


def _width(row: Element) -> int:
    """How many columns a table row spans."""
    return sum(_span(cell) for cell in row if cell.tag in ("td", "th"))


def _span(cell: Element) -> int:
    """How many columns a cell spans (a colspan past 50 is taken for one: no table is that wide)."""
    span = cell.get("colspan") or "1"
    return int(span) if span.isdigit() and int(span) < 50 else 1


def _header_texts(table: Element) -> _Headers:
    """A table's header row: its `<thead>`'s, else its first row if that row has header cells or
    holds no field."""
    headers = _Headers()
    rows = table.iterfind("thead/tr") if table.find("thead") is not None else None
    first = next(rows, None) if rows is not None else None
    if first is None:
        first = next((r for r in islice(table.iter("tr"), 1)), None)
        if first is None or (first.find("th") is None and next(islice(first.iter(*_NATIVE), 1), None) is not None):
            return headers
    headers.row = first
    for cell in first:
        if cell.tag in ("td", "th"):
            headers.extend([_short_text(cell, 60)] * _span(cell))
    if len({h for h in headers if h}) < 2:
        return _Headers()  # a title row over a table of labels and fields, not column headers
    return headers


def _row_header(ancestors: list[Element]) -> str:
    """The header cell that starts a field's table row (`<th>Mobile *</th><td>[010]</td><td>[
    ]</td><td>[ ]</td>`): it asks for every field of the row, not only the first after it. A
    row whose header is blank continues the one above (the second line of an address)."""
    cell = next((a for a in ancestors[:6] if a.tag == "td"), None)
    row = cell.getparent() if cell is not None else None
    if cell is not None:  # a row of two columns of questions: the header nearest before the cell
        header = next(cell.itersiblings("th", preceding=True), None)
        text = _short_text(header, 80) if header is not None else ""
        if text.strip(" *:"):
            return text
    for _ in range(3):
        if row is None or row.tag != "tr":
            return ""
        first = next((c for c in row if isinstance(c.tag, str)), None)
        if first is None or first is cell or first.tag not in ("th", "td"):
            return ""
        text = _short_text(first, 80)
        if text.strip(" *:"):
            return text
        if next(first.iter(*_NATIVE), None) is not None:
            return ""  # a field, not a blank header
        row = row.getprevious()
        cell = None
    return ""


def _row_says(element: Element) -> bool:
    """Does the table row a field sits in hold text of its own before it (a label column)?"""
    for ancestor in islice(element.iterancestors(), 4):
        if ancestor.tag == "td":
            return any(_short_text(cell, 80) for cell in ancestor.itersiblings(preceding=True))
    return False


def _has_notice(form: Element, limit: int = 4000) -> bool:
    """A privacy link or purpose text in the form, or beside it up to the neighbouring forms."""
    texts = [_text(form)]
    links = [a.get("href") or "" for a in form.iter("a")]
    for node in (form, form.getparent()):
        if node is None:
            break
        for direction in (True, False):
            for sibling in node.itersiblings(preceding=direction):
                if not isinstance(sibling.tag, str):
                    continue
                if sibling.tag == "form" or next(sibling.iter("form"), None) is not None:
                    break
                texts.append(_text(sibling))
                links.extend(a.get("href") or "" for a in sibling.iter("a"))
                if sum(len(t) for t in texts) > limit:
                    break
    return any(links_to_notice(link) for link in links) or mentions_notice(" ".join(texts)[:limit])


def _form_ident(form: Element, action_written: str | None = None) -> str:
    """`form#checkout`, `form[name="signup"]`, else the action as the template writes it
    (`form[action="{{ url_for('profile') }}"]`), which is what a person finds in the file."""
    for attribute, template in (("id", "form#{}"), ("name", 'form[name="{}"]'), ("action", 'form[action="{}"]')):
        value = (form.get(attribute) or "").strip()
        if value:
            if attribute == "action" and action_written:
                value = action_written.strip()
            return template.format(_squash(value))
    return "form"


_FORM_OPENING = re.compile(r"<form\b[^>]*>", re.I)
_ACTION_VALUE = re.compile(r"\saction\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.I)


def _actions_as_written(doc: Element, markup: str, code: str) -> dict[Element, str]:
    """Each form's action as the template writes it, where template code makes it: the
    neutralised markup and the code keep the same offsets, so the value's span in one is its
    span in the other. Forms are matched in order, and only when every `<form` made one."""
    openings = list(_FORM_OPENING.finditer(markup))
    elements = list(doc.iter("form"))
    if len(openings) != len(elements):
        return {}
    written: dict[Element, str] = {}
    for opening, element in zip(openings, elements, strict=True):
        value = _ACTION_VALUE.search(opening.group())
        if value is None:
            continue
        group = 1 if value.group(1) is not None else 2
        start, end = opening.start() + value.start(group), opening.start() + value.end(group)
        if code[start:end] != markup[start:end]:
            written[element] = code[start:end]
    return written


_EDITABLE = "editable-"
# What the input an angular-xeditable element turns into is, by the directive's suffix.
_EDITABLE_TYPES = {
    "text": "text", "textarea": "textarea", "email": "email", "tel": "tel", "number": "number", "url": "url",
    "date": "date", "bsdate": "date", "combodate": "date", "datetime": "date", "time": "time",
    "radiolist": "radio", "checkbox": "checkbox", "checklist": "checkbox", "password": "password",
}  # fmt: skip


def _is_editable(attribute: str) -> bool:
    """`editable-text`, `editable-filterselect`: an input's directive (not `editable-form`; an
    application's own, `editable-tpde`, when the element has an `e-name`)."""
    lower = attribute.lower()
    return lower.startswith(_EDITABLE) and (lower[len(_EDITABLE) :] in _EDITABLE_TYPES or lower.endswith("select"))


def _as_editable(control: Control, element: Element) -> Control:
    """An angular-xeditable element as the input it becomes: its `e-` attributes are the
    input's (`e-name`, `e-placeholder`, `e-label`), its directive's value the model it binds."""
    directives = [(k, v) for k, v in element.attrib.items() if k.lower().startswith(_EDITABLE)]
    # a known directive, else the application's own (`editable-tpde`, which has an `e-name`)
    directive, bound = next(((k, v) for k, v in directives if _is_editable(k)), directives[0])
    suffix = directive.lower()[len(_EDITABLE) :]
    kind = "select" if suffix.endswith("select") else _EDITABLE_TYPES.get(suffix, "text")
    tag = kind if kind in ("select", "textarea") else "input"
    labels = list(control.labels)
    for attribute, how in (("e-placeholder", "placeholder"), ("e-label", "label"), ("e-title", "label")):
        text = (element.get(attribute) or "").strip()
        if text:
            labels.append((how, text))
    return control._replace(
        tag=tag,
        name=_squash(element.get("e-name") or control.name),
        type="" if tag != "input" else kind,
        labels=tuple(labels),
        bindings=(_squash(bound),) if bound.strip() else control.bindings,
        via=directive.lower(),
    )


def _name(get: Callable[[str], str | None]) -> str | None:
    """The name attribute; of a bound name (`:name="prefix + '.first_name'"`), its literal parts."""
    for attribute in _NAME_ATTRIBUTES:
        value = get(attribute)
        if value is None or not value.strip():
            continue
        if attribute in _EXPRESSION_NAMES:
            literals = ["".join(parts) for parts in _STRING_LITERAL.findall(value)]
            return " ".join(literals) if any(literals) else value
        return value
    return None


def _first(element: Element, attributes: tuple[str, ...]) -> str | None:
    for attribute in attributes:
        value: str | None = element.get(attribute)
        if value is not None and value.strip():
            return value
    return None


def _option_texts(select: Element, limit: int = 80) -> Iterator[str]:
    for count, option in enumerate(select.iter(*_OPTION_TAGS)):
        if count >= limit:
            return
        text = _squash(option.text or "" if not len(option) else "".join(option.itertext()))
        text = text or _squash(option.get("itemlabel") or option.get("text") or "")
        if text:
            yield text
        value = option.get("value") or option.get("itemvalue")
        if value and value.strip() and value.strip() != text:
            yield value.strip()


def _text(element: Element) -> str:
    """Readable text of an element, without the options of selects inside it."""
    if not len(element):
        return " ".join(element.text.split()) if element.text else ""  # most labels: text alone
    parts: list[str] = []
    walker = lxml.etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        if event == "start":
            if node is not element and node.tag in _SKIP_TEXT:
                walker.skip_subtree()
            elif node.text:
                parts.append(node.text)
        elif node is not element and node.tail:
            parts.append(node.tail)
    return _squash(" ".join(parts))


# An expression between JSX tags that shows a field's validation message, not a label.
_ERROR_EXPRESSION = re.compile(r"\{[^}]*(?<![\w$])\$?(?:\w+\.)?errors?\b", re.I)


def _nearby_text(element: Element, budget: int = 40, skip: set[str] | None = None) -> str:
    """The nearest text before an unlabelled field: a table cell, a question, a caption.

    Walks back through the document, passing over the options of selects, over up to two
    earlier select or short inputs (the day and month beside a year) or parts of the same field
    (`tphone2` before `tphone3`), and over a note in brackets after a label ("ID (letters and
    digits)"); stops at any other field: its text belongs to it.
    """
    passed = 0
    found: list[str] = []
    stem = (element.get("name") or "").rstrip("0123456789[]_-")
    counted = ""  # the text that counts: not the notes in brackets
    for steps, node in enumerate(_preceding(element, budget)):
        if steps > 400:
            break
        if isinstance(node, str):
            text = _squash(node)
            if skip and not found and text in skip:
                continue  # the field's own label, said again
            if _ERROR_EXPRESSION.search(text):
                continue  # JSX's `{errors.email && <p>{errors.email}</p>}`: the field before's message
            if any(ch.isalnum() for ch in text):
                found.insert(0, text)
                if not (text.startswith("(") and text.endswith(")")):
                    counted += text
                if sum(ch.isalnum() for ch in counted) >= 2:
                    return " ".join(found)[-80:]
            continue
        if (
            node.tag == "select"
            or (
                node.tag == "input"
                and (node.get("size") or node.get("maxlength") or "9").isdigit()
                and int(node.get("size") or node.get("maxlength") or "9") <= 4
            )
            or (stem and node.tag == "input" and (node.get("name") or "").rstrip("0123456789[]_-") == stem)
        ):
            passed += 1
            if passed <= 2:
                continue
        break
    return " ".join(found)[-80:]


_QUESTION_LEVELS = 3  # a group's question is in its own block (a form row), not a section away


def _label_after(element: Element) -> str:
    """The text of a `<label>` without `for` right after a field, when nothing follows it
    (Bootstrap's floating labels: `<input placeholder=" "><label>Email</label>`). A label
    followed by another field is that field's."""
    following = element.getnext()
    if following is None or following.tag != "label" or following.get("for") is not None:
        return ""
    after = following.getnext()
    if after is not None and (after.tag in _NATIVE or next(after.iter(*_NATIVE), None) is not None):
        return ""
    if next(following.iter(*_NATIVE), None) is not None:
        return ""
    return _text(following)


def _prompt(select: Element) -> str:
    """The first option of a select when it asks rather than answers (`<option value="">Select
    your religion</option>`): a template that writes its options in a loop keeps only this."""
    first = next(select.iter("option"), None)
    if first is None:
        return ""
    value = first.get("value")  # (a value a template writes is blanks here: an answer, not "")
    if value in ("", "0", "-1") or first.get("disabled") is not None:
        return _squash(first.text or "" if not len(first) else "".join(first.itertext())).strip("-–—=* ")
    return ""


_ANY_TAG = re.compile(r"<[^<>]*>")
_FIELD_TAG = re.compile(r"<(?:input|select|textarea)\b", re.I)
_TEXT_BEFORE_REACH = 600  # characters of markup looked back over (class-heavy markup is long)
_CODE_LIKE = re.compile(r"\w\.\w|[(|=]")


def _with_text_before(
    rendered: list[Control], markup: str, lines: LineIndex, constructs: list[tuple[str, int, int]]
) -> list[Control]:
    """A helper-rendered field that says nothing of itself takes the text just before it
    (`<label>个人简介</label> {{ form.introduction }}`), up to the field or helper before it,
    and before the template tag the helper is called in (`<?= $form->field(...) ?>`)."""
    if not rendered or not markup:
        return rendered
    starts = [start for _, start, _ in constructs]
    offsets = []
    for c in rendered:
        at = lines.span_of_lines(c.line, c.line)[0] + c.column - 1
        inside = bisect.bisect_right(starts, at) - 1
        offsets.append(constructs[inside][1] if inside >= 0 and at < constructs[inside][2] else at)
    order = sorted(range(len(rendered)), key=offsets.__getitem__)
    out = list(rendered)
    previous = 0
    for index in order:
        at, control = offsets[index], rendered[index]
        if not any(how in ("helper", "label") for how, _ in control.labels):
            text = _markup_text_before(markup, max(previous, at - _TEXT_BEFORE_REACH), at)
            if text:
                out[index] = control._replace(labels=(*control.labels, ("nearby", text)))
        previous = max(previous, at)
    return _helper_choices(out, markup, lines, constructs)


def _helper_choices(
    rendered: list[Control], markup: str, lines: LineIndex, constructs: list[tuple[str, int, int]]
) -> list[Control]:
    """Radio buttons and checkboxes a helper renders take the words written right after the
    helper's tag as their answer (`<label>{!! Form::radio('status', 1) !!} Berkahwin</label>`),
    and those of one name are a group whose answers are its options, as written ones are."""
    ends = {start: end for _, start, end in constructs}
    starts = sorted(ends)
    answers: dict[str, list[str]] = {}
    found: dict[int, str] = {}
    for index, c in enumerate(rendered):
        if c.type not in ("radio", "checkbox") or not c.name:
            continue
        at = lines.span_of_lines(c.line, c.line)[0] + c.column - 1
        inside = bisect.bisect_right(starts, at) - 1
        if inside < 0 or at >= ends[starts[inside]]:
            continue
        after = markup[ends[starts[inside]] : ends[starts[inside]] + 60].split("<", 1)[0]
        text = _squash(unescape(after))
        if sum(ch.isalnum() for ch in text) >= 2 and len(text) <= 40:
            found[index] = text
            answers.setdefault(c.name, []).append(text)
    out = list(rendered)
    shared = {name: tuple(texts[:MAX_ANSWERS]) for name, texts in answers.items()}  # once per group
    for index, text in found.items():
        c = rendered[index]
        group = shared[c.name] if c.type == "radio" and len(shared[c.name]) > 1 else c.options
        out[index] = c._replace(labels=(*c.labels, ("label", text)), options=group)
    return out


def _markup_text_before(markup: str, start: int, end: int) -> str:
    """The last words of visible text between `start` and `end`; "" if a field comes after them."""
    window = markup[start:end]
    last = window.rfind("<")
    if last >= 0 and ">" not in window[last:]:
        window = window[:last]  # inside a tag: the helper fills an attribute
    pieces = _ANY_TAG.split(window)
    tags = _ANY_TAG.findall(window)
    for k in range(len(pieces) - 1, -1, -1):
        text = _squash(unescape(pieces[k]))
        if sum(ch.isalnum() for ch in text) >= 2:
            after = tags[k:]
            if any(_FIELD_TAG.match(tag) for tag in after) or len(after) > 6 or _CODE_LIKE.search(text):
                return ""  # another field, far away, or the words of another helper's call
            return text[-80:]
    return ""


def _answers_in_columns(controls: list[Control]) -> list[Control]:
    """A grid of radio buttons whose answers head its columns (`Not at all | Several days |
    ...` over the rows of a questionnaire): each group's answers are the headers of its buttons."""
    headers: dict[tuple[object, str], list[str]] = {}
    for control in controls:
        if control.type == "radio" and control.name:
            column = next((text for how, text in control.labels if how == "column"), "")
            if column:
                answers = headers.setdefault((_form_of(control), control.name), [])
                if column not in answers and len(answers) < MAX_ANSWERS:
                    answers.append(column)
    if not any(len(answers) > 1 for answers in headers.values()):
        return controls
    return [
        c._replace(options=(*headers[key], *c.options))
        if c.type == "radio" and len(headers.get(key := (_form_of(c), c.name), ())) > 1
        else c
        for c in controls
    ]


def _form_of(control: Control) -> object:
    return control.form.line if control.form is not None else None


def _text_before(element: Element, passed: set[str]) -> tuple[str, Element | None]:
    """The words just before `element`, passing over the texts in `passed` (a group's own
    answers); "" and the checkbox when another checkbox comes first."""
    found: list[str] = []
    for steps, node in enumerate(_preceding(element, 40, _QUESTION_LEVELS, whole_labels=True)):
        if steps > 400:
            break
        if not isinstance(node, str):
            if found:
                break
            box = node if node.tag == "input" else next(node.iter("input"), None)
            lone = box is not None and (box.get("type") or "").lower() == "checkbox" and box is not element
            return "", box if lone and (element.get("type") or "").lower() == "checkbox" else None
        text = _squash(node)
        if not found and (not text or text in passed):
            continue
        if any(ch.isalnum() for ch in text):
            found.insert(0, text)
            if sum(ch.isalnum() for ch in "".join(found)) >= 2:
                break
    return " ".join(found)[-80:], None


def _preceding(
    element: Element, budget: int, levels: int = 1000, whole_labels: bool = False
) -> Iterator[str | Element]:
    """Text and fields before `element`, nearest first, within its form and at most `levels`
    blocks up."""
    node = element
    while budget > 0 and levels >= 0:
        for sibling in node.itersiblings(preceding=True):
            if sibling.tail:
                yield sibling.tail
            budget -= 1
            if budget <= 0:
                return
            yield from _reversed_content(sibling, whole_labels)
        parent = node.getparent()
        if parent is None or parent.tag in ("form", "body", "fieldset"):
            if parent is not None and parent.text:
                yield parent.text
            return
        if parent.text:
            yield parent.text
        node = parent
        levels -= 1


def _reversed_content(element: Element, whole_labels: bool = False) -> Iterator[str | Element]:
    """An element's text and fields in reverse document order (iteratively: pages nest deep).
    `whole_labels`: a `<label>` around a field comes as one, with the field (its text is the
    field's answer, not a question for what follows)."""
    stack: list[str | Element] = [element]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            yield node
            continue
        tag = node.tag if isinstance(node.tag, str) else ""
        if (
            tag in _NATIVE
            or (whole_labels and tag == "label" and next(node.iter(*_NATIVE), None) is not None)
            or (node.get("name") is not None and ("-" in tag or ":" in tag))
            or node.get("e-name") is not None  # an angular-xeditable field
            or (":" in tag and tag.rsplit(":", 1)[-1] in _CONTROL_TAGS)
        ):
            yield node  # a field (or a component with a name of its own): its text is its own
            continue
        if ":" in tag and node.get("text"):
            yield node.get("text")  # <asp:Label Text="Full name">
        if tag in _SKIP_TEXT or node.get("role") in ("option", "listbox"):
            continue
        if node.text:
            stack.append(node.text)
        for child in node:
            stack.append(child)
            if child.tail:
                stack.append(child.tail)


def _legend(element: Element, ancestors: list[Element]) -> str:
    for fieldset in _all_ancestors(element, ancestors):
        if fieldset.tag == "fieldset":
            for legend in fieldset.iterchildren("legend"):
                return _text(legend)
            return ""
    return ""


# JSX text's code: what is between braces, or before a brace closed or after one opened in the text
_JSX_CODE = re.compile(r"\{[^{}]*\}|^[^{}]*\}|\{[^{}]*$")
_JSX_PATH = re.compile(r"\{?\s*[\w$]+(?:\??\.[\w$]+)*\s*\}?")
_JSX_STRING = re.compile(r"'([^'\n]*)'|\"([^\"\n]*)\"|`([^`$]*)`")


def _without_jsx_code(text: str) -> str:
    """A JSX label's text as a person reads it: `Email {errors.email && (Required)}` is "Email";
    an expression's strings stay (`{lang === "ta" ? "முகவரி" : "Address"}`, `{t('Email')}`), and
    so does a bare path (`{labels.phoneNo}`), which says what the text would be."""
    if "{" not in text and "}" not in text:
        return text

    def spoken(code: re.Match[str]) -> str:
        if _JSX_PATH.fullmatch(code.group()):
            return code.group().strip("{} ")
        return " ".join(
            next(part for part in string.groups() if part is not None) for string in _JSX_STRING.finditer(code.group())
        )

    return _squash(_JSX_CODE.sub(spoken, text))


def _squash(text: str) -> str:
    return " ".join(text.split())


def _words(tag: str) -> list[str]:
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", tag)
    return [w for w in re.split(r"[^A-Za-z]+", spaced.lower()) if w]
