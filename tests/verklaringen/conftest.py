from tests.bestellingen.api_world import world  # noqa: F401 - the ordering parties over HTTP, a fixture
