from rest_framework import serializers

from softwarebroker.api.bounds import BoundedSerializer
from softwarebroker.api.definitions import CATALOGUS
from softwarebroker.api.serializers import ResourceSerializer
from softwarebroker.catalogus import services
from softwarebroker.catalogus.constants import LeverancierRol
from softwarebroker.catalogus.models import Leverancier


class ContactgegevensSerializer(BoundedSerializer):
    naam = serializers.CharField(source="contact_naam", max_length=200, required=False, allow_blank=True)
    email = serializers.EmailField(source="contact_email", required=False, allow_blank=True)
    telefoonnummer = serializers.CharField(
        source="contact_telefoonnummer", max_length=30, required=False, allow_blank=True
    )


class LeverancierSerializer(ResourceSerializer):
    """Een leverancier, reseller of dienstverlener van software (status: aangemeld → actief ↔ geschorst)."""

    rollen = serializers.ListField(
        child=serializers.ChoiceField(choices=LeverancierRol.choices), required=False
    )
    contactgegevens = ContactgegevensSerializer(source="*", required=False)

    class Meta:
        model = Leverancier
        api = CATALOGUS
        collection = "leveranciers"
        fields = ("url", "naam", "kvkNummer", "website", "rollen", "status", "contactgegevens")
        expandable = {}

    def create(self, validated_data):
        return services.create_leverancier(acting=self.acting, **validated_data)

    def update(self, instance, validated_data):
        return services.update_leverancier(
            acting=self.acting, leverancier=instance, partial=self.partial, **validated_data
        )
