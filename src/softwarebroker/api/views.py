"""Django-level error views (unknown URL, CSRF failure, server error) as problem+json."""

from .problems import problem_response


def bad_request(request, exception=None):
    return problem_response(status=400, detail="De aanvraag kon niet worden verwerkt.")


def permission_denied(request, exception=None):
    return problem_response(status=403, detail="U heeft geen toegang tot deze pagina.")


def page_not_found(request, exception=None):
    return problem_response(
        status=404,
        detail="Op dit adres staat niets. Let op: adressen eindigen niet op een '/'.",
    )


def server_error(request):
    return problem_response(
        status=500,
        detail="Er trad een onverwachte fout op. De fout is gelogd onder het kenmerk in 'instance'.",
    )


def csrf_failure(request, reason=""):
    return problem_response(
        status=403,
        code="csrf_failed",
        detail="De CSRF-controle is mislukt. Laad het formulier opnieuw en probeer het nog eens.",
    )


def admin_locked_out(request, credentials=None, *args, **kwargs):
    return problem_response(
        status=429,
        code="locked_out",
        detail="Te veel mislukte inlogpogingen. Probeer het over een uur opnieuw.",
        headers={"Retry-After": "3600"},
    )
