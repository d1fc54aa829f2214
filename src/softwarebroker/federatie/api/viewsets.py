"""The federated search of the Catalogus API, ``GET /aanbiedingen/_zoeken``: this catalogue
and every peer catalogue at once (:mod:`softwarebroker.federatie.search`). The Catalogus API's
urlconf (:mod:`softwarebroker.urls.catalogus`) puts it beside the catalogue's own viewsets."""

import re

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.response import Response

from softwarebroker.api.representation_engine import Context, plan_for
from softwarebroker.api.viewsets import RepresentationMixin
from softwarebroker.autorisaties.scopes import CATALOGUS_LEZEN
from softwarebroker.catalogus import search, selectors
from softwarebroker.catalogus.api.serializers import AanbiedingSerializer
from softwarebroker.federatie import search as federatie
from softwarebroker.federatie.aanbiedingen import as_this_version

from .serializers import FederatiefZoekresultaatSerializer

MAX_ZOEK = search.MAX_TERMS_LENGTH
MAX_AANTAL = 100
AANTAL_PATTERN = re.compile(r"[0-9]{1,3}", re.ASCII)


@extend_schema(tags=["aanbiedingen"])
class FederatedSearchViewSet(RepresentationMixin, viewsets.GenericViewSet):
    scopes = {"search": CATALOGUS_LEZEN}
    action_query_parameters = {"search": ("zoek", "aantal")}
    representation_actions = ()
    filter_backends = []
    pagination_class = None

    @extend_schema(
        summary="Zoeken in deze en alle gekoppelde catalogi",
        description="Zoekt (zoals `zoek` op de lijst) in de eigen catalogus en tegelijk in elke "
        "geconfigureerde peer-catalogus. Elke peer heeft één totale tijdslimiet: "
        "`FEDERATIE_TIMEOUT` seconden vanaf het begin van de zoekvraag, voor verbinden en het hele "
        "antwoord (een peer die langzaam blijft sturen wordt op die limiet afgebroken; een antwoord "
        f"groter dan {federatie.MAX_ANTWOORD // 2**20} MB is een `fout`). "
        "De resultaten komen op volgorde van relevantie per bron, om en om samengevoegd en "
        "ontdubbeld, met hun `bron`; `bronnen` zegt per bron of zij antwoordde (`ok`), te laat was "
        "(`timeout`) of faalde (`fout`), en hoe lang zij erover deed. Een trage of onbereikbare "
        "bron laat de zoekvraag nooit mislukken.",
        parameters=[
            OpenApiParameter(
                "zoek",
                {"type": "string", "minLength": 1, "maxLength": MAX_ZOEK},
                required=True,
                description="De zoekterm.",
            ),
            OpenApiParameter(
                "aantal",
                {"type": "integer", "minimum": 1, "maximum": MAX_AANTAL},
                description="Hoeveel resultaten (20).",
            ),
        ],
        responses={200: FederatiefZoekresultaatSerializer},
        filters=False,
        operation_id="aanbiedingen_zoeken",
    )
    def search(self, request):
        errors = {}
        terms = request.query_params.get("zoek", "").strip()
        if not terms:
            errors["zoek"] = [ErrorDetail("Geef een zoekterm.", code="required")]
        elif len(terms) > MAX_ZOEK:
            errors["zoek"] = [ErrorDetail(f"Hoogstens {MAX_ZOEK} tekens.", code="max_length")]
        aantal = request.query_params.get("aantal", "20")
        # ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
        if not AANTAL_PATTERN.fullmatch(aantal) or not 1 <= int(aantal) <= MAX_AANTAL:
            errors["aantal"] = [
                ErrorDetail(f"Een geheel getal van 1 tot en met {MAX_AANTAL}.", code="invalid")
            ]
        if errors:
            raise ValidationError(errors)

        def search_local(term: str, limit: int) -> list[dict]:
            plan = plan_for(AanbiedingSerializer)
            rows = list(plan.values(search.search(selectors.aanbiedingen(request.auth), term))[:limit])
            return plan.build(rows, Context(request, self.get_serializer_context()))

        found = federatie.search(search_local, terms, int(aantal), user_id=request.auth.user_id)
        found["results"] = [as_this_version(item) for item in found["results"]]
        return Response(found)
