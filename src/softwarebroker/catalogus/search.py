"""Full-text and typo-tolerant search over the catalogue (PostgreSQL).

Each searchable row keeps ``zoektekst`` (the names: product, supplier, categories; for
trigram similarity with a GIN ``gin_trgm_ops`` index, kept short so that search is fast) and
``zoekvector`` (Dutch full-text, weighted: names A, descriptions B, supplier and categories
C; GIN index). Both are refreshed in SQL by the services after every change, and in bulk
by the generators, so a search never computes them per row. The same refresh adds the words
of the names to ``Zoekwoord``, the vocabulary typos are corrected against.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import BooleanField, Case, ExpressionWrapper, F, Q, QuerySet, When
from django.db.models.functions import Lower

CONFIG = "dutch"
#: The longest search terms (``zoek``) a client may send.
MAX_TERMS_LENGTH = 200
#: The order of the results, as the contract describes it for ``zoek``.
ORDER_HELP = (
    "Zonder `sorteer` op relevantie: eerst wat de termen zelf vinden, dan wat ze vinden met een "
    "typfout verbeterd (een woord dat in geen naam voorkomt, ook als woord uit de namen met één "
    "letter verwisseld, weggelaten, toegevoegd of anders); alleen als geen van beide iets vindt, "
    "namen die op de termen lijken."
)

# Each refresh also adds the words of the refreshed names to the vocabulary (``Zoekwoord``) that
# typos are corrected against: letters only, 3 to 30 of them, as ``catalogus_zoekvraag_met_correcties``
# (migration 0009) reads the terms.
_WOORDEN_SQL = """
INSERT INTO catalogus_zoekwoord (woord)
SELECT DISTINCT woord.woord
FROM bijgewerkt, unnest(tsvector_to_array(to_tsvector('simple', bijgewerkt.zoektekst))) AS woord(woord)
WHERE woord.woord ~ '^[[:alpha:]]{3,30}$'
ON CONFLICT DO NOTHING
"""

_SOFTWAREPAKKET_SQL = """
WITH bijgewerkt AS (
UPDATE catalogus_softwarepakket AS p SET
    zoektekst = lower(concat_ws(' ', p.naam, l.naam, c.namen)),
    zoekvector =
        setweight(to_tsvector('dutch', p.naam), 'A')
        || setweight(to_tsvector('dutch', concat_ws(' ', p.korte_omschrijving, p.omschrijving)), 'B')
        || setweight(to_tsvector('dutch', concat_ws(' ', l.naam, c.namen)), 'C')
FROM catalogus_softwarepakket AS s
LEFT JOIN catalogus_leverancier AS l ON l.id = s.fabrikant_id
LEFT JOIN LATERAL (
    SELECT string_agg(k.naam, ' ') AS namen
    FROM catalogus_softwarepakket_categorieen AS pk
    JOIN catalogus_categorie AS k ON k.id = pk.categorie_id
    WHERE pk.softwarepakket_id = s.id
) AS c ON true
WHERE p.id = s.id {condition}
RETURNING p.zoektekst
)
"""

_AANBIEDING_SQL = """
WITH bijgewerkt AS (
UPDATE catalogus_aanbieding AS a SET
    zoektekst = lower(concat_ws(' ', a.naam, p.naam, l.naam, c.namen)),
    zoekvector =
        setweight(to_tsvector('dutch', concat_ws(' ', a.naam, p.naam)), 'A')
        || setweight(to_tsvector('dutch', concat_ws(' ', a.omschrijving, p.korte_omschrijving)), 'B')
        || setweight(to_tsvector('dutch', concat_ws(' ', l.naam, c.namen)), 'C')
FROM catalogus_aanbieding AS s
JOIN catalogus_softwarepakket AS p ON p.id = s.softwarepakket_id
JOIN catalogus_leverancier AS l ON l.id = s.leverancier_id
LEFT JOIN LATERAL (
    SELECT string_agg(k.naam, ' ') AS namen
    FROM catalogus_softwarepakket_categorieen AS pk
    JOIN catalogus_categorie AS k ON k.id = pk.categorie_id
    WHERE pk.softwarepakket_id = p.id
) AS c ON true
WHERE a.id = s.id {condition}
RETURNING a.zoektekst
)
"""


def _refresh(sql: str, column: str, ids) -> None:
    condition, params = "", []
    if ids is not None:
        ids = list(ids)
        if not ids:
            return
        condition, params = f"AND {column} = ANY(%s)", [ids]
    with connection.cursor() as cursor:
        cursor.execute(sql.replace("{condition}", condition) + _WOORDEN_SQL, params)


def refresh_softwarepakketten(ids=None) -> None:
    """Recompute the search columns of these packages (all when ``ids`` is None)."""
    _refresh(_SOFTWAREPAKKET_SQL, "s.id", ids)


def refresh_aanbiedingen(ids=None) -> None:
    _refresh(_AANBIEDING_SQL, "s.id", ids)


def refresh_aanbiedingen_of_softwarepakketten(softwarepakket_ids) -> None:
    from .models import Aanbieding

    refresh_aanbiedingen(
        Aanbieding.objects.filter(softwarepakket_id__in=softwarepakket_ids).values_list("id", flat=True)
    )


class ParsedOnce(SearchQuery):
    """A search query that PostgreSQL parses once per statement.

    As a scalar subquery it becomes an InitPlan. Without it, a prepared statement's generic
    plan (``DATABASE_PREPARED_STATEMENTS``) parses the terms again for every matching row
    it ranks: 16,000 matches took 42 instead of 29 ms per search.
    """

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = super().as_sql(compiler, connection, **extra_context)
        return f"(SELECT {sql})", params


class CorrectedQuery(SearchQuery):
    """A full-text query PostgreSQL has already built (its text form), read once per statement
    like :class:`ParsedOnce`."""

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[-1])
        return f"(SELECT {sql}::tsquery)", params


def corrected_query(terms: str) -> str | None:
    """The full-text query of ``terms`` with typos corrected against the vocabulary of names
    (``catalogus_zoekvraag_met_correcties``, migration 0009): the query of the terms in which
    each word that is in no name may also be a word of the names one edit away. It matches
    whatever the terms match, and more. None when no word needed or had a correction."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT catalogus_zoekvraag_met_correcties(%s)::text", [terms])
        return cursor.fetchone()[0]


def search(queryset: QuerySet, terms: str) -> QuerySet:
    """Rows matching ``terms`` by Dutch full text (stemmed), with typos corrected, best first.

    Full text comes first ("zaaksystemen" finds "zaaksysteem"), ordered by the weighted rank
    (names count most). Then the rows found only with a typo corrected ("zaaksytseem",
    "documnetbeheer": an unknown word may also be a word of the names one edit away), ordered
    by their rank with the corrections. Both are one full-text match on the GIN index of
    ``zoekvector``; the corrections come from a vocabulary lookup by key. Only when neither
    finds anything, trigram similarity on the names takes over (parts of words: "kantoorw"
    finds "Kantoorwolk"), ordered by how closely the name resembles the terms.

    Each path computes only its own score: a search matching many rows ranks them all, so the
    score must stay cheap (adding the trigram similarity to the full-text rank made a
    16,000-row match ten times slower; trigram candidates next to full text, an OR of both
    indexes, made counting that match 11 times slower).
    """
    query = ParsedOnce(terms, config=CONFIG, search_type="websearch")
    corrected = corrected_query(terms)
    if corrected is None:
        matches = queryset.filter(zoekvector=query).annotate(zoekscore=SearchRank(F("zoekvector"), query))
        ordering = ("-zoekscore", "pk")
    else:
        with_corrections = CorrectedQuery(corrected)
        exact = Q(zoekvector=query)
        matches = queryset.filter(zoekvector=with_corrections).annotate(
            zoekexact=ExpressionWrapper(exact, output_field=BooleanField()),
            zoekscore=Case(
                When(exact, then=SearchRank(F("zoekvector"), query)),
                default=SearchRank(F("zoekvector"), with_corrections),
            ),
        )
        ordering = ("-zoekexact", "-zoekscore", "pk")
    if not matches.exists():
        matches = queryset.filter(zoektekst__trigram_word_similar=terms.lower()).annotate(
            zoekscore=TrigramWordSimilarity(terms.lower(), Lower("naam"))
        )
        ordering = ("-zoekscore", "pk")
    return matches.order_by(*ordering)
