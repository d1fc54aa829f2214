"""The README's order, from search to approval, through clients generated from the OpenAPI documents.

Generate the clients first (`make check-clients` writes them to .cache/clients/), then, with
`make run` running, in a second terminal:

    export INKOPER_TOKEN=$(make -s token CLIENT_ID=voorbeeldstad-afnemer USER_ID=inkoper@voorbeeldstad.nl)
    export BUDGETHOUDER_TOKEN=$(make -s token CLIENT_ID=voorbeeldstad-budgethouder \
        USER_ID=budgethouder@voorbeeldstad.nl)
    PYTHONPATH=.cache/clients .venv/bin/python docs/examples/order_flow.py --base http://127.0.0.1:8000

Gemeente Voorbeeldstad searches the catalogue for the SaaS zaaksysteem, reads the offer with its
prices, orders 10 users, submits the order for approval, and its budget holder approves it (the
order is then `ingediend` at the supplier). Then it lists its orders page by page and reads two
problems: an order the server refuses (400, every invalid field) and a transition that is not
possible (409). The order's URL is the last line printed; any other answer than the one the
document promises ends the program with exit status 1.

`make check-clients` type-checks this program with `mypy --strict` against the generated
clients, and it may not use `cast`, `Any` or `type: ignore`: what it reads, it reads with the
types the documents give.
"""

from __future__ import annotations

import argparse
import os
import sys
import uuid
from collections.abc import Iterator

import httpx
from bestellingen_client import AuthenticatedClient as BestellingenClient
from bestellingen_client import errors as bestellingen_errors
from bestellingen_client.api.bestellingen import (
    bestellingen_beoordelingen_create,
    bestellingen_create,
    bestellingen_list,
    bestellingen_retrieve,
    bestellingen_statuswijzigingen_create,
)
from bestellingen_client.api.organisaties import organisaties_list
from bestellingen_client.models import (
    Beoordeling,
    BeoordelingRequest,
    BesluitEnum,
    Bestelling,
    BestellingRequest,
    BestellingStatusEnum,
    BestelregelRequest,
    ConflictFout,
    PaginatedBestellingList,
    PaginatedOrganisatieList,
    Statuswijziging,
    StatuswijzigingRequest,
    ValidatieFout,
)
from catalogus_client import AuthenticatedClient as CatalogusClient
from catalogus_client import errors as catalogus_errors
from catalogus_client.api.aanbiedingen import aanbiedingen_list, aanbiedingen_retrieve
from catalogus_client.models import Aanbieding, PaginatedAanbiedingList

OFFER = "Zaaksysteem SaaS per gebruiker"
MUNICIPALITY = "Voorbeeldstad"
PAGE_SIZE = 2
TIMEOUT = httpx.Timeout(30.0)


class UnexpectedAnswer(Exception):
    """The API answered something else than the step needs."""


def expect[T](answer: object, kind: type[T], step: str) -> T:
    """The answer of a step as the type it must be; a problem or anything else stops the flow."""
    if isinstance(answer, kind):
        return answer
    raise UnexpectedAnswer(f"{step}: expected {kind.__name__}, got {answer!r}")


def uuid_of(url: str) -> uuid.UUID:
    """The identifier at the end of a resource URL (the generated functions take path parameters)."""
    return uuid.UUID(url.rstrip("/").rsplit("/", 1)[-1])


def search_offer(catalogus: CatalogusClient) -> Aanbieding:
    answer = aanbiedingen_list.sync(client=catalogus, naam=OFFER)
    page = expect(answer, PaginatedAanbiedingList, "search the catalogue")
    if not page.results:
        raise UnexpectedAnswer(f"search the catalogue: no offer named {OFFER!r}")
    return page.results[0]


def read_offer(catalogus: CatalogusClient, url: str) -> Aanbieding:
    aanbieding = expect(
        aanbiedingen_retrieve.sync(uuid_of(url), client=catalogus), Aanbieding, "read the offer"
    )
    print(f"{aanbieding.naam}: {aanbieding.licentiemodel.value}, {aanbieding.leveringsvorm.value}")
    for prijs in aanbieding.actuele_prijzen:
        periode = f" per {prijs.periode.value}" if prijs.periode is not None else ""
        bedrag = f"{prijs.bedrag_excl_btw} euro excl. btw{periode}"
        print(f"  {prijs.prijstype.value} {prijs.grondslag.value}: {bedrag} ({prijs.doelgroep.value})")
    return aanbieding


def municipality(bestellingen: BestellingenClient) -> str:
    answer = organisaties_list.sync(client=bestellingen, naam=MUNICIPALITY)
    page = expect(answer, PaginatedOrganisatieList, "find the municipality")
    if not page.results:
        raise UnexpectedAnswer(f"find the municipality: no organisation named {MUNICIPALITY!r}")
    return page.results[0].url


def create_order(bestellingen: BestellingenClient, besteller: str, aanbieding: Aanbieding) -> Bestelling:
    regel = BestelregelRequest(
        aanbieding=aanbieding.url,
        aantal=10,
        bestelparameters={"omgeving": "productie", "contactpersoonEmail": "beheer@voorbeeldstad.nl"},
    )
    body = BestellingRequest(besteller=besteller, kostenplaats="ICT-2026", regels=[regel])
    answer = bestellingen_create.sync(client=bestellingen, body=body, idempotency_key=str(uuid.uuid4()))
    bestelling = expect(answer, Bestelling, "create the order")
    eenmalig, per_jaar = bestelling.totaal_eenmalig_excl_btw, bestelling.totaal_per_jaar_excl_btw
    print(
        f"order {bestelling.nummer} ({bestelling.status.value}): {eenmalig} euro once "
        f"and {per_jaar} euro a year excl. btw"
    )
    return bestelling


def submit(bestellingen: BestellingenClient, bestelling: Bestelling) -> Statuswijziging:
    body = StatuswijzigingRequest(naar_status=BestellingStatusEnum.TER_GOEDKEURING)
    answer = bestellingen_statuswijzigingen_create.sync(
        uuid_of(bestelling.url), client=bestellingen, body=body, idempotency_key=str(uuid.uuid4())
    )
    wijziging = expect(answer, Statuswijziging, "submit the order")
    print(f"submitted: {wijziging.van_status.value} -> {wijziging.naar_status.value}")
    return wijziging


def approve(bestellingen: BestellingenClient, bestelling: Bestelling) -> Beoordeling:
    body = BeoordelingRequest(besluit=BesluitEnum.GOEDGEKEURD, toelichting="Past in de begroting.")
    answer = bestellingen_beoordelingen_create.sync(
        uuid_of(bestelling.url), client=bestellingen, body=body, idempotency_key=str(uuid.uuid4())
    )
    beoordeling = expect(answer, Beoordeling, "approve the order")
    print(f"approved by {beoordeling.beoordelaar_weergave}: {beoordeling.besluit.value}")
    return beoordeling


def orders_of(bestellingen: BestellingenClient, besteller: str) -> Iterator[Bestelling]:
    """Every order of the organisation, page by page until there is no next page."""
    page_number = 1
    while True:
        answer = bestellingen_list.sync(
            client=bestellingen, besteller=besteller, page=page_number, page_size=PAGE_SIZE
        )
        page = expect(answer, PaginatedBestellingList, f"list the orders, page {page_number}")
        yield from page.results
        if page.next_ is None:
            return
        page_number += 1


def refused_order(bestellingen: BestellingenClient, besteller: str, aanbieding: Aanbieding) -> ValidatieFout:
    """An order for 0 users without its order parameters: 400, with every invalid field."""
    body = BestellingRequest(
        besteller=besteller, regels=[BestelregelRequest(aanbieding=aanbieding.url, aantal=0)]
    )
    response = bestellingen_create.sync_detailed(
        client=bestellingen, body=body, idempotency_key=str(uuid.uuid4())
    )
    fout = expect(response.parsed, ValidatieFout, "order 0 users")
    print(f"refused ({response.status_code.value} {fout.code}): {fout.title}")
    for param in fout.invalid_params:
        print(f"  {param.name} ({param.code}): {param.reason}")
    return fout


def impossible_transition(bestellingen: BestellingenClient, bestelling: Bestelling) -> ConflictFout:
    """Submitting an order that is no longer a concept: 409, with the possible transitions."""
    body = StatuswijzigingRequest(naar_status=BestellingStatusEnum.TER_GOEDKEURING)
    response = bestellingen_statuswijzigingen_create.sync_detailed(
        uuid_of(bestelling.url), client=bestellingen, body=body, idempotency_key=str(uuid.uuid4())
    )
    fout = expect(response.parsed, ConflictFout, "submit the order again")
    print(f"not possible ({response.status_code.value} {fout.code}): {fout.detail}")
    return fout


def order_flow(
    catalogus: CatalogusClient, inkoper: BestellingenClient, budgethouder: BestellingenClient
) -> str:
    gevonden = search_offer(catalogus)
    aanbieding = read_offer(catalogus, gevonden.url)
    besteller = municipality(inkoper)

    bestelling = create_order(inkoper, besteller, aanbieding)
    submit(inkoper, bestelling)
    approve(budgethouder, bestelling)
    bestelling = expect(
        bestellingen_retrieve.sync(uuid_of(bestelling.url), client=inkoper), Bestelling, "read the order"
    )
    if bestelling.status is not BestellingStatusEnum.INGEDIEND:
        raise UnexpectedAnswer(f"read the order: status {bestelling.status.value}, expected ingediend")

    urls = [order.url for order in orders_of(inkoper, besteller)]
    if bestelling.url not in urls:
        raise UnexpectedAnswer(f"list the orders: {bestelling.url} is not among the {len(urls)} orders")
    print(f"{len(urls)} orders of {MUNICIPALITY}, {PAGE_SIZE} a page")

    refused_order(inkoper, besteller, aanbieding)
    impossible_transition(inkoper, bestelling)
    return bestelling.url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--base", default=os.environ.get("BASE", "http://127.0.0.1:8000"))
    parser.add_argument("--catalogus", help="the Catalogus API's base URL (default: BASE/catalogus/api/v1)")
    parser.add_argument(
        "--bestellingen", help="the Bestellingen API's base URL (default: BASE/bestellingen/api/v1)"
    )
    parser.add_argument("--inkoper-token", default=os.environ.get("INKOPER_TOKEN"))
    parser.add_argument("--budgethouder-token", default=os.environ.get("BUDGETHOUDER_TOKEN"))
    args = parser.parse_args(argv)
    if not args.inkoper_token or not args.budgethouder_token:
        parser.error("set INKOPER_TOKEN and BUDGETHOUDER_TOKEN (or --inkoper-token, --budgethouder-token)")
    base = str(args.base).rstrip("/")
    catalogus_url = str(args.catalogus or f"{base}/catalogus/api/v1")
    bestellingen_url = str(args.bestellingen or f"{base}/bestellingen/api/v1")
    inkoper_token, budgethouder_token = str(args.inkoper_token), str(args.budgethouder_token)

    # An answer the document does not declare raises errors.UnexpectedStatus.
    with (
        CatalogusClient(
            base_url=catalogus_url, token=inkoper_token, timeout=TIMEOUT, raise_on_unexpected_status=True
        ) as catalogus,
        BestellingenClient(
            base_url=bestellingen_url, token=inkoper_token, timeout=TIMEOUT, raise_on_unexpected_status=True
        ) as inkoper,
        BestellingenClient(
            base_url=bestellingen_url,
            token=budgethouder_token,
            timeout=TIMEOUT,
            raise_on_unexpected_status=True,
        ) as budgethouder,
    ):
        try:
            url = order_flow(catalogus, inkoper, budgethouder)
        except (
            UnexpectedAnswer,
            catalogus_errors.UnexpectedStatus,
            bestellingen_errors.UnexpectedStatus,
        ) as error:
            print(error, file=sys.stderr)
            return 1
    print(url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
