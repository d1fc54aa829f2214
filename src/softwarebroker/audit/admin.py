from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.http import HttpResponseRedirect

from softwarebroker.api.serializers import to_snake_case
from softwarebroker.autorisaties.context import Acting
from softwarebroker.core.errors import DomainError
from softwarebroker.core.writes import resulting_values

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


def admin_acting(request) -> Acting:
    """The administrator of this request, as who acts in the services and the audit trail."""
    return Acting.for_admin(request.user, toelichting="Via de beheeromgeving")


def _message(error: DomainError) -> str:
    return "; ".join(problem.message for problem in error.problems) or error.message


def _model_values(form, skip=()) -> dict:
    """The form's values of the model's own fields and many-to-many fields."""
    opts = form._meta.model._meta
    names = {field.name for field in opts.concrete_fields} | {field.name for field in opts.many_to_many}
    return {name: value for name, value in form.cleaned_data.items() if name in names and name not in skip}


def with_rule(form_class, rule):
    """The form, showing the service's rule problems next to their fields before saving."""
    model = form_class._meta.model

    class RuleForm(form_class):
        def clean(self):
            cleaned = super().clean()
            instance = model.objects.filter(pk=self.instance.pk).first() if self.instance.pk else None
            values = resulting_values(instance or model(), cleaned)
            for name, code, message in rule(values, instance):
                field = to_snake_case(name.split(".")[0])
                self.add_error(
                    field if field in self.fields else None, forms.ValidationError(message, code=code)
                )
            return cleaned

    return RuleForm


class ServiceWrites:
    """Which service functions write a model: ``create(acting=, **fields)``,
    ``update(acting=, <argument>=obj, **changes)`` and ``delete(acting=, <argument>=obj)``;
    ``parent``: for an inline, the keyword naming the object it belongs to."""

    create = None
    update = None
    delete = None
    argument = ""
    parent = ""
    rule = None

    def service_create(self, request, parent=None, **fields):
        if self.parent and parent is not None:
            fields[self.parent] = parent
        return type(self).create(acting=admin_acting(request), **fields)

    def service_update(self, request, obj, **changes):
        return type(self).update(acting=admin_acting(request), **{self.argument: obj}, **changes)

    def service_delete(self, request, obj) -> None:
        type(self).delete(acting=admin_acting(request), **{self.argument: obj})


class ServiceInline(ServiceWrites):
    """An inline whose rows are written by the services (mix in before the Django inline)."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if self.rule is not None:
            formset.form = with_rule(formset.form, type(self).rule)
        return formset


class ServiceAdmin(ServiceWrites, admin.ModelAdmin):
    """A ModelAdmin that writes only through the app's service functions, which check the
    same rules as for the API, record the audit entry (``bron`` admin) and publish the event.

    A refusal that only the service can see (a state, a race) is shown as a message and
    nothing is saved; the rules are also shown on the form, next to their fields.
    """

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return with_rule(form, type(self).rule) if self.rule is not None else form

    def save_model(self, request, obj, form, change):
        values = _model_values(form)
        saved = (
            self.service_update(request, obj, **values) if change else self.service_create(request, **values)
        )
        obj.pk = saved.pk  # the admin's log entry and redirect use the object it was given
        form.instance = saved

    def save_related(self, request, form, formsets, change):
        # Many-to-many values went to the service with the object; inline rows go one by one.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request, form, formset, change):
        inline = next(
            (
                candidate
                for candidate in self.get_inline_instances(request)
                if candidate.model is formset.model
            ),
            None,
        )
        if not isinstance(inline, ServiceWrites):
            return super().save_formset(request, form, formset, change)
        foreign_key = formset.fk.name
        # The admin's change message reads these three lists.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for deleted in formset.deleted_forms:
            if deleted.instance.pk:
                inline.service_delete(request, deleted.instance)
                formset.deleted_objects.append(deleted.instance)
        for row in formset.forms:
            if not row.has_changed() or row in formset.deleted_forms:
                continue
            values = _model_values(row, skip=(foreign_key, "id"))
            if row.instance.pk:
                formset.changed_objects.append(
                    (inline.service_update(request, row.instance, **values), row.changed_data)
                )
            else:
                formset.new_objects.append(inline.service_create(request, parent=form.instance, **values))
        return None

    def delete_model(self, request, obj):
        self.service_delete(request, obj)

    def delete_queryset(self, request, queryset):
        # The bulk "delete selected" action: one service call (and audit entry) per object.
        for obj in queryset:
            with transaction.atomic():
                self.delete_model(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except DomainError as error:
            self.message_user(request, f"Niet opgeslagen: {_message(error)}", messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except DomainError as error:
            self.message_user(request, f"Niet verwijderd: {_message(error)}", messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def changelist_view(self, request, extra_context=None):
        try:
            return super().changelist_view(request, extra_context)
        except DomainError as error:
            self.message_user(request, f"Niet gewijzigd: {_message(error)}", messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


def service_action(name: str, label: str, change):
    """An admin action applying ``change(acting, obj)`` (a service call) to each selected
    object, each in its own transaction; refusals are listed as messages."""

    def action(modeladmin, request, queryset):
        done, refused = 0, []
        for obj in queryset:
            try:
                with transaction.atomic():
                    change(admin_acting(request), obj)
                done += 1
            except DomainError as error:
                refused.append(f"{obj}: {_message(error)}")
        if done:
            modeladmin.message_user(request, f"{label}: {done} object(en) gewijzigd.", messages.SUCCESS)
        for line in refused:
            modeladmin.message_user(request, f"Niet gewijzigd: {line}", messages.ERROR)

    action.short_description = label
    action.__name__ = name
    return action
