"""Membaca isi satu sel Excel menjadi nilai yang dipahami PemanfaatanForm.

Setiap fungsi menerima nilai sel apa adanya (teks, angka, tanggal, None) dan mengembalikan
nilai bersih, atau melempar NilaiSalah dengan alasan dalam Bahasa Indonesia.
"""

import datetime
import math
import re
from typing import Any

from pemanfaatan.impor.kolom import ALIAS_BULAN, kunci_ringkas

PANJANG_KUTIPAN = 60

_BULAT = re.compile(r"\d+")
# Pemisah ribuan Indonesia: 1.250 atau 1.250.000; ekor ",00" dari format angka Excel juga diterima.
_RIBUAN = re.compile(r"(?P<angka>\d{1,3}(?:\.\d{3})+|\d+)(?:,0+)?")
_DESIMAL = re.compile(r"\d+(?:[.,]\d+)+")
CONTOH_ANGKA = "mis. 1250 atau 1.250"


class NilaiSalah(ValueError):
    """Isi sel tidak dapat dibaca; pesannya menjelaskan cara menuliskannya."""


def kutip(nilai: Any) -> str:
    """Nilai sel untuk ditampilkan dalam pesan, dipotong agar pesan tetap pendek."""
    teks = teks_sel(nilai)
    if len(teks) > PANJANG_KUTIPAN:
        teks = teks[: PANJANG_KUTIPAN - 1] + "…"
    return f"'{teks}'"


def angka(nilai: int) -> str:
    """1250000 → `1.250.000`, tanpa bergantung pada bahasa aktif."""
    return f"{nilai:,}".replace(",", ".")


def kosong(nilai: Any) -> bool:
    return nilai is None or (isinstance(nilai, str) and not nilai.strip())


def teks_sel(nilai: Any) -> str:
    """Isi sel sebagai teks: angka bulat tanpa `.0`, tanggal sebagai 31/12/2025."""
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return "BENAR" if nilai else "SALAH"
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))
    if isinstance(nilai, datetime.datetime | datetime.date):
        return nilai.strftime("%d/%m/%Y")
    return str(nilai).strip()


def bilangan_bulat(nilai: Any) -> int:
    """Bilangan bulat ≥ 0 dari sel angka, atau teks `1250` / `1.250`."""
    if isinstance(nilai, bool | datetime.date | datetime.time | datetime.timedelta):
        raise NilaiSalah(f"{kutip(nilai)} bukan angka; tulis bilangan bulat, {CONTOH_ANGKA}.")
    if isinstance(nilai, int | float):
        return _bilangan_dari_angka(nilai)
    teks = re.sub(r"\s+", "", str(nilai))
    negatif = teks.startswith("-")
    cocok = _RIBUAN.fullmatch(teks.removeprefix("-"))
    if cocok and negatif:
        raise NilaiSalah(f"{kutip(nilai)} negatif; isilah 0 atau lebih.")
    if cocok:
        return int(cocok["angka"].replace(".", ""))
    if _DESIMAL.fullmatch(teks.removeprefix("-")):
        raise NilaiSalah(
            f"{kutip(nilai)} bukan bilangan bulat; tulis tanpa angka desimal dan pakai titik "
            f"sebagai pemisah ribuan, {CONTOH_ANGKA}."
        )
    raise NilaiSalah(f"{kutip(nilai)} bukan angka; tulis bilangan bulat, {CONTOH_ANGKA}.")


def _bilangan_dari_angka(nilai: int | float) -> int:
    if isinstance(nilai, float) and not math.isfinite(nilai):
        raise NilaiSalah(f"{kutip(nilai)} bukan angka; tulis bilangan bulat, {CONTOH_ANGKA}.")
    if isinstance(nilai, float) and not nilai.is_integer():
        angka = f"{nilai:.6g}".replace(".", ",")
        raise NilaiSalah(f"'{angka}' bukan bilangan bulat; tulis tanpa angka desimal, {CONTOH_ANGKA}.")
    if nilai < 0:
        raise NilaiSalah(f"{kutip(nilai)} negatif; isilah 0 atau lebih.")
    return int(nilai)


def bulan(nilai: Any) -> int:
    """Nomor bulan dari angka 1–12, nama bulan (Agustus) atau singkatannya (Agu, Agt)."""
    saran = "tulis angka 1–12 atau nama bulan (mis. Agustus)."
    if isinstance(nilai, datetime.date | datetime.time):
        raise NilaiSalah(f"{kutip(nilai)} berupa tanggal; {saran}")
    teks = teks_sel(nilai)
    if _BULAT.fullmatch(teks):
        if 1 <= int(teks) <= 12:
            return int(teks)
        raise NilaiSalah(f"{kutip(nilai)} bukan nomor bulan; {saran}")
    nomor = ALIAS_BULAN.get(teks.casefold().rstrip("."))
    if nomor is None:
        raise NilaiSalah(f"{kutip(nilai)} bukan nama bulan; {saran}")
    return nomor


def pilihan(nilai: Any, alias: dict[str, str], nama: str, label: list[str]) -> str:
    """Nilai pilihan (jenis, metode akses) dari label atau kodenya, tanpa beda huruf dan tanda baca."""
    hasil = alias.get(kunci_ringkas(teks_sel(nilai)))
    if hasil is None:
        raise NilaiSalah(f"{kutip(nilai)} bukan {nama}; pilih salah satu: {', '.join(label)}.")
    return hasil
