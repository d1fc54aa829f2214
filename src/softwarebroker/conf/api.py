"""REST framework and OpenAPI generation settings."""

from .environment import env

API_PAGE_SIZE = env("API_PAGE_SIZE")
API_MAX_PAGE_SIZE = env("API_MAX_PAGE_SIZE")
API_EXACT_COUNT_LIMIT = env("API_EXACT_COUNT_LIMIT")
EXPORT_XLSX_MAX_RIJEN = env("EXPORT_XLSX_MAX_RIJEN")
IDEMPOTENCY_KEY_HOURS = max(24, env("IDEMPOTENCY_KEY_HOURS"))

JWT_MAX_AGE = env("JWT_MAX_AGE")
JWT_LEEWAY = env("JWT_LEEWAY")
AUTH_CACHE_SECONDS = env("AUTH_CACHE_SECONDS")
AUTH_MAX_FAILURES = env("AUTH_MAX_FAILURES")
AUTH_FAILURE_WINDOW = env("AUTH_FAILURE_WINDOW")
AUTH_TRUSTED_PROXIES = env("AUTH_TRUSTED_PROXIES")
CATALOGUS_ANONYMOUS_READ = env("CATALOGUS_ANONYMOUS_READ")
SECRETS_ENCRYPTION_KEYS = env("SECRETS_ENCRYPTION_KEYS")

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["softwarebroker.api.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["softwarebroker.api.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["softwarebroker.autorisaties.authentication.JWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["softwarebroker.autorisaties.permissions.ScopePermission"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_PAGINATION_CLASS": "softwarebroker.api.pagination.PageNumberPagination",
    "DEFAULT_FILTER_BACKENDS": ["softwarebroker.api.filters.FilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "softwarebroker.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "softwarebroker.api.exceptions.exception_handler",
    "DATETIME_FORMAT": "%Y-%m-%dT%H:%M:%SZ",
    "COERCE_DECIMAL_TO_STRING": True,
    "URL_FORMAT_OVERRIDE": None,
    "FORMAT_SUFFIX_KWARG": None,
    "ORDERING_PARAM": "sorteer",
    "NON_FIELD_ERRORS_KEY": "nonFieldErrors",
}

# Shared by both APIs; what differs per API lives in softwarebroker.<api>.api.schema.
SPECTACULAR_SETTINGS = {
    "OAS_VERSION": "3.0.3",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "COMPONENT_SPLIT_PATCH": True,
    "ENUM_NAME_OVERRIDES": {
        "PublicatieStatusEnum": "softwarebroker.catalogus.constants.PublicatieStatus",
        "LeverancierStatusEnum": "softwarebroker.catalogus.models.leverancier.LeverancierStatus",
        "VersieStatusEnum": "softwarebroker.catalogus.constants.VersieStatus",
        "RaamovereenkomstStatusEnum": "softwarebroker.catalogus.constants.RaamovereenkomstStatus",
        "IndexeringMethodeEnum": "softwarebroker.catalogus.constants.Indexering",
        "BestellingStatusEnum": "softwarebroker.bestellingen.constants.BestellingStatus",
        "RegelStatusEnum": "softwarebroker.bestellingen.constants.RegelStatus",
        "AnnuleringStatusEnum": "softwarebroker.bestellingen.constants.AnnuleringStatus",
        "LicentieStatusEnum": "softwarebroker.bestellingen.constants.LicentieStatus",
        "LicentieBronEnum": "softwarebroker.bestellingen.constants.LicentieBron",
        "VraagbundelingStatusEnum": "softwarebroker.vraagbundelingen.constants.VraagbundelingStatus",
        "DeelnameStatusEnum": "softwarebroker.vraagbundelingen.constants.DeelnameStatus",
        "VraagbundelingOvergangEnum": "softwarebroker.vraagbundelingen.constants.VRAAGBUNDELING_OVERGANGEN",
        "DeelnameOvergangEnum": "softwarebroker.vraagbundelingen.constants.DEELNAME_OVERGANGEN",
        "GebruikStatusEnum": "softwarebroker.gebruik.constants.GebruikStatus",
        "AttentieRedenEnum": "softwarebroker.gebruik.constants.AttentieReden",
        # Two choice sets under one property name (softwareType): ours and the publiccode.yml one.
        "SoftwareTypeEnum": "softwarebroker.catalogus.constants.SoftwareType",
        "PubliccodeSoftwareTypeEnum": "softwarebroker.catalogus.publiccode.mapping.PUBLICCODE_SOFTWARE_TYPES",
        # Fields named `type`: one name in both documents, never a bare `TypeEnum`.
        "OrganisatieTypeEnum": "softwarebroker.organisaties.models.organisatie.OrganisatieType",
        "LeveringTypeEnum": "softwarebroker.bestellingen.constants.LeveringType",
        # The kinds of evidence: an offer's vereisteDocumenten and a declaration's type.
        "DocumentEnum": "softwarebroker.catalogus.constants.Document",
        "VerklaringStatusEnum": "softwarebroker.catalogus.constants.VerklaringStatus",
        "VertrouwelijkheidEnum": "softwarebroker.catalogus.constants.Vertrouwelijkheid",
        "VerklaringOvergangEnum": "softwarebroker.catalogus.api.serializers.verklaring.OVERGANGEN",
        # The groupings and bands of the price statistics (other reports group otherwise).
        "PrijsstatistiekGroeperingEnum": "softwarebroker.rapportages.prijsstatistieken.GROEPERINGEN",
        "VolumebandEnum": "softwarebroker.rapportages.prijsstatistieken.VOLUMEBAND_NAMEN",
        "UitgavenGroeperingEnum": "softwarebroker.rapportages.uitgaven.DIMENSIES",
    },
    "ENUM_GENERATE_CHOICE_DESCRIPTION": True,
    "SCHEMA_COERCE_PATH_PK_SUFFIX": False,
    "CAMELIZE_NAMES": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "softwarebroker.api.schema_hooks.postprocess_enums",
        "softwarebroker.api.schema_hooks.postprocess_conventions",
        "softwarebroker.api.schema_hooks.postprocess_examples",
    ],
    "CONTACT": {
        "name": "Open Softwarebroker",
        "url": "https://github.com/open-softwarebroker/open-softwarebroker",
        "email": "team@opensoftwarebroker.nl",
    },
    "LICENSE": {
        "name": "EUPL-1.2",
        "url": "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12",
    },
    "EXTERNAL_DOCS": {
        "description": "Documentatie van Open Softwarebroker",
        "url": "https://github.com/open-softwarebroker/open-softwarebroker/tree/main/docs",
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "DISABLE_ERRORS_AND_WARNINGS": False,
    # Each API's document is generated and validated on its own (make check-spec); the
    # deploy check would generate one document over both APIs, which is not a contract.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
}
