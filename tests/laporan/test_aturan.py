"""Aturan siklus di luar matriks: alasan wajib, pembuat ≠ pemeriksa, Staf yang ditunjuk, ambil/lepas langkah,
satu Laporan per periode, hanya Kabid yang memulai, dan salinan waktu baku."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.exceptions import PermissionDenied

from akun.models import Peran
from laporan import kelengkapan
from laporan.forms import PESAN_PERINGATAN_BERUBAH
from laporan.models import LangkahLaporan, Laporan, Notifikasi, RiwayatLaporan, WaktuBaku
from laporan.services import (
    DataAksiTidakSah,
    LaporanDitolak,
    LaporanError,
    LaporanSudahDiproses,
    laporan_ambil,
    laporan_buat,
    laporan_lepas,
    laporan_transisi,
)
from pemanfaatan.models import JenisOpd, JenisPemanfaatan, Opd, PerjanjianKerjaSama
from tests.conftest import buat_pengguna
from tests.laporan.conftest import (
    ALASAN,
    baris_daftar,
    data_sah,
    lampirkan_bukti,
    potret,
    sidik_peringatan,
    status_ke,
)

pytestmark = pytest.mark.django_db


# --- Alasan wajib untuk pengembalian dan pembatalan ---------------------------------------------

PENGEMBALIAN = [
    ("laporan", "kembalikan_ke_staf", "kasi"),
    ("lakip_bidang", "kembalikan_ke_kasi", "kabid"),
    ("lakip_dinas", "kembalikan_ke_kabid", "sekretariat"),
    ("disposisi_kabid", "batalkan", "kabid"),
    ("hitung", "batalkan", "kabid"),
]
ALASAN_TIDAK_SAH = {
    "tanpa bidang": {},
    "kosong": {"alasan": ""},
    "hanya spasi": {"alasan": "          \n  "},
    "9 huruf": {"alasan": "Salah isi"},
    "9 huruf berpadding": {"alasan": "   Salah isi   "},
}


@pytest.mark.parametrize("data", ALASAN_TIDAK_SAH.values(), ids=ALASAN_TIDAK_SAH.keys())
@pytest.mark.parametrize(("status", "aksi", "peran"), PENGEMBALIAN, ids=[a for _, a, _ in PENGEMBALIAN])
def test_pengembalian_dan_pembatalan_tanpa_alasan_cukup_ditolak(buat_laporan, pemeran, status, aksi, peran, data):
    laporan = buat_laporan(status)
    sebelum = potret(laporan)
    with pytest.raises(DataAksiTidakSah) as galat:
        laporan_transisi(laporan=laporan, aksi=aksi, user=pemeran[peran], data=data)
    assert "alasan" in galat.value.form.errors
    assert potret(laporan) == sebelum


@pytest.mark.parametrize(("status", "aksi", "peran"), PENGEMBALIAN, ids=[a for _, a, _ in PENGEMBALIAN])
def test_alasan_sepuluh_huruf_cukup(buat_laporan, pemeran, status, aksi, peran):
    laporan = buat_laporan(status)
    laporan_transisi(laporan=laporan, aksi=aksi, user=pemeran[peran], data={"alasan": "Salah isi!"})
    assert RiwayatLaporan.objects.filter(laporan=laporan).latest("pk").catatan == "Salah isi!"


# Isian wajib tiap aksi maju: tanpa isian itu aksinya ditolak dengan galat pada bidang tersebut.
ISIAN_WAJIB = [
    ("disposisi_kabid", "beri_arahan", "kabid", {"arahan": "  "}, "arahan"),
    ("disposisi_kasi", "beri_petunjuk", "kasi", {"petunjuk": "", "staf": ""}, "petunjuk"),
    ("hitung", "laporkan_hitungan", "staf", {}, "konfirmasi"),
    ("laporan", "sampaikan_laporan", "kasi", {"analisa": "a", "evaluasi": "b"}, "rekomendasi"),
    ("lakip_dinas", "terima", "sekretariat", {"catatan_pemeriksaan": ""}, "catatan_pemeriksaan"),
]


@pytest.mark.parametrize(("status", "aksi", "peran", "data", "bidang"), ISIAN_WAJIB, ids=[k[1] for k in ISIAN_WAJIB])
def test_isian_wajib_aksi_maju(buat_laporan, pemeran, status, aksi, peran, data, bidang):
    laporan = buat_laporan(status)
    sebelum = potret(laporan)
    with pytest.raises(DataAksiTidakSah) as galat:
        laporan_transisi(laporan=laporan, aksi=aksi, user=pemeran[peran], data=data)
    assert bidang in galat.value.form.errors
    assert potret(laporan) == sebelum


def test_lakip_bidang_tanpa_narasi_ditolak(buat_laporan, kabid):
    laporan = buat_laporan("lakip_bidang")
    data = data_sah("sampaikan_lakip_bidang", laporan) | {"narasi": ""}
    sebelum = potret(laporan)
    with pytest.raises(DataAksiTidakSah) as galat:
        laporan_transisi(laporan=laporan, aksi="sampaikan_lakip_bidang", user=kabid, data=data)
    assert "narasi" in galat.value.form.errors
    assert potret(laporan) == sebelum


# --- Langkah 3: yang diakui Staf adalah peringatan yang dibacanya -------------------------------


@pytest.fixture
def opd_diam(db):
    """OPD ber-PKS aktif tanpa baris Triwulan I 2026: peringatannya menyebut nama OPD ini sebagai contoh."""
    opd = Opd.objects.create(kode="4.01.0.00.0.00.03.0000", nama="Biro Organisasi", jenis=JenisOpd.BIRO)
    PerjanjianKerjaSama.objects.create(
        nomor="120/05/PKS-DUKCAPIL/2025",
        opd=opd,
        tanggal=datetime.date(2025, 2, 1),
        berlaku_mulai=datetime.date(2025, 2, 1),
        berlaku_sampai=datetime.date(2030, 1, 31),
        lingkup_nik=True,
    )
    return opd


def pesan_peringatan(laporan: Laporan) -> list[str]:
    peringatan = kelengkapan.periksa(
        tahun=laporan.tahun, bulan_awal=laporan.bulan_awal, bulan_akhir=laporan.bulan_akhir
    )
    return [p.pesan for p in peringatan]


PERUBAHAN_DAFTAR = ["baris tanpa bukti bertambah", "bukti dilengkapi", "nama OPD contoh berubah"]


@pytest.mark.parametrize("perubahan", PERUBAHAN_DAFTAR)
def test_peringatan_yang_berubah_sejak_dibaca_tidak_diakui(buat_laporan, daftar_triwulan, opd_diam, staf, perubahan):
    laporan = buat_laporan("daftar")
    data = data_sah("selesaikan_daftar", laporan)  # sidik peringatan saat halaman dibuka, dan pengakuannya
    dibaca = pesan_peringatan(laporan)
    # Daftar berubah sebelum Staf menekan tombol.
    if perubahan == "baris tanpa bukti bertambah":
        nik_jan = daftar_triwulan["nik_jan"]
        baris_daftar(nik_jan.opd, JenisPemanfaatan.NIK, 1, 5, pks=nik_jan.pks, keperluan="Baris susulan", oleh=staf)
    elif perubahan == "bukti dilengkapi":
        lampirkan_bukti(daftar_triwulan["ktp_feb"], staf)
    else:
        Opd.objects.filter(pk=opd_diam.pk).update(nama="Biro Organisasi dan Tata Laksana")
        assert pesan_peringatan(laporan) == dibaca  # hanya contoh OPD yang berubah, pesannya tetap
    sebelum = potret(laporan)

    with pytest.raises(DataAksiTidakSah) as galat:
        laporan_transisi(laporan=laporan, aksi="selesaikan_daftar", user=staf, data=data)
    assert galat.value.form.non_field_errors() == [PESAN_PERINGATAN_BERUBAH]
    assert potret(laporan) == sebelum

    # Ditampilkan ulang: peringatan dan sidik terbaru, pengakuan lama tidak terbawa.
    form = galat.value.form
    assert [p.pesan for p in form.peringatan] == pesan_peringatan(laporan)
    assert form["sidik"].value() == sidik_peringatan(laporan) != data["sidik"]
    assert not form["akui_peringatan"].value()
    data_baru = {"akui_peringatan": "on", "sidik": form["sidik"].value()}
    laporan = laporan_transisi(laporan=laporan, aksi="selesaikan_daftar", user=staf, data=data_baru)
    laporan.refresh_from_db()
    assert laporan.status == "hitung"
    assert laporan.peringatan_daftar == [p.pesan for p in form.peringatan]
    assert RiwayatLaporan.objects.filter(laporan=laporan, aksi="selesaikan_daftar").count() == 1


def test_daftar_tidak_ditutup_tanpa_sidik_peringatan_yang_dibaca(buat_laporan, daftar_triwulan, opd_diam, staf):
    """Pengakuan tanpa sidik tidak menyatakan peringatan mana yang dibaca: ditolak seperti halaman yang usang."""
    laporan = buat_laporan("daftar")
    sebelum = potret(laporan)
    with pytest.raises(DataAksiTidakSah) as galat:
        laporan_transisi(laporan=laporan, aksi="selesaikan_daftar", user=staf, data={"akui_peringatan": "on"})
    assert "sidik" in galat.value.form.errors
    assert potret(laporan) == sebelum


def test_peringatan_yang_tetap_disimpan_seperti_dibaca(buat_laporan, daftar_triwulan, opd_diam, staf):
    laporan = buat_laporan("daftar")
    data = data_sah("selesaikan_daftar", laporan)
    dibaca = pesan_peringatan(laporan)
    # Perubahan yang tidak mengubah peringatan apa pun (baris ber-PKS sah dan berbukti) tidak menghalangi.
    nik_jan = daftar_triwulan["nik_jan"]
    baris = baris_daftar(nik_jan.opd, JenisPemanfaatan.NIK, 2, 5, pks=nik_jan.pks, keperluan="Baris susulan", oleh=staf)
    lampirkan_bukti(baris, staf)
    laporan = laporan_transisi(laporan=laporan, aksi="selesaikan_daftar", user=staf, data=data)
    laporan.refresh_from_db()
    assert laporan.status == "hitung"
    assert laporan.peringatan_daftar == dibaca and len(dibaca) == 5


# --- Pembuat ≠ pemeriksa ------------------------------------------------------------------------


@pytest.fixture
def rangkap(db):
    """Plt.: memegang peran Staf dan Kasi KIP sekaligus."""
    return buat_pengguna("rangkap", Peran.STAF, Peran.KASI_KIP, nama="Pelaksana Rangkap")


@pytest.fixture
def dihitung_rangkap(buat_laporan, rangkap):
    """Laporan di Langkah 5 yang hitungannya dilaporkan (Langkah 4) oleh si rangkap."""
    laporan = buat_laporan("hitung")
    return laporan_transisi(
        laporan=laporan, aksi="laporkan_hitungan", user=rangkap, data=data_sah("laporkan_hitungan", laporan)
    )


def test_pelapor_hitungan_tidak_boleh_menyetujuinya(dihitung_rangkap, rangkap):
    laporan = dihitung_rangkap
    assert laporan.status == "laporan" and laporan.dihitung_oleh == rangkap
    sebelum = potret(laporan)
    with pytest.raises(LaporanDitolak, match="pembuat tidak boleh sekaligus pemeriksa"):
        laporan_transisi(
            laporan=laporan, aksi="sampaikan_laporan", user=rangkap, data=data_sah("sampaikan_laporan", laporan)
        )
    assert potret(laporan) == sebelum


def test_kasi_lain_boleh_menyetujui_hitungan_si_rangkap(dihitung_rangkap, kasi):
    laporan = laporan_transisi(
        laporan=dihitung_rangkap,
        aksi="sampaikan_laporan",
        user=kasi,
        data=data_sah("sampaikan_laporan", dihitung_rangkap),
    )
    assert laporan.status == "lakip_bidang"


def test_pelapor_hitungan_tidak_dapat_mengambil_langkah_persetujuannya(dihitung_rangkap, rangkap):
    sebelum = potret(dihitung_rangkap)
    with pytest.raises(LaporanDitolak, match="pembuat tidak boleh sekaligus pemeriksa"):
        laporan_ambil(laporan=dihitung_rangkap, user=rangkap)
    assert potret(dihitung_rangkap) == sebelum


def test_pelapor_hitungan_boleh_mengembalikannya_kepada_staf(dihitung_rangkap, rangkap):
    """Yang dilarang hanya menyetujui hitungan sendiri; menarik kembali untuk diperbaiki tidak memeriksa apa pun.

    Kode mengizinkannya (alasan_ditolak hanya menolak sampaikan_laporan); uji ini mengunci perilaku itu.
    """
    laporan = laporan_transisi(
        laporan=dihitung_rangkap, aksi="kembalikan_ke_staf", user=rangkap, data={"alasan": ALASAN}
    )
    assert laporan.status == "daftar"
    assert laporan.dihitung_oleh is None


def test_larangan_tetap_berlaku_setelah_dikembalikan_kabid(dihitung_rangkap, rangkap, kasi, kabid):
    """Dari LAKIP Bidang kembali ke Langkah 5: hitungan beku (dan pelapornya) tetap, jadi larangannya tetap."""
    laporan = laporan_transisi(
        laporan=dihitung_rangkap,
        aksi="sampaikan_laporan",
        user=kasi,
        data=data_sah("sampaikan_laporan", dihitung_rangkap),
    )
    laporan = laporan_transisi(laporan=laporan, aksi="kembalikan_ke_kasi", user=kabid, data={"alasan": ALASAN})
    with pytest.raises(LaporanDitolak, match="pembuat tidak boleh sekaligus pemeriksa"):
        laporan_transisi(
            laporan=laporan, aksi="sampaikan_laporan", user=rangkap, data=data_sah("sampaikan_laporan", laporan)
        )
    assert status_ke(laporan) == "laporan"


def test_setelah_dihitung_ulang_oleh_staf_lain_si_rangkap_boleh_menyetujui(dihitung_rangkap, rangkap, staf):
    laporan = laporan_transisi(
        laporan=dihitung_rangkap, aksi="kembalikan_ke_staf", user=rangkap, data={"alasan": ALASAN}
    )
    laporan = laporan_transisi(
        laporan=laporan, aksi="selesaikan_daftar", user=staf, data=data_sah("selesaikan_daftar", laporan)
    )
    laporan = laporan_transisi(
        laporan=laporan, aksi="laporkan_hitungan", user=staf, data=data_sah("laporkan_hitungan", laporan)
    )
    laporan = laporan_transisi(
        laporan=laporan, aksi="sampaikan_laporan", user=rangkap, data=data_sah("sampaikan_laporan", laporan)
    )
    assert laporan.status == "lakip_bidang"


# --- Staf yang ditunjuk -------------------------------------------------------------------------


@pytest.fixture
def ditunjuk(buat_laporan, staf, staf_lain):
    """Laporan di Langkah 3 yang ditugaskan Kasi kepada `staf` (bukan staf_lain)."""
    return buat_laporan("daftar", staf_ditunjuk=staf)


def test_petunjuk_menyimpan_staf_yang_ditunjuk(ditunjuk, staf):
    assert ditunjuk.staf_ditunjuk == staf


@pytest.mark.parametrize(("status", "aksi"), [("daftar", "selesaikan_daftar"), ("hitung", "laporkan_hitungan")])
def test_hanya_staf_yang_ditunjuk_mengerjakan_langkah_3_dan_4(buat_laporan, staf, staf_lain, status, aksi):
    laporan = buat_laporan(status, staf_ditunjuk=staf)
    sebelum = potret(laporan)
    with pytest.raises(LaporanDitolak, match="ditugaskan Kasi KIP kepada Staf"):
        laporan_transisi(laporan=laporan, aksi=aksi, user=staf_lain, data=data_sah(aksi, laporan))
    assert potret(laporan) == sebelum
    laporan = laporan_transisi(laporan=laporan, aksi=aksi, user=staf, data=data_sah(aksi, laporan))
    assert laporan.status == {"daftar": "hitung", "hitung": "laporan"}[status]


def test_staf_lain_tidak_dapat_mengambil_langkah_yang_ditugaskan(ditunjuk, staf_lain):
    with pytest.raises(LaporanDitolak, match="ditugaskan Kasi KIP kepada Staf"):
        laporan_ambil(laporan=ditunjuk, user=staf_lain)


def test_tanpa_penunjukan_staf_mana_pun_boleh(buat_laporan, staf_lain):
    laporan = buat_laporan("daftar")
    laporan = laporan_transisi(
        laporan=laporan, aksi="selesaikan_daftar", user=staf_lain, data=data_sah("selesaikan_daftar", laporan)
    )
    assert laporan.status == "hitung"


def test_hanya_staf_yang_ditunjuk_yang_diberi_tahu(
    buat_laporan, kasi, staf, staf_lain, django_capture_on_commit_callbacks
):
    staf.email = "staf@sumbarprov.go.id"
    staf.save()
    laporan = buat_laporan("disposisi_kasi")
    with django_capture_on_commit_callbacks(execute=True):
        laporan_transisi(
            laporan=laporan,
            aksi="beri_petunjuk",
            user=kasi,
            data=data_sah("beri_petunjuk", laporan, staf=staf),
        )
    assert list(Notifikasi.objects.values_list("penerima", flat=True)) == [staf.pk]
    assert [pesan.to for pesan in mail.outbox] == [["staf@sumbarprov.go.id"]]


@pytest.mark.parametrize("bukan_staf", ["kasi", "nonaktif", "tidak_ada"])
def test_yang_ditunjuk_harus_staf_aktif(buat_laporan, kasi, bukan_staf):
    nonaktif = buat_pengguna("staf-pensiun", Peran.STAF, is_active=False)
    pk = {"kasi": kasi.pk, "nonaktif": nonaktif.pk, "tidak_ada": 999_999}[bukan_staf]
    laporan = buat_laporan("disposisi_kasi")
    sebelum = potret(laporan)
    with pytest.raises(DataAksiTidakSah) as galat:
        laporan_transisi(laporan=laporan, aksi="beri_petunjuk", user=kasi, data={"petunjuk": "Kerjakan.", "staf": pk})
    assert "staf" in galat.value.form.errors
    assert potret(laporan) == sebelum


# --- Ambil dan lepas langkah --------------------------------------------------------------------


@pytest.fixture
def di_kasi(buat_laporan):
    return buat_laporan("disposisi_kasi")


def test_mengambil_langkah_mencatat_pengambil_dan_waktunya(di_kasi, kasi, jam):
    jam.atur("2026-05-04 09:00")
    langkah = laporan_ambil(laporan=di_kasi, user=kasi)
    langkah.refresh_from_db()
    assert langkah.nomor == 2
    assert langkah.diambil_oleh == kasi
    assert langkah.diambil_pada == jam.sekarang
    riwayat = RiwayatLaporan.objects.filter(laporan=di_kasi).latest("pk")
    assert (riwayat.aksi, riwayat.dari, riwayat.ke, riwayat.oleh, riwayat.peran) == (
        "ambil",
        "disposisi_kasi",
        "disposisi_kasi",
        kasi,
        "Kasi KIP",
    )
    assert status_ke(di_kasi) == "disposisi_kasi"


def test_langkah_yang_diambil_menghalangi_kasi_lain(di_kasi, kasi, kasi_lain):
    laporan_ambil(laporan=di_kasi, user=kasi)
    sebelum = potret(di_kasi)
    pesan = "Langkah ini sedang dikerjakan oleh Kasi; minta ia melepasnya lebih dulu."
    with pytest.raises(LaporanDitolak) as galat:
        laporan_transisi(laporan=di_kasi, aksi="beri_petunjuk", user=kasi_lain, data=data_sah("beri_petunjuk", di_kasi))
    assert str(galat.value) == pesan
    with pytest.raises(LaporanDitolak) as galat:
        laporan_ambil(laporan=di_kasi, user=kasi_lain)
    assert str(galat.value) == pesan
    with pytest.raises(LaporanDitolak, match="Hanya orang yang mengambil langkah ini yang dapat melepasnya"):
        laporan_lepas(laporan=di_kasi, user=kasi_lain)
    assert potret(di_kasi) == sebelum


def test_pengambil_sendiri_tetap_dapat_menjalankan_aksi(di_kasi, kasi):
    laporan_ambil(laporan=di_kasi, user=kasi)
    laporan = laporan_transisi(
        laporan=di_kasi, aksi="beri_petunjuk", user=kasi, data=data_sah("beri_petunjuk", di_kasi)
    )
    assert laporan.status == "daftar"
    # Langkah berikut terbuka tanpa pengambil.
    assert laporan.langkah_terbuka().diambil_oleh is None


def test_melepas_membuka_langkah_untuk_kasi_lain(di_kasi, kasi, kasi_lain):
    laporan_ambil(laporan=di_kasi, user=kasi)
    laporan_lepas(laporan=di_kasi, user=kasi)
    langkah = di_kasi.langkah_terbuka()
    assert (langkah.diambil_oleh, langkah.diambil_pada) == (None, None)
    assert RiwayatLaporan.objects.filter(laporan=di_kasi).latest("pk").aksi == "lepas"
    laporan = laporan_transisi(
        laporan=di_kasi, aksi="beri_petunjuk", user=kasi_lain, data=data_sah("beri_petunjuk", di_kasi)
    )
    assert laporan.status == "daftar"


def test_mengambil_ulang_oleh_pengambil_yang_sama_tidak_mencatat_dua_kali(di_kasi, kasi):
    pertama = laporan_ambil(laporan=di_kasi, user=kasi)
    kedua = laporan_ambil(laporan=di_kasi, user=kasi)
    assert (kedua.pk, kedua.diambil_pada) == (pertama.pk, pertama.diambil_pada)
    assert RiwayatLaporan.objects.filter(laporan=di_kasi, aksi="ambil").count() == 1


@pytest.mark.parametrize("peran", ["kabid", "staf", "sekretariat", "tanpa_peran"])
def test_hanya_pelaksana_langkah_yang_dapat_mengambilnya(di_kasi, pemeran, peran):
    sebelum = potret(di_kasi)
    with pytest.raises(LaporanDitolak, match="hanya dapat dilakukan oleh Kepala Seksi"):
        laporan_ambil(laporan=di_kasi, user=pemeran[peran])
    assert potret(di_kasi) == sebelum


@pytest.mark.parametrize("status", ["selesai", "dibatalkan"])
def test_laporan_yang_berakhir_tidak_dapat_diambil(buat_laporan, kabid, status):
    laporan = buat_laporan(status)
    with pytest.raises(LaporanSudahDiproses, match="tidak ada langkah yang dapat dikerjakan"):
        laporan_ambil(laporan=laporan, user=kabid)


def test_kabid_tetap_dapat_membatalkan_langkah_yang_diambil_orang_lain(di_kasi, kasi, kabid):
    laporan_ambil(laporan=di_kasi, user=kasi)
    laporan = laporan_transisi(laporan=di_kasi, aksi="batalkan", user=kabid, data={"alasan": ALASAN})
    assert laporan.status == "dibatalkan"


def test_penutupan_langkah_memisahkan_waktu_tunggu_dan_proses(buat_laporan, kasi, jam):
    jam.atur("2026-05-04 08:00")  # Senin
    laporan = buat_laporan("disposisi_kasi")
    jam.atur("2026-05-04 08:30")
    laporan_ambil(laporan=laporan, user=kasi)
    jam.atur("2026-05-04 09:15")
    laporan_transisi(laporan=laporan, aksi="beri_petunjuk", user=kasi, data=data_sah("beri_petunjuk", laporan))
    langkah = LangkahLaporan.objects.get(laporan=laporan, nomor=2)
    assert langkah.durasi_tunggu == datetime.timedelta(minutes=30)
    assert langkah.durasi_proses == datetime.timedelta(minutes=45)
    assert langkah.durasi_kerja == datetime.timedelta(minutes=75)


def test_langkah_yang_tidak_diambil_tidak_punya_waktu_tunggu_dan_proses(buat_laporan):
    laporan = buat_laporan("daftar")
    langkah = LangkahLaporan.objects.get(laporan=laporan, nomor=2)
    assert (langkah.durasi_tunggu, langkah.durasi_proses) == (None, None)
    assert langkah.durasi_kerja is not None


# --- Satu Laporan per periode; hanya Kabid yang memulai ----------------------------------------


def test_laporan_kedua_untuk_periode_yang_sama_ditolak(kabid):
    laporan_buat(user=kabid, tahun=2026, periode="TRIWULAN_1")
    with pytest.raises(LaporanError) as galat:
        laporan_buat(user=kabid, tahun=2026, periode="TRIWULAN_1")
    assert str(galat.value) == (
        "Sudah ada Laporan Triwulan I 2026 yang berjalan atau selesai. "
        "Buka Laporan itu, atau batalkan dulu bila keliru."
    )
    assert Laporan.objects.count() == 1
    assert RiwayatLaporan.objects.count() == 1
    assert LangkahLaporan.objects.count() == 1


def test_laporan_selesai_juga_menutup_periodenya(buat_laporan, kabid):
    buat_laporan("selesai")
    with pytest.raises(LaporanError, match="Sudah ada Laporan Triwulan I 2026"):
        laporan_buat(user=kabid, tahun=2026, periode="TRIWULAN_1")


def test_setelah_dibatalkan_periode_dapat_dimulai_lagi(buat_laporan, kabid):
    lama = buat_laporan("dibatalkan")
    baru = laporan_buat(user=kabid, tahun=2026, periode="TRIWULAN_1")
    assert baru.pk != lama.pk
    assert baru.status == "disposisi_kabid"
    # Dan yang baru itu pun hanya satu.
    with pytest.raises(LaporanError):
        laporan_buat(user=kabid, tahun=2026, periode="TRIWULAN_1")


def test_periode_lain_pada_tahun_yang_sama_boleh(kabid):
    laporan_buat(user=kabid, tahun=2025, periode="TRIWULAN_1")
    laporan_buat(user=kabid, tahun=2025, periode="TRIWULAN_2")
    laporan_buat(user=kabid, tahun=2026, periode="TRIWULAN_1")
    assert Laporan.objects.count() == 3


def test_laporan_baru_dimulai_di_langkah_1_dengan_satu_jejak(kabid):
    laporan = laporan_buat(user=kabid, tahun=2025, periode="SEMESTER_2", arahan="Mulai sekarang.")
    assert laporan.status == "disposisi_kabid"
    assert (laporan.bulan_awal, laporan.bulan_akhir) == (7, 12)
    assert list(RiwayatLaporan.objects.values_list("aksi", "dari", "ke", "oleh", "peran", "catatan")) == [
        ("buat", "", "disposisi_kabid", kabid.pk, "Kabid", "Mulai sekarang.")
    ]
    assert RiwayatLaporan.objects.get().aksi_label == "Mulai Laporan"
    langkah = LangkahLaporan.objects.get()
    assert (langkah.nomor, langkah.selesai_pada, langkah.waktu_baku) == (1, None, datetime.timedelta(minutes=10))


# Hari ini (jam uji) → periode terakhir yang sudah usai dan periode pertama yang belum.
PERIODE_USAI = [
    ("2026-04-01 08:00", ("TRIWULAN_1", 2026), ("TRIWULAN_2", 2026)),
    ("2026-03-31 15:00", ("TRIWULAN_4", 2025), ("TRIWULAN_1", 2026)),
    ("2026-07-01 08:00", ("SEMESTER_1", 2026), ("SEMESTER_2", 2026)),
    ("2026-01-02 08:00", ("TAHUNAN", 2025), ("TAHUNAN", 2026)),
]


@pytest.mark.parametrize(("hari_ini", "usai", "belum"), PERIODE_USAI, ids=[k[0][:10] for k in PERIODE_USAI])
def test_laporan_hanya_untuk_periode_yang_sudah_usai(jam, kabid, hari_ini, usai, belum):
    """Hitungan Langkah 4 mengunci bulan-bulan periode; bulan yang masih berjalan tidak boleh ikut terkunci."""
    jam.atur(hari_ini)
    with pytest.raises(LaporanError, match=r"baru berakhir .* Laporan dapat dimulai setelah periodenya usai"):
        laporan_buat(user=kabid, tahun=belum[1], periode=belum[0])
    assert not Laporan.objects.exists()
    laporan = laporan_buat(user=kabid, tahun=usai[1], periode=usai[0])
    assert (laporan.periode, laporan.tahun) == usai


def test_pesan_periode_belum_usai(jam, kabid):
    jam.atur("2026-05-04 08:00")
    with pytest.raises(LaporanError) as galat:
        laporan_buat(user=kabid, tahun=2026, periode="TRIWULAN_2")
    assert str(galat.value) == (
        "Periode Triwulan II 2026 baru berakhir 30 Juni 2026. Laporan dapat dimulai setelah periodenya usai, "
        "karena hitungannya mengunci Daftar bulan-bulan itu."
    )


@pytest.mark.parametrize("peran", ["kasi", "staf", "sekretariat", "tanpa_peran"])
def test_hanya_kabid_yang_dapat_memulai_laporan(pemeran, peran):
    with pytest.raises(PermissionDenied):
        laporan_buat(user=pemeran[peran], tahun=2026, periode="TRIWULAN_1")
    assert not Laporan.objects.exists()
    assert not RiwayatLaporan.objects.exists()


def test_izin_tambah_saja_tanpa_peran_kabid_tidak_cukup(db):
    """Izin model diberikan langsung (mis. lewat admin) tidak menggantikan peran Kabid."""
    pengguna = buat_pengguna("operator")
    pengguna.user_permissions.add(Permission.objects.get(codename="add_laporan"))
    with pytest.raises(LaporanDitolak, match="Hanya Kabid yang dapat memulai Laporan"):
        laporan_buat(user=pengguna, tahun=2026, periode="TRIWULAN_1")
    assert not Laporan.objects.exists()


def test_superuser_tanpa_peran_kabid_tidak_dapat_memulai(db):
    admin = buat_pengguna("admin", is_superuser=True, is_staff=True)
    with pytest.raises(LaporanDitolak):
        laporan_buat(user=admin, tahun=2026, periode="TRIWULAN_1")


# --- Salinan waktu baku -------------------------------------------------------------------------


def test_waktu_baku_disalin_saat_laporan_dibuat(buat_laporan, kabid, kasi):
    lama = buat_laporan("disposisi_kabid")
    assert lama.waktu_baku == {"1": 10, "2": 10, "3": 120, "4": 15, "5": 120, "6": 180, "7": 15}

    WaktuBaku.objects.filter(nomor=3).update(menit=90)
    WaktuBaku.objects.filter(nomor=1).update(menit=5)

    baru = laporan_buat(user=kabid, tahun=2025, periode="TRIWULAN_1")
    assert baru.waktu_baku == {"1": 5, "2": 10, "3": 90, "4": 15, "5": 120, "6": 180, "7": 15}
    assert baru.langkah_terbuka().waktu_baku == datetime.timedelta(minutes=5)

    # Laporan lama tetap memakai waktu baku saat ia dibuat, juga untuk langkah yang baru dibuka kemudian.
    lama.refresh_from_db()
    assert lama.waktu_baku["3"] == 120
    assert lama.langkah_terbuka().waktu_baku == datetime.timedelta(minutes=10)
    for aksi, user in [("beri_arahan", kabid), ("beri_petunjuk", kasi)]:
        lama = laporan_transisi(laporan=lama, aksi=aksi, user=user, data=data_sah(aksi, lama))
    assert lama.langkah_terbuka().nomor == 3
    assert lama.langkah_terbuka().waktu_baku == datetime.timedelta(minutes=120)

    for aksi, user in [("beri_arahan", kabid), ("beri_petunjuk", kasi)]:
        baru = laporan_transisi(laporan=baru, aksi=aksi, user=user, data=data_sah(aksi, baru))
    assert baru.langkah_terbuka().waktu_baku == datetime.timedelta(minutes=90)


def test_langkah_tanpa_baris_waktu_baku_memakai_waktu_baku_sop(kabid):
    WaktuBaku.objects.filter(nomor=6).delete()
    laporan = laporan_buat(user=kabid, tahun=2026, periode="TRIWULAN_1")
    assert laporan.waktu_baku["6"] == 180
