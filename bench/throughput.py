#!/usr/bin/env python3
"""Throughput of `datamin inventory` against a bare lxml parse of the same pages.

    python bench/throughput.py [--pages 2000] [--repeat 3] [--keep DIR] [--set storefront|forms]

Generates two sets of pages and measures each:

- storefront: realistic storefront pages (a theme layout with a mega menu, inline CSS, theme
  settings and SVG icons, a search box and a newsletter form on every page; a product grid with
  quick-add forms, an article, or on one page in seven an account, checkout or contact form of 5
  to 14 fields; plain HTML, Liquid, Jinja and PHP);
- forms: form-heavy pages, the cost of which is per field: a sign-up, intake or application
  form of about 19 fields on every page, in sections with headings, with a light layout;

then times, in the same run:

- bare:    a loop of `lxml.html.document_fromstring(bytes)` over every file, one process;
- datamin: the installed `datamin inventory --format json` command on the folder (start-up,
           discovery, parsing, classification and the report included; both cores on a
           large tree).

and prints the best of `--repeat` alternating runs of each and the ratio datamin / bare.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import lxml.html

FIELDS = [
    ('<label for="{i}">First name</label><input id="{i}" name="customer[first_name]" autocomplete="given-name">', True),
    ('<label for="{i}">Last name</label><input id="{i}" name="customer[last_name]" autocomplete="family-name">', True),
    ('<label for="{i}">Email</label><input id="{i}" type="email" name="customer[email]" required>', True),
    ('<label for="{i}">Mobile number</label><input id="{i}" type="tel" name="phone">', True),
    ('<label>Password <input type="password" name="password" autocomplete="new-password"></label>', True),
    ('<label for="{i}">Date of birth</label><input id="{i}" type="date" name="dob">', True),
    ('<label for="{i}">Block / street</label><input id="{i}" name="address1">', True),
    ('<label for="{i}">Postal code</label><input id="{i}" name="zip" maxlength="6">', True),
    ('<label for="{i}">NRIC/FIN</label><input id="{i}" name="nric" pattern="[STFGM]\\d{{7}}[A-Z]">', True),
    ('<select name="gender"><option>Male</option><option>Female</option></select>', True),
    ('<label for="{i}">Quantity</label><input id="{i}" type="number" name="qty" value="1">', False),
    ('<label for="{i}">Gift message</label><textarea id="{i}" name="note"></textarea>', False),
    ('<input type="hidden" name="csrf_token" value="{i}abcdef">', False),
    ('<label><input type="checkbox" name="accepts_marketing"> Send me offers</label>', False),
    ('<label for="{i}">Discount code</label><input id="{i}" name="discount">', False),
    ('<select name="sort_by"><option>Price</option><option>Newest</option></select>', False),
]
WORDS = [
    "kopi",
    "teh",
    "kaya",
    "toast",
    "durian",
    "pandan",
    "laksa",
    "rendang",
    "satay",
    "cendol",
    "sambal",
    "roti",
    "prata",
    "mee",
    "goreng",
    "nasi",
    "lemak",
]


def page(number: int, rng: random.Random, flavour: str, main: str = "") -> str:
    """A storefront page as themes render them: most of it is layout, icons and data, not forms."""

    def text(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n))

    def icon(k: int) -> str:
        path = " ".join(
            f"M{rng.randint(0, 24)} {rng.randint(0, 24)}L{rng.randint(0, 24)} {rng.randint(0, 24)}" for _ in range(12)
        )
        return f'<svg aria-hidden="true" class="icon icon-{k}" viewBox="0 0 24 24"><path d="{path}" fill="currentColor"/></svg>'

    menu = "".join(
        f'<li class="menu__item"><a href="/collections/{rng.choice(WORDS)}-{k}" class="menu__link">{text(2)}</a>'
        f'<ul class="submenu">{"".join(f"<li><a href=/collections/c{k}-{j}>{text(2)}</a></li>" for j in range(rng.randint(3, 10)))}</ul></li>'
        for k in range(rng.randint(8, 16))
    )
    css = "".join(
        f".c{k}{{margin:{k}px;padding:{k % 7}px;color:#{k:06x};display:flex}}" for k in range(rng.randint(150, 400))
    )
    settings = ",".join(f'"{rng.choice(WORDS)}_{k}": "{text(3)}"' for k in range(rng.randint(40, 120)))
    search = (
        '<form action="/search" method="get" role="search" class="search-modal__form">'
        '<input class="search__input" id="Search-In-Modal" type="search" name="q" placeholder="Search">'
        '<input type="hidden" name="options[prefix]" value="last"><button type="submit">Search</button></form>'
    )
    cards = "".join(
        f'<li class="grid__item"><div class="card"><img srcset="/p/{k}_165x.jpg 165w, /p/{k}_360x.jpg 360w, /p/{k}_533x.jpg 533w" '
        f'src="/p/{k}_533x.jpg" alt="{text(3)}" loading="lazy" width="533" height="533"><h3 class="card__heading">'
        f'<a href="/products/{rng.choice(WORDS)}-{k}">{text(3)}</a></h3><span class="price">S${rng.randint(3, 90)}.90</span>'
        f'<form method="post" action="/cart/add" class="quick-add"><input type="hidden" name="id" value="{40000 + k}">'
        f'<input type="hidden" name="quantity" value="1"><button type="submit">Add to cart {icon(k)}</button></form></div></li>'
        for k in range(rng.randint(12, 28))
    )
    if main:
        pass
    elif rng.random() < 0.15:  # an account, checkout or contact page
        fields = "\n".join(
            f'<div class="field">{snippet.format(i=f"f{number}-{k}")}</div>'
            for k, (snippet, _) in enumerate(rng.sample(FIELDS, rng.randint(5, 14)))
        )
        main = f'<form id="form-{number}" action="/account" method="post">\n{fields}\n<button type="submit">Save</button></form>'
        main += f"<p>{text(60)}</p>"
    elif rng.random() < 0.7:
        main = f'<ul class="product-grid">{cards}</ul>'
    else:
        main = "".join(f"<p>{text(rng.randint(30, 90))}</p>" for _ in range(rng.randint(8, 30)))
    newsletter = (
        '<form method="post" action="/contact#newsletter" class="newsletter-form"><input type="hidden" name="form_type" value="customer">'
        '<input type="hidden" name="contact[tags]" value="newsletter"><div class="field">'
        '<input id="NewsletterForm--footer" type="email" name="contact[email]" autocomplete="email" placeholder="Email" required>'
        '<label for="NewsletterForm--footer">Email</label></div><button type="submit">Subscribe</button></form>'
    )
    if flavour == "liquid":
        main = (
            "{% form 'customer' %}"
            + main.replace("Email", "{{ 'customer.email' | t }}")
            + "{% endform %}{% if x %}{{ y }}{% endif %}"
        )
    elif flavour == "jinja":
        main = (
            "{% block content %}" + main.replace("Postal code", "{{ _('Postal code') }}") + "{% endblock %}{# note #}"
        )
    elif flavour == "php":
        main = (
            "<?php if ($show): ?>"
            + main.replace("Mobile number", "<?php esc_html_e('Mobile number'); ?>")
            + "<?php endif; ?>"
        )
    icons = "".join(icon(k) for k in range(rng.randint(10, 30)))
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{text(4)}</title>'
        + "".join(
            f'<link rel="preload" href="/cdn/shop/t/{k}/assets/{rng.choice(WORDS)}.js" as="script">' for k in range(12)
        )
        + f"<style>{css}</style><script>window.theme = {{{settings}}};</script></head>\n"
        f'<body><header class="header"><a href="/" class="header__heading-link">{icon(0)}</a><nav><ul class="menu">{menu}</ul></nav>'
        f"{search}</header>\n<main>{main}</main>\n"
        f'<footer class="footer"><div class="footer-block">{newsletter}</div><ul class="list-payment">{icons}</ul>'
        f"<p>{text(30)}</p></footer></body></html>\n"
    )


MORE_FIELDS = [
    '<label for="{i}">Full name (as in NRIC)</label><input id="{i}" name="applicant[full_name]" autocomplete="name">',
    '<label for="{i}">Preferred name</label><input id="{i}" name="preferred_name">',
    '<label for="{i}">Race</label><select id="{i}" name="race"><option>Chinese</option><option>Malay</option><option>Indian</option><option>Others</option></select>',
    '<label for="{i}">Religion</label><select id="{i}" name="religion"><option>Buddhism</option><option>Islam</option><option>Christianity</option></select>',
    '<label for="{i}">Marital status</label><select id="{i}" name="marital"><option>Single</option><option>Married</option></select>',
    '<label for="{i}">Occupation</label><input id="{i}" name="occupation">',
    '<label for="{i}">Monthly income</label><select id="{i}" name="income"><option>Below $2,000</option><option>$2,000 to $4,000</option></select>',
    '<label for="{i}">Do you smoke?</label><input type="radio" id="{i}" name="smoker" value="y"> Yes <input type="radio" name="smoker" value="n"> No',
    '<label for="{i}">Drug allergies</label><textarea id="{i}" name="allergies"></textarea>',
    '<label for="{i}">How many drinks a week?</label><input id="{i}" name="q_drinks" type="number">',
    '<label for="{i}">Emergency contact</label><input id="{i}" name="emergency_contact_name">',
    '<label for="{i}">Relationship</label><input id="{i}" name="emergency_relationship">',
    '<label for="{i}">Unit number</label><input id="{i}" name="unit_no">',
    '<label for="{i}">How did you hear about us?</label><select id="{i}" name="source"><option>Friend</option><option>Facebook</option></select>',
    '<label><input type="checkbox" name="agree_terms"> I agree to the terms</label>',
]
SECTIONS = ["Personal particulars", "Contact details", "Lifestyle", "Medical history", "Employment", "Next of kin"]


def form_page(number: int, rng: random.Random, flavour: str) -> str:
    """A storefront page whose main part is a form of about 19 fields in sections: an
    application, intake or sign-up page, the pages whose cost is per field."""
    pool = [snippet for snippet, _ in FIELDS] + MORE_FIELDS
    chosen = rng.sample(pool, rng.randint(15, 23))
    parts = []
    for k, snippet in enumerate(chosen):
        if k % 4 == 0:
            parts.append(f"<h3>{rng.choice(SECTIONS)}</h3>")
        parts.append(f'<div class="form-group">{snippet.format(i=f"f{number}-{k}")}</div>')
    form = (
        f'<form id="apply-{number}" action="/apply" method="post">\n'
        + "\n".join(parts)
        + "\n<button>Submit</button></form>"
    )
    return page(number, rng, flavour, main=f"<h1>Application form</h1>\n{form}")


def generate(folder: Path, pages: int, seed: int = 7, kind: str = "storefront") -> int:
    rng = random.Random(seed)
    size = 0
    for number in range(pages):
        flavour = rng.choices(["html", "liquid", "jinja", "php"], weights=[70, 10, 10, 10])[0]
        suffix = {"html": ".html", "liquid": ".liquid", "jinja": ".html", "php": ".php"}[flavour]
        path = folder / f"section-{number % 20:02d}" / f"page-{number:05d}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = page(number, rng, flavour) if kind == "storefront" else form_page(number, rng, flavour)
        path.write_text(text, encoding="utf-8")
        size += len(text.encode())
    return size


def bare(folder: Path) -> float:
    start = time.perf_counter()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            lxml.html.document_fromstring(path.read_bytes())
    return time.perf_counter() - start


def datamin(folder: Path, output: Path) -> float:
    command = shutil.which("datamin") or str(Path(sys.executable).with_name("datamin"))
    start = time.perf_counter()
    subprocess.run(
        [command, "inventory", "--format", "json", "--output", str(output), "--force", str(folder)], check=True
    )
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    parser.add_argument("--set", choices=["storefront", "forms", "both"], default="both")
    args = parser.parse_args(argv)
    kinds = ["storefront", "forms"] if args.set == "both" else [args.set]
    for kind in kinds:
        folder = (args.keep / kind) if args.keep else Path(tempfile.mkdtemp(prefix=f"datamin-{kind}-"))
        folder.mkdir(parents=True, exist_ok=True)
        try:
            size = generate(folder, args.pages, kind=kind)
            output = folder.parent / (folder.name + "-inventory.json")
            bare_times, datamin_times = [], []
            for _ in range(args.repeat):  # alternate, so that a busy moment of the machine hits both
                bare_times.append(bare(folder))
                datamin_times.append(datamin(folder, output))
            best_bare, best_datamin = min(bare_times), min(datamin_times)
            print(f"{kind}: {args.pages} pages ({size / 1e6:.1f} MB)")
            print(f"  bare lxml.html.document_fromstring loop: {best_bare:.2f} s")
            print(f"  datamin inventory (CLI, end to end):     {best_datamin:.2f} s")
            print(f"  ratio datamin / bare lxml: {best_datamin / best_bare:.2f}")
            output.unlink(missing_ok=True)
        finally:
            if not args.keep:
                shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
