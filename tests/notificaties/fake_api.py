"""A Notificaties API's kanaal endpoints on requests-mock, for the kanalen registration."""

import re


class FakeNotificatiesAPI:
    """The kanaal endpoints of a Notificaties API, on requests-mock."""

    def __init__(self, requests_mock, api_root: str):
        self.api_root = api_root
        self.kanalen: dict[str, dict] = {}
        self.mock = requests_mock
        requests_mock.get(f"{api_root}kanaal", json=self.list)
        requests_mock.post(f"{api_root}kanaal", json=self.create, status_code=201)
        requests_mock.put(re.compile(re.escape(f"{api_root}kanaal/") + r"[a-z]+$"), json=self.replace)

    def list(self, request, context):
        naam = request.qs["naam"][0]
        return [self.kanalen[naam]] if naam in self.kanalen else []

    def create(self, request, context):
        kanaal = {**request.json(), "url": f"{self.api_root}kanaal/{request.json()['naam']}"}
        self.kanalen[kanaal["naam"]] = kanaal
        return kanaal

    def replace(self, request, context):
        return self.create(request, context)

    def writes(self):
        return [
            (request.method, request.url) for request in self.mock.request_history if request.method != "GET"
        ]
