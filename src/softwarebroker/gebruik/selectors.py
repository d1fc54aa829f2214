"""What the acting client may see of software use.

An organisation sees its own uses (with their history and alerts); the broker sees all. A
supplier sees no uses here: which organisations use its package is shown to government only,
through ``/softwarepakketten/{uuid}/gebruikers`` (see :mod:`.gebruikers`)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef

from softwarebroker.autorisaties.scopes import Rol
from softwarebroker.autorisaties.scoping import scope_queryset
from softwarebroker.bestellingen.models import Licentie
from softwarebroker.organisaties.models import Organisatie

from .models import Attentie, Gebruik

OVERHEIDSROLLEN = frozenset({Rol.AFNEMER, Rol.BUDGETHOUDER})


def is_overheid(acting) -> bool:
    """Government: the broker, or a client acting for an organisation in a buyer's role."""
    if acting is None:
        return False
    return acting.is_broker or (acting.organisatie is not None and bool(OVERHEIDSROLLEN & acting.roles))


def open_attenties():
    return Attentie.objects.filter(gebruik=OuterRef("pk"), afgehandeld_op__isnull=True)


def gebruiken(acting):
    if acting is None or not (acting.is_broker or acting.organisatie is not None):
        return Gebruik.objects.none()
    queryset = Gebruik.objects.annotate(_attentie=Exists(open_attenties()))
    return scope_queryset(queryset, acting, organisatie_field="organisatie")


def beheerbare_organisaties(acting):
    """The organisations whose uses a client may register: the broker any, an afnemer its own."""
    if acting is not None and acting.is_broker:
        return Organisatie.objects.all()
    if acting is None or acting.organisatie is None or Rol.AFNEMER not in acting.roles:
        return Organisatie.objects.none()
    return Organisatie.objects.filter(pk=acting.organisatie.pk)


def zichtbare_licenties(acting):
    return scope_queryset(Licentie.objects.all(), acting, organisatie_field="organisatie")
