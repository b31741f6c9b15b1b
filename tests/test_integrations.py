"""The pre-commit hook and the GitHub Action, run for real in temporary git repositories."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import ORDERS_MANIFEST, ROOT

FORM = """<form id="signup" method="post" action="/signup">
  <p>We use your email to send your order. <a href="/privacy">Privacy notice</a></p>
  <input type="email" name="email">
</form>
"""


def git(folder: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True, env=env).stdout


def repository(folder: Path, files: dict[str, str]) -> str:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "base")
    return git(folder, "rev-parse", "HEAD").strip()


# -- GitHub Action -----------------------------------------------------------------------


def test_action_yml_is_a_valid_action() -> None:
    if shutil.which("check-jsonschema") is None and not (Path(sys.executable).parent / "check-jsonschema").exists():
        pytest.skip("check-jsonschema is not installed")
    program = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    done = subprocess.run(
        [program, "--builtin-schema", "vendor.github-actions", str(ROOT / "action.yml")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def run_action_step(
    workspace: Path, github: dict[str, str], inputs: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """The action's `Check` step as GitHub runs it: its `run` script in bash, with its `env`
    filled in from the inputs (their defaults, then `inputs`)."""
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    values = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()} | inputs
    step = next(s for s in action["runs"]["steps"] if s.get("id") == "check")

    def fill(text: str) -> str:
        return re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: values[m.group(1)], text)

    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "DATAMIN_"))}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"  # the installed datamin
    env |= {name: fill(str(value)) for name, value in step["env"].items()} | github
    return subprocess.run(["bash", "-c", step["run"]], cwd=workspace, env=env, capture_output=True, text=True)


def test_the_action_on_a_pull_request(tmp_path: Path) -> None:
    workspace = tmp_path / "repo"
    workspace.mkdir()
    base = repository(
        workspace,
        {
            "datamin.yml": ORDERS_MANIFEST,
            "templates/signup.html": FORM.replace("</form>", '  <input name="nric">\n</form>'),
        },
    )
    # the pull request: a birth date on the sign-up form and a new contact form
    signup = (workspace / "templates/signup.html").read_text().replace("</form>", '  <input name="dob">\n</form>')
    (workspace / "templates/signup.html").write_text(signup)
    (workspace / "templates/contact.html").write_text(
        FORM.replace('name="email"', 'name="email">\n  <input name="religion"')
    )
    git(workspace, "add", "-A")
    git(workspace, "commit", "-qm", "head")
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"base": {"sha": base}, "head": {"sha": "x"}}}))
    summary, output, temp = tmp_path / "summary.md", tmp_path / "output.txt", tmp_path / "runner"
    temp.mkdir()
    github = {
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_EVENT_PATH": str(event),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(output),
        "RUNNER_TEMP": str(temp),
        "GITHUB_WORKSPACE": str(workspace),
    }
    done = run_action_step(workspace, github, {})
    assert done.returncode == 1, done.stderr
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert [re.match(r"::(\w+) file=([^,]+),line=(\d+)", a).groups() for a in annotations] == [  # type: ignore[union-attr]
        ("error", "templates/contact.html", "4"),
        ("error", "templates/signup.html", "5"),
    ]  # the NRIC on line 4 of signup.html was there before the pull request
    assert summary.read_text().startswith(f"## datamin (lines changed since {base[:12]})\n\n**2 findings**")
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
    assert outputs["findings"] == "2"
    sarif = json.loads(Path(outputs["sarif"]).read_text())
    assert len(sarif["runs"][0]["results"]) == 2

    # a push is not a pull request: every finding, and no SARIF when it is switched off
    summary.unlink()
    done = run_action_step(workspace, github | {"GITHUB_EVENT_NAME": "push"}, {"sarif": "false", "fail-on": "warning"})
    assert done.returncode == 1
    assert len([line for line in done.stdout.splitlines() if line.startswith("::error")]) == 3
    assert "sarif=\n" in output.read_text()


# -- pre-commit --------------------------------------------------------------------------


def test_the_pre_commit_hook(tmp_path: Path) -> None:
    program = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    if not Path(program).exists():
        pytest.skip("pre-commit is not installed")
    if not (ROOT / ".git").exists():
        pytest.skip("try-repo needs this project as a git repository")
    workspace = tmp_path / "shop"
    workspace.mkdir()
    repository(workspace, {"datamin.yml": ORDERS_MANIFEST, "templates/signup.html": FORM})
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }

    def try_repo() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [program, "try-repo", str(ROOT), "datamin", "--verbose"],
            cwd=workspace,
            env=env,
            capture_output=True,
            text=True,
        )

    # a commit that adds an undeclared NRIC field fails with the finding
    (workspace / "templates/lucky-draw.html").write_text('<form method="post">\n  <input name="nric">\n</form>\n')
    (workspace / "templates/signup.html").write_text(FORM.replace("Privacy notice", "Privacy"))
    git(workspace, "add", "-A")
    failed = try_repo()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert 'templates/lucky-draw.html:2:3: DM100 [national_id] field "nric"' in failed.stdout
    assert "DM200" not in failed.stdout  # a list of files is never a full scan

    # a clean commit passes
    git(workspace, "reset", "-q", "--hard")
    git(workspace, "clean", "-qfd")
    (workspace / "templates/signup.html").write_text(FORM.replace("send your order", "send your orders"))
    git(workspace, "add", "-A")
    passed = try_repo()
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_the_hook_runs_on_every_file_datamin_reads() -> None:
    """A template suffix datamin reads but the hook leaves out is a file a commit slips past."""
    from datamin.parse import SNIFFED_SUFFIXES, TEMPLATE_SUFFIXES

    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    files = re.compile(hook["files"])
    code = (".py", ".rb", ".ts", ".mjs", ".cjs", ".prisma", ".graphql", ".gql", ".yaml", ".yml", ".json", ".orm.xml")
    for suffix in (*TEMPLATE_SUFFIXES, *SNIFFED_SUFFIXES, ".sql", *code):
        assert files.search(f"app/views/x{suffix}"), suffix


def test_every_package_of_the_source_is_in_the_wheel() -> None:
    """`pip install .` ships the packages pyproject.toml lists: a new folder of modules must be
    among them, or the installed command fails where the editable one works."""
    import tomllib

    from helpers import ROOT

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    source = ROOT / "src"
    found = {
        ".".join(init.parent.relative_to(source).parts)
        for init in source.rglob("__init__.py")
        if "egg-info" not in str(init)
    }
    assert found <= listed, f"not in [tool.setuptools] packages: {sorted(found - listed)}"
