"""The task queue's jobs in the admin, with the overdue notifications one filter away."""

from django.contrib import admin
from procrastinate.contrib.django.admin import ProcrastinateJobAdmin
from procrastinate.contrib.django.models import ProcrastinateJob

from .overdue import overdue_jobs


class TeLaatFilter(admin.SimpleListFilter):
    """Notifications not delivered within NOTIFICATIONS_ALERT_MINUTES (todo, doing or failed)."""

    title = "te laat"
    parameter_name = "te_laat"

    def lookups(self, request, model_admin):
        return [("ja", "Notificaties te laat")]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.filter(pk__in=overdue_jobs().values("pk"))
        return queryset


class JobAdmin(ProcrastinateJobAdmin):
    """procrastinate's own admin (read-only, with its retry, cancel and abort actions) and the
    filter *Te laat*."""

    list_filter = [TeLaatFilter, *ProcrastinateJobAdmin.list_filter]


admin.site.unregister(ProcrastinateJob)
admin.site.register(ProcrastinateJob, JobAdmin)
