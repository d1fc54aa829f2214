"""publiccode.yml (https://yml.publiccode.tools) export and import of software packages.

This package is the single place of the mapping and of the import rule, so the API and the
``import_publiccode`` management command behave identically: ``mapping`` says which keys and
values correspond, ``exporting`` writes a document, ``parsing`` reads and checks one
(``checker`` collects its problems) and ``importing`` stores it through the catalogue services.
"""

from .exporting import PubliccodeNotExportable, dump_publiccode, export_publiccode
from .importing import import_publiccode, import_publiccode_document
from .parsing import ParsedPubliccode, PubliccodeInvalid, load_publiccode, parse_publiccode, read_publiccode

__all__ = [
    "ParsedPubliccode",
    "PubliccodeInvalid",
    "PubliccodeNotExportable",
    "dump_publiccode",
    "export_publiccode",
    "import_publiccode",
    "import_publiccode_document",
    "load_publiccode",
    "parse_publiccode",
    "read_publiccode",
]
