"""QR codes of page addresses, drawn offline as inline SVG (segno, pure Python).

A printed SOP carries the address of its page so a reader can check that the paper is the
current version. The code is made here, at build time: nothing is fetched from a QR service.
"""

from __future__ import annotations

import segno
from markupsafe import Markup

ERROR_LEVEL = "m"
"""Medium error correction: survives a smudge or a staple on office paper."""


def qr_code(data: str) -> segno.QRCode:
    """The QR code of ``data`` (never a Micro QR: phones do not all read those)."""
    return segno.make(data, error=ERROR_LEVEL, boost_error=False, micro=False)


def qr_svg(data: str) -> Markup:
    """The code as an inline SVG drawn with one path (sized by CSS, ``.sopgen-qr``)."""
    svg = qr_code(data).svg_inline(scale=1, border=2, svgclass="sopgen-qr", omitsize=True,
                                   lineclass=None)
    return Markup(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))
