"""YAML as a media type (RFC 9512), for documents like publiccode.yml."""

from rest_framework import parsers, renderers
from rest_framework.exceptions import ParseError

YAML = "application/yaml"


class YAMLTextParser(parsers.BaseParser):
    """Gives the body as text; the view parses it (and reports problems with their paths)."""

    media_type = YAML

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return stream.read().decode("utf-8")
        except UnicodeDecodeError:
            raise ParseError("De inhoud is geen UTF-8-tekst.") from None


class YAMLTextRenderer(renderers.BaseRenderer):
    """Renders text that is already YAML."""

    media_type = YAML
    format = "yaml"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data.encode("utf-8") if isinstance(data, str) else b""
