"""Demo software products: open-source ones that exist, commercial ones that are fictional."""

from .commercieel import COMMERCIELE_PAKKETTEN
from .open_source import OPEN_SOURCE_PAKKETTEN

# Each GEMMA reference component is referenced by its page: BASE + name (spaces as "_").
GEMMA_REFERENTIECOMPONENT_BASIS = "https://www.gemmaonline.nl/index.php/GEMMA/Referentiecomponent/"

SOFTWAREPAKKETTEN = OPEN_SOURCE_PAKKETTEN + COMMERCIELE_PAKKETTEN
