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
]

DEELNEMERS = {
    "00000003273229000000": ["00000001002564440000", "00000001003214345000"],
}
