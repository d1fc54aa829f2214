"""The demo catalogue's data, one module per resource; ``demo/catalogus.py`` loads it.

The open-source products exist and are described briefly from their public documentation;
their version numbers and dates are illustrative. Every supplier, every commercial product,
every offer and its prices, and the framework agreement are fictional (domains under the
reserved ``.example`` top-level domain).
"""

# The day the framework agreement and the offers take effect.
START = "2026-01-01"
