"""Demo software products with the fields most of them share."""

EUPL = "EUPL-1.2"
PROPRIETARY = "LicenseRef-proprietary"
ZGW = "ZGW API's"


def open_source_pakket(naam, korte_omschrijving, omschrijving, **fields):
    """An open-source product: no manufacturer in the catalogue (a community maintains it)."""
    return {
        "naam": naam,
        "korte_omschrijving": korte_omschrijving,
        "omschrijving": omschrijving,
        "fabrikant": None,
        "open_source": True,
        "licentie": EUPL,
        "software_type": "standalone_web",
        "platforms": ["web", "linux"],
        "status": "gepubliceerd",
        **fields,
    }


def commercieel_pakket(naam, fabrikant, korte_omschrijving, omschrijving, **fields):
    return {
        "naam": naam,
        "korte_omschrijving": korte_omschrijving,
        "omschrijving": omschrijving,
        "fabrikant": fabrikant,
        "open_source": False,
        "licentie": PROPRIETARY,
        "software_type": "standalone_web",
        "platforms": ["web"],
        "status": "gepubliceerd",
        **fields,
    }
