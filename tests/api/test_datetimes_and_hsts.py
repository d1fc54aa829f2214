import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from softwarebroker.api.serializers import UTCDateTimeField


def test_datetimes_are_rendered_in_utc_with_z():
    amsterdam = datetime.datetime(2026, 7, 1, 14, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))

    with timezone.override("Europe/Amsterdam"):
        assert UTCDateTimeField().to_representation(amsterdam) == "2026-07-01T12:30:00Z"


def test_datetimes_with_an_offset_are_accepted():
    parsed = UTCDateTimeField().to_internal_value("2026-07-01T14:30:00+02:00")

    assert parsed == datetime.datetime(2026, 7, 1, 12, 30, tzinfo=datetime.UTC)


@pytest.mark.django_db
@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_hsts_on_secure_requests(client):
    response = client.get("/catalogus/api/v1/categorieen", secure=True)

    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
