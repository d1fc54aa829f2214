from django.contrib import admin
from django.db import transaction

from softwarebroker.autorisaties.context import Acting

from . import services
from .models import AuditTrail


@admin.register(AuditTrail)
class AuditTrailAdmin(admin.ModelAdmin):
    """Read only: entries can never be added, changed or deleted (also not by superusers)."""

    list_display = (
        "aanmaakdatum",
        "bron",
        "actie",
        "resource",
        "resource_weergave",
        "applicatie_id",
        "gebruikers_id",
    )
    list_filter = ("bron", "actie", "resource")
    search_fields = ("resource_weergave", "applicatie_id", "gebruikers_id", "hoofd_object_uuid")
    date_hierarchy = "aanmaakdatum"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _admin_acting(request) -> Acting:
    user = request.user
    return Acting(
        applicatie=None,
        roles=frozenset(),
        scopes=frozenset(),
        user_id=user.get_username(),
        user_representation=user.get_full_name() or user.get_username(),
    )


class AuditedAdminMixin:
    """Admin changes of tenant data are recorded in the audit trail, like API writes.

    ``api_viewset`` is the resource's API viewset: it provides the representation,
    the URL and whose data the object is.
    """

    api_viewset = None

    def _representation(self, request, obj) -> dict:
        serializer_class = self.api_viewset.serializer_class
        return dict(serializer_class(obj, context={"request": request}).data)

    def _record(self, request, obj, *, actie, resultaat, oud, nieuw, tenant):
        meta = self.api_viewset.serializer_class.Meta
        url = (nieuw or oud)["url"]
        services.record(
            bron="admin",
            acting=_admin_acting(request),
            headers={"X-Audit-Toelichting": f"Via de beheeromgeving ({meta.api.title})"},
            actie=actie,
            resultaat=resultaat,
            hoofd_object=url,
            hoofd_object_uuid=obj.uuid,
            resource=meta.model._meta.model_name,
            resource_url=url,
            resource_weergave=str(obj),
            oud=oud,
            nieuw=nieuw,
            **tenant,
        )

    def _tenant(self, obj) -> dict:
        return self.api_viewset.tenant_ids_of(obj)

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            oud = self._representation(request, type(obj).objects.get(pk=obj.pk)) if change else None
            super().save_model(request, obj, form, change)
            self._pending = (oud, change)

    def save_related(self, request, form, formsets, change):
        with transaction.atomic():
            super().save_related(request, form, formsets, change)
            oud, change = self._pending
            obj = form.instance
            self._record(
                request,
                obj,
                actie="update" if change else "create",
                resultaat=200 if change else 201,
                oud=oud,
                nieuw=self._representation(request, obj),
                tenant=self._tenant(obj),
            )

    def delete_queryset(self, request, queryset):
        # The bulk "delete selected" action: one audited delete per object.
        for obj in queryset:
            self.delete_model(request, obj)

    def delete_model(self, request, obj):
        with transaction.atomic():
            oud = self._representation(request, obj)
            tenant = self._tenant(obj)
            super().delete_model(request, obj)
            self._record(request, obj, actie="destroy", resultaat=204, oud=oud, nieuw=None, tenant=tenant)
