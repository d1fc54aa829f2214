"""Every admin of a domain model writes through the services: an add, a change and a delete
each leave exactly one audit entry, and the admin refuses what the API refuses, with the same
code and message.

The form data is what the admin's own form renders for an existing object (so the test follows
the admin's fields), with the fields a case names changed.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field

import pytest
from django.contrib import admin
from django.db.models import Model

from softwarebroker.api.resources import is_registered, url_of
from softwarebroker.audit.admin import ServiceAdmin
from softwarebroker.audit.models import AuditTrail
from softwarebroker.catalogus.models import (
    Aanbieding,
    Categorie,
    Leverancier,
    Raamovereenkomst,
    Softwarepakket,
)
from softwarebroker.organisaties.models import Organisatie
from tests.catalogus.factories import (
    AanbiedingFactory,
    CategorieFactory,
    LeverancierFactory,
    RaamovereenkomstFactory,
    SoftwarepakketFactory,
)
from tests.conftest import invalid_param, problem
from tests.organisaties.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db
DOMAIN_APPS = ("organisaties", "catalogus", "bestellingen", "vraagbundelingen", "gebruik")


@dataclass
class Case:
    factory: object
    # Values that make a copy of the object a new, valid one (unique keys).
    new: dict
    # A change the API refuses: the admin's field values, the same change in the API's words,
    # and the API field (camelCase) at fault.
    refused: dict = field(default_factory=dict)
    api_refused: dict = field(default_factory=dict)
    refused_field: str = ""
    factory_kwargs: dict = field(default_factory=dict)


CASES: dict[type[Model], Case] = {
    Categorie: Case(CategorieFactory, {"naam": "Nieuwe categorie"}),
    Leverancier: Case(
        LeverancierFactory,
        {"naam": "Nieuwe leverancier B.V.", "kvk_nummer": "87654321"},
        refused={"status": "aangemeld"},
        api_refused={"status": "aangemeld"},
        refused_field="status",
    ),
    Softwarepakket: Case(
        SoftwarepakketFactory,
        {"naam": "Nieuw pakket"},
        refused={"licentie": "Geen-Licentie-1.0"},
        api_refused={"licentie": "Geen-Licentie-1.0"},
        refused_field="licentie",
        factory_kwargs={"status": "concept"},
    ),
    Aanbieding: Case(
        AanbiedingFactory,
        {"naam": "Nieuwe aanbieding"},
        refused={"geldig_tot": "2000-01-01"},
        api_refused={"geldigTot": "2000-01-01"},
        refused_field="geldigTot",
        factory_kwargs={"status": "concept"},
    ),
    Raamovereenkomst: Case(
        RaamovereenkomstFactory,
        {"naam": "Nieuwe raamovereenkomst", "kenmerk": "NIEUW-1"},
        refused={"einddatum": "2000-01-01"},
        api_refused={"einddatum": "2000-01-01"},
        refused_field="einddatum",
    ),
    Organisatie: Case(
        OrganisatieFactory,
        {"naam": "Nieuwe gemeente", "oin": "00000001999999999000"},
        refused={"type": "provincie", "gemeentecode": "0999"},
        api_refused={"type": "provincie", "gemeentecode": "0999"},
        refused_field="gemeentecode",
    ),
}


def _admin_url(model, suffix: str) -> str:
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/{suffix}"


def _value(value):
    if isinstance(value, Model):
        return str(value.pk)
    if isinstance(value, (list, tuple)):
        return [_value(item) for item in value]
    if isinstance(value, (dict,)):
        return json.dumps(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return "" if value is None else value


def _form_data(admin_client, model, obj) -> dict:
    """What the change form of ``obj`` would post, inline management forms included."""
    response = admin_client.get(_admin_url(model, f"{obj.pk}/change/"))
    assert response.status_code == 200
    data = {}
    for bound in response.context["adminform"].form:
        value = _value(bound.value())
        if value is False:
            continue
        data[bound.html_name] = "on" if value is True else value
    for inline in response.context["inline_admin_formsets"]:
        for bound in inline.formset.management_form:
            data[bound.html_name] = bound.value()
    return data


def _entries() -> int:
    return AuditTrail.objects.filter(bron="admin").count()


def test_every_domain_admin_writes_through_the_services(rf, admin_user):
    """An admin of a domain model either writes through the services (and has a case here)
    or writes nothing at all (read only; its actions call services)."""
    request = rf.get("/admin/")
    request.user = admin_user
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in DOMAIN_APPS:
            continue
        if isinstance(model_admin, ServiceAdmin):
            assert model in CASES, f"{model.__name__}: add a case to this test"
        else:
            writes = (
                model_admin.has_add_permission(request),
                model_admin.has_change_permission(request),
                model_admin.has_delete_permission(request),
            )
            assert writes == (False, False, False), f"{model.__name__} is written around the services"
    for model in CASES:
        assert isinstance(admin.site._registry[model], ServiceAdmin), model


@pytest.mark.parametrize("model", list(CASES), ids=lambda model: model.__name__)
def test_add_change_and_delete_each_write_one_audit_entry(admin_client, model):
    case = CASES[model]
    original = case.factory(**case.factory_kwargs)

    # add: a copy with new unique values
    data = {**_form_data(admin_client, model, original), **case.new}
    before = _entries()
    response = admin_client.post(_admin_url(model, "add/"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    created = model.objects.exclude(pk=original.pk).get(**case.new)
    assert _entries() == before + 1
    entry = AuditTrail.objects.filter(bron="admin").latest("id")
    assert (entry.actie, entry.resource, entry.gebruikers_id) == ("create", model._meta.model_name, "admin")
    assert (
        entry.hoofd_object == url_of(created) and entry.oud is None and entry.nieuw["url"] == url_of(created)
    )

    # change: the name
    data = {**_form_data(admin_client, model, created), "naam": "Andere naam"}
    response = admin_client.post(_admin_url(model, f"{created.pk}/change/"), data)
    assert response.status_code == 302
    assert _entries() == before + 2
    entry = AuditTrail.objects.filter(bron="admin").latest("id")
    assert entry.actie == "update"
    assert (entry.oud["naam"], entry.nieuw["naam"]) == (case.new["naam"], "Andere naam")

    # delete
    response = admin_client.post(_admin_url(model, f"{created.pk}/delete/"), {"post": "yes"})
    assert response.status_code == 302
    assert not model.objects.filter(pk=created.pk).exists()
    assert _entries() == before + 3
    entry = AuditTrail.objects.filter(bron="admin").latest("id")
    assert (entry.actie, entry.nieuw, entry.oud["naam"]) == ("destroy", None, "Andere naam")


REFUSED = [model for model, case in CASES.items() if case.refused]


@pytest.mark.parametrize("model", REFUSED, ids=lambda model: model.__name__)
def test_the_admin_refuses_what_the_api_refuses_with_the_same_code_and_message(admin_client, client, model):
    case = CASES[model]
    obj = case.factory(**case.factory_kwargs)
    assert is_registered(model)

    api_response = client.patch(
        url_of(obj),
        case.api_refused,
        content_type="application/json",
    )
    assert api_response.status_code == 400
    expected = invalid_param(problem(api_response), case.refused_field)

    data = {**_form_data(admin_client, model, obj), **case.refused}
    before = _entries()
    response = admin_client.post(_admin_url(model, f"{obj.pk}/change/"), data)

    assert response.status_code == 200  # the form again, with the problem
    errors = response.context["adminform"].form.errors.as_data()
    shown = [
        (error.code, message)
        for errors_ in errors.values()
        for error in errors_
        for message in error.messages
    ]
    assert (expected["code"], expected["reason"]) in shown, shown
    assert _entries() == before


def test_the_declaration_review_in_the_admin_writes_through_the_service(admin_client):
    """The review queue is read only; its actions call review_verklaring: one entry for a
    review, none for a refusal, which shows the service's own message."""
    from django.contrib.messages import get_messages

    from softwarebroker.catalogus.models import Verklaring
    from softwarebroker.catalogus.verklaringen import services
    from softwarebroker.core import errors
    from tests.verklaringen.support import BROKER, leverancier_acting

    model_admin = admin.site._registry[Verklaring]
    assert not isinstance(model_admin, ServiceAdmin)
    aanbieding = AanbiedingFactory()
    eigenaar = leverancier_acting(aanbieding.leverancier)
    verklaring = services.create_verklaring(
        acting=eigenaar,
        onderwerp=aanbieding,
        type="dpia",
        geldig_vanaf=datetime.date(2026, 1, 1),
        bewijs_url="https://leverancier.example/dpia.pdf",
    )
    with pytest.raises(errors.Conflict) as refused:  # a concept is not reviewed, by anyone
        services.review_verklaring(acting=BROKER, verklaring=verklaring, besluit="goedgekeurd")
    before = _entries()

    response = admin_client.post(
        _admin_url(Verklaring, "?status=alle"), {"action": "goedkeuren", "_selected_action": [verklaring.pk]}
    )
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"Niet gewijzigd: {verklaring}: {refused.value.message}"
    ]
    assert _entries() == before

    services.submit_verklaring(acting=eigenaar, verklaring=verklaring)
    admin_client.post(
        _admin_url(Verklaring, ""), {"action": "goedkeuren", "_selected_action": [verklaring.pk]}
    )
    verklaring.refresh_from_db()
    assert verklaring.status == "goedgekeurd"
    assert _entries() == before + 1
    entry = AuditTrail.objects.filter(bron="admin").latest("id")
    assert (entry.actie, entry.hoofd_object) == ("update", url_of(verklaring))
