"""A small, realistic demo data set for local use. Loading it twice changes nothing."""

CATEGORIEEN = [
    # (naam, bovenliggende categorie, omschrijving)
    ("Zaakgericht werken", None, "Software voor het behandelen van zaken en documenten."),
    ("Zaaksystemen", "Zaakgericht werken", "Registratie en afhandeling van zaken."),
    ("Documentbeheer", "Zaakgericht werken", "Documentregistratie en archivering."),
    ("Dienstverlening", None, "Contact met inwoners en ondernemers."),
    ("Klantcontactsystemen", "Dienstverlening", "Klantcontactcentrum en omnichannel."),
    ("E-formulieren", "Dienstverlening", "Digitale aanvragen en meldingen."),
    ("Bedrijfsvoering", None, "Financiën, HR en inkoop."),
    ("Financiële systemen", "Bedrijfsvoering", "Begroting, boekhouding en facturatie."),
    ("Kantoorautomatisering", "Bedrijfsvoering", "Werkplek, samenwerking en communicatie."),
]

ORGANISATIES = [
    # (oin, naam, type, gemeentecode, inwonertal)
    ("00000001001589623000", "Gemeente Voorbeeldstad", "gemeente", "0999", 87500),
    ("00000001002564440000", "Gemeente Proefdorp", "gemeente", "0998", 23400),
    ("00000001003214345000", "Gemeente Testmeer", "gemeente", "0997", 41200),
    ("00000003273229000000", "Samenwerking Noorderkwartier", "samenwerkingsverband", "", None),
    # Voorbeeldstad's comparable municipalities (demo.vergelijkingsgroep).
    ("00000001004211870000", "Gemeente Zonnedal", "gemeente", "0990", 64300),
    ("00000001004533920000", "Gemeente Bloemveen", "gemeente", "0991", 71800),
    ("00000001004879310000", "Gemeente Havenmond", "gemeente", "0992", 58200),
    ("00000001005102640000", "Gemeente Lindeloo", "gemeente", "0993", 92600),
    ("00000001005376150000", "Gemeente Wilgenburg", "gemeente", "0994", 80100),
]

DEELNEMERS = {
    "00000003273229000000": ["00000001002564440000", "00000001003214345000"],
}

LEVERANCIERS = [
    # (kvk-nummer, naam)
    ("12345678", "Voorbeeld Software B.V."),
]

# API clients for trying the APIs locally. Their secrets (autorisaties.demo_secrets) are
# public (README): production settings refuse tokens signed with them.
APPLICATIES = [
    # (client_id, label, organisatie-OIN or None, leverancier-KvK or None, roles)
    ("broker-demo", "Broker (demo)", None, None, ["broker"]),
    (
        "voorbeeldstad-afnemer",
        "Inkoopportaal Voorbeeldstad (demo)",
        "00000001001589623000",
        None,
        ["afnemer"],
    ),
    (
        "voorbeeldstad-budgethouder",
        "Budgethouders Voorbeeldstad (demo)",
        "00000001001589623000",
        None,
        ["budgethouder"],
    ),
    ("voorbeeldstad-lezer", "Catalogusviewer Voorbeeldstad (demo)", "00000001001589623000", None, ["lezer"]),
    ("proefdorp-afnemer", "Inkoopportaal Proefdorp (demo)", "00000001002564440000", None, ["afnemer"]),
    (
        "proefdorp-budgethouder",
        "Budgethouders Proefdorp (demo)",
        "00000001002564440000",
        None,
        ["budgethouder"],
    ),
    ("proefdorp-lezer", "Catalogusviewer Proefdorp (demo)", "00000001002564440000", None, ["lezer"]),
    ("leverancier-demo", "Ordersysteem Voorbeeld Software (demo)", None, "12345678", ["leverancier"]),
]


MANDATEN = [
    # (organisatie-OIN, user id, name, maximum amount)
    ("00000001001589623000", "budgethouder@voorbeeldstad.nl", "B. Houder", "250000.00"),
    ("00000001002564440000", "budgethouder@proefdorp.nl", "P. Budget", "10000.00"),
]
