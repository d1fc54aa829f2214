"""Demo offers and their prices (all fictional)."""

from .commercieel import AANBIEDINGEN_COMMERCIEEL
from .open_source import AANBIEDINGEN_OPEN_SOURCE

AANBIEDINGEN = AANBIEDINGEN_COMMERCIEEL + AANBIEDINGEN_OPEN_SOURCE
