"""Masuk, keluar, ganti kata sandi, dan penguncian login per (nama pengguna, IP)."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from tests.conftest import KATA_SANDI

pytestmark = pytest.mark.django_db


def masuk(client, username, password, ip="10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_halaman_masuk_berbahasa_indonesia(client):
    respons = client.get(reverse("login"))
    assert respons.status_code == 200
    isi = respons.content.decode()
    assert 'lang="id"' in isi
    assert "Masuk" in isi
    assert "Nama pengguna" in isi


def test_masuk_berhasil_ke_beranda(client, staf):
    respons = masuk(client, "staf", KATA_SANDI)
    assert respons.status_code == 302
    assert respons.url == reverse("beranda")
    assert client.get(reverse("beranda")).context["user"] == staf


def test_masuk_gagal_memberi_pesan_indonesia(client, staf):
    respons = masuk(client, "staf", "salah")
    assert respons.status_code == 200
    assert "dan sandi yang benar" in respons.content.decode()


def test_tamu_dialihkan_ke_halaman_masuk(client):
    respons = client.get(reverse("pemanfaatan:daftar"))
    assert respons.status_code == 302
    assert respons.url.startswith(reverse("login"))


def test_keluar_hanya_lewat_post(client, staf):
    client.force_login(staf)
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("beranda")).status_code == 302


def test_ganti_kata_sandi(client, staf):
    client.force_login(staf)
    respons = client.post(
        reverse("password_change"),
        {
            "old_password": KATA_SANDI,
            "new_password1": "sandi-baru-yang-panjang-1",
            "new_password2": "sandi-baru-yang-panjang-1",
        },
    )
    assert respons.status_code == 302
    staf.refresh_from_db()
    assert staf.check_password("sandi-baru-yang-panjang-1")


def test_penguncian_per_nama_pengguna_dan_ip(client, staf, kasi, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        masuk(client, "staf", "salah", ip="10.0.0.1")
    # Pasangan (staf, 10.0.0.1) terkunci, walau kata sandinya kini benar.
    terkunci = masuk(client, "staf", KATA_SANDI, ip="10.0.0.1")
    assert terkunci.status_code == 429
    assert "Terlalu banyak percobaan" in terkunci.content.decode()
    # Rekan sekantor di balik NAT yang sama tetap bisa masuk.
    assert masuk(client, "kasi", KATA_SANDI, ip="10.0.0.1").status_code == 302
    client.post(reverse("logout"))
    # Pemilik akun dari alamat lain tetap bisa masuk.
    assert masuk(client, "staf", KATA_SANDI, ip="10.0.0.2").status_code == 302
    assert AccessAttempt.objects.filter(username="staf", ip_address="10.0.0.1").exists()


def test_penguncian_berakhir_setelah_masa_tunggu(settings):
    assert settings.AXES_COOLOFF_TIME is not None
    assert settings.AXES_COOLOFF_TIME.total_seconds() > 0
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_ip_di_balik_proxy_diambil_dari_kanan(client, staf, settings):
    """X-Forwarded-For yang dipalsukan klien tidak membuka kunci."""
    settings.JUMLAH_PROXY = 1
    for i in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("login"),
            {"username": "staf", "password": "salah"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"1.1.1.{i}, 203.0.113.9",
        )
    respons = client.post(
        reverse("login"),
        {"username": "staf", "password": KATA_SANDI},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="8.8.8.8, 203.0.113.9",
    )
    assert respons.status_code == 429
