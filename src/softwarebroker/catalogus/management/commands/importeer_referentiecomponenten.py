from django.core.management.base import BaseCommand, CommandError

from softwarebroker.autorisaties.context import Acting
from softwarebroker.catalogus.register.bron import importeer
from softwarebroker.catalogus.register.gemma_csv import RegisterOngeldig

# Changes by this command are recorded in the audit trail as coming from it.
COMMAND = Acting.system("importeer_referentiecomponenten")


class Command(BaseCommand):
    help = (
        "Vul het register van GEMMA-referentiecomponenten uit de CSV-export van GEMMA Online "
        "('Overzicht alle referentiecomponenten'), uit een bestand of van een URL. Opnieuw draaien "
        "wijzigt alleen wat GEMMA wijzigde. Een bestand met fouten wordt geheel geweigerd."
    )

    def add_arguments(self, parser):
        parser.add_argument("bron", help="Pad of http(s)-URL van de CSV-export.")

    def handle(self, *args, bron: str, **options):
        try:
            resultaat = importeer(acting=COMMAND, bron=bron)
        except RegisterOngeldig as ongeldig:
            for fout in ongeldig.fouten:
                self.stderr.write(str(fout))
            raise CommandError(f"{len(ongeldig.fouten)} fout(en); er is niets opgeslagen.") from None
        self.stdout.write(
            f"{resultaat.aangemaakt} aangemaakt, {resultaat.gewijzigd} gewijzigd, "
            f"{resultaat.ongewijzigd} ongewijzigd."
        )
