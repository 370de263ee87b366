"""Tanggal dan angka cara dokumen dinas: `7 Januari 2021`, `1.234.567`, `87,50%`."""

import datetime
from decimal import Decimal

from django.utils import timezone

from akun.angka import bulatkan
from pemanfaatan.models import NAMA_BULAN


def tanggal_indonesia(tanggal: datetime.date) -> str:
    return f"{tanggal.day} {NAMA_BULAN[tanggal.month - 1]} {tanggal.year}"


def angka_indonesia(nilai: int | Decimal | float, desimal: int = 0) -> str:
    teks = f"{nilai:,.{desimal}f}"
    return teks.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def persen_indonesia(nilai: Decimal | float | None, desimal: int = 2) -> str:
    return "—" if nilai is None else f"{angka_indonesia(bulatkan(nilai, desimal), desimal)}%"


def waktu_indonesia(waktu: datetime.datetime) -> str:
    """`4 Mei 2026 pukul 08.00 WIB` dalam zona waktu aplikasi (Asia/Jakarta)."""
    lokal = timezone.localtime(waktu)
    return f"{tanggal_indonesia(lokal)} pukul {lokal:%H.%M} {lokal.tzname()}"


def periode_laporan(laporan) -> str:
    """`Triwulan I Tahun 2026 (Januari – Maret 2026)`."""
    awal, akhir = NAMA_BULAN[laporan.bulan_awal - 1], NAMA_BULAN[laporan.bulan_akhir - 1]
    return f"{laporan.get_periode_display()} Tahun {laporan.tahun} ({awal} – {akhir} {laporan.tahun})"
