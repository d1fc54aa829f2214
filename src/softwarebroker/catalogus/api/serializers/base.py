from softwarebroker.api.serializers import ResourceSerializer
from softwarebroker.catalogus import rules


class CatalogusSerializer(ResourceSerializer):
    """Runs the catalogue's shared rules (``catalogus.rules``) on the resulting values and
    writes through the services; subclasses name the rule and the service functions."""

    rule = None  # rules.check_* taking (values, instance)

    def resulting_values(self, attrs: dict) -> dict:
        values = {}
        if self.instance is not None:
            for field in self.Meta.model._meta.concrete_fields:
                if field.name in attrs:
                    continue
                values[field.name] = getattr(self.instance, field.name, None)
        values.update(attrs)
        return values

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if self.rule is not None:
            rules.raise_problems(type(self).rule(self.resulting_values(attrs), self.instance))
        return attrs
