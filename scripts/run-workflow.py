#!/usr/bin/env python3
"""Runs a GitHub Actions workflow's `run:` steps on this machine, the way a runner would.

    run-workflow.py [--event push|pull_request] WORKFLOW.yml

Every job runs in file order, every step in order, in the repository root (the checkout), each
`run:` script with bash as Actions runs `shell: bash` (`bash --noprofile --norc -eo pipefail FILE`)
and the variables a runner sets: CI, GITHUB_ACTIONS, GITHUB_WORKSPACE, GITHUB_EVENT_NAME, GITHUB_SHA,
GITHUB_REF, RUNNER_TEMP, a fresh GITHUB_STEP_SUMMARY / GITHUB_OUTPUT / GITHUB_ENV / GITHUB_PATH
file per step (GITHUB_ENV and GITHUB_PATH carry over to the next steps), plus the workflow's, the
job's and the step's `env:`. A job's `container:` is not started: the steps use this machine's
toolchain, and the script says so.

`uses:` steps are actions, which are not run here: each is skipped with a line saying so.
`actions/checkout` is the repository root itself; for `github/codeql-action/upload-sarif`, the
file it would upload is validated against the SARIF 2.1.0 schema instead (scripts/validate-sarif.py,
with this interpreter), so a report GitHub would reject fails here.

Workflow commands in a step's output (`::error file=…,line=…::message`) are collected and listed
at the end with each step's summary. Expressions (`${{ … }}`) in a `run:` step and `if:` on a
`run:` step are not evaluated: the script refuses them rather than guess. Exit status: 0 every
step succeeded, 1 a step failed, 2 the workflow uses something this script does not support.
"""

import os
import re
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
RUN_KEYS = {"name", "id", "run", "env", "shell", "working-directory", "timeout-minutes"}
COMMAND = re.compile(r"^::(error|warning|notice)( [^:]*)?::(.*)$")


def unsupported(message):
    print(f"run-workflow: unsupported: {message}", file=sys.stderr)
    sys.exit(2)


def git(*args):
    return subprocess.run(["git", "-C", ROOT, *args], capture_output=True, text=True).stdout.strip()


def read_env_file(path):
    """KEY=VALUE lines and KEY<<DELIMITER blocks, as GITHUB_ENV and GITHUB_OUTPUT hold them."""
    values, lines = {}, open(path, encoding="utf-8").read().splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            key, delimiter = line.split("<<", 1)
            end = lines.index(delimiter, i + 1)
            values[key] = "\n".join(lines[i + 1:end])
            i = end + 1
            continue
        if "=" in line:
            key, value = line.split("=", 1)
            values[key] = value
        i += 1
    return values


def step_label(step, index):
    return step.get("name") or step.get("uses") or step.get("run", "").splitlines()[0] or f"step {index}"


def main(argv):
    event = "push"
    if len(argv) >= 2 and argv[0] == "--event":
        event, argv = argv[1], argv[2:]
    if len(argv) != 1:
        unsupported("usage: run-workflow.py [--event push|pull_request] WORKFLOW.yml")
    workflow_path = argv[0]
    workflow = yaml.safe_load(open(workflow_path, encoding="utf-8"))
    default_shell = ((workflow.get("defaults") or {}).get("run") or {}).get("shell", "bash")
    branch = git("rev-parse", "--abbrev-ref", "HEAD") or "main"
    temp = tempfile.mkdtemp(prefix="run-workflow-")
    base_env = dict(os.environ)
    base_env.update({
        "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_WORKFLOW": str(workflow.get("name", workflow_path)),
        "GITHUB_EVENT_NAME": event, "GITHUB_SHA": git("rev-parse", "HEAD"),
        "GITHUB_REF": f"refs/heads/{branch}", "GITHUB_REF_NAME": branch, "GITHUB_REF_TYPE": "branch",
        "GITHUB_REPOSITORY": os.environ.get("GITHUB_REPOSITORY", "local/stele"),
        "GITHUB_REPOSITORY_OWNER": os.environ.get("GITHUB_REPOSITORY", "local/stele").split("/")[0],
        "GITHUB_WORKSPACE": ROOT, "GITHUB_SERVER_URL": "https://github.com", "GITHUB_API_URL": "https://api.github.com",
        "GITHUB_ACTOR": "run-workflow", "GITHUB_RUN_ID": "1", "GITHUB_RUN_NUMBER": "1", "GITHUB_RUN_ATTEMPT": "1",
        "RUNNER_OS": "Linux", "RUNNER_ARCH": "X64", "RUNNER_NAME": "run-workflow", "RUNNER_TEMP": temp,
        "RUNNER_TOOL_CACHE": os.path.join(temp, "tool-cache"),
    })
    base_env.update({k: str(v) for k, v in (workflow.get("env") or {}).items()})
    annotations, summaries = [], []
    try:
        return run_jobs(workflow, workflow_path, base_env, default_shell, temp, annotations, summaries)
    finally:
        for label, summary in summaries:
            print(f"run-workflow: job summary from {label!r}:")
            for line in summary.rstrip().splitlines():
                print(f"    {line}")
        print(f"run-workflow: {len(annotations)} annotations" + "".join(f"\n    {a}" for a in annotations))


def run_jobs(workflow, workflow_path, base_env, default_shell, temp, annotations, summaries):
    for job_id, job in (workflow.get("jobs") or {}).items():
        print(f"run-workflow: job {job_id} ({job.get('name', job_id)}), runs-on {job.get('runs-on')}")
        if "container" in job:
            image = job["container"] if isinstance(job["container"], str) else job["container"].get("image")
            print(f"run-workflow:   container {image} is not started: the steps use this machine's toolchain")
        if "strategy" in job or "services" in job:
            unsupported(f"job {job_id} has a strategy or services")
        env = dict(base_env, GITHUB_JOB=job_id)
        env.update({k: str(v) for k, v in (job.get("env") or {}).items()})
        shell = ((job.get("defaults") or {}).get("run") or {}).get("shell", default_shell)
        for index, step in enumerate(job.get("steps") or [], 1):
            label = step_label(step, index)
            if "uses" in step:
                action = step["uses"].split("@")[0]
                condition = f" (if: {step['if']})" if "if" in step else ""
                if action == "actions/checkout":
                    print(f"run-workflow: [{index}] skipped `uses: {step['uses']}`: the checkout is {ROOT}")
                elif action == "github/codeql-action/upload-sarif":
                    sarif = os.path.join(ROOT, (step.get("with") or {}).get("sarif_file", "../results"))
                    print(f"run-workflow: [{index}] skipped `uses: {step['uses']}`{condition}: validating {os.path.relpath(sarif, ROOT)} instead")
                    validator = os.path.join(ROOT, "scripts", "validate-sarif.py")
                    if subprocess.run([sys.executable, validator, sarif], cwd=ROOT).returncode != 0:
                        print(f"run-workflow: step [{index}] {label!r}: {sarif} would not be accepted: it is not valid SARIF 2.1.0", file=sys.stderr)
                        return 1
                else:
                    print(f"run-workflow: [{index}] skipped `uses: {step['uses']}`{condition}: an action, not run here")
                continue
            if "run" not in step:
                unsupported(f"step [{index}] of job {job_id} has neither run nor uses")
            extra = set(step) - RUN_KEYS
            if extra:
                unsupported(f"step [{index}] {label!r} has {sorted(extra)} (if: and the like are not evaluated here)")
            if "${{" in step["run"]:
                unsupported(f"step [{index}] {label!r} has a ${{{{ }}}} expression, which is not evaluated here")
            step_shell = step.get("shell", shell)
            if step_shell != "bash":
                unsupported(f"step [{index}] {label!r} runs with shell {step_shell!r}; only bash is supported")
            files = {name: os.path.join(temp, f"{job_id}-{index}-{name}") for name in ("summary", "output", "env", "path")}
            for path in files.values():
                open(path, "w").close()
            script = os.path.join(temp, f"{job_id}-{index}.sh")
            with open(script, "w", encoding="utf-8") as handle:
                handle.write(step["run"])
            step_env = dict(env, GITHUB_STEP_SUMMARY=files["summary"], GITHUB_OUTPUT=files["output"],
                            GITHUB_ENV=files["env"], GITHUB_PATH=files["path"])
            step_env.update({k: str(v) for k, v in (step.get("env") or {}).items()})
            cwd = os.path.join(ROOT, step.get("working-directory", "."))
            print(f"run-workflow: [{index}] {label}: {step['run'].strip()}")
            process = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], cwd=cwd, env=step_env,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            for line in process.stdout.splitlines():
                print(f"    {line}")
                match = COMMAND.match(line)
                if match:
                    annotations.append(f"{match.group(1)}{match.group(2) or ''}: {match.group(3)}")
            summary = open(files["summary"], encoding="utf-8").read()
            if summary.strip():
                summaries.append((label, summary))
            if process.returncode != 0:
                print(f"run-workflow: step [{index}] {label!r} of job {job_id} failed with exit status {process.returncode}", file=sys.stderr)
                return 1
            env.update(read_env_file(files["env"]))
            added = [line for line in open(files["path"], encoding="utf-8").read().splitlines() if line]
            if added:
                env["PATH"] = os.pathsep.join(reversed(added)) + os.pathsep + env["PATH"]
    print("run-workflow: every run: step succeeded")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
