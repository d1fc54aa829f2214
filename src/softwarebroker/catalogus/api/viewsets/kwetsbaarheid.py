"""The vulnerabilities of a version: ``/softwarepakketversies/{uuid}/kwetsbaarheden``. Read by
whoever may read the version; published and changed by the package's manufacturer (or the
broker), which alerts the organisations that use the version."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from softwarebroker.api.representation_engine import Context, plan_for
from softwarebroker.api.viewsets import RepresentationMixin
from softwarebroker.autorisaties import scopes
from softwarebroker.catalogus import selectors
from softwarebroker.catalogus.api.serializers import KwetsbaarheidSerializer
from softwarebroker.catalogus.kwetsbaarheden import services
from softwarebroker.catalogus.models import Kwetsbaarheid, Softwarepakketversie

SCHRIJVEN = (scopes.CATALOGUS_AANBIEDEN, scopes.CATALOGUS_BEHEREN)


@extend_schema_view(
    list=extend_schema(
        summary="Kwetsbaarheden van een softwarepakketversie",
        description="De gepubliceerde kwetsbaarheden van de versie; openbaar zoals de versie zelf.",
    ),
    retrieve=extend_schema(summary="Eén kwetsbaarheid", description="Eén kwetsbaarheid van de versie."),
    create=extend_schema(
        summary="Kwetsbaarheid publiceren",
        description="De fabrikant van het softwarepakket (of de broker) publiceert een kwetsbaarheid van "
        "de versie. Precies de organisaties die de versie gebruiken (status `gepland` t/m "
        "`uit_te_faseren`) krijgen een attentie en een notificatie (kanaal `gebruiken`). Een CVE die "
        "voor deze versie al gepubliceerd is geeft 409.",
        extensions={"x-extra-errors": ["409"]},
    ),
    partial_update=extend_schema(
        summary="Kwetsbaarheid wijzigen",
        description="De fabrikant (of de broker) wijzigt titel, beschrijving, ernst, `opgelostIn` of "
        "referenties; het `cveId` wijzigt niet (400).",
    ),
)
@extend_schema(tags=["softwarepakketversies"])
class KwetsbaarheidViewSet(
    RepresentationMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = KwetsbaarheidSerializer
    http_method_names = ["get", "post", "patch", "head"]
    sort_fields = {"cveId": "cve_id", "gepubliceerdOp": "gepubliceerd_op"}
    default_sort = ("-gepubliceerd_op", "pk")

    @property
    def scopes(self) -> dict:
        return {
            "list": scopes.CATALOGUS_LEZEN,
            "retrieve": scopes.CATALOGUS_LEZEN,
            "create": SCHRIJVEN,
            "partial_update": SCHRIJVEN,
        }

    def softwarepakketversie(self) -> Softwarepakketversie:
        if not hasattr(self, "_softwarepakketversie"):
            found = (
                selectors.softwarepakketversies(self.request.auth)
                .filter(uuid=self.kwargs["softwarepakketversie_uuid"])
                .first()
            )
            if found is None:
                raise Http404
            self._softwarepakketversie = found
        return self._softwarepakketversie

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Kwetsbaarheid.objects.none()
        return selectors.kwetsbaarheden(self.request.auth, self.softwarepakketversie())

    def represent(self, instance) -> dict:
        plan = plan_for(self.get_serializer_class())
        return plan.represent(Kwetsbaarheid.objects.filter(pk=instance.pk), Context(self.request))[0]

    @transaction.atomic
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        kwetsbaarheid = services.publiceer_kwetsbaarheid(
            acting=request.auth,
            softwarepakketversie=self.softwarepakketversie(),
            **serializer.validated_data,
        )
        data = self.represent(kwetsbaarheid)
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]})

    @transaction.atomic
    def partial_update(self, request, *args, **kwargs):
        kwetsbaarheid = self.get_object()
        serializer = self.get_serializer(kwetsbaarheid, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        kwetsbaarheid = services.update_kwetsbaarheid(
            acting=request.auth, kwetsbaarheid=kwetsbaarheid, partial=True, **serializer.validated_data
        )
        return Response(self.represent(kwetsbaarheid))
