#!/usr/bin/env python3
"""A pre-commit run: `datamin check` on five changed files (a sign-up form, a checkout template,
a Vue component, a Blade view and a SQL migration, as the hook passes them) against
`python -c "import lxml.html"`.

    python bench/precommit.py [--runs 15]

Both run with the same interpreter, alternately, `--runs` times each; the best wall time of
each and their ratio are printed (the bar: at most 3x). The manifest cache is warm, as it is
from the second commit on. Run it with an interpreter where datamin is installed as pre-commit
installs it, not in editable mode (`pip install -e` adds an import finder that costs tens of
milliseconds at start-up):

    python3 -m venv /tmp/hook && /tmp/hook/bin/pip install . && /tmp/hook/bin/python bench/precommit.py
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FILES = {
    "templates/account/register.liquid": """{% form 'create_customer' %}
  <label for="email">{{ 'customer.register.email' | t }}</label>
  <input type="email" name="customer[email]" id="email" autocomplete="email">
  <input type="date" name="customer[note][birthday]">
  <a href="/policies/privacy-policy">Privacy</a>
{% endform %}
""",
    "templates/checkout.html": """<form method="post" action="/checkout"><p>We use these to deliver your order.</p>
  <input name="name" autocomplete="name"><input name="phone" type="tel"><textarea name="address"></textarea>
</form>
""",
    "src/components/Signup.vue": """<template><form @submit.prevent="save"><p>Privacy notice</p>
  <input v-model="form.email" type="email"><input v-model="form.nric" placeholder="S1234567D"></form></template>
""",
    "resources/views/profile.blade.php": """<form method="POST" action="{{ route('profile') }}">@csrf
  <input name="mobile" value="{{ old('mobile') }}"><select name="gender"><option>Male</option><option>Female</option></select>
  <p>{{ __('We keep this to contact you.') }} <a href="/privacy">Privacy</a></p></form>
""",
    "db/migrations/V7__add_dob.sql": "ALTER TABLE customers ADD COLUMN date_of_birth DATE NULL;\n",
}
MANIFEST = """version: 1
organisation: {name: Bench Pte Ltd, country: SG}
purposes:
  - id: orders
    description: Ship orders
    use: essential.service
    lawful_basis: contract
    retention: P2Y
data:
  - {category: email, purposes: [orders]}
  - {category: name, purposes: [orders]}
  - {category: phone, purposes: [orders]}
  - {category: address, purposes: [orders]}
"""


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="datamin-precommit-"))
    try:
        for name, text in {**FILES, "datamin.yml": MANIFEST}.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
        env = {**os.environ, "DATAMIN_CACHE_DIR": str(folder / ".cache")}
        datamin = shutil.which("datamin") or str(Path(sys.executable).with_name("datamin"))
        hook = [datamin, "check", *FILES]
        bare = [sys.executable, "-c", "import lxml.html"]
        timed(hook, folder, env)  # warm the rules and manifest caches, as a second commit finds them
        hooks, bares = [], []
        for _ in range(args.runs):
            hooks.append(timed(hook, folder, env))
            bares.append(timed(bare, folder, env))
        ratio = min(hooks) / min(bares)
        if (
            "site-packages"
            not in subprocess.run(
                [sys.executable, "-c", "import datamin; print(datamin.__file__)"], capture_output=True, text=True
            ).stdout
        ):
            print("note: datamin is an editable install here; pre-commit's is not (see the docstring)")
        print(f"datamin check on {len(FILES)} changed files: {min(hooks) * 1000:.0f} ms (best of {args.runs})")
        print(f"python -c 'import lxml.html':            {min(bares) * 1000:.0f} ms")
        print(f"ratio: {ratio:.2f}x (bar: at most 3x) {'PASS' if ratio <= 3 else 'FAIL'}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
