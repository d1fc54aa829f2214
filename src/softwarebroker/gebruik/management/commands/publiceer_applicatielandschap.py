"""Send an organisation's application landscape to the Softwarecatalogus."""

from django.core.management.base import BaseCommand, CommandError

from softwarebroker.gebruik import softwarecatalogus
from softwarebroker.organisaties.models import Organisatie


class Command(BaseCommand):
    help = (
        "Biedt het applicatielandschap van een organisatie aan de Softwarecatalogus aan: elke "
        "voorziening (softwarepakket) en daarna elk gebruik, via de Service uit "
        "SOFTWARECATALOGUS_SERVICE. Een foutantwoord stopt de opdracht met een fout."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisatie", required=True, help="Het OIN van de organisatie.")

    def handle(self, *args, organisatie: str, **options):
        gevonden = Organisatie.objects.filter(oin=organisatie).first()
        if gevonden is None:
            raise CommandError(f"Er is geen organisatie met OIN {organisatie}.")
        try:
            publicatie = softwarecatalogus.publiceer(gevonden)
        except softwarecatalogus.PublicatieMislukt as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{gevonden.naam}: {publicatie.voorzieningen} voorziening(en) en {publicatie.gebruik} "
            "gebruik aangeboden aan de Softwarecatalogus."
        )
