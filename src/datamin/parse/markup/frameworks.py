"""Fields that framework helpers render, read from where the field name is written.

`<%= f.date_field :dob %>`, `{{ Form::text('ic_no') }}`, `{{ form.dob }}`, `form_row(form.email)`,
`govukInput({ name: "email" })`, `{{> forms/text name="postcode"}}`, `woocommerce_form_field('billing_phone')`:
no `<input>` is written, but the field is. These readers work on the template text with
comments blanked (see `template.py`) and never run anything.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple, Protocol

from datamin.parse.brackets import outside_quotes
from datamin.parse.markup.notice import links_to_notice, mentions_notice
from datamin.parse.markup.template import Neutralised
from datamin.records import Control, Form


class FormLookup(Protocol):
    def at(self, line: int) -> Form | None: ...


class Helper(NamedTuple):
    """One kind of helper call: where the name is, and what input type it renders."""

    via: str
    pattern: re.Pattern[str]
    types: dict[str, str]  # helper method -> input type ("" for a text input, "select"...)


def _types(**kinds: str) -> dict[str, str]:
    """Helper method -> input type, by the method's name in lower case (`CHtml::textArea` and
    `Html::textarea` alike)."""
    return {method.lower(): kind for method, kind in kinds.items()}


_RAILS_TYPES = _types(
    email_field="email", telephone_field="tel", phone_field="tel", password_field="password",
    hidden_field="hidden", check_box="checkbox", radio_button="radio", file_field="file",
    date_field="date", date_select="select", datetime_field="datetime-local", number_field="number",
    select="select", collection_select="select", grouped_collection_select="select",
    country_select="select", time_zone_select="select", text_area="textarea", textarea="textarea",
    collection_radio_buttons="radio", collection_check_boxes="checkbox", url_field="url",
)  # fmt: skip
_FORM_TYPES = _types(
    email="email", password="password", tel="tel", hidden="hidden", checkbox="checkbox",
    radio="radio", file="file", date="date", number="number", select="select",
    selectrange="select", selectmonth="select", dropdown="select", textarea="textarea",
    multiselect="select", upload="file", url="url",
)  # fmt: skip

_YII_HTML_TYPES = _types(
    passwordField="password", passwordInput="password", textArea="textarea", dropDownList="select",
    listBox="select", checkBox="checkbox", checkBoxList="checkbox", radioButton="radio",
    radioButtonList="radio", radioList="radio", hiddenField="hidden", hiddenInput="hidden",
    fileField="file", fileInput="file", emailField="email", dateField="date", telField="tel",
    numberField="number",
)  # fmt: skip
_YII_FIELDS = (
    r"(?i:textField|passwordField|textArea|dropDownList|listBox|checkBox|checkBoxList|radioButton|radioButtonList"
    r"|hiddenField|fileField|emailField|dateField|telField|numberField|textInput|passwordInput|radioList"
    r"|fileInput|hiddenInput)"
)

_HELPERS: tuple[Helper, ...] = (
    # Rails form builders, simple_form and formtastic: f.text_field :dob, f.input :email
    Helper(
        "rails",
        re.compile(
            r"(?:\b\w+|\))\.(?P<method>text_field|email_field|telephone_field|phone_field|password_field|date_field"
            r"|datetime_field|datetime_local_field|number_field|text_area|textarea|select|collection_select"
            r"|grouped_collection_select|country_select|time_zone_select|radio_button|check_box|file_field"
            r"|hidden_field|date_select|search_field|url_field|month_field|week_field|time_field"
            r"|rich_text_area|input|collection_radio_buttons|collection_check_boxes)\s*\(?\s*(?:[@\w.]+\s*,\s*)?:(?P<name>\w+)"
        ),
        _RAILS_TYPES,
    ),
    # Rails' form helpers called with the object's name: text_field :patient, :dob renders
    # `patient[dob]`; text_field("post", "title")
    Helper(
        "rails",
        re.compile(
            r"(?<![.\w:])(?P<method>text_field|email_field|telephone_field|phone_field|password_field|date_field"
            r"|datetime_field|datetime_local_field|number_field|text_area|select|collection_select|country_select"
            r"|time_zone_select|radio_button|check_box|file_field|hidden_field|date_select|search_field|url_field)"
            r"\s*\(?\s*[:'\"](?P<object>\w+)['\"]?\s*,\s*[:'\"](?P<name>\w+)"
        ),
        _RAILS_TYPES,
    ),
    # Rails tag helpers: text_field_tag :q, email_field_tag 'email'
    Helper(
        "rails",
        re.compile(
            r"\b(?P<method>text_field|email_field|password_field|telephone_field|phone_field|number_field"
            r"|date_field|select|text_area|hidden_field|check_box|radio_button|file_field|search_field"
            r"|url_field)_tag\s*\(?\s*[:'\"](?P<name>[^'\"\s,)]+)"
        ),
        _RAILS_TYPES,
    ),
    # An application's own field helper, known by what it carries: a name, then a label for
    # people to read (HAML `= text(:dob, 'Date of Birth')`, `radio(:gender, 'Gender', [...])`).
    # Rails' own `select("post", "person_id")` passes an identifier, not a label; tag helpers
    # (`text_field_tag 'q', 'value'`) a value.
    Helper(
        "rails",
        re.compile(
            r"(?<![.\w:])(?!\w*_tag\b)(?P<method>\w*(?:text|radio|select|check_?box|date|field|input|phone|email"
            r"|upload|attachment|file|password|number)\w*)\s*\(\s*[:'\"](?P<name>\w+)['\"]?\s*,\s*"
            r"['\"](?P<text>[^'\"\n]*[A-Z ][^'\"\n]*)['\"]"
        ),
        _types(
            radio="radio",
            select="select",
            textarea="textarea",
            textarea_sm="textarea",
            checkbox="checkbox",
            check_box="checkbox",
            attachment="file",
            upload="file",
            file="file",
            date="date",
            email="email",
            password="password",
            phone="tel",
        ),
    ),
    # Laravel Collective Form::input('date', 'dob'), spatie html()->input('date', 'dob'): the type, then the name
    Helper(
        "laravel",
        re.compile(
            r"(?:\bForm::|html\(\)->)input\s*\(\s*(?:['\"](?P<method>\w+)['\"]\s*,\s*)?['\"](?P<name>[^'\"]+)['\"]",
            re.I,
        ),
        _FORM_TYPES,
    ),
    # Laravel Collective Form::text('ic'), spatie html()->email('email'), and an application's own
    # macro named for the field it renders (`Form::radioGroup('gender', $options)`)
    Helper(
        "laravel",
        re.compile(
            r"(?:\bForm::|html\(\)->)(?P<method>text|email|password|tel|number|date|select|selectRange"
            r"|selectMonth|textarea|checkbox|radio|hidden|file|url|search"
            r"|(?!input\b)\w*(?:text|radio|select|check|date|input|field|email|phone|password|upload|number)\w*)"
            r"\s*\(\s*['\"](?P<name>[^'\"]+)['\"]",
            re.I,
        ),
        _FORM_TYPES,
    ),
    # CodeIgniter form_input('email'), form_dropdown('gender', ...)
    Helper(
        "codeigniter",
        re.compile(
            r"\bform_(?P<method>input|password|dropdown|textarea|upload|hidden|checkbox|radio|multiselect)"
            r"\s*\(\s*['\"](?P<name>[^'\"]+)['\"]"
        ),
        _FORM_TYPES,
    ),
    # ... and with its attributes in an array: form_input(array('name' => 'ic', 'maxlength' => '12'))
    Helper(
        "codeigniter",
        re.compile(
            r"\bform_(?P<method>input|password|dropdown|textarea|upload|hidden|checkbox|radio|multiselect)"
            r"\s*\(\s*(?:array\s*\(|\[)[^;]{0,300}?['\"]name['\"]\s*=>\s*['\"](?P<name>[^'\"]+)['\"]"
        ),
        _FORM_TYPES,
    ),
    # CakePHP $this->Form->control('email'), Yii $form->field($model, 'email')
    Helper(
        "cakephp",
        re.compile(
            r"\$this->Form->(?P<method>control|input|text|email|password|select|textarea|checkbox|radio"
            r"|hidden|dateTime|date|year|month|day|file|tel)\s*\(\s*(?:\$\w+\s*=\s*)?['\"](?P<name>[^'\"]+)['\"]"
        ),
        _FORM_TYPES,
    ),
    Helper(
        "yii",
        re.compile(
            r"(?:->field|Html::active(?P<method>TextInput|PasswordInput|DropDownList|TextArea|HiddenInput"
            r"|CheckBox|RadioList|Input))\s*\(\s*\$\w+\s*,\s*['\"](?P<name>[^'\"]+)['\"]"
        ),
        _types(
            PasswordInput="password",
            DropDownList="select",
            TextArea="textarea",
            HiddenInput="hidden",
            CheckBox="checkbox",
            RadioList="radio",
        ),
    ),
    # Yii 1's CHtml and Yii 2's Html given a field's name (`CHtml::textField("Applicant[$i][ssn]", ...)`,
    # `Html::textInput('email')`), and Yii 1's active fields (`$form->textField($model, 'dob')`)
    Helper(
        "yii",
        re.compile(
            rf"\bC?Html::(?P<method>{_YII_FIELDS})\s*\(\s*['\"](?P<name>[^'\"]+)['\"]"
            rf"|(?:\bCHtml::active|\$form->)(?P<method2>{_YII_FIELDS})\s*\(\s*\$\w+\s*,\s*['\"](?P<name2>[^'\"]+)['\"]"
        ),
        _YII_HTML_TYPES,
    ),
    # ... and its widgets given a model's attribute: DatePicker::widget(['model' => $m, 'attribute' => 'dob'])
    Helper(
        "yii",
        re.compile(
            r"\b(?P<method>DatePicker|DateTimePicker|Select2|MaskedInput|FileInput|TimePicker|\w+)::widget\s*\(\s*"
            r"(?:array\s*\(|\[)[^;]{0,300}?['\"]attribute['\"]\s*=>\s*['\"](?P<name>[^'\"]+)['\"]"
        ),
        _types(
            DatePicker="date", DateTimePicker="datetime-local", Select2="select", FileInput="file", TimePicker="time"
        ),
    ),
    # ... and Yii 1's input widgets, given a name or a model's attribute:
    # $this->widget('zii.widgets.jui.CJuiDatePicker', array('name' => "Applicant[$i][birthday]", ...))
    # (a grid's or a list's widget is no field: its columns have names too)
    Helper(
        "yii",
        re.compile(
            r"\$this->widget\s*\(\s*['\"](?:[\w]+\.)*(?P<method>\w*(?:Picker|AutoComplete|Autocomplete|MaskedTextField"
            r"|TextField|Input|Select\w*|DropDown\w*|Upload\w*|Editor|Slider|Rating))['\"]\s*,\s*array\s*\("
            r"[^;]{0,300}?['\"](?:name|attribute)['\"]\s*=>\s*['\"](?P<name>[^'\"]+)['\"]"
        ),
        _types(CJuiDatePicker="date", CJuiAutoComplete="text", CMaskedTextField="text", CMultiFileUpload="file"),
    ),
    # PHP form builders: Nette $form->addText('name', 'Name:'), Gibbon $row->addTextField('surname'),
    # $row->addSelectGender('gender'); a dotted name is a query builder's column (`addSelect('u.email')`),
    # a yes/no a checkbox's question; a hidden value is the page's (`addHiddenValue('address', ...)`)
    Helper(
        "formbuilder",
        re.compile(
            r"->add(?P<method>TextField|TextArea|Text|Email|Password|DateTime|Date|Time|FileUpload|Upload|File"
            r"|CheckboxList|Checkbox|RadioList|Radio|Integer|Number|PhoneNumber|Phone|URL|Url|YesNo|MultiSelect"
            r"|Select|Username)\w*\s*\(\s*['\"](?P<name>[\w\[\]-]+)['\"]"
            r"(?:\s*,\s*(?:_{1,2}\(\s*|\$this->translate\(\s*)?['\"](?P<text>[^'\"]+)['\"])?"
        ),
        _types(
            TextArea="textarea",
            Email="email",
            Password="password",
            DateTime="datetime-local",
            Date="date",
            Time="time",
            FileUpload="file",
            Upload="file",
            File="file",
            CheckboxList="checkbox",
            Checkbox="checkbox",
            RadioList="radio",
            Radio="radio",
            Integer="number",
            Number="number",
            PhoneNumber="tel",
            Phone="tel",
            URL="url",
            Url="url",
            YesNo="checkbox",
            MultiSelect="select",
            Select="select",
        ),
    ),
    # Yii2 kartik form builders: 'attributes' => ['nama' => ['type' => Form::INPUT_TEXT, ...]]
    Helper(
        "yii",
        re.compile(
            r"['\"](?P<name>[\w\[\].-]+)['\"]\s*=>\s*(?:\[|array\s*\()\s*['\"]type['\"]\s*=>\s*\w*Form::INPUT_"
            r"(?P<method>TEXT|TEXTAREA|PASSWORD|DROPDOWN_LIST|LIST_BOX|RADIO_LIST|CHECKBOX_LIST|CHECKBOX|RADIO"
            r"|FILE|WIDGET|HIDDEN|HTML5|MULTISELECT|CHECKBOX_BUTTON_GROUP|RADIO_BUTTON_GROUP)\b"
        ),
        _types(
            TEXTAREA="textarea",
            PASSWORD="password",
            DROPDOWN_LIST="select",
            LIST_BOX="select",
            RADIO_LIST="radio",
            CHECKBOX_LIST="checkbox",
            CHECKBOX="checkbox",
            RADIO="radio",
            FILE="file",
            HIDDEN="hidden",
            MULTISELECT="select",
            CHECKBOX_BUTTON_GROUP="checkbox",
            RADIO_BUTTON_GROUP="radio",
        ),
    ),
    # Phoenix (EEx): text_input(f, :email, placeholder: "..."), select(f, :gender, [...])
    Helper(
        "phoenix",
        re.compile(
            r"\b(?P<method>text_input|email_input|password_input|telephone_input|number_input|date_input"
            r"|datetime_local_input|textarea|select|checkbox|radio_button|file_input|hidden_input|url_input"
            r"|search_input|date_select)(?:\(\s*|[ \t]+)\w+\s*,\s*:(?P<name>\w+)"  # `textarea f, :bio` too
        ),
        _types(
            email_input="email",
            password_input="password",
            telephone_input="tel",
            number_input="number",
            date_input="date",
            datetime_local_input="datetime-local",
            textarea="textarea",
            select="select",
            checkbox="checkbox",
            radio_button="radio",
            file_input="file",
            hidden_input="hidden",
            url_input="url",
            date_select="select",
        ),
    ),
    # Zend Framework 1: `<?= $this->form->username ?>` renders the form's element of that name;
    # Laminas (Zend 2+): `$this->formRow($form->get('email'))`, `$this->formElement(...)`
    Helper(
        "zend",
        re.compile(
            r"(?:<\?=|\becho\b)\s*\$this->\w*[Ff]orm\w*->(?P<name>[A-Za-z_]\w*)\s*;?\s*\?>"
            r"|\$this->form(?P<method>Row|Element|Input|Text|Email|Password|Select|Textarea|TextArea|MultiCheckbox"
            r"|Checkbox|Radio|Date|DateSelect|Hidden|File|Tel|Number)\s*\(\s*\$\w+->get\(\s*['\"](?P<name2>[^'\"]+)['\"]"
        ),
        _types(
            Email="email",
            Password="password",
            Select="select",
            Textarea="textarea",
            TextArea="textarea",
            MultiCheckbox="checkbox",
            Checkbox="checkbox",
            Radio="radio",
            Date="date",
            DateSelect="select",
            Hidden="hidden",
            File="file",
            Tel="tel",
            Number="number",
        ),
    ),
    # FreeMarker's Spring macros: <@spring.formInput "customer.phone"/> renders the input `phone`
    # of the bound object (`customer`)
    Helper(
        "freemarker",
        re.compile(
            r"<@\w+\.form(?P<method>Input|PasswordInput|HiddenInput|Textarea|SingleSelect|MultiSelect|RadioButtons"
            r"|Checkboxes|Checkbox)\s+[\"'][\w\[\]-]+\.(?P<name>[\w.\[\]-]+)[\"']"
        ),
        _types(
            PasswordInput="password",
            HiddenInput="hidden",
            Textarea="textarea",
            SingleSelect="select",
            MultiSelect="select",
            RadioButtons="radio",
            Checkboxes="checkbox",
            Checkbox="checkbox",
        ),
    ),
    # WooCommerce: woocommerce_form_field( 'billing_phone', ... )
    Helper(
        "woocommerce",
        re.compile(r"\bwoocommerce_form_field\s*\(\s*['\"](?P<name>[^'\"]+)['\"]"),
        {},
    ),
    # ASP.NET: @Html.TextBoxFor(m => m.PhoneNumber), VB's (Function(m) m.PhoneNumber), @Html.TextBox("Phone")
    Helper(
        "aspnet",
        re.compile(
            r"@?Html\.(?P<method>TextBoxFor|PasswordFor|EditorFor|EnumDropDownListFor|DropDownListFor|TextAreaFor|CheckBoxFor"
            r"|RadioButtonFor|HiddenFor|ListBoxFor)\s*\(\s*(?:\w+\s*=>|Function\s*\(\s*\w+\s*\))\s*\w+\.(?P<name>[\w.]+)"
            r"|@?Html\.(?P<method2>TextBox|Password|DropDownList|TextArea|CheckBox|RadioButton|Hidden)"
            r"\s*\(\s*\"(?P<name2>[^\"]+)\""
        ),
        _types(
            PasswordFor="password",
            Password="password",
            DropDownListFor="select",
            EnumDropDownListFor="select",
            DropDownList="select",
            TextAreaFor="textarea",
            TextArea="textarea",
            CheckBoxFor="checkbox",
            CheckBox="checkbox",
            RadioButtonFor="radio",
            RadioButton="radio",
            HiddenFor="hidden",
            Hidden="hidden",
            ListBoxFor="select",
        ),
    ),
)

# Django, Jinja/WTForms, Twig/Symfony: {{ form.dob }}, {{ form.phone(class_="x") }},
# {{ render_field(form.nric) }}, {{ form_row(form.email) }}, {% bootstrap_field form.phone %},
# {% call render_field(form.plate) %}...{% endcall %} (a Jinja macro given a body)
_CURLY_FIELD_TAG = re.compile(
    r"\{%-?\s*(?:call\s+)?(?:render_field|bootstrap_field|crispy_field|form_field|formfield|field|form_row|form_widget|include)\b(?P<expr>.*?)-?%\}",
    re.S,
)
# form.email, form.plainPassword.first; not .Form.Email (Go data) or form.email.errors
_FORM_ATTRIBUTE = re.compile(r"(?<![.$\w])(?P<form>\w*form\w*)(?P<chain>(?:\.\w+)+)\b(?!\s*[\[(]\s*['\"])", re.I)
_NOT_FIELDS = frozenset(
    {
        "label", "label_tag", "errors", "help_text", "value", "id_for_label", "html_name", "auto_id",
        "non_field_errors", "hidden_fields", "visible_fields", "media", "as_p", "as_table", "as_ul",
        "as_div", "is_bound", "data", "initial", "fields", "prefix", "instance", "vars", "hidden_tag",
        "csrf_token", "is_valid", "cleaned_data", "action", "method", "render", "start", "end", "rest",
        "children", "parent", "submitted", "posted_data", "posted", "error", "attrs", "widget",
        "management_form", "forms", "empty_form", "is_multipart", "template_name", "get", "render_kw", "flags",
        "raw_data", "object_data", "short_name", "validators",
    }
)  # fmt: skip
# A form's member named like this is its button (a SubmitField, a Symfony SubmitType): what the
# parent form is called (`pwd` for the password form) says nothing about it.
_BUTTON_FIELDS = frozenset({"save", "submit", "send", "cancel", "reset", "update", "delete", "next", "back"})
_NOT_FIELD_CALLS = re.compile(
    r"(?:form_label|form_errors|form_help|form_start|form_end|form_rest|label|errors)\s*\(\s*$"
)

# Nunjucks/Jinja macros and Handlebars partials that render an input:
# govukInput({ name: "email", label: { text: "Email" } }), {{> forms/text name="postcode"}}
_MACRO_CALL = re.compile(
    r"(?P<macro>\w*(?:Input|Select|Textarea|Radios|Checkboxes|Field|Upload|CharacterCount)\w*)\s*\(\s*\{"
)
# Jinja macros of a form module called with the field's name first (CKAN, Flask apps):
# {{ form.input('email', label=_('Email'), type='email') }}, {{ form.markdown('about', ...) }};
# so are the macros of a module the template imports by another name (Twig's and Jinja's
# `{% import 'macro_functions.html.twig' as mf %}` ... `{{ mf.selectbox('country', ...) }}`).
_FORM_MACRO = re.compile(r"\b(?P<alias>\w+)\.(?P<method>\w+)\(\s*['\"](?P<name>[\w.\[\]-]+)['\"]")
_FORM_MODULE = re.compile(r"\w*forms?")
# Phalcon Volt's tag helpers: {{ password_field('repeatPassword', 'class': 'x') }}, {{ text_area('bio') }}
_VOLT_TAG = re.compile(
    r"\b(?P<fn>(?:text|password|email|numeric|date|file|hidden|check|radio|tel|search)_field|text_area|select_static)"
    r"(?P<paren>\()\s*['\"](?P<name>[\w.\[\]-]+)['\"]"
)
_VOLT_KINDS = {
    "password_field": "password", "email_field": "email", "numeric_field": "number", "date_field": "date",
    "file_field": "file", "hidden_field": "hidden", "check_field": "checkbox", "radio_field": "radio",
    "tel_field": "tel", "search_field": "search", "text_area": "textarea", "select_static": "select",
}  # fmt: skip
_MACRO_IMPORT = re.compile(r"\{%-?\s*import\s+['\"][^'\"]+['\"]\s+as\s+(\w+)")
_MACRO_INPUT_WORDS = frozenset(
    {"input", "text", "textarea", "markdown", "select", "checkbox", "radio", "date", "email", "password", "upload",
     "image", "file", "phone", "prepend", "field"}
)  # fmt: skip
# Go templates: a field's partial given what a function makes of the field's name, its label's
# translation key and pairs of options:
# {{ template "input" (input . "first-names" "firstNames" .Form.FirstNames "type" "email") }}
_GO_FIELD_CALL = re.compile(
    r'\(\s*(?P<fn>\w+)\s+\.\s+"(?P<name>[\w.\[\]-]+)"(?P<args>(?:\s+(?:"[^"]*"|[\w.$]+))*)\s*\)'
)
# Handlebars and Ember helpers, components and partials called with hash arguments:
# {{form.input property="firstName" label=(t 'x')}}, {{date-select property="birthday"}},
# {{> forms/text name="postcode"}}, {{input value=this.email}}. Django's {{ form.dob }} has none.
_MUSTACHE_CALL = re.compile(
    r"\{\{[{~]?\s*(?:[#>]\s*)?(?P<helper>[A-Za-z_@][\w\-./:@]*)(?P<args>\s[^{}]*?=.*?)~?\}\}\}?$", re.S
)
_HASH = re.compile(
    r"(?<![\w.@-])@?(?P<key>[A-Za-z_][\w-]*)\s*=\s*(?:(?P<quote>['\"])(?P<value>[^'\"]*)(?P=quote)|(?P<bare>[\w.@$]+))"
)
# Words of a helper's name that make it an input.
_INPUT_WORDS = frozenset(
    {"input", "text", "field", "select", "textarea", "checkbox", "radio", "email", "password", "phone", "tel",
     "date", "upload", "dropdown", "picker", "typeahead", "autocomplete", "toggle", "switch", "control"}
)  # fmt: skip
# The hash arguments that name the field a helper renders, and those that show it is a field.
_FIELD_NAME_KEYS = ("name", "property", "field", "fieldName", "valuePath", "path", "attribute", "attr")
_FIELD_FACE_KEYS = frozenset({"label", "placeholder", "type", "autocomplete", "inputType"})
# A helper whose name ends in one of these renders something about a field, never the field:
# {{validation-errors property="birthday"}}, {{form.label property="dob"}}.
_NOT_FIELD_HELPERS = frozenset(
    {"error", "errors", "label", "labels", "message", "messages", "feedback", "hint", "help", "tooltip",
     "description", "link", "button", "icon", "t", "translate", "display", "value", "show", "view"}
)  # fmt: skip
_ARGUMENT = re.compile(
    r"\b(?P<key>name|id|label|type|autocomplete|namePrefix|placeholder|value|text)\s*[:=]\s*(?:\{\s*text\s*:\s*)?(?P<quote>['\"])(?P<value>[^'\"]*)(?P=quote)"
)
_LABEL_ARGUMENT = re.compile(
    r"\blabel\b\s*[:=>]+\s*(?:\{\s*['\"]?(?:text|html)['\"]?\s*:\s*)?(?:\w+\(\s*|\(\s*\w+\s+)?['\"](?P<value>[^'\"]+)['\"]"
)
_PLACEHOLDER_ARGUMENT = re.compile(r"\bplaceholder\b['\"]?\s*[:=>]+\s*(?:\w+\(\s*)?['\"](?P<value>[^'\"]+)['\"]")
_AUTOCOMPLETE_ARGUMENT = re.compile(r"\bautocomplete\b['\"]?\s*[:=>]+\s*['\"](?P<value>[^'\"]+)['\"]")
_TYPE_ARGUMENT = re.compile(r"\b(?:type|as)\b['\"]?\s*[:=>]+\s*[:'\"]?(?P<value>\w+)")
# Label helpers give helpers their text: Rails f.label :dob, "Date of birth"; Laravel
# Form::label('ic_no', 'IC number'); CodeIgniter form_label('Tarikh Lahir', 'dt_lahir') (text first).
_HELPER_LABELS = {
    "rails": re.compile(
        r"(?:\b\w+\.label|(?<![.\w:])label)\s*\(?\s*(?::(?P<object>\w+)\s*,\s*)?:(?P<name>\w+)\s*,\s*(?:t\(\s*)?"
        r"['\"](?P<text>[^'\"]+)['\"]"
    ),
    "laravel": re.compile(
        r"\bForm::label\s*\(\s*['\"](?P<name>[^'\"]+)['\"]\s*,\s*(?:_{1,2}\(\s*|trans\(\s*)?['\"](?P<text>[^'\"]+)['\"]"
    ),
    "codeigniter": re.compile(
        r"\bform_label\s*\(\s*(?:lang\(\s*)?['\"](?P<text>[^'\"]+)['\"]\s*\)?\s*,\s*['\"](?P<name>[^'\"]+)['\"]"
    ),
    # Phoenix: label(f, :name, "Full Name")
    "phoenix": re.compile(r"\blabel\(\s*\w+\s*,\s*:(?P<name>\w+)\s*,\s*(?:gettext\(\s*)?\"(?P<text>[^\"]+)\""),
    # a PHP form builder's row: $row->addLabel('surname', __('Surname'))
    "formbuilder": re.compile(
        r"->addLabel\s*\(\s*['\"](?P<name>[^'\"]+)['\"]\s*,\s*(?:_{1,2}\(\s*)?['\"](?P<text>[^'\"]+)['\"]"
    ),
}
# Literal first (no \b): a regular expression that starts with a literal scans large pages fast.
_FORM_OPENER = re.compile(
    r"(?P<opener>form_with\b|form_for\b|form_tag\b|simple_form_for\b|semantic_form_for\b"
    r"|\{%-?\s*form\b|Form::open\b|Form::model\b|form_start\s*\(|Html\.BeginForm\b|\$this->Form->create\b"
    r"|form_open\s*\()(?P<args>[^\n%}]*)"
)


# Which helpers can stand in which kind of template construct.
_ERB, _PHP, _CURLY = ("output_erb", "statement_erb"), ("php", "output_blade"), ("output_curly", "statement_curly")
_OWN_KINDS = ("aspnet", "freemarker")  # helpers read in their own templates' constructs, not ERB's or PHP's
_ERB_HELPERS = ("rails", "phoenix")  # `<%= %>` is Ruby's or Elixir's
_HELPERS_IN: dict[str, tuple[Helper, ...]] = {
    kind: tuple(h for h in _HELPERS if (h.via in _ERB_HELPERS) == (kind in _ERB) and h.via not in _OWN_KINDS)
    for kind in (*_ERB, *_PHP)
}
_HELPERS_IN["statement_freemarker"] = tuple(h for h in _HELPERS if h.via == "freemarker")


def read(
    path: str, neutral: Neutralised, families: tuple[str, ...], line_of: Callable[[int], int], forms: FormLookup
) -> Iterator[Control]:
    """Every helper-rendered field in one template."""
    code = neutral.code

    def column_of(at: int) -> int:
        return at - (code.rfind("\n", 0, at) + 1) + 1

    def control(at: int, name: str, via: str, kind: str, args: str, labels: list[tuple[str, str]]) -> Control:
        line = line_of(at)
        label = _LABEL_ARGUMENT.search(args)
        if label:
            labels = [*labels, ("helper", _readable(label.group("value")))]
        placeholder = _PLACEHOLDER_ARGUMENT.search(args)
        if placeholder:
            labels = [*labels, ("placeholder", placeholder.group("value"))]
        autocomplete = _AUTOCOMPLETE_ARGUMENT.search(args)
        typed = _TYPE_ARGUMENT.search(args)
        if not kind and typed and typed.group("value").lower() in _INPUT_TYPES:
            kind = typed.group("value").lower()
        return Control(
            path=path,
            line=line,
            column=column_of(at),
            source="html",
            tag="select" if kind == "select" else "textarea" if kind == "textarea" else "helper",
            name=name,
            type="" if kind in ("select", "textarea") else (kind or "text"),
            autocomplete=autocomplete.group("value") if autocomplete else "",
            labels=tuple(labels),
            form=forms.at(line),
            via=via,
        )

    helper_labels: dict[str, str] = {}  # by the name or id of the field labelled
    for kind, start, end in neutral.constructs:
        erb = kind in _ERB
        for label_helper in (_HELPER_LABELS[k] for k in _HELPER_LABELS if (k in _ERB_HELPERS) == erb):
            if kind in _ERB or kind in _PHP:
                found = label_helper.finditer(code, start, end)
                helper_labels.update((_object_named(m.groupdict()), m.group("text")) for m in found)

    def helper_fields(helpers: tuple[Helper, ...], start: int, end: int) -> Iterator[Control]:
        for helper in helpers:
            for match in helper.pattern.finditer(code, start, end):
                groups = match.groupdict()
                name = _object_named(groups)
                method = groups.get("method") or groups.get("method2") or ""
                args = _call_arguments(code, match.end())
                labels = [("helper", _readable(helper_labels[name]))] if name in helper_labels else []
                if groups.get("text"):  # Nette: $form->addText('name', 'Name:')
                    labels.append(("helper", _readable(groups["text"])))
                yield control(
                    match.start(),
                    name,
                    f"{helper.via}:{method or 'field'}",
                    helper.types.get(method.lower(), ""),
                    args,
                    labels,
                )

    textareas: _Textareas | None = None
    macros = frozenset(_MACRO_IMPORT.findall(code)) if "import" in code else frozenset()
    for kind, start, end in neutral.constructs:
        if kind in _HELPERS_IN:
            yield from helper_fields(_HELPERS_IN[kind], start, end)
        if kind in _CURLY or kind == "output_blade":
            textareas = textareas or _Textareas(neutral.markup)
            yield from _curly_fields(code, neutral.markup, textareas, kind, start, end, control, macros)
    if "razor" in families or "erb" in families:
        yield from helper_fields(tuple(h for h in _HELPERS if h.via == "aspnet"), 0, len(code))


def _object_named(groups: dict[str, str | None]) -> str:
    """A helper's field name; Rails' `text_field :patient, :dob` renders `patient[dob]`."""
    name = groups.get("name") or groups.get("name2") or ""
    return f"{groups['object']}[{name}]" if groups.get("object") else name


ControlMaker = Callable[[int, str, str, str, str, list[tuple[str, str]]], Control]


def _curly_fields(
    code: str,
    markup: str,
    textareas: _Textareas,
    kind: str,
    start: int,
    end: int,
    control: ControlMaker,
    macros: frozenset[str] = frozenset(),
) -> Iterator[Control]:
    """{{ form.dob }}, {% render_field form.x %}, {{ govukInput({...}) }}, {{> forms/text name="x"}}."""
    chunk = code[start:end]
    call = _MUSTACHE_CALL.match(chunk)
    if call:
        if not _inside_tag(markup, start):
            yield from _helper_call(start, call, control)
        return
    if kind == "statement_curly":
        field_tag = _CURLY_FIELD_TAG.match(chunk)
        expr_start = start + field_tag.start("expr") if field_tag else -1
    else:
        expr_start = start + 2
        if _inside_tag(markup, start) or start in textareas:
            expr_start = -1  # value="{{ form.email }}" fills an input written elsewhere
    if expr_start >= 0:
        expr = code[expr_start:end]
        for attribute in _FORM_ATTRIBUTE.finditer(expr):
            chain = attribute.group("chain").strip(".").split(".")
            before = expr[: attribute.start()]
            if (
                any(part.lower() in _NOT_FIELDS for part in chain)
                or _NOT_FIELD_CALLS.search(before)
                or _in_string(before)
            ):
                continue
            button = "submit" if chain[-1].lower() in _BUTTON_FIELDS else ""  # {{ form_widget(form.pwd.save) }}
            yield control(
                expr_start + attribute.start(), ".".join(chain), "form-field", button, expr[attribute.end() :], []
            )
            break
    form_macro = next((m for m in _FORM_MACRO.finditer(chunk) if _renders_a_field(m, macros)), None)
    if form_macro:
        method = form_macro.group("method").lower()
        kind_of = next((t for w, t in _HELPER_KINDS.items() if w in method), "")
        args = _balanced(code, start + form_macro.end() - 1)
        yield control(start + form_macro.start(), form_macro.group("name"), f"macro:form.{method}", kind_of, args, [])
        return
    volt = _VOLT_TAG.search(chunk)
    if volt:
        args = _balanced(code, start + volt.start("paren"))
        kind_of = _VOLT_KINDS.get(volt.group("fn"), "")
        yield control(start + volt.start(), volt.group("name"), f"volt:{volt.group('fn')}", kind_of, args, [])
        return
    go = _GO_FIELD_CALL.search(chunk) if chunk.lstrip("{ -").startswith("template") else None
    if go and go.group("fn").lower() in _MACRO_INPUT_WORDS:
        words = re.findall(r'"([^"]*)"', go.group("args"))
        options = dict(zip(words[1::2], words[2::2], strict=False))  # after the label's key: pairs
        args = " ".join(f'{key}="{options[key]}"' for key in ("type", "autocomplete", "placeholder") if key in options)
        labels = [("label", _readable(words[0]))] if words else []
        yield control(start + go.start(), go.group("name"), f"template:{go.group('fn')}", "", args, labels)
        return
    macro = _MACRO_CALL.search(chunk)
    if macro:
        args = _balanced(code, start + macro.end() - 1)
        found = {m.group("key"): m.group("value") for m in reversed(list(_ARGUMENT.finditer(args)))}
        name = found.get("name") or found.get("namePrefix") or found.get("id") or ""
        if name:
            called = macro.group("macro")
            kind_of = "select" if "Select" in called else "textarea" if "Textarea" in called else ""
            kind_of = "radio" if "Radios" in called else "checkbox" if "Checkboxes" in called else kind_of
            yield control(start + macro.start(), name, f"macro:{called}", kind_of, args, [])


def _renders_a_field(call: re.Match[str], macros: frozenset[str]) -> bool:
    """`form.input('email')`; an imported module's `mf.selectbox('country')`, `f.text_input('dob')`."""
    parts = set(re.split(r"[^a-z]+", call.group("method").lower()))
    if _FORM_MODULE.fullmatch(call.group("alias")):
        return bool(parts & _MACRO_INPUT_WORDS) or parts == {"render"}  # Phalcon's `form.render('email')`
    if call.group("alias") not in macros:
        return False
    return any(part.startswith(word) or part.endswith(word) for part in parts for word in _MACRO_INPUT_WORDS)


def _helper_call(start: int, call: re.Match[str], control: ControlMaker) -> Iterator[Control]:
    """A helper, component or partial called with hash arguments that renders a field: it names
    the field (`property="dob"`, `name="postcode"`, `value=this.email`) and is an input by its
    name or shows a label, a placeholder or a type."""
    helper, args = call.group("helper"), call.group("args")
    if helper == "view":  # Ember 1: `{{view "select" value=model.role}}`, `{{view Ember.TextField ...}}`
        shown = _VIEW_CLASS.match(args)
        if shown is None:
            return
        helper, args = shown.group("quoted") or shown.group("bare"), args[shown.end() :]
    words = set(re.split(r"[^a-z]+", re.sub(r"(?<=[a-z])(?=[A-Z])", " ", helper).lower()))
    last = re.split(r"[^a-z]+", helper.lower().rstrip("/.-"))[-1]
    if last in _NOT_FIELD_HELPERS:
        return
    pairs: dict[str, str] = {}
    bare: dict[str, str] = {}
    for pair in _HASH.finditer(args):
        if pair.group("quote"):
            pairs.setdefault(pair.group("key"), pair.group("value"))
        elif pair.group("bare"):
            bare.setdefault(pair.group("key"), pair.group("bare"))
    name = next((pairs[k] for k in _FIELD_NAME_KEYS if pairs.get(k)), "")
    is_input = bool(_INPUT_WORDS & words)
    bound = bare.get("value") or pairs.get("valueBinding") or pairs.get("selectionBinding")
    if not name and is_input and bound:
        name = re.sub(r"^(?:this|model|controller|@\w*)\.", "", bound.lstrip("@"))  # {{input value=this.email}}
    if not name or not (is_input or _FIELD_FACE_KEYS & (set(pairs) | set(bare))):
        return
    kind = (pairs.get("type") or pairs.get("inputType") or "").lower()
    if kind not in _INPUT_TYPES:
        kind = next((t for w, t in _HELPER_KINDS.items() if w in words), "")
    yield control(start, name, f"helper:{helper}", kind, args, [])


# The view an Ember 1 `{{view ...}}` renders: its first argument, quoted or a class.
_VIEW_CLASS = re.compile(r"\s*(?:(?P<q>['\"])(?P<quoted>[\w./-]+)(?P=q)|(?P<bare>[A-Za-z_][\w.]*)(?=\s))")


# The input a helper renders, from a word of its name.
_HELPER_KINDS = {
    "select": "select", "typeahead": "select", "dropdown": "select", "textarea": "textarea",
    "checkbox": "checkbox", "toggle": "checkbox", "switch": "checkbox", "radio": "radio", "date": "date",
    "password": "password", "email": "email", "upload": "file",
}  # fmt: skip


_INPUT_TYPES = frozenset(
    {
        "text",
        "email",
        "tel",
        "password",
        "number",
        "date",
        "hidden",
        "checkbox",
        "radio",
        "file",
        "url",
        "search",
        "select",
        "textarea",
    }
)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


_TAG_REACH = 4000  # characters a start tag is looked for before a template output


def _inside_tag(code: str, at: int) -> bool:
    """Is `at` between a tag's `<` and its `>` (an attribute value, not the page)?"""
    opened = code.rfind("<", max(0, at - _TAG_REACH), at)
    closed = code.rfind(">", max(0, at - _TAG_REACH), at)
    if opened <= closed:
        return False
    return re.match(r"<[A-Za-z]", code[opened : opened + 2]) is not None


class _Textareas:
    """<textarea>{{ form.body }}</textarea>: the output is the textarea's value. Where each
    textarea's content starts and ends, found once per file."""

    def __init__(self, markup: str) -> None:
        self.spans = [(m.start(), m.end()) for m in _TEXTAREA.finditer(markup)]
        self.starts = [start for start, _ in self.spans]

    def __contains__(self, at: int) -> bool:
        index = bisect.bisect_right(self.starts, at) - 1
        return index >= 0 and at < self.spans[index][1]


_TEXTAREA = re.compile(r"<textarea\b.*?(?:</textarea|\Z)", re.I | re.S)


def _in_string(before: str) -> bool:
    """`{{ $t("form.salutation") }}` names a translation, not a field."""
    return before.count('"') % 2 == 1 or before.count("'") % 2 == 1


def _call_arguments(code: str, at: int, limit: int = 400) -> str:
    """The rest of a helper call: up to the end of its template tag or line, or the call's own
    closing bracket or the end of its statement, whichever comes first (a PHP block of calls
    one after another: `input('username'); input('password1', ['type' => 'password']);`)."""
    window = code[at : at + limit]
    end = min(
        (i for i in (window.find("%>"), window.find("}}"), window.find("?>"), window.find("\n\n")) if i >= 0),
        default=len(window),
    )
    for i, char, depth in outside_quotes(window[:end]):
        if depth < 0 or (char == ";" and depth == 0):
            return window[:i]
    return window[:end]


def _balanced(code: str, start: int, limit: int = 4000) -> str:
    depth = 0
    for i in range(start, min(len(code), start + limit)):
        if code[i] in "({[":
            depth += 1
        elif code[i] in ")}]":
            depth -= 1
            if depth == 0:
                return code[start : i + 1]
    return code[start : start + limit]


_FORM_CLOSER = re.compile(r"\{%-?\s*endform\b|Form::close\b|form_end\s*\(|form_close\s*\(|\$this->Form->end\b")


def form_spans(
    neutral: Neutralised, line_of: Callable[[int], int], notices: bool = False
) -> list[tuple[int, int, Form]]:
    """Forms opened by template tags ({% form 'contact' %}, form_with, Form::open): their lines.

    A form ends at its closing tag where the language has one that names it, else where the
    next form opens, else at the end of the file.
    """
    code = neutral.code
    openers: list[re.Match[str]] = []
    closers: list[int] = []
    for _, start, end in neutral.constructs:
        openers.extend(m for m in _FORM_OPENER.finditer(code, start, end) if not _word_char(code[m.start() - 1]))
        closers.extend(m.start() for m in _FORM_CLOSER.finditer(code, start, end))
    spans = []
    for index, opener in enumerate(openers):
        limit = openers[index + 1].start() if index + 1 < len(openers) else len(code)
        close = next((c for c in closers if opener.end() <= c < limit), limit)
        args = opener.group("args")
        subject = re.search(r"['\"]([\w-]+)['\"]|@(\w+)|model:\s*@?(\w+)|:(\w+)", args)
        name = next((g for g in subject.groups() if g), "") if subject else ""
        method = re.search(r"method\W+(get|post)", args, re.I)
        keyword = re.sub(r"[^\w:]", "", opener.group("opener")).split("::")[-1]
        notice = notices and _span_notice(neutral.markup[opener.start() : close])
        form = Form(
            line_of(opener.start()),
            f"form({name or keyword})",
            None,
            method.group(1).lower() if method else "post",
            notice,
        )
        spans.append((line_of(opener.start()), line_of(max(close - 1, opener.start())), form))
    return spans


def _span_notice(body: str) -> bool:
    links = re.findall(r"href\s*=\s*[\"']?([^\"'\s>]+)", body)
    return any(links_to_notice(link) for link in links) or mentions_notice(re.sub(r"<[^>]*>", " ", body))


def _readable(text: str) -> str:
    """`.zip` or `customer.register.email` (translation keys) read as their last part."""
    if " " not in text and "." in text:
        return text.rsplit(".", 1)[-1]
    return text
