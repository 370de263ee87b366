"""SOP "Pengumpulan dan Penghitungan Data Kinerja Pemanfaatan Data Kependudukan" sebagai data.

Tabel Prosedur dan Mutu Baku SOP (2 Desember 2019) ditulis sekali di sini. Mesin status, pengukuran
waktu, linimasa dan setiap halaman yang menampilkan langkah membaca dari sini; tidak ada yang
mengulanginya.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import models

from akun.models import Peran


class StatusLaporan(models.TextChoices):
    DISPOSISI_KABID = "disposisi_kabid", "Arahan Kabid"
    DISPOSISI_KASI = "disposisi_kasi", "Petunjuk Kasi KIP"
    DAFTAR = "daftar", "Penyusunan Daftar"
    HITUNG = "hitung", "Penghitungan"
    LAPORAN = "laporan", "Analisa dan Laporan Kasi"
    LAKIP_BIDANG = "lakip_bidang", "Penyusunan LAKIP Bidang"
    LAKIP_DINAS = "lakip_dinas", "Pemeriksaan Sekretariat"
    SELESAI = "selesai", "Selesai"
    DIBATALKAN = "dibatalkan", "Dibatalkan"


STATUS_AKHIR = frozenset({StatusLaporan.SELESAI, StatusLaporan.DIBATALKAN})


class Aksi(models.TextChoices):
    BERI_ARAHAN = "beri_arahan", "Beri arahan kepada Kasi KIP"
    BERI_PETUNJUK = "beri_petunjuk", "Beri petunjuk kepada Staf"
    SELESAIKAN_DAFTAR = "selesaikan_daftar", "Selesaikan Daftar"
    LAPORKAN_HITUNGAN = "laporkan_hitungan", "Laporkan hitungan kepada Kasi KIP"
    SAMPAIKAN_LAPORAN = "sampaikan_laporan", "Setujui dan sampaikan Laporan kepada Kabid"
    SAMPAIKAN_LAKIP_BIDANG = "sampaikan_lakip_bidang", "Sampaikan LAKIP Bidang kepada Sekretariat"
    TERIMA = "terima", "Terima sebagai bahan LAKIP Dinas"
    KEMBALIKAN_KE_STAF = "kembalikan_ke_staf", "Kembalikan kepada Staf"
    KEMBALIKAN_KE_KASI = "kembalikan_ke_kasi", "Kembalikan kepada Kasi KIP"
    KEMBALIKAN_KE_KABID = "kembalikan_ke_kabid", "Kembalikan kepada Kabid"
    BATALKAN = "batalkan", "Batalkan Laporan"


class AksiPendamping(models.TextChoices):
    """Catatan jejak audit yang bukan transisi status."""

    BUAT = "buat", "Mulai Laporan"
    AMBIL = "ambil", "Kerjakan (ambil langkah)"
    LEPAS = "lepas", "Lepas langkah"


class Periode(models.TextChoices):
    TAHUNAN = "TAHUNAN", "Tahunan"
    SEMESTER_1 = "SEMESTER_1", "Semester I"
    SEMESTER_2 = "SEMESTER_2", "Semester II"
    TRIWULAN_1 = "TRIWULAN_1", "Triwulan I"
    TRIWULAN_2 = "TRIWULAN_2", "Triwulan II"
    TRIWULAN_3 = "TRIWULAN_3", "Triwulan III"
    TRIWULAN_4 = "TRIWULAN_4", "Triwulan IV"


RENTANG_BULAN = {
    Periode.TAHUNAN: (1, 12),
    Periode.SEMESTER_1: (1, 6),
    Periode.SEMESTER_2: (7, 12),
    Periode.TRIWULAN_1: (1, 3),
    Periode.TRIWULAN_2: (4, 6),
    Periode.TRIWULAN_3: (7, 9),
    Periode.TRIWULAN_4: (10, 12),
}


@dataclass(frozen=True)
class Langkah:
    """Satu baris tabel Prosedur SOP: siapa mengerjakan apa, dengan kelengkapan, waktu baku dan output."""

    nomor: int
    kegiatan: str
    pelaksana: Peran
    kelengkapan: str
    waktu_baku: timedelta
    output: str
    status: StatusLaporan  # status Laporan selama langkah ini dikerjakan
    aksi: Aksi  # aksi yang menyelesaikan langkah ini
    status_berikut: StatusLaporan


LANGKAH: tuple[Langkah, ...] = (
    Langkah(
        1,
        "Memberi arahan kepada Kasi untuk membuat Daftar Pemanfaatan Data Kependudukan oleh OPD "
        "lingkup Pemprov. Sumatera Barat.",
        Peran.KABID,
        "Disposisi",
        timedelta(minutes=10),
        "Disposisi (arahan dan petunjuk)",
        StatusLaporan.DISPOSISI_KABID,
        Aksi.BERI_ARAHAN,
        StatusLaporan.DISPOSISI_KASI,
    ),
    Langkah(
        2,
        "Memberi petunjuk kepada Staf untuk membuat Daftar Pemanfaatan Data Kependudukan oleh OPD dan "
        "mengumpulkan data dukung pemanfaatan data kependudukan oleh OPD.",
        Peran.KASI_KIP,
        "Disposisi",
        timedelta(minutes=10),
        "Disposisi (arahan dan petunjuk)",
        StatusLaporan.DISPOSISI_KASI,
        Aksi.BERI_PETUNJUK,
        StatusLaporan.DAFTAR,
    ),
    Langkah(
        3,
        "Membuat Daftar Pemanfaatan Data Kependudukan oleh OPD dan memasukkan semua informasi yang terkait "
        "berdasarkan data dukung pemanfaatan data yang ada ke dalam Daftar Pemanfaatan Data tersebut "
        "(Pemanfaatan Data Kependudukan, Pemanfaatan NIK, dan KTP-el).",
        Peran.STAF,
        "Disposisi",
        timedelta(hours=2),
        "Daftar Pemanfaatan Data Kependudukan oleh OPD",
        StatusLaporan.DAFTAR,
        Aksi.SELESAIKAN_DAFTAR,
        StatusLaporan.HITUNG,
    ),
    Langkah(
        4,
        "Menghitung jumlah pemanfaatan data kependudukan berdasarkan Daftar Pemanfaatan Data oleh OPD yang "
        "telah diisi dan melaporkan kepada Kasi.",
        Peran.STAF,
        "Daftar Pemanfaatan Data Kependudukan oleh OPD",
        timedelta(minutes=15),
        "Daftar Pemanfaatan Data Kependudukan oleh OPD",
        StatusLaporan.HITUNG,
        Aksi.LAPORKAN_HITUNGAN,
        StatusLaporan.LAPORAN,
    ),
    Langkah(
        5,
        "Menerima Daftar Pemanfaatan Data serta melakukan analisa, evaluasi dan membuat Laporan kepada Kabid "
        "terkait Jumlah Pemanfaatan Data Kependudukan oleh OPD sebagai bahan untuk Pengukuran Kinerja.",
        Peran.KASI_KIP,
        "Daftar Pemanfaatan Data Kependudukan oleh OPD",
        timedelta(hours=2),
        "Laporan Pemanfaatan Data Kependudukan",
        StatusLaporan.LAPORAN,
        Aksi.SAMPAIKAN_LAPORAN,
        StatusLaporan.LAKIP_BIDANG,
    ),
    Langkah(
        6,
        "Menerima Laporan Evaluasi terkait Jumlah Pemanfaatan Data Kependudukan oleh OPD sebagai bahan untuk "
        "penyusunan Laporan Kinerja Bidang, melakukan penyusunan Laporan Kinerja Bidang dan menyampaikan "
        "kepada Sekretariat.",
        Peran.KABID,
        "Laporan Pemanfaatan Data Kependudukan",
        timedelta(hours=3),
        "LAKIP Bidang",
        StatusLaporan.LAKIP_BIDANG,
        Aksi.SAMPAIKAN_LAKIP_BIDANG,
        StatusLaporan.LAKIP_DINAS,
    ),
    Langkah(
        7,
        "Menerima dan memeriksa Laporan Kinerja Bidang sebagai bahan untuk penyusunan Laporan Kinerja Dinas.",
        Peran.SEKRETARIAT,
        "LAKIP Bidang",
        timedelta(minutes=15),
        "Dokumen (bahan) untuk LAKIP Dinas",
        StatusLaporan.LAKIP_DINAS,
        Aksi.TERIMA,
        StatusLaporan.SELESAI,
    ),
)

WAKTU_BAKU_TOTAL = sum((langkah.waktu_baku for langkah in LANGKAH), timedelta())


@dataclass(frozen=True)
class Pengembalian:
    """Aksi yang mengembalikan Laporan ke langkah sebelumnya; alasannya wajib."""

    aksi: Aksi
    dari: StatusLaporan
    ke: StatusLaporan
    oleh: Peran


PENGEMBALIAN: tuple[Pengembalian, ...] = (
    Pengembalian(Aksi.KEMBALIKAN_KE_STAF, StatusLaporan.LAPORAN, StatusLaporan.DAFTAR, Peran.KASI_KIP),
    Pengembalian(Aksi.KEMBALIKAN_KE_KASI, StatusLaporan.LAKIP_BIDANG, StatusLaporan.LAPORAN, Peran.KABID),
    Pengembalian(Aksi.KEMBALIKAN_KE_KABID, StatusLaporan.LAKIP_DINAS, StatusLaporan.LAKIP_BIDANG, Peran.SEKRETARIAT),
)

# Kabid dapat membatalkan Laporan yang belum sampai ke Sekretariat.
STATUS_DAPAT_DIBATALKAN = (
    StatusLaporan.DISPOSISI_KABID,
    StatusLaporan.DISPOSISI_KASI,
    StatusLaporan.DAFTAR,
    StatusLaporan.HITUNG,
    StatusLaporan.LAPORAN,
    StatusLaporan.LAKIP_BIDANG,
)

_LANGKAH_PER_STATUS = {langkah.status: langkah for langkah in LANGKAH}
_LANGKAH_PER_NOMOR = {langkah.nomor: langkah for langkah in LANGKAH}
_LANGKAH_PER_AKSI = {langkah.aksi: langkah for langkah in LANGKAH}
_PENGEMBALIAN_PER_AKSI = {p.aksi: p for p in PENGEMBALIAN}
AKSI_PENGEMBALIAN: tuple[Aksi, ...] = tuple(_PENGEMBALIAN_PER_AKSI)


def langkah_pada_status(status: str) -> Langkah | None:
    """Langkah yang sedang berjalan saat Laporan berstatus itu (None bila selesai/dibatalkan)."""
    return _LANGKAH_PER_STATUS.get(status)


def langkah_nomor(nomor: int) -> Langkah:
    return _LANGKAH_PER_NOMOR[nomor]


def langkah_untuk_aksi(aksi: str) -> Langkah | None:
    return _LANGKAH_PER_AKSI.get(aksi)


def pengembalian_untuk_aksi(aksi: str) -> Pengembalian | None:
    return _PENGEMBALIAN_PER_AKSI.get(aksi)


def rentang_bulan(periode: str) -> tuple[int, int]:
    return RENTANG_BULAN[Periode(periode)]


def pelaksana_aksi(aksi: str) -> Peran:
    """Peran yang menjalankan aksi: pelaksana langkahnya, pengembalinya, atau Kabid untuk pembatalan."""
    if langkah := langkah_untuk_aksi(aksi):
        return langkah.pelaksana
    if pengembalian := pengembalian_untuk_aksi(aksi):
        return pengembalian.oleh
    if aksi == Aksi.BATALKAN:
        return Peran.KABID
    raise ValueError(f"Aksi tidak dikenal: {aksi}")
