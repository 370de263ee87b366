"""Satu aturan pembulatan (setengah ke atas) untuk halaman, Excel dan PDF."""

from datetime import timedelta
from decimal import Decimal

import pytest

from akun.angka import bulatkan
from akun.templatetags.tampilan import angka, persen
from laporan.exports.teks import persen_indonesia
from laporan.models import Polaritas, hitung_capaian
from laporan.templatetags.siklus import menit_data
from laporan.waktu_kerja import menit


@pytest.mark.parametrize(
    ("nilai", "desimal", "harapan"),
    [
        (Decimal("3.125"), 2, Decimal("3.13")),  # setengah ke genap akan memberi 3,12
        (Decimal("2.5"), 0, Decimal("3")),
        (200 / 3, 0, Decimal("67")),
        (99.999, 2, Decimal("100.00")),
        (Decimal("-1.005"), 2, Decimal("-1.01")),
    ],
)
def test_bulatkan_setengah_ke_atas(nilai, desimal, harapan):
    assert bulatkan(nilai, desimal) == harapan


def test_halaman_dan_dokumen_membulatkan_sama():
    assert persen(Decimal("3.125")) == "3,13%"
    assert persen_indonesia(Decimal("3.125")) == "3,13%"
    assert persen(200 / 3, 0) == "67%"


def test_capaian_dibulatkan_setengah_ke_atas():
    # 1,25125 × 100 = 125,125 → 125,13
    assert hitung_capaian(
        realisasi=Decimal("1.25125"), target=Decimal("1"), polaritas=Polaritas.TINGGI_LEBIH_BAIK
    ) == Decimal("125.13")


@pytest.mark.parametrize(
    ("nilai", "harapan"),
    [(1234567, "1.234.567"), (-1234, "-1.234"), (0, "0"), (999, "999"), ("12345", "12.345"), (None, "—"), ("", "—")],
)
def test_angka_pemisah_ribuan_indonesia(nilai, harapan):
    assert angka(nilai) == harapan


def test_menit_grafik_dan_excel_membulatkan_sama():
    """7,5 detik = 0,125 menit: setengah ke atas 0,13 di data grafik dan Excel (format float memberi 0,12)."""
    durasi = timedelta(seconds=7.5)
    assert menit(durasi) == Decimal("0.13")
    assert menit_data(durasi) == "0.13"
    assert menit_data(None) == "" and menit(None) is None
