"""JSON Schemas for the order parameters of demo offers, by the name offers refer to them with."""

_SCHEMA = "https://json-schema.org/draft/2020-12/schema"

BESTELPARAMETERS_SCHEMAS = {
    "saas_omgeving": {
        "$schema": _SCHEMA,
        "type": "object",
        "required": ["omgeving", "contactpersoonEmail"],
        "properties": {
            "omgeving": {"type": "string", "enum": ["productie", "acceptatie", "test"]},
            "subdomein": {"type": "string", "pattern": "^[a-z0-9-]{3,40}$"},
            "contactpersoonEmail": {"type": "string", "format": "email"},
        },
        "additionalProperties": False,
    },
    "migratie": {
        "$schema": _SCHEMA,
        "type": "object",
        "required": ["huidigSysteem"],
        "properties": {
            "huidigSysteem": {"type": "string", "minLength": 1, "maxLength": 200},
            "gewensteMigratiedatum": {"type": "string", "format": "date"},
            "aantalZaaktypen": {"type": "integer", "minimum": 0},
        },
        "additionalProperties": False,
    },
    "apparaten": {
        "$schema": _SCHEMA,
        "type": "object",
        "required": ["locaties"],
        "properties": {
            "locaties": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["naam", "aantalApparaten"],
                    "properties": {
                        "naam": {"type": "string", "minLength": 1},
                        "aantalApparaten": {"type": "integer", "minimum": 1},
                    },
                    "additionalProperties": False,
                },
            }
        },
        "additionalProperties": False,
    },
    "telefonie": {
        "$schema": _SCHEMA,
        "type": "object",
        "required": ["telefoonnummers"],
        "properties": {
            "telefoonnummers": {
                "type": "array",
                "minItems": 1,
                "uniqueItems": True,
                "items": {"type": "string", "pattern": "^\\+31[0-9]{9}$"},
            },
            "openingstijden": {"type": "string", "maxLength": 200},
        },
        "additionalProperties": False,
    },
    "kantoor": {
        "$schema": _SCHEMA,
        "type": "object",
        "required": ["domeinnaam", "beheerderEmail"],
        "properties": {
            "domeinnaam": {"type": "string", "format": "hostname"},
            "beheerderEmail": {"type": "string", "format": "email"},
            "taal": {"type": "string", "enum": ["nl", "en"], "default": "nl"},
        },
        "additionalProperties": False,
    },
}
