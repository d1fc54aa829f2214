"""The transitions the broker makes in the admin: actions that call the same service functions
as the API (``change_status``, ``decide_annuleringsverzoek``), one transaction per order.

Offered: every transition the state machine gives the broker through ``statuswijzigingen``
(a test keeps this list and the table in step), and the decision on a cancellation request.
The broker handles the supplier's steps of orders of a peer's offers (their supplier has no
client here) and settles orders that are stuck. A transition the service needs a toelichting
for asks for it on a confirmation page first; an empty one is refused by the service, with
its message, like an API request without one.
"""

from __future__ import annotations

from django import forms
from django.contrib.admin import helpers
from django.template.response import TemplateResponse

from softwarebroker.audit.admin import service_action
from softwarebroker.core import errors

from .. import services, statemachine
from ..constants import AnnuleringStatus
from ..constants import BestellingStatus as S
from ..models import Annuleringsverzoek

# The confirmation page sends this back, with the toelichting.
CONFIRMED = "bevestigd"
TEMPLATE = "admin/bestellingen/bestelling/toelichting.html"

# What each transition of the broker is called in the admin.
LABELS = {
    S.GEACCEPTEERD: "Accepteren (namens de leverancier)",
    S.GEWEIGERD: "Weigeren (namens de leverancier)",
    S.IN_BEHANDELING: "In behandeling nemen",
    S.WACHT_OP_AFNEMER: "Vraag stellen aan de afnemer (wacht op afnemer)",
    S.GELEVERD: "Afronden als geleverd",
    S.DEELS_GELEVERD: "Afronden als deels geleverd",
    S.MISLUKT: "Afronden als mislukt",
}
EXPLANATIONS = {
    S.GEWEIGERD: "De toelichting is de reden van de weigering.",
    S.WACHT_OP_AFNEMER: "De toelichting is de vraag: de afnemer krijgt haar als bericht.",
    S.MISLUKT: "De toelichting zegt waarom de levering mislukte.",
}


def broker_transitions() -> dict[str, bool]:
    """Each state the broker can move an order to through ``statuswijzigingen``, with whether
    the transition needs a toelichting, in the order of the state machine's table."""
    naar: dict[str, bool] = {}
    for transition in statemachine.TRANSITIONS:
        if statemachine.BROKER in transition.partijen and transition.via == statemachine.STATUSWIJZIGING:
            naar[transition.naar] = naar.get(transition.naar, False) or transition.toelichting_required
    return naar


class ToelichtingForm(forms.Form):
    # Not required here: the service refuses an empty one with the same message as the API.
    toelichting = forms.CharField(
        label="Toelichting", widget=forms.Textarea(attrs={"rows": 5}), required=False
    )


def _ask_toelichting(modeladmin, request, queryset, name: str, label: str, explanation: str):
    """The confirmation page: the selected orders and a toelichting; sending it runs the action."""
    request.current_app = modeladmin.admin_site.name
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": label,
        "subtitle": None,
        "explanation": explanation,
        "opts": modeladmin.model._meta,
        "queryset": queryset,
        "form": ToelichtingForm(),
        "action": name,
        "bevestigd": CONFIRMED,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "media": modeladmin.media,
    }
    return TemplateResponse(request, TEMPLATE, context)


def transition_action(name: str, label: str, change, *, toelichting: bool = False, explanation: str = ""):
    """An action applying ``change(acting, bestelling, toelichting)`` (a service call) to each
    selected order through ``service_action``; with ``toelichting``, the confirmation page
    asks for one first. Runnable by who may change orders (the permission change_bestelling)."""

    def action(modeladmin, request, queryset):
        if toelichting and CONFIRMED not in request.POST:
            return _ask_toelichting(modeladmin, request, queryset, name, label, explanation)
        text = request.POST.get("toelichting", "") if toelichting else ""
        apply = service_action(name, label, lambda acting, bestelling: change(acting, bestelling, text))
        return apply(modeladmin, request, queryset)

    action.__name__ = name
    action.short_description = label
    action.allowed_permissions = ("transition",)
    return action


def naar_status_action(naar: str, toelichting: bool):
    def change(acting, bestelling, text):
        services.change_status(acting=acting, bestelling=bestelling, naar=naar, toelichting=text)

    return transition_action(
        f"naar_{naar}", LABELS[naar], change, toelichting=toelichting, explanation=EXPLANATIONS.get(naar, "")
    )


def _laatste_annuleringsverzoek(bestelling) -> Annuleringsverzoek:
    # The service decides whether it is still open; without any request there is nothing to
    # decide (the API has no such request to address either).
    verzoek = bestelling.annuleringsverzoeken.order_by("-tijdstip", "-id").first()
    if verzoek is None:
        raise errors.Conflict("Deze bestelling heeft geen annuleringsverzoek.", code="status")
    return verzoek


def annulering_action(status: str, label: str, *, toelichting: bool = False, explanation: str = ""):
    def change(acting, bestelling, text):
        services.decide_annuleringsverzoek(
            acting=acting,
            annuleringsverzoek=_laatste_annuleringsverzoek(bestelling),
            status=status,
            toelichting=text,
        )

    return transition_action(
        f"annulering_{status}", label, change, toelichting=toelichting, explanation=explanation
    )


ACTIONS = [
    *(naar_status_action(naar, toelichting) for naar, toelichting in broker_transitions().items()),
    annulering_action(AnnuleringStatus.UITGEVOERD, "Annuleringsverzoek uitvoeren (geannuleerd)"),
    annulering_action(
        AnnuleringStatus.AFGEWEZEN,
        "Annuleringsverzoek afwijzen (terug naar de vorige status)",
        toelichting=True,
        explanation="De toelichting zegt de afnemer waarom de bestelling niet wordt geannuleerd.",
    ),
]
