"""The GitHub workflows: hardened, and calling only the Makefile targets the README documents.

actionlint and zizmor (run by `make test`) check the workflows in general; these tests pin the
rules this project chose, so that they cannot regress unnoticed.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.y*ml"))
# The make targets each job runs, in order: the checks run what .ci/run runs; a pull request's
# preview builds the site as the Pages workflow does, then summarizes the change.
TARGETS = {
    ("check.yml", "test"): ["test"],
    ("check.yml", "preview"): ["build", "diff"],
    ("pages.yml", "build"): ["build"],
    ("pages.yml", "deploy"): [],
}
SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def load(path: Path) -> dict[str, Any]:
    """A workflow as data; PyYAML (YAML 1.1) reads the key `on` as True, so put it back."""
    data: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def jobs(path: Path) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = load(path)["jobs"]
    return found


def steps(path: Path) -> list[dict[str, Any]]:
    return [step for job in jobs(path).values() for step in job.get("steps", [])]


def workflow(name: str) -> Path:
    return GITHUB / "workflows" / name


def test_the_expected_workflows_exist() -> None:
    assert {p.name for p in WORKFLOWS} == {name for name, _ in TARGETS}
    assert {(p.name, job) for p in WORKFLOWS for job in jobs(p)} == set(TARGETS)


def test_triggers() -> None:
    assert load(workflow("check.yml"))["on"] == {"pull_request": None, "push": {"branches": ["main"]}}
    assert load(workflow("pages.yml"))["on"] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    for path in WORKFLOWS:  # these run with secrets on code from forks
        assert not {"pull_request_target", "workflow_run"} & set(load(path)["on"]), path.name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_token_is_read_only_by_default(path: Path) -> None:
    assert load(path)["permissions"] == {"contents": "read"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_only_the_deploy_job_may_write(path: Path) -> None:
    for name, job in jobs(path).items():
        permissions = job.get("permissions", {})
        assert isinstance(permissions, dict), f"{name}: permissions must be listed one by one"
        if (path.name, name) == ("pages.yml", "deploy"):
            assert permissions == {"pages": "write", "id-token": "write"}
        else:
            assert "write" not in permissions.values(), name


def test_pages_deploys_one_at_a_time_without_cancelling() -> None:
    assert load(workflow("pages.yml"))["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    for path in WORKFLOWS:
        if path.name != "pages.yml":
            assert load(path).get("concurrency", {}).get("group") != "pages"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkouts_keep_no_credentials(path: Path) -> None:
    checkouts = [s for s in steps(path) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    for step in checkouts:
        assert step["with"]["persist-credentials"] is False


def test_the_pages_build_sees_the_whole_history() -> None:
    """The home page dates the last change of the data from git (generator/history.py): a
    checkout of depth 1 would show none."""
    (checkout,) = [s for s in steps(workflow("pages.yml")) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"]["fetch-depth"] == 0


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_expression_inside_a_script(path: Path) -> None:
    """${{ }} in run: is pasted into the script before it runs; values go through env: instead."""
    for step in steps(path):
        assert "${{" not in step.get("run", ""), step


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_job_has_a_timeout(path: Path) -> None:
    for name, job in jobs(path).items():
        assert isinstance(job.get("timeout-minutes"), int), name
        assert 0 < job["timeout-minutes"] <= 60, name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_a_commit_with_its_version(path: Path) -> None:
    for step in steps(path):
        if "uses" in step:
            assert SHA_PIN.match(step["uses"]), step["uses"]
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"\s*(- )?uses:", line):  # Dependabot updates the SHA and this comment together
            assert re.search(r"@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), line


def test_dependabot_updates_actions_and_pip_weekly() -> None:
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    updates = {u["package-ecosystem"]: u for u in config["updates"]}
    assert set(updates) == {"github-actions", "pip"}
    for update in updates.values():
        assert update["directory"] == "/"
        assert update["schedule"]["interval"] == "weekly"


def test_pages_build_passes_the_site_addresses_mkdocs_reads() -> None:
    build = jobs(workflow("pages.yml"))["build"]
    configure = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/configure-pages@"))
    make = next(s for s in build["steps"] if s.get("run") == "make build")
    assert make["env"] == {
        "SITE_URL": f"${{{{ steps.{configure['id']}.outputs.base_url }}}}/",
        "REPO_URL": "${{ github.server_url }}/${{ github.repository }}",
        "EDIT_URI": "edit/${{ github.event.repository.default_branch }}/docs/",
    }
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for name in make["env"]:
        assert re.search(rf"!ENV \[{name}\b", mkdocs), name
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"


def test_pages_deploy_job() -> None:
    deploy = jobs(workflow("pages.yml"))["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def make_targets(script: str) -> list[str]:
    return re.findall(r"\bmake\s+([\w.-]+)", script)


@pytest.mark.parametrize(("name", "job"), TARGETS, ids=lambda value: str(value))
def test_jobs_run_the_make_targets_they_should(name: str, job: str) -> None:
    """Set-up steps (installing a browser…) may be added; the make targets called may not drift."""
    scripts = "\n".join(step["run"] for step in jobs(workflow(name))[job].get("steps", []) if "run" in step)
    assert make_targets(scripts) == TARGETS[name, job]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_run_only_makefile_targets_the_readme_documents(path: Path) -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for step in steps(path):
        for target in make_targets(step.get("run", "")):
            assert re.search(rf"^{re.escape(target)}:", makefile, re.MULTILINE), f"no '{target}' target in the Makefile"
            assert re.search(rf"(^|`)make {re.escape(target)}\b", readme, re.MULTILINE), f"README: no make {target}"


def test_ci_script_runs_the_same_command_as_the_check_workflow() -> None:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    commands = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    assert make_targets(commands[-1]) == TARGETS["check.yml", "test"]


def preview_step(uses: str | None = None, run: str | None = None) -> dict[str, Any]:
    """The step of the preview job that uses an action, or whose script calls a make target."""
    for step in jobs(workflow("check.yml"))["preview"]["steps"]:
        if (uses and step.get("uses", "").startswith(f"{uses}@")) or (run and run in make_targets(step.get("run", ""))):
            return step
    raise AssertionError(f"no step {uses or run} in the preview job")


def test_preview_runs_on_pull_requests_only_with_the_base_in_its_history() -> None:
    preview = jobs(workflow("check.yml"))["preview"]
    assert preview["if"] == "github.event_name == 'pull_request'"
    assert preview.get("permissions") is None  # the workflow's: contents: read
    checkout = preview_step(uses="actions/checkout")
    assert checkout["with"] == {"fetch-depth": 0, "persist-credentials": False}


def test_preview_builds_the_site_as_pages_does_and_uploads_it() -> None:
    pages_build = next(s for s in jobs(workflow("pages.yml"))["build"]["steps"] if "make build" in s.get("run", ""))
    build = preview_step(run="build")
    assert build["run"] == pages_build["run"] == "make build"
    assert "env" not in build  # no site address: the reviewer opens it on their own machine
    upload = preview_step(uses="actions/upload-artifact")
    assert SHA_PIN.match(upload["uses"])  # and its version beside it: test_actions_are_pinned_…
    assert upload["with"]["path"].rstrip("/") == "site"
    assert upload["with"]["if-no-files-found"] == "error"
    order = jobs(workflow("check.yml"))["preview"]["steps"]
    assert order.index(build) < order.index(upload)


def test_preview_summarizes_the_change_against_the_pull_requests_base() -> None:
    diff = preview_step(run="diff")
    assert diff["env"] == {"DIFF_BASE": "${{ github.event.pull_request.base.sha }}"}  # through env:, not run:
    assert re.fullmatch(r'make diff >> "\$GITHUB_STEP_SUMMARY"\s*', diff["run"])
    assert diff["if"] == "${{ !cancelled() }}"  # also after a failed build: its problems are the summary
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ndiff:", 1)[1].split("\n\n", 1)[0]
    assert "$${DIFF_BASE:-" in recipe and "$(DIFF_BASE)" not in recipe  # a variable of the shell's, not text


def test_preview_says_in_the_summary_how_to_open_the_site() -> None:
    steps_ = jobs(workflow("check.yml"))["preview"]["steps"]
    upload = preview_step(uses="actions/upload-artifact")
    (say,) = [s for s in steps_ if "GITHUB_STEP_SUMMARY" in s.get("run", "") and not make_targets(s["run"])]
    assert steps_.index(upload) < steps_.index(say)
    assert "python -m http.server -d site" in say["run"]
    assert say["env"] == {"ARTIFACT_URL": f"${{{{ steps.{upload['id']}.outputs.artifact-url }}}}"}
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "python -m http.server -d site" in contributing


def test_make_test_lints_the_workflows() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "/actionlint " in recipe
    assert "/zizmor --offline" in recipe


def test_the_briefing_data_passes_check() -> None:
    """CI runs `make test` only: this is where a broken data/ fails it, with the check's own messages.

    The published briefing is also held to no warning (one spelling per actor, no near-duplicate
    events): `check` and `generate` go on despite a warning, this test does not.
    """
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"python -m generator check found problems in data/:\n{result.stderr}", pytrace=False)
    if result.stderr:
        pytest.fail(f"python -m generator check warns about data/:\n{result.stderr}", pytrace=False)


def test_pre_commit_runs_the_data_check_on_data_changes() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]]
    (hook,) = [h for h in hooks if h["entry"] == "make check"]
    assert re.match(hook["files"], "data/events/2024/x.yaml")
    assert not re.match(hook["files"], "generator/cli.py")
    assert hook["pass_filenames"] is False


ISSUE_FIELDS = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


@pytest.mark.parametrize("path", sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml")), ids=lambda p: p.name)
def test_issue_forms_follow_githubs_syntax(path: Path) -> None:
    """The rules of GitHub's issue-form syntax that a typo would break; GitHub ignores a broken form."""
    form = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(form) <= {"name", "description", "title", "labels", "assignees", "projects", "type", "body"}
    assert form["name"] and form["description"]
    ids = [element["id"] for element in form["body"] if "id" in element]
    assert len(ids) == len(set(ids))
    for element in form["body"]:
        assert element["type"] in ISSUE_FIELDS
        if element["type"] == "markdown":
            assert element["attributes"]["value"].strip()
            continue
        assert re.fullmatch(r"[A-Za-z0-9_-]+", element["id"])
        assert element["attributes"]["label"].strip()
        assert set(element.get("validations", {})) <= {"required"}
