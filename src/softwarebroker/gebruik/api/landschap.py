"""``GET /organisaties/{uuid}/applicatielandschap``: the organisation's uses as JSON in the
Softwarecatalogus' shape, or as CSV (content negotiation on ``Accept``)."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import renderers, serializers, viewsets
from rest_framework.response import Response

from softwarebroker.api.renderers import JSONRenderer
from softwarebroker.api.viewsets import RepresentationMixin
from softwarebroker.autorisaties import scopes
from softwarebroker.organisaties.models import Organisatie

from .. import landschap

CSV = "text/csv"
JSON = "application/json"


class CSVRenderer(renderers.BaseRenderer):
    """Renders text that is already CSV."""

    media_type = CSV
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data.encode("utf-8") if isinstance(data, str) else b""


class VoorzieningSerializer(serializers.Serializer):
    """Een softwarepakket als `Voorziening` van de Softwarecatalogus (Voorzieningen API)."""

    id = serializers.UUIDField(help_text="De UUID van het softwarepakket.")
    naam = serializers.CharField()
    beschrijving = serializers.CharField(
        required=False, help_text="De omschrijving van het pakket; ontbreekt als die leeg is."
    )
    referentieComponenten = serializers.ListField(
        child=serializers.UUIDField(),
        help_text="De GEMMA-referentiecomponenten die het pakket implementeert: het UUID-deel van hun "
        "GEMMA-id. Een component die niet in het register staat, ontbreekt.",
    )
    voorzieningstype = serializers.ChoiceField(choices=[landschap.VOORZIENINGSTYPE])

    class Meta:
        always_sent = ("id", "naam", "referentieComponenten", "voorzieningstype")


class VoorzieningGebruikSerializer(serializers.Serializer):
    """Een gebruik als `VoorzieningGebruik` van de Softwarecatalogus (Voorzieningen API)."""

    id = serializers.UUIDField(help_text="De UUID van het gebruik.")
    organisatieId = serializers.UUIDField(help_text="De UUID van de organisatie.")
    voorzieningId = serializers.UUIDField(help_text="De UUID van het softwarepakket (de voorziening).")
    versieId = serializers.UUIDField(
        required=False, help_text="De UUID van de softwarepakketversie; ontbreekt zonder versie."
    )
    startDatum = serializers.DateField(
        required=False, help_text="Sinds wanneer het gebruik `in_productie` is (volgens de historie)."
    )
    eindDatum = serializers.DateField(
        required=False, help_text="Wanneer het gebruik `uitgefaseerd` werd (volgens de historie)."
    )
    status = serializers.ChoiceField(
        choices=sorted(set(landschap.STATUS.values())),
        help_text="`Gepland` (verwerving, gepland), `Actief` (in_productie, uit_te_faseren) of "
        "`Beëindigd` (uitgefaseerd).",
    )
    opmerkingen = serializers.CharField(
        required=False, help_text="De toelichting; ontbreekt als die leeg is."
    )
    bedrijfsKritisch = serializers.BooleanField()
    privacyGevoelig = serializers.BooleanField(help_text="Of het gebruik persoonsgegevens verwerkt.")

    class Meta:
        always_sent = (
            "id",
            "organisatieId",
            "voorzieningId",
            "status",
            "bedrijfsKritisch",
            "privacyGevoelig",
        )


class ApplicatielandschapSerializer(serializers.Serializer):
    """Het applicatielandschap van een organisatie: elk gebruikt softwarepakket één keer als
    voorziening, en elk gebruik."""

    voorzieningen = VoorzieningSerializer(many=True)
    gebruik = VoorzieningGebruikSerializer(many=True)


class ApplicatielandschapViewSet(RepresentationMixin, viewsets.GenericViewSet):
    """One read: the landscape of one organisation, for its own clients and the broker."""

    representation_actions = ()
    renderer_classes = [JSONRenderer, CSVRenderer]
    scopes = {"applicatielandschap": scopes.GEBRUIKEN_LEZEN}

    def get_queryset(self):  # pragma: no cover - the view reads its organisation itself
        return Organisatie.objects.none()

    def _organisatie(self, uuid) -> Organisatie:
        acting = self.request.auth
        organisaties = Organisatie.objects.filter(uuid=uuid)
        if not acting.is_broker:
            if acting.organisatie is None:
                raise Http404
            organisaties = organisaties.filter(pk=acting.organisatie.pk)
        organisatie = organisaties.first()
        if organisatie is None:
            raise Http404  # another organisation's landscape is not there for this client
        return organisatie

    @extend_schema(
        tags=["organisaties"],
        operation_id="organisaties_applicatielandschap",
        summary="Het applicatielandschap van de organisatie",
        description="Het softwaregebruik van de organisatie, te lezen door haar eigen applicaties "
        "(scope `gebruiken.lezen`) en de broker. Met `Accept: application/json` (standaard) in de "
        "vorm van de Softwarecatalogus (`Voorziening` en `VoorzieningGebruik` van zijn "
        "Voorzieningen API), klaar om daar aan te bieden. Met `Accept: text/csv` één regel per "
        "gebruik, gescheiden door `;`, UTF-8 met byte order mark; een cel die met `=`, `+`, `-` "
        "of `@` begint, krijgt een `'` ervoor (geen formule in een spreadsheet).",
        responses={
            (200, JSON): ApplicatielandschapSerializer,
            (200, CSV): OpenApiResponse(OpenApiTypes.STR, description="Het applicatielandschap als CSV."),
        },
    )
    def applicatielandschap(self, request, uuid=None):
        gebruiken = landschap.gebruiken_van(request.auth, self._organisatie(uuid))
        if request.accepted_renderer.media_type == CSV:
            response = Response(landschap.csv_tekst(gebruiken))
            response["Content-Disposition"] = 'attachment; filename="applicatielandschap.csv"'
            return response
        return Response(landschap.applicatielandschap(gebruiken))
