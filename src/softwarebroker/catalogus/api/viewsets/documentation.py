"""The contract's texts shared by the catalogue's resources: their standard operations."""

from drf_spectacular.utils import extend_schema, extend_schema_view


def documented(noun: str, plural: str, *, extra: str = ""):
    return extend_schema_view(
        list=extend_schema(
            summary=f"Alle {plural}", description=f"De {plural} van de catalogus. {extra}".strip()
        ),
        retrieve=extend_schema(summary=f"Eén {noun}", description=f"Eén {noun}, met `fields` en `expand`."),
        create=extend_schema(summary=f"{noun.capitalize()} aanmaken", description=f"Maakt een {noun} aan."),
        update=extend_schema(
            summary=f"{noun.capitalize()} volledig wijzigen", description="Vervangt alle wijzigbare velden."
        ),
        partial_update=extend_schema(
            summary=f"{noun.capitalize()} gedeeltelijk wijzigen",
            description="Wijzigt de meegestuurde velden; statuswijzigingen alleen langs de toegestane paden.",
        ),
        destroy=extend_schema(
            summary=f"{noun.capitalize()} verwijderen",
            description="Alleen wat nergens naar verwezen wordt; anders 409 (gebruik dan de status).",
        ),
    )
