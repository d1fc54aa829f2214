"""Demo suppliers (all fictional)."""

F, R, D = "fabrikant", "reseller", "dienstverlener"

# (kvk-nummer, naam, rollen, domain, contactpersoon, telefoonnummer): website and e-mail use the domain.
LEVERANCIERS = [
    ("12345678", "Voorbeeld Software B.V.", [F, D], "voorbeeldsoftware.example", "S. de Vries", "0301234567"),
    ("23456781", "Polderdata B.V.", [F], "polderdata.example", "M. Jansen", "0207654321"),
    ("34567812", "Stadhuis Financieel B.V.", [F, D], "stadhuisfinancieel.example", "A. Bakker", "0102345678"),
    ("45678123", "Kanaal Klantcontact B.V.", [F, D], "kanaalklantcontact.example", "R. Visser", "0503456789"),
    ("56781234", "Wolkenkantoor B.V.", [F], "wolkenkantoor.example", "L. Smit", "0404567890"),
    ("67812345", "Gemeentelicenties B.V.", [R], "gemeentelicenties.example", "J. Mulder", "0335678901"),
    ("78123456", "Open Diensten Coöperatie U.A.", [D], "opendiensten.example", "E. de Boer", "0706789012"),
    ("81234567", "Meldpunt Berichten B.V.", [F, D], "meldpuntberichten.example", "K. Peters", "0537890123"),
]

# The suppliers' KvK numbers, by which offers name them.
VOORBEELD = "12345678"
POLDERDATA = "23456781"
STADHUIS = "34567812"
KANAAL = "45678123"
WOLKENKANTOOR = "56781234"
RESELLER = "67812345"
COOPERATIE = "78123456"
MELDPUNT = "81234567"
