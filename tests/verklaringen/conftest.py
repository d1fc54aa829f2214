import pytest

from tests.bestellingen.api_world import world  # noqa: F401 - the ordering parties over HTTP, a fixture
from tests.private_media import private_media_in


@pytest.fixture(autouse=True)
def private_media(tmp_path, settings):
    """Declaration documents of one test in their own directory (so a test sees exactly what
    it stored), never in the configured private media."""
    with private_media_in(tmp_path / "private-media", settings) as location:
        yield location
