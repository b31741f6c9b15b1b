"""Symfony form types: `$builder->add('email', EmailType::class, ['label' => 'E-mail'])`
(`source` `form-class`), container the form type's class. The type class says the input
(`BirthdayType` asks for a birth date, `PasswordType` a password); the options `label`,
`help`, `attr.placeholder` and `choices` are evidence."""

from __future__ import annotations

from collections.abc import Iterator

from datamin.parse.code.laravel import arguments, text_of
from datamin.parse.code.treesitter import Node, Source, walk
from datamin.parse.sniff import Sniff
from datamin.records import Control, Form

SNIFF = Sniff(r"FormBuilderInterface|extends\s+AbstractType\b", ("FormBuilderInterface", "AbstractType"))
_TYPES = {
    "EmailType": "email", "PasswordType": "password", "RepeatedType": "text", "TelType": "tel", "DateType": "date",
    "BirthdayType": "date", "DateTimeType": "datetime-local", "TimeType": "time", "IntegerType": "number",
    "NumberType": "number", "MoneyType": "number", "CheckboxType": "checkbox", "ChoiceType": "select",
    "EntityType": "select", "CountryType": "select", "LanguageType": "select", "GenderType": "select",
    "FileType": "file", "TextareaType": "textarea", "HiddenType": "hidden", "SubmitType": "submit",
    "ResetType": "reset", "ButtonType": "button", "UrlType": "url", "SearchType": "search", "TextType": "text",
}  # fmt: skip


def fields(source: Source) -> Iterator[Control]:
    for node in walk(source.root):
        if node.type == "class_declaration":
            name_node = node.child_by_field_name("name")
            line, _ = source.position(name_node or node)
            form = Form(line, source.text(name_node))
            for call in walk(node):
                if call.type == "member_call_expression" and source.text(call.child_by_field_name("name")) == "add":
                    control = _field(source, call, form)
                    if control is not None:
                        yield control


def _field(source: Source, call: Node, form: Form) -> Control | None:
    listed = [a.named_children[0] for a in arguments(call) if a.named_children]
    if not listed or not text_of(source, listed[0]):
        return None
    name_node = listed[0]
    type_class = source.text(listed[1]).split("::", 1)[0].rsplit("\\", 1)[-1] if len(listed) > 1 else ""
    options = _options(source, listed[2]) if len(listed) > 2 else {}
    kind = _TYPES.get(type_class, "text")
    if type_class == "RepeatedType" and "PasswordType" in source.text(listed[2] if len(listed) > 2 else name_node):
        kind = "password"
    labels = [
        ("label", options.get("label", "")),
        ("title", options.get("help", "")),
        ("placeholder", options.get("placeholder", "")),
    ]
    if type_class and type_class not in ("TextType", "ChoiceType", "EntityType", "HiddenType"):
        labels.append(("class", type_class))  # BirthdayType, CountryType: what they ask for
    line, at = source.position(name_node)
    choices = tuple(c for c in options.get("choices", "").split("\x00") if c)
    return Control(
        source.path, line, at, "form-class", type_class or "add", name=text_of(source, name_node), type=kind,
        labels=tuple((how, text) for how, text in labels if text), options=choices, form=form,
    )  # fmt: skip


def _options(source: Source, node: Node) -> dict[str, str]:
    """`['label' => 'E-mail', 'attr' => ['placeholder' => '...'], 'choices' => [...]]`."""
    found: dict[str, str] = {}
    if node.type != "array_creation_expression":
        return found
    for element in node.named_children:
        if element.type != "array_element_initializer" or len(element.named_children) < 2:
            continue
        key, value = text_of(source, element.named_children[0]), element.named_children[-1]
        if key in ("label", "help") and text_of(source, value):
            found[key] = text_of(source, value)
        elif key == "attr":
            found.update({k: v for k, v in _options(source, value).items() if k == "placeholder"})
            for item in value.named_children:
                if len(item.named_children) == 2 and text_of(source, item.named_children[0]) == "placeholder":
                    found["placeholder"] = text_of(source, item.named_children[1])
        elif key == "choices":
            labels = [text_of(source, part) for item in value.named_children for part in item.named_children[:1]]
            found["choices"] = "\x00".join(label for label in labels if label)
    return found
