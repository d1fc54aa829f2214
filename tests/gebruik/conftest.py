import pytest
from notifications_api_common.models import NotificationsConfig
from zgw_consumers.constants import APITypes, AuthTypes
from zgw_consumers.models import Service

from .api_support import wereld  # noqa: F401  (the world of the API tests)


@pytest.fixture
def notificaties_geconfigureerd(db):
    """A Notificaties API configured (never reached here): changes queue their notification jobs."""
    service = Service.objects.create(
        label="Notificaties API",
        slug="notificaties-api",
        api_type=APITypes.nrc,
        api_root="http://notificaties.test/api/v1/",
        auth_type=AuthTypes.no_auth,
    )
    config = NotificationsConfig.get_solo()
    config.notifications_api_service = service
    config.save()
    return service
