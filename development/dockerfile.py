"""Reading a Dockerfile and its build context, for the checks in check_dockerfile.

A small parser for what the checks need: stages with their instructions (line continuations,
the escape directive, heredocs), ARG/ENV definitions with the values they expand to, and which
files of the build context a stage's COPY instructions put into the image (after .dockerignore).
"""

from __future__ import annotations

import json
import posixpath
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path


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
            for name, value in arg_definitions(instruction.arguments)
        }

    def stage_named(self, name: str) -> Stage | None:
        for stage in self.stages:
            if stage.name and stage.name.lower() == name.lower():
                return stage
        return None


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


def split(text: str) -> list[str]:
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


def arg_definitions(arguments: str) -> list[tuple[str, str | None]]:
    definitions = []
    for word in split(arguments):
        name, equals, value = word.partition("=")
        definitions.append((name, value if equals else None))
    return definitions


def env_definitions(arguments: str) -> list[tuple[str, str]]:
    words = split(arguments)
    if words and "=" not in words[0]:
        # The legacy form "ENV NAME value with spaces" sets one variable.
        name, _, value = arguments.partition(" ")
        return [(name, value.strip())]
    return [(name, value) for name, _, value in (word.partition("=") for word in words)]


def expand(text: str, values: dict[str, str]) -> str:
    """Substitute $NAME, ${NAME} and ${NAME:-default}; unknown names stay as they are."""

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(3)
        if values.get(name):
            return values[name]
        return match.group(2) if match.group(2) is not None else match.group(0)

    return re.sub(r"\$\{(\w+)(?::-([^}]*))?\}|\$(\w+)", substitute, text)


def command_words(arguments: str) -> list[str]:
    """An ENTRYPOINT or CMD as argv: exec (JSON) form as is, shell form split like sh would."""
    if arguments.startswith("["):
        try:
            words = json.loads(arguments)
        except json.JSONDecodeError:
            words = None
        if isinstance(words, list) and all(isinstance(word, str) for word in words):
            return words
    return split(arguments)


def option_values(arguments: list[str], option: str) -> list[str]:
    values = []
    for position, word in enumerate(arguments):
        if word == option and position + 1 < len(arguments):
            values.append(arguments[position + 1])
        elif word.startswith(f"{option}="):
            values.append(word.partition("=")[2])
    return values


# --- the build context ----------------------------------------------------------------------------


def workdir(stage: Stage, upto: Instruction | None = None) -> str:
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
        words = command_words(instruction.arguments)
        if any(word.startswith("--from") for word in words):
            continue
        words = [word for word in words if not word.startswith("--")]
        if len(words) < 2:
            continue
        *sources, destination = words
        destination = posixpath.join(workdir(stage, instruction), destination)
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
