"""Waktu tiap langkah seperti dicatat layanan (DESIGN §6), Tugas Saya, ringkasan waktu, dan aksi yang tersedia.

Jam dibekukan dengan mengganti `django.utils.timezone.now` (fixture `jam`); layanan, auto_now_add dan
localdate semuanya membacanya. Minggu uji: Senin 4 – Jumat 8 Mei 2026, tanpa libur nasional; Senin 11 Mei.
"""

from datetime import date, timedelta

import pytest

from akun.models import Peran
from laporan.models import HariLibur, LangkahLaporan, WaktuBaku
from laporan.selectors import aksi_tersedia, ringkasan_waktu, tugas_saya
from laporan.services import laporan_ambil, laporan_buat, laporan_transisi
from tests.conftest import buat_pengguna
from tests.laporan.conftest import ALASAN, JALAN_MAJU, data_sah

pytestmark = pytest.mark.django_db


def menit(n: float) -> timedelta:
    return timedelta(minutes=n)


def langkah(laporan, nomor: int, ke: int = 0) -> LangkahLaporan:
    return LangkahLaporan.objects.filter(laporan=laporan, nomor=nomor).order_by("pk")[ke]


def maju(laporan, pemeran, *, sampai: str | None = None, satu: bool = False):
    """Majukan satu langkah (satu=True) atau sampai status tertentu, dengan jam saat ini."""
    while True:
        aksi, peran = JALAN_MAJU[laporan.status]
        laporan = laporan_transisi(laporan=laporan, aksi=aksi, user=pemeran[peran], data=data_sah(aksi, laporan))
        if satu or laporan.status == sampai:
            return laporan


def test_arahan_lima_menit_setelah_dibuat(jam, kabid):
    jam.atur("2026-05-04 08:00")  # Senin
    laporan = laporan_buat(user=kabid, tahun=2026, periode="TRIWULAN_1")
    assert langkah(laporan, 1).diterima_pada == jam.sekarang
    jam.atur("2026-05-04 08:05")
    laporan_transisi(laporan=laporan, aksi="beri_arahan", user=kabid, data=data_sah("beri_arahan", laporan))

    satu = langkah(laporan, 1)
    assert satu.selesai_pada == jam.sekarang
    assert satu.durasi_kerja == menit(5)
    assert satu.waktu_baku == menit(10)
    assert satu.melewati_waktu_baku is False
    # Langkah 2 diterima tepat saat Langkah 1 selesai.
    assert langkah(laporan, 2).diterima_pada == jam.sekarang
    assert langkah(laporan, 2).melewati_waktu_baku is None


def test_langkah_lewat_waktu_baku(jam, kabid):
    jam.atur("2026-05-04 08:00")
    laporan = laporan_buat(user=kabid, tahun=2026, periode="TRIWULAN_1")
    jam.atur("2026-05-04 08:11")
    laporan_transisi(laporan=laporan, aksi="beri_arahan", user=kabid, data=data_sah("beri_arahan", laporan))
    assert langkah(laporan, 1).durasi_kerja == menit(11)
    assert langkah(laporan, 1).melewati_waktu_baku is True


def test_tepat_waktu_baku_tidak_melewati(jam, kabid):
    jam.atur("2026-05-04 08:00")
    laporan = laporan_buat(user=kabid, tahun=2026, periode="TRIWULAN_1")
    jam.atur("2026-05-04 08:10")
    laporan_transisi(laporan=laporan, aksi="beri_arahan", user=kabid, data=data_sah("beri_arahan", laporan))
    assert langkah(laporan, 1).melewati_waktu_baku is False


def test_dibuat_sebelum_jam_kerja_dihitung_sejak_jam_kerja_mulai(jam, kabid):
    jam.atur("2026-05-04 06:00")
    laporan = laporan_buat(user=kabid, tahun=2026, periode="TRIWULAN_1")
    jam.atur("2026-05-04 07:35")
    laporan_transisi(laporan=laporan, aksi="beri_arahan", user=kabid, data=data_sah("beri_arahan", laporan))
    assert langkah(laporan, 1).durasi_kerja == menit(5)


def test_langkah_melewati_akhir_pekan(jam, buat_laporan, pemeran):
    jam.atur("2026-05-08 14:30")  # Jumat
    laporan = buat_laporan("disposisi_kasi")
    jam.atur("2026-05-08 15:00")
    laporan = maju(laporan, pemeran, satu=True)  # Langkah 3 (Staf, 2 jam) diterima Jumat 15.00
    jam.atur("2026-05-11 09:00")  # Senin
    laporan = maju(laporan, pemeran, satu=True)

    tiga = langkah(laporan, 3)
    # Jumat 15.00–16.00 (1 jam) + Senin 07.30–09.00 (1,5 jam); Sabtu, Minggu dan malam tidak dihitung.
    assert tiga.durasi_kerja == timedelta(hours=2, minutes=30)
    assert tiga.waktu_baku == timedelta(hours=2)
    assert tiga.melewati_waktu_baku is True


def test_langkah_panjang_melewati_akhir_pekan_masih_dalam_waktu_baku(jam, buat_laporan, pemeran):
    jam.atur("2026-05-08 14:00")
    laporan = buat_laporan("lakip_bidang")  # Langkah 6 (Kabid, 3 jam) diterima Jumat 14.00
    jam.atur("2026-05-11 08:30")
    laporan = maju(laporan, pemeran, satu=True)
    enam = langkah(laporan, 6)
    assert enam.durasi_kerja == timedelta(hours=3)  # 2 jam Jumat + 1 jam Senin
    assert enam.melewati_waktu_baku is False


def test_hari_libur_tambahan_tidak_dihitung(jam, buat_laporan, pemeran):
    HariLibur.objects.create(tanggal=date(2026, 5, 11), keterangan="Cuti bersama")
    jam.atur("2026-05-08 14:30")
    laporan = buat_laporan("disposisi_kasi")
    jam.atur("2026-05-08 15:00")
    laporan = maju(laporan, pemeran, satu=True)
    jam.atur("2026-05-12 09:00")  # Selasa; Senin cuti bersama
    laporan = maju(laporan, pemeran, satu=True)
    assert langkah(laporan, 3).durasi_kerja == timedelta(hours=2, minutes=30)


def test_tanpa_hari_libur_hari_senin_dihitung_penuh(jam, buat_laporan, pemeran):
    """Pembanding uji di atas: Senin yang bukan libur menambah 8,5 jam kerja."""
    jam.atur("2026-05-08 14:30")
    laporan = buat_laporan("disposisi_kasi")
    jam.atur("2026-05-08 15:00")
    laporan = maju(laporan, pemeran, satu=True)
    jam.atur("2026-05-12 09:00")
    laporan = maju(laporan, pemeran, satu=True)
    assert langkah(laporan, 3).durasi_kerja == timedelta(hours=11)


def test_libur_nasional_tidak_dihitung(jam, buat_laporan, pemeran):
    jam.atur("2026-05-13 15:00")  # Rabu; Kamis 14 Mei 2026 libur Kenaikan Yesus Kristus
    laporan = buat_laporan("disposisi_kabid")
    jam.atur("2026-05-15 08:00")  # Jumat
    laporan = maju(laporan, pemeran, satu=True)
    assert langkah(laporan, 1).durasi_kerja == timedelta(hours=1, minutes=30)


def test_pengembalian_membuka_baris_langkah_baru_dengan_waktunya_sendiri(jam, buat_laporan, kasi, pemeran):
    jam.atur("2026-05-04 08:00")
    laporan = buat_laporan("laporan")
    jam.atur("2026-05-04 09:00")
    laporan = laporan_transisi(laporan=laporan, aksi="kembalikan_ke_staf", user=kasi, data={"alasan": ALASAN})
    lima = langkah(laporan, 5)
    assert (lima.hasil, lima.durasi_kerja) == ("DIKEMBALIKAN", timedelta(hours=1))
    tiga_lama, tiga_baru = langkah(laporan, 3, 0), langkah(laporan, 3, 1)
    assert tiga_lama.hasil == "SELESAI" and tiga_lama.selesai_pada == jam.sekarang.replace(hour=8, minute=0)
    assert (tiga_baru.diterima_pada, tiga_baru.selesai_pada) == (jam.sekarang, None)
    jam.atur("2026-05-04 09:20")
    laporan = maju(laporan, pemeran, satu=True)
    assert langkah(laporan, 3, 1).durasi_kerja == menit(20)
    assert langkah(laporan, 3, 0).durasi_kerja == timedelta(0)


def test_waktu_tunggu_dan_proses_melewati_akhir_pekan(jam, buat_laporan, kasi):
    jam.atur("2026-05-08 15:30")  # Jumat
    laporan = buat_laporan("disposisi_kasi")
    jam.atur("2026-05-11 08:00")  # Senin
    laporan_ambil(laporan=laporan, user=kasi)
    jam.atur("2026-05-11 08:10")
    laporan_transisi(laporan=laporan, aksi="beri_petunjuk", user=kasi, data=data_sah("beri_petunjuk", laporan))
    dua = langkah(laporan, 2)
    assert (dua.durasi_tunggu, dua.durasi_proses, dua.durasi_kerja) == (menit(60), menit(10), menit(70))


# --- Ringkasan waktu siklus ---------------------------------------------------------------------

# Lama tiap langkah dalam siklus uji (menit kerja) dan apakah ia dalam waktu bakunya.
LAMA_LANGKAH = {1: 5, 2: 10, 3: 150, 4: 15, 5: 90, 6: 200, 7: 10}
DALAM_BAKU = {1: True, 2: True, 3: False, 4: True, 5: True, 6: False, 7: True}


def test_ringkasan_waktu_siklus_lengkap(jam, buat_laporan, pemeran):
    jam.atur("2026-05-05 07:30")  # Selasa pagi
    laporan = buat_laporan("disposisi_kabid")
    for nomor in range(1, 8):
        jam.sekarang += menit(LAMA_LANGKAH[nomor])  # berakhir Selasa 15.30, tetap dalam jam kerja
        laporan = maju(laporan, pemeran, satu=True)
    assert laporan.status == "selesai"

    for nomor, dalam_baku in DALAM_BAKU.items():
        catatan = langkah(laporan, nomor)
        assert catatan.durasi_kerja == menit(LAMA_LANGKAH[nomor]), nomor
        assert catatan.melewati_waktu_baku is (not dalam_baku), nomor

    ringkasan = ringkasan_waktu(laporan=laporan)
    assert ringkasan.total_baku == timedelta(hours=7, minutes=50)
    assert ringkasan.total_kerja == menit(480)
    assert (ringkasan.jumlah_langkah, ringkasan.jumlah_sesuai_baku) == (7, 5)
    assert ringkasan.persen_sesuai_baku == pytest.approx(500 / 7)


def test_ringkasan_waktu_laporan_baru(jam, kabid):
    laporan = laporan_buat(user=kabid, tahun=2026, periode="TRIWULAN_1")
    ringkasan = ringkasan_waktu(laporan=laporan)
    assert ringkasan.total_baku == timedelta(hours=7, minutes=50)
    assert (ringkasan.total_kerja, ringkasan.jumlah_langkah, ringkasan.persen_sesuai_baku) == (timedelta(0), 0, None)


def test_ringkasan_memakai_waktu_baku_salinan_laporan(jam, kabid):
    WaktuBaku.objects.filter(nomor=6).update(menit=240)
    laporan = laporan_buat(user=kabid, tahun=2026, periode="TRIWULAN_1")
    WaktuBaku.objects.filter(nomor=6).update(menit=60)
    assert ringkasan_waktu(laporan=laporan).total_baku == timedelta(hours=8, minutes=50)


def test_ringkasan_menjumlahkan_langkah_yang_diulang(jam, buat_laporan, kasi, pemeran):
    """Langkah yang dikembalikan dikerjakan dua kali; keduanya masuk total waktu kerja."""
    jam.atur("2026-05-04 08:00")
    laporan = buat_laporan("laporan")
    jam.atur("2026-05-04 08:30")
    laporan = laporan_transisi(laporan=laporan, aksi="kembalikan_ke_staf", user=kasi, data={"alasan": ALASAN})
    jam.atur("2026-05-04 09:00")
    laporan = maju(laporan, pemeran, satu=True)
    ringkasan = ringkasan_waktu(laporan=laporan)
    # 4 langkah pertama dalam 0 menit (jam beku), Langkah 5 30 menit (dikembalikan), Langkah 3 ulang 30 menit.
    assert ringkasan.total_kerja == menit(60)
    assert (ringkasan.jumlah_langkah, ringkasan.jumlah_sesuai_baku) == (6, 6)


# --- Tugas Saya ---------------------------------------------------------------------------------


def test_tugas_saya_yang_paling_lama_menunggu_di_atas(jam, kabid, kasi, staf, sekretariat):
    jam.atur("2026-05-04 08:00")
    triwulan_4 = laporan_buat(user=kabid, tahun=2025, periode="TRIWULAN_4")
    triwulan_1 = laporan_buat(user=kabid, tahun=2026, periode="TRIWULAN_1")
    jam.atur("2026-05-04 08:05")
    laporan_transisi(laporan=triwulan_1, aksi="beri_arahan", user=kabid, data=data_sah("beri_arahan", triwulan_1))
    jam.atur("2026-05-04 08:20")
    laporan_transisi(laporan=triwulan_4, aksi="beri_arahan", user=kabid, data=data_sah("beri_arahan", triwulan_4))
    laporan_buat(user=kabid, tahun=2025, periode="TRIWULAN_3")  # masih di meja Kabid

    jam.atur("2026-05-04 10:05")
    tugas = tugas_saya(user=kasi)
    # Triwulan IV 2025 dibuat lebih dulu, tetapi Triwulan I 2026 lebih dulu sampai ke meja Kasi.
    assert [t.laporan.pk for t in tugas] == [triwulan_1.pk, triwulan_4.pk]
    assert [t.menunggu for t in tugas] == [timedelta(hours=2), timedelta(hours=1, minutes=45)]
    assert [t.langkah.nomor for t in tugas] == [2, 2]
    assert [t.waktu_baku for t in tugas] == [menit(10), menit(10)]
    assert all(t.melewati_waktu_baku for t in tugas)

    assert [t.laporan.periode for t in tugas_saya(user=kabid)] == ["TRIWULAN_3"]
    assert all(t.alasan_pengembalian is None for t in tugas)
    assert tugas_saya(user=staf) == []
    assert tugas_saya(user=sekretariat) == []


def test_tugas_saya_menghitung_lama_tunggu_dalam_jam_kerja(jam, buat_laporan, kasi):
    jam.atur("2026-05-08 15:55")  # Jumat
    buat_laporan("disposisi_kasi")
    jam.atur("2026-05-11 07:35")  # Senin
    (tugas,) = tugas_saya(user=kasi)
    assert tugas.menunggu == menit(10)
    assert tugas.melewati_waktu_baku is False


def test_tugas_staf_yang_ditunjuk_hanya_untuknya(jam, buat_laporan, staf, staf_lain):
    umum = buat_laporan("daftar", tahun=2025)
    khusus = buat_laporan("daftar", periode="TRIWULAN_1", staf_ditunjuk=staf)
    assert {t.laporan.pk for t in tugas_saya(user=staf)} == {umum.pk, khusus.pk}
    assert [t.laporan.pk for t in tugas_saya(user=staf_lain)] == [umum.pk]


# --- Aksi yang tersedia -------------------------------------------------------------------------

# status → pemeran → aksi yang boleh ditawarkan (ditulis tangan; pemeran yang tidak tertulis: tidak ada).
TERSEDIA = {
    "disposisi_kabid": {"kabid": {"beri_arahan", "batalkan"}},
    "daftar": {"kabid": {"batalkan"}, "staf": {"selesaikan_daftar"}},
    "laporan": {"kabid": {"batalkan"}, "kasi": {"sampaikan_laporan", "kembalikan_ke_staf"}},
    "lakip_bidang": {"kabid": {"sampaikan_lakip_bidang", "kembalikan_ke_kasi", "batalkan"}},
    "lakip_dinas": {"sekretariat": {"terima", "kembalikan_ke_kabid"}},
    "selesai": {},
    "dibatalkan": {},
}


@pytest.mark.parametrize("status", list(TERSEDIA))
def test_aksi_tersedia_per_peran(buat_laporan, pemeran, status):
    laporan = buat_laporan(status)
    for peran, user in pemeran.items():
        tersedia = {aksi.value for aksi in aksi_tersedia(laporan=laporan, user=user)}
        assert tersedia == TERSEDIA[status].get(peran, set()), peran


def test_aksi_tersedia_menghormati_aturan_orang(buat_laporan, kasi, kasi_lain, staf, staf_lain):
    ditunjuk = buat_laporan("daftar", staf_ditunjuk=staf)
    assert aksi_tersedia(laporan=ditunjuk, user=staf_lain) == []
    assert [a.value for a in aksi_tersedia(laporan=ditunjuk, user=staf)] == ["selesaikan_daftar"]

    laporan = buat_laporan("disposisi_kasi", tahun=2025)
    laporan_ambil(laporan=laporan, user=kasi)
    assert aksi_tersedia(laporan=laporan, user=kasi_lain) == []
    assert [a.value for a in aksi_tersedia(laporan=laporan, user=kasi)] == ["beri_petunjuk"]


def test_aksi_tersedia_bagi_pelapor_hitungan_hanya_pengembalian(buat_laporan):
    rangkap = buat_pengguna("rangkap", Peran.STAF, Peran.KASI_KIP)
    laporan = buat_laporan("laporan", oleh={"staf": rangkap})
    assert laporan.dihitung_oleh == rangkap
    assert [a.value for a in aksi_tersedia(laporan=laporan, user=rangkap)] == ["kembalikan_ke_staf"]


def test_tugas_yang_dikembalikan_membawa_alasannya(jam, buat_laporan, kasi, staf):
    laporan = buat_laporan("laporan")
    laporan_transisi(laporan=laporan, aksi="kembalikan_ke_staf", user=kasi, data={"alasan": ALASAN})
    (tugas,) = tugas_saya(user=staf)
    assert tugas.alasan_pengembalian == ALASAN
    # Mengambil langkah dicatat di jejak audit, tetapi bukan transisi: alasan pengembalian tetap tampil.
    laporan_ambil(laporan=laporan, user=staf)
    (tugas,) = tugas_saya(user=staf)
    assert tugas.alasan_pengembalian == ALASAN
    # Setelah Staf menyelesaikan Daftar, langkah berikutnya bukan lagi pengembalian.
    laporan_transisi(laporan=laporan, aksi="selesaikan_daftar", user=staf, data=data_sah("selesaikan_daftar", laporan))
    (tugas,) = tugas_saya(user=staf)
    assert tugas.langkah.nomor == 4
    assert tugas.alasan_pengembalian is None
