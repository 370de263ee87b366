"""Teks pengguna menuju reportlab tanpa pernah diurai sebagai markup.

Paragraph reportlab mengurai tag mini-HTML: `<b>` yang tak ditutup, `&foo;` atau `<onDraw>` menggagalkan
pembuatan dokumen, `<font size=300>` memalsukan tampilan, `<a href>` menanam tautan dan `<img src>`
menyisipkan berkas apa pun yang dapat dibaca server. Karena itu teks dari pengguna atau administrator
hanya masuk ke Paragraph lewat `markup()`, atau ke sel tabel sebagai string polos (tidak pernah diurai).
"""

import re
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

# Karakter kendali selain baris baru tampil sebagai kotak hitam pada fon standar PDF.
_KENDALI = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


def bersihkan(teks) -> str:
    """Baris baru diseragamkan, tab menjadi spasi, karakter kendali lain dibuang."""
    teks = str(teks if teks is not None else "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _KENDALI.sub("", teks)


def markup(teks) -> str:
    """Teks apa adanya sebagai markup Paragraph yang tidak dapat membuka tag atau entitas apa pun."""
    return escape(bersihkan(teks)).replace("\n", "<br/>")


def paragraf(teks, gaya: ParagraphStyle) -> Paragraph:
    return Paragraph(markup(teks), gaya)


def bungkus(teks, *, font: str, ukuran: float, lebar: float) -> str:
    """Teks polos untuk sel tabel, dipatah menjadi baris yang muat selebar `lebar`.

    Sel string tidak diurai dan jauh lebih murah daripada Paragraph per sel; kata yang lebih panjang
    dari satu baris (mis. alamat berkas) dipatah per huruf.
    """
    baris = []
    for bagian in bersihkan(teks).split("\n"):
        if stringWidth(bagian, font, ukuran) <= lebar:
            baris.append(bagian)  # muat satu baris: tanpa simpleSplit, yang mengukur ulang kata per kata
            continue
        for potongan in simpleSplit(bagian, font, ukuran, lebar) or [""]:
            baris.extend(_patah_kata(potongan, font, ukuran, lebar))
    return "\n".join(baris)


def _patah_kata(baris: str, font: str, ukuran: float, lebar: float) -> list[str]:
    if stringWidth(baris, font, ukuran) <= lebar:
        return [baris]
    hasil, sekarang = [], ""
    for huruf in baris:
        if sekarang and stringWidth(sekarang + huruf, font, ukuran) > lebar:
            hasil.append(sekarang)
            sekarang = ""
        sekarang += huruf
    return [*hasil, sekarang]
