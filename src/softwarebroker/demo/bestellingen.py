"""Demo orders: for Voorbeeldstad and Proefdorp at the demo supplier, one in every state.

Every order is made and moved through the same services the API uses, by the demo API
clients (as their people), so the history, totals and licences are what the API would have
produced. Loading twice changes nothing: a demo order is known by its inkoopordernummer.
(Demo orders have no audit trail entries: those hold absolute URLs, which only exist in a
request.)
"""

from __future__ import annotations

from dataclasses import replace

from softwarebroker.autorisaties.context import Acting
from softwarebroker.autorisaties.models import Applicatie
from softwarebroker.bestellingen import services
from softwarebroker.bestellingen.models import Bestelling
from softwarebroker.catalogus.models import Aanbieding

PER_GEBRUIKER = "Voorbeeld Zaaksysteem SaaS per gebruiker"
AFSPRAKEN = "Voorbeeld Afsprakenplanner abonnement"
ON_PREMISES = "Voorbeeld Zaaksysteem on-premises"

# (gemeente, target state, lines as (offer, quantity)); the walk to each state is below.
BESTELLINGEN = [
    ("voorbeeldstad", "concept", [(PER_GEBRUIKER, 15)]),
    ("voorbeeldstad", "ter_goedkeuring", [(PER_GEBRUIKER, 12)]),
    ("voorbeeldstad", "ingediend", [(AFSPRAKEN, 1)]),
    ("voorbeeldstad", "geaccepteerd", [(PER_GEBRUIKER, 12)]),
    ("voorbeeldstad", "in_behandeling", [(AFSPRAKEN, 1)]),
    ("voorbeeldstad", "wacht_op_afnemer", [(PER_GEBRUIKER, 11)]),
    ("voorbeeldstad", "geleverd", [(PER_GEBRUIKER, 10)]),
    ("voorbeeldstad", "annulering_beoordelen", [(AFSPRAKEN, 1)]),
    ("proefdorp", "concept", [(AFSPRAKEN, 1)]),
    ("proefdorp", "afgewezen", [(AFSPRAKEN, 1)]),
    ("proefdorp", "ingetrokken", [(AFSPRAKEN, 1)]),
    ("proefdorp", "geweigerd", [(AFSPRAKEN, 1)]),
    ("proefdorp", "deels_geleverd", [(AFSPRAKEN, 1), (AFSPRAKEN, 1)]),
    ("proefdorp", "mislukt", [(AFSPRAKEN, 1)]),
    ("proefdorp", "geannuleerd", [(AFSPRAKEN, 1)]),
    ("proefdorp", "geleverd", [(AFSPRAKEN, 1)]),
]

PEOPLE = {
    "voorbeeldstad-afnemer": ("inkoper@voorbeeldstad.nl", "I. Koper"),
    "voorbeeldstad-budgethouder": ("budgethouder@voorbeeldstad.nl", "B. Houder"),
    "proefdorp-afnemer": ("inkoper@proefdorp.nl", "K. Oper"),
    "proefdorp-budgethouder": ("budgethouder@proefdorp.nl", "P. Budget"),
    "leverancier-demo": ("orders@voorbeeldsoftware.example", "Orderdesk Voorbeeld Software"),
}
PARAMETERS = {
    PER_GEBRUIKER: {"omgeving": "productie", "contactpersoonEmail": "functioneel.beheer@gemeente.example"}
}


def acting_as(client_id: str) -> Acting:
    """The demo client as a person of its organisation; the audit trail names the demo as source."""
    user_id, naam = PEOPLE[client_id]
    applicatie = Applicatie.objects.select_related("organisatie", "leverancier").get(client_id=client_id)
    return replace(
        Acting.for_applicatie(applicatie, user_id=user_id, user_representation=naam), channel="demo"
    )


def _walk(bestelling: Bestelling, target: str, afnemer, budgethouder, leverancier) -> None:
    def move_to(party, naar, toelichting=""):
        services.change_status(acting=party, bestelling=bestelling, naar=naar, toelichting=toelichting)

    if target == "concept":
        return
    move_to(afnemer, "ter_goedkeuring")
    if target == "ter_goedkeuring":
        return
    if target == "afgewezen":
        services.create_beoordeling(
            acting=budgethouder,
            bestelling=bestelling,
            besluit="afgewezen",
            toelichting="Geen budget dit jaar.",
        )
        return
    services.create_beoordeling(
        acting=budgethouder, bestelling=bestelling, besluit="goedgekeurd", toelichting="Past in de begroting."
    )
    if target == "ingediend":
        return
    if target == "ingetrokken":
        move_to(afnemer, "ingetrokken", "Toch via de bestaande overeenkomst.")
        return
    if target == "geweigerd":
        move_to(leverancier, "geweigerd", "Dit pakket leveren wij niet meer aan nieuwe klanten.")
        return
    move_to(leverancier, "geaccepteerd")
    if target == "geaccepteerd":
        return
    if target in ("annulering_beoordelen", "geannuleerd"):
        verzoek = services.create_annuleringsverzoek(
            acting=afnemer, bestelling=bestelling, reden="Het project is uitgesteld."
        )
        if target == "geannuleerd":
            services.decide_annuleringsverzoek(
                acting=leverancier,
                annuleringsverzoek=verzoek,
                status="uitgevoerd",
                toelichting="Geen kosten.",
            )
        return
    move_to(leverancier, "in_behandeling")
    if target == "in_behandeling":
        return
    if target == "wacht_op_afnemer":
        move_to(leverancier, "wacht_op_afnemer", "Welk subdomein wilt u voor de productieomgeving?")
        return
    if target == "mislukt":
        move_to(leverancier, "mislukt", "De koppeling met het datacenter van de gemeente lukte niet.")
        return
    regels = list(bestelling.regels.all())
    geleverd = regels if target == "geleverd" else regels[:1]
    for regel in geleverd:
        services.create_levering(
            acting=leverancier,
            bestelling=bestelling,
            regel=regel,
            type="saas_omgeving" if regel.aanbieding.leveringsvorm == "saas" else "licentiesleutel",
            verwijzing=f"https://{bestelling.besteller.naam.split()[-1].lower()}.voorbeeldsoftware.example",
            geheim=f"DEMO-{bestelling.nummer}-{regel.volgnummer}",
        )
    move_to(leverancier, target)


def load_bestellingen_demo() -> int:
    aanbiedingen = {
        aanbieding.naam: aanbieding
        for aanbieding in Aanbieding.objects.filter(naam__in=[PER_GEBRUIKER, AFSPRAKEN, ON_PREMISES])
    }
    leverancier = acting_as("leverancier-demo")
    created = 0
    for gemeente, target, regels in BESTELLINGEN:
        kenmerk = f"DEMO-{gemeente}-{target}"
        if Bestelling.objects.filter(inkoopordernummer=kenmerk).exists():
            continue
        afnemer, budgethouder = acting_as(f"{gemeente}-afnemer"), acting_as(f"{gemeente}-budgethouder")
        bestelling = services.create_bestelling(
            acting=afnemer,
            besteller=afnemer.organisatie,
            regels=[
                {
                    "aanbieding": aanbiedingen[naam],
                    "aantal": aantal,
                    "bestelparameters": PARAMETERS.get(naam, {}),
                }
                for naam, aantal in regels
            ],
            kostenplaats="ICT-DEMO",
            inkoopordernummer=kenmerk,
        )
        _walk(bestelling, target, afnemer, budgethouder, leverancier)
        created += 1
    return created
