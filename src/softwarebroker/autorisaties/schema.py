"""The JWT-ZGW security scheme in the OpenAPI documents."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension

SECURITY_SCHEME = "JWT-Claims"


class JWTAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "softwarebroker.autorisaties.authentication.JWTAuthentication"
    name = SECURITY_SCHEME

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "JWT",
            "description": (
                "JWT-ZGW: een HS256-token, ondertekend met het gedeelde secret van de applicatie, "
                "met de claims `client_id` en `iat` (verplicht), `exp`, `user_id` en "
                "`user_representation`. Elke operatie noemt de scope die nodig is; de rollen van de "
                "applicatie bepalen haar scopes. Lezen van de catalogus kan per installatie zonder "
                "token worden toegestaan."
            ),
        }
