import datetime
import time

import jwt
import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from softwarebroker.autorisaties.models import ApplicatieSecret
from tests.auth import SECRET, bearer, token
from tests.autorisaties.factories import make_applicatie
from tests.conftest import problem

pytestmark = pytest.mark.django_db

URL = "/catalogus/api/v1/categorieen"


def get(headers=None):
    return Client(headers=headers or {}).get(URL)


def auth_problem(response, code):
    assert response.status_code == 401, response.content
    body = problem(response)
    assert body["code"] == code, body
    assert response["WWW-Authenticate"].startswith("Bearer")
    return body


@pytest.fixture
def lezer():
    return make_applicatie("lezer", client_id="lezer-app")


@pytest.fixture
def one_failure_window(settings):
    """Failures are counted per fixed window: a test counting them starts just after a window
    begins, so all its requests fall in that one window (time keeps running)."""
    window = settings.AUTH_FAILURE_WINDOW
    start = (int(time.time()) // window + 1) * window
    with time_machine.travel(datetime.datetime.fromtimestamp(start + 1, datetime.UTC), tick=True):
        yield


def test_valid_token(lezer):
    assert get(bearer("lezer-app")).status_code == 200


def test_missing_header():
    auth_problem(get(), "authorization-missing")


def test_not_a_bearer_token(lezer):
    auth_problem(get({"Authorization": "Basic abc"}), "authorization-invalid")


def test_undecodable_token():
    auth_problem(get({"Authorization": "Bearer dit-is-geen-jwt"}), "jwt-decode-error")


def test_missing_client_id():
    encoded = jwt.encode({"iat": int(time.time())}, SECRET, algorithm="HS256")
    auth_problem(get({"Authorization": f"Bearer {encoded}"}), "missing-client-identifier")


def test_unknown_client():
    auth_problem(get(bearer("bestaat-niet")), "invalid-client-identifier")


def test_inactive_client(lezer):
    lezer.actief = False
    lezer.save()
    auth_problem(get(bearer("lezer-app")), "invalid-client-identifier")


def test_bad_signature(lezer):
    auth_problem(
        get(bearer("lezer-app", secret="een-ander-geheim-van-voldoende-lengte-123")), "invalid-jwt-signature"
    )


def test_missing_iat(lezer):
    encoded = jwt.encode({"client_id": "lezer-app"}, SECRET, algorithm="HS256")
    auth_problem(get({"Authorization": f"Bearer {encoded}"}), "jwt-missing-iat-claim")


def test_expired_exp(lezer):
    auth_problem(get(bearer("lezer-app", exp=int(time.time()) - 300)), "jwt-expired")


def test_too_old_iat(lezer, settings):
    settings.JWT_MAX_AGE = 60
    settings.JWT_LEEWAY = 0
    encoded = jwt.encode({"client_id": "lezer-app", "iat": int(time.time()) - 120}, SECRET, algorithm="HS256")
    auth_problem(get({"Authorization": f"Bearer {encoded}"}), "jwt-expired")


def test_leeway_tolerates_small_clock_skew(lezer, settings):
    settings.JWT_LEEWAY = 30
    encoded = jwt.encode({"client_id": "lezer-app", "iat": int(time.time()) + 10}, SECRET, algorithm="HS256")
    assert get({"Authorization": f"Bearer {encoded}"}).status_code == 200


def test_iat_in_the_future(lezer, settings):
    settings.JWT_LEEWAY = 0
    encoded = jwt.encode({"client_id": "lezer-app", "iat": int(time.time()) + 600}, SECRET, algorithm="HS256")
    auth_problem(get({"Authorization": f"Bearer {encoded}"}), "jwt-iat-in-future")


def test_rotation_old_and_new_secret_are_both_valid(lezer):
    new_secret = "nieuw-geheim-na-rotatie-0123456789-abcdef"
    ApplicatieSecret.objects.create(applicatie=lezer, secret=new_secret)

    assert get(bearer("lezer-app")).status_code == 200
    assert get(bearer("lezer-app", secret=new_secret)).status_code == 200


def test_expired_secret_is_no_longer_valid(lezer):
    lezer.secrets.update(geldig_tot=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))

    auth_problem(get(bearer("lezer-app")), "invalid-jwt-signature")


def test_missing_scope_gives_403_autorisatie(lezer):
    response = Client(headers=bearer("lezer-app")).post(URL, {"naam": "x"}, content_type="application/json")

    assert response.status_code == 403
    assert problem(response)["code"] == "autorisatie"


def test_anonymous_catalogue_read_is_a_setting(settings):
    settings.CATALOGUS_ANONYMOUS_READ = True

    assert get().status_code == 200
    assert Client().post(URL, {"naam": "x"}, content_type="application/json").status_code == 401
    assert Client().get("/bestellingen/api/v1/organisaties").status_code == 401


def test_repeated_failures_are_rate_limited(one_failure_window, lezer, settings):
    settings.AUTH_MAX_FAILURES = 3
    wrong = bearer("lezer-app", secret="fout-geheim-van-voldoende-lengte-0123456789")
    for _ in range(3):
        assert get(wrong).status_code == 401

    blocked = get(wrong)
    also_blocked = get(bearer("lezer-app"))

    assert blocked.status_code == 429
    assert problem(blocked)["code"] == "throttled"
    assert int(blocked["Retry-After"]) >= 1
    assert also_blocked.status_code == 429
    assert get(bearer("test-broker-andere")).status_code == 401  # other client ids are not affected


def test_failures_from_one_source_do_not_lock_out_another(one_failure_window, lezer, settings):
    """Client ids are visible in audit trails: others sending bad tokens for one must not
    lock it out. A source that failed too often is refused for that client id, also with a
    correct token (otherwise the block would not stop it guessing); other sources are not."""
    settings.AUTH_MAX_FAILURES = 3
    wrong = bearer("lezer-app", secret="fout-geheim-van-voldoende-lengte-0123456789")
    for _ in range(4):
        Client(headers=wrong, REMOTE_ADDR="198.51.100.7").get(URL)

    assert Client(headers=wrong, REMOTE_ADDR="198.51.100.7").get(URL).status_code == 429
    assert Client(headers=bearer("lezer-app"), REMOTE_ADDR="198.51.100.7").get(URL).status_code == 429
    assert Client(headers=bearer("lezer-app"), REMOTE_ADDR="203.0.113.20").get(URL).status_code == 200
    auth_problem(Client(headers=wrong, REMOTE_ADDR="203.0.113.20").get(URL), "invalid-jwt-signature")


def test_a_correct_token_already_verified_is_not_refused_by_a_later_block(
    one_failure_window, lezer, settings, token_cache
):
    settings.AUTH_MAX_FAILURES = 3
    valid = bearer("lezer-app")
    assert Client(headers=valid, REMOTE_ADDR="198.51.100.7").get(URL).status_code == 200
    wrong = bearer("lezer-app", secret="fout-geheim-van-voldoende-lengte-0123456789")
    for _ in range(4):
        Client(headers=wrong, REMOTE_ADDR="198.51.100.7").get(URL)

    assert Client(headers=valid, REMOTE_ADDR="198.51.100.7").get(URL).status_code == 200


def test_the_source_behind_trusted_proxies_is_the_forwarded_address(one_failure_window, lezer, settings):
    settings.AUTH_MAX_FAILURES = 3
    settings.AUTH_TRUSTED_PROXIES = 1
    wrong = bearer("lezer-app", secret="fout-geheim-van-voldoende-lengte-0123456789")

    def via_ingress(headers, caller, claimed=""):
        forwarded = f"{claimed}, {caller}" if claimed else caller
        return Client(headers=headers, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded).get(URL)

    for _ in range(4):
        via_ingress(wrong, "198.51.100.7", claimed="203.0.113.20")  # what the caller claims is ignored

    assert via_ingress(wrong, "198.51.100.7").status_code == 429
    assert via_ingress(bearer("lezer-app"), "203.0.113.20").status_code == 200


@pytest.mark.parametrize("client_id", ["lezer\x00app", "x" * 1_000_000, "a\u00e9\n"])
def test_a_client_id_no_client_can_have_is_401_not_a_server_error(lezer, client_id):
    # Such a claim is never looked up (PostgreSQL text holds no NUL); its failure still counts.
    encoded = jwt.encode({"client_id": client_id, "iat": int(time.time())}, SECRET, algorithm="HS256")
    auth_problem(get({"Authorization": f"Bearer {encoded}"}), "invalid-client-identifier")


@pytest.mark.parametrize("forwarded", ["198.51.100.7\x00", "\x00", "9" * 1_000_000])
def test_a_forwarded_address_with_nul_or_too_long_is_counted_without_a_server_error(
    one_failure_window, lezer, settings, forwarded
):
    settings.AUTH_TRUSTED_PROXIES = 1
    settings.AUTH_MAX_FAILURES = 2
    wrong = bearer("lezer-app", secret="fout-geheim-van-voldoende-lengte-0123456789")
    for _ in range(2):
        response = Client(headers=wrong, HTTP_X_FORWARDED_FOR=forwarded).get(URL)
        auth_problem(response, "invalid-jwt-signature")
    assert Client(headers=wrong, HTTP_X_FORWARDED_FOR=forwarded).get(URL).status_code == 429


def test_without_trusted_proxies_a_forwarded_header_is_ignored(lezer, settings):
    from softwarebroker.core.network import source_of

    settings.AUTH_TRUSTED_PROXIES = 0
    meta = {"REMOTE_ADDR": "198.51.100.7", "HTTP_X_FORWARDED_FOR": "203.0.113.20"}
    assert source_of(meta) == "198.51.100.7"
    settings.AUTH_TRUSTED_PROXIES = 2
    meta = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 198.51.100.7, 10.0.0.9"}
    assert source_of(meta) == "198.51.100.7"


def test_demo_secrets_are_refused_in_production(settings):
    from softwarebroker.autorisaties.demo_secrets import demo_secret

    make_applicatie("lezer", client_id="proefdorp-lezer", secret=demo_secret("proefdorp-lezer"))
    demo = bearer("proefdorp-lezer", secret=demo_secret("proefdorp-lezer"))
    assert get(demo).status_code == 200

    settings.REFUSE_DEMO_SECRETS = True
    auth_problem(get(demo), "invalid-jwt-signature")


def test_a_secret_of_the_demo_form_is_refused_in_production_whatever_the_client(settings):
    from softwarebroker.autorisaties.demo_secrets import demo_secret

    make_applicatie("lezer", client_id="hernoemde-demo-client", secret=demo_secret("hernoemde-demo-client"))
    settings.REFUSE_DEMO_SECRETS = True

    auth_problem(
        get(bearer("hernoemde-demo-client", secret=demo_secret("hernoemde-demo-client"))),
        "invalid-jwt-signature",
    )


def test_secrets_are_encrypted_at_rest(lezer):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT secret FROM autorisaties_applicatiesecret WHERE applicatie_id = %s", [lezer.pk]
        )
        stored = cursor.fetchone()[0]

    assert SECRET not in stored
    assert ApplicatieSecret.objects.get(applicatie=lezer).secret == SECRET


def test_generate_jwt_prints_a_token_the_api_accepts(lezer, capsys):
    call_command("generate_jwt", "lezer-app", "--user-id", "piet@gemeente.nl")
    printed = capsys.readouterr().out.strip()

    payload = jwt.decode(printed, SECRET, algorithms=["HS256"])
    assert payload["client_id"] == "lezer-app"
    assert payload["user_id"] == "piet@gemeente.nl"
    assert get({"Authorization": f"Bearer {printed}"}).status_code == 200


def test_token_helper_roundtrip():
    assert jwt.decode(token("x"), SECRET, algorithms=["HS256"])["client_id"] == "x"


@pytest.fixture
def token_cache(settings):
    from softwarebroker.autorisaties.authentication import verified_tokens

    settings.AUTH_CACHE_SECONDS = 30
    verified_tokens.clear()
    yield verified_tokens
    verified_tokens.clear()


def test_a_verified_token_is_reused_without_queries(lezer, token_cache):
    headers = {"Authorization": f"Bearer {token('lezer-app')}"}
    with CaptureQueriesContext(connection) as first:
        assert get(headers).status_code == 200
    with CaptureQueriesContext(connection) as second:
        assert get(headers).status_code == 200
    # client, secrets and failure counter are read only for the first request
    assert len(first) - len(second) >= 2, (len(first), len(second))
    assert not any("autorisaties_" in query["sql"] for query in second.captured_queries)


def test_a_deactivated_client_is_refused_once_the_cache_period_ends(lezer, token_cache):
    headers = {"Authorization": f"Bearer {token('lezer-app')}"}
    with time_machine.travel(datetime.datetime.now(datetime.UTC), tick=False) as clock:
        assert get(headers).status_code == 200
        lezer.actief = False
        lezer.save()
        assert get(headers).status_code == 200  # still within AUTH_CACHE_SECONDS
        clock.shift(31)
        auth_problem(get(headers), "invalid-client-identifier")


def test_the_cache_never_outlives_the_token(lezer, token_cache, settings):
    settings.JWT_LEEWAY = 0
    now = int(time.time())
    headers = {"Authorization": f"Bearer {token('lezer-app', iat=now, exp=now + 5)}"}
    with time_machine.travel(datetime.datetime.fromtimestamp(now, datetime.UTC), tick=False) as clock:
        assert get(headers).status_code == 200
        clock.shift(6)
        auth_problem(get(headers), "jwt-expired")


def test_without_cache_every_request_checks_the_client(lezer, settings):
    settings.AUTH_CACHE_SECONDS = 0
    headers = {"Authorization": f"Bearer {token('lezer-app')}"}
    assert get(headers).status_code == 200
    lezer.actief = False
    lezer.save()
    auth_problem(get(headers), "invalid-client-identifier")


def test_failed_tokens_are_not_cached(lezer, token_cache):
    auth_problem(
        get(bearer("lezer-app", secret="fout-geheim-0123456789-0123456789")), "invalid-jwt-signature"
    )
    assert token_cache._entries == {}
