"""Who is acting: the API client, the party it acts for, its scopes and the person."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .scopes import CATALOGUS_LEZEN, Rol, scopes_for

AUDITED_HEADERS = (
    "X-Audit-Toelichting",
    "X-NLX-Request-Application-Id",
    "X-NLX-Request-User-Id",
    "X-NLX-Logrecord-Id",
    "Fsc-Transaction-Id",
    "traceparent",
)


def normalise_user_id(value: str) -> str:
    """One person, one id: the token's ``user_id`` (mostly an e-mail address) without
    surrounding whitespace and case-folded, so ``" Piet@Gemeente.nl"`` and
    ``"piet@gemeente.nl"`` are the same person for the four-eyes rule and the mandates.
    Applied once where a token is read, and to a mandate's ``gebruikers_id`` when it is
    written."""
    return (value or "").strip().casefold()


@dataclass(frozen=True)
class Acting:
    applicatie: object | None
    roles: frozenset[str]
    scopes: frozenset[str]
    organisatie: object | None = None
    leverancier: object | None = None
    user_id: str = ""
    user_representation: str = ""
    # What the audit trail records of the request (toelichting, NLX/FSC and trace ids).
    headers: dict = field(default_factory=dict)
    # Where the change comes from when it is not an API client: "admin", "demo", a command.
    channel: str = ""

    @classmethod
    def for_applicatie(cls, applicatie, *, user_id: str = "", user_representation: str = "") -> Acting:
        """An API client; ``user_id`` is the signed claim, normalised here once."""
        roles = frozenset(applicatie.rollen)
        return cls(
            applicatie=applicatie,
            roles=roles,
            scopes=scopes_for(roles),
            organisatie=applicatie.organisatie,
            leverancier=applicatie.leverancier,
            user_id=normalise_user_id(user_id),
            user_representation=user_representation,
        )

    @classmethod
    def system(cls, channel: str, *, user_id: str = "", label: str = "") -> Acting:
        """The component itself acting with every right: demo data, management commands,
        setup-configuration, nightly jobs. ``channel`` says which, in the audit trail."""
        return cls(
            applicatie=None,
            roles=frozenset({Rol.BROKER}),
            scopes=scopes_for(frozenset({Rol.BROKER})),
            user_id=user_id or channel,
            user_representation=label or user_id or channel,
            channel=channel,
        )

    @classmethod
    def for_admin(cls, user, *, toelichting: str = "") -> Acting:
        """A functional administrator in the admin: the broker's rights, as that person."""
        return replace(
            cls.system(
                "admin", user_id=user.get_username(), label=user.get_full_name() or user.get_username()
            ),
            headers={"X-Audit-Toelichting": toelichting} if toelichting else {},
        )

    def with_headers(self, headers) -> Acting:
        """This client for one request: the headers the audit trail records."""
        kept = {name: headers[name] for name in AUDITED_HEADERS if headers.get(name)}
        return replace(self, headers=kept) if kept or self.headers else self

    @classmethod
    def anonymous(cls) -> Acting:
        return cls(applicatie=None, roles=frozenset(), scopes=frozenset({CATALOGUS_LEZEN}))

    @property
    def is_broker(self) -> bool:
        return Rol.BROKER in self.roles

    @property
    def reads_key(self) -> tuple:
        """All of this client that what it may read depends on (the selectors look at the roles,
        the organisation and the supplier): the key under which a read compiled once for it is
        kept (``api.compiled_reads``)."""
        return (
            self.client_id,
            self.roles,
            getattr(self.organisatie, "pk", None),
            getattr(self.leverancier, "pk", None),
            self.user_id,
            self.channel,
        )

    @property
    def client_id(self) -> str:
        return getattr(self.applicatie, "client_id", "")

    @property
    def label(self) -> str:
        return getattr(self.applicatie, "label", "")
