"""Fields a controller component draws through a render prop (react-hook-form's `Controller`,
shadcn/ui's `FormField`):

    <FormField control={form.control} name="chineseName" render={({ field }) => (
      <FormItem>
        <FormLabel>中文姓名 Chinese Name</FormLabel>
        <FormControl><Input placeholder="..." {...field} /></FormControl>
      </FormItem>
    )} />

The controller names the field; the input inside its render prop is where the field is drawn,
and the label beside it says what it asks. The neutralised markup keeps the render prop as one
attribute value, so it is read from the template code, whose offsets are the markup's.
"""

from __future__ import annotations

import re

from datamin.parse.brackets import closing
from datamin.parse.markup.positions import LineIndex
from datamin.records import Control

_REACH = 4000  # characters of a render prop looked at
_RENDER = re.compile(r"""<[\w.:-]+(?:\s+[\w:.-]+(?:=(?:"[^"]*"|'[^']*'|\{[^{}]*\}))?)*\s+render=(?=\{)""")
_INPUT = re.compile(
    r"<(?:Input|TextField|Textarea|Select|SelectTrigger|Checkbox|RadioGroup|Switch|DatePicker|Calendar|InputOTP|PhoneInput"
    r"|Combobox|input|textarea|select|[A-Z]\w*(?:Input|Select|Picker|Textarea|TextField))\b[^<>]*"
)
_LABEL = re.compile(r"<(FormLabel|Label|label|[A-Z]\w*Label)\b[^>]*>(.*?)</\1>", re.S)  # <RequiredLabel>
_ATTRIBUTE = re.compile(r"""\b(placeholder|type|label)=(?:"([^"]*)"|'([^']*)')""")
_MARKUP = re.compile(r"<[^>]*>|\{[^{}]*\}")


def in_render_props(controls: list[Control], code: str, lines: LineIndex) -> list[Control]:
    return [_drawn(control, code, lines) for control in controls]


def _drawn(control: Control, code: str, lines: LineIndex) -> Control:
    start = lines.span_of_lines(control.line, control.line)[0] + control.column - 1
    if not code.startswith("<", start):
        return control
    head = _RENDER.match(code, start, start + _REACH)
    if head is None:
        return control
    end = closing(code, head.end(), quotes="\"'`", comments=True, jsx=True)
    prop = code[head.end() : end]
    drawn = _INPUT.search(prop)
    if drawn is None:
        return control
    at = head.end() + drawn.start()
    labels = list(control.labels)
    label = _LABEL.search(prop)
    if label is not None:
        text = " ".join(_MARKUP.sub(" ", label.group(2)).split())
        if text:
            labels.append(("label", text))
    kind = control.type
    for name, double, single in _ATTRIBUTE.findall(drawn.group()):
        value = double or single
        if name in ("placeholder", "label") and value:
            labels.append((name, value))
        elif name == "type" and value:
            kind = value.lower()
    return control._replace(line=lines.line_of(at), column=lines.column_of(at), labels=tuple(labels), type=kind)
