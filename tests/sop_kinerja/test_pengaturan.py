"""Pengaturan dari lingkungan dan tajuk keamanan."""

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.template import Context, Template
from django.urls import reverse

AKAR = Path(__file__).resolve().parents[2]


def jalankan_manage(*argumen: str, **lingkungan: str) -> subprocess.CompletedProcess:
    """Jalankan manage.py dalam lingkungan bersih, seperti server produksi yang baru dipasang."""
    env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", ""), **lingkungan}
    return subprocess.run(
        [sys.executable, "manage.py", *argumen], cwd=AKAR, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_bersih_dengan_pengaturan_produksi():
    hasil = jalankan_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k" * 20 + "-sangat-acak-dan-panjang-" + "9f8e7d6c5b4a" * 4,
        ALLOWED_HOSTS="sop-kinerja.sumbarprov.go.id",
        CSRF_TRUSTED_ORIGINS="https://sop-kinerja.sumbarprov.go.id",
        HTTPS="1",
        BEHIND_PROXY="1",
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "System check identified no issues" in hasil.stdout


def test_produksi_tanpa_secret_key_menolak_berjalan():
    hasil = jalankan_manage("check", "--deploy")
    assert hasil.returncode != 0
    assert "SECRET_KEY belum diisi" in hasil.stderr


def test_server_web_tanpa_secret_key_gagal_saat_dimuat():
    """gunicorn memuat sop_kinerja.wsgi: tanpa kunci, server tidak pernah menerima permintaan."""
    env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "")}
    hasil = subprocess.run(
        [sys.executable, "-c", "import sop_kinerja.wsgi"],
        cwd=AKAR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert hasil.returncode != 0
    assert "SECRET_KEY belum diisi" in hasil.stderr


def test_perintah_tanpa_kunci_tetap_jalan_tanpa_secret_key():
    """Memeriksa migrasi tidak memakai kunci rahasia, jadi boleh dijalankan tanpa SECRET_KEY."""
    hasil = jalankan_manage("makemigrations", "--check", "--dry-run")
    assert hasil.returncode == 0, hasil.stderr
    assert "No changes detected" in hasil.stdout


def test_debug_mati_secara_bawaan():
    hasil = jalankan_manage(
        "shell", "-c", "from django.conf import settings; print(settings.DEBUG)", SECRET_KEY="x" * 60
    )
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.strip().endswith("False")


def test_bahasa_dan_zona_waktu(settings):
    assert settings.LANGUAGE_CODE == "id"
    assert settings.TIME_ZONE == "Asia/Jakarta"


@pytest.mark.django_db
def test_tajuk_keamanan(client, staf):
    client.force_login(staf)
    respons = client.get(reverse("beranda"))
    csp = respons.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "object-src 'none'" in csp
    assert respons.headers["X-Content-Type-Options"] == "nosniff"
    assert respons.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert respons.headers["X-Frame-Options"] == "DENY"


def test_templat_tanpa_skrip_atau_gaya_sebaris():
    """CSP tanpa 'unsafe-inline': setiap <script> harus ber-src dan tidak ada atribut style/on*."""
    pelanggaran = []
    for berkas in (AKAR / "templates").rglob("*.html"):
        isi = berkas.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", isi):
            pelanggaran.append(f"{berkas}: <script> sebaris")
        if re.search(r"\sstyle=\"", isi) or re.search(r"\son[a-z]+=\"", isi):
            pelanggaran.append(f"{berkas}: atribut style/on* sebaris")
    assert not pelanggaran, pelanggaran


@pytest.mark.django_db
def test_format_angka_dan_tanggal_indonesia():
    html = Template('{% load tampilan %}{{ n|angka }} {{ p|persen }} {{ t|date:"j F Y" }}').render(
        Context({"n": 1234567, "p": 87.5, "t": datetime.date(2019, 12, 2)})
    )
    assert html == "1.234.567 87,50% 2 Desember 2019"


def test_basis_data_uji_postgresql_bernama_per_salinan_kerja():
    """Dua CI di satu mesin tidak memakai (dan saling menghapus) basis data uji PostgreSQL yang sama."""
    kode = "import tests.settings as s; print(s.DATABASES['default']['TEST']['NAME'])"
    env = {"PATH": os.environ["PATH"], "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/contoh"}
    hasil = subprocess.run(
        [sys.executable, "-c", kode], cwd=AKAR, env=env, capture_output=True, text=True, timeout=60, check=True
    )
    assert re.fullmatch(r"test_contoh_[0-9a-f]{8}\n", hasil.stdout)
