"""Read queries of organisations."""

from .models import Organisatie


def organisaties():
    return Organisatie.objects.prefetch_related("deelnemers")
