"""ZGW page-number pagination that stays fast on very large tables.

- ``page`` / ``pageSize`` query parameters, body ``{count, next, previous, results}``
  and an RFC 8288 ``Link`` header.
- One row more than the page is fetched to know whether a next page exists, so no
  count is needed for ``next``.
- ``count`` is exact when it can be derived from the page itself or when a bounded
  count stays under ``API_EXACT_COUNT_LIMIT``; above that it is PostgreSQL's planner
  estimate (``X-Aantal-Geschat: true``), never a full ``COUNT(*)``.
"""

from __future__ import annotations

import json
import re

from django.conf import settings
from django.db import connections
from rest_framework import pagination
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

ESTIMATE_HEADER = "X-Aantal-Geschat"
# Keeps OFFSET within PostgreSQL's bigint whatever a client asks for.
MAX_PAGE = 2**31 - 1
INTEGER_PATTERN = re.compile(r"-?[0-9]{1,12}", re.ASCII)


def _positive_int(request, name: str, default: int, maximum: int | None = None) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    # ASCII digits only, at most 12 of them: int() would also take "٣", " 3" or "1_000".
    if not INTEGER_PATTERN.fullmatch(raw):
        raise ValidationError({name: [_error("Geef een geheel getal op.", "integer")]})
    value = int(raw)
    if value < 1:
        raise ValidationError({name: [_error("De waarde moet minimaal 1 zijn.", "minimum")]})
    if maximum is not None and value > maximum:
        raise ValidationError({name: [_error(f"De waarde mag hoogstens {maximum} zijn.", "maximum")]})
    return value


def _error(message: str, code: str):
    from rest_framework.exceptions import ErrorDetail

    return ErrorDetail(message, code=code)


def estimated_count(queryset) -> int:
    """PostgreSQL's planner estimate of the number of rows a queryset returns."""
    query = queryset.order_by().query
    compiler = query.get_compiler(using=queryset.db)
    sql, params = compiler.as_sql()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


class PageNumberPagination(pagination.BasePagination):
    page_query_param = "page"
    page_size_query_param = "pageSize"

    def validate(self, request) -> None:
        """Parse ``page`` and ``pageSize``; 400 listing both when both are wrong."""
        errors = {}
        try:
            self.page_size = _positive_int(
                request, self.page_size_query_param, settings.API_PAGE_SIZE, settings.API_MAX_PAGE_SIZE
            )
        except ValidationError as error:
            errors.update(error.detail)
        try:
            self.page = _positive_int(request, self.page_query_param, 1, MAX_PAGE)
        except ValidationError as error:
            errors.update(error.detail)
        if errors:
            raise ValidationError(errors)

    def paginate_queryset(self, queryset, request, view=None, select=None):
        """The page's rows; ``select`` turns the queryset into what to read for them (e.g. a
        representation's columns), while counting uses the queryset itself."""
        self.request = request
        self.validate(request)
        offset = (self.page - 1) * self.page_size
        rows = self._page_rows(queryset, select, offset)
        self.has_next = len(rows) > self.page_size
        rows = rows[: self.page_size]
        if self.page > 1 and not rows:
            raise ValidationError({self.page_query_param: [_error("Deze pagina bestaat niet.", "page")]})
        self.count, self.count_is_estimate = self._count(queryset, offset, len(rows))
        return rows

    def _page_rows(self, queryset, select, offset: int) -> list:
        window = slice(offset, offset + self.page_size + 1)
        if select is None:
            return list(queryset[window])
        if not (queryset.query.annotations or queryset.query.distinct):
            return list(select(queryset)[window])
        # Ranked (search) or de-duplicated lists: find the page's keys first, on the table
        # alone, then read the representation of just those rows. Joining the representation's
        # tables before ranking would join every match, not only the page.
        keys = list(queryset.values_list("pk", flat=True)[window])
        rows = {row["pk"]: row for row in select(queryset.model._default_manager.filter(pk__in=keys))}
        return [rows[key] for key in keys]

    def _count(self, queryset, offset: int, on_page: int) -> tuple[int, bool]:
        if not self.has_next:
            return offset + on_page, False
        limit = settings.API_EXACT_COUNT_LIMIT
        # Only the keys: no ranking, no representation columns for counting.
        bounded = queryset.order_by().values("pk")[: limit + 1].count()
        if bounded <= limit:
            return bounded, False
        # A lower bound we know for sure; the planner may underestimate.
        return max(estimated_count(queryset), limit + 1, offset + on_page + 1), True

    def _page_url(self, page: int | None) -> str | None:
        if page is None:
            return None
        url = self.request.build_absolute_uri()
        if page == 1:
            return remove_query_param(url, self.page_query_param)
        return replace_query_param(url, self.page_query_param, page)

    def get_next_link(self):
        return self._page_url(self.page + 1) if self.has_next else None

    def get_previous_link(self):
        return self._page_url(self.page - 1) if self.page > 1 else None

    def _link_header(self) -> str:
        links = [(self._page_url(1), "first")]
        if self.page > 1:
            links.append((self.get_previous_link(), "prev"))
        if self.has_next:
            links.append((self.get_next_link(), "next"))
        if not self.count_is_estimate:
            last = max(1, -(-self.count // self.page_size))
            links.append((self._page_url(last), "last"))
        return ", ".join(f'<{url}>; rel="{rel}"' for url, rel in links)

    def get_paginated_response(self, data):
        headers = {"Link": self._link_header()}
        if self.count_is_estimate:
            headers[ESTIMATE_HEADER] = "true"
        return Response(
            {
                "count": self.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            },
            headers=headers,
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "properties": {
                "count": {
                    "type": "integer",
                    "description": "Het aantal resultaten: exact tot API_EXACT_COUNT_LIMIT, "
                    "daarboven een schatting (header X-Aantal-Geschat).",
                    "example": 123,
                },
                "next": {"type": "string", "format": "uri", "nullable": True},
                "previous": {"type": "string", "format": "uri", "nullable": True},
                "results": schema,
            },
            "required": ["count", "next", "previous", "results"],
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param,
                "in": "query",
                "required": False,
                "description": "Het paginanummer, beginnend bij 1.",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
            },
            {
                "name": self.page_size_query_param,
                "in": "query",
                "required": False,
                "description": f"Het aantal resultaten per pagina (standaard "
                f"{settings.API_PAGE_SIZE}, hoogstens {settings.API_MAX_PAGE_SIZE}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": settings.API_MAX_PAGE_SIZE},
            },
        ]
