"""Liveness and readiness probes for Kubernetes."""

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from softwarebroker.api.problems import problem_response
from softwarebroker.autorisaties.demo_secrets import demo_secrets_refused, is_demo_secret
from softwarebroker.core import readiness


@require_GET
def livez(request):
    """The process answers; says nothing about its dependencies."""
    return JsonResponse({"status": "ok"})


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:  # noqa: BLE001 - any failure means not ready
        return False


def _task_queue_ok() -> bool:
    from procrastinate.contrib.django import app

    try:
        return bool(app.check_connection())
    except Exception:  # noqa: BLE001 - any failure means not ready
        return False


def _no_demo_secrets() -> bool:
    """Production refuses to serve while a public demo secret is configured."""
    from softwarebroker.autorisaties.models import ApplicatieSecret

    return not any(
        secret.secret and is_demo_secret(secret.secret) for secret in ApplicatieSecret.objects.all()
    )


@require_GET
def readyz(request):
    """Ready for traffic: the database and the task queue's tables are reachable (and, in
    production, no demo secret is configured).

    ``waarschuwingen`` lists what an operator must see but that does not take the instance out
    of service (``core.readiness``: notifications that are late, for one): it stays ``200``."""
    checks = {"database": _database_ok()}
    checks["taakwachtrij"] = checks["database"] and _task_queue_ok()
    if demo_secrets_refused():
        checks["geen_demosecrets"] = checks["database"] and _no_demo_secrets()
    if all(checks.values()):
        return JsonResponse({"status": "ok", "controles": checks, "waarschuwingen": readiness.warnings()})
    failed = ", ".join(name for name, ok in checks.items() if not ok)
    return problem_response(
        status=503, code="not_ready", detail=f"Niet gereed; mislukte controles: {failed}."
    )
