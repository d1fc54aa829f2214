"""Demo categories, added to the base tree of demo/data.py."""

# Added to the categories of demo/data.py: (naam, bovenliggende categorie, omschrijving).
EXTRA_CATEGORIEEN = [
    ("Procesautomatisering", "Zaakgericht werken", "Werkstromen, taken en bedrijfsregels."),
    ("Archivering", "Zaakgericht werken", "Duurzaam bewaren, vernietigen en overbrengen."),
    ("Burgerzaken", "Dienstverlening", "Basisregistratie personen, reisdocumenten en burgerlijke stand."),
    ("Websites en portalen", "Dienstverlening", "Gemeentelijke website en persoonlijke internetpagina."),
    ("Meldingen openbare ruimte", "Dienstverlening", "Meldingen over de buitenruimte."),
    ("Belastingen", "Bedrijfsvoering", "Heffen en invorderen van gemeentelijke belastingen."),
    ("Integratie", None, "Gegevensuitwisseling tussen componenten (Common Ground)."),
    ("Registraties", "Integratie", "Bronregistraties met een gestandaardiseerde API."),
    ("Berichtenverkeer", "Integratie", "Notificaties en berichten aan inwoners en systemen."),
]
