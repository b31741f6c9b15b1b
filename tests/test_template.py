"""Template syntax is neutralised without moving a single character."""

from __future__ import annotations

import pytest
from helpers import personal, read_fields

from datamin.parse.brackets import closing, outside_quotes
from datamin.parse.markup.template import families_for, neutralise, neutralise_jsx

SAMPLES = {
    "page.liquid": "{% comment %}\n<input name='dob'>\n{% endcomment %}\n<input name=\"{{ 'x.email' | t }}\" {% if a > b %}checked{% endif %}>\n",
    "page.twig": "{# <input name='dob'> #}\n<label>{{ 'form.email'|trans }}</label><input {{ attrs }}>",
    "page.hbs": '{{!-- <input name=\'nric\'> --}}\n{{#if x}}<input name="a">{{/if}}{{> forms/text name="b"}}',
    "page.erb": "<%# <input name='nric'> %>\n<%= f.text_field :dob %>\n<% if @x > 1 %><input name=\"<%= key %>\"><% end %>",
    "page.php": '<?php if ($a > 1): ?>\n<input value="<?php echo $x["a"]; ?>" name=\'a\'>\n<?php endif; ?>\n<?php echo \'<input name="ic">\'; ?>',
    "page.blade.php": "{{-- <input name='nric'> --}}\n<input value=\"{{ old('email') }}\" {!! $attrs !!}>\n@csrf",
    "page.tpl": "{* <input name='nric'> *}\n<input value=\"{$smarty.post.email|escape}\">{if $a}x{/if}{l s='Email'}",
    "page.jsx": 'export const F = () => (\n  <form>{/* <input name="nric"/> */}\n    <input value={state.email} onChange={(e) => set(e.target.value)} {...register("dob")} />\n  </form>\n);',
    "page.cshtml": "@* <input name='nric'> *@\n<input asp-for=\"Email\" />",
    "page.gohtml": '{{/* <input name=\'nric\'> */}}\n<input name="email" value="{{.Email}}">',
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_same_length_and_same_newlines(name: str) -> None:
    text = SAMPLES[name]
    neutral = neutralise(text, families_for(name))
    for view in (neutral.markup, neutral.code):
        assert len(view) == len(text)
        assert [i for i, c in enumerate(view) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_fields_in_comments_are_not_collected(name: str) -> None:
    found = personal(name, SAMPLES[name])
    assert all(line != 1 for line, _ in found), found


def test_output_keeps_words_and_translation_keys_keep_their_subject() -> None:
    neutral = neutralise("<label>{{ 'customer.register.first_name' | t }}</label>", ("curly",))
    assert "first_name" in neutral.markup and "customer" not in neutral.markup and "'" not in neutral.markup
    neutral = neutralise("<label>{{ 'user.password.title' | t }}</label>", ("curly",))
    assert "password" in neutral.markup and "title" not in neutral.markup


def test_evidence_shows_the_text_not_the_template_code() -> None:
    """A label reads as a person reads it (`first_name`, not `first_name | t`; `NRIC number`, not
    `_( NRIC number )`); a macro's arguments stay as they were; a form named by a templated
    action shows the action as the template writes it."""
    text = (
        "{% form 'customer' %}<label for='a'>{{ 'customer.register.first_name' | t }}</label><input id='a' name='x'>"
        "{% endform %}\n"
        "<form method='post' action=\"{{ url_for('profile') }}\"><label for='b'>{{ _('NRIC number') }}</label>"
        "<input id='b' name='y'></form>\n"
    )
    found = [(f.control.container, f.evidence) for f in read_fields("x.liquid", text)]
    assert found == [
        ("form(customer)", ("label: first_name",)),
        ("form[action=\"{{ url_for('profile') }}\"]", ("label: NRIC number",)),
    ]
    macro = neutralise("<p>{{ form.input('password', id='pw', classes=['wide']) }}</p>", ("curly",)).markup
    assert "form.input" in macro and "classes" in macro


def test_a_translator_calls_text_is_its_first_argument() -> None:
    """WordPress's `_e('Name', 'my-plugin')`: the label reads "Name", without the `php` of its
    opening tag, the text domain or a context; the same inside an attribute."""
    text = (
        "<form><label for='a'><?php _e( 'Name', $text_domain ); ?></label><input id='a' name='from'>\n"
        "<label for='b'><?php _ex( 'Telephone', 'contact form', 'my-plugin' ); ?></label><input id='b' name='x'>\n"
        "<input name='y' placeholder=\"<?php esc_attr_e( 'Your email', 'my-plugin' ); ?>\"></form>"
    )
    found = [(f.control.name, f.category, f.evidence) for f in read_fields("contact.php", text)]
    assert found == [
        ("from", "name", ("label: Name",)),
        ("x", "phone", ("label: Telephone",)),
        ("y", "email", ("placeholder: Your email",)),
    ]


def test_a_language_string_by_its_key_keeps_the_key() -> None:
    """WHMCS writes `{$LANG.clientareafirstname}`: the key says what the label is."""
    neutral = neutralise(
        "<label>{$LANG.clientareafirstname}</label><label>{{ lang.email_address.label }}</label>", ("smarty", "curly")
    )
    assert "clientareafirstname" in neutral.markup and "email_address" in neutral.markup
    assert "LANG" not in neutral.markup and "label }}" not in neutral.markup


def test_ember_template_tags_are_read_and_the_module_around_them_is_not() -> None:
    text = 'import t from "x";\nconst a = b < c;\n<template>\n<input id="email" type="email">\n</template>\nexport default 1;\n'
    neutral = neutralise(text, families_for("new-user.gjs"))
    assert neutral.markup.count("\n") == text.count("\n") and len(neutral.markup) == len(text)
    assert "import" not in neutral.markup and "b < c" not in neutral.markup and '<input id="email"' in neutral.markup


def test_bare_variables_and_statements_become_blanks() -> None:
    neutral = neutralise("<p>{{ form.gender.label_tag }}{% if x %}</p>", ("curly",))
    assert neutral.markup.strip() == "<p>" + " " * len("{{ form.gender.label_tag }}{% if x %}") + "</p>"


def test_php_that_echoes_markup_keeps_the_markup() -> None:
    text = '<?php echo \'<input type="text" name="nric">\'; ?>'
    assert '<input type="text" name="nric">' in neutralise(text, ("php",)).markup
    assert personal("x.php", text) == {(1, "national_id")}


def test_php_that_echoes_a_form_over_many_lines_or_in_a_heredoc_keeps_it() -> None:
    """A double-quoted string spans lines; an apostrophe in a comment pairs with nothing."""
    echoed = (
        "<?php\n// don't print twice\necho \"\n<form method='post'>\n<td>Nama Bapa :</td>\n"
        "<td><input type='text' name='namaBapa'></td>\n<input name=\\\"ic\\\">\n</form>\";\n?>"
    )
    assert personal("borang.php", echoed) == {(6, "name"), (7, "national_id")}
    heredoc = "<?php\n$html = <<<HTML\n<form>\n<label>Date of birth <input name='lahir'></label>\n</form>\nHTML;\necho $html;\n?>"
    assert personal("page.php", heredoc) == {(4, "date_of_birth")}


def test_jsx_expressions_in_tags_become_quoted_values() -> None:
    markup = neutralise(SAMPLES["page.jsx"], ("jsx",)).markup
    assert 'value="state.email"' in markup and '_=".register( dob )"' in markup
    assert 'onChange="(e)    set(e.target.value)"' in markup


def test_template_syntax_inside_attribute_values_keeps_the_literal_part() -> None:
    text = '<input name="{{ prefix }}[card_number]" autocomplete="cc-number">'
    assert personal("x.html", text) == {(1, "financial_card")}
    text = "<input name=\"contact[{{ 'templates.contact.form.name' | t }}]\">"
    assert personal("x.liquid", text) == {(1, "name")}


def test_one_plain_variable_is_read_as_the_words_of_its_name() -> None:
    markup = neutralise("<label>{{ entry_telephone }}</label><p>{{ form.gender.label_tag }}</p>", ("curly",)).markup
    assert "entry telephone" in markup and "gender" not in markup
    assert personal("x.twig", '<label for="t">{{ entry_telephone }}</label><input id="t" name="x1">') == {(1, "phone")}


def test_namespaced_translation_keys_keep_their_subject() -> None:
    markup = neutralise("<label>{{ trans('shop::app.home.contact.phone-number') }}</label>", ("blade", "php")).markup
    assert "phone-number" in markup and "shop" not in markup


def test_blade_directives_are_statements() -> None:
    text = "@props(['disabled' => false])\n<input {!! $attributes->merge(['class' => 'x']) !!}>\n@php $a = 'email'; @endphp"
    markup = neutralise(text, ("blade", "php")).markup
    assert "disabled" not in markup and "email" not in markup and markup.count("\n") == 2


def test_an_apostrophe_in_a_jsx_comment_does_not_hide_the_rest() -> None:
    text = 'const F = () => (\n  <form>\n    <Select onChange={(v) => {\n      // Combobox doesn\'t expose its value\n      set(v);\n    }} />\n    <input name="email" />\n  </form>\n);'
    assert personal("x.tsx", text) == {(7, "email")}


def test_a_value_filled_from_a_model_property_is_bound_to_it() -> None:
    """`value="{{ user.email }}"`, `value="<?= $user->phone ?>"`: the property a field is filled
    from says what it holds; lines and columns stay where they were."""
    from helpers import read_fields

    cases = [
        ("x.html", '<form><input name="a" value="{{ user.email }}"><input name="q" value="{{ request.q }}"></form>'),
        (
            "x.php",
            '<form><input name="a" value="<?= $user->email ?>"><input name="q" value="<?php echo $q; ?>"></form>',
        ),
        ("x.erb", '<form><input name="a" value="<%= @user.email %>"><input name="q" value="<%= params[:q] %>"></form>'),
    ]
    for name, text in cases:
        fields = read_fields(name, text)
        assert [(f.control.column, f.category) for f in fields] == [
            (7, "email"),
            (text.index('<input name="q"') + 1, None),
        ]
        assert fields[0].control.bindings == ("user.email",)


def test_freemarker_and_velocity_templates() -> None:
    from helpers import personal

    ftl = """<#-- 用户资料 --><form method="post"><#if user??>
<label>姓名</label><input name="xm" value="${user.name}"></#if><@layout.hint text="x" />
<input name="t" value="${user.phone}"><input name="q" value="${keyword!}"></form>"""
    assert personal("profile.ftl", ftl) == {(2, "name"), (3, "phone")}
    vm = """## the member form
<form>#if($member)<label>Email</label><input name="a">#end<input name="b" value="$!{member.mobile}"></form>"""
    assert personal("member.vm", vm) == {(2, "email"), (2, "phone")}


def test_a_spread_inside_a_render_prop_is_part_of_the_props_value() -> None:
    """Once `render={...}` is a quoted value, the tags inside it are its text: their `{...field}`
    is not rewritten again into quotes that would end the value early."""
    text = '<FormField name="a" render={({ field }) => (<Input placeholder="x" {...field} />)} />'
    out = neutralise_jsx(text)
    assert len(out) == len(text) and out.count('"') == 4  # name="a" and render="..."


def test_the_characters_outside_quotes_and_their_bracket_depth() -> None:
    text = "a('x)', [b]); c"
    seen = [(char, depth) for _, char, depth in outside_quotes(text) if char in "()[];,"]
    assert seen == [("(", 1), (",", 1), ("[", 2), ("]", 1), (")", 0), (";", 0)]


def test_a_fields_error_message_is_not_the_next_fields_label() -> None:
    """`<?php echo form_error('gender'); ?>` shows a message when the gender is wrong: it says
    nothing of the select after it, whose label is the text a person reads."""
    text = (
        "<?php echo form_error('gender'); ?>\n生年月日：<select name=\"year\"><option>1990</option></select>\n"
        "{{ $errors->first('email') }}\n<label>Phone <input name=\"p\"></label>"
    )
    neutral = neutralise(text, families_for("member.blade.php"))
    assert "gender" not in neutral.markup and "email" not in neutral.markup
    assert personal("member.php", text.split("\n{{")[0]) == {(2, "date_of_birth")}


def test_the_jsx_of_an_expression_is_read_as_jsx_and_hostile_nesting_ends() -> None:
    """An apostrophe in JSX text is text; `a <b` is code; JSX nested thousands deep, or never
    closed, is read once and then as code: no recursion error, an answer for every input."""
    text = "{(<p>it's {x <b ? (<i>don't</i>) : null}</p>)} '"
    assert closing(text, 0, quotes="\"'`", comments=True, jsx=True) == text.index("} '")
    for hostile in ("{" + "(<a>{" * 3000 + "}", "{" + "(<a " * 3000 + "}", "{" + "(<a>" * 3000 + "}"):
        assert closing(hostile, 0, quotes="\"'`", comments=True, jsx=True) == len(hostile) - 1
