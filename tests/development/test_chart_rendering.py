"""What the rendered chart promises an operator, asserted on the manifests themselves."""

import shutil
from pathlib import Path

import helm_python as helm
import pytest

from development import check_chart
from development import dockerfile as dockerfile_reading

ROOT = Path(__file__).resolve().parents[2]
CHART = ROOT / "helm" / "softwarebroker"
PRODUCTION = CHART / "ci" / "production-values.yaml"


def render(values_file=None, **overrides) -> dict[tuple[str, str], dict]:
    values = check_chart.load_values(values_file) or {}
    for key, value in overrides.items():
        values[key] = value
    with helm.Chart.load(CHART) as chart:
        rendered = check_chart.render(chart, values)
    objects, problems = check_chart.parse_manifests(rendered)
    assert problems == []
    return {(document["kind"], document["metadata"]["name"]): document for _, document in objects}


def pod_specs(objects):
    return {
        name: document["spec"]["template"]["spec"]
        for (kind, name), document in objects.items()
        if kind in {"Deployment", "Job"}
    }


@pytest.fixture(scope="module")
def production():
    return render(PRODUCTION)


def test_every_pod_is_locked_down(production):
    specs = pod_specs(production)
    assert set(specs) == {
        "softwarebroker",
        "softwarebroker-worker",
        "softwarebroker-migrations",
        "softwarebroker-setup-configuration",
    }
    for name, spec in specs.items():
        assert spec["enableServiceLinks"] is False, name
        assert spec["automountServiceAccountToken"] is False, name
        assert spec["securityContext"]["runAsNonRoot"] is True, name
        tmp = next(volume for volume in spec["volumes"] if volume["name"] == "tmp")
        assert "emptyDir" in tmp, name
        for container in spec["containers"]:
            context = container["securityContext"]
            assert context["readOnlyRootFilesystem"] is True, name
            assert context["allowPrivilegeEscalation"] is False, name
            assert context["capabilities"]["drop"] == ["ALL"], name
            assert {"name": "tmp", "mountPath": "/tmp"} in container["volumeMounts"], name


def test_the_web_pods_are_probed_on_the_health_endpoints(production):
    web = pod_specs(production)["softwarebroker"]["containers"][0]

    assert "command" not in web  # the image's start script
    assert web["livenessProbe"]["httpGet"]["path"] == "/_healthz/livez"
    assert web["startupProbe"]["httpGet"]["path"] == "/_healthz/livez"
    assert web["readinessProbe"]["httpGet"]["path"] == "/_healthz/readyz"
    assert web["readinessProbe"]["httpGet"]["httpHeaders"] == [
        {"name": "Host", "value": "softwarebroker.gemeente.example"}
    ]


def test_the_commands_are_scripts_the_image_contains(production):
    dockerfile = dockerfile_reading.parse(ROOT / "Dockerfile")
    image_files = dockerfile_reading.copied_files(dockerfile.stages[-1], ROOT)
    specs = pod_specs(production)

    worker = specs["softwarebroker-worker"]["containers"][0]["command"]
    setup = specs["softwarebroker-setup-configuration"]["containers"][0]["command"]

    assert worker == ["/app/bin/worker_start.sh"]
    assert setup == ["/app/bin/setup_configuration.sh", "/config/setup-configuration.yaml"]
    assert {worker[0], setup[0]} <= set(image_files)


def test_migrations_run_as_a_hook_before_the_pods_and_setup_after(production):
    migrations = production[("Job", "softwarebroker-migrations")]["metadata"]["annotations"]
    setup = production[("Job", "softwarebroker-setup-configuration")]["metadata"]["annotations"]

    assert migrations["helm.sh/hook"] == "pre-install,pre-upgrade"
    assert setup["helm.sh/hook"] == "post-install,post-upgrade"


def test_a_changed_setting_rolls_the_pods():
    def checksums(objects):
        return {
            name: document["spec"]["template"]["metadata"]["annotations"]["checksum/config"]
            for (kind, name), document in objects.items()
            if kind == "Deployment"
        }

    before = checksums(render())
    defaults = check_chart.load_values(CHART / "values.yaml")
    after = checksums(render(settings={**defaults["settings"], "GUNICORN_TIMEOUT": "60"}))

    assert set(before) == {"softwarebroker", "softwarebroker-worker"}
    assert all(before[name] != after[name] for name in before)


def test_production_values_add_the_optional_objects(production):
    assert ("HorizontalPodAutoscaler", "softwarebroker") in production
    assert ("PodDisruptionBudget", "softwarebroker") in production
    assert ("Ingress", "softwarebroker") in production
    assert ("Secret", "softwarebroker") not in production  # existingSecret
    assert "replicas" not in production[("Deployment", "softwarebroker")]["spec"]


def copy_chart(tmp_path):
    chart = tmp_path / "softwarebroker"
    shutil.copytree(CHART, chart)
    return chart


def test_a_wrong_value_fails_the_schema(tmp_path, capsys):
    chart = copy_chart(tmp_path)
    (chart / "ci" / "broken-values.yaml").write_text("web:\n  replicaCount: twee\nservice:\n  typo: 1\n")

    assert check_chart.main([str(chart)]) == 1
    out = capsys.readouterr().out
    assert "ERROR ci/broken-values.yaml: values schema: web/replicaCount" in out
    assert "Additional properties are not allowed ('typo' was unexpected)" in out


def test_every_value_must_be_documented_in_the_readme(tmp_path, capsys):
    chart = copy_chart(tmp_path)
    readme = chart / "README.md"
    text = readme.read_text()
    row = next(line for line in text.splitlines() if line.startswith("| `tmpSizeLimit`"))
    readme.write_text(text.replace(row, "| `web.verzonnen` | | |"))

    assert check_chart.main([str(chart)]) == 1
    out = capsys.readouterr().out
    assert "the value tmpSizeLimit is not documented" in out
    assert "documents web.verzonnen, which values.yaml does not have" in out


def test_a_misspelt_setting_fails_the_schema_and_the_schema_follows_the_registry(tmp_path, capsys):
    chart = copy_chart(tmp_path)
    (chart / "ci" / "typo-values.yaml").write_text("settings:\n  ALLOWED_HOST: x.example\n")
    schema = chart / "values.schema.json"
    schema.write_text(schema.read_text().replace('          "FEDERATIE_TIMEOUT",\n', ""))

    assert check_chart.main([str(chart)]) == 1
    out = capsys.readouterr().out
    assert "ERROR ci/typo-values.yaml: values schema: settings: 'ALLOWED_HOST' is not one of" in out
    assert "settings must allow FEDERATIE_TIMEOUT, a variable of the application" in out
