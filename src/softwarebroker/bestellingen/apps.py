from django.apps import AppConfig


class BestellingenConfig(AppConfig):
    name = "softwarebroker.bestellingen"
    verbose_name = "Bestellingen"
