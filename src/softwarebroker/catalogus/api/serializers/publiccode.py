"""A publiccode.yml document sent as JSON: its shape in the contract.

Only the keys the import reads are described (``catalogus.publiccode.mapping``); the standard's
other keys may be there and are left alone. The checks themselves are the import's
(``catalogus.publiccode.parsing``), the same for YAML and JSON; these serializers validate nothing.
"""

from rest_framework import serializers

from softwarebroker.catalogus.publiccode.mapping import (
    MAX_KORTE_OMSCHRIJVING,
    MAX_LICENTIE,
    MAX_NAAM,
    MAX_URL,
    MAX_VERSIE,
    PLATFORMS,
    PUBLICCODE_SOFTWARE_TYPES,
    STATUS_IMPORT,
    SUPPORTED_VERSIONS,
)


class PubliccodeBeschrijvingSerializer(serializers.Serializer):
    shortDescription = serializers.CharField(max_length=MAX_KORTE_OMSCHRIJVING)
    longDescription = serializers.CharField(required=False)
    documentation = serializers.URLField(required=False, max_length=MAX_URL)


class PubliccodeLegalSerializer(serializers.Serializer):
    license = serializers.CharField(max_length=MAX_LICENTIE, help_text="SPDX-licentie-expressie.")
    mainCopyrightOwner = serializers.CharField(required=False)
    repoOwner = serializers.CharField(required=False)


class PubliccodeDocumentSerializer(serializers.Serializer):
    """Een publiccode.yml-document (https://yml.publiccode.tools) in JSON: dezelfde sleutels en
    waarden als in YAML. Hier staan de sleutels die de import leest; andere sleutels van de
    standaard mogen er ook in staan."""

    publiccodeYmlVersion = serializers.ChoiceField(choices=sorted(SUPPORTED_VERSIONS))
    name = serializers.CharField(max_length=MAX_NAAM)
    url = serializers.URLField(max_length=MAX_URL, help_text="De repository; de import zoekt hierop.")
    landingURL = serializers.URLField(required=False, max_length=MAX_URL)
    platforms = serializers.ListField(child=serializers.ChoiceField(choices=PLATFORMS))
    softwareType = serializers.ChoiceField(choices=PUBLICCODE_SOFTWARE_TYPES)
    developmentStatus = serializers.ChoiceField(choices=list(STATUS_IMPORT), required=False)
    softwareVersion = serializers.CharField(required=False, max_length=MAX_VERSIE)
    releaseDate = serializers.DateField(required=False)
    description = serializers.DictField(
        child=PubliccodeBeschrijvingSerializer(), help_text="Per taal (bijv. `nl`, `en`) de beschrijving."
    )
    legal = PubliccodeLegalSerializer()
