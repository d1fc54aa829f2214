from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from softwarebroker.conf.environment import REGISTRY

TARGET = Path(settings.ROOT_DIR) / "docs" / "configuration.md"

HEADER = """# Configuratie

Open Softwarebroker wordt geconfigureerd met omgevingsvariabelen. Deze pagina wordt
gegenereerd uit het register in `src/softwarebroker/conf/variables.py`
(`python src/manage.py generate_configuration_docs`); `make test` faalt als ze verouderd is.
"""


def _default(variable) -> str:
    if variable.secret and variable.default:
        return "*(geheim)*"
    value = variable.default
    if isinstance(value, bool):
        value = "true" if value else "false"
    elif isinstance(value, list):
        value = ",".join(value)
    return f"`{value}`" if value not in ("", None) else "*(leeg)*"


def render() -> str:
    lines = [HEADER]
    groups: dict[str, list] = {}
    for variable in REGISTRY.values():
        groups.setdefault(variable.group, []).append(variable)
    for group, variables in groups.items():
        lines += [
            f"\n## {group}\n",
            "| Variabele | Type | Standaard | Betekenis |",
            "| --- | --- | --- | --- |",
        ]
        for variable in variables:
            help_text = variable.help.replace("|", "\\|")
            lines.append(f"| `{variable.name}` | {variable.type} | {_default(variable)} | {help_text} |")
    return "\n".join(lines) + "\n"


class Command(BaseCommand):
    help = "Schrijft docs/configuration.md uit het register van omgevingsvariabelen."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Alleen controleren; faalt als de pagina verouderd is.",
        )

    def handle(self, *args, check=False, **options):
        content = render()
        if check:
            if not TARGET.exists() or TARGET.read_text() != content:
                raise CommandError("docs/configuration.md is verouderd: draai `make docs`.")
            self.stdout.write("docs/configuration.md is actueel.")
            return
        TARGET.write_text(content)
        self.stdout.write(f"{TARGET.relative_to(settings.ROOT_DIR)} geschreven.")
