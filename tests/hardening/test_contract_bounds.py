"""The contracts show a bound for every number a client can send (``api.bounds``)."""


def _numbers(schema, path):
    if not isinstance(schema, dict):
        return
    if schema.get("type") == "integer" or schema.get("format") == "decimal":
        yield path, schema
    for name, child in schema.get("properties", {}).items():
        yield from _numbers(child, f"{path}.{name}")
    if "items" in schema:
        yield from _numbers(schema["items"], f"{path}.0")
    for child in schema.get("allOf", []) + schema.get("oneOf", []):
        yield from _numbers(child, path)


def test_every_input_number_has_a_minimum_and_maximum(documents):
    unbounded = []
    for slug, document in documents.items():
        for name, schema in document["components"]["schemas"].items():
            if not name.endswith("Request"):
                continue
            for path, number in _numbers(schema, f"{slug}:{name}"):
                if number.get("readOnly"):
                    continue
                if "minimum" not in number or "maximum" not in number:
                    unbounded.append(path)
    assert not unbounded, unbounded


def test_decimal_bounds_match_the_columns(documents):
    prijs = documents["catalogus"]["components"]["schemas"]["PrijsRequest"]["properties"]
    assert (prijs["bedragExclBtw"]["minimum"], prijs["bedragExclBtw"]["maximum"]) == (0, 9999999999.99)
    assert prijs["bedragExclBtw"]["pattern"] == r"^\d{0,10}(?:\.\d{0,2})?$"
    assert (prijs["btwPercentage"]["minimum"], prijs["btwPercentage"]["maximum"]) == (0, 100)
    regel = documents["bestellingen"]["components"]["schemas"]["BestelregelRequest"]["properties"]
    assert (regel["aantal"]["minimum"], regel["aantal"]["maximum"]) == (1, 2147483647)
