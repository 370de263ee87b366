"""Langkah 7: bahan LAKIP Dinas dibuat sekali, diarsipkan dengan SHA-256, dan diunduh dengan byte yang sama."""

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from django.db import OperationalError, connections, transaction
from django.urls import reverse

from akun.berkas import transaksi_berkas
from laporan import services
from laporan.exports import pdf
from laporan.exports.arsip import arsip_buat
from laporan.models import ArsipDokumen, Instansi, JenisDokumen, Laporan, RiwayatLaporan
from laporan.services import laporan_transisi
from tests.laporan.conftest import data_sah

pytestmark = pytest.mark.django_db


@pytest.fixture
def diterima(buat_laporan, daftar_triwulan, sekretariat):
    laporan = buat_laporan("lakip_dinas")
    return laporan_transisi(laporan=laporan, aksi="terima", user=sekretariat, data=data_sah("terima", laporan))


def unduh(client, url) -> bytes:
    respons = client.get(url)
    assert respons.status_code == 200
    return b"".join(respons.streaming_content) if respons.streaming else respons.content


def test_setiap_dokumen_diarsipkan_dengan_sha256(diterima):
    arsip = {a.jenis_dokumen: a for a in ArsipDokumen.objects.filter(laporan=diterima)}
    assert set(arsip) == set(JenisDokumen.values)
    for dokumen in arsip.values():
        isi = dokumen.berkas.read()
        assert len(isi) == dokumen.ukuran > 0
        assert hashlib.sha256(isi).hexdigest() == dokumen.sha256
    assert arsip[JenisDokumen.LAPORAN_PEMANFAATAN].nama_berkas.startswith("Laporan Pemanfaatan Data Kependudukan")
    with arsip[JenisDokumen.LEMBAR_KENDALI].berkas.open("rb") as berkas:
        assert berkas.read(5) == b"%PDF-"


def test_unduhan_kemudian_mengembalikan_byte_yang_sama(client, sekretariat, diterima):
    client.force_login(sekretariat)
    dokumen = ArsipDokumen.objects.get(laporan=diterima, jenis_dokumen=JenisDokumen.LAPORAN_PEMANFAATAN)
    url = reverse("laporan:arsip_unduh", args=[dokumen.pk])
    pertama = unduh(client, url)
    # Sesudah diterima, kop surat dan teks Laporan berubah: arsip tidak ikut berubah.
    Instansi.objects.update(nama_dinas="NAMA DINAS BARU SETELAH REORGANISASI")
    Laporan.objects.filter(pk=diterima.pk).update(analisa="Analisa yang diubah langsung di basis data")
    assert unduh(client, url) == pertama
    assert hashlib.sha256(pertama).hexdigest() == dokumen.sha256
    zip_pertama = unduh(client, reverse("laporan:arsip_zip", args=[diterima.pk]))
    assert unduh(client, reverse("laporan:arsip_zip", args=[diterima.pk])) == zip_pertama


def test_zip_berisi_semua_dokumen_dan_manifes(client, kabid, diterima):
    client.force_login(kabid)
    with zipfile.ZipFile(io.BytesIO(unduh(client, reverse("laporan:arsip_zip", args=[diterima.pk])))) as berkas:
        manifes = json.loads(berkas.read("manifes.json"))
        for item in manifes["berkas"]:
            isi = berkas.read(item["nama"])
            assert len(isi) == item["ukuran"]
            assert hashlib.sha256(isi).hexdigest() == item["sha256"]
    assert len(manifes["berkas"]) == len(JenisDokumen.values)


def test_halaman_bahan_lakip_dinas(client, sekretariat, diterima, tanpa_peran):
    client.force_login(sekretariat)
    isi = client.get(reverse("laporan:arsip_list"), {"tahun": diterima.tahun}).content.decode()
    assert str(diterima) in isi
    for dokumen in diterima.arsip.all():
        assert dokumen.sha256 in isi
    assert (
        str(diterima) not in client.get(reverse("laporan:arsip_list"), {"tahun": diterima.tahun - 1}).content.decode()
    )
    client.force_login(tanpa_peran)
    assert client.get(reverse("laporan:arsip_list")).status_code == 403
    assert client.get(reverse("laporan:arsip_unduh", args=[diterima.arsip.first().pk])).status_code == 403


def berkas_media(settings) -> list[Path]:
    return sorted(p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file())


def pastikan_langkah_7_batal_tanpa_sisa(laporan: Laporan, settings) -> None:
    laporan.refresh_from_db()
    assert laporan.status == "lakip_dinas"
    assert not RiwayatLaporan.objects.filter(laporan=laporan, aksi="terima").exists()
    assert not ArsipDokumen.objects.exists()
    assert berkas_media(settings) == []


def test_gagal_membuat_dokumen_membatalkan_langkah_7_tanpa_sisa_berkas(
    buat_laporan, sekretariat, monkeypatch, settings
):
    laporan = buat_laporan("lakip_dinas")

    def gagal(_laporan):
        raise RuntimeError("PDF gagal dibuat")

    monkeypatch.setattr(pdf, "lakip_bidang_pdf", gagal)
    with pytest.raises(RuntimeError):
        laporan_transisi(laporan=laporan, aksi="terima", user=sekretariat, data=data_sah("terima", laporan))
    pastikan_langkah_7_batal_tanpa_sisa(laporan, settings)


def test_galat_sesudah_berkas_ditulis_membatalkan_langkah_7_tanpa_sisa_berkas(
    buat_laporan, sekretariat, monkeypatch, settings
):
    laporan = buat_laporan("lakip_dinas")
    arsip_buat_asli = services.arsip_buat

    def arsip_lalu_gagal(**kwargs):
        arsip = arsip_buat_asli(**kwargs)
        assert len(berkas_media(settings)) == len(arsip) == len(JenisDokumen.values)  # berkasnya sudah tertulis
        raise RuntimeError("Langkah sesudah pengarsipan gagal")

    monkeypatch.setattr(services, "arsip_buat", arsip_lalu_gagal)
    with pytest.raises(RuntimeError, match="sesudah pengarsipan"):
        laporan_transisi(laporan=laporan, aksi="terima", user=sekretariat, data=data_sah("terima", laporan))
    pastikan_langkah_7_batal_tanpa_sisa(laporan, settings)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_commit_yang_ditolak_basis_data_tidak_meninggalkan_berkas(buat_laporan, sekretariat, monkeypatch, settings):
    """Transaksi sungguhan: semua berkas sudah tertulis, lalu basis data menolak commit Langkah 7."""
    laporan = buat_laporan("lakip_dinas")
    data = data_sah("terima", laporan)

    def commit_ditolak(_koneksi):
        raise OperationalError("could not serialize access due to concurrent update")

    with monkeypatch.context() as tambalan:
        tambalan.setattr(type(connections["default"]), "_commit", commit_ditolak)
        with pytest.raises(OperationalError):
            laporan_transisi(laporan=laporan, aksi="terima", user=sekretariat, data=data)
    pastikan_langkah_7_batal_tanpa_sisa(laporan, settings)

    # Diulang tanpa gangguan: tepat satu berkas per baris, isinya cocok dengan SHA-256 baris itu.
    laporan = laporan_transisi(laporan=laporan, aksi="terima", user=sekretariat, data=data)
    assert laporan.status == "selesai"
    arsip = list(ArsipDokumen.objects.filter(laporan=laporan))
    assert len(arsip) == len(JenisDokumen.values)
    assert berkas_media(settings) == sorted(Path(settings.MEDIA_ROOT) / a.berkas.name for a in arsip)
    for dokumen in arsip:
        isi = (Path(settings.MEDIA_ROOT) / dokumen.berkas.name).read_bytes()
        assert len(isi) == dokumen.ukuran and hashlib.sha256(isi).hexdigest() == dokumen.sha256


def test_transaksi_yang_ditandai_rollback_tanpa_galat_juga_menghapus_berkasnya(buat_laporan, sekretariat, settings):
    laporan = buat_laporan("lakip_dinas")
    with transaksi_berkas() as berkas:
        arsip_buat(laporan=laporan, user=sekretariat, berkas=berkas)
        assert len(berkas_media(settings)) == len(JenisDokumen.values)
        transaction.set_rollback(True)
    assert not ArsipDokumen.objects.exists()
    assert berkas_media(settings) == []


def test_filter_tahun_yang_bukan_angka_biasa_tidak_galat(client, sekretariat):
    client.force_login(sekretariat)
    for tahun in ["²", "abc", "-1", "99999999999999999999"]:
        assert client.get(reverse("laporan:arsip_list"), {"tahun": tahun}).status_code == 200
