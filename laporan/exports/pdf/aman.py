"""Teks pengguna menuju reportlab tanpa pernah diurai sebagai markup.

Paragraph reportlab mengurai tag mini-HTML: `<b>` yang tak ditutup, `&foo;` atau `<onDraw>` menggagalkan
pembuatan dokumen, `<font size=300>` memalsukan tampilan, `<a href>` menanam tautan dan `<img src>`
menyisipkan berkas apa pun yang dapat dibaca server. Karena itu teks dari pengguna atau administrator
hanya masuk ke Paragraph lewat `markup()`, atau ke sel tabel sebagai string polos (tidak pernah diurai).
"""

import re
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
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
    dari satu baris (mis. alamat berkas) dipatah per huruf. Untuk banyak sel selebar sama: `Pembungkus`.
    """
    return Pembungkus(font=font, ukuran=ukuran, lebar=lebar)(teks)


class Pembungkus:
    """`bungkus()` untuk banyak teks berfon, berukuran dan selebar sama; lebar setiap kata diukur sekali.

    500 nama OPD berbagi kata yang sama ("Dinas", "dan", "Daerah" …). Pematahannya sama dengan simpleSplit
    reportlab: kata demi kata, kata pertama sebuah baris selalu masuk, spasi berturut-turut menjadi satu.
    """

    def __init__(self, *, font: str, ukuran: float, lebar: float):
        self.font = font
        self.ukuran = ukuran
        self.lebar = lebar
        self._spasi = stringWidth(" ", font, ukuran)
        self._lebar_kata: dict[str, float] = {}

    def _ukur(self, kata: str) -> float:
        lebar = self._lebar_kata.get(kata)
        if lebar is None:
            lebar = self._lebar_kata[kata] = stringWidth(kata, self.font, self.ukuran)
        return lebar

    def __call__(self, teks) -> str:
        baris = []
        for bagian in bersihkan(teks).split("\n"):
            if stringWidth(bagian, self.font, self.ukuran) <= self.lebar:
                baris.append(bagian)  # muat satu baris: apa adanya, spasinya tidak dirapatkan
            else:
                baris.extend(self._patah(bagian))
        return "\n".join(baris)

    def _patah(self, bagian: str) -> list[str]:
        hasil: list[str] = []
        kata_baris: list[str] = []
        terisi = -self._spasi
        for kata in bagian.split():
            lebar_kata = self._ukur(kata)
            if not kata_baris or terisi + self._spasi + lebar_kata <= self.lebar:
                kata_baris.append(kata)
                terisi += self._spasi + lebar_kata
                continue
            hasil.extend(self._tutup(kata_baris, terisi))
            kata_baris, terisi = [kata], lebar_kata
        if kata_baris:
            hasil.extend(self._tutup(kata_baris, terisi))
        return hasil or [""]

    def _tutup(self, kata_baris: list[str], terisi: float) -> list[str]:
        baris = " ".join(kata_baris)
        if terisi <= self.lebar:
            return [baris]
        return _patah_kata(baris, self.font, self.ukuran, self.lebar)  # satu kata yang lebih lebar dari sel


def _patah_kata(baris: str, font: str, ukuran: float, lebar: float) -> list[str]:
    hasil, sekarang = [], ""
    for huruf in baris:
        if sekarang and stringWidth(sekarang + huruf, font, ukuran) > lebar:
            hasil.append(sekarang)
            sekarang = ""
        sekarang += huruf
    return [*hasil, sekarang]
