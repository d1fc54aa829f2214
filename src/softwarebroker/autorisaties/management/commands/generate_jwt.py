import time

import jwt
from django.core.management.base import BaseCommand, CommandError

from softwarebroker.autorisaties.models import Applicatie


class Command(BaseCommand):
    help = "Print a fresh JWT-ZGW token for an API client, e.g. for curl."

    def add_arguments(self, parser):
        parser.add_argument("client_id")
        parser.add_argument("--user-id", default="", help="Value of the user_id claim.")
        parser.add_argument(
            "--user-representation", default="", help="Value of the user_representation claim."
        )
        parser.add_argument("--valid-for", type=int, default=3600, help="Seconds until exp (default 3600).")

    def handle(self, *args, client_id, user_id, user_representation, valid_for, **options):
        applicatie = (
            Applicatie.objects.filter(client_id=client_id, actief=True).prefetch_related("secrets").first()
        )
        if applicatie is None:
            raise CommandError(f"No active API client with client id {client_id!r}.")
        secrets = applicatie.valid_secrets()
        if not secrets:
            raise CommandError(f"API client {client_id!r} has no valid secret.")
        now = int(time.time())
        payload = {"iss": client_id, "client_id": client_id, "iat": now, "exp": now + valid_for}
        if user_id:
            payload["user_id"] = user_id
        if user_representation:
            payload["user_representation"] = user_representation
        # The newest secret signs (secrets are ordered newest first).
        self.stdout.write(jwt.encode(payload, secrets[0], algorithm="HS256"))
