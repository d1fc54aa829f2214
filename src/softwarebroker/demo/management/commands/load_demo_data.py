from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from softwarebroker.catalogus.models import Categorie
from softwarebroker.demo import data
from softwarebroker.organisaties.models import Organisatie


class Command(BaseCommand):
    help = "Laadt de demodata (idempotent). Alleen voor lokaal gebruik."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_DATA_ALLOWED", False):
            raise CommandError("Demodata is alleen toegestaan met de ontwikkel- of testinstellingen.")
        with transaction.atomic():
            created = self._load()
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
        return created
