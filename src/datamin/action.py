"""The GitHub Action's work, run by `action.yml` as `python -m datamin.action`: one check of the
workspace, written three ways (annotations in the log, a Markdown summary for the job page, SARIF
for code scanning), limited on pull requests to the lines the pull request changed.

Inputs arrive as environment variables (DATAMIN_PATHS, DATAMIN_MANIFEST, DATAMIN_FAIL_ON,
DATAMIN_SARIF, DATAMIN_DIFF_ONLY, DATAMIN_ARGS) beside GitHub's own (GITHUB_EVENT_NAME,
GITHUB_EVENT_PATH, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, RUNNER_TEMP).
"""

from __future__ import annotations

import io
import json
import os
import shlex
import subprocess
import sys
from collections.abc import Mapping

PULL_REQUEST_EVENTS = ("pull_request", "pull_request_target")


def base_commit(env: Mapping[str, str]) -> str | None:
    """The pull request's base commit, from the event payload; None outside pull requests."""
    if env.get("GITHUB_EVENT_NAME") not in PULL_REQUEST_EVENTS or not env.get("GITHUB_EVENT_PATH"):
        return None
    with open(env["GITHUB_EVENT_PATH"], encoding="utf-8") as handle:
        event = json.load(handle)
    sha = event.get("pull_request", {}).get("base", {}).get("sha")
    if not isinstance(sha, str):
        return None
    if subprocess.run(["git", "cat-file", "-e", f"{sha}^{{commit}}"], capture_output=True).returncode != 0:
        # a shallow checkout has only the head: fetch the base to diff against it
        subprocess.run(["git", "fetch", "--no-tags", "--depth=1", "origin", sha], capture_output=True, check=False)
    return sha


def main(env: Mapping[str, str] | None = None) -> int:
    import click

    from datamin.cli import CHECK_FORMATS, EXIT_ERROR, _with_scan_options, run_check
    from datamin.report import Report, reporter

    env = os.environ if env is None else env
    paths = shlex.split(env.get("DATAMIN_PATHS", ".")) or ["."]
    extra = shlex.split(env.get("DATAMIN_ARGS", ""))
    diff = base_commit(env) if env.get("DATAMIN_DIFF_ONLY", "true") == "true" else None

    # The extra arguments are `datamin check` options: parse them as the command line does.
    options: dict[str, object] = {}

    def collect(**given: object) -> None:
        options.update(given)

    parse = click.command()(
        click.option("--manifest")(
            click.option("--fail-on")(
                click.option("--select", multiple=True)(
                    click.option("--ignore", multiple=True)(
                        click.option("--baseline")(_with_scan_options(collect, CHECK_FORMATS))
                    )
                )
            )
        )
    )

    try:
        parse.main([*extra, *paths], standalone_mode=False)
    except click.ClickException as exc:
        print(f"::error title=datamin::invalid args input: {exc.format_message()}")
        return EXIT_ERROR
    common = {
        k: v for k, v in options.items() if k not in ("manifest", "fail_on", "select", "ignore", "baseline", "paths")
    }
    if diff:
        common["diff"] = diff
    manifest = env.get("DATAMIN_MANIFEST") or options.get("manifest")
    fail_on = env.get("DATAMIN_FAIL_ON") or options.get("fail_on")
    try:
        result, name, code = run_check(
            options["paths"],  # type: ignore[arg-type]
            manifest,  # type: ignore[arg-type]
            fail_on,  # type: ignore[arg-type]
            options["select"],  # type: ignore[arg-type]
            options["ignore"],  # type: ignore[arg-type]
            options.get("baseline"),  # type: ignore[arg-type]
            None,
            common,
        )
    except click.ClickException as exc:
        print(f"::error title=datamin::{exc.format_message()}")
        return EXIT_ERROR

    def render(output_format: str) -> str:
        buffer = io.StringIO()
        reporter(output_format)(Report(result, "check", name), buffer)
        return buffer.getvalue()

    sys.stdout.write(render("github"))
    scope = f" (lines changed since {diff[:12]})" if diff else ""
    summary = render("markdown").replace("## datamin\n", f"## datamin{scope}\n", 1)
    if env.get("GITHUB_STEP_SUMMARY"):
        with open(env["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as handle:
            handle.write(summary + "\n")
    sarif = ""
    if env.get("DATAMIN_SARIF", "true") == "true":
        sarif = os.path.join(env.get("RUNNER_TEMP") or ".", "datamin.sarif")
        with open(sarif, "w", encoding="utf-8") as handle:
            handle.write(render("sarif"))
    if env.get("GITHUB_OUTPUT"):
        with open(env["GITHUB_OUTPUT"], "a", encoding="utf-8") as handle:
            handle.write(f"findings={len(result.findings)}\nsarif={sarif}\n")
    print(f"datamin: {len(result.findings)} finding(s){scope}; exit code {code}", file=sys.stderr)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
