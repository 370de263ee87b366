"""Pembacaan dasbor menurut pengguna: izin diperiksa di sini, sebelum satu angka pun dihitung."""

from dataclasses import dataclass

from django.db.models import Max, Min
from django.utils import timezone

from akun.akses import pastikan_izin
from akun.models import Pengguna
from laporan.dasbor.indikator import Indikator, indikator_tahun
from laporan.dasbor.kepatuhan import Kepatuhan, kepatuhan_tahun
from laporan.dasbor.peran import Beranda, beranda_untuk
from laporan.dasbor.pks import PantauanPks, pantauan_pks
from pemanfaatan.models import Pemanfaatan

IZIN_DASBOR = (
    "pemanfaatan.view_pemanfaatan",
    "pemanfaatan.view_opd",
    "pemanfaatan.view_perjanjiankerjasama",
    "laporan.view_laporan",
)


@dataclass(frozen=True)
class Dasbor:
    tahun: int
    indikator: Indikator
    pks: PantauanPks
    kepatuhan: Kepatuhan


def _pastikan_boleh_melihat(user: Pengguna) -> None:
    for izin in IZIN_DASBOR:
        pastikan_izin(user, izin)


def pilihan_tahun(*, user: Pengguna, dipilih: int) -> list[int]:
    """Tahun pertama sampai terakhir yang punya baris Daftar, ditambah tahun berjalan dan tahun yang sedang
    dipilih; terbaru dulu."""
    _pastikan_boleh_melihat(user)
    # MIN/MAX dibaca dari indeks (tahun, bulan); DISTINCT memindai seluruh Daftar (0,4 detik pada 2 juta baris).
    rentang = Pemanfaatan.objects.aggregate(awal=Min("tahun"), akhir=Max("tahun"))
    tahun = {timezone.localdate().year, dipilih}
    if rentang["awal"] is not None:
        tahun |= set(range(rentang["awal"], rentang["akhir"] + 1))
    return sorted(tahun, reverse=True)


def dasbor_tahun(*, user: Pengguna, tahun: int) -> Dasbor:
    """Dasbor lengkap satu tahun: indikator, pantauan PKS, kepatuhan SOP."""
    _pastikan_boleh_melihat(user)
    return Dasbor(
        tahun=tahun,
        indikator=indikator_tahun(tahun=tahun),
        pks=pantauan_pks(),
        kepatuhan=kepatuhan_tahun(tahun=tahun),
    )


def beranda(*, user: Pengguna) -> Beranda:
    """Beranda per peran; pengguna tanpa peran hanya melihat pemberitahuan bahwa ia belum berperan."""
    if user.daftar_peran:
        _pastikan_boleh_melihat(user)
    return beranda_untuk(user=user)
