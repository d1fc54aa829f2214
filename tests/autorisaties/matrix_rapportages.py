"""The generic suites' registry entries of the rapportages: the price statistics read price
observations (one made per call), the reports about one organisation read its licences and
uses and have no objects of their own."""

from tests.autorisaties.matrix_objects import Resource
from tests.catalogus.factories import AanbiedingFactory
from tests.organisaties.factories import OrganisatieFactory


def _prijswaarneming():
    from tests.rapportages.factories import laatste_kwartaal, waarnemingen

    [waarneming] = waarnemingen(AanbiedingFactory(), [OrganisatieFactory()], laatste_kwartaal(), ["12.50"])
    return waarneming


RAPPORTAGE_RESOURCES = {
    "/rapportages/prijsstatistieken": Resource(_prijswaarneming),
    "/rapportages/uitgaven": Resource(lambda: None),
    "/rapportages/vergelijking": Resource(lambda: None),
}
