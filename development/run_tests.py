"""`make pytest`: the test suite on every core.

Three pytest processes run side by side on the database server DATABASE_URL names:

- every test but the schemathesis ones, spread over PYTEST_WORKERS pytest-xdist workers
  (default ``auto``: one per core), each with a test database of its own; the schemathesis
  modules are not even collected there (``--ignore``): collecting one generates the coverage
  phase's cases of every operation of its API, minutes of CPU per worker for tests the marker
  then deselects;
- the schemathesis tests (marker ``schemathesis``, tests/fuzzing) of each API in a process of
  its own: schemathesis runs every operation as a subtest of one test function, which
  pytest-xdist cannot distribute, and each API's fuzzing alone takes about as long as the rest
  of the suite on one core, so the two run beside each other rather than one after the other.

The first streams its output; the others' output follows when all are done. Arguments go to
every process (``make pytest ARGS="-x"``). The exit status is the first failure's.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

FUZZING = Path(__file__).resolve().parents[1] / "tests" / "fuzzing"
FUZZING_MODULES = {api: FUZZING / f"test_{api}.py" for api in ("catalogus", "bestellingen")}


def commands(arguments: list[str], workers: str) -> tuple[list[str], dict[str, list[str]]]:
    """The suite's command, and the fuzzing command of each API (collecting its module only)."""
    pytest = [sys.executable, "-m", "pytest"]
    suite = [*pytest, "-n", workers, "-m", "not schemathesis", f"--ignore={FUZZING}", *arguments]
    fuzzing = {
        api: [
            *pytest,
            "-p",
            "no:xdist",
            "-m",
            "schemathesis",
            *(f"--ignore={other}" for other in FUZZING_MODULES.values() if other != module),
            *arguments,
        ]
        for api, module in FUZZING_MODULES.items()
    }
    return suite, fuzzing


def main(arguments: list[str]) -> int:
    suite, fuzzing = commands(arguments, os.environ.get("PYTEST_WORKERS", "auto"))
    fuzzers = {}
    with contextlib.ExitStack() as files:
        outputs = {api: files.enter_context(tempfile.TemporaryFile()) for api in fuzzing}
        try:
            for api, command in fuzzing.items():
                fuzzers[api] = subprocess.Popen(command, stdout=outputs[api], stderr=subprocess.STDOUT)
            status = subprocess.call(suite)
            for api, fuzzer in fuzzers.items():
                fuzzing_status = fuzzer.wait()
                status = status or fuzzing_status
                outputs[api].seek(0)
                print(f"\n=== schemathesis, {api} (a pytest process of its own) ===", flush=True)
                sys.stdout.buffer.write(outputs[api].read())
                sys.stdout.flush()
        finally:
            for fuzzer in fuzzers.values():
                if fuzzer.poll() is None:
                    fuzzer.terminate()
                    fuzzer.wait()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
