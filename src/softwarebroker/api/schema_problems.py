"""The problem+json schemas of the contract (RFC 9457, as the NL API Design Rules and the ZGW
standards describe them), added to both documents by :mod:`.schema_hooks`."""

from __future__ import annotations


def problem_schemas() -> dict:
    """The components of every error answer: ``Fout``, ``ValidatieFout`` (400, with every invalid
    field), ``ConflictFout`` (409) and ``FieldValidationError``."""
    fout = {
        "type": "object",
        "description": "Foutbericht volgens RFC 9457 (Problem Details), in de vorm van ZGW en Haal Centraal.",
        "properties": {
            "type": {"type": "string", "format": "uri", "description": "URI die het soort fout aanduidt."},
            "code": {"type": "string", "description": "Systeemcode van het soort fout."},
            "title": {"type": "string", "description": "Korte omschrijving van het soort fout."},
            "status": {"type": "integer", "description": "De HTTP-statuscode."},
            "detail": {"type": "string", "description": "Uitleg over deze specifieke fout."},
            "instance": {
                "type": "string",
                "format": "uri",
                "description": "Kenmerk van deze fout; ook terug te vinden in de logs.",
            },
        },
        "required": ["type", "code", "title", "status", "detail", "instance"],
    }
    invalid_param = {
        "type": "object",
        "description": "Een ongeldig veld of een ongeldige parameter.",
        "properties": {
            "name": {
                "type": "string",
                "description": "Naam van het veld; geneste velden met punten (`regels.0.aantal`).",
            },
            "code": {"type": "string", "description": "Systeemcode van de fout."},
            "reason": {"type": "string", "description": "Uitleg in het Nederlands."},
        },
        "required": ["name", "code", "reason"],
    }
    validatie_fout = {
        "type": "object",
        "description": "Foutbericht bij ongeldige invoer, met alle ongeldige velden tegelijk.",
        "properties": {
            **fout["properties"],
            "invalidParams": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/FieldValidationError"},
            },
        },
        "required": [*fout["required"], "invalidParams"],
    }
    # A conflict names each of its causes where it has several at once (409
    # `verklaring_ontbreekt`: every missing declaration of every order line); else the list is
    # empty, so the shape of every 409 is the same.
    conflict_fout = {
        "type": "object",
        "description": "Foutbericht bij een conflict met de huidige toestand; heeft het conflict meer "
        "oorzaken tegelijk, dan staat elk in `invalidParams` (anders is die lijst leeg).",
        "properties": {
            **fout["properties"],
            "invalidParams": {
                "type": "array",
                "description": "Elke oorzaak: het veld (`regels.0.aanbieding`), de code en wat ontbreekt.",
                "items": {"$ref": "#/components/schemas/FieldValidationError"},
            },
        },
        "required": [*fout["required"], "invalidParams"],
    }
    fout["example"] = {
        "type": "urn:opensoftwarebroker:fout:not_found",
        "code": "not_found",
        "title": "Niet gevonden.",
        "status": 404,
        "detail": "Het gevraagde object bestaat niet.",
        "instance": "urn:uuid:9b0e6c1d-2f3a-4b5c-8d7e-6f5a4b3c2d1e",
    }
    validatie_fout["example"] = {
        "type": "urn:opensoftwarebroker:fout:invalid",
        "code": "invalid",
        "title": "Ongeldige aanvraag.",
        "status": 400,
        "detail": "Eén of meer velden of parameters zijn ongeldig.",
        "instance": "urn:uuid:3f2b8c1e-7a4d-4e5f-9b6a-1c2d3e4f5a6b",
        "invalidParams": [
            {
                "name": "regels.0.aantal",
                "code": "minimale_afname",
                "reason": "Deze aanbieding vraagt om minstens 10.",
            },
            {
                "name": "regels.0.bestelparameters.contactpersoonEmail",
                "code": "required",
                "reason": "Dit gegeven is verplicht.",
            },
            {
                "name": "regels.0.bestelparameters.omgeving",
                "code": "enum",
                "reason": 'Kies uit: "productie", "acceptatie", "test".',
            },
        ],
    }
    conflict_fout["example"] = {
        "type": "urn:opensoftwarebroker:fout:verklaring_ontbreekt",
        "code": "verklaring_ontbreekt",
        "title": "Conflict.",
        "status": 409,
        "detail": "Indienen kan niet: voor elk vereist document is een geldige, goedgekeurde verklaring "
        "nodig. Ontbreekt: regels.0.aanbieding: DPIA, Exitplan.",
        "instance": "urn:uuid:0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f",
        "invalidParams": [
            {
                "name": "regels.0.aanbieding",
                "code": "verklaring_ontbreekt",
                "reason": "Geen geldige, goedgekeurde verklaring van het type 'dpia' (DPIA).",
            },
            {
                "name": "regels.0.aanbieding",
                "code": "verklaring_ontbreekt",
                "reason": "Geen geldige, goedgekeurde verklaring van het type 'exitplan' (Exitplan).",
            },
        ],
    }
    return {
        "Fout": fout,
        "ValidatieFout": validatie_fout,
        "ConflictFout": conflict_fout,
        "FieldValidationError": invalid_param,
    }
