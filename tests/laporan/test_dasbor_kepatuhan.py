"""Kepatuhan SOP di dasbor tahunan: median dan bagian dalam waktu baku per langkah, pengembalian beserta alasannya,
total per siklus, Laporan yang sedang berjalan, dan tampilannya di halaman dasbor.

Setiap langkah diselesaikan lewat layanan sungguhan dengan jam beku (fixture `jam`), sehingga lamanya dalam jam
kerja ditentukan oleh uji. Minggu uji: Senin 6 – Jumat 10 Juli 2026, tanpa libur nasional; jam kerja 07.30–16.00.
Semua angka yang diharapkan dihitung tangan dari jadwal di `siklus_uji` dan ditulis sebagai angka.

Waktu baku SOP (menit): L1 10, L2 10, L3 120, L4 15, L5 120, L6 180, L7 15; jumlah 470 = 7 jam 50 menit.
"""

from datetime import timedelta

import lxml.html
import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from akun.models import Peran
from laporan.dasbor.kepatuhan import kepatuhan_tahun, laporan_berjalan
from laporan.services import laporan_ambil, laporan_buat, laporan_transisi
from tests.conftest import buat_pengguna
from tests.laporan.conftest import JALAN_MAJU, data_sah

pytestmark = pytest.mark.django_db

# Pengembali tiap aksi pengembalian (ditulis tangan, bukan dibaca dari laporan.sop).
PENGEMBALI = {"kembalikan_ke_staf": "kasi", "kembalikan_ke_kasi": "kabid", "kembalikan_ke_kabid": "sekretariat"}

ALASAN_A = "Jumlah NIK Dinas Kesehatan bulan Maret belum sesuai surat OPD."
ALASAN_B_KASI = "Analisa belum membandingkan dengan triwulan sebelumnya."
ALASAN_B_KABID = "Narasi LAKIP Bidang belum memuat capaian IKU."
ALASAN_D = "Daftar Triwulan IV 2025 belum memuat RSUD."
ALASAN_BATAL = "Periode keliru, seharusnya dibuat untuk triwulan."

BAKU_TOTAL = timedelta(hours=7, minutes=50)


def menit(n: float) -> timedelta:
    return timedelta(minutes=n)


def maju(jam, laporan, pemeran, pada: str):
    """Pada pukul `pada` (WIB), pelaksana langkah yang terbuka menyelesaikannya."""
    jam.atur(pada)
    aksi, peran = JALAN_MAJU[laporan.status]
    return laporan_transisi(laporan=laporan, aksi=aksi, user=pemeran[peran], data=data_sah(aksi, laporan))


def kembalikan(jam, laporan, pemeran, aksi: str, pada: str, alasan: str):
    jam.atur(pada)
    return laporan_transisi(laporan=laporan, aksi=aksi, user=pemeran[PENGEMBALI[aksi]], data={"alasan": alasan})


def mulai(jam, pemeran, pada: str, *, tahun: int, periode: str):
    jam.atur(pada)
    return laporan_buat(user=pemeran["kabid"], tahun=tahun, periode=periode)


@pytest.fixture
def staf_pengolah(db):
    return buat_pengguna("rina", Peran.STAF, nama="Rina Wulandari")


@pytest.fixture
def siklus_uji(jam, pemeran, buat_laporan, staf_pengolah):
    """Lima Laporan; lama tiap pengerjaan langkah (menit kerja) tertulis di samping setiap langkah.

    A  Triwulan I 2026, selesai, satu pengembalian di Langkah 5 (Senin–Selasa):
       L1 5 · L2 10 · L3 180 · L4 15 · L5 30 (dikembalikan) · L3 150 · L4 10 · L5 60 · L6 120 (melewati malam:
       Senin 15.10–16.00 = 50, Selasa 07.30–08.40 = 70) · L7 15. Total 595 = 9 jam 55 menit.
    B  Triwulan II 2026, selesai, dikembalikan di Langkah 6 dan Langkah 7 (Rabu):
       L1 15 · L2 4 · L3 100 · L4 20 · L5 90 · L6 60 (dikembalikan) · L5 20 · L6 30 · L7 10 (dikembalikan) ·
       L6 20 · L7 5. Total 374 = 6 jam 14 menit.
    E  Semester I 2026, dibatalkan Kabid di Langkah 2 (Kamis): L1 8 · L2 50 (dibatalkan).
    D  Triwulan IV 2025 (Jumat): L1–L4 0 menit, L5 30 (dikembalikan ke Staf pukul 08.00); Langkah 3 diambil
       Rina pukul 08.30 dan masih berjalan.
    G  Semester I 2026 (Jumat, boleh karena E dibatalkan): L1 6 · L2 4; Langkah 3 terbuka sejak 10.10, belum
       diambil.
    Sekarang: Jumat 10 Juli 2026 pukul 11.00.
    """
    a = mulai(jam, pemeran, "2026-07-06 07:30", tahun=2026, periode="TRIWULAN_1")
    a = maju(jam, a, pemeran, "2026-07-06 07:35")  # L1 5
    a = maju(jam, a, pemeran, "2026-07-06 07:45")  # L2 10
    a = maju(jam, a, pemeran, "2026-07-06 10:45")  # L3 180
    a = maju(jam, a, pemeran, "2026-07-06 11:00")  # L4 15
    a = kembalikan(jam, a, pemeran, "kembalikan_ke_staf", "2026-07-06 11:30", ALASAN_A)  # L5 30
    a = maju(jam, a, pemeran, "2026-07-06 14:00")  # L3 150
    a = maju(jam, a, pemeran, "2026-07-06 14:10")  # L4 10
    a = maju(jam, a, pemeran, "2026-07-06 15:10")  # L5 60
    a = maju(jam, a, pemeran, "2026-07-07 08:40")  # L6 50 + 70
    a = maju(jam, a, pemeran, "2026-07-07 08:55")  # L7 15
    assert a.status == "selesai"

    b = mulai(jam, pemeran, "2026-07-08 07:30", tahun=2026, periode="TRIWULAN_2")
    b = maju(jam, b, pemeran, "2026-07-08 07:45")  # L1 15
    b = maju(jam, b, pemeran, "2026-07-08 07:49")  # L2 4
    b = maju(jam, b, pemeran, "2026-07-08 09:29")  # L3 100
    b = maju(jam, b, pemeran, "2026-07-08 09:49")  # L4 20
    b = maju(jam, b, pemeran, "2026-07-08 11:19")  # L5 90
    b = kembalikan(jam, b, pemeran, "kembalikan_ke_kasi", "2026-07-08 12:19", ALASAN_B_KASI)  # L6 60
    b = maju(jam, b, pemeran, "2026-07-08 12:39")  # L5 20
    b = maju(jam, b, pemeran, "2026-07-08 13:09")  # L6 30
    b = kembalikan(jam, b, pemeran, "kembalikan_ke_kabid", "2026-07-08 13:19", ALASAN_B_KABID)  # L7 10
    b = maju(jam, b, pemeran, "2026-07-08 13:39")  # L6 20
    b = maju(jam, b, pemeran, "2026-07-08 13:44")  # L7 5
    assert b.status == "selesai"

    e = mulai(jam, pemeran, "2026-07-09 07:30", tahun=2026, periode="SEMESTER_1")
    e = maju(jam, e, pemeran, "2026-07-09 07:38")  # L1 8
    jam.atur("2026-07-09 08:28")  # L2 50, lalu dibatalkan
    e = laporan_transisi(laporan=e, aksi="batalkan", user=pemeran["kabid"], data={"alasan": ALASAN_BATAL})
    assert e.status == "dibatalkan"

    jam.atur("2026-07-10 07:30")
    d = buat_laporan("laporan", tahun=2025, periode="TRIWULAN_4")  # L1–L4 dalam 0 menit (jam tidak bergerak)
    d = kembalikan(jam, d, pemeran, "kembalikan_ke_staf", "2026-07-10 08:00", ALASAN_D)  # L5 30
    jam.atur("2026-07-10 08:30")
    laporan_ambil(laporan=d, user=staf_pengolah)

    g = mulai(jam, pemeran, "2026-07-10 10:00", tahun=2026, periode="SEMESTER_1")
    g = maju(jam, g, pemeran, "2026-07-10 10:06")  # L1 6
    g = maju(jam, g, pemeran, "2026-07-10 10:10")  # L2 4

    jam.atur("2026-07-10 11:00")
    return {"a": a, "b": b, "d": d, "e": e, "g": g}


def per_nomor(kepatuhan) -> dict:
    return {k.langkah.nomor: k for k in kepatuhan.per_langkah}


# Per langkah tahun 2026 (A, B, E tanpa langkah batalnya, G tanpa langkah terbukanya), dihitung tangan:
#   nomor: (pengerjaan, dalam waktu baku, median)
#   L1 [5, 6, 8, 15]        ≤10: 3  median (6+8)/2 = 7
#   L2 [4, 4, 10]           ≤10: 3  median 4        (10 tepat waktu baku: sesuai; 50 milik E dibatalkan: tidak dihitung)
#   L3 [100, 150, 180]      ≤120: 1 median 150
#   L4 [10, 15, 20]         ≤15: 2  median 15
#   L5 [20, 30, 60, 90]     ≤120: 4 median (30+60)/2 = 45
#   L6 [20, 30, 60, 120]    ≤180: 4 median (30+60)/2 = 45
#   L7 [5, 10, 15]          ≤15: 3  median 10
HARAPAN_2026 = {
    1: (4, 3, menit(7)),
    2: (3, 3, menit(4)),
    3: (3, 1, menit(150)),
    4: (3, 2, menit(15)),
    5: (4, 4, menit(45)),
    6: (4, 4, menit(45)),
    7: (3, 3, menit(10)),
}


def test_median_dan_jumlah_dalam_waktu_baku_per_langkah(siklus_uji):
    hasil = per_nomor(kepatuhan_tahun(tahun=2026))
    assert {nomor: (k.jumlah, k.jumlah_sesuai, k.median) for nomor, k in hasil.items()} == HARAPAN_2026
    waktu_baku = {nomor: k.waktu_baku for nomor, k in hasil.items()}
    assert waktu_baku == {
        1: menit(10),
        2: menit(10),
        3: menit(120),
        4: menit(15),
        5: menit(120),
        6: menit(180),
        7: menit(15),
    }


def test_persen_sesuai_dan_penilaian_per_langkah(siklus_uji):
    kepatuhan = kepatuhan_tahun(tahun=2026)
    hasil = per_nomor(kepatuhan)
    assert hasil[1].persen_sesuai == pytest.approx(75.0)  # 3 dari 4
    assert hasil[3].persen_sesuai == pytest.approx(100 / 3)  # 1 dari 3
    assert hasil[4].persen_sesuai == pytest.approx(200 / 3)  # 2 dari 3
    assert hasil[2].persen_sesuai == pytest.approx(100.0)
    # Median L3 150 > 120: tidak baik. Median L4 15 tepat waktu bakunya: masih baik.
    assert {nomor: k.penilaian.label for nomor, k in hasil.items()} == {
        1: "Berjalan dengan baik",
        2: "Berjalan dengan baik",
        3: "Tidak berjalan dengan baik",
        4: "Berjalan dengan baik",
        5: "Berjalan dengan baik",
        6: "Berjalan dengan baik",
        7: "Berjalan dengan baik",
    }
    assert [k.langkah.nomor for k in kepatuhan.per_langkah if k.baik is False] == [3]


def test_pengembalian_dihitung_pada_langkah_tempatnya_terjadi(siklus_uji):
    """Kasi mengembalikan di Langkah 5, Kabid di Langkah 6, Sekretariat di Langkah 7; D (2025) tidak ikut."""
    hasil = per_nomor(kepatuhan_tahun(tahun=2026))
    assert {nomor: k.jumlah_pengembalian for nomor, k in hasil.items()} == {1: 0, 2: 0, 3: 0, 4: 0, 5: 1, 6: 1, 7: 1}


def test_alasan_pengembalian_terbaru_dulu(siklus_uji, pemeran):
    pengembalian = kepatuhan_tahun(tahun=2026).pengembalian
    assert pengembalian.jumlah == 3
    # Rabu 13.19 (B ke Kabid), Rabu 12.19 (B ke Kasi), Senin 11.30 (A ke Staf).
    assert [(r.laporan.pk, r.aksi, r.oleh, r.catatan) for r in pengembalian.contoh] == [
        (siklus_uji["b"].pk, "kembalikan_ke_kabid", pemeran["sekretariat"], ALASAN_B_KABID),
        (siklus_uji["b"].pk, "kembalikan_ke_kasi", pemeran["kabid"], ALASAN_B_KASI),
        (siklus_uji["a"].pk, "kembalikan_ke_staf", pemeran["kasi"], ALASAN_A),
    ]
    assert pengembalian.terpotong is False
    assert sorted(pengembalian.semua.values_list("catatan", flat=True)) == sorted(
        [ALASAN_A, ALASAN_B_KASI, ALASAN_B_KABID]
    )
    assert pengembalian.tautan == reverse("laporan:list") + "?tahun=2026&dikembalikan=true"
    assert kepatuhan_tahun(tahun=2026).laporan_dikembalikan == 2  # A dan B


def test_total_per_siklus_menjumlahkan_langkah_yang_diulang(siklus_uji):
    """Urutan menurut mulainya siklus: A (Senin), B (Rabu), G (Jumat); E dibatalkan tidak ikut."""
    siklus = kepatuhan_tahun(tahun=2026).siklus
    ringkas = [(s.laporan.pk, s.total_kerja, s.jumlah_pengembalian, s.selesai, s.sesuai_baku) for s in siklus]
    assert ringkas == [
        (siklus_uji["a"].pk, menit(595), 1, True, False),  # 9 jam 55 menit > 7 jam 50 menit
        (siklus_uji["b"].pk, menit(374), 2, True, True),  # 6 jam 14 menit
        (siklus_uji["g"].pk, menit(10), 0, False, True),  # 6 + 4, Langkah 3 masih terbuka
    ]
    assert all(s.total_baku == BAKU_TOTAL for s in siklus)


def test_laporan_dibatalkan_tidak_ikut_siklus_dan_langkah_batalnya_tidak_dihitung(siklus_uji):
    kepatuhan = kepatuhan_tahun(tahun=2026)
    assert siklus_uji["e"].pk not in {s.laporan.pk for s in kepatuhan.siklus}
    hasil = per_nomor(kepatuhan)
    # L2 E (50 menit, dibatalkan) tidak dihitung; L1 E (8 menit) selesai sebelum pembatalan, jadi ikut.
    assert (hasil[2].jumlah, hasil[2].median) == (3, menit(4))
    assert (hasil[1].jumlah, hasil[1].median) == (4, menit(7))
    assert siklus_uji["e"].pk not in {b.laporan.pk for b in kepatuhan.berjalan}


def test_laporan_tahun_lain_hanya_masuk_tahunnya_sendiri(siklus_uji):
    """D (2025) tidak mengubah angka 2026; angka 2025 hanya dari D: L1–L4 0 menit, L5 30 menit dikembalikan."""
    kepatuhan = kepatuhan_tahun(tahun=2025)
    hasil = per_nomor(kepatuhan)
    assert {nomor: (k.jumlah, k.jumlah_sesuai, k.median, k.jumlah_pengembalian) for nomor, k in hasil.items()} == {
        1: (1, 1, menit(0), 0),
        2: (1, 1, menit(0), 0),
        3: (1, 1, menit(0), 0),  # pengerjaan kedua L3 masih terbuka
        4: (1, 1, menit(0), 0),
        5: (1, 1, menit(30), 1),
        6: (0, 0, None, 0),
        7: (0, 0, None, 0),
    }
    assert [hasil[6].penilaian.label, hasil[6].persen_sesuai, hasil[6].baik] == ["Belum ada data", None, None]
    assert [(s.laporan.pk, s.total_kerja, s.jumlah_pengembalian) for s in kepatuhan.siklus] == [
        (siklus_uji["d"].pk, menit(30), 1)
    ]
    assert [r.catatan for r in kepatuhan.pengembalian.contoh] == [ALASAN_D]
    # Laporan yang sedang berjalan tampil pada tahun dasbor mana pun.
    assert [b.laporan.pk for b in kepatuhan.berjalan] == [siklus_uji["d"].pk, siklus_uji["g"].pk]


def test_tahun_tanpa_laporan_belum_ada_data(siklus_uji):
    kepatuhan = kepatuhan_tahun(tahun=2024)
    assert [(k.jumlah, k.median, k.persen_sesuai, k.penilaian.label) for k in kepatuhan.per_langkah] == [
        (0, None, None, "Belum ada data")
    ] * 7
    assert [k for k in kepatuhan.per_langkah if k.baik is False] == []
    assert (kepatuhan.siklus, kepatuhan.pengembalian.jumlah, kepatuhan.pengembalian.contoh) == ([], 0, [])
    assert len(kepatuhan.berjalan) == 2


def test_laporan_berjalan_lama_menunggu_dan_pengambilnya(siklus_uji, staf_pengolah):
    """Paling lama menunggu di atas; lamanya dihitung sejak serah terima, bukan sejak diambil."""
    berjalan = laporan_berjalan()
    assert [
        (b.laporan.pk, b.langkah.nomor, b.menunggu, b.catatan.diambil_oleh, b.melewati_waktu_baku) for b in berjalan
    ] == [
        (siklus_uji["d"].pk, 3, timedelta(hours=3), staf_pengolah, True),  # 08.00–11.00 > 2 jam
        (siklus_uji["g"].pk, 3, menit(50), None, False),  # 10.10–11.00
    ]


def test_siklus_tepat_waktu_baku_masih_sesuai(jam, pemeran):
    """Setiap langkah tepat pada waktu bakunya: semua sesuai, penilaian baik, total 7 jam 50 menit sesuai."""
    laporan = mulai(jam, pemeran, "2026-07-06 07:30", tahun=2026, periode="TRIWULAN_1")
    for pada in ["07:40", "07:50", "09:50", "10:05", "12:05", "15:05", "15:20"]:  # +10 +10 +120 +15 +120 +180 +15
        laporan = maju(jam, laporan, pemeran, f"2026-07-06 {pada}")
    assert laporan.status == "selesai"
    kepatuhan = kepatuhan_tahun(tahun=2026)
    assert [(k.jumlah, k.jumlah_sesuai) for k in kepatuhan.per_langkah] == [(1, 1)] * 7
    assert {k.penilaian.label for k in kepatuhan.per_langkah} == {"Berjalan dengan baik"}
    (siklus,) = kepatuhan.siklus
    assert (siklus.total_kerja, siklus.total_baku, siklus.sesuai_baku) == (BAKU_TOTAL, BAKU_TOTAL, True)


def test_satu_menit_lewat_waktu_baku_tidak_baik(jam, pemeran):
    laporan = mulai(jam, pemeran, "2026-07-06 07:30", tahun=2026, periode="TRIWULAN_1")
    laporan = maju(jam, laporan, pemeran, "2026-07-06 07:41")  # L1 11 > 10
    maju(jam, laporan, pemeran, "2026-07-06 07:51")  # L2 10
    hasil = per_nomor(kepatuhan_tahun(tahun=2026))
    assert (hasil[1].jumlah_sesuai, hasil[1].persen_sesuai, hasil[1].penilaian.label) == (
        0,
        0.0,
        "Tidak berjalan dengan baik",
    )
    assert (hasil[2].jumlah_sesuai, hasil[2].penilaian.label) == (1, "Berjalan dengan baik")


# --- Halaman dasbor -----------------------------------------------------------------------------


def baris_tabel(halaman, id_tabel: str) -> list[list[str]]:
    dokumen = lxml.html.fromstring(halaman)
    return [
        [" ".join(sel.text_content().split()) for sel in baris.xpath("./th|./td")]
        for baris in dokumen.xpath(f'//table[@id="{id_tabel}"]/tbody/tr')
    ]


@pytest.fixture
def halaman_2026(client, kabid, siklus_uji):
    client.force_login(kabid)
    respons = client.get(reverse("laporan:dasbor") + "?tahun=2026")
    assert respons.status_code == 200
    return respons.content.decode()


def test_halaman_tabel_kepatuhan_per_langkah(halaman_2026):
    baris = baris_tabel(halaman_2026, "tabel-kepatuhan")
    # Pembulatan persen L4 (2 dari 3) diuji tersendiri di bawah.
    assert baris[3].pop(4).startswith("2 dari 3 (")
    assert baris == [
        ["Langkah 1", "Kabid", "7 menit", "10 menit", "3 dari 4 (75%)", "0", "Berjalan dengan baik"],
        ["Langkah 2", "Kasi KIP", "4 menit", "10 menit", "3 dari 3 (100%)", "0", "Berjalan dengan baik"],
        ["Langkah 3", "Staf", "2 jam 30 menit", "2 jam", "1 dari 3 (33%)", "0", "Tidak berjalan dengan baik"],
        ["Langkah 4", "Staf", "15 menit", "15 menit", "0", "Berjalan dengan baik"],
        ["Langkah 5", "Kasi KIP", "45 menit", "2 jam", "4 dari 4 (100%)", "1", "Berjalan dengan baik"],
        ["Langkah 6", "Kabid", "45 menit", "3 jam", "4 dari 4 (100%)", "1", "Berjalan dengan baik"],
        ["Langkah 7", "Sekretariat", "10 menit", "15 menit", "3 dari 3 (100%)", "1", "Berjalan dengan baik"],
    ]
    dokumen = lxml.html.fromstring(halaman_2026)
    # Angka grafik: median dan waktu baku dalam menit tanpa format lokal.
    assert dokumen.xpath('//table[@id="tabel-kepatuhan"]/tbody/tr[3]/td[@data-nilai]/@data-nilai') == [
        "150.00",
        "120.00",
    ]
    assert dokumen.xpath('//table[@id="tabel-kepatuhan"]/tbody/tr[3]//span[contains(@class, "text-bg-danger")]')


def test_halaman_persen_dalam_waktu_baku_dibulatkan(halaman_2026):
    """2 dari 3 = 66,67%: tanpa desimal tertulis 67%, bukan 66% (dipotong)."""
    baris = baris_tabel(halaman_2026, "tabel-kepatuhan")
    assert baris[3][4] == "2 dari 3 (67%)"


def test_halaman_tabel_laporan_berjalan(halaman_2026):
    assert baris_tabel(halaman_2026, "tabel-berjalan") == [
        [
            "Laporan Triwulan IV 2025",
            "Langkah 3 · Staf",
            "Rina Wulandari",
            "3 jam melewati waktu baku",
            "2 jam",
        ],
        ["Laporan Semester I 2026", "Langkah 3 · Staf", "belum diambil", "50 menit", "2 jam"],
    ]
    dokumen = lxml.html.fromstring(halaman_2026)
    kelas = [b.get("class") for b in dokumen.xpath('//table[@id="tabel-berjalan"]/tbody/tr')]
    assert kelas == ["table-warning", None]


def test_halaman_tabel_siklus(halaman_2026):
    assert baris_tabel(halaman_2026, "tabel-siklus") == [
        ["Laporan Triwulan I 2026", "Selesai", "9 jam 55 menit", "7 jam 50 menit", "1", "melewati waktu baku"],
        ["Laporan Triwulan II 2026", "Selesai", "6 jam 14 menit", "7 jam 50 menit", "2", "dalam waktu baku"],
        [
            "Laporan Semester I 2026",
            "Penyusunan Daftar",
            "10 menit",
            "7 jam 50 menit",
            "0",
            "dalam waktu baku (belum selesai)",
        ],
    ]


def test_halaman_pengembalian_dan_alasannya(halaman_2026):
    dokumen = lxml.html.fromstring(halaman_2026)
    (judul,) = dokumen.xpath('//h3[@id="pengembalian"]')
    (angka,) = judul.xpath('.//*[@data-angka="pengembalian"]')
    assert angka.text_content() == "3"
    (laporan,) = judul.xpath('.//a[@data-angka="laporan-dikembalikan"]')
    assert (laporan.text_content(), laporan.get("href")) == (
        "2",
        reverse("laporan:list") + "?tahun=2026&dikembalikan=true",
    )
    butir = [" ".join(" ".join(li.itertext()).split()) for li in judul.getnext().xpath("./li")]
    assert butir == [
        "Laporan Triwulan II 2026 · Kembalikan kepada Kabid oleh Sekretariat, 8 Juli 2026 13.19 "
        f"Alasan: {ALASAN_B_KABID}",
        f"Laporan Triwulan II 2026 · Kembalikan kepada Kasi KIP oleh Kabid, 8 Juli 2026 12.19 Alasan: {ALASAN_B_KASI}",
        f"Laporan Triwulan I 2026 · Kembalikan kepada Staf oleh Kasi, 6 Juli 2026 11.30 Alasan: {ALASAN_A}",
    ]
    assert ALASAN_D not in halaman_2026
    assert ALASAN_BATAL not in halaman_2026


def test_tautan_pengembalian_membuka_laporan_yang_dikembalikan(client, halaman_2026, siklus_uji):
    dokumen = lxml.html.fromstring(halaman_2026)
    (tautan,) = dokumen.xpath('//a[@data-angka="laporan-dikembalikan"]')
    respons = client.get(tautan.get("href"))
    assert {laporan.pk for laporan in respons.context["page_obj"]} == {siklus_uji["a"].pk, siklus_uji["b"].pk}
    tidak = client.get(reverse("laporan:list"), {"tahun": 2026, "dikembalikan": "false"})
    # G berjalan tanpa pengembalian; E dibatalkan tanpa pengembalian.
    assert {laporan.pk for laporan in tidak.context["page_obj"]} == {siklus_uji["g"].pk, siklus_uji["e"].pk}


# --- Banyak kueri -------------------------------------------------------------------------------


def kueri_kepatuhan(tahun: int) -> int:
    """Banyak kueri untuk membaca kepatuhan dan merender bagian dasbornya (semua yang dibaca templat)."""
    with CaptureQueriesContext(connection) as kueri:
        render_to_string("laporan/dasbor/_kepatuhan.html", {"kepatuhan": kepatuhan_tahun(tahun=tahun), "lengkap": True})
    return len(kueri.captured_queries)


def test_kueri_kepatuhan_sama_untuk_1_dan_6_laporan(jam, pemeran, buat_laporan):
    """Setiap Laporan berjalan diambil seseorang dan punya pengembalian, agar pembacaan per baris terlihat."""
    jam.atur("2026-07-06 08:00")
    pertama = buat_laporan("laporan", periode="TRIWULAN_1")
    kembalikan(jam, pertama, pemeran, "kembalikan_ke_staf", "2026-07-06 08:30", ALASAN_A)
    laporan_ambil(laporan=pertama, user=pemeran["staf"])
    satu = kueri_kepatuhan(2026)

    kedua = buat_laporan("lakip_dinas", periode="TRIWULAN_2")
    kedua = kembalikan(jam, kedua, pemeran, "kembalikan_ke_kabid", "2026-07-06 09:00", ALASAN_B_KABID)
    laporan_ambil(laporan=kedua, user=pemeran["kabid"])
    buat_laporan("dibatalkan", periode="SEMESTER_1")
    buat_laporan("selesai", periode="SEMESTER_1")
    lama = buat_laporan("laporan", tahun=2025, periode="TRIWULAN_4")
    laporan_ambil(laporan=lama, user=pemeran["kasi"])
    buat_laporan("selesai", tahun=2025, periode="TRIWULAN_3")
    enam = kueri_kepatuhan(2026)

    kepatuhan = kepatuhan_tahun(tahun=2026)
    assert (len(kepatuhan.siklus), len(kepatuhan.berjalan), kepatuhan.pengembalian.jumlah) == (3, 3, 2)
    assert {b.catatan.diambil_oleh.username for b in kepatuhan.berjalan} == {"staf", "kabid", "kasi"}
    assert enam == satu
