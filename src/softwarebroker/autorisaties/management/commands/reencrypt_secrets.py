from django.core.management.base import BaseCommand
from django.db import transaction

from softwarebroker.autorisaties.models import ApplicatieSecret


class Command(BaseCommand):
    help = (
        "Re-encrypt every API client secret with the newest key in SECRETS_ENCRYPTION_KEYS, "
        "so older keys can be removed afterwards."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        count = 0
        for secret in ApplicatieSecret.objects.select_for_update():
            secret.save(update_fields=["secret"])  # decrypted on load, encrypted anew on save
            count += 1
        self.stdout.write(f"{count} secrets re-encrypted with the newest key.")
