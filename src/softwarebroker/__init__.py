"""Open Softwarebroker: software catalogue and orders for Dutch municipalities."""

__version__ = "0.1.0"
