"""What the read-only admin pages share."""

from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shows, never writes: no add, change or delete (and so no list actions). Domain data
    changes through its services only; a page of this kind only shows it."""

    def get_readonly_fields(self, request, obj=None):
        return flatten_fieldsets(self.get_fieldsets(request, obj))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
