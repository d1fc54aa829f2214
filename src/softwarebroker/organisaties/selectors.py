"""Read queries of organisations."""

from .models import Organisatie


def organisaties():
    return Organisatie.objects.prefetch_related("deelnemers")


def organisatie_with_oin(*, oin: str) -> Organisatie | None:
    return Organisatie.objects.filter(oin=oin).first()
