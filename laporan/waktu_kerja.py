"""Aritmetika waktu kerja untuk mengukur lama tiap langkah SOP terhadap Mutu Baku (DESIGN §6).

Hanya jam kerja pada hari kerja yang dihitung: hari libur nasional (paket `holidays`) dan libur
tambahan dari administrator (cuti bersama) dilewati. Modul ini sengaja tidak membaca basis data;
pemanggil meneruskan libur tambahan (model `HariLibur`) sebagai parameter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from akun.angka import bulatkan

WIB = ZoneInfo("Asia/Jakarta")
KETERANGAN_LIBUR_TAMBAHAN = "Libur tambahan"
_FORMAT_JAM = re.compile(r"(\d{1,2})[:.](\d{2})")


@lru_cache(maxsize=64)
def _libur_nasional(tahun: int) -> holidays.HolidayBase:
    """Hari libur nasional Indonesia dalam satu tahun, dengan nama berbahasa Indonesia."""
    # expand=False: objek ini dibagi bersama lewat cache, jadi tidak boleh diam-diam bertambah
    # tahun lain ketika ditanya tanggal di luar tahunnya.
    return holidays.country_holidays("ID", years=tahun, language="id", expand=False)


@dataclass(frozen=True)
class JadwalKerja:
    """Hari dan jam kerja kantor, beserta libur tambahan yang ditetapkan administrator."""

    # Nomor hari ISO: 1 = Senin … 7 = Minggu.
    hari_kerja: frozenset[int] = frozenset({1, 2, 3, 4, 5})
    jam_mulai: time = time(7, 30)
    jam_selesai: time = time(16, 0)
    # Tanggal → keterangan (mis. "Cuti bersama Idul Fitri"); himpunan tanggal saja juga diterima.
    libur_tambahan: Mapping[date, str] = field(default_factory=dict)
    # WIB tidak mengenal waktu musim panas, sehingga selisih jam dinding sama dengan selisih sebenarnya.
    zona: ZoneInfo = WIB

    def __post_init__(self) -> None:
        libur = self.libur_tambahan
        if not isinstance(libur, Mapping):
            libur = dict.fromkeys(libur, KETERANGAN_LIBUR_TAMBAHAN)
        # Salinan hanya-baca: mengubah dict milik pemanggil kemudian tidak boleh mengubah jadwal ini.
        object.__setattr__(self, "libur_tambahan", MappingProxyType(dict(libur)))
        object.__setattr__(self, "hari_kerja", frozenset(self.hari_kerja))
        # Tanpa hari kerja atau dengan jam kerja kosong, tambah_waktu_kerja tidak akan pernah selesai.
        if not self.hari_kerja:
            raise ValueError("minimal satu hari kerja harus ditetapkan.")
        if not self.hari_kerja <= set(range(1, 8)):
            raise ValueError(f"nomor hari kerja harus 1 (Senin) sampai 7 (Minggu), tertulis {sorted(self.hari_kerja)}.")
        if self.jam_selesai <= self.jam_mulai:
            raise ValueError(
                f"jam selesai kerja ({self.jam_selesai:%H:%M}) harus sesudah jam mulai ({self.jam_mulai:%H:%M})."
            )

    @classmethod
    def dari_pengaturan(cls, *, libur_tambahan: Mapping[date, str] | Iterable[date] = ()) -> JadwalKerja:
        """Jadwal dari pengaturan JAM_KERJA_MULAI, JAM_KERJA_SELESAI dan HARI_KERJA."""
        hari_kerja = _baca_hari_kerja(settings.HARI_KERJA)
        jam_mulai = _baca_jam("JAM_KERJA_MULAI", settings.JAM_KERJA_MULAI)
        jam_selesai = _baca_jam("JAM_KERJA_SELESAI", settings.JAM_KERJA_SELESAI)
        try:
            return cls(
                hari_kerja=hari_kerja, jam_mulai=jam_mulai, jam_selesai=jam_selesai, libur_tambahan=libur_tambahan
            )
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"Pengaturan jam kerja tidak valid: {exc} Periksa JAM_KERJA_MULAI, JAM_KERJA_SELESAI dan HARI_KERJA."
            ) from exc

    def hari_libur(self, tanggal: date) -> str | None:
        """Nama hari libur pada tanggal itu (libur tambahan atau libur nasional), atau None."""
        if tanggal in self.libur_tambahan:
            # Keterangan kosong tetap berarti libur; jangan sampai tanggalnya dihitung sebagai hari kerja.
            return self.libur_tambahan[tanggal] or KETERANGAN_LIBUR_TAMBAHAN
        return _libur_nasional(tanggal.year).get(tanggal)

    def adalah_hari_kerja(self, tanggal: date) -> bool:
        """Benar bila tanggal itu hari kerja dan bukan hari libur."""
        return tanggal.isoweekday() in self.hari_kerja and self.hari_libur(tanggal) is None

    def periode_kerja(self, tanggal: date) -> tuple[datetime, datetime] | None:
        """Saat mulai dan selesai jam kerja pada tanggal itu, atau None bila bukan hari kerja."""
        if not self.adalah_hari_kerja(tanggal):
            return None
        return (
            datetime.combine(tanggal, self.jam_mulai, tzinfo=self.zona),
            datetime.combine(tanggal, self.jam_selesai, tzinfo=self.zona),
        )


def durasi_kerja(mulai: datetime, selesai: datetime, jadwal: JadwalKerja) -> timedelta:
    """Lama waktu kerja antara dua saat; nol bila selesai tidak sesudah mulai."""
    mulai, selesai = _ke_zona(mulai, jadwal), _ke_zona(selesai, jadwal)
    total = timedelta(0)
    if selesai <= mulai:
        return total
    # Per hari, bukan per menit: rentang berbulan-bulan tetap hanya ratusan putaran.
    tanggal = mulai.date()
    while tanggal <= selesai.date():
        if periode := jadwal.periode_kerja(tanggal):
            awal, akhir = max(periode[0], mulai), min(periode[1], selesai)
            if akhir > awal:
                total += akhir - awal
        tanggal += timedelta(days=1)
    return total


def tambah_waktu_kerja(mulai: datetime, durasi: timedelta, jadwal: JadwalKerja) -> datetime:
    """Saat paling awal ketika `durasi` waktu kerja telah berlalu sejak `mulai` (untuk tenggat)."""
    if durasi < timedelta(0):
        raise ValueError("Durasi waktu kerja tidak boleh negatif.")
    mulai = _ke_zona(mulai, jadwal)
    if not durasi:
        return mulai
    sisa = durasi
    tanggal = mulai.date()
    # Pasti berhenti: JadwalKerja menjamin ada hari kerja dengan jam kerja, dan libur tambahan terbatas.
    while True:
        if periode := jadwal.periode_kerja(tanggal):
            awal, akhir = max(periode[0], mulai), periode[1]
            if akhir > awal:
                # `<=`: durasi yang habis tepat pukul selesai berakhir hari itu, bukan esok pagi.
                if sisa <= akhir - awal:
                    return awal + sisa
                sisa -= akhir - awal
        tanggal += timedelta(days=1)


def menit(durasi: timedelta | None) -> Decimal | None:
    """Durasi sebagai menit berdesimal (dibulatkan setengah ke atas), untuk Excel dan data grafik."""
    if durasi is None:
        return None
    return bulatkan(Decimal(durasi.total_seconds()) / 60)


def format_durasi(durasi: timedelta) -> str:
    """Durasi sebagai teks jam dan menit, mis. "17 jam 30 menit"; detik dibulatkan ke bawah."""
    # Sengaja tanpa satuan hari: panjang hari kerja bergantung pada pengaturan, jadi "1 hari" bisa menyesatkan.
    jam, menit = divmod(max(durasi // timedelta(minutes=1), 0), 60)
    bagian = []
    if jam:
        bagian.append(f"{jam:,} jam".replace(",", "."))
    if menit or not jam:
        bagian.append(f"{menit} menit")
    return " ".join(bagian)


def _ke_zona(waktu: datetime, jadwal: JadwalKerja) -> datetime:
    # Waktu tanpa zona tidak bisa ditebak asalnya; tebakan yang salah menggeser durasi berjam-jam.
    if waktu.utcoffset() is None:
        raise ValueError(f"Waktu {waktu.isoformat()} tidak memiliki zona waktu; gunakan datetime yang aware.")
    return waktu.astimezone(jadwal.zona)


def _baca_jam(nama: str, nilai: str | time) -> time:
    if isinstance(nilai, time):
        return nilai
    cocok = _FORMAT_JAM.fullmatch(str(nilai).strip())
    if cocok and int(cocok[1]) < 24 and int(cocok[2]) < 60:
        return time(int(cocok[1]), int(cocok[2]))
    raise ImproperlyConfigured(f"{nama} harus berformat JJ:MM (mis. 07:30), tertulis {nilai!r}.")


def _baca_hari_kerja(nilai: Iterable[int | str]) -> frozenset[int]:
    try:
        return frozenset(int(hari) for hari in nilai)
    except (TypeError, ValueError):
        raise ImproperlyConfigured(
            f"HARI_KERJA harus berupa nomor hari dipisah koma, 1 = Senin … 7 = Minggu (mis. 1,2,3,4,5), "
            f"tertulis {nilai!r}."
        ) from None
