"""Tautan penelusuran dari angka dasbor ke daftar yang tersaring dengan filter yang sama."""

from functools import cache
from urllib.parse import urlencode

from django.urls import get_script_prefix, reverse


@cache
def _alamat(awalan: str, nama_url: str) -> str:
    """reverse() sekali per awalan skrip: dasbor membentuk ratusan tautan ke lima halaman yang sama."""
    return reverse(nama_url)


def _dengan_filter(nama_url: str, saringan: dict) -> str:
    isi = {kunci: nilai for kunci, nilai in saringan.items() if nilai not in (None, "")}
    alamat = _alamat(get_script_prefix(), nama_url)
    return f"{alamat}?{urlencode(isi)}" if isi else alamat


def daftar(**saringan) -> str:
    """Halaman Daftar Pemanfaatan dengan filter `PemanfaatanFilter` (tahun, jenis, bulan, opd, status_pks, …)."""
    return _dengan_filter("pemanfaatan:daftar", saringan)


def opd(**saringan) -> str:
    """Daftar OPD dengan filter `OpdFilter` (aktif, keadaan_pks, tanpa_pemanfaatan_tahun, …)."""
    return _dengan_filter("pemanfaatan:opd_list", saringan)


def pks(**saringan) -> str:
    """Daftar PKS dengan filter `PksFilter` (status, opd)."""
    return _dengan_filter("pemanfaatan:pks_list", saringan)


def laporan(**saringan) -> str:
    """Daftar Laporan dengan filter `LaporanFilter` (tahun, periode, status)."""
    return _dengan_filter("laporan:list", saringan)


def bahan_lakip_dinas(**saringan) -> str:
    """Bahan LAKIP Dinas (Laporan yang diterima Sekretariat) per tahun."""
    return _dengan_filter("laporan:arsip_list", saringan)
