"""A kanaal whose kenmerken are computed by the app that declares it.

notifications-api-common's ``Kanaal`` reads each kenmerk as an attribute of the main
object; ours are often URLs or OINs of related objects, so each kenmerk comes with the
function that computes it. The outbox asks the kanaal (``get_kenmerken``); the
documentation (``docs/notificaties.md``) is generated from the same declaration.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from notifications_api_common.kanalen import Kanaal


@dataclass(frozen=True)
class Kenmerk:
    """``compute``: the value from the main object; None for a kenmerk of some events only,
    which the service gives when it publishes such an event (and the others leave out)."""

    compute: Callable[[object], object] | None
    help_text: str


class ResourceKanaal(Kanaal):
    def __init__(self, label: str, *, main_resource, kenmerken: dict[str, Kenmerk]):
        self.computed = kenmerken
        super().__init__(
            label,
            main_resource=main_resource,
            kenmerken=tuple(kenmerken),
            extra_kwargs={name: {"help_text": kenmerk.help_text} for name, kenmerk in kenmerken.items()},
        )

    def get_field(self, model, field_name: str):
        # A kenmerk of some events only is no field of the main resource (its help text is ours).
        kenmerk = self.computed.get(field_name)
        if kenmerk is not None and kenmerk.compute is None:
            return None
        return super().get_field(model, field_name)

    def get_kenmerken(self, obj, data=None, request=None) -> dict:
        computed = self.computed.items()
        return {name: kenmerk.compute(obj) for name, kenmerk in computed if kenmerk.compute is not None}
