from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from softwarebroker.autorisaties.demo_secrets import demo_secret
from softwarebroker.autorisaties.models import Applicatie, ApplicatieSecret
from softwarebroker.catalogus.models import Categorie, Leverancier
from softwarebroker.demo import data
from softwarebroker.demo.bestellingen import load_bestellingen_demo
from softwarebroker.demo.catalogus import load_catalogus_demo
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
        self.stdout.write(f"Demodata geladen ({created} nieuwe objecten).")

    def _load(self) -> int:
        created = 0
        user_model = get_user_model()
        admin, new = user_model.objects.get_or_create(
            username="admin", defaults={"is_staff": True, "is_superuser": True, "email": "admin@example.org"}
        )
        if new:
            admin.set_password("admin")
            admin.save()
            created += 1

        by_name: dict[str, Categorie] = {}
        for naam, parent, omschrijving in data.CATEGORIEEN:
            categorie, new = Categorie.objects.get_or_create(
                naam=naam,
                bovenliggende_categorie=by_name.get(parent),
                defaults={"omschrijving": omschrijving},
            )
            by_name[naam] = categorie
            created += new

        by_oin: dict[str, Organisatie] = {}
        for oin, naam, type_, gemeentecode, inwonertal in data.ORGANISATIES:
            organisatie, new = Organisatie.objects.get_or_create(
                oin=oin,
                defaults={
                    "naam": naam,
                    "type": type_,
                    "gemeentecode": gemeentecode,
                    "inwonertal": inwonertal,
                },
            )
            by_oin[oin] = organisatie
            created += new
        for oin, deelnemers in data.DEELNEMERS.items():
            by_oin[oin].deelnemers.add(*(by_oin[deelnemer] for deelnemer in deelnemers))

        by_kvk: dict[str, Leverancier] = {}
        for kvk, naam in data.LEVERANCIERS:
            by_kvk[kvk], new = Leverancier.objects.get_or_create(
                kvk_nummer=kvk, defaults={"naam": naam, "status": "actief"}
            )
            created += new
        for oin, user_id, naam, bedrag in data.MANDATEN:
            # Kept in line with the demo data (an older demo set had other amounts).
            _, new = Mandaat.objects.update_or_create(
                organisatie=by_oin[oin],
                gebruikers_id=user_id,
                defaults={"gebruikers_weergave": naam, "maximum_bedrag": bedrag},
            )
            created += new
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
