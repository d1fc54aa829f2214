from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from softwarebroker.autorisaties.demo_secrets import demo_secret
from softwarebroker.autorisaties.models import Applicatie, ApplicatieSecret
from softwarebroker.catalogus.models import Categorie, Leverancier
from softwarebroker.demo import data
from softwarebroker.demo.bestellingen import load_bestellingen_demo
from softwarebroker.demo.catalogus import DEMO, get_or_create, load_catalogus_demo
from softwarebroker.demo.gebruik import load_gebruik_demo
from softwarebroker.demo.vergelijkingsgroep import load_vergelijkingsgroep_demo
from softwarebroker.demo.vraagbundelingen import load_vraagbundelingen_demo
from softwarebroker.organisaties import services as organisaties
from softwarebroker.organisaties.models import Mandaat, Organisatie


class Command(BaseCommand):
    help = "Laadt de demodata (idempotent). Alleen voor lokaal gebruik."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_DATA_ALLOWED", False):
            raise CommandError("Demodata is alleen toegestaan met de ontwikkel- of testinstellingen.")
        with transaction.atomic():
            created = self._load()
            created += load_catalogus_demo()
            created += load_bestellingen_demo()
            created += load_vraagbundelingen_demo()
            created += load_gebruik_demo()
            created += load_vergelijkingsgroep_demo()
        self.stdout.write(f"Demodata geladen ({created} nieuwe objecten).")

    def _load(self) -> int:
        created = 0
        user_model = get_user_model()
        if not user_model.objects.filter(username="admin").exists():
            user_model.objects.create_superuser("admin", email="admin@example.org", password="admin")
            created += 1

        by_name: dict[str, Categorie] = {}
        for naam, parent, omschrijving in data.CATEGORIEEN:
            categorie, new = get_or_create(
                Categorie,
                {"omschrijving": omschrijving},
                naam=naam,
                bovenliggende_categorie=by_name.get(parent),
            )
            by_name[naam] = categorie
            created += new

        by_oin: dict[str, Organisatie] = {}
        for oin, naam, type_, gemeentecode, inwonertal in data.ORGANISATIES:
            organisatie, new = get_or_create(
                Organisatie,
                {"naam": naam, "type": type_, "gemeentecode": gemeentecode, "inwonertal": inwonertal},
                oin=oin,
            )
            by_oin[oin] = organisatie
            created += new
        for oin, deelnemers in data.DEELNEMERS.items():
            wanted = {by_oin[deelnemer] for deelnemer in deelnemers}
            present = set(by_oin[oin].deelnemers.all())
            if not wanted <= present:
                organisaties.update_organisatie(
                    acting=DEMO, organisatie=by_oin[oin], deelnemers=list(present | wanted), partial=True
                )

        by_kvk: dict[str, Leverancier] = {}
        for kvk, naam in data.LEVERANCIERS:
            by_kvk[kvk], new = get_or_create(Leverancier, {"naam": naam, "status": "actief"}, kvk_nummer=kvk)
            created += new
        for oin, user_id, naam, bedrag in data.MANDATEN:
            # Kept in line with the demo data (an older demo set had other amounts).
            current = Mandaat.objects.filter(organisatie=by_oin[oin], gebruikers_id=user_id).first()
            if current is None or (current.gebruikers_weergave, current.maximum_bedrag) != (
                naam,
                Decimal(bedrag),
            ):
                organisaties.set_mandaat(
                    acting=DEMO,
                    organisatie=by_oin[oin],
                    gebruikers_id=user_id,
                    gebruikers_weergave=naam,
                    maximum_bedrag=bedrag,
                )
                created += current is None
        for client_id, label, oin, kvk, rollen in data.APPLICATIES:
            applicatie, new = Applicatie.objects.get_or_create(
                client_id=client_id,
                defaults={
                    "label": label,
                    "organisatie": by_oin.get(oin),
                    "leverancier": by_kvk.get(kvk),
                    "rollen": rollen,
                },
            )
            if new:
                ApplicatieSecret.objects.create(
                    applicatie=applicatie, secret=demo_secret(client_id), omschrijving="demo"
                )
                created += 1
        return created
