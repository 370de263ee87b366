"""Tanggal dan angka cara dokumen dinas: `7 Januari 2021`, `1.234.567`, `87,50%`."""

import datetime
from decimal import Decimal

from pemanfaatan.models import NAMA_BULAN


def tanggal_indonesia(tanggal: datetime.date) -> str:
    return f"{tanggal.day} {NAMA_BULAN[tanggal.month - 1]} {tanggal.year}"


def angka_indonesia(nilai: int | Decimal | float, desimal: int = 0) -> str:
    teks = f"{nilai:,.{desimal}f}"
    return teks.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def persen_indonesia(nilai: Decimal | float | None, desimal: int = 2) -> str:
    return "—" if nilai is None else f"{angka_indonesia(nilai, desimal)}%"
