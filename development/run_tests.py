"""`make pytest`: the test suite on every core.

Two pytest processes run side by side on the database server DATABASE_URL names:

- every test but the schemathesis ones, spread over PYTEST_WORKERS pytest-xdist workers
  (default ``auto``: one per core), each with a test database of its own; the schemathesis
  module is not even collected there (``--ignore``): collecting it generates the coverage phase's
  cases of every operation, minutes of CPU per worker for tests the marker then deselects;
- the schemathesis tests (marker ``schemathesis``) in one process of its own: schemathesis runs
  every operation as a subtest of one test function, which pytest-xdist cannot distribute.

The first streams its output; the second's output follows when both are done. Arguments go to
both (``make pytest ARGS="-x"``). The exit status is the first failure's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

FUZZING_MODULE = Path(__file__).resolve().parents[1] / "tests" / "test_schemathesis.py"


def commands(arguments: list[str], workers: str) -> tuple[list[str], list[str]]:
    pytest = [sys.executable, "-m", "pytest"]
    suite = [*pytest, "-n", workers, "-m", "not schemathesis", f"--ignore={FUZZING_MODULE}", *arguments]
    fuzzing = [*pytest, "-p", "no:xdist", "-m", "schemathesis", *arguments]
    return suite, fuzzing


def main(arguments: list[str]) -> int:
    suite, fuzzing = commands(arguments, os.environ.get("PYTEST_WORKERS", "auto"))
    with tempfile.TemporaryFile() as output:
        fuzzer = subprocess.Popen(fuzzing, stdout=output, stderr=subprocess.STDOUT)
        try:
            suite_status = subprocess.call(suite)
            fuzzing_status = fuzzer.wait()
        finally:
            if fuzzer.poll() is None:
                fuzzer.terminate()
                fuzzer.wait()
        output.seek(0)
        print("\n=== schemathesis (a pytest process of its own) ===", flush=True)
        sys.stdout.buffer.write(output.read())
        sys.stdout.flush()
    return suite_status or fuzzing_status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
