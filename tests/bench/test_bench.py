"""Uji asap tolok ukur: setiap pengukuran `make bench` berjalan pada data kecil, agar tidak lapuk diam-diam.

Angka waktunya tidak dinilai di sini (mesin uji berisik); yang diuji: data terbangkitkan, setiap jalur
berhasil (halaman 200, hitungan sama dengan SQL mentah, ekspor/impor/PDF sesuai ukuran), rasio dan
jumlah kueri tercatat, dan laporan Markdown memuat setiap target.
"""

import ast
import json
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.utils import timezone

from akun.models import Pengguna
from bench import cases, report, run
from laporan.models import Laporan, RekapPemanfaatan
from pemanfaatan.models import DataDukung, Opd, Pemanfaatan

FOLDER_BENCH = Path(django_settings.BASE_DIR) / "bench"


@pytest.fixture
def pengaturan_bench(settings):
    """Yang dibutuhkan tolok ukur dari bench/settings.py: tampilan dasar dan templatnya."""
    settings.ROOT_URLCONF = "bench.urls"
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], FOLDER_BENCH / "templates"]}
    ]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return settings


@pytest.fixture
def data_kecil(db, pengaturan_bench):
    keluaran = StringIO()
    call_command("bench_data", preset="sumbar", baris=240, opd=8, stdout=keluaran)
    return keluaran.getvalue()


def test_bench_data_membangkitkan_daftar_dan_satu_siklus(data_kecil):
    assert "240 baris Daftar" in data_kecil
    assert Pemanfaatan.objects.count() == 240
    assert Pemanfaatan.objects.values("opd").distinct().count() <= 8
    assert DataDukung.objects.exists()
    laporan = Laporan.objects.get()
    assert laporan.status == "lakip_bidang"
    # Hitungan beku Langkah 4 sama dengan Daftar tahun itu.
    total = sum(RekapPemanfaatan.objects.filter(laporan=laporan).values_list("total_jumlah", flat=True))
    assert total == sum(Pemanfaatan.objects.filter(tahun=laporan.tahun).values_list("jumlah", flat=True))


def test_bench_data_menolak_basis_data_berisi(data_kecil):
    with pytest.raises(CommandError, match="sudah berisi"):
        call_command("bench_data", preset="sumbar", baris=10, stdout=StringIO())
    assert Pemanfaatan.objects.count() == 240


def test_setiap_pengukuran_berjalan_pada_data_kecil(data_kecil):
    ukuran = cases.Ukuran(ekspor=300, impor=25, opd_pdf=12)
    # Basis data uji tidak terlihat dari proses lain: memori ekspor diukur di dalam proses.
    hasil = run.jalankan(
        preset="sumbar", ulang=1, pemanasan=0, ukuran=ukuran, memori_subproses=False, stdout=StringIO()
    )

    per_kunci = {h["kunci"]: h for h in hasil["hasil"]}
    assert set(per_kunci) == set(cases.TARGET)
    for kunci, h in per_kunci.items():
        assert h["rasio"] > 0 and h["median_detik"] > 0 and h["dasar_median_detik"] > 0, kunci
        assert h["target"] == cases.TARGET[kunci]["sumbar"]
    assert per_kunci["ekspor_excel"]["memori"]["rss_puncak_mb"] > 0
    assert set(per_kunci["impor_excel"]["rincian_median_detik"]) == {"unggah_periksa", "simpan_periksa_ulang"}
    # Jumlah kueri tiap halaman tidak bergantung pada banyak baris Daftar.
    for halaman, kueri in hasil["kueri"].items():
        assert kueri["penuh"] == kueri["sepuluh_baris"], halaman
    # Semua yang ditambahkan pengukuran dibatalkan.
    assert Pemanfaatan.objects.count() == 240
    assert Opd.objects.filter(nama__startswith="OPD Tambahan PDF").count() == 0

    teks = report.tabel_markdown({**hasil, "data": {"baris_daftar": 240}, "mesin": {}})
    for h in per_kunci.values():
        assert h["judul"] in teks
    assert "≤ 1.3×" in teks and "≤ 150 MB" in teks
    json.dumps(hasil, default=str)


def test_hitungan_kueri_saja_tidak_menghitung_login(data_kecil):
    """`--hanya kueri` membuat klien sendiri: login-nya tidak boleh ikut terhitung sebagai kueri halaman."""
    hasil = run.jalankan(preset="sumbar", ulang=1, pemanasan=0, hanya=["kueri"], stdout=StringIO())
    for halaman, kueri in hasil["kueri"].items():
        assert kueri["penuh"] == kueri["sepuluh_baris"], halaman
    assert hasil["kueri"]["dasar"]["penuh"] == 2  # sesi dan pengguna


def test_rekap_sql_mentah_sama_dengan_hitungan_langkah_4(data_kecil):
    laporan = Laporan.objects.get()
    baris, aktif, _ = cases.rekap_sql_mentah(laporan.tahun, 1, 12)
    assert sum(b[5] for b in baris) == sum(RekapPemanfaatan.objects.values_list("total_jumlah", flat=True))
    assert aktif == Opd.objects.filter(aktif=True).count()


def test_locustfile_dan_runner_beban_sah_sebagai_python():
    # locust menambal gevent saat diimpor; di dalam pytest cukup dipastikan berkasnya sah dan berisi keempat peran.
    sumber = (FOLDER_BENCH / "locustfile.py").read_text()
    pohon = ast.parse(sumber)
    kelas = {node.name for node in pohon.body if isinstance(node, ast.ClassDef)}
    assert {"Staf", "KasiKip", "Kabid", "Sekretariat", "Dasar"} <= kelas
    ast.parse((FOLDER_BENCH / "load.py").read_text())


def test_baris_uji_beban_dihapus_setelah_uji_beban(data_kecil):
    """Baris yang ditambah Staf selama uji beban (dan riwayatnya) tidak tertinggal di basis data tolok ukur."""
    from bench.load import AWALAN_KEPERLUAN, _hapus_baris_uji_beban
    from pemanfaatan.services import pemanfaatan_create

    contoh = Pemanfaatan.objects.select_related("opd").first()
    staf = Pengguna.objects.get(username="staf")
    # Seperti locust: tahun berjalan, yang bulannya belum dikunci Laporan mana pun.
    data = {
        "opd": contoh.opd, "jenis": contoh.jenis, "tahun": timezone.localdate().year, "bulan": 1,
        "metode_akses": contoh.metode_akses, "jumlah": 5, "keperluan": f"{AWALAN_KEPERLUAN}abc", "keterangan": "",
    }  # fmt: skip
    pemanfaatan_create(user=staf, data=data)
    assert Pemanfaatan.objects.count() == 241
    _hapus_baris_uji_beban()
    assert Pemanfaatan.objects.count() == 240
    assert not Pemanfaatan.history.filter(keperluan__startswith=AWALAN_KEPERLUAN).exists()
