"""OPD dan PKS lewat formulir peramban: Kasi KIP mengelola, peran lain membaca."""

import datetime
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pemanfaatan.models import Opd, PerjanjianKerjaSama, StatusPks

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"


def data_pks(opd, **ubah):
    data = {
        "nomor": "470/12/DPPKBKPS-PIAK/2025",
        "opd": opd.pk,
        "tanggal": "2025-01-10",
        "berlaku_mulai": "2025-01-10",
        "berlaku_sampai": "2030-01-09",
        "lingkup_nik": "on",
        "tujuan": ["PELAYANAN_PUBLIK", "ALOKASI_ANGGARAN"],
        "metode_akses": ["WEB_SERVICE"],
        "keterangan": "",
    }
    data.update(ubah)
    return data


def test_kasi_menambah_opd(client, kasi):
    client.force_login(kasi)
    respons = client.post(
        reverse("pemanfaatan:opd_tambah"),
        {
            "kode": " 2.12.0.00.0.00.01.0000 ",
            "nama": "Dinas  Kependudukan   dan Pencatatan Sipil",
            "jenis": "Dinas",
            "aktif": "on",
        },
    )
    opd = Opd.objects.get()
    assert respons.status_code == 302
    assert respons.url == opd.get_absolute_url()
    assert opd.kode == "2.12.0.00.0.00.01.0000"
    assert opd.nama == "Dinas Kependudukan dan Pencatatan Sipil"


def test_nama_opd_ganda_diberi_pesan(client, kasi, opd):
    client.force_login(kasi)
    respons = client.post(
        reverse("pemanfaatan:opd_tambah"), {"kode": "9.9", "nama": "dinas kesehatan", "jenis": "Dinas", "aktif": "on"}
    )
    assert respons.status_code == 200
    assert "Nama OPD ini sudah terdaftar." in respons.content.decode()
    assert Opd.objects.count() == 1


def test_staf_tidak_boleh_menambah_opd(client, staf):
    client.force_login(staf)
    respons = client.post(reverse("pemanfaatan:opd_tambah"), {"kode": "9.9", "nama": "X", "jenis": "Dinas"})
    assert respons.status_code == 403
    assert not Opd.objects.exists()


def test_kasi_mengubah_opd(client, kasi, opd):
    client.force_login(kasi)
    respons = client.post(
        reverse("pemanfaatan:opd_ubah", args=[opd.pk]),
        {"kode": opd.kode, "nama": opd.nama, "singkatan": "Dinkes", "jenis": "Dinas"},
    )
    assert respons.status_code == 302
    opd.refresh_from_db()
    assert opd.singkatan == "Dinkes"
    assert opd.aktif is False


def test_cari_opd_menurut_nama_kode_atau_singkatan(client, kabid, opd, opd_lain):
    Opd.objects.filter(pk=opd_lain.pk).update(singkatan="Dinsos")
    client.force_login(kabid)
    for kata in ["sosial", "1.06", "dinsos"]:
        hasil = list(client.get(reverse("pemanfaatan:opd_list"), {"cari": kata}).context["page_obj"])
        assert hasil == [opd_lain], kata


def test_kasi_mencatat_pks_dengan_dokumen_pdf(client, kasi, opd):
    client.force_login(kasi)
    data = data_pks(opd, dokumen=SimpleUploadedFile("pks.pdf", PDF, content_type="application/pdf"))
    respons = client.post(reverse("pemanfaatan:pks_tambah"), data)
    pks = PerjanjianKerjaSama.objects.get()
    assert respons.status_code == 302
    assert pks.tujuan == ["PELAYANAN_PUBLIK", "ALOKASI_ANGGARAN"]
    assert pks.lingkup_nik and not pks.lingkup_ktp_el
    assert not pks.dokumen.name.endswith("pks.pdf")  # nama acak
    unduh = client.get(reverse("pemanfaatan:pks_dokumen", args=[pks.pk]))
    assert unduh.status_code == 200
    assert b"".join(unduh.streaming_content) == PDF
    assert unduh.headers["Content-Disposition"].startswith("attachment")


def test_dokumen_pks_bukan_pdf_ditolak_walau_bernama_pdf(client, kasi, opd):
    client.force_login(kasi)
    palsu = SimpleUploadedFile("pks.pdf", b"MZ\x90\x00 bukan pdf", content_type="application/pdf")
    respons = client.post(reverse("pemanfaatan:pks_tambah"), data_pks(opd, dokumen=palsu))
    assert respons.status_code == 200
    assert "Dokumen PKS harus berkas PDF" in respons.content.decode()
    assert not PerjanjianKerjaSama.objects.exists()


def test_pks_tanpa_ruang_lingkup_ditolak(client, kasi, opd):
    client.force_login(kasi)
    data = data_pks(opd)
    del data["lingkup_nik"]
    respons = client.post(reverse("pemanfaatan:pks_tambah"), data)
    assert "Pilih sedikitnya satu ruang lingkup" in respons.content.decode()
    assert not PerjanjianKerjaSama.objects.exists()


def test_pks_berakhir_sebelum_mulai_ditolak(client, kasi, opd):
    client.force_login(kasi)
    respons = client.post(reverse("pemanfaatan:pks_tambah"), data_pks(opd, berlaku_sampai="2024-01-01"))
    assert "tidak boleh sebelum tanggal mulai" in respons.content.decode()
    assert not PerjanjianKerjaSama.objects.exists()


def test_filter_status_pks(client, kabid, opd):
    hari_ini = datetime.date.today()
    for nomor, sampai in [
        ("A", hari_ini - datetime.timedelta(days=1)),
        ("B", hari_ini + datetime.timedelta(days=30)),
        ("C", hari_ini + datetime.timedelta(days=400)),
    ]:
        PerjanjianKerjaSama.objects.create(
            nomor=nomor,
            opd=opd,
            tanggal=datetime.date(2020, 1, 1),
            berlaku_mulai=datetime.date(2020, 1, 1),
            berlaku_sampai=sampai,
            lingkup_nik=True,
        )
    client.force_login(kabid)
    for status, nomor in [(StatusPks.BERAKHIR, "A"), (StatusPks.SEGERA_BERAKHIR, "B"), (StatusPks.AKTIF, "C")]:
        hasil = client.get(reverse("pemanfaatan:pks_list"), {"status": status}).context["page_obj"]
        assert [p.nomor for p in hasil] == [nomor]


def test_pks_yang_sudah_dipakai_tidak_dapat_dihapus(client, kasi, pks, pemanfaatan):
    client.force_login(kasi)
    respons = client.post(reverse("pemanfaatan:pks_hapus", args=[pks.pk]), follow=True)
    assert "tidak dapat dihapus" in respons.content.decode()
    assert PerjanjianKerjaSama.objects.filter(pk=pks.pk).exists()


def test_hapus_pks_meminta_konfirmasi_lalu_menghapus_dokumen(client, kasi, pks, django_capture_on_commit_callbacks):
    pks.dokumen.save("x.pdf", SimpleUploadedFile("x.pdf", PDF))
    berkas = pks.dokumen.path
    client.force_login(kasi)
    konfirmasi = client.get(reverse("pemanfaatan:pks_hapus", args=[pks.pk]))
    assert "Ya, hapus" in konfirmasi.content.decode()
    assert PerjanjianKerjaSama.objects.filter(pk=pks.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("pemanfaatan:pks_hapus", args=[pks.pk]))
    assert not PerjanjianKerjaSama.objects.filter(pk=pks.pk).exists()
    assert not os.path.exists(berkas)


def test_opd_nonaktif_tidak_ditawarkan_untuk_pks_baru(client, kasi, opd, opd_lain):
    Opd.objects.filter(pk=opd_lain.pk).update(aktif=False)
    client.force_login(kasi)
    pilihan = client.get(reverse("pemanfaatan:pks_tambah")).context["form"].fields["opd"].queryset
    assert list(pilihan) == [opd]


def test_mengganti_dokumen_pks_menghapus_berkas_lama(client, kasi, pks, django_capture_on_commit_callbacks):
    pks.dokumen.save("lama.pdf", SimpleUploadedFile("lama.pdf", PDF))
    lama = pks.dokumen.path
    client.force_login(kasi)
    data = data_pks(
        pks.opd,
        nomor=pks.nomor,
        dokumen=SimpleUploadedFile("baru.pdf", PDF + b"%baru", content_type="application/pdf"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("pemanfaatan:pks_ubah", args=[pks.pk]), data).status_code == 302
    pks.refresh_from_db()
    assert not os.path.exists(lama)
    assert pks.dokumen.read().endswith(b"%baru")
