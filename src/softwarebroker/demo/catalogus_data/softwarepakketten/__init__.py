"""Demo software products: open-source ones that exist, commercial ones that are fictional."""

from .commercieel import COMMERCIELE_PAKKETTEN
from .open_source import OPEN_SOURCE_PAKKETTEN

# Packages name their GEMMA reference components by the names in the demo's register
# (catalogus_data/gemma_referentiecomponenten.csv); loading turns them into the register's URIs.
SOFTWAREPAKKETTEN = OPEN_SOURCE_PAKKETTEN + COMMERCIELE_PAKKETTEN
