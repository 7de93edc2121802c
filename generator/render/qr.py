"""QR codes of page addresses, drawn offline as inline SVG (segno, pure Python).

A printed SOP carries the address of its page so a reader can check that the paper is the
current version. The code is made here, at build time: nothing is fetched from a QR service.
"""

from __future__ import annotations

import segno

ERROR_LEVEL = "m"
"""Medium error correction: survives a smudge or a staple on office paper."""


def qr_code(data: str) -> segno.QRCode:
    """The QR code of ``data`` (never a Micro QR: phones do not all read those)."""
    return segno.make(data, error=ERROR_LEVEL, boost_error=False, micro=False)


def qr_svg_text(data: str) -> str:
    """The code as a standalone SVG document drawn with one path (four modules of quiet
    zone, as scanners expect)."""
    svg: str = qr_code(data).svg_inline(scale=1, border=4, svgclass="sopgen-qr",
                                        omitsize=True, lineclass=None)
    return svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)

