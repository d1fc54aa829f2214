"""Requests to the Catalogus API, for the catalogue's tests."""

import json

BASE = "/catalogus/api/v1"


def url(collection, obj):
    return f"http://testserver{BASE}/{collection}/{obj.uuid}"


def send(client, method, path, data):
    return client.generic(method, f"{BASE}/{path}", json.dumps(data), content_type="application/json")
