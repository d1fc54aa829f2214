"""Declarations (verklaringen): compliance evidence of suppliers, packages, versions and offers.

- :mod:`.services`: the only writers (create, change, submit, review, the document), and
  :mod:`.services.verloop`, the nightly expiry and its notices;
- :mod:`.documenten`: what an uploaded document must be (a PDF, within the size limit, no
  scripts);
- :mod:`.geldig`: which approved declarations cover an offer on a day (inherited downward: the
  offer's own, its package's, its supplier's; the most specific one of each type).
"""
