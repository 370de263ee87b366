"""Grafik vektor (reportlab.graphics): total per jenis dan total per bulan. Tidak ada gambar raster."""

import math
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from laporan.exports.pdf.dasar import FONT, FONT_TEBAL
from laporan.exports.teks import angka_indonesia

WARNA_JENIS = [colors.HexColor("#1F5FA8"), colors.HexColor("#E08A1E"), colors.HexColor("#2E8B57")]


def _skala(maksimum: int) -> tuple[int, int]:
    """Batas atas dan langkah sumbu nilai berupa bilangan bulat "bulat" (1, 2, 5 × 10ⁿ)."""
    if maksimum <= 0:
        return 1, 1
    kasar = maksimum / 5
    pangkat = 10 ** math.floor(math.log10(kasar)) if kasar >= 1 else 1
    langkah = next(k * pangkat for k in (1, 2, 5, 10) if k * pangkat >= kasar)
    langkah = max(1, int(langkah))
    return math.ceil(maksimum / langkah) * langkah, langkah


def _angka(nilai) -> str:
    return angka_indonesia(round(nilai))


def _angka_batang(nilai) -> str:
    return _angka(nilai) if nilai else ""


def _grafik_batang(lebar: float, tinggi: float, judul: str, data: list[list[int]], kategori: list[str]):
    gambar = Drawing(lebar, tinggi)
    gambar.add(String(lebar / 2, tinggi - 12, judul, fontName=FONT_TEBAL, fontSize=9, textAnchor="middle"))
    grafik = VerticalBarChart()
    grafik.x, grafik.y = 55, 40
    grafik.width, grafik.height = lebar - 75, tinggi - 75
    grafik.data = data
    grafik.categoryAxis.categoryNames = kategori
    grafik.categoryAxis.labels.fontName = FONT
    grafik.categoryAxis.labels.fontSize = 7.5
    grafik.categoryAxis.labels.dy = -3
    batas, langkah = _skala(max((max(seri) for seri in data if seri), default=0))
    grafik.valueAxis.valueMin, grafik.valueAxis.valueMax, grafik.valueAxis.valueStep = 0, batas, langkah
    grafik.valueAxis.labelTextFormat = _angka
    grafik.valueAxis.labels.fontName = FONT
    grafik.valueAxis.labels.fontSize = 7
    grafik.barLabelFormat = _angka_batang
    grafik.barLabels.fontName = FONT
    grafik.barLabels.fontSize = 6.5
    grafik.barLabels.nudge = 6
    grafik.groupSpacing = 8
    grafik.barSpacing = 1
    gambar.add(grafik)
    return gambar, grafik


def grafik_per_jenis(total: Sequence[tuple[str, int]], *, lebar: float, tinggi: float = 190) -> Drawing:
    """Satu batang per jenis pemanfaatan: total jumlah pada periode Laporan."""
    gambar, grafik = _grafik_batang(
        lebar, tinggi, "Total pemanfaatan per jenis", [[nilai for _, nilai in total]], [label for label, _ in total]
    )
    for indeks in range(len(total)):
        grafik.bars[(0, indeks)].fillColor = WARNA_JENIS[indeks % len(WARNA_JENIS)]
    return gambar


def grafik_per_bulan(
    bulan: Sequence[str], seri: Sequence[tuple[str, Sequence[int]]], *, lebar: float, tinggi: float = 220
) -> Drawing:
    """Batang berkelompok: tiap bulan periode, satu batang per jenis, dengan legenda."""
    gambar, grafik = _grafik_batang(
        lebar, tinggi, "Total pemanfaatan per bulan", [list(nilai) for _, nilai in seri], list(bulan)
    )
    grafik.y = 55
    grafik.height = tinggi - 90
    if len(bulan) > 6:
        grafik.barLabelFormat = None  # dua belas bulan × tiga jenis: angka di atas batang saling tindih
    for indeks in range(len(seri)):
        grafik.bars[indeks].fillColor = WARNA_JENIS[indeks % len(WARNA_JENIS)]
    legenda = Legend()
    legenda.alignment = "right"
    legenda.x, legenda.y = 55, 14
    legenda.columnMaximum = 1
    legenda.deltax = (lebar - 75) / max(len(seri), 1)
    legenda.fontName = FONT
    legenda.fontSize = 7.5
    legenda.colorNamePairs = [(WARNA_JENIS[i % len(WARNA_JENIS)], label) for i, (label, _) in enumerate(seri)]
    gambar.add(legenda)
    return gambar
