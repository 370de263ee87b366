"""Data dukung: jenis diperiksa dari isi, batas 10 MB, nama acak, unduhan hanya lewat view berizin."""

import io
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pemanfaatan.models import DataDukung, JenisBerkas

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 32
JPG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32


def xlsx() -> bytes:
    keluaran = io.BytesIO()
    buku = openpyxl.Workbook()
    buku.active["A1"] = "Rekap akses web service"
    buku.save(keluaran)
    return keluaran.getvalue()


def docx() -> bytes:
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w") as arsip:
        arsip.writestr("[Content_Types].xml", "<Types/>")
        arsip.writestr("word/document.xml", "<w:document/>")
    return keluaran.getvalue()


def zip_biasa() -> bytes:
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w") as arsip:
        arsip.writestr("isi.txt", "bukan dokumen Office")
    return keluaran.getvalue()


def unggah(client, pemanfaatan, nama, isi):
    return client.post(
        reverse("pemanfaatan:data_dukung_tambah", args=[pemanfaatan.pk]),
        {"berkas": SimpleUploadedFile(nama, isi, content_type="application/octet-stream"), "keterangan": "Surat OPD"},
        follow=True,
    )


@pytest.mark.parametrize(
    ("nama", "isi", "jenis"),
    [
        ("surat.pdf", PDF, JenisBerkas.PDF),
        ("foto.png", PNG, JenisBerkas.PNG),
        ("foto.jpeg", JPG, JenisBerkas.JPG),
        ("rekap.xlsx", xlsx(), JenisBerkas.XLSX),
        ("nota.docx", docx(), JenisBerkas.DOCX),
        ("tanpa-akhiran", PDF, JenisBerkas.PDF),  # jenis dari isi, bukan nama
    ],
)
def test_jenis_yang_diterima(client, staf, pemanfaatan, nama, isi, jenis):
    client.force_login(staf)
    respons = unggah(client, pemanfaatan, nama, isi)
    data_dukung = DataDukung.objects.get()
    assert f"Data dukung {nama} dilampirkan." in respons.content.decode()
    assert data_dukung.jenis_berkas == jenis
    assert data_dukung.nama_asli == nama
    assert data_dukung.ukuran == len(isi)
    assert data_dukung.diunggah_oleh == staf
    # Disimpan dengan nama acak dan akhiran dari jenis yang terdeteksi, tidak dengan nama kiriman.
    nama_simpanan = os.path.basename(data_dukung.berkas.name)
    assert nama not in nama_simpanan
    assert nama_simpanan.endswith(f".{jenis}") and len(nama_simpanan) >= 32
    assert data_dukung.berkas.read() == isi


@pytest.mark.parametrize(
    ("nama", "isi"),
    [
        ("virus.pdf", b"MZ\x90\x00\x03" + b"\x00" * 64),  # program Windows berganti nama
        ("halaman.png", b"<html><script>alert(1)</script></html>"),
        ("arsip.xlsx", zip_biasa()),  # ZIP tanpa isi Office
        ("rusak.docx", b"PK\x03\x04" + b"\x00" * 40),  # ZIP rusak
        ("kosong.pdf", b""),
        ("catatan.txt", b"teks biasa"),
    ],
)
def test_jenis_lain_ditolak_dari_isinya(client, staf, pemanfaatan, nama, isi, settings):
    client.force_login(staf)
    respons = unggah(client, pemanfaatan, nama, isi)
    isi_halaman = respons.content.decode()
    assert "Jenis berkas tidak diterima" in isi_halaman or "kosong" in isi_halaman
    assert not DataDukung.objects.exists()
    assert not [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]


def test_berkas_lebih_dari_10_mb_ditolak(client, staf, pemanfaatan, settings):
    assert settings.DATA_DUKUNG_MAKS_BYTE == 10 * 1024 * 1024
    client.force_login(staf)
    besar = PDF + b"0" * (settings.DATA_DUKUNG_MAKS_BYTE - len(PDF) + 1)
    respons = unggah(client, pemanfaatan, "besar.pdf", besar)
    assert "Berkas terlalu besar" in respons.content.decode()
    assert not DataDukung.objects.exists()


def test_berkas_tepat_10_mb_diterima(client, staf, pemanfaatan, settings):
    client.force_login(staf)
    pas = PDF + b"0" * (settings.DATA_DUKUNG_MAKS_BYTE - len(PDF))
    unggah(client, pemanfaatan, "pas.pdf", pas)
    assert DataDukung.objects.get().ukuran == settings.DATA_DUKUNG_MAKS_BYTE


def test_unduh_lewat_view_dengan_nama_asli(client, staf, kabid, pemanfaatan):
    client.force_login(staf)
    unggah(client, pemanfaatan, "Surat Dinkes.pdf", PDF)
    data_dukung = DataDukung.objects.get()
    client.force_login(kabid)
    respons = client.get(reverse("pemanfaatan:data_dukung_unduh", args=[data_dukung.pk]))
    assert respons.status_code == 200
    assert respons.headers["Content-Type"] == "application/pdf"
    assert respons.headers["Content-Disposition"].startswith("attachment")
    assert "Surat Dinkes.pdf" in respons.headers["Content-Disposition"]
    assert b"".join(respons.streaming_content) == PDF


def test_hapus_data_dukung_menghapus_berkas(client, staf, pemanfaatan, django_capture_on_commit_callbacks):
    client.force_login(staf)
    unggah(client, pemanfaatan, "salah.pdf", PDF)
    data_dukung = DataDukung.objects.get()
    lokasi = data_dukung.berkas.path
    assert "Ya, hapus" in client.get(reverse("pemanfaatan:data_dukung_hapus", args=[data_dukung.pk])).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("pemanfaatan:data_dukung_hapus", args=[data_dukung.pk]))
    assert not DataDukung.objects.exists()
    assert not os.path.exists(lokasi)
    assert DataDukung.history.filter(history_type="-", history_user=staf).exists()


def test_hapus_baris_menghapus_berkas_data_dukungnya(client, staf, pemanfaatan, django_capture_on_commit_callbacks):
    client.force_login(staf)
    unggah(client, pemanfaatan, "a.pdf", PDF)
    lokasi = DataDukung.objects.get().berkas.path
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("pemanfaatan:pemanfaatan_hapus", args=[pemanfaatan.pk]))
    assert not os.path.exists(lokasi)
