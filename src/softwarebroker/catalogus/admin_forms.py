"""Admin forms that apply the same rules as the API (``catalogus.rules``)."""

from django import forms

from softwarebroker.api.serializers import to_snake_case


def rules_form(model_class, rule):
    """A ModelForm class for ``model_class`` whose clean() runs ``rule`` on the resulting values."""

    class RulesForm(forms.ModelForm):
        class Meta:
            model = model_class
            fields = "__all__"  # noqa: DJ007 - the admin edits every field of these models

        def clean(self):
            cleaned = super().clean()
            values = {}
            if self.instance.pk:
                for field in model_class._meta.concrete_fields:
                    values[field.name] = getattr(self.instance, field.name, None)
            values.update(cleaned)
            instance = model_class.objects.filter(pk=self.instance.pk).first() if self.instance.pk else None
            for name, code, message in rule(values, instance):
                field = to_snake_case(name.split(".")[0])
                self.add_error(
                    field if field in self.fields else None, forms.ValidationError(message, code=code)
                )
            return cleaned

    return RulesForm
