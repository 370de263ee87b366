"""Staf demo masuk dan menambah satu baris Daftar beserta data dukungnya lewat formulir."""

import pytest

from pemanfaatan.models import DataDukung, Pemanfaatan
from tests.e2e.conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PDF_KECIL = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def test_staf_menambah_baris_dengan_data_dukung(halaman, live_server, data_demo, tmp_path):
    bukti = tmp_path / "surat-permintaan-data.pdf"
    bukti.write_bytes(PDF_KECIL)

    masuk(halaman, live_server, "staf")

    halaman.get_by_role("link", name="Daftar Pemanfaatan", exact=True).click()
    halaman.get_by_role("link", name="Tambah baris").click()
    halaman.get_by_label("OPD").select_option(label="Dinas Sosial")
    halaman.get_by_label("Jenis pemanfaatan").select_option(label="Pemanfaatan NIK")
    halaman.get_by_label("Tahun").fill("2019")
    halaman.get_by_label("Bulan").select_option(label="Desember")
    halaman.get_by_label("Keperluan").fill("Verifikasi calon penerima bantuan sosial (uji peramban)")
    halaman.get_by_label("Metode akses").select_option(label="Web service")
    halaman.get_by_label("Jumlah").fill("1250")
    halaman.get_by_role("button", name="Simpan").click()

    halaman.get_by_text("Baris Daftar disimpan").wait_for()
    halaman.get_by_label("Berkas data dukung").set_input_files(str(bukti))
    halaman.get_by_role("button", name="Unggah").click()
    halaman.get_by_text("Data dukung surat-permintaan-data.pdf dilampirkan").wait_for()

    baris = Pemanfaatan.objects.get(keperluan="Verifikasi calon penerima bantuan sosial (uji peramban)")
    assert baris.jumlah == 1250
    assert baris.tahun == 2019 and baris.bulan == 12
    assert baris.created_by.username == "staf"
    data_dukung = DataDukung.objects.get(pemanfaatan=baris)
    assert data_dukung.nama_asli == "surat-permintaan-data.pdf"
    assert data_dukung.berkas.read() == PDF_KECIL
    assert halaman.galat_konsol == []
