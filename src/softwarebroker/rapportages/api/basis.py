"""What every rapportage's view shares: one read with the scope ``rapportages.lezen``, strict
query parameters, and the answer as JSON or, with ``Accept: text/csv`` or XLSX, its
``resultaten`` rows as a spreadsheet (``api.exports``)."""

from __future__ import annotations

from rest_framework import viewsets
from rest_framework.response import Response

from softwarebroker.api import exports
from softwarebroker.api.renderers import JSONRenderer
from softwarebroker.api.viewsets import RepresentationMixin
from softwarebroker.autorisaties import scopes
from softwarebroker.organisaties.models import Organisatie


class RapportageViewSet(RepresentationMixin, viewsets.GenericViewSet):
    """Subclasses name their ``action`` (the method answering GET), the serializer of the whole
    answer (``serializer_class``, with a ``resultaten`` list) and that of one row
    (``row_serializer_class``, the columns of an export)."""

    representation_actions = ()
    action_name: str
    row_serializer_class: type
    export_name: str

    @property
    def scopes(self) -> dict[str, str]:
        return {self.action_name: scopes.RAPPORTAGES_LEZEN}

    def get_renderers(self):
        return [JSONRenderer(), *(renderer() for renderer in exports.EXPORT_RENDERERS)]

    def get_queryset(self):  # pragma: no cover - a rapportage reads its own sources
        return Organisatie.objects.none()

    def answer(self, request, report) -> Response:
        """``report``: what ``serializer_class`` represents; its ``resultaten`` are the rows of
        an export."""
        data = self.get_serializer_class()(report, context=self.get_serializer_context()).data
        if not exports.wants_export(request):
            return Response(data)
        rows = data["resultaten"]
        exports.check_xlsx_size(request, lambda: len(rows))
        return exports.export_response(request, self.export_name, self.export_columns(), [rows])

    def export_columns(self) -> list:
        return exports.serializer_columns(self.row_serializer_class, None)
