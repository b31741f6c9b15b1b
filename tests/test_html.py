"""How fields, their labels, lines and forms are read from markup."""

from __future__ import annotations

from datetime import date

from helpers import personal, read_fields

from datamin.parse.markup.html import parse


def test_line_and_column_are_where_the_tag_starts() -> None:
    text = '<form id="f">\n  <div><input\n    name="email"\n    type="email"></div>\n<input name="a"><input name="phone"></form>'
    controls = parse("x.html", text).controls
    assert [(c.line, c.column, c.name) for c in controls] == [(2, 8, "email"), (5, 1, "a"), (5, 17, "phone")]


def test_a_tag_over_several_lines_is_where_it_starts() -> None:
    """libxml2 records the line of a start tag's `>`, which a `>` in a quoted value (`=>`) or a
    component over several lines puts far from its `<`."""
    text = """<template><form>
  <v-text-field
    v-model="user.dob"
    :rules="[v => !!v || 'required']"
    label="Date of birth"
  ></v-text-field>
  <script>var s = '<input name="' + decoy + '">';</script>
  <input
    name="email" :class="{ a: x > 1 }"
    type="email"
  ><select name="gender"
    ><option>Male</option><option>Female</option></select>
</form></template>"""
    controls = parse("x.vue", text).controls
    assert [(c.line, c.column, c.name or c.bindings[0]) for c in controls] == [
        (2, 3, "user.dob"), (8, 3, "email"), (11, 4, "gender"),
    ]  # fmt: skip


def test_label_for_wrapping_aria_placeholder_title() -> None:
    text = """<form>
<label for="a">Date of birth</label><input id="a" name="x1">
<label>NRIC <input name="x2"></label>
<input aria-label="Mobile number" name="x3">
<span id="lb">Passport number</span><input aria-labelledby="lb" name="x4">
<input placeholder="you@example.com (email)" name="x5">
<input title="Postal code" name="x6">
</form>"""
    assert personal("x.html", text) == {
        (2, "date_of_birth"), (3, "national_id"), (4, "phone"), (5, "passport"), (6, "email"), (7, "address"),
    }  # fmt: skip


def test_nearby_text_labels_table_layouts_and_numbered_names() -> None:
    text = """<form><table>
<tr><td>Full name</td><td><input name="entry.1001"></td></tr>
<tr><td>Date of birth</td><td><select name="d"></select><select name="m"></select><select name="y"></select></td></tr>
<tr><td>Coupon</td><td><input name="entry.1002"></td></tr>
</table></form>"""
    assert personal("x.html", text) == {(2, "name"), (3, "date_of_birth")}


def test_radio_groups_take_their_options_and_group_label() -> None:
    text = """<form><div role="radiogroup" aria-labelledby="q"><span id="q">Sex</span>
<input type="radio" name="entry.5" value="M"> Male
<input type="radio" name="entry.5" value="F"> Female</div></form>"""
    assert personal("x.html", text) == {(2, "gender"), (3, "gender")}


def test_a_group_of_answers_takes_the_question_before_it() -> None:
    """Radio buttons labelled Yes / No, M / F or with the answers themselves: the question is the
    text just before the group, in the group's own block."""
    text = """<form>
<p>Have you ever been convicted of a criminal offence?</p>
<input type="radio" id="c1" name="q7" value="1"><label for="c1">Yes</label>
<input type="radio" id="c2" name="q7" value="0"><label for="c2">No</label>
<div><span>Sex</span><label><input type="radio" name="g" value="1"> M</label><label><input type="radio" name="g" value="2"> F</label></div>
<table><tr><td>Are you pregnant?</td><td><input type="radio" name="q9" value="y"> Yes <input type="radio" name="q9" value="n"> No</td></tr></table>
<h3>Delivery</h3>
<div><input type="radio" name="ship" value="std"> Standard <input type="radio" name="ship" value="exp"> Express</div>
</form>"""
    assert personal("x.html", text) == {(3, "criminal_record"), (4, "criminal_record"), (5, "gender"), (6, "health")}


def test_no_question_from_outside_the_group_block() -> None:
    """Text several blocks up from the group is a section's, not the group's question."""
    text = """<form><p>Religion</p>
<div><div><div><div><label><input type="radio" name="r" value="1"> Yes</label><label><input type="radio" name="r" value="0"> No</label></div></div></div></div>
<label>Full name <input name="full"></label></form>"""
    assert personal("x.html", text) == {(3, "name")}


def test_a_label_right_after_its_field() -> None:
    """Bootstrap's floating labels follow their input; a label followed by another field is
    that field's."""
    text = """<form>
<div><input name="a2"><label>Religion</label><input name="a3"></div>
<div class="form-floating"><input class="form-control" name="a1" placeholder=" "><label>Date of birth</label></div>
</form>"""
    fields = {f.control.name: f.category for f in read_fields("x.html", text)}
    assert fields == {"a1": "date_of_birth", "a2": None, "a3": "religion"}


def test_the_prompt_of_a_select_labels_it() -> None:
    """A template that writes its options in a loop leaves only the prompt: `Select your
    religion`. An option whose value a template writes is an answer, not a prompt."""
    text = """<form><label>Full name <input name="n"></label>
<select name="s1"><option value="">-- Select your religion --</option>{% for r in religions %}<option>{{ r }}</option>{% endfor %}</select>
<select name="s2"><option value="{{ code }}">{{ occupation_name }}</option></select>
<select name="s3"><option disabled selected>Choose a colour</option><option>Red</option></select></form>"""
    fields = {f.control.name: f.category for f in read_fields("x.html.j2", text)}
    assert fields == {"n": "name", "s1": "religion", "s2": None, "s3": None}


def test_a_numeric_keypad_names_nothing_outright() -> None:
    """`type="tel"` asks for a phone's keypad: a bank's name typed there is still a bank's name,
    and a form that asks for a billing contact is about people whatever else its action says."""
    text = """<form id="billingContactForm" action="/account-paymentmethods-billing-contacts-create">
<label for="b">Name of your bank</label><input type="tel" id="b" name="bankname">
<input type="text" name="firstname"></form>"""
    assert personal("x.html", text) == {(2, "financial_account"), (3, "name")}


def test_select_options_decide_when_nothing_else_does() -> None:
    text = "<select name='q7'><option>Chinese</option><option>Malay</option><option>Indian</option><option>Others</option></select>"
    assert personal("x.html", text) == {(1, "race_ethnicity")}


def test_fields_outside_forms_and_form_containers() -> None:
    text = '<input name="email">\n<form name="signup" action="/join"><input name="phone"></form>\n<form action="/a"><input name="dob"></form>'
    fields = {f.control.name: f.control.container for f in read_fields("x.html", text)}
    assert fields == {"email": "", "phone": 'form[name="signup"]', "dob": 'form[action="/a"]'}


def test_components_and_bindings() -> None:
    text = """<template><el-form>
<el-input v-model="form.birthDate" />
<x-text-input id="ic" name="ic_number" />
<v-text-field label="Phone" v-model="p" />
<input formControlName="passportNo">
<x-input-label for="email" :value="__('Email')" />
<input id="email" name="e">
<el-form-item label="Occupation"><el-input v-model="x.y" /></el-form-item>
</el-form></template>"""
    assert personal("x.vue", text) == {
        (2, "date_of_birth"), (3, "national_id"), (4, "phone"), (5, "passport"), (7, "email"), (8, "employment"),
    }  # fmt: skip


def test_wrappers_and_labels_are_not_fields() -> None:
    text = '<x-input-label for="a" value="Email" /><x-input-error :messages="$errors->get(\'email\')" /><mat-form-field><input name="email"></mat-form-field>'
    assert [c.tag for c in parse("x.blade.php", text).controls] == ["input"]


def test_hidden_fields_by_name_only_and_constants_not_at_all() -> None:
    text = '<form><label>Email <input type="hidden" name="token"></label><input type="hidden" name="latitude" id="lat"><input type="hidden" name="email" value="1"></form>'
    assert personal("x.html", text) == {(1, "precise_location")}


def test_buttons_are_not_fields() -> None:
    text = '<form><input type="submit" name="email"><input type="image" name="phone"><input type="reset"></form>'
    assert parse("x.html", text).controls == [] or personal("x.html", text) == set()


def test_html_comments_hide_fields() -> None:
    assert personal("x.html", "<form><!-- <input name='nric'> --><input name='email'></form>") == {(1, "email")}


def test_custom_dropdown_backed_by_a_hidden_input() -> None:
    text = """<div><div id="q">Religion</div><div role="listbox" aria-labelledby="q">
<div role="option">Buddhist</div><div role="option">Christian</div><div role="option">Muslim</div></div>
<input type="hidden" name="entry.77" value=""></div>"""
    assert personal("x.html", text) == {(3, "religion")}


def test_a_bare_name_or_weight_needs_a_personal_neighbour() -> None:
    product = '<form id="f"><input name="name"><input name="weight"><input name="sku"></form>'
    patient = '<form id="f"><input name="name"><input name="weight"><input type="email" name="e"></form>'
    assert personal("product.html", product) == set()
    assert personal("patient.html", patient) == {(1, "name"), (1, "health"), (1, "email")}


def test_a_form_about_a_thing_holds_business_contact_data() -> None:
    text = (
        '<form id="form-warehouse"><input name="name"><input type="email" name="email"><input name="address1"></form>'
    )
    assert personal("x.html", text) == set()
    text = '<form id="form-warehouse"><input name="nric"></form>'
    assert personal("x.html", text) == {(1, "national_id")}


def test_the_folder_a_forms_script_sits_in_says_nothing_of_the_form() -> None:
    """A registration that posts to `config/add-pendaftaran.php` is a person's; one that posts
    to `products/save.php` or `/config/save` (a route) is still about its thing."""
    fields = '<input name="nama"><input type="email" name="email"><input name="alamat"></form>'
    for action in ("config/add-pendaftaran.php", "assets/insert_eval.php", "modules/daftar/simpan.php"):
        person = f'<form action="{action}" method="post">{fields}'
        assert personal("daftar.php", person) == {(1, "name"), (1, "email"), (1, "address")}
    for action in ("products/save.php", "/config/save"):
        assert personal("x.php", f'<form action="{action}" method="post">{fields}') == set()


def test_a_label_that_names_a_things_name_says_what_a_bare_name_holds() -> None:
    """`<label>Product name <input name="name">`, "Nama bilik" (a room's name): the bare `name`
    is the thing's; a label in a template's code says nothing either way."""
    for label in ("Product name", "Nama bilik"):
        text = f'<form><label>{label} <input name="name"></label><input type="email" name="e"></form>'
        assert personal("x.html", text) == {(1, "email")}
    for label in ("Your name", "{{ trans('app.product.name') }}"):
        text = f'<form><label>{label} <input name="name"></label><input type="email" name="e"></form>'
        assert personal("x.html", text) == {(1, "name"), (1, "email")}


def test_autofill_switched_off_is_not_a_password() -> None:
    text = '<input type="text" name="product_attribute[1][value]" autocomplete="new-password">'
    assert personal("x.html", text) == set()


def test_namespaced_components_are_decided_by_their_last_part() -> None:
    text = """<x-shop::form.control-group>
<x-shop::form.control-group.label>First name</x-shop::form.control-group.label>
<x-shop::form.control-group.control type="text" name="first_name" />
<x-shop::form.control-group.control type="email" name="email" />
</x-shop::form.control-group>
<x-country name="country_id"></x-country>
<ion-icon name="mail-outline"></ion-icon>"""
    assert personal("x.blade.php", text) == {(3, "name"), (4, "email"), (6, "address")}


def test_page_components_are_not_fields_in_jsx() -> None:
    text = 'export default () => (<Layout><NewPassword {...props} /><EmailInput name="email" /></Layout>);'
    assert [f.control.tag for f in read_fields("x.jsx", text)] == ["emailinput"]


def test_a_pets_name_and_age_in_a_persons_form_are_not_theirs() -> None:
    """An adoption request asks about the pets at home (`hhPet1`, `petAge1`): the animals'
    details, beside the person's own."""
    adoption = """<form><input name="fullname"><input type="email" name="email">
<label>Your age <input name="age"></label><input name="petAge1" placeholder="Age">
<input name="hhPet1" placeholder="Name"></form>"""
    assert personal("adopt.html", adoption) == {(1, "name"), (1, "email"), (2, "date_of_birth")}


def test_a_form_that_asks_an_animals_breed_is_about_the_animal() -> None:
    """A dog's registration (its name, age and breed) holds nothing of a person; an adoption
    request that also asks how to reach the adopter keeps the adopter's name."""
    dog = """<form method="post"><label>Name <input name="name"></label>
<label>Years <input type="number" name="age_years"></label>
<label>Breed <select name="breed"><option>Beagle</option></select></label></form>"""
    assert personal("add.svelte", dog) == set()
    adoption = dog.replace("</form>", '<label>Your email <input type="email" name="email"></label></form>')
    assert (1, "name") in personal("adopt.svelte", adoption)


def test_the_fields_under_a_heading_about_a_pet_are_the_animals() -> None:
    """An adoption form asks the adopter's name and phone, then under "Pet information" the
    pet's name, sex and birth date: those are the animal's. 猫咪性别 says whose sex it is."""
    form = """<form method="post"><label>Your name <input name="adopter"></label>
<label>Phone <input type="tel" name="phone"></label>
<h3>Pet information</h3>
<label>Name <input name="pet_name_1"></label>
<label>Sex <select name="sex"><option>Male</option><option>Female</option></select></label>
<label>Date of birth <input type="date" name="born"></label>
<label>Breed <input name="breed"></label></form>"""
    assert personal("adopt.html", form) == {(1, "name"), (2, "phone")}
    chinese = """<form><label>领养人姓名 <input name="realName"></label><label>联系电话 <input type="tel" name="tel"></label>
<p>猫咪性别:</p><input name="xb"></form>"""
    assert personal("ling.html", chinese) == {(1, "name"), (1, "phone")}


def test_an_upload_component_is_a_file_field() -> None:
    """`<el-upload :action=... :on-success=...>` and Vant's `<van-uploader :after-read=...>` take
    a file though they carry no name: what is said before them says which."""
    text = """<template><el-form :model="form">
<el-form-item prop="nama"><el-input v-model="form.nama" placeholder="姓名" /></el-form-item>
<p>上传身份证正面</p>
<el-upload class="id-card-uploader" :action="uploadAction" :on-success="onFront"><img src="x.png"></el-upload>
<p>Profile photo</p>
<van-uploader :after-read="afterRead" /><p>Attachments</p>
<el-upload class="files" :before-upload="check"><el-button>Upload</el-button></el-upload>
</el-form></template>"""
    found = {(f.line, f.control.type, f.category) for f in read_fields("x.vue", text)}
    assert {(4, "file", "national_id"), (6, "file", "photo")} <= found
    assert (7, "file", None) in found


def test_a_jsx_labels_code_is_not_what_it_says() -> None:
    """`<label>아이디 {invalid && (<small>5 to 20 letters</small>)}`: the label says 아이디 (a
    username); an expression's strings still speak (`{t("Phone")}`)."""
    text = """export default () => (<form><input name="nama" /><input type="email" name="e" />
<label>아이디 <input name="memId" />
  {validity.memId === false && (<small>영문/숫자 5~20자</small>)}
</label>
<label>{t("Phone")} <input name="f7" /></label></form>);"""
    fields = read_fields("x.jsx", text)
    assert [(f.control.name, f.category) for f in fields if f.control.name in ("memId", "f7")] == [
        ("memId", "username"),
        ("f7", "phone"),
    ]
    labels = next(f.control.labels for f in fields if f.control.name == "memId")
    assert labels == (("label", "아이디"),)


def test_markup_inside_script_templates_is_read() -> None:
    text = '<script type="text/x-template" id="address-form">\n<input name="postcode"><input type="tel" name="phone">\n</script>'
    assert personal("x.blade.php", text) == {(2, "address"), (2, "phone")}


def test_bound_names_keep_their_literal_parts() -> None:
    text = "<input ::name=\"controlName + '.first_name'\"><input :name=\"prefix + '[email]'\">"
    assert personal("x.blade.php", text) == {(1, "name"), (1, "email")}


def test_rows_of_fields_take_their_column_headers() -> None:
    """A family or work history table labels its columns once, above rows of fields; a table of
    labels and fields under a title row keeps each row's own label."""
    text = """<form><input name="fullname">
<table><tr><th>Name</th><th>Relationship</th><th>Date of birth</th></tr>
<tr><td><input name="f[0][a]"></td><td><input name="f[0][b]"></td><td><input name="f[0][c]"></td></tr>
<tr><td><input name="f[1][a]"></td><td><input name="f[1][b]"></td><td><input name="f[1][c]"></td></tr></table>
<table><tr><td colspan="2">Applicant</td></tr>
<tr><td>Mobile number</td><td><input name="x1"></td></tr></table></form>"""
    assert personal("x.html", text) == {
        (1, "name"), (3, "name"), (3, "other_personal"), (3, "date_of_birth"), (4, "name"), (4, "other_personal"),
        (4, "date_of_birth"), (6, "phone"),
    }  # fmt: skip


def test_fields_a_script_writes_are_read_where_the_script_holds_them() -> None:
    """Rows of fields a script adds on a click, markup built in strings: read as markup, lines
    kept; a tag the code completes at run time, the code and `${...}` are not."""
    text = """<form method="post"><table id="jobs"><tr><th>Employer</th></tr>
<tr><td><input name="employer[]"></td><td><input name="start[]"></td></tr></table>
<script>
  // <input name="in_a_comment">
  row.innerHTML = `<td><input name="employer[]"></td>
    <td><select name="start[]">${years.map(y => `<option>${y}</option>`).join("")}</select></td>`;
  $('<label>NRIC <input name="nric"></label>').appendTo(form);
  var partial = '<input name="' + field + '">';
</script></form>"""
    controls = parse("jobs.html", text).controls
    assert [(c.line, c.column, c.name) for c in controls] == [
        (2, 9, "employer[]"), (2, 43, "start[]"), (5, 24, "employer[]"), (6, 9, "start[]"), (7, 18, "nric"),
    ]  # fmt: skip
    assert all(c.form is not None for c in controls)


def test_a_field_that_repeats_a_field_of_its_form_is_the_same_question() -> None:
    text = """<form method="post"><label for="o">Occupation</label><input id="o" name="job[]">
<input name="qty"><input name="job[]"><input name="qty">
<label><input type="checkbox" name="heard" value="web"> Your homepage</label>
<label><input type="checkbox" name="heard" value="friend"> A friend</label></form>"""
    fields = read_fields("jobs.html", text)
    categories = [(f.line, f.category) for f in fields if f.category]
    assert categories == [(1, "employment"), (2, "employment"), (3, "other_personal")]  # not line 4
    assert "the same field as line 1" in fields[2].evidence


def test_react_forms_as_ant_design_and_uswds_write_them() -> None:
    """Type arguments of a component, `htmlFor`, a group with a legend, a ComboBox, a FormItem
    wrapper and Ant Design 3's getFieldDecorator, which names the input it wraps."""
    text = """export const Patient = ({ form }) => (
  <Form name="basic">
    <RadioGroup<string> legend={"Sex"} name="patient-sex" buttons={SEXES} />
    <label htmlFor="tribe">Tribal affiliation</label>
    <ComboBox id="tribe" name="tribe" options={tribes} />
    <FormItem {...layout} label="证件">
      {form.getFieldDecorator("idCard", { rules: [{ required: true }] })(
        <Input placeholder="请输入" />
      )}
    </FormItem>
    <Card><Input name="q" /></Card>
  </Form>
);"""
    fields = read_fields("Patient.tsx", text)
    assert [(f.line, f.control.name or f.control.bindings[0], f.category) for f in fields] == [
        (3, "patient-sex", "gender"), (5, "tribe", "race_ethnicity"), (8, "idCard", "national_id"), (11, "q", None),
    ]  # fmt: skip
    assert ("label", "证件") in fields[2].control.labels and ("label", "basic") not in fields[3].control.labels


def test_ant_design_vue_decorators_name_their_inputs_and_an_addon_is_part_of_its_input() -> None:
    """Ant Design Vue 1: `v-decorator="['email', {...}]"` names the input it is written on; the
    select in a phone input's `slot="addonBefore"` does not make the input a wrapper."""
    text = """<template><a-form :form="form" @submit="submit">
  <a-form-item label="E-mail">
    <a-input v-decorator="['email', { rules: [{ type: 'email', message: 'Not valid!' }] }]" />
  </a-form-item>
  <a-form-item label="Phone Number">
    <a-input v-decorator="['phone', { rules: [{ required: true }] }]" style="width: 100%">
      <a-select slot="addonBefore" v-decorator="['prefix', { initialValue: '86' }]">
        <a-select-option value="86">+86</a-select-option>
      </a-select>
    </a-input>
  </a-form-item>
  <a-form-item label="Coupon"><a-input v-decorator="['coupon']" /></a-form-item>
</a-form></template>"""
    fields = read_fields("Account.vue", text)
    assert [(f.line, f.control.bindings[0], f.category) for f in fields if f.control.bindings] == [
        (3, "email", "email"), (6, "phone", "phone"), (7, "prefix", "phone"), (12, "coupon", None),
    ]  # fmt: skip


def test_react_bootstrap_form_controls_in_a_module_that_imports_only_a_component_library() -> None:
    """`<Form.Control>` is React-Bootstrap's input (MUI's `<FormControl>` is a wrapper), and a
    `.js` module of JSX that imports only from a component library is read as markup."""
    from datamin.parse import wants

    text = """import Form from "react-bootstrap/Form";
export default function PatientInfo() {
  return (<Form>
      <Form.Control placeholder="Last Name" aria-label="Last Name" />
      <Form.Control placeholder="DD-MM-YYYY" aria-label="Date of Birth" />
      <Form.Control placeholder="Search" />
  </Form>);
}"""
    assert wants("components/patientInfo.js", text)
    assert not wants("lib/sum.js", "export const sum = (a, b) => a + b;\n")
    assert personal("patientInfo.js", text) == {(4, "name"), (5, "date_of_birth")}


def test_a_validation_message_shown_between_jsx_fields_labels_neither() -> None:
    """`{errors.email && <p>{errors.email}</p>}` after the email input is its message, not the
    label of the input after it."""
    text = """export default function Edit() {
  return (<form onSubmit={submit}>
    <input type="email" name="email" value={data.email} placeholder="Email" onChange={change} />
    {errors.email && <p>{errors.email}</p>}
    <input type="text" name="type" value={data.type} onChange={change} />
  </form>);
}"""
    assert personal("Edit.jsx", text) == {(3, "email")}


def test_a_label_for_an_id_nothing_has_names_the_fields_after_it() -> None:
    text = """<template><form><div class="form-group">
  <label for="dob">생년월일</label>
  <div><v-select v-model="year" :items="years" label="년"></v-select>
  <v-select v-model="month" :items="months" label="월"></v-select></div>
</div><div><label for="n">Name</label><input id="n" name="n"></div><input name="promo"></form></template>"""
    assert personal("SignUp.vue", text) == {(3, "date_of_birth"), (4, "date_of_birth"), (5, "name")}


def test_a_label_for_no_id_names_only_the_fields_before_the_next_label() -> None:
    """`<label for="address">` where only a name is `address`: it names its input, not the
    selects after it that have labels of their own (nor does it name them when their `for` is
    on no id either)."""
    text = """<form action="AddStudent">
<label for="address"> Address </label>
<input type="text" name="address" />
<div class="row"><div>
  <label for="grade"> Grade: </label>
  <select name="grade"><option>Grade 6</option><option>Grade 7</option></select>
</div><div>
  <label for="class"> Class: </label>
  <select name="class"><option>A</option><option>B</option></select>
</div></div></form>"""
    fields = read_fields("addStudent.jsp", text)
    assert [(f.control.name, f.control.labels[:1]) for f in fields] == [
        ("address", (("label", "Address"),)),
        ("grade", (("label", "Grade:"),)),
        ("class", (("label", "Class:"),)),
    ]
    assert [f.control.name for f in fields if f.category == "address"] == ["address"]
    parts = """<form><input name="full_name"><label for="HEIGHT">Height</label>
<span><input id="FEET" name="FEET" size="4"/><label>Feet</label></span>
<span><input id="INCHES" name="INCHES" size="4"/><label>Inches</label></span></form>"""
    assert personal("form.tpl", parts) == {
        (1, "name"),
        (2, "health"),
        (3, "health"),
    }  # a label after its field is a part's


def test_a_cell_with_a_label_of_its_own_is_not_named_by_its_column() -> None:
    """Bootstrap's horizontal form laid out in a table: each cell's `<label>` names its field,
    whatever a row above says; a cell of bare fields takes its column's header."""
    text = """<form><table>
<tr><th>姓名</th><th>联系方式</th></tr>
<tr><td><input name="n1"></td><td><input name="c1"></td></tr>
<tr><td><div class="control-group"><label class="control-label">上报时间：</label>
<div class="controls"><input name="reportDate"></div></div></td>
<td><div class="control-group"><label class="control-label">备注信息：</label>
<div class="controls"><input name="remarks"></div></div></td></tr>
</table></form>"""
    assert personal("form.jsp", text) == {(3, "name"), (3, "phone")}


def test_the_members_of_a_group_component_answer_what_the_group_is_bound_to() -> None:
    text = """<template><form><label>성별</label>
<v-radio-group v-model="gender" row><v-radio label="남" value="M"></v-radio><v-radio label="여" value="F"></v-radio></v-radio-group>
<el-checkbox-group v-model="form.tags"><el-checkbox label="VIP"></el-checkbox></el-checkbox-group></form></template>"""
    fields = read_fields("SignUp.vue", text)
    assert [(f.control.bindings, f.category) for f in fields] == [
        (("gender",), "gender"), (("gender",), "gender"), (("form.tags",), None),
    ]  # fmt: skip


def test_the_answers_of_a_group_component_bound_to_nothing_are_its_options() -> None:
    """<v-radio-group> with no model: its radios' answers (남성, 여성) say what it asks."""
    text = """<template><v-form><v-text-field v-model="name" label="성명"></v-text-field>
<v-radio-group row hide-details>
<v-radio label="남성" value="M" />
<v-radio label="여성" value="F" />
</v-radio-group><v-radio-group row><v-radio label="예" value="Y" /></v-radio-group></v-form></template>"""
    assert personal("RequestForm.vue", text) == {(1, "name"), (3, "gender"), (4, "gender")}


def test_a_radio_button_component_is_a_radio_not_a_button() -> None:
    """<el-radio-button> and <mat-radio-button> are answers of the group they sit in, each a
    field where it starts; a <mat-button> is still no field."""
    vue = """<template><el-form><el-radio-group v-model="form.gender">
<el-radio-button label="male">Male</el-radio-button>
<el-radio-button label="female">Female</el-radio-button>
</el-radio-group></el-form></template>"""
    assert personal("Transfer.vue", vue) == {(2, "gender"), (3, "gender")}
    angular = """<form [formGroup]="f"><mat-radio-group formControlName="ethnicity">
@for (g of groups; track g) {
<mat-radio-button [value]="g">{{ g.display }}</mat-radio-button>
}
</mat-radio-group><mat-button type="submit">Save</mat-button></form>"""
    assert personal("info.component.html", angular) == {(3, "race_ethnicity")}


def test_the_text_before_a_field_passes_over_notes_in_brackets_and_the_parts_of_the_same_field() -> None:
    text = """<form><dl><dt>아이디 <i>*</i> <small>(특수문자를 제외한 모든 문자 사용가능)</small></dt>
<dd><input name="id" type="text" maxlength="12"></dd>
<dt>연락처</dt><dd><select name="tphone1"><option>010</option></select> -
<input name="tphone2" type="text"> - <input name="tphone3" type="text"></dd></dl></form>"""
    assert personal("join.php", text) == {(2, "username"), (3, "phone"), (4, "phone")}


def test_a_value_bound_to_a_model_property_says_what_the_field_holds() -> None:
    text = """<form><input type="text" th:value="${user.phone}" name="contact">
<input name="t" value="${member.birthday}"><input name="q" value="${param.q}"></form>"""
    assert personal("join.jsp", text) == {(1, "phone"), (2, "date_of_birth")}


def test_a_mini_programs_own_components_need_no_hyphen() -> None:
    """WeChat pages use a program's own components by any name (`<informationview>`): one that
    carries a field's name and a placeholder is a field, its `tit` its title; the platform's
    own elements are not components."""
    wxml = """<form bindsubmit="save">
<informationview tit="姓名" name="jobwantedName" placeholder="姓名" value="{{resumeName}}"></informationview>
<informationview tit="毕业院校" name="graduatedFrom" placeholder="请输入" value="{{school}}"></informationview>
<navigator url="/pages/index" name="home">返回</navigator>
</form>"""
    assert personal("pages/add/add.wxml", wxml) == {(2, "name"), (3, "other_personal")}
    assert personal("add.html", wxml.replace("informationview", "infoview")) == set()  # a page of the web: not read so


def test_mini_program_pages_and_decorated_components() -> None:
    wxml = """<view class="modal"><input placeholder="请输入姓名" value="{{name}}" bindinput="onName" />
<picker mode="date" value="{{birthdate}}" bindchange="onBirth"><view>出生日期</view></picker></view>"""
    assert personal("children.wxml", wxml) == {(1, "name"), (2, "date_of_birth")}
    jsx = """const F = ({ getFieldDecorator }) => (<Form>
  <SpecFormItem label="移动电话：">
    {getFieldDecorator('mobile', { rules: [{ required: true }] })(
      <SpecInput disabled={disabled}/>
    )}
  </SpecFormItem>
  <SpecInput disabled={disabled}/>
</Form>);"""
    fields = read_fields("basicInfo.js", jsx)
    assert [(f.line, f.control.bindings, f.category) for f in fields] == [(4, ("mobile",), "phone")]


def test_a_mini_programs_group_of_choices_is_one_field_named_by_the_group() -> None:
    """WeChat's `<radio-group name="...">` submits the choice under its own name: one field, the
    question beside it its label (a follow-up's symptoms are health data); a group without a name
    submits nothing of its own."""
    wxml = """<form bindsubmit="formSubmit">
  <view class="weui-label">发热:</view>
  <radio-group class="radio-group" name="发热">
    <label class="radio" wx:for="{{items}}"><radio value="{{item.name}}"/>{{item.value}}</label>
  </radio-group>
  <view class="weui-label">满意度:</view>
  <checkbox-group name="rating"><checkbox value="5"/>5</checkbox-group>
  <radio-group bindchange="onSort"><radio value="asc"/>升序</radio-group>
</form>"""
    fields = read_fields("symptoms.wxml", wxml)
    assert [(f.line, f.control.name, f.category) for f in fields] == [(3, "发热", "health"), (7, "rating", None)]


def test_label_text_and_input_type_attributes_of_components() -> None:
    text = """<template><form><StyledInput inputId="homeNum" inputType="tel" v-model="homeNum" labelText="Nombor Telefon Rumah" />
<StyledSelect inputId="statusKahwin" v-model="statusKahwin" labelText="Status perkahwinan" /></form></template>"""
    fields = read_fields("biodata.vue", text)
    assert [(f.control.type, f.category) for f in fields] == [("tel", "phone"), ("", "marital_status")]


def test_a_hidden_input_a_script_fills_for_a_field_of_its_form_is_that_field() -> None:
    text = """<form><label><input type="checkbox" name="p_cough" value="1"> Cough</label>
<input type="hidden" name="p_cough" value=""><input name="email">
<input type="hidden" name="p_cough" value="0"></form>"""
    assert personal("screening.html", text) == {(1, "health"), (2, "health"), (2, "email"), (3, "health")}
    # the constant too: the box's companion, sending "0" when it is left empty


def test_a_script_template_with_substitutions_inside_its_tags() -> None:
    """`name="deps[${i}][ic]"` and `:messages="$errors->get('x')"`: the literal is read whole,
    its substitutions blanked; Blade components in it are read as Blade renders them."""
    text = """<form method="post"><input name="ic" placeholder="NRIC">
<script>
  $('#add').on('click', function () {
    $('#deps').append(`<div id="dep-${i}">
      <x-input-label for="deps[${i}][ic]" :value="__('NRIC')" />
      <x-text-input name="deps[${i}][ic]" :required="true" />
      <x-input-error :messages="$errors->get('deps.*.ic')" />
    </div>`);
  });
</script></form>"""
    fields = read_fields("daftar.blade.php", text)
    assert [(f.line, f.category) for f in fields] == [(1, "national_id"), (6, "national_id")]


def test_an_upload_labelled_only_by_its_button_takes_the_text_before_it() -> None:
    text = """<form><label class="rating">Profile photo (max 50 KB)</label>
<label class="input"><div class="upload-btn">Upload<input type="file" name="file1"></div></label>
<input name="email"></form>"""
    fields = read_fields("register.blade.php", text)
    assert (fields[0].category, fields[0].control.labels) == (
        "photo", (("label", "Upload"), ("nearby", "Profile photo (max 50 KB)")),
    )  # fmt: skip


def test_the_header_cell_of_a_table_row_asks_for_every_field_of_the_row() -> None:
    """`<th>Mobile</th><td>[010]</td><td>[ ]</td><td>[ ]</td>`: the fields after the first are
    the same question; a row whose header is blank continues the one above."""
    text = """<form><table>
<tr><th>Mobile *</th><td><select><option>010</option></select></td><td><input type="text"></td><td><input type="text"></td></tr>
<tr><th>Address *</th><td><input type="text"></td></tr>
<tr><th>&nbsp;</th><td><input type="text" placeholder="Line 2"></td></tr>
<tr><th>Disability *</th><td><label><input type="radio"> No</label><label><input type="radio"> Yes</label></td></tr>
</table></form>"""
    found = {(f.line, f.category) for f in read_fields("apply.html", text) if f.category}
    assert found == {(2, "phone"), (3, "address"), (4, "address"), (5, "health")}
    assert [f.category for f in read_fields("apply.html", text) if f.line == 2] == ["phone"] * 3


def test_a_row_of_two_questions_asks_each_by_the_header_before_its_cell() -> None:
    """`<th>Status</th><td>...</td><th>Mobile</th><td>[010] - [ ] - [ ]</td>`: the second
    cell's header is the one just before it, not the row's first."""
    text = """<form><table>
<tr><th>Full name</th><td><input name="nm"></td></tr>
<tr><th>Status</th><td>Protected since 2019</td><th>Mobile *</th><td><c:if test="${admin}"><input type="hidden" name="phone">
<select name="p0"><option>010</option></select> - <input type="text" name="p1"> - <input type="text" name="p2"></c:if></td></tr>
</table></form>"""
    fields = read_fields("apply.jsp", text)
    assert [(f.line, f.category) for f in fields] == [
        (2, "name"),
        (3, "phone"),
        (4, "phone"),
        (4, "phone"),
        (4, "phone"),
    ]
    assert {dict(f.control.labels).get("row") for f in fields[2:]} == {"Mobile *"}


def test_radio_buttons_of_no_name_in_one_block_are_one_group() -> None:
    """A static page's radio buttons often have no name: side by side in one block they are
    still one question, asked by the text before them, with their answers as options. A lone
    one is no group (it takes no question from the block before it)."""
    text = """<form>
<p>Your marital status:<br>
  <input name="" type="radio" checked>Single
  <input name="" type="radio">Married
</p>
<p>Your monthly household income:<br>
  <input name="" type="radio">Below 2000
  <input name="" type="radio">2001-4000
</p>
<p><input type="radio">Apply by uploading a file</p>
</form>"""
    fields = read_fields("apply.html", text)
    assert [(f.line, f.category) for f in fields] == [
        (3, "marital_status"), (4, "marital_status"), (7, "income"), (8, "income"), (10, None),
    ]  # fmt: skip
    assert fields[1].control.options == ("Single", "Married")


def test_a_list_of_years_long_past_and_the_month_and_day_after_it_ask_a_birth_date() -> None:
    """`[1949..1999] 年 [1..12] 月 [1..31] 日` under a heading the text before it hides: the
    years are births, the month and day lists the rest of that date. A list of years that runs
    to this year (a graduation, a car's make) is not, nor one in a form of nothing personal."""
    years = "".join(f"<option>{y}</option>" for y in range(1949, 2000))
    recent = "".join(f"<option>{y}</option>" for y in range(1949, date.today().year + 1))
    months = "".join(f"<option>{m}</option>" for m in range(1, 13))
    days = "".join(f"<option>{d}</option>" for d in range(1, 32))
    text = f"""<form><label>Full name <input name="full_name"></label>
<select name="year"><option value="">-</option>{years}</select>
<select name="month"><option value="">-</option>{months}</select>
<select name="day">{days}</select>
<select name="grad">{recent}</select></form>"""
    fields = read_fields("signup.html", text)
    assert [(f.line, f.category) for f in fields] == [
        (1, "name"), (2, "date_of_birth"), (3, "date_of_birth"), (4, "date_of_birth"), (5, None),
    ]  # fmt: skip
    assert fields[1].evidence == ("answers: years 1949–1999",)
    assert fields[2].evidence == ("a part of the date at line 2",)
    thai = "".join(f"<option>{y}</option>" for y in range(2492, 2543))  # the Buddhist era: 1949-1999
    text = f'<form><input name="full_name"><select name="pee">{thai}</select></form>'
    assert [f.evidence for f in read_fields("profile.html", text)][1] == ("answers: years 2492–2542",)
    alone = f'<form><select name="year">{years}</select><select name="month">{months}</select></form>'
    assert [f.category for f in read_fields("archive.html", alone)] == [None, None]


def test_the_month_and_day_named_so_after_a_birth_dates_year_whatever_fills_them() -> None:
    """`Form::select('year', ..., \\Constants::list_year())` under 生年月日, then `month` and
    `day` whose answers the template fills: the rest of the birth date. A `day` after an order's
    date is no one's birth day."""
    text = """<form id="person"><input name="name_kana">
<table><tr><th>生年月日</th><td><select name="year"></select>年
<select name="month"></select>月
<select name="day"></select>日</td></tr></table>
<label>Delivery date <input type="date" name="delivery"></label><select name="day2"></select></form>"""
    fields = read_fields("person.php", text)
    assert [(f.line, f.category) for f in fields if f.category] == [
        (1, "name"), (2, "date_of_birth"), (3, "date_of_birth"), (4, "date_of_birth"),
    ]  # fmt: skip


def test_rows_of_fields_in_the_middle_of_a_table_take_the_header_row_just_above_them() -> None:
    """A form laid out as one table: its education history's rows are headed by the row just
    above them (`Period | School | Major`), not by the table's first row."""
    text = """<form><table>
<tr><td>Name</td><td colspan="3"><input name="pjName"></td></tr>
<tr><td colspan="4">Education</td></tr>
<tr><td>Period</td><td>School</td><td colspan="2">Major</td></tr>
<tr><td><input name="pjEduTime1"></td><td><input name="pjSchool1"></td><td colspan="2"><input name="pjMajor1"></td></tr>
<tr><td><input name="pjEduTime2"></td><td><input name="pjSchool2"></td><td colspan="2"><input name="pjMajor2"></td></tr>
</table></form>"""
    found = {f.control.name: dict(f.control.labels).get("column") for f in read_fields("job.jsp", text)}
    assert found["pjSchool1"] == "School" and found["pjSchool2"] == "School" and found["pjMajor2"] == "Major"


def test_a_hidden_input_that_carries_the_choice_of_a_drawn_dropdown_is_that_choice() -> None:
    """jQuery-style selects: the hidden input holds the choice, the block after it draws the
    list. A hidden input with a constant value and no list after it stays no field."""
    text = """<form>
<label>性别：</label> <input type="hidden" value="男" name="student.sex">
<div class="select-wrap"><span>男</span><ul class="select-list"><li>男</li><li>女</li></ul></div>
<input type="hidden" name="action" value="save">
<label>姓名：</label><input type="text" name="student.name">
</form>"""
    fields = {f.control.name: f for f in read_fields("add.jsp", text)}
    assert fields["student.sex"].category == "gender" and fields["student.sex"].control.options == ("男", "女")
    assert "action" not in fields


def test_markup_a_script_concatenates_around_a_counter_is_read() -> None:
    """jQuery-era rows: `"<td><input name=\\"family["+i+"].name\\"/></td>"+` over several lines,
    in a `<script type="text/javascript">`. The counter is a blank; a value that is code
    alone (`name="' + x + '"`) is still not read."""
    text = """<form method="post"><table><tbody id="family"></tbody></table>
<script type="text/javascript">
  var tr = $("<tr></tr>");
  tr.html("<td><input type=\\"text\\" name=\\"family["+row+"].name\\"/></td>"+
    "<td><input type=\\"text\\" name=\\"family["+(row+1)+"].telNo\\"/></td>");
  var decoy = '<input name="' + field + '">';
</script></form>"""
    controls = parse("add.jsp", text).controls
    assert [(c.line, c.name.replace(" ", "")) for c in controls] == [(4, "family[].name"), (5, "family[].telNo")]


def test_a_row_a_script_appends_with_its_counter_as_the_rows_id() -> None:
    """`'<tr id="' + no + '"><td><input name="m_name[]">...'`: a row's id that code alone
    gives is a blank; the fields after it in the same string are read."""
    text = """<form method="post"><table id="members"></table>
<script>
  $('#members').append(' <tr id="'+no2+'"><td><input type="text" name="m_name[]" placeholder="Member name"></td><td><input name="m_age[]"></td></tr>');
</script></form>"""
    assert [(c.line, c.name) for c in parse("admission.blade.php", text).controls] == [(3, "m_name[]"), (3, "m_age[]")]


def test_a_hidden_input_beside_a_listbox_a_script_draws_is_a_choice() -> None:
    text = (
        '<form><label class="required">Country</label>\n'
        '<input type="hidden" id="country" name="country" value="Australia">\n'
        '<details class="dropdown"><summary aria-label="Country">Australia</summary>\n'
        '<div class="menu" role="listbox"><div class="opt" data-value="Australia">Australia</div>'
        '<div class="opt" data-value="Canada">Canada</div></div></details>\n'
        '<input type="checkbox" name="safetyAcknowledgment" id="s"><label for="s">I have read the safety information</label>\n'
        '<label>Email <input type="email" name="email"></label>\n'
        "</form>"
    )
    fields = {f.line: f for f in read_fields("intake.html", text)}
    assert personal("intake.html", text) == {(2, "address"), (6, "email")}  # not the acknowledgment
    assert fields[2].control.options == ("Australia", "Canada")


def test_a_constant_hidden_input_that_repeats_a_fields_name_is_the_answer_already_given() -> None:
    text = (
        '<form>\n<c:choose><c:when test="${empty member.m_sex}">\n'
        '<label>성별</label><input type="radio" name="m_sex" value="1">남 <input type="radio" name="m_sex" value="2">여\n'
        "</c:when><c:otherwise>\n"
        '남<input type="hidden" name="m_sex" value="1" />\n'
        "</c:otherwise></c:choose>\n"
        '<input type="hidden" name="step" value="2" />\n</form>\n'
    )
    fields = {f.line: f for f in read_fields("regist.jsp", text)}
    assert personal("regist.jsp", text) == {(3, "gender"), (5, "gender")}
    assert 7 not in fields  # a value the page writes, for no field a person fills in


def test_a_checkboxs_companion_holds_what_the_checkbox_holds() -> None:
    text = (
        '<form><input type="hidden" name="send_welcome_email" value="0">\n'
        '<label><input type="checkbox" name="send_welcome_email" value="1"> Send a welcome email</label>\n'
        '<input type="hidden" name="smoker" value="0">\n'
        '<label><input type="checkbox" name="smoker" value="1"> I smoke</label>\n'
        '<label>Email <input type="email" name="email"></label></form>'
    )
    assert personal("client.html", text) == {(3, "health"), (4, "health"), (5, "email")}


def test_labels_that_all_point_at_one_missing_id_name_no_field() -> None:
    """`<label for="#">` on every label of a page: each field is named by the text beside it,
    not by every label of the page at once."""
    text = """<form><div><label for="#">Remarks: </label><div><input type="text" name="rm" readonly></div></div>
<div><label for="#">Full Name: </label><div><input type="text" name="fst_name" readonly></div></div>
<div><label for="#">Birthdate: </label><div><input type="text" name="bd" readonly></div></div>
<div><label for="#">Gender: </label><div><input type="text" name="g" readonly></div></div></form>"""
    assert {f.control.name: f.category for f in read_fields("client.php", text)} == {
        "rm": None,
        "fst_name": "name",
        "bd": "date_of_birth",
        "g": "gender",
    }


def test_the_expiry_and_holder_of_a_card_beside_its_number() -> None:
    """Next to the card number, `expires` and `holder` ask the card's expiry and the name on it."""
    markup = (
        '<form><input name="card_number" autocomplete="cc-number">\n'
        '<input name="expires" placeholder="MM/YY">\n'
        '<input name="holder"></form>'
    )
    assert personal("pay.html", markup) == {(1, "financial_card"), (2, "financial_card"), (3, "name")}


def test_muis_form_control_labels_that_render_a_radio_are_the_answers_of_their_group() -> None:
    """MUI writes a radio group as <RadioGroup name> around <FormControlLabel control={<Radio />}>:
    each label that renders a radio is one answer, named by its group; one that renders text is
    a label only."""
    text = """export const Sex = () => (<FormControl>
  <FormLabel id="g">Gender</FormLabel>
  <RadioGroup row aria-labelledby="g" name="gender" value={patient.gender} onChange={change}>
    <FormControlLabel value="female" control={<Radio />} label="Female" />
    <FormControlLabel value="male" control={<Radio />} label="Male" />
  </RadioGroup>
  <FormControlLabel control={<Checkbox name="terms" />} label="I agree" />
  <FormControlLabel control={<Typography>x</Typography>} label="Note" />
</FormControl>);"""
    fields = read_fields("Sex.jsx", text)
    assert [(f.line, f.control.type, f.control.bindings, f.category) for f in fields] == [
        (4, "radio", ("gender",), "gender"), (5, "radio", ("gender",), "gender"), (7, "checkbox", (), None),
    ]  # fmt: skip


def test_the_id_a_person_signs_up_with_beside_their_password_is_a_username() -> None:
    """On a sign-up page the field named `userid` or labelled "ID" next to a password is the id
    the person signs in with; a form without a password field keeps `user_id` a reference."""
    signup = """<form action="join.do" method="post">
<table><tr><th>ID</th><td><input type="text" name="memId"></td></tr>
<tr><th>비밀번호</th><td><input type="password" name="memPw"></td></tr></table>
<input type="text" name="userid" placeholder="ID">
</form>"""
    assert personal("join.jsp", signup) == {(2, "username"), (3, "password"), (4, "username")}
    search = '<form action="orders"><label>User ID <input name="user_id"></label><input name="q"></form>'
    assert personal("orders.jsp", search) == set()
