"""Who is acting: the API client, the party it acts for, its scopes and the person."""

from __future__ import annotations

from dataclasses import dataclass, field

from .scopes import CATALOGUS_LEZEN, Rol, scopes_for


@dataclass(frozen=True)
class Acting:
    applicatie: object | None
    roles: frozenset[str]
    scopes: frozenset[str]
    organisatie: object | None = None
    leverancier: object | None = None
    user_id: str = ""
    user_representation: str = ""
    headers: dict = field(default_factory=dict)

    @classmethod
    def for_applicatie(cls, applicatie, *, user_id: str = "", user_representation: str = "") -> Acting:
        roles = frozenset(applicatie.rollen)
        return cls(
            applicatie=applicatie,
            roles=roles,
            scopes=scopes_for(roles),
            organisatie=applicatie.organisatie,
            leverancier=applicatie.leverancier,
            user_id=user_id,
            user_representation=user_representation,
        )

    @classmethod
    def anonymous(cls) -> Acting:
        return cls(applicatie=None, roles=frozenset(), scopes=frozenset({CATALOGUS_LEZEN}))

    @property
    def is_broker(self) -> bool:
        return Rol.BROKER in self.roles

    @property
    def client_id(self) -> str:
        return getattr(self.applicatie, "client_id", "")

    @property
    def label(self) -> str:
        return getattr(self.applicatie, "label", "")
