"""Beranda dan navigasi per peran: tiap pengguna hanya melihat yang boleh ia kerjakan."""

import lxml.html
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from laporan.sop import Periode
from pemanfaatan.models import JenisPemanfaatan
from tests.laporan.conftest import baris_daftar

pytestmark = pytest.mark.django_db

URL_IMPOR = reverse("pemanfaatan:impor")
URL_TAMBAH_PKS = reverse("pemanfaatan:pks_tambah")
URL_TAMBAH_BARIS = reverse("pemanfaatan:pemanfaatan_tambah")
URL_DAFTAR = reverse("pemanfaatan:daftar")
URL_DASBOR = reverse("laporan:dasbor")  # setiap peran dapat membuka dasbor lengkap

# peran → (judul bagian beranda yang tampil, tautan yang harus ada, tautan yang tidak boleh ada)
HARAPAN = {
    "staf": ("Staf — mengisi Daftar", [URL_IMPOR, URL_TAMBAH_BARIS, URL_DAFTAR, URL_DASBOR], [URL_TAMBAH_PKS]),
    "kasi": ("Kasi KIP — memeriksa", [URL_IMPOR, URL_TAMBAH_PKS, URL_DAFTAR, URL_DASBOR], []),
    "kabid": ("Kabid — arahan", [URL_DAFTAR, URL_DASBOR], [URL_IMPOR, URL_TAMBAH_PKS, URL_TAMBAH_BARIS]),
    "sekretariat": (
        "Sekretariat — bahan LAKIP",
        [URL_DAFTAR, URL_DASBOR],
        [URL_IMPOR, URL_TAMBAH_PKS, URL_TAMBAH_BARIS],
    ),
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


# --- Angka per peran (jam dibekukan: Senin 4 Mei 2026) ------------------------------------------


def dom_beranda(client, user):
    client.force_login(user)
    respons = client.get(reverse("beranda"))
    assert respons.status_code == 200
    return lxml.html.fromstring(respons.content.decode())


def tautan_angka(dom, kunci: str):
    a = dom.xpath(f'//*[@data-angka="{kunci}"]')[0]
    return int(a.text_content().replace(".", "")), a.get("href")


def test_staf_melihat_baris_tanpa_bukti_dan_opd_tanpa_baris_bulan_ini(client, jam, staf, opd, daftar_triwulan):
    baris_daftar(opd, JenisPemanfaatan.NIK, 5, 11, oleh=staf)  # Mei 2026: Dinas Kesehatan sudah mengisi
    dom = dom_beranda(client, staf)

    # 2026: tujuh baris Triwulan I + April, empat berbukti, ditambah baris Mei tanpa bukti.
    jumlah, href = tautan_angka(dom, "tanpa-data-dukung")
    assert jumlah == 4
    assert client.get(href).context["page_obj"].paginator.count == 4
    # OPD aktif: Dinas Kesehatan, Dinas Sosial, RSUD; hanya Dinas Kesehatan punya baris Mei 2026.
    jumlah, href = tautan_angka(dom, "opd-tanpa-baris-bulan-ini")
    assert jumlah == 2
    assert {o.nama for o in client.get(href).context["page_obj"]} == {"Dinas Sosial", "RSUD M. Natsir"}
    assert "OPD aktif tanpa baris Mei 2026" in lxml.html.tostring(dom, encoding="unicode")


def test_kasi_melihat_hitungan_yang_menunggu_pemeriksaannya(client, jam, kasi, buat_laporan, daftar_triwulan):
    laporan = buat_laporan("laporan")
    dom = dom_beranda(client, kasi)

    jumlah, href = tautan_angka(dom, "menunggu-pemeriksaan-kasi")
    assert jumlah == 1
    assert [item.pk for item in client.get(href).context["page_obj"]] == [laporan.pk]
    baris = dom.xpath(f'//a[@href="{laporan.get_absolute_url()}"]/ancestor::tr')[0]
    sel = [td.text_content().strip() for td in baris.xpath("td")]
    assert sel[:2] == ["6", "420"]  # enam baris Triwulan I 2026, 100+250+40+3+7+20
    assert dom.xpath('//section[@id="pantauan-pks"]')


def test_sekretariat_melihat_yang_menunggu_dan_yang_sudah_diterima(
    client, jam, sekretariat, buat_laporan, daftar_triwulan
):
    diterima = buat_laporan("selesai")
    menunggu = buat_laporan("lakip_dinas", tahun=2025, periode=Periode.TAHUNAN)
    dom = dom_beranda(client, sekretariat)

    for kunci, laporan in (("menunggu-sekretariat", menunggu), ("diterima-sekretariat", diterima)):
        jumlah, href = tautan_angka(dom, kunci)
        assert jumlah == 1
        assert [item.pk for item in client.get(href).context["page_obj"]] == [laporan.pk], kunci
    teks = lxml.html.tostring(dom, encoding="unicode")
    assert str(menunggu) in teks and str(diterima) in teks
    assert "4 dokumen arsip" in teks


def test_kabid_melihat_indikator_dan_kepatuhan(client, jam, kabid, buat_laporan, daftar_triwulan):
    buat_laporan("laporan")
    dom = dom_beranda(client, kabid)

    # 2026: total 100+250+40+3+7+20+999 = 1.419; ketiga OPD aktif berbaris.
    assert tautan_angka(dom, "total-jumlah")[0] == 1419
    assert dom.xpath('//*[@data-angka="persen-cakupan"]')[0].text_content().strip() == "100,00%"
    berjalan = dom.xpath('//table[@id="tabel-berjalan"]//tbody/tr')
    assert len(berjalan) == 1 and "Langkah 5" in berjalan[0].text_content()
    assert len(dom.xpath('//table[@id="tabel-kepatuhan"]//tbody/tr')) == 7
