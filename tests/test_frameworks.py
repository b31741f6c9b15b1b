"""Fields rendered by framework helpers, found where their names are written."""

from __future__ import annotations

import pytest
from helpers import personal, read_fields

from datamin.check import Options, inventory

CASES = [
    (
        "rails.html.erb",
        "<%= form_with model: @user do |f| %>\n  <%= f.label :dob, 'Date of birth' %>\n  <%= f.date_field :dob %>\n  <%= f.text_field :coupon_code %>\n<% end %>",
        {(3, "date_of_birth")},
    ),
    (
        "multi.erb",
        "<%= f.text_field(\n      :phone_number,\n      class: 'input') %>\n<%= email_field_tag :email %>",
        {(1, "phone"), (4, "email")},
    ),
    ("simple.erb", "<%= f.input :ic_number, label: 'NRIC' %>", {(1, "national_id")}),
    (
        "laravel.blade.php",
        "{!! Form::text('ic_number') !!}\n{{ Form::email('email_address') }}\n{{ html()->password('pwd') }}",
        {(1, "national_id"), (2, "email"), (3, "password")},
    ),
    (
        "django.html",
        "<form>{% csrf_token %}\n{{ form.date_of_birth }}\n{{ form.email.label_tag }}\n{{ form.email|add_class:'x' }}\n{% if form.phone.errors %}x{% endif %}</form>",
        {(2, "date_of_birth"), (4, "email")},
    ),
    (
        "flask.html",
        "{{ form.phone(class_='form-control') }}\n{{ render_field(form.nric) }}\n{{ form.hidden_tag() }}",
        {(1, "phone"), (2, "national_id")},
    ),
    (
        "call.html",
        "{% call render_field(form.passport_no, horizontal=9) %}\n{% if form.passport_no.render_kw['min'] %}As on it{% endif %}\n"
        "{% endcall %}",
        {(1, "passport")},
    ),
    (
        "symfony.html.twig",
        "{{ form_start(form) }}\n{{ form_row(form.email) }}\n{{ form_label(form.birthday) }}\n{{ form_widget(form.birthday) }}\n{{ form_row(form.plainPassword.first) }}",
        {(2, "email"), (4, "date_of_birth"), (5, "password")},
    ),
    (
        "govuk.njk",
        "{{ govukInput({\n  label: { text: 'Email address' },\n  name: 'contact',\n  type: 'email'\n}) }}\n{{ govukDateInput({ namePrefix: 'dob', fieldset: { legend: { text: 'Date of birth' } } }) }}",
        {(1, "email"), (6, "date_of_birth")},
    ),
    (
        "partials.hbs",
        '{{> forms/text name="postcode" label="Postcode"}}\n{{> layout/header title="x"}}\n{{input type="email" value=this.email}}',
        {(1, "address"), (3, "email")},
    ),
    ("woo.php", "<?php woocommerce_form_field( 'billing_phone', array( 'type' => 'tel' ) ); ?>", {(1, "phone")}),
    (
        "razor.cshtml",
        "@Html.TextBoxFor(m => m.PhoneNumber)\n@Html.PasswordFor(m => m.Password)\n"
        '@Html.EnumDropDownListFor(model => model.CivilStatus, htmlAttributes: new { @class = "form-control" })',
        {(1, "phone"), (2, "password"), (3, "marital_status")},
    ),
    (
        "codeigniter.php",
        "<?php echo form_input('mobile_no'); ?>\n<?php echo form_dropdown('gender', $options); ?>",
        {(1, "phone"), (2, "gender")},
    ),
    (
        "react.jsx",
        'const F = () => (\n  <form>\n    <input {...register("nric")} />\n    <Controller name="dob" control={control} render={() => null} />\n  </form>\n);',
        {(3, "national_id"), (4, "date_of_birth")},
    ),
    (
        "spread.tsx",
        'export const F = () => (\n  <Form>\n    <SignUpInput {...inputProps("phoneNumber")} />\n'
        '    <TextInput {...form.getInputProps("email")} />\n  </Form>\n);',
        {(3, "phone"), (4, "email")},
    ),
    (
        "angular.component.html",
        '<input formControlName="passportNo">\n<input [(ngModel)]="user.email">',
        {(1, "passport"), (2, "email")},
    ),
    (
        "spring.jsp",
        '<form:input path="mobileNo"/>\n<form:radiobutton path="gender" value="M"/> Male',
        {(1, "phone"), (2, "gender")},
    ),
    (
        "ember.hbs",
        '{{input-field property="dateOfBirth" label="Date of birth"}}\n{{date-select property="birthday"}}\n'
        "{{validation-errors property=\"birthday\"}}\n{{#form.select\n  label=(t 'patients.labels.bloodType')\n"
        '  property="bloodType"\n}}{{/form.select}}\n{{form.input property="firstName" label=(t \'patients.firstName\')}}\n'
        '{{link-to "Profile" "profile" model=user}}\n{{#if (eq form.status "x")}}{{/if}}',
        {(1, "date_of_birth"), (2, "date_of_birth"), (4, "health"), (8, "name")},
    ),
    (  # Zend Framework 1 renders a form's element by its name; the view translates its label
        "user/edit.phtml",
        "<table>\n<tr><td><?= $this->translate->_('No Kad Pengenalan') ?></td>\n"
        "<td><?= $this->form->user_identno ?></td></tr>\n<tr><td><?= $this->form->user_email ?></td></tr>\n"
        "<?= $this->form->setAction('/x') ?>\n</table>",
        {(3, "national_id"), (4, "email")},
    ),
    (  # an application's own Laravel Collective macro, named for the field it renders
        "patient.blade.php",
        "<div>Race</div>\n{{ Form::radioGroup( 'race', $raceOptions, array('required') ) }}\n"
        "{{ Form::label('dob', 'Date of Birth') }}\n{{ Form::token() }}\n{{ Form::input('phone', null) }}",
        {(2, "race_ethnicity"), (5, "phone")},
    ),
    (  # Grails: its form tags, namespaced as JSF's are
        "member/_form.gsp",
        '<label><g:message code="first.name"/></label>\n<g:textField name="firstName" value="${member?.firstName}"/>\n'
        '<g:field type="email" name="contact" value="${member?.email}"/>\n<g:passwordField name="secret"/>\n'
        '<g:textField name="sku"/>',
        {(2, "name"), (3, "email"), (4, "password")},
    ),
    (  # FreeMarker's Spring macros name the bound object's field
        "registration.ftl",
        '<#import "/spring.ftl" as spring>\n<form method="post"><@spring.bind "customer"/>\n'
        '<label>Phone</label><@spring.formInput "customer.phone"/>\n<@spring.formPasswordInput "users.pwd"/>\n'
        '<@spring.formInput "customer.voucherCode"/>\n<@spring.showErrors "<br>"/></form>',
        {(3, "phone"), (4, "password")},
    ),
    (  # Laminas: a row, an element or an input of the form's element got by name
        "register.phtml",
        "<?= $this->formRow($form->get('phone')) ?>\n<?php echo $this->formElement($form->get('dob')); ?>\n"
        "<?= $this->formPassword($form->get('secret')) ?>",
        {(1, "phone"), (2, "date_of_birth"), (3, "password")},
    ),
]


# Components are fields by what they carry (a field's name, and a label, a placeholder or an input
# type), whatever they are called; error slots, labels and table columns never are.
COMPONENTS = [
    (
        "form.tsx",
        '<form>\n  <TextInput name="dob" label="Date of birth" type="date" />\n</form>',
        {(2, "date_of_birth")},
    ),
    (
        "patient.tsx",
        "<form>\n  <TextInputWithLabelFormGroup\n    label={t('patient.givenName')}\n    name=\"givenName\"\n"
        '    onChange={(event) => onFieldChange(event)}\n  />\n  <Fancy name="nric" label="NRIC" />\n'
        '  <ErrorMessage name="dob" label="Date of birth" />\n  <Column field="email" header="Email" />\n'
        '  <Route path="/login" component={Login} />\n</form>',
        {(2, "name"), (7, "national_id")},
    ),
    (
        "register.blade.php",
        '<form>\n<x-forms.input name="ic_number" :label="__(\'IC number\')" />\n'
        '<x-forms.input-error control-name="ic_number" />\n<x-forms.label for="ic_number" value="IC number" />\n</form>',
        {(2, "national_id")},
    ),
    (
        "wrapped.vue",
        '<template><b-form-group label="Email">\n  <b-form-input v-model="form.email" />\n</b-form-group>\n'
        '<Form.Item name="dob" label="Date of birth"><Calendar /></Form.Item></template>',
        {(2, "email"), (4, "date_of_birth")},
    ),
]


# Server-side controls: ASP.NET Web Forms, JSF and PrimeFaces, Struts.
SERVER_CONTROLS = [
    (
        "register.aspx",
        '<form runat="server">\n<asp:Label ID="l" runat="server" Text="Full name" AssociatedControlID="txtA" />\n'
        '<asp:TextBox ID="txtA" runat="server" />\n<asp:DropDownList ID="ddlB" runat="server">'
        "<asp:ListItem>Male</asp:ListItem><asp:ListItem>Female</asp:ListItem></asp:DropDownList>\n"
        '<asp:TextBox ID="txtC" runat="server" TextMode="Email" />\n'
        '<asp:CheckBox ID="chkD" runat="server" Text="Send me offers" />\n</form>',
        {(3, "name"), (4, "gender"), (5, "email")},
    ),
    (
        "patient.xhtml",
        '<h:form>\n<h:inputText id="a" value="#{patient.dateOfBirth}" />\n<p:calendar id="b" value="#{patient.visit}" />\n'
        '<h:selectOneMenu id="c" value="#{patient.nationality}"><f:selectItem itemLabel="Singaporean" /></h:selectOneMenu>\n</h:form>',
        {(2, "date_of_birth"), (4, "nationality")},
    ),
    (
        "join.jsp",
        '<html:form action="/join">\n<html:text property="email" />\n<html:password property="password" />\n</html:form>',
        {(2, "email"), (3, "password")},
    ),
]
COMPONENTS += SERVER_CONTROLS


@pytest.mark.parametrize(("name", "text", "expected"), COMPONENTS, ids=[c[0] for c in COMPONENTS])
def test_components_by_what_they_carry(name: str, text: str, expected: set[tuple[int, str]]) -> None:
    assert personal(name, text) == expected


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_helper_fields(name: str, text: str, expected: set[tuple[int, str]]) -> None:
    assert personal(name, text) == expected


def test_liquid_form_tag_is_the_container_of_the_inputs_inside_it() -> None:
    text = "{% form 'create_customer' %}\n<input name='customer[email]'>\n{% endform %}\n<input name='email'>"
    assert [(f.control.name, f.control.container) for f in read_fields("x.liquid", text)] == [
        ("customer[email]", "form(create_customer)"),
        ("email", ""),
    ]


def test_value_outputs_and_translation_strings_are_not_fields() -> None:
    text = '<input name="customer[first_name]" value="{{ form.first_name }}">\n<p>{{ $t("form.salutation") }}</p>\n<textarea>{{.Form.Address}}</textarea>'
    assert [(f.control.tag, f.control.name) for f in read_fields("x.liquid", text)] == [
        ("input", "customer[first_name]"),
        ("textarea", ""),
    ]
    assert [f.control.tag for f in read_fields("x.gohtml", text)] == ["input", "textarea"]


def test_go_template_field_partials() -> None:
    """A partial given what a function makes of the field's name, its label's key and options;
    a partial called with the page's data only, or a function of no field, is no field."""
    text = (
        '<form method="post">\n'
        '  {{ template "input" (input . "first-names" "firstNames" .Form.FirstNames "hint" "x") }}\n'
        '  {{ template "input" (input . "contact" "contactOptional" .Form.Contact "type" "email") }}\n'
        '  {{ template "header" . }}\n'
        '  {{ template "buttons" (button . "continue") }}\n'
        "</form>\n"
    )
    found = [(f.control.line, f.control.name, f.control.type, f.category) for f in read_fields("x.gohtml", text)]
    assert found == [(2, "first-names", "text", "name"), (3, "contact", "email", "email")]


def test_interpolated_and_object_first_rails_helpers() -> None:
    text = '<%= text_field_tag "#{param_prefix}[number]", "", autocomplete: "cc-number" %>\n<%= component("ui/forms/field").text_field(@form_field_name, :city) %>\n<%= f.text_field :zipcode %>'
    assert personal("x.html.erb", text) == {(1, "financial_card"), (2, "address"), (3, "address")}


def test_django_include_of_a_field_partial() -> None:
    text = '{% include "oscar/partials/form_field.html" with field=form.email %}\n{% include "partials/nav.html" %}'
    assert personal("x.html", text) == {(1, "email")}


def test_an_output_inside_a_textarea_is_its_value() -> None:
    text = '<textarea name="contact[body]">{{ form.body }}</textarea>\n<input type="email" name="contact[email]">'
    assert [f.control.name for f in read_fields("x.liquid", text)] == ["contact[body]", "contact[email]"]


def test_cakephp_ctp_views_are_read() -> None:
    text = "<?php echo $this->Form->create('Member'); ?>\n<?php echo $this->Form->input('email'); ?>\n<input name=\"form[birth_year]\">"
    assert personal("add.ctp", text) == {(2, "email"), (3, "date_of_birth")}
    # CakePHP 2's date helpers, called with their parameters' names as PHP allows
    dated = (
        "<?php echo $this->Form->create('Member');\necho $this->Form->dateTime($fieldName = 'date_of_birth', 'DMY'); ?>"
    )
    assert personal("request.ctp", dated) == {(2, "date_of_birth")}


def test_a_form_member_named_save_or_submit_is_its_button() -> None:
    """`form.pwd.save` is the password form's submit button, not a password."""
    text = (
        "<form>\n{{ form_widget(form.pwd.old_password) }}\n{{ form_widget(form.pwd.save) }}\n{{ form.submit }}\n</form>"
    )
    fields = {f.control.name: (f.control.type, f.category) for f in read_fields("x.html.twig", text)}
    assert fields == {
        "pwd.old_password": ("text", "password"),
        "pwd.save": ("submit", None),
        "submit": ("submit", None),
    }


def test_codeigniter_helpers_with_their_attributes_in_an_array_and_their_labels() -> None:
    text = (
        "<?php echo form_open('daftar'); ?>\n"
        "<?=form_label('Tarikh Lahir', 'dt_lahir')?>\n"
        "<?=form_input(array('id' => 'dt_lahir', 'name' => 'dt_lahir', 'value' => set_value('dt_lahir')))?>\n"
        "<?=form_label('Nombor Kad Pengenalan', 'ic')?>\n"
        "<?php echo form_input(['name' => 'ic', 'maxlength' => '12']); ?>\n"
        "<?=form_input(array('name' => 'kod_promosi'))?>\n"
        "<?php echo form_close(); ?>"
    )
    fields = {f.line: f for f in read_fields("daftar.php", text)}
    assert personal("daftar.php", text) == {(3, "date_of_birth"), (5, "national_id")}
    assert ("helper", "Tarikh Lahir") in fields[3].control.labels and fields[5].control.name == "ic"
    assert 6 in fields and fields[6].category is None  # a field, not personal data


def test_laravel_label_helpers_name_the_field_they_label() -> None:
    text = "{!! Form::label('kp', __('MyKad number')) !!}\n{!! Form::text('kp') !!}"
    assert personal("register.blade.php", text) == {(2, "national_id")}


def test_a_helper_field_that_says_nothing_of_itself_takes_the_text_before_it() -> None:
    text = (
        '{% extends "base.tpl" %}{% block content %}<form method="post">{% csrf_token %}\n'
        '<div><label class="form-label">个人简介</label>\n{{ form.introduction|add_class:"x" }}</div>\n'
        "<label>Remarks</label>{{ form.a }}{{ form.b }}\n"
        '<div><label>Nickname</label><input name="nick"></div>{{ form.c }}\n'
        "</form>{% endblock %}"
    )
    fields = {f.control.name: f for f in read_fields("profile.tpl", text)}  # a Django .tpl, not Smarty
    assert ("nearby", "个人简介") in fields["introduction"].control.labels
    assert fields["introduction"].category == "other_personal"
    assert ("nearby", "Remarks") in fields["a"].control.labels
    assert not any(how == "nearby" for how, _ in fields["b"].control.labels)  # another helper comes first
    assert not any(how == "nearby" for how, _ in fields["c"].control.labels)  # and a field


def test_web_forms_user_controls_and_master_pages_are_read() -> None:
    text = '<%@ Control Language="C#" %>\n<asp:TextBox ID="txtMYKAD" runat="server" />\n<label for="e">Email</label>'
    assert personal("profile.ascx", text) == {(2, "national_id")}


def test_classic_asp_pages_are_read() -> None:
    text = '<%@ Language="VBScript" %>\n<% If Request("step") = "2" Then %>\n<form method="post">\n<th>생년월일</th><td><input type="text" name="f3"></td>\n</form>\n<% End If %>'
    assert personal("apply.asp", text) == {(4, "date_of_birth")}


def test_yii_fields_and_widgets_take_the_label_written_before_their_php_tag() -> None:
    text = """<?php $form = ActiveForm::begin(); ?>
<div class="form-group"><label class="control-label col-md-3 col-sm-3 col-xs-12" for="statusWarganegara">Status Warganegara: <span class="required">*</span></label>
<div class="col-md-6 col-sm-6 col-xs-12">
<?=
$form->field($model, 'NatStatusCd')->label(false)->widget(Select2::classname(), ['options' => ['placeholder' => 'Pilih Status']]);
?></div></div>
<label for="tarikhLahir">Tarikh Lahir:</label>
<?= DatePicker::widget(['model' => $model, 'attribute' => 'COTkhLhr', 'options' => ['class' => 'form-control']]) ?>
<?php ActiveForm::end(); ?>"""
    fields = {f.control.name: f for f in read_fields("kemaskini.php", text)}
    assert ("nearby", "Status Warganegara:") in fields["NatStatusCd"].control.labels
    assert fields["NatStatusCd"].category == "nationality"
    assert fields["COTkhLhr"].category == "date_of_birth" and fields["COTkhLhr"].control.type == "date"


def test_a_search_form_or_a_consent_box_says_so_by_its_model() -> None:
    """RuoYi-style admin pages search their records with `queryParams`; Livewire binds a consent
    box to `agree_...`: neither collects anything, whatever its label names."""
    text = """<template>
  <el-form :model="queryParams" inline>
    <el-form-item label="患者姓名"><el-input v-model="queryParams.name" placeholder="请输入患者姓名" /></el-form-item>
  </el-form>
  <el-form :model="form">
    <el-form-item label="患者姓名"><el-input v-model="form.name" /></el-form-item>
    <el-form-item label="身份证号"><el-input v-model="form.idCard" /></el-form-item>
    <label><input type="checkbox" v-model="form.agreeRetention"> 我同意保留病历资料</label>
  </el-form>
</template>
"""
    assert personal("patient/index.vue", text) == {(6, "name"), (7, "national_id")}


def test_an_avatar_component_bound_to_a_model_uploads_a_photo() -> None:
    text = """<template><el-form :model="form">
  <el-form-item label="姓名"><el-input v-model="form.name"></el-input></el-form-item>
  <el-form-item label="头像"><iep-avatar v-model="form.image"></iep-avatar></el-form-item>
  <user-avatar :src="user.image"></user-avatar>
</el-form></template>"""
    assert personal("Edit.vue", text) == {(2, "name"), (3, "photo")}


def test_helper_radio_buttons_take_the_answer_written_after_them_and_group_by_name() -> None:
    text = """<form method="POST">
{!! Form::label('status', 'STATUS') !!}
<label>{!! Form::radio('status', 1) !!} Berkahwin</label>
<label>{!! Form::radio('status', 2) !!} Bujang</label>
<label>{!! Form::radio('plan', 'a') !!} Basic</label>
</form>"""
    fields = {(f.line, f.control.name): f for f in read_fields("keahlian.blade.php", text)}
    assert fields[(3, "status")].category == "marital_status"
    assert fields[(3, "status")].control.options == ("Berkahwin", "Bujang")
    assert fields[(5, "plan")].category is None


HAML = """-# a comment, and what it nests
  %input{name: 'in_a_comment'}
= form_for @member do |f|
  .field
    = f.label :date_of_birth, "Date of birth"
    = f.date_field :date_of_birth
  %fieldset
    %label{for: "phone"} Mobile number
    %input#phone{type: "tel", name: "member[phone]", class: "form-control"}
    %input(type="text" name="member[nric]" placeholder="S1234567D")
  %select{:name => "member[religion]"}
    %option Buddhism
    %option Islam
  = f.submit "Save"
"""


def test_haml_views_are_read_as_the_markup_they_render() -> None:
    from datamin.parse.markup.haml import to_markup

    markup = to_markup(HAML)
    assert markup.count("\n") == HAML.count("\n")  # line for line
    assert markup.split("\n")[8].startswith('    <input id="phone" type="tel" name="member[phone]"')  # same column
    assert personal("_form.html.haml", HAML) == {
        (6, "date_of_birth"),
        (9, "phone"),
        (10, "national_id"),
        (11, "religion"),
    }


def test_slim_views_are_read_as_the_markup_they_render() -> None:
    from datamin.parse.markup.haml import slim_to_markup

    text = """/ a comment
  input name="in_a_comment"
= form_for @member do |f|
  = f.date_field :date_of_birth
  label for="phone" Mobile number
  input#phone type="tel" name="member[phone]"
  input(type="text" name="member[nric]" placeholder="S1234567D")
  p
    | Your email
    input type="email" name=@member.field
"""
    assert slim_to_markup(text).count("\n") == text.count("\n")
    assert personal("_form.html.slim", text) == {(4, "date_of_birth"), (6, "phone"), (7, "national_id"), (10, "email")}


def test_an_input_component_named_with_its_variant_is_a_field() -> None:
    text = """<template><form>
  <LayoutFormPsTextInputTemplate1 v-model="applicant.lastname" title="Last Name" />
  <PageTemplate title="Apply" />
</form></template>"""
    assert personal("ApplicationForm.vue", text) == {(2, "name")}


def test_a_controlled_input_component_is_a_field() -> None:
    """React's binding: a component given the value it shows and the handler that changes it
    (<DatePicker value={birthDate} onChange=...>) is an input; a tab bar's is no personal field."""
    text = """export function BasicInfo({ birthDate, gender, tab }) {
  return (
    <form>
      <p>Date of birth</p>
      <DatePicker value={birthDate} onChange={(d) => setBirthDate(d)} required={false} />
      <Dropdown selectedOption={gender} options={genders} onChange={setGender} />
      <Tabs value={tab} onChange={setTab} />
      <DatePicker value={birthDate} />
    </form>
  );
}"""
    assert personal("BasicInfo.tsx", text) == {(5, "date_of_birth"), (6, "gender")}


def test_a_projects_own_input_named_by_its_input_name_prop() -> None:
    """`<InputComponent inputName="phone number" value={...} handlechange={...}>`: a prop that
    names the input and a handler of the project's own for its changes make a field; a
    component given only a value is a view of it."""
    text = """export default function LoanForm() {
  return (
    <form>
      <InputComponent inputName='Name' value={formData.name} handlechange={handleNameChange} />
      <InputComponent inputName='phone number' value={formData.phone} handlechange={handlePhoneChange} />
      <Badge inputName='phone number' value={formData.phone} />
    </form>
  );
}"""
    assert personal("LoanForm.jsx", text) == {(4, "name"), (5, "phone")}


def test_a_web_forms_radio_button_list_renders_one_button_per_item() -> None:
    text = """<%@ Control Language="C#" %>
<td>Jantina:</td><td>
<asp:RadioButtonList ID="rblJantina" runat="server">
    <asp:ListItem>LELAKI</asp:ListItem>
    <asp:ListItem>PEREMPUAN</asp:ListItem>
</asp:RadioButtonList></td>"""
    fields = [f for f in read_fields("pelajar.ascx", text) if f.category]
    assert [(f.line, f.category) for f in fields] == [(4, "gender"), (5, "gender")]
    assert fields[0].control.options == ("LELAKI", "PEREMPUAN")


def test_a_web_forms_radio_button_is_submitted_under_its_group_name() -> None:
    """`<asp:RadioButton GroupName="Gender" Text="Male">`: ASP.NET renders `name="Gender"`."""
    text = """<%@ Page Language="C#" %>
<asp:Label ID="lblGender" runat="server" Text="Answer:" />
<asp:RadioButton ID="rdoMale" runat="server" GroupName="Gender" Text="Male" />
<asp:RadioButton ID="rdoFemale" runat="server" GroupName="Gender" Text="Female" />"""
    assert personal("Registration.aspx", text) == {(3, "gender"), (4, "gender")}


def test_razor_with_visual_basic_is_read() -> None:
    text = """@ModelType EmployeeViewModel
@Using (Html.BeginForm("Create", "Employee", FormMethod.Post))
    @Html.LabelFor(Function(model) model.BirthDate)
    @Html.EditorFor(Function(model) model.BirthDate, New With {.htmlAttributes = New With {.class = "form-control"}})
End Using"""
    assert personal("CreateForm.vbhtml", text) == {(4, "date_of_birth")}


def test_php_form_builders_and_their_label_rows() -> None:
    text = (
        "<?php\n$form = Form::create('addUser', $url);\n"
        "$form->addHiddenValue('address', $session->get('address'));\n"
        "$row = $form->addRow();\n"
        "    $row->addLabel('f2', __('Date of Birth'));\n"
        "    $row->addDate('f2');\n"
        "$row->addSelectGender('gender')->required();\n"
        "$row->addYesNo('showAddresses');\n"
        "$form->addText('x9', 'Phone number:');\n"
        "$qb->addSelect('u.email');\n"
        "echo $form->getOutput();\n"
    )
    fields = {f.line: f for f in read_fields("user_add.php", text)}
    assert personal("user_add.php", text) == {(6, "date_of_birth"), (7, "gender"), (9, "phone")}
    assert fields[8].control.type == "checkbox"  # Nette's and Gibbon's yes/no: a question, not an address
    assert 3 not in fields and 10 not in fields  # the page's own hidden value; a query builder's column


def test_ember_components_named_by_their_value_path() -> None:
    text = (
        "<form {{action 'submit' on='submit'}}>\n"
        "  <ValidatedInput::Text\n    @model={{this.registration}}\n    @valuePath='fullName'\n"
        "    @placeholder={{t 'sign-up.full_name'}}\n  />\n"
        "  <ValidatedInput::Text @model={{this.registration}} @valuePath='email1' />\n"
        "</form>"
    )
    assert personal("template.hbs", text) == {(2, "name"), (7, "email")}


def test_ember_one_views_that_render_inputs() -> None:
    """Ember 1's `{{view "select" value=model.gender}}` and `{{view Ember.TextField
    valueBinding="model.email"}}` render inputs; `{{view "modal"}}` renders none."""
    text = (
        "<form>\n"
        '  {{view "select" prompt="Gender" content=genders\n     value=model.gender}}\n'
        '  {{view Ember.TextField valueBinding="model.email"}}\n'
        '  {{view "modal" title="Help"}}\n'
        "</form>"
    )
    assert personal("template.hbs", text) == {(2, "gender"), (4, "email")}


def test_a_components_label_in_an_object_of_options() -> None:
    text = (
        "export const F = () => (\n  <form>\n"
        '    <Input name="f1" control={control} options={{ label: "Aadhaar number *", gridArea: "adh" }} />\n'
        '    <TextField name="f2" inputProps={{ placeholder: "Date of birth" }} />\n'
        '    <Input name="f3" rules={{ required: "Enter 12 digits" }} />\n'
        "  </form>\n);\n"
    )
    assert personal("Form.tsx", text) == {(3, "national_id"), (4, "date_of_birth")}


def test_a_hidden_input_the_page_fills_from_its_model_is_a_field() -> None:
    text = (
        '<form id="f">\n<c:if test="${empty x}">\n<input type="text" name="m_name" value="${member.m_name}" />\n'
        '</c:if>\n<c:if test="${!empty x}">\n<input type="hidden" name="m_name" value="${member.m_name}" />\n'
        '</c:if>\n<input type="hidden" name="m_birth" value="${member.m_birth}" />\n'
        '<input type="hidden" name="step" value="2" />\n</form>\n'
    )
    fields = {f.line: f for f in read_fields("regist.jsp", text)}
    assert personal("regist.jsp", text) == {(3, "name"), (6, "name"), (8, "date_of_birth")}
    assert 9 not in fields  # a value written in the page: nobody types it


def test_laravel_input_helper_takes_its_type_first() -> None:
    text = (
        "{!! Form::label('dob', 'Date of birth:') !!}\n{!! Form::input('date', 'dob', null, ['class' => 'x']) !!}\n"
        "{!! Form::input('ic') !!}\n{!! Form::text('city', 'Kuala Lumpur') !!}\n"
    )
    fields = {f.line: f for f in read_fields("form.blade.php", text)}
    assert personal("form.blade.php", text) == {(2, "date_of_birth"), (3, "national_id"), (4, "address")}
    assert fields[2].control.name == "dob" and fields[2].control.type == "date"


def test_pug_views_are_read_as_the_markup_they_render() -> None:
    from datamin.parse.markup.haml import pug_to_markup

    text = """extends ../layout

block content
  //- a comment
    input(name='in_a_comment')
  form(action='/account/profile', method='POST')
    input(type='hidden', name='_csrf', value=_csrf)
    label(for='email') Email
    input#email.form-control(type='email', name='email', value=user.email, required)
    if user.verified
      span Verified
    input.form-check-input(type='checkbox', checked=user.agree == true, name='newsletter')
    input(
      type='text'
      name='f9'
      placeholder='NRIC'
    )
    +field('dob', 'Date of birth')
    script.
      var input = '<input name="in_a_script">';
"""
    rendered = pug_to_markup(text)
    assert rendered.count("\\n") == text.count("\\n")
    fields = {f.line: f for f in read_fields("profile.pug", text)}
    assert personal("profile.pug", text) == {(9, "email"), (13, "national_id")}
    assert fields[9].control.bindings == ("user.email",)
    assert not fields[12].control.checked  # an expression is not known here: not pre-ticked


def test_a_vue_component_whose_template_is_written_in_pug() -> None:
    text = """<template lang="pug">
  el-form(:model="form")
    el-form-item(label="Email" prop="email")
      el-input(v-model="form.email")
    el-form-item(label="Date of birth")
      el-date-picker(v-model="form.birthday")
    el-button(type="primary" @click="save") Save
</template>

<script>
export default { data: () => ({ form: { email: "", birthday: "" } }) }
</script>
"""
    assert personal("Profile.vue", text) == {(4, "email"), (6, "date_of_birth")}


def test_an_applications_own_field_helpers_by_what_they_carry() -> None:
    """`= text(:dob, 'Date of Birth')`: a name, then a label for people to read."""
    text = """%form{action: '/apply', method: 'post'}
  = text(:nickname, 'Nickname')
  = text(:dob, 'Date of Birth', :required => true)
  = radio(:gender, 'Gender', ['Male', 'Female'])
  = textarea_sm(:address, 'Mailing Address')
  = content_for(:title, 'Apply Now')
  = select("post", "person_id", Person.all)
  = text_field_tag 'q', 'Search here'
"""
    found = {f.line: f for f in read_fields("apply.haml", text)}
    assert personal("apply.haml", text) == {(2, "username"), (3, "date_of_birth"), (4, "gender"), (5, "address")}
    assert found[4].control.type == "radio" and found[5].control.tag == "textarea"
    # Rails' own `select("post", "person_id")` is the field `post[person_id]`, not one labelled "person_id"
    assert {f.control.name for f in found.values()} == {"nickname", "dob", "gender", "address", "post[person_id]", "q"}


def test_yii_kartik_form_builders_name_their_fields_in_arrays() -> None:
    text = (
        "<?php echo FormGrid::widget(['model' => $model, 'form' => $form, 'rows' => [[\n"
        "    'attributes' => [\n"
        "        'nama' => ['type' => Form::INPUT_TEXT, 'options' => ['maxlength' => 80]],\n"
        "        'no_kad_pengenalan' => ['type' => Form::INPUT_TEXT],\n"
        "        'saiz_baju' => ['type' => Form::INPUT_DROPDOWN_LIST, 'items' => $sizes],\n"
        "    ],\n"
        "]]]); ?>\n"
    )
    fields = {f.line: f for f in read_fields("_form.php", text)}
    assert personal("_form.php", text) == {(3, "name"), (4, "national_id")}
    assert fields[5].control.tag == "select" and fields[5].category is None


def test_radio_components_of_a_group_are_its_answers() -> None:
    text = (
        "export const F = () => (\n  <Form>\n"
        "    <Form.Item name={['person', 'gender']} label=\"Gender\">\n"
        "      <Radio.Group>\n"
        '        <Radio value="F">Female</Radio>\n'
        '        <Radio value="M">Male</Radio>\n'
        "      </Radio.Group>\n"
        "    </Form.Item>\n  </Form>\n);\n"
    )
    assert personal("PersonForm.tsx", text) == {(5, "gender"), (6, "gender")}


def test_coldfusion_pages_are_read() -> None:
    text = (
        '<cfif isDefined("form.submit")><cflocation url="next.cfm"></cfif>\n'
        '<form action="save.cfm" method="post">\n'
        '<label for="dob">Date of birth</label><input type="text" id="dob" name="DateBirth" value="#session.dob#">\n'
        '<cfoutput><input type="text" name="SSNum" placeholder="SSN"></cfoutput>\n'
        "</form>"
    )
    assert personal("application.cfm", text) == {(3, "date_of_birth"), (4, "national_id")}


def test_phoenix_eex_helpers_blazor_bindings_and_jinja_form_macros() -> None:
    eex = (
        "<%= form_for @changeset, @action, fn f -> %>\n"
        '  <%= label(f, :f1, "Full Name") %>\n'
        '  <%= text_input(f, :f1, placeholder: "Grace Hopper") %>\n'
        "  <%= email_input(f, :email) %>\n"
        '  <%= text_input(f, :handle, placeholder: "gracehopper") %>\n'
        "  <%= textarea f, :bio %>\n"
        "<% end %>\n"
    )
    assert personal("_form.html.eex", eex) == {(3, "name"), (4, "email"), (5, "username"), (6, "other_personal")}
    razor = '<EditForm Model="@m">\n<label>Phone number</label>\n<InputText class="form-control" @bind-Value="m.Contact" />\n</EditForm>\n'
    assert personal("Register.razor", razor) == {(3, "phone")}
    jinja = "<form>\n{{ form.input('fullname', label=_('Full name'), id='f') }}\n{{ form.markdown('about', label=_('About')) }}\n</form>\n"
    assert personal("edit_user_form.html", jinja) == {(2, "name")}


def test_phalcon_volt_forms_and_tag_helpers() -> None:
    """Phalcon: `{{ form.render('email') }}` renders a form's element; Volt's tag helpers
    (`password_field`, `text_area`) render an input of their kind; `form.label(...)` does not."""
    volt = """<form method="post">
    {{ form.label('username', ['class': 'control-label']) }}
    {{ form.render('username', ['class': 'form-control']) }}
    {{ form.render('email') }}
    <label for="repeatPassword">Repeat Password</label>
    {{ password_field('repeatPassword', 'class': 'input-large') }}
    {{ text_area('bio', 'rows': 4) }}
    {{ text_field('promo_code') }}
</form>"""
    fields = read_fields("register/index.volt", volt)
    assert [(f.line, f.control.name, f.control.type, f.category) for f in fields] == [
        (3, "username", "text", "username"),
        (4, "email", "text", "email"),
        (6, "repeatPassword", "password", "password"),
        (7, "bio", "", "other_personal"),
        (8, "promo_code", "text", None),
    ]


def test_the_macros_of_a_module_a_template_imports() -> None:
    """Twig's `{% import 'macro_functions.html.twig' as mf %}`: `mf.selectbox('country')` is a
    field; the module's other macros and another object's calls are not."""
    text = (
        '{% import \'macro_functions.html.twig\' as mf %}\n<form><input type="email" name="email">\n'
        "<label for=\"country\">Country</label>{{ mf.selectbox('country', country_names(), 0) }}\n"
        "{{ mf.title('phone') }} {{ helper.selectbox('nric') }}\n</form>"
    )
    fields = read_fields("client_new_form.html.twig", text)
    assert [(f.control.name, f.category) for f in fields] == [("email", "email"), ("country", "address")]


def test_a_field_drawn_by_a_controller_render_prop() -> None:
    """shadcn/ui's FormField and react-hook-form's Controller name the field; the input in the
    render prop is where it is drawn, its FormLabel what it asks."""
    text = """export function Signup() {
  return (
    <Form {...form}>
      <FormField
        control={form.control}
        name="x1"
        render={({ field }) => (
          <FormItem>
            <FormLabel>NRIC / FIN</FormLabel>
            <FormControl>
              <Input placeholder="S1234567A" {...field} />
            </FormControl>
          </FormItem>
        )}
      />
      <Controller name="x2" control={control} render={({ field }) => <TextField type="date" label="Birthday" {...field} />} />
    </Form>
  );
}
"""
    found = [(f.line, f.control.column, f.control.name, f.category) for f in read_fields("Signup.tsx", text)]
    assert found[0] == (11, 15, "x1", "national_id")
    assert found[1][2:] == ("x2", "date_of_birth") and found[1][0] == 16


def test_an_interpolated_prefix_of_a_name_says_nothing_about_the_field() -> None:
    """`#{param_prefix}[name]`: the prefix is a variable (here, one that says `prefix`, as a title
    would); what is written beside it names the field."""
    text = """<form method="post">
<input name="#{param_prefix}[name]">
<input name="${prefix}.city">
</form>"""
    assert personal("pay.html", text) == {(2, "name"), (3, "address")}


def test_angular_xeditable_elements_are_the_inputs_they_become() -> None:
    """`editable-text` and its kin turn a shown value into an input: a field, named by `e-name`,
    typed by the directive; an application's own directive counts when it has an `e-name`, and
    `editable-form` is the form, not a field."""
    text = (
        '<form name="frm" editable-form onaftersave="save()">\n'
        '  <label><span editable-text="person.full_name" e-name="full_name" e-placeholder="Name"></span></label>\n'
        '  <span editable-tpde="person.dob" e-name="dob"></span>\n'
        '  <span editable-filterselect="person.religion" e-name="faith" e-ng-options="r for r in religions"\n'
        '        e-data-placeholder="Religion"></span>\n'
        '  <span editable-text="person.ni_number" e-name="x1" e-placeholder="National Insurance number"></span>\n'
        '  <span class="Error-message">Invalid NI number</span>\n'
        '  <span editable-checkbox="prefs.newsletter" e-name="newsletter" e-title="Send the newsletter"></span>\n'
        "</form>\n"
    )
    fields = read_fields("details.html", text)
    assert [(f.line, f.control.tag, f.control.name, f.control.type) for f in fields] == [
        (2, "input", "full_name", "text"), (3, "input", "dob", "text"), (4, "select", "faith", ""),
        (6, "input", "x1", "text"), (8, "input", "newsletter", "checkbox"),
    ]  # fmt: skip
    assert personal("details.html", text) == {(2, "name"), (3, "date_of_birth"), (4, "religion"), (6, "national_id")}


def test_rails_form_helpers_called_with_the_objects_name() -> None:
    """`text_field :patient, :x1` renders `patient[x1]`, labelled by `label :patient, :x1, "..."`."""
    text = (
        '%table\n  %tr\n    %td\n      = label :head_contact, :x1, "Phone on field"\n'
        "      = text_field :head_contact, :x1, :class=>'phone-input'\n"
        '    %td\n      = text_field("head_contact", "email_1")\n'
        "      = select :head_contact, :ministry_id, @ministries\n"
    )
    fields = read_fields("_form.html.haml", text)
    assert [(f.line, f.control.name, f.category) for f in fields] == [
        (5, "head_contact[x1]", "phone"), (7, "head_contact[email_1]", "email"), (8, "head_contact[ministry_id]", None),
    ]  # fmt: skip


def test_a_component_bound_to_its_own_model_is_a_field_whatever_its_slot_holds() -> None:
    text = """<template><form>
  <text-field id="birth" v-model="state.birthDate" label="Date of birth">
    <template>
      <input type="radio" name="gender" v-model="state.sex" value="M"> M
      <input type="radio" name="gender" v-model="state.sex" value="F"> F
    </template>
  </text-field>
  <form-row label="Contact"><input name="mobile" type="tel"></form-row>
</form></template>"""
    fields = read_fields("join.vue", text)
    assert [(f.line, f.control.tag, f.category) for f in fields] == [
        (2, "text-field", "date_of_birth"), (4, "input", "gender"), (5, "input", "gender"), (8, "input", "phone"),
    ]  # fmt: skip


def test_yii_chtml_and_html_fields_by_name_and_active_fields_of_a_model() -> None:
    """`CHtml::textField("ApplicantInfo[$cnt][ssn]", ...)`, `Html::textInput('email')`,
    `$form->textField($model, 'dob')`; a name given in a variable is not read from the value after it."""
    text = """<table><tr><td><label>SSN</label></td><td>
<?php echo CHtml::textField("ApplicantInfo[$cnt][ssn]", $value, array('id' => "ssn$cnt")); ?>
</td></tr></table>
<?= Html::textInput('email', '', ['class' => 'form-control']) ?>
<?php echo $form->textField($model, 'date_of_birth'); ?>
<?php echo CHtml::activePasswordField($model, 'password'); ?>
<?php echo CHtml::textField($fieldName, 'Full name'); ?>
"""
    fields = read_fields("_form.php", text)
    assert [(f.line, f.control.name, f.control.type, f.category) for f in fields] == [
        (2, "ApplicantInfo[$cnt][ssn]", "text", "national_id"), (4, "email", "text", "email"),
        (5, "date_of_birth", "text", "date_of_birth"), (6, "password", "password", "password"),
    ]  # fmt: skip


def test_yii_1_input_widgets_by_name_or_attribute_and_not_a_grids_columns() -> None:
    text = """<td><label>Date of Birth</label></td><td>
<?php $this->widget('zii.widgets.jui.CJuiDatePicker', array(
    'name' => "ApplicantInfo[$cnt][birthday]",
    'options' => array('dateFormat' => 'yy-mm-dd'),
)); ?></td>
<?php $this->widget('CMaskedTextField', array('model' => $model, 'attribute' => 'phone', 'mask' => '999-9999')); ?>
<?php $this->widget('zii.widgets.grid.CGridView', array('dataProvider' => $p, 'columns' => array(array('name' => 'email')))); ?>
"""
    fields = read_fields("_step2_form.php", text)
    assert [(f.line, f.control.name, f.control.type, f.category) for f in fields] == [
        (2, "ApplicantInfo[$cnt][birthday]", "date", "date_of_birth"), (6, "phone", "text", "phone"),
    ]  # fmt: skip


def test_the_tags_inside_a_render_prop_are_its_text_once_it_is_rewritten() -> None:
    """A render prop's `{...field}` spread stays inside the prop's value: the next controller
    is still read (shadcn/ui FormField after FormField), labelled by an application's own
    label component."""
    text = """export const F = () => (<form>
  <FormField control={form.control} name="previousSchool" render={({ field }) => (
    <FormItem><FormLabel>Previous school</FormLabel>
      <FormControl><Input placeholder="e.g., St Mary" {...field} /></FormControl></FormItem>
  )} />
  <FormField control={form.control} name="guardianPhone" render={({ field }) => (
    <FormItem><RequiredLabel>Guardian phone</RequiredLabel>
      <FormControl><Input placeholder="+60 12 345 6789" {...field} value={field.value || ''} /></FormControl></FormItem>
  )} />
</form>);"""
    assert [(f.control.name, f.category) for f in read_fields("Form.tsx", text)] == [
        ("previousSchool", "other_personal"), ("guardianPhone", "phone"),
    ]  # fmt: skip


def test_an_angular_components_inline_template_is_read_where_it_is_written(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`@Component({styles: `...`, template: `<input [(ngModel)]="dob">`})` in a .ts file: the
    template's fields at their own lines and columns; the component's code is no markup."""
    text = """import { Component } from '@angular/core';
const sizes: Array<string> = ['a', 'b'];
@Component({
  selector: 'app-register',
  styles: `.form { display: grid; }`,
  template: `
    <form>
      <label for="dob">Date of birth</label>
      <input id="dob" type="date" [(ngModel)]="dob" />
      <label for="fn">Father's name</label><input id="fn" [(ngModel)]="fatherName" />
    </form>
  `,
})
export class RegisterPage { dob = ''; fatherName = ''; }
"""
    (tmp_path / "register.page.ts").write_text(text, encoding="utf-8")
    result = inventory([str(tmp_path)], Options(jobs=1))
    assert [(f.line, f.control.column, f.category) for f in result.fields] == [
        (9, 7, "date_of_birth"), (10, 44, "name"),
    ]  # fmt: skip


def test_a_django_template_saved_as_php_is_read_as_one() -> None:
    """No `<?php` in it and `{% csrf_token %}` at its top: a Django template whatever its name
    says, whose `{{ form.email }}` renders a field."""
    text = """<form method="post">{%csrf_token%}
{{form.last_name.label_tag}}
{{form.last_name}}
{{form.email}}
</form>"""
    assert [(f.line, f.control.name, f.category) for f in read_fields("register.php", text)] == [
        (3, "last_name", "name"), (4, "email", "email"),
    ]  # fmt: skip


def test_an_apostrophe_in_the_text_of_a_render_prop_is_text() -> None:
    """`<FormLabel>Father's Name</FormLabel>` inside a render prop is JSX text, not a quote that
    pairs with the next one (`Mother's`) and hides the controller between them; a comparison
    (`a <b`) in the same expression is still code."""
    text = """export const F = () => (<form>
  <FormField control={form.control} name="fatherName" render={({ field }) => (
    <FormItem><FormLabel>Father's Name</FormLabel>
      <FormControl><Input {...field} /></FormControl></FormItem>
  )} />
  <FormField control={form.control} name="motherMobile" render={({ field }) => (
    <FormItem><FormLabel>Mother's Mobile</FormLabel>
      <FormControl><Input {...field} disabled={step <2} /></FormControl></FormItem>
  )} />
  <FormField control={form.control} name="fatherOccupation" render={({ field }) => (
    <FormItem><FormLabel>Father's Occupation</FormLabel>
      <FormControl><Input {...field} /></FormControl></FormItem>
  )} />
</form>);"""
    assert [(f.control.name, f.category) for f in read_fields("Form.tsx", text)] == [
        ("fatherName", "name"), ("motherMobile", "phone"), ("fatherOccupation", "employment"),
    ]  # fmt: skip


def test_a_php_block_of_helper_calls_reads_each_calls_own_arguments_and_no_commented_call() -> None:
    """`input('username');` is not typed by the next call's `'type' => 'password'`; a call
    commented out renders nothing; a `//` inside a string is no comment."""
    text = """<?php
echo $this->Form->input('username');
echo $this->Form->input('password1', array('label' => 'Confirm Password', 'type' => 'password'));
// echo $this->Form->input('date_of_birth');
# echo $this->Form->input('nric');
/* echo $this->Form->input('religion'); */
echo $this->Form->input('homepage', array('placeholder' => 'http://example.com'));
?>"""
    fields = read_fields("add.ctp", text)
    assert [(f.line, f.control.name, f.control.type, f.category) for f in fields] == [
        (2, "username", "text", "username"), (3, "password1", "password", "password"),
        (7, "homepage", "text", "other_personal"),
    ]  # fmt: skip
