"""Kepatuhan SOP dari catatan waktu langkah: tabel monitoring enam bulanan SOP ("berjalan dengan baik / tidak")
yang disusun dari data, bukan dari ingatan."""

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from functools import cached_property

from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from laporan.dasbor import tautan
from laporan.dasbor.cuplikan import Cuplikan, cuplikan
from laporan.models import HasilLangkah, LangkahLaporan, Laporan, RiwayatLaporan
from laporan.selectors import LangkahMenunggu, dengan_langkah_terbuka, waktu_baku_berlaku
from laporan.sop import (
    AKSI_PENGEMBALIAN,
    LANGKAH,
    PENGEMBALIAN,
    STATUS_AKHIR,
    Langkah,
    StatusLaporan,
    langkah_pada_status,
)

# Langkah tempat pengembalian terjadi (Kasi di Langkah 5, Kabid di Langkah 6, Sekretariat di Langkah 7).
LANGKAH_PENGEMBALIAN = {p.aksi.value: langkah_pada_status(p.dari).nomor for p in PENGEMBALIAN}
BANYAK_ALASAN = 20


class Penilaian(models.TextChoices):
    """Penilaian penerapan SOP pada tabel monitoringnya."""

    BAIK = "BAIK", "Berjalan dengan baik"
    TIDAK = "TIDAK", "Tidak berjalan dengan baik"
    BELUM = "BELUM", "Belum ada data"


@dataclass(frozen=True)
class KepatuhanLangkah:
    langkah: Langkah
    waktu_baku: timedelta  # yang berlaku hari ini
    jumlah: int  # berapa kali langkah ini diselesaikan atau dikembalikan
    jumlah_sesuai: int  # … dalam waktu baku yang berlaku bagi Laporannya
    median: timedelta | None
    jumlah_pengembalian: int

    @property
    def persen_sesuai(self) -> float | None:
        return None if not self.jumlah else self.jumlah_sesuai * 100 / self.jumlah

    @property
    def penilaian(self) -> Penilaian:
        """Baik bila pengerjaan yang lazim (median) tidak melewati waktu baku."""
        if self.median is None:
            return Penilaian.BELUM
        return Penilaian.BAIK if self.median <= self.waktu_baku else Penilaian.TIDAK

    @property
    def baik(self) -> bool | None:
        return None if self.median is None else self.penilaian == Penilaian.BAIK


@dataclass(frozen=True)
class SiklusLaporan:
    laporan: Laporan
    total_kerja: timedelta
    jumlah_pengembalian: int

    @property
    def total_baku(self) -> timedelta:
        return self.laporan.total_waktu_baku

    @property
    def selesai(self) -> bool:
        return self.laporan.status == StatusLaporan.SELESAI

    @property
    def sesuai_baku(self) -> bool:
        return self.total_kerja <= self.total_baku


def laporan_berjalan() -> list[LangkahMenunggu]:
    """Laporan yang belum selesai, tahun berapa pun: langkah yang menunggu dan lamanya dalam jam kerja."""
    daftar = Laporan.objects.exclude(status__in=STATUS_AKHIR).order_by("tahun", "periode", "pk")
    return sorted(dengan_langkah_terbuka(daftar), key=lambda b: b.menunggu, reverse=True)


def _langkah_tahun(tahun: int):
    """Pengerjaan langkah Laporan tahun itu yang sudah berakhir (selesai atau dikembalikan, bukan dibatalkan)."""
    return LangkahLaporan.objects.filter(laporan__tahun=tahun, durasi_kerja__isnull=False).exclude(
        hasil=HasilLangkah.DIBATALKAN
    )


def _per_langkah(tahun: int, pengembalian_per_langkah: dict[int, int]) -> list[KepatuhanLangkah]:
    # Median tidak tersedia sebagai agregat di SQLite, jadi durasi diambil dalam satu kueri dan banyak, yang tepat
    # waktu dan mediannya dihitung di sini. Banyaknya dibatasi jumlah Laporan setahun (paling banyak tujuh
    # periode × tujuh langkah, ditambah langkah yang diulang setelah pengembalian), bukan oleh besar Daftar.
    durasi, sesuai = defaultdict(list), defaultdict(int)
    for nomor, nilai, baku_laporan in _langkah_tahun(tahun).values_list("nomor", "durasi_kerja", "waktu_baku"):
        durasi[nomor].append(nilai)
        sesuai[nomor] += nilai <= baku_laporan
    baku = waktu_baku_berlaku()
    return [
        KepatuhanLangkah(
            langkah=langkah,
            waktu_baku=timedelta(minutes=baku[str(langkah.nomor)]),
            jumlah=len(durasi[langkah.nomor]),
            jumlah_sesuai=sesuai[langkah.nomor],
            median=statistics.median(durasi[langkah.nomor]) if durasi[langkah.nomor] else None,
            jumlah_pengembalian=pengembalian_per_langkah.get(langkah.nomor, 0),
        )
        for langkah in LANGKAH
    ]


def _siklus(tahun: int) -> list[SiklusLaporan]:
    """Total jam kerja tiap siklus (langkah yang diulang ikut dijumlah) dibanding total waktu bakunya."""
    pengembalian = (
        RiwayatLaporan.objects.pengembalian()
        .filter(laporan=OuterRef("pk"))
        .order_by()
        .values("laporan")
        .annotate(jumlah=Count("pk"))
        .values("jumlah")
    )
    daftar = (
        Laporan.objects.filter(tahun=tahun)
        .exclude(status=StatusLaporan.DIBATALKAN)
        .annotate(
            total_kerja=Sum("langkah__durasi_kerja"),
            jumlah_pengembalian=Coalesce(Subquery(pengembalian), 0),
        )
        .order_by("created_at", "pk")
    )
    return [
        SiklusLaporan(
            laporan=laporan,
            total_kerja=laporan.total_kerja or timedelta(),
            jumlah_pengembalian=laporan.jumlah_pengembalian,
        )
        for laporan in daftar
    ]


class Kepatuhan:
    """Kepatuhan SOP Laporan satu tahun, ditambah Laporan yang sedang berjalan (tahun berapa pun).

    Setiap bagian dihitung saat pertama dibaca: beranda Kabid hanya membaca Laporan berjalan dan tabel per langkah.
    """

    def __init__(self, *, tahun: int):
        self.tahun = tahun
        self._riwayat = RiwayatLaporan.objects.pengembalian().filter(laporan__tahun=tahun)

    @cached_property
    def berjalan(self) -> list[LangkahMenunggu]:
        return laporan_berjalan()

    @cached_property
    def _hitungan_pengembalian(self) -> dict:
        agregat = {aksi.value: Count("pk", filter=Q(aksi=aksi)) for aksi in AKSI_PENGEMBALIAN}
        return self._riwayat.aggregate(laporan_dikembalikan=Count("laporan", distinct=True), **agregat)

    @cached_property
    def per_langkah(self) -> list[KepatuhanLangkah]:
        per_langkah = defaultdict(int)
        for aksi in AKSI_PENGEMBALIAN:
            per_langkah[LANGKAH_PENGEMBALIAN[aksi]] += self._hitungan_pengembalian[aksi.value]
        return _per_langkah(self.tahun, per_langkah)

    @cached_property
    def pengembalian(self) -> Cuplikan:
        """Pengembalian beserta alasannya, terbaru dulu; tautannya membuka Laporan yang pernah dikembalikan."""
        return cuplikan(
            self._riwayat.select_related("laporan", "oleh").order_by("-waktu", "-pk"),
            tautan.laporan(tahun=self.tahun, dikembalikan="true"),
            BANYAK_ALASAN,
        )

    @property
    def laporan_dikembalikan(self) -> int:
        return self._hitungan_pengembalian["laporan_dikembalikan"]

    @cached_property
    def siklus(self) -> list[SiklusLaporan]:
        return _siklus(self.tahun)


def kepatuhan_tahun(*, tahun: int) -> Kepatuhan:
    """Kepatuhan SOP Laporan tahun itu, dihitung bagian demi bagian saat dibaca."""
    return Kepatuhan(tahun=tahun)
