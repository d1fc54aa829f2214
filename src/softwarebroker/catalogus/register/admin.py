"""The GEMMA register and published vulnerabilities in the admin: read only. The register
changes only through its import (``importeer_referentiecomponenten``), a vulnerability only
through its services (the API)."""

from __future__ import annotations

from django.contrib import admin

from softwarebroker.core.admin import ReadOnlyAdmin

from ..models import Kwetsbaarheid, Referentiecomponent


@admin.register(Referentiecomponent)
class ReferentiecomponentAdmin(ReadOnlyAdmin):
    list_display = ("naam", "gemma_id", "status", "gewijzigd_op")
    list_filter = ("status",)
    search_fields = ("naam", "gemma_id", "uri")
    fields = ("naam", "gemma_id", "uuid", "status", "uri", "beschrijving", "gewijzigd_op")


@admin.register(Kwetsbaarheid)
class KwetsbaarheidAdmin(ReadOnlyAdmin):
    list_display = (
        "cve_id",
        "titel",
        "softwarepakket_naam",
        "versie",
        "ernst",
        "opgelost_in",
        "gepubliceerd_op",
    )
    list_select_related = ("softwarepakketversie__softwarepakket",)
    list_filter = ("ernst",)
    search_fields = ("cve_id", "titel", "softwarepakketversie__softwarepakket__naam")
    date_hierarchy = "gepubliceerd_op"
    fields = (
        "cve_id",
        "uuid",
        "titel",
        "softwarepakketversie",
        "ernst",
        "opgelost_in",
        "beschrijving",
        "referenties",
        "gepubliceerd_op",
        "gewijzigd_op",
    )

    @admin.display(description="softwarepakket", ordering="softwarepakketversie__softwarepakket__naam")
    def softwarepakket_naam(self, kwetsbaarheid):
        return kwetsbaarheid.softwarepakketversie.softwarepakket.naam

    @admin.display(description="versie", ordering="softwarepakketversie__versie")
    def versie(self, kwetsbaarheid):
        return kwetsbaarheid.softwarepakketversie.versie
