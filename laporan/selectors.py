"""Pembacaan siklus SOP menurut pengguna: daftar Laporan, Tugas Saya, linimasa, aksi yang tersedia."""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum, prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django_fsm import can_proceed

from akun.akses import pastikan_izin
from akun.models import Pengguna, Peran
from laporan.models import (
    ArsipDokumen,
    HariLibur,
    HasilLangkah,
    LangkahLaporan,
    Laporan,
    Notifikasi,
    RiwayatLaporan,
    WaktuBaku,
)
from laporan.sop import (
    AKSI_PENGEMBALIAN,
    LANGKAH,
    STATUS_DAPAT_DIBATALKAN,
    Aksi,
    AksiPendamping,
    Langkah,
    StatusLaporan,
    langkah_pada_status,
    pengembalian_untuk_aksi,
)
from laporan.waktu_kerja import JadwalKerja, durasi_kerja
from pemanfaatan.models import JenisPemanfaatan

logger = logging.getLogger(__name__)


def jadwal_kerja() -> JadwalKerja:
    """Jadwal kerja dari pengaturan, ditambah hari libur yang dicatat administrator."""
    return JadwalKerja.dari_pengaturan(libur_tambahan=dict(HariLibur.objects.values_list("tanggal", "keterangan")))


def waktu_baku_berlaku() -> dict[str, int]:
    """Waktu baku (menit) per nomor langkah yang berlaku hari ini: ubahan administrator, atau angka SOP."""
    tersimpan = dict(WaktuBaku.objects.values_list("nomor", "menit"))
    return {
        str(langkah.nomor): tersimpan.get(langkah.nomor, int(langkah.waktu_baku.total_seconds() // 60))
        for langkah in LANGKAH
    }


def laporan_list(*, user: Pengguna) -> QuerySet[Laporan]:
    pastikan_izin(user, "laporan.view_laporan")
    return Laporan.objects.select_related("dibuat_oleh")


def laporan_get(*, user: Pengguna, pk: int) -> Laporan:
    pastikan_izin(user, "laporan.view_laporan")
    return get_object_or_404(Laporan.objects.select_related("staf_ditunjuk", "dihitung_oleh", "dibuat_oleh"), pk=pk)


def _status_giliran(user: Pengguna) -> list[str]:
    return [langkah.status for langkah in LANGKAH if user.punya_peran(langkah.pelaksana)]


def tugas_queryset(*, user: Pengguna) -> QuerySet[Laporan]:
    """Laporan yang sedang menunggu peran pengguna (langkah Staf hanya untuk Staf yang ditunjuk, bila ada)."""
    laporan = Laporan.objects.filter(status__in=_status_giliran(user))
    if not user.punya_peran(Peran.STAF):
        return laporan  # syarat Staf yang ditunjuk di bawah hanya menyangkut langkah Staf
    status_staf = [langkah.status for langkah in LANGKAH if langkah.pelaksana == Peran.STAF]
    return laporan.exclude(Q(status__in=status_staf) & Q(staf_ditunjuk__is_active=True) & ~Q(staf_ditunjuk=user))


def transisi_terakhir(laporan_ref) -> QuerySet[RiwayatLaporan]:
    """Catatan audit perpindahan status, terbaru dulu (tanpa ambil/lepas langkah)."""
    return (
        RiwayatLaporan.objects.filter(laporan=laporan_ref)
        .exclude(aksi__in=[AksiPendamping.AMBIL, AksiPendamping.LEPAS])
        .order_by("-waktu", "-pk")
    )


def alasan_pengembalian(*, laporan: Laporan) -> RiwayatLaporan | None:
    """Bila Laporan sedang berada di langkah ini karena dikembalikan: catatan pengembalian itu."""
    terakhir = transisi_terakhir(laporan).select_related("oleh").first()
    if terakhir is not None and pengembalian_untuk_aksi(terakhir.aksi) is not None:
        return terakhir
    return None


def jumlah_tugas(*, user: Pengguna) -> int:
    return tugas_queryset(user=user).count()


@dataclass(frozen=True)
class LangkahMenunggu:
    """Laporan yang sedang menunggu di satu langkah: catatan langkah terbukanya dan lama tunggunya."""

    laporan: Laporan
    catatan: LangkahLaporan
    menunggu: timedelta  # jam kerja sejak serah terima

    @property
    def langkah(self) -> Langkah:
        return langkah_pada_status(self.laporan.status)

    @property
    def waktu_baku(self) -> timedelta:
        return self.catatan.waktu_baku

    @property
    def melewati_waktu_baku(self) -> bool:
        return self.menunggu > self.waktu_baku


@dataclass(frozen=True)
class Tugas(LangkahMenunggu):
    alasan_pengembalian: str | None


def dengan_langkah_terbuka(laporan: QuerySet[Laporan]) -> list[LangkahMenunggu]:
    """Laporan beserta langkah yang sedang terbuka dan lama tunggunya dalam jam kerja sejak serah terima.

    Dua kueri (Laporan dan langkah terbukanya) ditambah hari libur, berapa pun banyaknya Laporan.
    """
    terbuka = LangkahLaporan.objects.filter(selesai_pada__isnull=True).select_related("diambil_oleh")
    laporan = laporan.prefetch_related(Prefetch("langkah", queryset=terbuka, to_attr="langkah_terbuka_daftar"))
    jadwal, sekarang = jadwal_kerja(), timezone.now()
    hasil = []
    for item in laporan:
        if not item.langkah_terbuka_daftar:
            logger.error("%s berstatus %s tanpa langkah terbuka; dilewati", item, item.status)
            continue
        catatan = item.langkah_terbuka_daftar[0]
        hasil.append(LangkahMenunggu(item, catatan, durasi_kerja(catatan.diterima_pada, sekarang, jadwal)))
    return hasil


def tugas_saya(*, user: Pengguna) -> list[Tugas]:
    """Tugas Saya: yang paling lama menunggu di atas, dengan lama tunggu dalam jam kerja."""
    terakhir = transisi_terakhir(OuterRef("pk"))
    laporan = tugas_queryset(user=user).annotate(
        aksi_terakhir=Subquery(terakhir.values("aksi")[:1]),
        catatan_terakhir=Subquery(terakhir.values("catatan")[:1]),
    )
    tugas = [
        Tugas(
            laporan=m.laporan,
            catatan=m.catatan,
            menunggu=m.menunggu,
            alasan_pengembalian=(
                m.laporan.catatan_terakhir if pengembalian_untuk_aksi(m.laporan.aksi_terakhir) else None
            ),
        )
        for m in dengan_langkah_terbuka(laporan)
    ]
    return sorted(tugas, key=lambda t: t.catatan.diterima_pada)


def aksi_tersedia(*, laporan: Laporan, user: Pengguna) -> list[Aksi]:
    """Aksi yang boleh dijalankan pengguna ini sekarang; tombol lain tidak ditampilkan."""
    calon = [langkah.aksi for langkah in LANGKAH] + list(AKSI_PENGEMBALIAN)
    if laporan.status in STATUS_DAPAT_DIBATALKAN:
        calon.append(Aksi.BATALKAN)
    return [
        aksi
        for aksi in calon
        if can_proceed(getattr(laporan, aksi.value)) and laporan.alasan_ditolak(user, aksi) is None
    ]


@dataclass(frozen=True)
class BarisLinimasa:
    langkah: Langkah
    catatan: list[LangkahLaporan]  # setiap kali langkah ini dikerjakan (pengembalian menambah baris)
    keadaan: str  # selesai, berjalan, menunggu
    waktu_baku: timedelta  # yang berlaku bagi Laporan ini


def langkah_laporan(laporan: Laporan) -> list[LangkahLaporan]:
    """Semua catatan langkah Laporan beserta pengambil dan penyelesainya, dibaca sekali per objek Laporan:
    linimasa, ringkasan waktu dan langkah terbuka pada halaman yang sama memakai bacaan yang sama."""
    semua = LangkahLaporan.objects.select_related("diambil_oleh", "selesai_oleh")
    prefetch_related_objects([laporan], Prefetch("langkah", queryset=semua))
    return list(laporan.langkah.all())


def linimasa(*, laporan: Laporan) -> list[BarisLinimasa]:
    """Tujuh langkah SOP dengan catatan pengerjaannya, untuk lajur per pelaksana."""
    semua = langkah_laporan(laporan)
    sekarang = langkah_pada_status(laporan.status)
    baris = []
    for langkah in LANGKAH:
        catatan = [c for c in semua if c.nomor == langkah.nomor]
        if sekarang is not None and langkah.nomor == sekarang.nomor:
            keadaan = "berjalan"
        elif catatan and catatan[-1].hasil == HasilLangkah.SELESAI:
            keadaan = "selesai"
        else:
            keadaan = "menunggu"
        if laporan.status == StatusLaporan.SELESAI:
            keadaan = "selesai"
        waktu_baku = timedelta(minutes=laporan.waktu_baku[str(langkah.nomor)])
        baris.append(BarisLinimasa(langkah=langkah, catatan=catatan, keadaan=keadaan, waktu_baku=waktu_baku))
    return baris


@dataclass(frozen=True)
class RingkasanWaktu:
    total_kerja: timedelta
    total_baku: timedelta
    jumlah_langkah: int
    jumlah_sesuai_baku: int

    @property
    def persen_sesuai_baku(self) -> float | None:
        return None if not self.jumlah_langkah else self.jumlah_sesuai_baku * 100 / self.jumlah_langkah


def ringkasan_waktu(*, laporan: Laporan) -> RingkasanWaktu:
    """Total waktu kerja siklus dibanding jumlah waktu baku (7 jam 50 menit) dan bagian langkah tepat waktu."""
    selesai = [c for c in langkah_laporan(laporan) if c.durasi_kerja is not None]
    return RingkasanWaktu(
        total_kerja=sum((c.durasi_kerja for c in selesai), timedelta()),
        total_baku=laporan.total_waktu_baku,
        jumlah_langkah=len(selesai),
        jumlah_sesuai_baku=sum(1 for c in selesai if not c.melewati_waktu_baku),
    )


def notifikasi_list(*, user: Pengguna) -> QuerySet[Notifikasi]:
    return Notifikasi.objects.filter(penerima=user).select_related("laporan")


def jumlah_notifikasi_baru(*, user: Pengguna) -> int:
    return Notifikasi.objects.filter(penerima=user, dibaca_pada__isnull=True).count()


def laporan_aktif_ada(*, tahun: int) -> bool:
    return Laporan.objects.filter(tahun=tahun).exclude(status=StatusLaporan.DIBATALKAN).exists()


def total_rekap(*, laporan: Laporan) -> dict:
    """Total hitungan beku per jenis dan keseluruhan, dan banyak barisnya, dalam satu kueri agregat."""
    agregat = {
        "banyak_baris": Count("pk"),
        "semua_kegiatan": Sum("jumlah_kegiatan", default=0),
        "semua_jumlah": Sum("total_jumlah", default=0),
    }
    for jenis in JenisPemanfaatan:
        agregat[f"jenis_{jenis.value}"] = Sum("total_jumlah", filter=Q(jenis=jenis), default=0)
    hasil = laporan.rekap.aggregate(**agregat)
    hasil["per_jenis"] = [(jenis.label, hasil[f"jenis_{jenis.value}"]) for jenis in JenisPemanfaatan]
    return hasil


def laporan_diterima(*, user: Pengguna, tahun: int | None = None) -> QuerySet[Laporan]:
    """Laporan yang sudah diterima Sekretariat (Langkah 7) beserta arsip bahan LAKIP Dinas-nya."""
    diterima = laporan_list(user=user).filter(status=StatusLaporan.SELESAI).prefetch_related("arsip")
    if tahun is not None:
        diterima = diterima.filter(tahun=tahun)
    return diterima.order_by("-tahun", "periode", "pk")


def arsip_get(*, user: Pengguna, pk: int) -> ArsipDokumen:
    pastikan_izin(user, "laporan.view_laporan")
    return get_object_or_404(ArsipDokumen, pk=pk)
