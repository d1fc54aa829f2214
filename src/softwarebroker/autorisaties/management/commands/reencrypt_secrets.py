from django.core.management.base import BaseCommand
from django.db import transaction

from softwarebroker.autorisaties.models import ApplicatieSecret
from softwarebroker.bestellingen.models import Levering


class Command(BaseCommand):
    help = (
        "Re-encrypt every secret stored encrypted (API client secrets, delivered licence keys) "
        "with the newest key in SECRETS_ENCRYPTION_KEYS, so older keys can be removed afterwards."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        counts = {}
        for label, queryset, field in (
            ("API client secrets", ApplicatieSecret.objects.all(), "secret"),
            ("delivery secrets", Levering.objects.filter(geheim__isnull=False), "geheim"),
        ):
            count = 0
            for item in queryset.select_for_update():
                item.save(update_fields=[field])  # decrypted on load, encrypted anew on save
                count += 1
            counts[label] = count
        self.stdout.write(
            ", ".join(f"{count} {label}" for label, count in counts.items())
            + " re-encrypted with the newest key."
        )
