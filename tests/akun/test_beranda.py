"""Beranda dan navigasi per peran: tiap pengguna hanya melihat yang boleh ia kerjakan."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL_IMPOR = reverse("pemanfaatan:impor")
URL_TAMBAH_PKS = reverse("pemanfaatan:pks_tambah")
URL_TAMBAH_BARIS = reverse("pemanfaatan:pemanfaatan_tambah")
URL_DAFTAR = reverse("pemanfaatan:daftar")

# peran → (judul bagian beranda yang tampil, tautan yang harus ada, tautan yang tidak boleh ada)
HARAPAN = {
    "staf": ("Staf — mengisi Daftar", [URL_IMPOR, URL_TAMBAH_BARIS, URL_DAFTAR], [URL_TAMBAH_PKS]),
    "kasi": ("Kasi KIP — memeriksa", [URL_IMPOR, URL_TAMBAH_PKS, URL_DAFTAR], []),
    "kabid": ("Kabid — arahan", [URL_DAFTAR], [URL_IMPOR, URL_TAMBAH_PKS, URL_TAMBAH_BARIS]),
    "sekretariat": ("Sekretariat — bahan LAKIP", [URL_DAFTAR], [URL_IMPOR, URL_TAMBAH_PKS, URL_TAMBAH_BARIS]),
}


@pytest.mark.parametrize("peran", list(HARAPAN))
def test_beranda_dan_navigasi_menurut_peran(client, request, peran):
    judul, ada, tidak_ada = HARAPAN[peran]
    client.force_login(request.getfixturevalue(peran))
    isi = client.get(reverse("beranda")).content.decode()
    assert judul in isi
    for lain, (judul_lain, _, _) in HARAPAN.items():
        if lain != peran:
            assert judul_lain not in isi
    for url in ada:
        assert f'href="{url}' in isi, url
    for url in tidak_ada:
        assert f'href="{url}' not in isi, url


def test_pengguna_tanpa_peran_diberi_petunjuk(client, tanpa_peran):
    client.force_login(tanpa_peran)
    isi = client.get(reverse("beranda")).content.decode()
    assert "belum memiliki peran" in isi
    assert f'href="{URL_DAFTAR}' not in isi


def test_pengguna_dengan_dua_peran_melihat_keduanya(client, kasi):
    kasi.groups.add(Group.objects.get(name="Kabid"))  # Plt. Kabid
    client.force_login(kasi)
    isi = client.get(reverse("beranda")).content.decode()
    assert "Kasi KIP — memeriksa" in isi and "Kabid — arahan" in isi
