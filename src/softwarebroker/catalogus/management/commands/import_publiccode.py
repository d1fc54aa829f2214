from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from softwarebroker.autorisaties.context import Acting
from softwarebroker.catalogus.publiccode import PubliccodeInvalid, import_publiccode
from softwarebroker.core.errors import Invalid

# Changes by this command are recorded in the audit trail as coming from it.
COMMAND = Acting.system("import_publiccode")


def _describe(errors: list[dict]) -> str:
    return "; ".join(f"{error['name']}: {error['reason']} ({error['code']})" for error in errors)


class Command(BaseCommand):
    help = (
        "Importeer elk publiccode.yml-document (*.yml, *.yaml) uit een map als softwarepakket. "
        "Ongeldige bestanden worden gemeld en overgeslagen; de opdracht faalt dan aan het eind."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="Map met publiccode.yml-documenten.")

    def handle(self, *args, folder: Path, **options):
        if not folder.is_dir():
            raise CommandError(f"{folder} is geen map.")
        paths = sorted(
            path for path in folder.iterdir() if path.is_file() and path.suffix.lower() in {".yml", ".yaml"}
        )
        counts = Counter()
        for path in paths:
            outcome, detail = self._import(path)
            counts[outcome] += 1
            self.stdout.write(f"{path.name}: {outcome}{detail}")
        summary = (
            f"{len(paths)} bestand(en): {counts['aangemaakt']} aangemaakt, "
            f"{counts['bijgewerkt']} bijgewerkt, {counts['ongeldig']} ongeldig."
        )
        self.stdout.write(summary)
        # Every file is tried first, so one bad document does not hide the state of the others.
        if counts["ongeldig"]:
            raise CommandError(f"{counts['ongeldig']} ongeldig(e) bestand(en).")

    def _import(self, path: Path) -> tuple[str, str]:
        """(outcome, detail): aangemaakt, bijgewerkt or ongeldig, with the name or the errors."""
        try:
            pakket, created = import_publiccode(path.read_text(encoding="utf-8"), acting=COMMAND)
        except UnicodeDecodeError:
            return "ongeldig", ": body: het bestand is geen UTF-8-tekst (parse_error)"
        except PubliccodeInvalid as error:
            return "ongeldig", f": {_describe(error.errors)}"
        except Invalid as error:
            return "ongeldig", ": " + "; ".join(
                f"{problem.field}: {problem.message} ({problem.code})" for problem in error.problems
            )
        return ("aangemaakt" if created else "bijgewerkt"), f" ({pakket.naam})"
