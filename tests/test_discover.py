from __future__ import annotations

from pathlib import Path

from datamin.discover import discover


def names(result_sources: list) -> list[str]:  # type: ignore[type-arg]
    return sorted(Path(s.display).name for s in result_sources)


def test_walks_templates_honouring_gitignore_and_default_excludes(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("generated/\n*.bak.html\n")
    for name in (
        "a.html",
        "b.liquid",
        "c.py",
        "generated/d.html",
        "node_modules/e.html",
        "vendor/f.php",
        "g.bak.html",
        "sub/h.twig",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<input name='x'>")
    (tmp_path / "sub" / ".gitignore").write_text("h.twig\n")
    result = discover([str(tmp_path)])
    assert names(result.sources) == ["a.html", "b.liquid", "c.py"]  # Python is read when it declares data
    assert result.errors == []


def test_exclude_globs(tmp_path: Path) -> None:
    for name in ("keep.html", "legacy/old.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert names(discover([str(tmp_path)], exclude=["legacy/"]).sources) == ["keep.html"]


def test_default_excludes_by_suffix_and_from_the_top(tmp_path: Path) -> None:
    """`*.min.js` at any depth; `storage/framework/` only at the top, as a .gitignore reads it."""
    for name in (
        "app.min.js", "assets/lib.min.html", "storage/framework/views/cached.php", "storage/app/form.php",
        "modules/storage/framework/form.php", "form.html", "legacy/a.html", "old/b.html",
    ):  # fmt: skip
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<form><input name='email'></form>")
    found = discover([str(tmp_path)], exclude=["/legacy/", "ol[d]/"]).sources
    assert sorted(s.display.split(str(tmp_path) + "/")[-1] for s in found) == [
        "form.html", "modules/storage/framework/form.php", "storage/app/form.php",
    ]  # fmt: skip


def test_binary_and_oversized_files_are_skipped_with_a_note(scan) -> None:  # type: ignore[no-untyped-def]
    result = scan(
        {"logo.html": b"\x89PNG\r\n\x1a\n\0\0\0", "big.html": "x" * 2000, "ok.html": "<input name='email'>"},
        max_file_size=1000,
    )
    assert [(Path(f.path).name, f.category) for f in result.fields] == [("ok.html", "email")]
    assert result.scanned == 1
    assert sorted((Path(e.path).name, e.message) for e in result.errors) == [
        ("big.html", "larger than the maximum file size (2,000 > 1,000 bytes); skipped"),
        ("logo.html", "binary file; skipped"),
    ]


def test_files_named_explicitly_are_read_even_if_excluded(tmp_path: Path) -> None:
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "page.html").write_text("x")
    assert names(discover([str(tmp_path / "build" / "page.html")]).sources) == ["page.html"]


def test_js_and_xml_are_read_only_when_they_hold_markup(scan) -> None:  # type: ignore[no-untyped-def]
    result = scan(
        {
            "app.js": 'import React from \'react\';\nexport default () => <input name="email" className="x" />;',
            "util.js": "export const email = (s) => s.includes('@');",
            "views.xml": '<odoo><template id="x"><input name="phone"/></template></odoo>',
            "data.xml": "<rows><row name='email'/></rows>",
        }
    )
    assert sorted((Path(f.path).name, f.category) for f in result.fields) == [
        ("app.js", "email"),
        ("views.xml", "phone"),
    ]


def test_astro_pages_and_the_mini_program_pages_of_qq_and_alipay(scan) -> None:  # type: ignore[no-untyped-def]
    """An Astro component's frontmatter is code, its page markup; a `.qml` is QQ's page when it
    holds markup and Qt's code when it does not."""
    astro = """---
const errors = { nama: '' };
let users: HydratedDocument<IUser>[] = [];
---
<Layout title="Admin"><form method="POST">
  <input type="text" name="nama" placeholder="NAMA" required>
  <input type="email" name="emel" placeholder="EMEL" required>
</form></Layout>
"""
    result = scan(
        {
            "src/pages/users/index.astro": astro,
            "pages/post/index.qml": '<form><input name="post_contact_tel" placeholder="联系电话" /></form>',
            "qt/Main.qml": "import QtQuick 2.0\nRectangle { TextInput { id: phone } }\n",
            "pages/me/me.axml": '<view><input name="mobile" placeholder="手机号" /></view>',
        }
    )
    assert sorted((Path(f.path).name, f.line, f.category) for f in result.fields) == [
        ("index.astro", 6, "name"),
        ("index.astro", 7, "email"),
        ("index.qml", 1, "phone"),
        ("me.axml", 1, "phone"),
    ]


def test_older_and_rarer_template_kinds_are_read(scan) -> None:  # type: ignore[no-untyped-def]
    """Rails 1 `.rhtml`, JSP documents and tag files, Visualforce pages, Aura components,
    server-side includes, Template Toolkit, and a `.inc` include only when it holds a form."""
    page = """<apex:page standardController="Contact"><apex:form>
  <apex:inputField value="{!Contact.Email}"/>
  <apex:outputField value="{!Contact.Phone}"/>
</apex:form></apex:page>"""
    result = scan(
        {
            "app/views/users/edit.rhtml": "<% form_for :user do |f| %>\n<%= f.text_field :email %>\n<% end %>",
            "WEB-INF/views/form.jspx": '<form:form modelAttribute="p"><form:input path="nric"/></form:form>',
            "WEB-INF/tags/dob.tag": '<%@ tag body-content="empty" %>\n<input type="date" name="dateOfBirth">',
            "pages/Contact.page": page,
            "aura/signup/signup.cmp": '<aura:component><lightning:input name="dob" label="Date of birth" type="date"/></aura:component>',
            "root/contact.tt": '<form>[% IF error %]x[% END %]<input name="phone" type="tel"></form>',
            "ssi/index.shtml": '<!--#include virtual="/h.html" --><form><input name="email"></form>',
            "inc/header.inc": '<?php echo $x; ?><form><input name="ic_number"></form>',
            "inc/constants.inc": "MAX_LEN = 12\nPHONE_PREFIX = 65\n",
            "other/notes.page": "<p>phone</p>",
        }
    )
    assert sorted((Path(f.path).name, f.line, f.category) for f in result.fields) == [
        ("Contact.page", 2, "email"),
        ("contact.tt", 1, "phone"),
        ("dob.tag", 2, "date_of_birth"),
        ("edit.rhtml", 2, "email"),
        ("form.jspx", 1, "national_id"),
        ("header.inc", 1, "national_id"),
        ("index.shtml", 1, "email"),
        ("signup.cmp", 1, "date_of_birth"),
    ]


def test_installed_python_packages_are_not_the_project(tmp_path: Path) -> None:
    """A virtual environment committed under any name holds other people's models and forms."""
    for name in ("app/models.py", "virtual/lib/python3.11/site-packages/django/contrib/auth/models.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("from django.db import models\n")
    assert names(discover([str(tmp_path)]).sources) == ["models.py"]
