"""Langkah 3–4 dan 6: kelengkapan Daftar, hitungan beku dan kunci periode, lalu IKU dari hitungan itu.

Hitungan diperiksa dua kali: terhadap angka yang ditulis tangan untuk Daftar uji, dan terhadap hitung ulang
dengan Python biasa atas baris Daftar (bukan dengan laporan.rekap.hitung yang sedang diuji).
"""

import datetime
import io
from collections import defaultdict
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from laporan import kelengkapan
from laporan.forms import LakipBidangForm
from laporan.iku import realisasi_dari_hitungan
from laporan.models import Polaritas, RealisasiIku, RekapPemanfaatan, RiwayatLaporan, SumberRealisasi, hitung_capaian
from laporan.services import DataAksiTidakSah, laporan_transisi
from pemanfaatan.impor import ImporError
from pemanfaatan.impor import services as impor_services
from pemanfaatan.impor.kolom import KOLOM
from pemanfaatan.models import (
    DataDukung,
    JenisBerkas,
    JenisOpd,
    JenisPemanfaatan,
    Opd,
    Pemanfaatan,
    PeriodeTerkunci,
    PerjanjianKerjaSama,
    StatusImpor,
)
from pemanfaatan.services import (
    PemanfaatanError,
    data_dukung_create,
    data_dukung_delete,
    pemanfaatan_create,
    pemanfaatan_delete,
    pemanfaatan_update,
)
from tests.laporan.conftest import ALASAN, buat_iku, data_sah, lampirkan_bukti, potret, sidik_peringatan

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
BIDANG_DAFTAR = ["opd", "jenis", "tahun", "bulan", "keperluan", "metode_akses", "pks", "jumlah", "keterangan"]


def isian(pemanfaatan: Pemanfaatan, **ubah) -> dict:
    """Data layanan pemanfaatan_update/create: nilai baris sekarang, sebagian diubah."""
    data = {bidang: getattr(pemanfaatan, bidang) for bidang in BIDANG_DAFTAR}
    return data | ubah


def isian_form(pemanfaatan: Pemanfaatan, **ubah) -> dict:
    """Data POST formulir peramban untuk baris itu."""
    data = isian(pemanfaatan, **ubah)
    data["opd"] = data["opd"].pk
    data["pks"] = data["pks"].pk if data["pks"] else ""
    return data


def hitung_ulang(tahun: int, bulan_awal: int, bulan_akhir: int) -> dict:
    """Hitung ulang (OPD, jenis) → (banyak baris, total jumlah) dengan Python biasa."""
    hasil = defaultdict(lambda: [0, 0])
    for baris in Pemanfaatan.objects.filter(tahun=tahun):
        if bulan_awal <= baris.bulan <= bulan_akhir:
            hasil[(baris.opd_id, baris.jenis)][0] += 1
            hasil[(baris.opd_id, baris.jenis)][1] += baris.jumlah
    return {kunci: tuple(nilai) for kunci, nilai in hasil.items()}


def rekap_tersimpan(laporan) -> dict:
    return {
        (r.opd_id, r.jenis): (r.jumlah_kegiatan, r.total_jumlah)
        for r in RekapPemanfaatan.objects.filter(laporan=laporan)
    }


def ke_laporan(buat_laporan, **kwargs):
    """Laporan Triwulan I 2026 yang hitungannya baru dibekukan (Langkah 4 selesai)."""
    return buat_laporan("laporan", **kwargs)


# --- Hitungan beku -------------------------------------------------------------------------------


def test_hitungan_beku_sama_dengan_hitung_ulang_dan_angka_tulis_tangan(
    buat_laporan, daftar_triwulan, opd, opd_lain, rsud, staf
):
    laporan = ke_laporan(buat_laporan)

    diharapkan = {
        (opd.pk, "DATA_KEPENDUDUKAN"): (1, 40),
        (opd.pk, "KTP_EL"): (1, 3),
        (opd.pk, "NIK"): (2, 350),
        (opd_lain.pk, "KTP_EL"): (1, 7),
        (rsud.pk, "NIK"): (1, 20),
    }
    assert rekap_tersimpan(laporan) == diharapkan
    assert hitung_ulang(2026, 1, 3) == diharapkan

    per_jenis = defaultdict(int)
    for r in RekapPemanfaatan.objects.filter(laporan=laporan):
        per_jenis[r.jenis] += r.total_jumlah
    assert dict(per_jenis) == {"DATA_KEPENDUDUKAN": 40, "NIK": 370, "KTP_EL": 10}

    laporan.refresh_from_db()
    # Tiga OPD aktif, ketiganya punya baris; hanya PKS Dinas Kesehatan yang berlaku pada akhir Maret 2026.
    assert (laporan.jumlah_opd_aktif, laporan.jumlah_opd_memanfaatkan, laporan.jumlah_opd_pks_aktif) == (3, 3, 1)
    assert laporan.dihitung_oleh == staf
    assert laporan.dihitung_pada is not None


def test_opd_aktif_dan_pks_aktif_dihitung_terpisah_dari_pemakai(buat_laporan, daftar_triwulan, staf):
    """OPD aktif tanpa baris menambah jumlah OPD aktif saja; PKS aktif tanpa baris menambah OPD ber-PKS saja;
    OPD nonaktif tidak dihitung sebagai OPD aktif."""
    diam = Opd.objects.create(kode="4.01.0.00.0.00.01.0000", nama="Badan Kepegawaian Daerah", jenis=JenisOpd.BADAN)
    PerjanjianKerjaSama.objects.create(
        nomor="120/09/PKS-DUKCAPIL/2025",
        opd=diam,
        tanggal=datetime.date(2025, 6, 1),
        berlaku_mulai=datetime.date(2025, 6, 1),
        berlaku_sampai=datetime.date(2030, 5, 31),
        lingkup_data_kependudukan=True,
    )
    Opd.objects.create(kode="9.99.0.00.0.00.01.0000", nama="Biro yang Dibubarkan", jenis=JenisOpd.BIRO, aktif=False)
    laporan = ke_laporan(buat_laporan)
    laporan.refresh_from_db()
    assert (laporan.jumlah_opd_aktif, laporan.jumlah_opd_memanfaatkan, laporan.jumlah_opd_pks_aktif) == (4, 3, 2)


def test_opd_nonaktif_masuk_total_tetapi_tidak_menaikkan_cakupan(buat_laporan, daftar_triwulan, opd_lain, staf):
    """OPD yang dinonaktifkan setelah memanfaatkan data: jumlahnya tetap dihitung, tetapi cakupan OPD dan
    OPD ber-PKS hanya menghitung OPD aktif, sehingga persentase tidak melampaui 100%."""
    opd_lain.aktif = False
    opd_lain.save()
    PerjanjianKerjaSama.objects.create(
        nomor="120/10/PKS-DUKCAPIL/2025",
        opd=opd_lain,
        tanggal=datetime.date(2025, 6, 1),
        berlaku_mulai=datetime.date(2025, 6, 1),
        berlaku_sampai=datetime.date(2030, 5, 31),
        lingkup_ktp_el=True,
    )
    laporan = ke_laporan(buat_laporan)
    laporan.refresh_from_db()
    assert (laporan.jumlah_opd_aktif, laporan.jumlah_opd_memanfaatkan, laporan.jumlah_opd_pks_aktif) == (2, 2, 1)
    assert rekap_tersimpan(laporan)[(opd_lain.pk, "KTP_EL")] == (1, 7)


@pytest.mark.parametrize(
    ("periode", "bulan", "diharapkan"),
    [
        ("TRIWULAN_2", (4, 6), {"NIK": (1, 999)}),
        ("SEMESTER_1", (1, 6), {"NIK": (3, 1349), "DATA_KEPENDUDUKAN": (1, 40), "KTP_EL": (1, 3)}),
        ("TRIWULAN_3", (7, 9), {}),
    ],
)
def test_hanya_baris_dalam_periode_dihitung(buat_laporan, daftar_triwulan, opd, periode, bulan, diharapkan):
    laporan = buat_laporan("laporan", periode=periode)
    rekap = rekap_tersimpan(laporan)
    assert rekap == hitung_ulang(2026, *bulan)
    assert {jenis: nilai for (opd_id, jenis), nilai in rekap.items() if opd_id == opd.pk} == diharapkan
    # Baris Januari 2025 (555) tidak pernah ikut periode 2026 mana pun.
    assert all(total != 555 for _, total in rekap.values())


def test_tahun_lain_tidak_dihitung(buat_laporan, daftar_triwulan, opd):
    laporan = buat_laporan("laporan", tahun=2025)
    assert rekap_tersimpan(laporan) == {(opd.pk, "NIK"): (1, 555)} == hitung_ulang(2025, 1, 3)


def test_laporkan_hitungan_mengunci_bulan_periode(buat_laporan, daftar_triwulan):
    laporan = ke_laporan(buat_laporan)
    kunci = PeriodeTerkunci.objects.get()
    assert (kunci.pemilik, kunci.tahun, kunci.bulan_awal, kunci.bulan_akhir) == (f"laporan-{laporan.pk}", 2026, 1, 3)
    assert str(laporan) in kunci.keterangan


# --- Bulan terkunci: layanan ---------------------------------------------------------------------


@pytest.fixture
def terkunci(buat_laporan, daftar_triwulan):
    """Hitungan Triwulan I 2026 baru dibekukan; kembalikan Laporan, hitungan beku dan potretnya."""
    laporan = ke_laporan(buat_laporan)
    return laporan, rekap_tersimpan(laporan), potret(laporan)


def _baris_tetap(pemanfaatan: Pemanfaatan) -> None:
    lama = pemanfaatan
    baru = Pemanfaatan.objects.get(pk=lama.pk)
    assert [getattr(baru, b) for b in BIDANG_DAFTAR] == [getattr(lama, b) for b in BIDANG_DAFTAR]


@pytest.mark.parametrize(
    ("nama", "ubah"),
    [
        ("nik_feb", {"jumlah": 9999}),
        ("nik_feb", {"bulan": 4}),  # memindahkan baris keluar dari bulan terkunci
        ("nik_apr", {"bulan": 3}),  # memindahkan baris masuk ke bulan terkunci
        ("nik_jan_2025", {"tahun": 2026}),  # Januari 2025 → Januari 2026
    ],
)
def test_mengubah_baris_di_bulan_terkunci_ditolak(terkunci, daftar_triwulan, staf, nama, ubah):
    laporan, rekap, sebelum = terkunci
    baris = daftar_triwulan[nama]
    with pytest.raises(PemanfaatanError, match=r"terkunci karena hitungannya sudah dilaporkan"):
        pemanfaatan_update(pemanfaatan=Pemanfaatan.objects.get(pk=baris.pk), user=staf, data=isian(baris, **ubah))
    _baris_tetap(baris)
    assert rekap_tersimpan(laporan) == rekap
    assert potret(laporan) == sebelum


def test_pesan_kunci_menyebut_bulan_dan_jalan_keluarnya(terkunci, daftar_triwulan, staf):
    baris = daftar_triwulan["nik_feb"]
    with pytest.raises(PemanfaatanError) as galat:
        pemanfaatan_update(pemanfaatan=baris, user=staf, data=isian(baris, jumlah=1))
    assert str(galat.value).startswith("Daftar bulan Februari 2026 terkunci karena hitungannya sudah dilaporkan")
    assert "Minta Kasi KIP mengembalikan Laporan kepada Staf" in str(galat.value)


def test_menambah_baris_di_bulan_terkunci_ditolak(terkunci, daftar_triwulan, staf):
    jumlah_baris = Pemanfaatan.objects.count()
    data = isian(daftar_triwulan["nik_feb"], keperluan="Layanan baru", bulan=3)
    with pytest.raises(PemanfaatanError, match="Daftar bulan Maret 2026 terkunci"):
        pemanfaatan_create(user=staf, data=data)
    assert Pemanfaatan.objects.count() == jumlah_baris


def test_menghapus_baris_di_bulan_terkunci_ditolak(terkunci, daftar_triwulan, staf):
    baris = daftar_triwulan["nik_jan"]
    with pytest.raises(PemanfaatanError, match="Daftar bulan Januari 2026 terkunci"):
        pemanfaatan_delete(pemanfaatan=baris, user=staf)
    assert Pemanfaatan.objects.filter(pk=baris.pk).exists()
    assert DataDukung.objects.filter(pemanfaatan=baris).count() == 1


def test_data_dukung_di_bulan_terkunci_tidak_dapat_ditambah_atau_dihapus(terkunci, daftar_triwulan, staf):
    baris = daftar_triwulan["ktp_feb"]
    with pytest.raises(PemanfaatanError, match="terkunci"):
        data_dukung_create(
            pemanfaatan=baris, user=staf, berkas=SimpleUploadedFile("bukti.pdf", PDF), jenis_berkas=JenisBerkas.PDF
        )
    assert not DataDukung.objects.filter(pemanfaatan=baris).exists()

    bukti = DataDukung.objects.get(pemanfaatan=daftar_triwulan["nik_feb"])
    with pytest.raises(PemanfaatanError, match="terkunci"):
        data_dukung_delete(data_dukung=bukti, user=staf)
    assert DataDukung.objects.filter(pk=bukti.pk).exists()


def test_bulan_di_luar_periode_tetap_dapat_diubah(terkunci, daftar_triwulan, staf):
    laporan, rekap, _ = terkunci
    april = daftar_triwulan["nik_apr"]
    pemanfaatan_update(pemanfaatan=april, user=staf, data=isian(april, jumlah=1000))
    lalu = daftar_triwulan["nik_jan_2025"]
    pemanfaatan_update(pemanfaatan=lalu, user=staf, data=isian(lalu, jumlah=556))
    baru = pemanfaatan_create(user=staf, data=isian(april, keperluan="Layanan Juni", bulan=6))
    data_dukung_create(
        pemanfaatan=baru, user=staf, berkas=SimpleUploadedFile("bukti.pdf", PDF), jenis_berkas=JenisBerkas.PDF
    )
    assert Pemanfaatan.objects.get(pk=april.pk).jumlah == 1000
    assert Pemanfaatan.objects.get(pk=lalu.pk).jumlah == 556
    pemanfaatan_delete(pemanfaatan=baru, user=staf)
    assert rekap_tersimpan(laporan) == rekap


def test_hitungan_beku_tidak_ikut_berubah(terkunci, daftar_triwulan, opd, opd_lain, staf):
    """Yang masih boleh berubah (OPD, PKS, bulan lain) tidak menyentuh hitungan yang sudah dibekukan."""
    laporan, rekap, sebelum = terkunci
    opd_lain.aktif = False
    opd_lain.save()
    PerjanjianKerjaSama.objects.create(
        nomor="120/11/PKS-DUKCAPIL/2026",
        opd=opd_lain,
        tanggal=datetime.date(2026, 1, 5),
        berlaku_mulai=datetime.date(2026, 1, 5),
        berlaku_sampai=datetime.date(2028, 1, 4),
        lingkup_ktp_el=True,
    )
    pemanfaatan_create(user=staf, data=isian(daftar_triwulan["nik_apr"], keperluan="Layanan Mei", bulan=5))
    assert rekap_tersimpan(laporan) == rekap
    assert potret(laporan)["laporan"] == sebelum["laporan"]
    assert potret(laporan)["rekap"] == sebelum["rekap"]


def test_kunci_tetap_setelah_siklus_selesai(buat_laporan, daftar_triwulan, staf):
    laporan = buat_laporan("selesai")
    assert RekapPemanfaatan.objects.filter(laporan=laporan).count() == 5
    baris = daftar_triwulan["nik_feb"]
    with pytest.raises(PemanfaatanError, match="terkunci"):
        pemanfaatan_update(pemanfaatan=baris, user=staf, data=isian(baris, jumlah=1))


# --- Bulan terkunci: lewat peramban --------------------------------------------------------------


@pytest.fixture
def klien_staf(client, staf):
    client.force_login(staf)
    return client


def pesan(respons) -> str:
    return " | ".join(str(m) for m in respons.context["messages"])


def test_form_ubah_menampilkan_pesan_kunci(terkunci, daftar_triwulan, klien_staf):
    baris = daftar_triwulan["nik_feb"]
    respons = klien_staf.post(reverse("pemanfaatan:pemanfaatan_ubah", args=[baris.pk]), isian_form(baris, jumlah=9999))
    assert respons.status_code == 200
    assert "Daftar bulan Februari 2026 terkunci" in " ".join(respons.context["form"].non_field_errors())
    _baris_tetap(baris)


def test_form_tambah_menampilkan_pesan_kunci(terkunci, daftar_triwulan, klien_staf):
    jumlah_baris = Pemanfaatan.objects.count()
    data = isian_form(daftar_triwulan["nik_feb"], keperluan="Layanan baru")
    respons = klien_staf.post(reverse("pemanfaatan:pemanfaatan_tambah"), data)
    assert respons.status_code == 200
    assert "terkunci" in " ".join(respons.context["form"].non_field_errors())
    assert Pemanfaatan.objects.count() == jumlah_baris


def test_hapus_baris_terkunci_kembali_dengan_pesan(terkunci, daftar_triwulan, klien_staf):
    baris = daftar_triwulan["nik_feb"]
    respons = klien_staf.post(reverse("pemanfaatan:pemanfaatan_hapus", args=[baris.pk]), follow=True)
    assert respons.redirect_chain == [(reverse("pemanfaatan:pemanfaatan_detail", args=[baris.pk]), 302)]
    assert "Daftar bulan Februari 2026 terkunci" in pesan(respons)
    assert Pemanfaatan.objects.filter(pk=baris.pk).exists()


def test_unggah_dan_hapus_data_dukung_terkunci_kembali_dengan_pesan(terkunci, daftar_triwulan, klien_staf):
    baris = daftar_triwulan["nik_feb"]
    bukti = DataDukung.objects.get(pemanfaatan=baris)
    detail = reverse("pemanfaatan:pemanfaatan_detail", args=[baris.pk])

    respons = klien_staf.post(
        reverse("pemanfaatan:data_dukung_tambah", args=[baris.pk]),
        {"berkas": SimpleUploadedFile("surat.pdf", PDF, content_type="application/pdf"), "keterangan": "Surat"},
        follow=True,
    )
    assert respons.redirect_chain == [(detail, 302)]
    assert "terkunci" in pesan(respons)
    assert list(DataDukung.objects.filter(pemanfaatan=baris)) == [bukti]

    respons = klien_staf.post(reverse("pemanfaatan:data_dukung_hapus", args=[bukti.pk]), follow=True)
    assert respons.redirect_chain == [(detail, 302)]
    assert "terkunci" in pesan(respons)
    assert DataDukung.objects.filter(pk=bukti.pk).exists()


def test_form_ubah_bulan_di_luar_periode_tersimpan(terkunci, daftar_triwulan, klien_staf):
    april = daftar_triwulan["nik_apr"]
    respons = klien_staf.post(reverse("pemanfaatan:pemanfaatan_ubah", args=[april.pk]), isian_form(april, jumlah=1))
    assert respons.status_code == 302
    assert Pemanfaatan.objects.get(pk=april.pk).jumlah == 1


# --- Bulan terkunci: impor Excel -----------------------------------------------------------------


def berkas_impor(*daftar_bulan: str) -> SimpleUploadedFile:
    buku = openpyxl.Workbook()
    lembar = buku.active
    lembar.title = "Daftar"
    lembar.append(list(KOLOM))
    for nomor, bulan in enumerate(daftar_bulan):
        lembar.append(["Dinas Kesehatan", "Pemanfaatan NIK", 2026, bulan, f"Impor {nomor}", "Web service", "", 5, ""])
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return SimpleUploadedFile("daftar.xlsx", keluaran.getvalue())


def test_impor_ke_bulan_terkunci_ditolak_seluruhnya(terkunci, opd, staf):
    laporan, rekap, _ = terkunci
    jumlah_baris = Pemanfaatan.objects.count()
    impor = impor_services.impor_unggah(user=staf, berkas=berkas_impor("April", "Maret"))
    with pytest.raises(ImporError) as galat:
        impor_services.impor_simpan(impor=impor, user=staf)
    assert str(galat.value).startswith("Tidak ada yang disimpan. Daftar bulan Maret 2026 terkunci")
    assert Pemanfaatan.objects.count() == jumlah_baris
    impor.refresh_from_db()
    assert impor.status == StatusImpor.PRATINJAU
    assert rekap_tersimpan(laporan) == rekap


def test_impor_lewat_peramban_ke_bulan_terkunci_memberi_pesan(terkunci, opd, staf, klien_staf):
    jumlah_baris = Pemanfaatan.objects.count()
    impor = impor_services.impor_unggah(user=staf, berkas=berkas_impor("Januari"))
    respons = klien_staf.post(reverse("pemanfaatan:impor_simpan", args=[impor.pk]), follow=True)
    assert respons.status_code == 200
    assert "Daftar bulan Januari 2026 terkunci" in pesan(respons)
    assert Pemanfaatan.objects.count() == jumlah_baris


def test_impor_ke_bulan_terbuka_tetap_tersimpan(terkunci, opd, staf):
    impor = impor_services.impor_unggah(user=staf, berkas=berkas_impor("April", "Mei"))
    assert impor_services.impor_simpan(impor=impor, user=staf) == 2


# --- Membuka kunci -------------------------------------------------------------------------------


def test_kembalikan_ke_staf_menghapus_hitungan_beku_dan_membuka_kunci(terkunci, daftar_triwulan, kasi, staf, rsud):
    laporan, _, _ = terkunci
    laporan = laporan_transisi(laporan=laporan, aksi="kembalikan_ke_staf", user=kasi, data={"alasan": ALASAN})
    laporan.refresh_from_db()
    assert not RekapPemanfaatan.objects.filter(laporan=laporan).exists()
    assert not PeriodeTerkunci.objects.exists()
    assert (laporan.jumlah_opd_aktif, laporan.jumlah_opd_memanfaatkan, laporan.jumlah_opd_pks_aktif) == (None,) * 3
    assert (laporan.dihitung_oleh, laporan.dihitung_pada) == (None, None)

    # Staf memperbaiki Daftar, lalu menghitung ulang: hitungan baru mengikuti Daftar yang diperbaiki.
    baris = daftar_triwulan["nik_feb"]
    pemanfaatan_update(pemanfaatan=baris, user=staf, data=isian(baris, jumlah=260))
    laporan = laporan_transisi(
        laporan=laporan, aksi="selesaikan_daftar", user=staf, data=data_sah("selesaikan_daftar", laporan)
    )
    laporan = laporan_transisi(
        laporan=laporan, aksi="laporkan_hitungan", user=staf, data=data_sah("laporkan_hitungan", laporan)
    )
    assert rekap_tersimpan(laporan)[(baris.opd_id, "NIK")] == (2, 360)
    assert rekap_tersimpan(laporan) == hitung_ulang(2026, 1, 3)
    assert PeriodeTerkunci.objects.count() == 1


@pytest.mark.parametrize("status", ["laporan", "lakip_bidang"])
def test_batalkan_membuka_kunci(buat_laporan, daftar_triwulan, kabid, staf, status):
    laporan = buat_laporan(status)
    assert PeriodeTerkunci.objects.exists()
    laporan_transisi(laporan=laporan, aksi="batalkan", user=kabid, data={"alasan": ALASAN})
    assert not PeriodeTerkunci.objects.exists()
    assert not RekapPemanfaatan.objects.filter(laporan=laporan).exists()
    baris = daftar_triwulan["nik_feb"]
    pemanfaatan_update(pemanfaatan=baris, user=staf, data=isian(baris, jumlah=1))
    assert Pemanfaatan.objects.get(pk=baris.pk).jumlah == 1


def test_kembalikan_ke_kasi_tidak_membuka_kunci(buat_laporan, daftar_triwulan, kabid):
    laporan = buat_laporan("lakip_bidang")
    rekap = rekap_tersimpan(laporan)
    laporan_transisi(laporan=laporan, aksi="kembalikan_ke_kasi", user=kabid, data={"alasan": ALASAN})
    assert PeriodeTerkunci.objects.count() == 1
    assert rekap_tersimpan(laporan) == rekap


def test_membuka_kunci_satu_laporan_tidak_membuka_kunci_laporan_lain(buat_laporan, daftar_triwulan, kasi, staf):
    semester = buat_laporan("laporan", periode="SEMESTER_1")
    triwulan = buat_laporan("laporan", periode="TRIWULAN_1")
    assert PeriodeTerkunci.objects.count() == 2
    laporan_transisi(laporan=triwulan, aksi="kembalikan_ke_staf", user=kasi, data={"alasan": ALASAN})
    assert list(PeriodeTerkunci.objects.values_list("pemilik", flat=True)) == [f"laporan-{semester.pk}"]
    baris = daftar_triwulan["nik_feb"]
    with pytest.raises(PemanfaatanError, match="terkunci"):
        pemanfaatan_update(pemanfaatan=baris, user=staf, data=isian(baris, jumlah=1))


# --- Kelengkapan Daftar (Langkah 3) -------------------------------------------------------------


@pytest.fixture
def biro(db, staf):
    """OPD dengan PKS aktif yang hanya punya baris April: diam selama Triwulan I."""
    biro = Opd.objects.create(kode="4.01.0.00.0.00.02.0000", nama="Biro Pemerintahan", jenis=JenisOpd.BIRO)
    pks = PerjanjianKerjaSama.objects.create(
        nomor="120/03/PKS-DUKCAPIL/2025",
        opd=biro,
        tanggal=datetime.date(2025, 2, 1),
        berlaku_mulai=datetime.date(2025, 2, 1),
        berlaku_sampai=datetime.date(2030, 1, 31),
        lingkup_nik=True,
    )
    Pemanfaatan.objects.create(
        opd=biro,
        jenis=JenisPemanfaatan.NIK,
        tahun=2026,
        bulan=4,
        keperluan="Layanan",
        metode_akses="WEB_SERVICE",
        pks=pks,
        jumlah=1,
        created_by=staf,
        updated_by=staf,
    )
    # OPD nonaktif dengan PKS aktif tidak dituntut punya baris.
    bubar = Opd.objects.create(kode="9.99.0.00.0.00.02.0000", nama="Badan yang Dibubarkan", jenis=JenisOpd.BADAN)
    PerjanjianKerjaSama.objects.create(
        nomor="120/04/PKS-DUKCAPIL/2025",
        opd=bubar,
        tanggal=datetime.date(2025, 2, 1),
        berlaku_mulai=datetime.date(2025, 2, 1),
        berlaku_sampai=datetime.date(2030, 1, 31),
        lingkup_nik=True,
    )
    bubar.aktif = False
    bubar.save()
    return biro


def test_kelengkapan_menemukan_setiap_jenis_peringatan(daftar_triwulan, biro):
    peringatan = kelengkapan.periksa(tahun=2026, bulan_awal=1, bulan_akhir=3)
    assert {p.kode: p.jumlah for p in peringatan} == {
        "opd_tanpa_baris": 1,
        "pks_tanpa_pks": 1,
        "pks_tidak_berlaku": 1,
        "pks_tidak_mencakup": 1,
        "tanpa_data_dukung": 3,
    }
    per_kode = {p.kode: p for p in peringatan}
    assert per_kode["opd_tanpa_baris"].contoh == ["Biro Pemerintahan"]
    assert per_kode["opd_tanpa_baris"].pesan == (
        "1 OPD memiliki PKS aktif tetapi tidak punya baris Daftar pada periode ini."
    )
    assert per_kode["pks_tanpa_pks"].pesan == "1 baris berstatus “Tanpa PKS”."
    assert per_kode["pks_tidak_berlaku"].pesan == "1 baris berstatus “PKS tidak berlaku pada bulan itu”."
    assert per_kode["pks_tidak_mencakup"].pesan == "1 baris berstatus “PKS tidak mencakup jenis ini”."
    assert per_kode["tanpa_data_dukung"].pesan == "3 baris belum memiliki data dukung (bukti)."
    # Setiap peringatan menautkan ke tempat memperbaikinya.
    assert all(p.tautan.startswith("/") for p in peringatan)


def test_daftar_yang_lengkap_tanpa_peringatan(opd, pks, staf):
    for bulan in (1, 2, 3):
        baris = Pemanfaatan.objects.create(
            opd=opd,
            jenis=JenisPemanfaatan.NIK,
            tahun=2026,
            bulan=bulan,
            keperluan="Verifikasi",
            metode_akses="WEB_SERVICE",
            pks=pks,
            jumlah=10,
            created_by=staf,
            updated_by=staf,
        )
        lampirkan_bukti(baris, staf)
    assert kelengkapan.periksa(tahun=2026, bulan_awal=1, bulan_akhir=3) == []


def test_daftar_berperingatan_hanya_ditutup_dengan_pengakuan(buat_laporan, daftar_triwulan, biro, staf):
    laporan = buat_laporan("daftar")
    sebelum = potret(laporan)
    for data in ({}, {"akui_peringatan": ""}):
        with pytest.raises(DataAksiTidakSah) as galat:
            laporan_transisi(laporan=laporan, aksi="selesaikan_daftar", user=staf, data=data)
        assert "akui_peringatan" in galat.value.form.errors
        assert potret(laporan) == sebelum

    laporan = laporan_transisi(
        laporan=laporan, aksi="selesaikan_daftar", user=staf, data=data_sah("selesaikan_daftar", laporan)
    )
    laporan.refresh_from_db()
    pesan_peringatan = [
        "1 OPD memiliki PKS aktif tetapi tidak punya baris Daftar pada periode ini.",
        "1 baris berstatus “Tanpa PKS”.",
        "1 baris berstatus “PKS tidak berlaku pada bulan itu”.",
        "1 baris berstatus “PKS tidak mencakup jenis ini”.",
        "3 baris belum memiliki data dukung (bukti).",
    ]
    assert sorted(laporan.peringatan_daftar) == sorted(pesan_peringatan)
    catatan = RiwayatLaporan.objects.filter(laporan=laporan).latest("pk").catatan
    assert all(p in catatan for p in pesan_peringatan)


def test_daftar_tanpa_peringatan_ditutup_tanpa_pengakuan(buat_laporan, staf):
    laporan = buat_laporan("daftar")
    # Tanpa peringatan, halaman hanya mengirim sidik (peringatan kosong) tanpa centang pengakuan.
    data = {"sidik": sidik_peringatan(laporan)}
    laporan = laporan_transisi(laporan=laporan, aksi="selesaikan_daftar", user=staf, data=data)
    laporan.refresh_from_db()
    assert laporan.status == "hitung"
    assert laporan.peringatan_daftar == []


# --- IKU ----------------------------------------------------------------------------------------


@pytest.fixture
def opd_diam(db):
    """Empat OPD aktif tanpa baris: 3 dari 7 OPD aktif memanfaatkan data = 42,857…%."""
    return [
        Opd.objects.create(kode=f"5.0{n}.0.00.0.00.01.0000", nama=f"Badan Diam {n}", jenis=JenisOpd.BADAN)
        for n in range(1, 5)
    ]


REALISASI_PER_SUMBER = {
    SumberRealisasi.PERSEN_OPD_MEMANFAATKAN: Decimal("42.86"),
    SumberRealisasi.JUMLAH_OPD_MEMANFAATKAN: Decimal("3"),
    SumberRealisasi.JUMLAH_OPD_PKS_AKTIF: Decimal("1"),
    SumberRealisasi.TOTAL_DATA_KEPENDUDUKAN: Decimal("40"),
    SumberRealisasi.TOTAL_NIK: Decimal("370"),
    SumberRealisasi.TOTAL_KTP_EL: Decimal("10"),
    SumberRealisasi.TOTAL_SEMUA: Decimal("420"),
    SumberRealisasi.MANUAL: None,
}


def test_tabel_realisasi_mencakup_semua_sumber():
    assert set(REALISASI_PER_SUMBER) == set(SumberRealisasi)


@pytest.mark.parametrize(("sumber", "diharapkan"), REALISASI_PER_SUMBER.items())
def test_realisasi_dari_hitungan_beku(buat_laporan, daftar_triwulan, opd_diam, sumber, diharapkan):
    laporan = buat_laporan("lakip_bidang")
    iku = buat_iku("IKU-1", sumber)
    assert realisasi_dari_hitungan(laporan=laporan, iku=iku) == diharapkan


@pytest.mark.parametrize("sumber", list(SumberRealisasi))
def test_belum_ada_realisasi_sebelum_hitungan_dibekukan(buat_laporan, daftar_triwulan, sumber):
    laporan = buat_laporan("hitung")
    assert realisasi_dari_hitungan(laporan=laporan, iku=buat_iku("IKU-1", sumber)) is None


def test_formulir_lakip_terisi_dari_hitungan(buat_laporan, daftar_triwulan):
    laporan = buat_laporan("lakip_bidang")
    nik = buat_iku("IKU-NIK", SumberRealisasi.TOTAL_NIK, target="400")
    manual = buat_iku("IKU-M", SumberRealisasi.MANUAL)
    form = LakipBidangForm(laporan=laporan)
    assert form.fields[f"realisasi_{nik.pk}"].initial == Decimal("370")
    assert form.fields[f"realisasi_{manual.pk}"].initial is None


@pytest.fixture
def di_lakip(buat_laporan, daftar_triwulan):
    return buat_laporan("lakip_bidang")


def lakip(laporan, user, **isian_iku):
    data = {"narasi": "Narasi LAKIP Bidang."} | isian_iku
    return laporan_transisi(laporan=laporan, aksi="sampaikan_lakip_bidang", user=user, data=data)


def test_realisasi_sesuai_hitungan_tidak_butuh_alasan(di_lakip, kabid):
    nik = buat_iku("IKU-NIK", SumberRealisasi.TOTAL_NIK, target="400")
    lakip(di_lakip, kabid, **{f"realisasi_{nik.pk}": "370", f"alasan_{nik.pk}": ""})
    realisasi = RealisasiIku.objects.get(laporan=di_lakip)
    assert (realisasi.target, realisasi.realisasi_hitung, realisasi.realisasi, realisasi.alasan_koreksi) == (
        Decimal("400"),
        Decimal("370"),
        Decimal("370"),
        "",
    )
    assert not realisasi.dikoreksi
    assert realisasi.capaian == Decimal("92.50")


def test_koreksi_realisasi_butuh_alasan(di_lakip, kabid):
    nik = buat_iku("IKU-NIK", SumberRealisasi.TOTAL_NIK, target="400")
    sebelum = potret(di_lakip)
    with pytest.raises(DataAksiTidakSah) as galat:
        lakip(di_lakip, kabid, **{f"realisasi_{nik.pk}": "380", f"alasan_{nik.pk}": "   "})
    assert galat.value.form.errors[f"alasan_{nik.pk}"] == [
        "Realisasi diubah dari hasil hitungan (370); tulis alasan koreksinya."
    ]
    assert potret(di_lakip) == sebelum

    lakip(di_lakip, kabid, **{f"realisasi_{nik.pk}": "380", f"alasan_{nik.pk}": "Sepuluh akses Maret terlambat."})
    realisasi = RealisasiIku.objects.get(laporan=di_lakip)
    assert (realisasi.realisasi_hitung, realisasi.realisasi) == (Decimal("370"), Decimal("380"))
    assert realisasi.alasan_koreksi == "Sepuluh akses Maret terlambat."
    assert realisasi.dikoreksi
    assert realisasi.capaian == Decimal("95.00")


def test_iku_manual_diisi_tanpa_alasan(di_lakip, kabid):
    manual = buat_iku("IKU-M", SumberRealisasi.MANUAL, target="80")
    lakip(di_lakip, kabid, **{f"realisasi_{manual.pk}": "75"})
    realisasi = RealisasiIku.objects.get(laporan=di_lakip)
    assert (realisasi.realisasi_hitung, realisasi.realisasi, realisasi.dikoreksi) == (None, Decimal("75"), False)
    assert realisasi.capaian == Decimal("93.75")


def test_capaian_iku_makin_rendah_makin_baik(di_lakip, kabid):
    ktp = buat_iku("IKU-KTP", SumberRealisasi.TOTAL_KTP_EL, target="8", polaritas=Polaritas.RENDAH_LEBIH_BAIK)
    lakip(di_lakip, kabid, **{f"realisasi_{ktp.pk}": "10"})
    assert RealisasiIku.objects.get(laporan=di_lakip).capaian == Decimal("75.00")


def test_iku_tanpa_target_tahun_ini_ditolak(di_lakip, kabid):
    nik = buat_iku("IKU-NIK", SumberRealisasi.TOTAL_NIK, target=None)
    lama = buat_iku("IKU-LAMA", SumberRealisasi.TOTAL_SEMUA, target=None)
    lama.target.create(tahun=2025, target=Decimal("10"))
    sebelum = potret(di_lakip)
    with pytest.raises(DataAksiTidakSah) as galat:
        lakip(di_lakip, kabid, **{f"realisasi_{nik.pk}": "370", f"realisasi_{lama.pk}": "420"})
    assert galat.value.form.errors[f"realisasi_{nik.pk}"] == ["Target IKU-NIK tahun 2026 belum ditetapkan."]
    assert galat.value.form.errors[f"realisasi_{lama.pk}"] == ["Target IKU-LAMA tahun 2026 belum ditetapkan."]
    assert potret(di_lakip) == sebelum


def test_tanpa_iku_aktif_lakip_ditolak(di_lakip, kabid):
    nonaktif = buat_iku("IKU-X", SumberRealisasi.TOTAL_NIK)
    nonaktif.aktif = False
    nonaktif.save()
    with pytest.raises(DataAksiTidakSah) as galat:
        lakip(di_lakip, kabid)
    assert galat.value.form.non_field_errors() == [
        "Belum ada IKU aktif. Tetapkan IKU dan target tahun 2026 lebih dulu di halaman IKU."
    ]
    assert di_lakip.realisasi_iku.count() == 0


def test_iku_nonaktif_tidak_ikut_lakip(di_lakip, kabid):
    aktif = buat_iku("IKU-NIK", SumberRealisasi.TOTAL_NIK, target="400")
    nonaktif = buat_iku("IKU-X", SumberRealisasi.TOTAL_SEMUA, target="1")
    nonaktif.aktif = False
    nonaktif.save()
    lakip(di_lakip, kabid, **{f"realisasi_{aktif.pk}": "370"})
    assert list(RealisasiIku.objects.filter(laporan=di_lakip).values_list("iku", flat=True)) == [aktif.pk]


def test_lakip_dikirim_ulang_mengganti_realisasi_lama(di_lakip, kabid, sekretariat):
    nik = buat_iku("IKU-NIK", SumberRealisasi.TOTAL_NIK, target="400")
    laporan = lakip(di_lakip, kabid, **{f"realisasi_{nik.pk}": "370"})
    laporan = laporan_transisi(laporan=laporan, aksi="kembalikan_ke_kabid", user=sekretariat, data={"alasan": ALASAN})
    lakip(laporan, kabid, **{f"realisasi_{nik.pk}": "371", f"alasan_{nik.pk}": "Satu akses terlewat."})
    assert list(RealisasiIku.objects.filter(laporan=di_lakip).values_list("realisasi", flat=True)) == [Decimal("371")]


CAPAIAN = [
    # realisasi, target, polaritas, capaian (%)
    ("75", "80", Polaritas.TINGGI_LEBIH_BAIK, "93.75"),
    ("75", "80", Polaritas.RENDAH_LEBIH_BAIK, "106.25"),
    ("370", "400", Polaritas.TINGGI_LEBIH_BAIK, "92.50"),
    ("100", "100", Polaritas.TINGGI_LEBIH_BAIK, "100.00"),
    ("100", "100", Polaritas.RENDAH_LEBIH_BAIK, "100.00"),
    ("2", "3", Polaritas.TINGGI_LEBIH_BAIK, "66.67"),
    ("1", "3", Polaritas.RENDAH_LEBIH_BAIK, "166.67"),
    ("0", "50", Polaritas.TINGGI_LEBIH_BAIK, "0.00"),
    ("0", "50", Polaritas.RENDAH_LEBIH_BAIK, "200.00"),
    ("42.86", "60", Polaritas.TINGGI_LEBIH_BAIK, "71.43"),
]


@pytest.mark.parametrize(("realisasi", "target", "polaritas", "capaian"), CAPAIAN)
def test_hitung_capaian(realisasi, target, polaritas, capaian):
    hasil = hitung_capaian(realisasi=Decimal(realisasi), target=Decimal(target), polaritas=polaritas)
    assert isinstance(hasil, Decimal)
    assert str(hasil) == capaian
