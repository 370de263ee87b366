"""Waktu kerja: lama langkah SOP dihitung hanya pada jam kerja hari kerja (DESIGN §6)."""

import datetime
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import holidays
import pytest
from django.core.exceptions import ImproperlyConfigured

from laporan.waktu_kerja import JadwalKerja, durasi_kerja, format_durasi, tambah_waktu_kerja

AKAR = Path(__file__).resolve().parents[2]
WIB = ZoneInfo("Asia/Jakarta")
UTC = datetime.UTC
JADWAL = JadwalKerja()

# Agustus 2026: Senin 3, 10 dan 17 (Hari Kemerdekaan); Jumat 7 dan 14.
HARI_KEMERDEKAAN_2026 = datetime.date(2026, 8, 17)


def wib(tanggal: str, jam: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(f"{tanggal}T{jam}").replace(tzinfo=WIB)


def jam(jumlah: float) -> timedelta:
    return timedelta(hours=jumlah)


def test_jadwal_bawaan_senin_sampai_jumat_0730_sampai_1600_wib():
    assert JADWAL.hari_kerja == {1, 2, 3, 4, 5}
    assert (JADWAL.jam_mulai, JADWAL.jam_selesai) == (datetime.time(7, 30), datetime.time(16, 0))
    assert JADWAL.zona == WIB


def test_dalam_satu_hari():
    assert durasi_kerja(wib("2026-08-10", "08:00"), wib("2026-08-10", "11:15"), JADWAL) == jam(3.25)


def test_lintas_malam_hanya_jam_kerja():
    # Senin 15:00–16:00 (1 jam) + Selasa 07:30–09:00 (1,5 jam).
    assert durasi_kerja(wib("2026-08-10", "15:00"), wib("2026-08-11", "09:00"), JADWAL) == jam(2.5)


def test_akhir_pekan_tidak_dihitung():
    # Jumat 15:00–16:00 + Senin 07:30–08:30.
    assert durasi_kerja(wib("2026-08-07", "15:00"), wib("2026-08-10", "08:30"), JADWAL) == jam(2)


def test_beberapa_hari():
    # Senin 10:00–16:00 (6) + Selasa (8,5) + Rabu (8,5) + Kamis 07:30–11:00 (3,5).
    assert durasi_kerja(wib("2026-08-03", "10:00"), wib("2026-08-06", "11:00"), JADWAL) == jam(26.5)


def test_libur_nasional_dari_paket_holidays():
    nama = holidays.country_holidays("ID", years=2026, language="id")[HARI_KEMERDEKAAN_2026]
    assert "Kemerdekaan" in nama
    assert JADWAL.hari_libur(HARI_KEMERDEKAAN_2026) == nama
    assert not JADWAL.adalah_hari_kerja(HARI_KEMERDEKAAN_2026)
    # Jumat 15:00–16:00 + Selasa 07:30–08:00; Senin 17 Agustus libur.
    assert durasi_kerja(wib("2026-08-14", "15:00"), wib("2026-08-18", "08:00"), JADWAL) == jam(1.5)


def test_libur_nasional_lintas_tahun():
    # Kamis 31 Desember 15:00–16:00 + Senin 4 Januari 07:30–08:30; 1 Januari 2027 (Jumat) libur.
    assert JADWAL.hari_libur(datetime.date(2027, 1, 1)) == "Tahun Baru Masehi"
    assert durasi_kerja(wib("2026-12-31", "15:00"), wib("2027-01-04", "08:30"), JADWAL) == jam(2)


def test_hari_kerja_biasa_bukan_libur():
    assert JADWAL.hari_libur(datetime.date(2026, 8, 12)) is None
    assert JADWAL.adalah_hari_kerja(datetime.date(2026, 8, 12))
    assert not JADWAL.adalah_hari_kerja(datetime.date(2026, 8, 15))  # Sabtu


def test_libur_tambahan_dari_administrator():
    rabu = datetime.date(2026, 8, 12)
    jadwal = JadwalKerja(libur_tambahan={rabu: "Cuti bersama uji"})
    mulai, selesai = wib("2026-08-11", "15:00"), wib("2026-08-13", "08:30")
    assert durasi_kerja(mulai, selesai, JADWAL) == jam(1 + 8.5 + 1)
    assert durasi_kerja(mulai, selesai, jadwal) == jam(2)
    assert jadwal.hari_libur(rabu) == "Cuti bersama uji"
    assert not jadwal.adalah_hari_kerja(rabu)


def test_libur_tambahan_berupa_himpunan_tanggal_atau_tanpa_keterangan():
    rabu = datetime.date(2026, 8, 12)
    for libur in ({rabu}, {rabu: ""}):
        jadwal = JadwalKerja(libur_tambahan=libur)
        assert jadwal.hari_libur(rabu) == "Libur tambahan"
        assert not jadwal.adalah_hari_kerja(rabu)


def test_libur_tambahan_disalin_sehingga_jadwal_tidak_berubah_diam_diam():
    libur = {}
    jadwal = JadwalKerja(libur_tambahan=libur)
    libur[datetime.date(2026, 8, 12)] = "Ditambahkan kemudian"
    assert jadwal.adalah_hari_kerja(datetime.date(2026, 8, 12))


def test_di_luar_jam_kerja_nol():
    assert durasi_kerja(wib("2026-08-10", "18:00"), wib("2026-08-11", "06:00"), JADWAL) == timedelta(0)


@pytest.mark.parametrize(
    ("mulai", "selesai", "harapan"),
    [
        (("2026-08-10", "07:30"), ("2026-08-10", "16:00"), jam(8.5)),
        (("2026-08-10", "07:00"), ("2026-08-10", "07:30"), timedelta(0)),
        (("2026-08-10", "16:00"), ("2026-08-10", "17:00"), timedelta(0)),
        (("2026-08-10", "07:30"), ("2026-08-10", "07:31"), timedelta(minutes=1)),
        (("2026-08-10", "15:59"), ("2026-08-10", "16:00"), timedelta(minutes=1)),
        (("2026-08-10", "16:00"), ("2026-08-11", "07:30"), timedelta(0)),
        (("2026-08-10", "06:00"), ("2026-08-10", "20:00"), jam(8.5)),
    ],
)
def test_batas_jam_kerja(mulai, selesai, harapan):
    assert durasi_kerja(wib(*mulai), wib(*selesai), JADWAL) == harapan


def test_selesai_sebelum_atau_sama_dengan_mulai_nol():
    assert durasi_kerja(wib("2026-08-11", "10:00"), wib("2026-08-10", "09:00"), JADWAL) == timedelta(0)
    assert durasi_kerja(wib("2026-08-10", "10:00"), wib("2026-08-10", "09:00"), JADWAL) == timedelta(0)
    assert durasi_kerja(wib("2026-08-10", "10:00"), wib("2026-08-10", "10:00"), JADWAL) == timedelta(0)


def test_waktu_utc_diubah_ke_wib():
    # 08:00 UTC = 15:00 WIB; 02:00 UTC = 09:00 WIB.
    mulai = datetime.datetime(2026, 8, 10, 8, 0, tzinfo=UTC)
    selesai = datetime.datetime(2026, 8, 11, 2, 0, tzinfo=UTC)
    assert durasi_kerja(mulai, selesai, JADWAL) == jam(2.5)


def test_tanggal_dihitung_menurut_wib_bukan_utc():
    # Minggu 23:30 UTC sudah Senin 06:30 WIB; 01:30 UTC = Senin 08:30 WIB.
    mulai = datetime.datetime(2026, 8, 9, 23, 30, tzinfo=UTC)
    selesai = datetime.datetime(2026, 8, 10, 1, 30, tzinfo=UTC)
    assert durasi_kerja(mulai, selesai, JADWAL) == jam(1)


def test_waktu_tanpa_zona_ditolak():
    with pytest.raises(ValueError, match="zona waktu"):
        durasi_kerja(datetime.datetime(2026, 8, 10, 8), wib("2026-08-10", "09:00"), JADWAL)
    with pytest.raises(ValueError, match="zona waktu"):
        tambah_waktu_kerja(datetime.datetime(2026, 8, 10, 8), jam(1), JADWAL)


def test_rentang_berbulan_bulan():
    # Agustus 2026: 21 hari Senin–Jumat, dikurangi 17 Agustus dan Maulid Nabi (Selasa 25 Agustus).
    assert JADWAL.hari_libur(datetime.date(2026, 8, 25)) == "Maulid Nabi Muhammad"
    assert durasi_kerja(wib("2026-08-01", "00:00"), wib("2026-09-01", "00:00"), JADWAL) == jam(19 * 8.5)


def test_jadwal_dari_pengaturan_bawaan(settings):
    settings.HARI_KERJA = [1, 2, 3, 4, 5]
    settings.JAM_KERJA_MULAI = "07:30"
    settings.JAM_KERJA_SELESAI = "16:00"
    assert JadwalKerja.dari_pengaturan() == JADWAL
    rabu = datetime.date(2026, 8, 12)
    assert JadwalKerja.dari_pengaturan(libur_tambahan={rabu: "Cuti bersama"}).hari_libur(rabu) == "Cuti bersama"


def test_jadwal_dapat_diatur_sabtu_masuk_0800_sampai_1500(settings):
    settings.HARI_KERJA = [1, 2, 3, 4, 5, 6]
    settings.JAM_KERJA_MULAI = "08.00"
    settings.JAM_KERJA_SELESAI = "15:00"
    jadwal = JadwalKerja.dari_pengaturan()
    assert jadwal.adalah_hari_kerja(datetime.date(2026, 8, 15))
    # Jumat 14:00–15:00 + Sabtu 08:00–15:00 + Senin 08:00–09:00.
    assert durasi_kerja(wib("2026-08-07", "14:00"), wib("2026-08-10", "09:00"), jadwal) == jam(9)
    assert tambah_waktu_kerja(wib("2026-08-07", "14:00"), jam(2), jadwal) == wib("2026-08-08", "09:00")


@pytest.mark.parametrize(
    ("nama", "nilai", "pesan"),
    [
        ("JAM_KERJA_MULAI", "tujuh", "JAM_KERJA_MULAI harus berformat JJ:MM"),
        ("JAM_KERJA_MULAI", "25:00", "JAM_KERJA_MULAI harus berformat JJ:MM"),
        ("JAM_KERJA_SELESAI", "16:75", "JAM_KERJA_SELESAI harus berformat JJ:MM"),
        ("JAM_KERJA_SELESAI", "07:00", "jam selesai kerja \\(07:00\\) harus sesudah jam mulai \\(07:30\\)"),
        ("JAM_KERJA_SELESAI", "07:30", "harus sesudah jam mulai"),
        ("HARI_KERJA", [0, 1], "1 \\(Senin\\) sampai 7 \\(Minggu\\)"),
        ("HARI_KERJA", [1, 8], "1 \\(Senin\\) sampai 7 \\(Minggu\\)"),
        ("HARI_KERJA", [], "minimal satu hari kerja"),
        ("HARI_KERJA", ["senin"], "HARI_KERJA harus berupa nomor hari"),
    ],
)
def test_pengaturan_salah_ditolak(settings, nama, nilai, pesan):
    settings.HARI_KERJA = [1, 2, 3, 4, 5]
    settings.JAM_KERJA_MULAI = "07:30"
    settings.JAM_KERJA_SELESAI = "16:00"
    setattr(settings, nama, nilai)
    with pytest.raises(ImproperlyConfigured, match=pesan):
        JadwalKerja.dari_pengaturan()


def baca_pengaturan(**lingkungan: str) -> subprocess.CompletedProcess:
    """Baca pengaturan dalam proses baru, seperti server yang baru dipasang dengan variabel lingkungan."""
    env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", ""), "SECRET_KEY": "x" * 60, **lingkungan}
    perintah = "from django.conf import settings as s; print(s.JAM_KERJA_MULAI, s.JAM_KERJA_SELESAI, s.HARI_KERJA)"
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", perintah],
        cwd=AKAR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_pengaturan_jam_kerja_dari_lingkungan():
    hasil = baca_pengaturan(JAM_KERJA_MULAI="08:00", JAM_KERJA_SELESAI="15:30", HARI_KERJA="1, 2,3,4,5,6")
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.strip().endswith("08:00 15:30 [1, 2, 3, 4, 5, 6]")


def test_hari_kerja_bukan_angka_di_lingkungan_ditolak_saat_mulai():
    hasil = baca_pengaturan(HARI_KERJA="senin,selasa")
    assert hasil.returncode != 0
    assert "HARI_KERJA harus berupa nomor hari" in hasil.stderr


@pytest.mark.parametrize(
    ("mulai", "durasi", "harapan"),
    [
        (("2026-08-07", "15:00"), jam(2), ("2026-08-10", "08:30")),
        (("2026-08-10", "18:00"), jam(1), ("2026-08-11", "08:30")),
        (("2026-08-10", "06:00"), jam(1), ("2026-08-10", "08:30")),
        (("2026-08-14", "15:00"), jam(1.5), ("2026-08-18", "08:00")),
        # Habis tepat pukul 16:00: tenggatnya hari itu juga, bukan esok pagi.
        (("2026-08-10", "07:30"), jam(8.5), ("2026-08-10", "16:00")),
        (("2026-08-03", "10:00"), jam(26.5), ("2026-08-06", "11:00")),
    ],
)
def test_tambah_waktu_kerja(mulai, durasi, harapan):
    assert tambah_waktu_kerja(wib(*mulai), durasi, JADWAL) == wib(*harapan)


def test_tambah_waktu_kerja_nol_dan_negatif():
    sabtu = wib("2026-08-08", "10:00")
    assert tambah_waktu_kerja(sabtu, timedelta(0), JADWAL) == sabtu
    with pytest.raises(ValueError, match="negatif"):
        tambah_waktu_kerja(sabtu, -jam(1), JADWAL)


def test_tambah_waktu_kerja_dari_utc_menghasilkan_wib():
    hasil = tambah_waktu_kerja(datetime.datetime(2026, 8, 10, 8, 0, tzinfo=UTC), jam(2), JADWAL)
    assert hasil == wib("2026-08-11", "08:30")
    assert hasil.tzinfo == WIB


TITIK_MULAI = [
    wib("2026-08-10", "07:00"),
    wib("2026-08-10", "07:30"),
    wib("2026-08-10", "12:34:56.789"),
    wib("2026-08-07", "15:59"),
    wib("2026-08-08", "10:00"),  # Sabtu
    wib("2026-08-09", "23:59"),  # Minggu malam
    wib("2026-08-14", "16:00"),  # Jumat sebelum 17 Agustus
    wib("2026-12-31", "15:00"),  # lintas tahun
    datetime.datetime(2026, 8, 11, 0, 15, tzinfo=UTC),
]
DURASI = [
    timedelta(seconds=1),
    timedelta(minutes=1),
    timedelta(minutes=30),
    jam(8.5),
    jam(8.5) + timedelta(minutes=1),
    jam(40),
    jam(200),
]


@pytest.mark.parametrize("mulai", TITIK_MULAI)
def test_tambah_waktu_kerja_bolak_balik_dengan_durasi_kerja(mulai):
    libur = JadwalKerja(libur_tambahan={datetime.date(2026, 8, 12): "Cuti bersama uji"})
    for jadwal in (JADWAL, libur):
        for durasi in DURASI:
            tenggat = tambah_waktu_kerja(mulai, durasi, jadwal)
            assert durasi_kerja(mulai, tenggat, jadwal) == durasi, (mulai, durasi)
            # Saat paling awal: sedikit sebelumnya, durasinya belum tercapai.
            assert durasi_kerja(mulai, tenggat - timedelta(microseconds=1), jadwal) < durasi
            assert jadwal.adalah_hari_kerja(tenggat.date())
            assert jadwal.jam_mulai < tenggat.time() <= jadwal.jam_selesai


@pytest.mark.parametrize(
    ("durasi", "teks"),
    [
        (timedelta(0), "0 menit"),
        (timedelta(seconds=59), "0 menit"),
        (timedelta(minutes=10), "10 menit"),
        (timedelta(minutes=10, seconds=59), "10 menit"),
        (jam(2), "2 jam"),
        (jam(2) + timedelta(minutes=5), "2 jam 5 menit"),
        (jam(17.5), "17 jam 30 menit"),
        (timedelta(days=2, hours=3), "51 jam"),
        (jam(1234) + timedelta(minutes=1), "1.234 jam 1 menit"),
        (-timedelta(minutes=5), "0 menit"),
        (-timedelta(seconds=1), "0 menit"),
    ],
)
def test_format_durasi(durasi, teks):
    assert format_durasi(durasi) == teks
