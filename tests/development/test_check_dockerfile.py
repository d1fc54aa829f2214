"""The Dockerfile check follows the image's command into its start script and holds the
scripts to their rules."""

import shutil
import subprocess
from pathlib import Path

import pytest

from development import check_dockerfile
from development import dockerfile as dockerfile_reading

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def context(tmp_path):
    """A copy of the parts of the build context the checks read (modes kept)."""
    shutil.copy2(ROOT / "Dockerfile", tmp_path / "Dockerfile")
    shutil.copy2(ROOT / ".dockerignore", tmp_path / ".dockerignore")
    shutil.copytree(ROOT / "bin", tmp_path / "bin")
    return tmp_path


def findings(context):
    return check_dockerfile.main([str(context / "Dockerfile")])


def edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_the_copied_context_passes(context, capsys):
    assert findings(context) == 0
    assert "hadolint, shellcheck and the project rules pass" in capsys.readouterr().out


def test_the_image_runs_the_start_script_and_has_the_other_commands(context):
    dockerfile = dockerfile_reading.parse(context / "Dockerfile")
    final = dockerfile.stages[-1]
    files = dockerfile_reading.copied_files(final, context)

    assert files["/app/bin/docker_start.sh"] == context / "bin" / "docker_start.sh"
    assert {"/app/bin/worker_start.sh", "/app/bin/setup_configuration.sh"} <= set(files)
    assert check_dockerfile._in_force(dockerfile, final, "CMD").arguments == '["/app/bin/docker_start.sh"]'


def test_a_root_image_fails(context, capsys):
    edit(context / "Dockerfile", "USER 1000:1000", "USER root")

    assert findings(context) == 1
    assert "must not run as root" in capsys.readouterr().out


def test_a_start_script_that_does_not_exec_gunicorn_fails(context, capsys):
    edit(context / "bin" / "docker_start.sh", "exec gunicorn", "gunicorn")

    assert findings(context) == 1
    assert "must `exec gunicorn`" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("    --no-control-socket", "    --access-logformat x", "needs --no-control-socket"),
        ("--worker-tmp-dir /dev/shm", "--worker-tmp-dir /app", "needs --worker-tmp-dir"),
        ("--bind 0.0.0.0:8000", "--bind 127.0.0.1:8000", "must --bind 0.0.0.0:8000"),
    ],
)
def test_gunicorn_options_in_the_script_are_checked(context, capsys, old, new, message):
    edit(context / "bin" / "docker_start.sh", old, new)

    assert findings(context) == 1
    assert message in capsys.readouterr().out


def test_a_script_left_out_by_dockerignore_fails(context, capsys):
    edit(context / ".dockerignore", "!bin/\n", "")

    assert findings(context) == 1
    assert "which no COPY puts into the image" in capsys.readouterr().out


def test_a_script_without_set_eu_fails(context, capsys):
    edit(context / "bin" / "worker_start.sh", "set -eu\n", "")

    assert findings(context) == 1
    assert "worker_start.sh: needs `set -eu`" in capsys.readouterr().out


def test_a_script_that_is_not_executable_fails(context, capsys):
    (context / "bin" / "setup_configuration.sh").chmod(0o644)

    assert findings(context) == 1
    assert "setup_configuration.sh: not executable" in capsys.readouterr().out


def test_a_script_not_executable_in_git_fails(context, capsys):
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "--quiet"], cwd=context, check=True)
    subprocess.run([*git, "add", "bin"], cwd=context, check=True)
    subprocess.run([*git, "update-index", "--chmod=-x", "bin/worker_start.sh"], cwd=context, check=True)

    assert findings(context) == 1
    assert "git records mode 100644" in capsys.readouterr().out


def test_shellcheck_findings_fail(context, capsys):
    edit(context / "bin" / "setup_configuration.sh", 'if [ ! -r "$file" ]', "if [ ! -r $file ]")

    assert findings(context) == 1
    assert "SC2086" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("${GUNICORN_TIMEOUT:-30}", "${GUNICORN_TIMEOUT:-60}", "GUNICORN_TIMEOUT defaults to '60' here"),
        ("${GUNICORN_THREADS:-2}", "${GUNICORN_DRADEN:-2}", "reads GUNICORN_DRADEN, which is not in"),
    ],
)
def test_script_variables_must_be_registered_with_the_same_default(context, capsys, old, new, message):
    edit(context / "bin" / "docker_start.sh", old, new)

    assert findings(context) == 1
    assert message in capsys.readouterr().out


@pytest.mark.parametrize(
    ("relative", "expected"),
    [("bin/docker_start.sh", False), ("src/x/__pycache__/a.pyc", True), (".venv/bin/python", True)],
)
def test_dockerignore_allow_list(relative, expected):
    rules = dockerfile_reading.dockerignore_rules(ROOT)

    assert dockerfile_reading.ignored(relative, rules) is expected


def test_the_image_holds_the_application_but_not_the_development_tooling():
    dockerfile = dockerfile_reading.parse(ROOT / "Dockerfile")
    sources = set(dockerfile_reading.copied_files(dockerfile.stages[-1], ROOT).values())

    assert ROOT / "src" / "softwarebroker" / "wsgi.py" in sources
    for folder in ("development", "tests", "benchmarks"):
        assert not any(path.is_relative_to(ROOT / folder) for path in sources), folder
