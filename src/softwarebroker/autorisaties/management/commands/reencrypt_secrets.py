from django.core.management.base import BaseCommand
from django.db import transaction

from softwarebroker.autorisaties.encryption import encrypted_fields


class Command(BaseCommand):
    help = (
        "Re-encrypt every value stored encrypted (every EncryptedTextField of every installed "
        "model: API client secrets, delivery secrets, peer notification credentials, ...) with "
        "the newest key in SECRETS_ENCRYPTION_KEYS, so older keys can be removed afterwards."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        counts, undecryptable = {}, 0
        for field in encrypted_fields():
            model = field.model
            rows = model._base_manager.filter(**{f"{field.name}__isnull": False}).only("pk", field.name)
            count = 0
            for row in rows.select_for_update():
                value = getattr(row, field.attname)  # decrypted on load
                if value is None:
                    undecryptable += 1  # no configured key reads it: left as it is (and logged)
                    continue
                model._base_manager.filter(pk=row.pk).update(**{field.name: value})  # encrypted anew
                count += 1
            counts[f"{model._meta.label}.{field.name}"] = count
        done = ", ".join(f"{count} {label}" for label, count in counts.items())
        self.stdout.write(f"{done} re-encrypted with the newest key.")
        if undecryptable:
            self.stderr.write(
                f"{undecryptable} value(s) could not be decrypted with any configured key; "
                "left unchanged (see the secret_undecryptable log entries)."
            )
