"""How publiccode.yml and Softwarepakket correspond (publiccode.yml <-> Softwarepakket):

- ``name`` <-> ``naam``; ``landingURL`` <-> ``website``.
- ``url`` <-> ``repository_url``. The schema requires ``url``: without a repository we export
  the website, else the documentation URL, else (when a request is given) the address the
  document is served from. Importing such a document stores that URL as ``repository_url``,
  because the import matches packages on it.
- ``platforms`` <-> ``platforms`` (values outside the standard's list are not exported).
- ``softwareType`` <-> ``software_type`` (see ``SOFTWARE_TYPES``).
- ``developmentStatus`` <-> ``status`` (see ``STATUS_EXPORT`` and ``STATUS_IMPORT``).
- ``legal.license`` <-> ``licentie``; ``open_source`` is derived from it on import. An empty
  ``licentie`` is exported as ``LicenseRef-unknown`` (the key is required) and imported back
  as empty.
- ``legal.mainCopyrightOwner`` / ``legal.repoOwner`` <-> ``fabrikant.naam``.
- ``description.<lang>.shortDescription`` / ``longDescription`` / ``documentation`` <->
  ``korte_omschrijving`` / ``omschrijving`` / ``documentatie_url``. We export Dutch (``nl``),
  the language of the catalogue.
- ``softwareVersion`` / ``releaseDate`` <-> the newest ``Softwarepakketversie``.

Not mapped: ``standaarden``, ``referentiecomponenten`` and ``categorieen``. The official
schema forbids additional keys everywhere (the only country section is Italy's ``IT``) and its
``categories`` are a fixed list unlike our category tree, so they cannot travel in a valid
document; an import leaves them untouched.
"""

from ..constants import PublicatieStatus, SoftwareType

PUBLICCODE_YML_VERSION = "0.4"
# The versions the official schema accepts.
SUPPORTED_VERSIONS = {"0", "0.2", "0.2.0", "0.2.1", "0.2.2", "0.3", "0.3.0", "0.4", "0.4.0", "0.5", "0.5.0"}
PLATFORMS = ("web", "windows", "mac", "linux", "ios", "android")
SOFTWARE_TYPES = {  # ours -> the standard's
    SoftwareType.STANDALONE_WEB: "standalone/web",
    SoftwareType.STANDALONE_BACKEND: "standalone/backend",
    SoftwareType.STANDALONE_DESKTOP: "standalone/desktop",
    SoftwareType.STANDALONE_MOBILE: "standalone/mobile",
    SoftwareType.STANDALONE_IOT: "standalone/iot",
    SoftwareType.STANDALONE_OTHER: "standalone/other",
    SoftwareType.ADDON: "addon",
    SoftwareType.LIBRARY: "library",
    SoftwareType.CONFIGURATION_FILES: "configurationFiles",
}
# The standard's software types, as the contract names them (PubliccodeSoftwareTypeEnum).
PUBLICCODE_SOFTWARE_TYPES = sorted(SOFTWARE_TYPES.values())
# Our "concept" means "not yet published in the catalogue", not the standard's "only an idea":
# the software exists, so it is exported as "development".
STATUS_EXPORT = {
    PublicatieStatus.CONCEPT: "development",
    PublicatieStatus.GEPUBLICEERD: "stable",
    PublicatieStatus.INGETROKKEN: "obsolete",
}
# Usable software (beta or stable) may be published; anything earlier stays a concept.
STATUS_IMPORT = {
    "concept": PublicatieStatus.CONCEPT,
    "development": PublicatieStatus.CONCEPT,
    "beta": PublicatieStatus.GEPUBLICEERD,
    "stable": PublicatieStatus.GEPUBLICEERD,
    "obsolete": PublicatieStatus.INGETROKKEN,
}
UNKNOWN_LICENSE = "LicenseRef-unknown"
# The schema's bounds for longDescription; we neither pad nor cut a description to fit.
LONG_DESCRIPTION_LENGTH = (150, 10000)
# Model field lengths, so a valid document always fits.
MAX_NAAM, MAX_KORTE_OMSCHRIJVING, MAX_URL, MAX_LICENTIE, MAX_VERSIE = 200, 150, 500, 200, 100
