"""An uploaded declaration document: a PDF (by its magic bytes, whatever the client says it
is), at most ``VERKLARING_DOCUMENT_MAX_BYTES``, without JavaScript or automatic actions."""

from __future__ import annotations

import hashlib
import re

from django.conf import settings

PDF_MAGIC = b"%PDF-"
# Names in a PDF that run code or act on opening: refused, wherever they appear (also in a
# compressed object stream's dictionary, which is not compressed itself). PDF names may write
# characters as #xx, so the check decodes those first.
ACTIVE_NAMES = (b"/JavaScript", b"/JS", b"/OpenAction", b"/AA", b"/Launch", b"/EmbeddedFile", b"/RichMedia")
_NAME = re.compile(rb"/[A-Za-z0-9#]+")
_HEX_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
CHUNK = 64 * 1024


def _names(content: bytes) -> set[bytes]:
    return {
        _HEX_ESCAPE.sub(lambda match: bytes([int(match.group(1), 16)]), name)
        for name in _NAME.findall(content)
    }


def document_problems(upload) -> list[tuple[str, str, str]]:
    """Every reason the upload cannot be stored (``document`` is its path in the request)."""
    limit = settings.VERKLARING_DOCUMENT_MAX_BYTES
    if upload.size > limit:
        return [("document", "max_size", f"Een document is hoogstens {limit} bytes; dit is {upload.size}.")]
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    if not content.startswith(PDF_MAGIC):
        return [("document", "geen_pdf", "Alleen PDF-documenten (de inhoud begint niet met %PDF-).")]
    active = sorted(name.decode() for name in _names(content) & set(ACTIVE_NAMES))
    if active:
        return [
            (
                "document",
                "actieve_inhoud",
                f"Een PDF met scripts of automatische acties wordt niet opgeslagen ({', '.join(active)}).",
            )
        ]
    return []


def sha256(upload) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in iter(lambda: upload.read(CHUNK), b""):
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()
