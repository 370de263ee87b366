"""Kepatuhan SOP dari catatan waktu langkah: tabel monitoring enam bulanan SOP ("berjalan dengan baik / tidak")
yang disusun dari data, bukan dari ingatan."""

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from laporan.dasbor import tautan
from laporan.dasbor.cuplikan import Cuplikan, cuplikan
from laporan.models import HasilLangkah, LangkahLaporan, Laporan, RiwayatLaporan
from laporan.selectors import dengan_langkah_terbuka, waktu_baku_berlaku
from laporan.sop import LANGKAH, PENGEMBALIAN, STATUS_AKHIR, Langkah, StatusLaporan, langkah_pada_status

AKSI_PENGEMBALIAN = [p.aksi.value for p in PENGEMBALIAN]
# Langkah tempat pengembalian terjadi (Kasi di Langkah 5, Kabid di Langkah 6, Sekretariat di Langkah 7).
LANGKAH_PENGEMBALIAN = {p.aksi.value: langkah_pada_status(p.dari).nomor for p in PENGEMBALIAN}
BANYAK_ALASAN = 20


class Penilaian(models.TextChoices):
    """Penilaian penerapan SOP pada tabel monitoringnya."""

    BAIK = "BAIK", "Berjalan dengan baik"
    TIDAK = "TIDAK", "Tidak berjalan dengan baik"
    BELUM = "BELUM", "Belum ada data"


@dataclass(frozen=True)
class LaporanBerjalan:
    laporan: Laporan
    langkah: Langkah
    catatan: LangkahLaporan
    menunggu: timedelta  # jam kerja sejak serah terima

    @property
    def melewati_waktu_baku(self) -> bool:
        return self.menunggu > self.catatan.waktu_baku


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
        return sum((timedelta(minutes=m) for m in self.laporan.waktu_baku.values()), timedelta())

    @property
    def selesai(self) -> bool:
        return self.laporan.status == StatusLaporan.SELESAI

    @property
    def sesuai_baku(self) -> bool:
        return self.total_kerja <= self.total_baku


@dataclass(frozen=True)
class Kepatuhan:
    tahun: int
    berjalan: list[LaporanBerjalan]
    per_langkah: list[KepatuhanLangkah]
    pengembalian: Cuplikan  # RiwayatLaporan pengembalian beserta alasannya, terbaru dulu
    laporan_dikembalikan: int  # banyak Laporan yang mengalaminya; tautan pengembalian membuka Laporan itu
    siklus: list[SiklusLaporan]

    @property
    def langkah_tidak_baik(self) -> list[KepatuhanLangkah]:
        return [k for k in self.per_langkah if k.baik is False]


def laporan_berjalan() -> list[LaporanBerjalan]:
    """Laporan yang belum selesai, tahun berapa pun: langkah yang menunggu dan lamanya dalam jam kerja."""
    daftar = Laporan.objects.exclude(status__in=STATUS_AKHIR).order_by("tahun", "periode", "pk")
    berjalan = [
        LaporanBerjalan(laporan=laporan, langkah=langkah_pada_status(laporan.status), catatan=catatan, menunggu=lama)
        for laporan, catatan, lama in dengan_langkah_terbuka(daftar)
    ]
    return sorted(berjalan, key=lambda b: b.menunggu, reverse=True)


def _langkah_tahun(tahun: int):
    """Pengerjaan langkah Laporan tahun itu yang sudah berakhir (selesai atau dikembalikan, bukan dibatalkan)."""
    return LangkahLaporan.objects.filter(laporan__tahun=tahun, durasi_kerja__isnull=False).exclude(
        hasil=HasilLangkah.DIBATALKAN
    )


def _per_langkah(tahun: int, pengembalian_per_langkah: dict[int, int]) -> list[KepatuhanLangkah]:
    langkah_tahun = _langkah_tahun(tahun)
    hitungan = {
        baris["nomor"]: baris
        for baris in langkah_tahun.values("nomor")
        .annotate(jumlah=Count("pk"), sesuai=Count("pk", filter=Q(durasi_kerja__lte=F("waktu_baku"))))
        .order_by()
    }
    # Median tidak tersedia sebagai agregat di SQLite; durasinya diambil dalam satu kueri. Banyaknya dibatasi
    # oleh jumlah Laporan setahun (paling banyak tujuh periode × tujuh langkah, ditambah pengembalian).
    durasi = defaultdict(list)
    for nomor, nilai in langkah_tahun.values_list("nomor", "durasi_kerja"):
        durasi[nomor].append(nilai)
    baku = waktu_baku_berlaku()
    return [
        KepatuhanLangkah(
            langkah=langkah,
            waktu_baku=timedelta(minutes=baku[str(langkah.nomor)]),
            jumlah=hitungan.get(langkah.nomor, {}).get("jumlah", 0),
            jumlah_sesuai=hitungan.get(langkah.nomor, {}).get("sesuai", 0),
            median=statistics.median(durasi[langkah.nomor]) if durasi[langkah.nomor] else None,
            jumlah_pengembalian=pengembalian_per_langkah.get(langkah.nomor, 0),
        )
        for langkah in LANGKAH
    ]


def _siklus(tahun: int) -> list[SiklusLaporan]:
    """Total jam kerja tiap siklus (langkah yang diulang ikut dijumlah) dibanding total waktu bakunya."""
    pengembalian = (
        RiwayatLaporan.objects.filter(laporan=OuterRef("pk"), aksi__in=AKSI_PENGEMBALIAN)
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


def kepatuhan_tahun(*, tahun: int) -> Kepatuhan:
    """Kepatuhan SOP Laporan tahun itu, ditambah Laporan yang sedang berjalan (tahun berapa pun)."""
    pengembalian = RiwayatLaporan.objects.filter(laporan__tahun=tahun, aksi__in=AKSI_PENGEMBALIAN)
    per_aksi = dict(pengembalian.values("aksi").annotate(jumlah=Count("pk")).values_list("aksi", "jumlah").order_by())
    per_langkah = defaultdict(int)
    for aksi, jumlah in per_aksi.items():
        per_langkah[LANGKAH_PENGEMBALIAN[aksi]] += jumlah
    return Kepatuhan(
        tahun=tahun,
        berjalan=laporan_berjalan(),
        per_langkah=_per_langkah(tahun, per_langkah),
        pengembalian=cuplikan(
            pengembalian.select_related("laporan", "oleh").order_by("-waktu", "-pk"),
            tautan.laporan(tahun=tahun, dikembalikan="true"),
            BANYAK_ALASAN,
        ),
        laporan_dikembalikan=pengembalian.values("laporan").distinct().count(),
        siklus=_siklus(tahun),
    )
