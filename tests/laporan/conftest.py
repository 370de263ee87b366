"""Bahan uji siklus SOP: Laporan pada status mana pun lewat layanan sungguhan, IKU, Daftar satu periode, jam beku.

Laporan selalu dibuat dengan `laporan_buat` dan dimajukan dengan `laporan_transisi` berisian sah, sehingga
setiap Laporan uji menempuh jalan yang sama dengan yang ditempuh pengguna.
"""

import datetime
from decimal import Decimal

import pytest

from akun.models import Peran
from laporan import kelengkapan, rekap
from laporan.models import (
    Iku,
    LangkahLaporan,
    Laporan,
    Polaritas,
    RealisasiIku,
    RekapPemanfaatan,
    RiwayatLaporan,
    SumberRealisasi,
    TargetIku,
)
from laporan.services import laporan_buat, laporan_transisi
from laporan.sop import Periode
from pemanfaatan.models import (
    DataDukung,
    JenisBerkas,
    JenisOpd,
    JenisPemanfaatan,
    Opd,
    Pemanfaatan,
    PeriodeTerkunci,
    PerjanjianKerjaSama,
)
from tests.conftest import baris_daftar, buat_pengguna

TAHUN = 2026
PERIODE = Periode.TRIWULAN_1

# Jalan maju SOP, ditulis ulang di sini (bukan dibaca dari laporan.sop): status → (aksi, peran pelaksana).
JALAN_MAJU = {
    "disposisi_kabid": ("beri_arahan", "kabid"),
    "disposisi_kasi": ("beri_petunjuk", "kasi"),
    "daftar": ("selesaikan_daftar", "staf"),
    "hitung": ("laporkan_hitungan", "staf"),
    "laporan": ("sampaikan_laporan", "kasi"),
    "lakip_bidang": ("sampaikan_lakip_bidang", "kabid"),
    "lakip_dinas": ("terima", "sekretariat"),
}
URUTAN_STATUS = [*JALAN_MAJU, "selesai"]

ALASAN = "Angka Februari belum sesuai surat OPD."


def sidik_hitungan(laporan: Laporan) -> str:
    """Sidik hitungan Daftar periode itu saat ini, seperti yang dibawa halaman Langkah 4."""
    hasil = rekap.hitung(tahun=laporan.tahun, bulan_awal=laporan.bulan_awal, bulan_akhir=laporan.bulan_akhir)
    return rekap.sidik(hasil)


def sidik_peringatan(laporan: Laporan) -> str:
    """Sidik peringatan kelengkapan Daftar periode itu saat ini, seperti yang dibawa halaman Langkah 3."""
    peringatan = kelengkapan.periksa(
        tahun=laporan.tahun, bulan_awal=laporan.bulan_awal, bulan_akhir=laporan.bulan_akhir
    )
    return kelengkapan.sidik(peringatan)


def data_sah(aksi: str, laporan: Laporan, *, staf=None) -> dict:
    """Isian formulir yang sah untuk aksi itu, seperti yang dikirim peramban."""
    if aksi == "beri_arahan":
        return {"arahan": "Susun Daftar Pemanfaatan triwulan ini."}
    if aksi == "beri_petunjuk":
        return {"petunjuk": "Kumpulkan data dukung dari semua OPD.", "staf": staf.pk if staf else ""}
    if aksi == "selesaikan_daftar":
        return {"akui_peringatan": "on", "sidik": sidik_peringatan(laporan)}
    if aksi == "laporkan_hitungan":
        return {"konfirmasi": "on", "sidik": sidik_hitungan(laporan)}
    if aksi == "sampaikan_laporan":
        return {
            "analisa": "Naik dibanding triwulan lalu.",
            "evaluasi": "Dua OPD belum lapor.",
            "rekomendasi": "Surati.",
        }
    if aksi == "sampaikan_lakip_bidang":
        pastikan_iku(laporan.tahun)
        data = {"narasi": "Capaian pemanfaatan data kependudukan triwulan ini."}
        for iku in Iku.objects.filter(aktif=True):
            data[f"realisasi_{iku.pk}"] = "1"
            data[f"alasan_{iku.pk}"] = "Diisi manual untuk uji."
        return data
    if aksi == "terima":
        return {"catatan_pemeriksaan": "Lengkap, diterima."}
    return {"alasan": ALASAN}


def pastikan_iku(tahun: int) -> None:
    """LAKIP Bidang butuh IKU aktif yang bertarget tahun itu; dilengkapi hanya bila uji belum menyiapkannya."""
    if not Iku.objects.filter(aktif=True).exists():
        Iku.objects.create(kode="IKU-UJI", nama="Indikator uji", satuan="%", sumber=SumberRealisasi.MANUAL)
    for iku in Iku.objects.filter(aktif=True).exclude(target__tahun=tahun):
        TargetIku.objects.create(iku=iku, tahun=tahun, target=Decimal("100"))


@pytest.fixture
def pemeran(kabid, kasi, staf, sekretariat, tanpa_peran):
    return {"kabid": kabid, "kasi": kasi, "staf": staf, "sekretariat": sekretariat, "tanpa_peran": tanpa_peran}


@pytest.fixture
def buat_laporan(pemeran):
    """Pabrik: Laporan baru yang dimajukan sampai `status` lewat layanan, oleh pemeran tetap (atau `oleh`)."""

    def buat(
        status: str = "disposisi_kabid",
        *,
        tahun: int = TAHUN,
        periode: str = PERIODE,
        staf_ditunjuk=None,
        oleh: dict | None = None,
    ) -> Laporan:
        pelaku = {**pemeran, **(oleh or {})}
        if staf_ditunjuk is not None:
            pelaku["staf"] = staf_ditunjuk
        laporan = laporan_buat(user=pelaku["kabid"], tahun=tahun, periode=periode)
        if status == "dibatalkan":
            return laporan_transisi(laporan=laporan, aksi="batalkan", user=pelaku["kabid"], data={"alasan": ALASAN})
        while laporan.status != status:
            aksi, peran = JALAN_MAJU[laporan.status]
            data = data_sah(aksi, laporan, staf=staf_ditunjuk)
            laporan = laporan_transisi(laporan=laporan, aksi=aksi, user=pelaku[peran], data=data)
        return laporan

    return buat


def potret(laporan: Laporan) -> dict:
    """Semua yang boleh diubah sebuah aksi; aksi yang ditolak harus meninggalkannya persis sama."""
    return {
        "laporan": Laporan.objects.filter(pk=laporan.pk).values().get(),
        "riwayat": list(RiwayatLaporan.objects.filter(laporan=laporan).values()),
        "langkah": list(LangkahLaporan.objects.filter(laporan=laporan).order_by("pk").values()),
        "rekap": list(RekapPemanfaatan.objects.filter(laporan=laporan).order_by("pk").values()),
        "realisasi": list(RealisasiIku.objects.filter(laporan=laporan).order_by("pk").values()),
        "kunci": list(PeriodeTerkunci.objects.order_by("pk").values()),
    }


@pytest.fixture
def kasi_lain(db):
    return buat_pengguna("kasi2", Peran.KASI_KIP, nama="Kasi Pengganti", email="kasi2@sumbarprov.go.id")


@pytest.fixture
def staf_lain(db):
    return buat_pengguna("staf2", Peran.STAF, nama="Staf Kedua", email="staf2@sumbarprov.go.id")


# --- Daftar satu periode ------------------------------------------------------------------------


def lampirkan_bukti(pemanfaatan: Pemanfaatan, oleh) -> DataDukung:
    return DataDukung.objects.create(
        pemanfaatan=pemanfaatan,
        berkas="data_dukung/2026/01/bukti-uji.pdf",
        nama_asli="surat-opd.pdf",
        jenis_berkas=JenisBerkas.PDF,
        ukuran=1234,
        diunggah_oleh=oleh,
    )


@pytest.fixture
def rsud(db):
    return Opd.objects.create(kode="1.02.0.00.0.00.02.0000", nama="RSUD M. Natsir", jenis=JenisOpd.RUMAH_SAKIT)


@pytest.fixture
def pks_rsud(rsud):
    """PKS RSUD: berakhir Desember 2025, jadi tidak berlaku lagi pada Triwulan I 2026."""
    return PerjanjianKerjaSama.objects.create(
        nomor="120/07/PKS-DUKCAPIL/2023",
        opd=rsud,
        tanggal=datetime.date(2023, 1, 2),
        berlaku_mulai=datetime.date(2023, 1, 2),
        berlaku_sampai=datetime.date(2025, 12, 31),
        lingkup_nik=True,
    )


@pytest.fixture
def daftar_triwulan(opd, opd_lain, rsud, pks, pks_rsud, staf):
    """Daftar Triwulan I 2026 beserta baris di luar periodenya.

    Hitungan yang diharapkan (ditulis tangan):
      Dinas Kesehatan  NIK 100 + 250 = 350 (2 baris), Data Kependudukan 40 (1), KTP-el 3 (1, PKS tidak mencakup)
      Dinas Sosial     KTP-el 7 (1, tanpa PKS)
      RSUD             NIK 20 (1, PKS sudah berakhir)
    Di luar periode: Dinas Kesehatan NIK April 2026 (999) dan Januari 2025 (555).
    """
    baris = {
        "nik_jan": baris_daftar(opd, JenisPemanfaatan.NIK, 1, 100, pks=pks, oleh=staf),
        "nik_feb": baris_daftar(opd, JenisPemanfaatan.NIK, 2, 250, pks=pks, oleh=staf),
        "dk_mar": baris_daftar(opd, JenisPemanfaatan.DATA_KEPENDUDUKAN, 3, 40, pks=pks, oleh=staf),
        "ktp_feb": baris_daftar(opd, JenisPemanfaatan.KTP_EL, 2, 3, pks=pks, oleh=staf),
        "sosial_ktp_mar": baris_daftar(opd_lain, JenisPemanfaatan.KTP_EL, 3, 7, oleh=staf),
        "rsud_nik_jan": baris_daftar(rsud, JenisPemanfaatan.NIK, 1, 20, pks=pks_rsud, oleh=staf),
        "nik_apr": baris_daftar(opd, JenisPemanfaatan.NIK, 4, 999, pks=pks, oleh=staf),
        "nik_jan_2025": baris_daftar(opd, JenisPemanfaatan.NIK, 1, 555, pks=pks, tahun=2025, oleh=staf),
    }
    for nama in ("nik_jan", "nik_feb", "dk_mar", "nik_apr"):
        lampirkan_bukti(baris[nama], staf)
    return baris


# --- IKU ----------------------------------------------------------------------------------------


def buat_iku(
    kode: str, sumber: str, *, target: str | None = "100", polaritas=Polaritas.TINGGI_LEBIH_BAIK, urutan=0, tahun=TAHUN
):
    iku = Iku.objects.create(
        kode=kode, nama=f"Indikator {kode}", satuan="angka", sumber=sumber, polaritas=polaritas, urutan=urutan
    )
    if target is not None:
        TargetIku.objects.create(iku=iku, tahun=tahun, target=Decimal(target))
    return iku


def status_ke(laporan: Laporan) -> str:
    return Laporan.objects.values_list("status", flat=True).get(pk=laporan.pk)
