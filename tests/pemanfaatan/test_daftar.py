"""Daftar Pemanfaatan lewat formulir peramban: tambah, ubah, hapus, filter, urut, total, riwayat."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pemanfaatan.models import JenisPemanfaatan, MetodeAkses, Pemanfaatan, PeriodeTerkunci, PerjanjianKerjaSama

pytestmark = pytest.mark.django_db


def data_baris(opd, pks=None, **ubah):
    data = {
        "opd": opd.pk,
        "jenis": JenisPemanfaatan.NIK,
        "tahun": 2026,
        "bulan": 4,
        "keperluan": "  Verifikasi   peserta JKN ",
        "metode_akses": MetodeAkses.WEB_SERVICE,
        "pks": pks.pk if pks else "",
        "jumlah": 1500,
        "keterangan": "Rekap dari log web service",
    }
    data.update(ubah)
    return data


def test_staf_menambah_baris(client, staf, opd, pks):
    client.force_login(staf)
    respons = client.post(reverse("pemanfaatan:pemanfaatan_tambah"), data_baris(opd, pks))
    baris = Pemanfaatan.objects.get()
    assert respons.status_code == 302
    assert respons.url == baris.get_absolute_url()
    assert baris.keperluan == "Verifikasi peserta JKN"
    assert baris.created_by == staf and baris.updated_by == staf
    assert baris.history.get().history_user == staf


def test_jumlah_negatif_dan_pecahan_ditolak_dengan_pesan(client, staf, opd):
    client.force_login(staf)
    for jumlah in ["-5", "2,5", "banyak"]:
        respons = client.post(reverse("pemanfaatan:pemanfaatan_tambah"), data_baris(opd, jumlah=jumlah))
        assert respons.status_code == 200
        assert respons.context["form"].errors["jumlah"]
    assert not Pemanfaatan.objects.exists()


def test_pks_milik_opd_lain_ditolak(client, staf, opd_lain, pks):
    client.force_login(staf)
    respons = client.post(reverse("pemanfaatan:pemanfaatan_tambah"), data_baris(opd_lain, pks))
    assert f"PKS {pks.nomor} milik Dinas Kesehatan, bukan Dinas Sosial." in respons.content.decode()
    assert not Pemanfaatan.objects.exists()


def test_baris_ganda_ditolak_dengan_pesan(client, staf, opd, pemanfaatan):
    client.force_login(staf)
    data = data_baris(opd, jenis=pemanfaatan.jenis, tahun=2026, bulan=3, keperluan="verifikasi peserta jkn")
    respons = client.post(reverse("pemanfaatan:pemanfaatan_tambah"), data)
    assert "sudah ada" in respons.content.decode()
    assert Pemanfaatan.objects.count() == 1


def test_ubah_baris_tercatat_di_riwayat_dan_tampil(client, kasi, staf, opd, pks, pemanfaatan):
    client.force_login(kasi)
    data = data_baris(
        opd, pks, jenis=pemanfaatan.jenis, tahun=2026, bulan=3, jumlah=1300, keperluan=pemanfaatan.keperluan
    )
    assert client.post(reverse("pemanfaatan:pemanfaatan_ubah", args=[pemanfaatan.pk]), data).status_code == 302
    pemanfaatan.refresh_from_db()
    assert pemanfaatan.jumlah == 1300
    assert pemanfaatan.updated_by == kasi and pemanfaatan.created_by == staf
    halaman = client.get(pemanfaatan.get_absolute_url())
    riwayat = halaman.context["riwayat"]
    assert riwayat[0]["catatan"].history_user == kasi
    perubahan = {p["bidang"]: (p["dari"], p["ke"]) for p in riwayat[0]["perubahan"]}
    assert perubahan["jumlah"] == ("1250", "1300")
    isi = halaman.content.decode()
    assert "Riwayat perubahan" in isi and "1250" in isi and "1300" in isi


def test_hapus_baris_meminta_konfirmasi(client, staf, pemanfaatan):
    client.force_login(staf)
    konfirmasi = client.get(reverse("pemanfaatan:pemanfaatan_hapus", args=[pemanfaatan.pk]))
    assert "Ya, hapus" in konfirmasi.content.decode()
    assert Pemanfaatan.objects.exists()
    respons = client.post(reverse("pemanfaatan:pemanfaatan_hapus", args=[pemanfaatan.pk]))
    assert respons.status_code == 302
    assert not Pemanfaatan.objects.exists()
    assert Pemanfaatan.history.filter(id=pemanfaatan.pk, history_type="-", history_user=staf).exists()


def buat_baris(opd, staf, pks=None, n=1, **ubah):
    data = {
        "jenis": JenisPemanfaatan.NIK,
        "tahun": 2026,
        "bulan": 1,
        "metode_akses": MetodeAkses.WEB_SERVICE,
        "jumlah": 10,
    }
    data.update(ubah)
    Pemanfaatan.objects.bulk_create(
        Pemanfaatan(opd=opd, pks=pks, keperluan=f"Keperluan {i}", created_by=staf, updated_by=staf, **data)
        for i in range(n)
    )


def test_filter_dan_total(client, kabid, staf, opd, opd_lain, pks):
    buat_baris(opd, staf, pks, n=3, jumlah=100)  # SAH
    buat_baris(opd, staf, pks, n=2, jenis=JenisPemanfaatan.KTP_EL, jumlah=7)  # tidak mencakup
    buat_baris(opd_lain, staf, None, n=4, bulan=2, jumlah=5, metode_akses=MetodeAkses.WEB_PORTAL)  # tanpa PKS
    buat_baris(opd, staf, pks, n=1, tahun=2030, jumlah=1)  # PKS tidak berlaku
    client.force_login(kabid)
    kasus = [
        ({}, 10, 300 + 14 + 20 + 1),
        ({"opd": opd_lain.pk}, 4, 20),
        ({"jenis": JenisPemanfaatan.KTP_EL}, 2, 14),
        ({"tahun": 2030}, 1, 1),
        ({"bulan": 2}, 4, 20),
        ({"metode_akses": MetodeAkses.WEB_PORTAL}, 4, 20),
        ({"status_pks": "TANPA_PKS"}, 4, 20),
        ({"status_pks": "TIDAK_BERLAKU"}, 1, 1),
        ({"status_pks": "TIDAK_MENCAKUP"}, 2, 14),
        ({"status_pks": "SAH"}, 3, 300),
        ({"ada_data_dukung": "false"}, 10, 335),
    ]
    for filter_, jumlah_baris, total in kasus:
        respons = client.get(reverse("pemanfaatan:daftar"), filter_)
        ringkasan = respons.context["ringkasan"]
        assert (ringkasan["jumlah_baris"], ringkasan["total_jumlah"]) == (jumlah_baris, total), filter_
        assert respons.context["page_obj"].paginator.count == jumlah_baris
    per_jenis = dict(client.get(reverse("pemanfaatan:daftar")).context["ringkasan"]["per_jenis"])
    assert per_jenis == {"Pemanfaatan Data Kependudukan": 0, "Pemanfaatan NIK": 321, "Pemanfaatan KTP-el": 14}


def test_urut_menurut_jumlah_dan_opd(client, kabid, staf, opd, opd_lain):
    buat_baris(opd, staf, jumlah=5)
    buat_baris(opd_lain, staf, jumlah=50, bulan=2)
    client.force_login(kabid)
    naik = [b.jumlah for b in client.get(reverse("pemanfaatan:daftar"), {"urut": "jumlah"}).context["page_obj"]]
    turun = [b.jumlah for b in client.get(reverse("pemanfaatan:daftar"), {"urut": "-jumlah"}).context["page_obj"]]
    assert naik == [5, 50] and turun == [50, 5]
    per_opd = client.get(reverse("pemanfaatan:daftar"), {"urut": "-opd"}).context["page_obj"]
    assert [b.opd.nama for b in per_opd] == ["Dinas Sosial", "Dinas Kesehatan"]


def test_paginasi_stabil_dan_nomor_halaman_keliru(client, kabid, staf, opd):
    buat_baris(opd, staf, n=60)
    client.force_login(kabid)
    halaman = [
        client.get(reverse("pemanfaatan:daftar"), {"urut": "tahun", "halaman": h}).context["page_obj"]
        for h in (1, 2, 3)
    ]
    pk = [b.pk for h in halaman for b in h]
    assert len(pk) == 60 and len(set(pk)) == 60
    assert client.get(reverse("pemanfaatan:daftar"), {"halaman": "abc"}).status_code == 200
    terakhir = client.get(reverse("pemanfaatan:daftar"), {"halaman": 99}).context["page_obj"]
    assert (terakhir.number, terakhir.paginator.num_pages, len(terakhir)) == (3, 3, 10)


def jumlah_kueri_daftar(client) -> int:
    with CaptureQueriesContext(connection) as kueri:
        assert client.get(reverse("pemanfaatan:daftar"), {"tahun": 2026}).status_code == 200
    return len(kueri)


def test_jumlah_kueri_sama_untuk_10_dan_5000_baris(client, kabid, staf, opd, opd_lain, pks):
    client.force_login(kabid)
    buat_baris(opd, staf, pks, n=10)
    kueri_10 = jumlah_kueri_daftar(client)
    buat_baris(opd_lain, staf, None, n=4990, bulan=5)
    kueri_5000 = jumlah_kueri_daftar(client)
    assert kueri_10 == kueri_5000
    assert kueri_10 <= 10


def test_banyak_baris_paginasi_dihitung_sekali_bersama_total(client, kabid, staf, opd):
    """Paginasi memakai banyak baris dari kueri total: tidak ada SELECT COUNT(*) kedua atas seluruh Daftar."""
    buat_baris(opd, staf, n=30)
    client.force_login(kabid)
    with CaptureQueriesContext(connection) as kueri:
        respons = client.get(reverse("pemanfaatan:daftar"))
    assert respons.context["page_obj"].paginator.count == respons.context["ringkasan"]["jumlah_baris"] == 30
    hitungan = [q["sql"] for q in kueri if 'AS "__count" FROM "pemanfaatan_pemanfaatan"' in q["sql"]]
    assert hitungan == []


def test_halaman_daftar_tidak_bocor_html_dari_teks_pengguna(client, kabid, staf, opd):
    Pemanfaatan.objects.create(
        opd=opd,
        jenis=JenisPemanfaatan.NIK,
        tahun=2026,
        bulan=1,
        keperluan='<script>alert("x")</script>',
        metode_akses=MetodeAkses.WEB_SERVICE,
        jumlah=1,
        created_by=staf,
        updated_by=staf,
    )
    client.force_login(kabid)
    isi = client.get(reverse("pemanfaatan:daftar")).content.decode()
    assert '<script>alert("x")</script>' not in isi
    assert "&lt;script&gt;" in isi


def test_pks_tidak_wajib_dan_tampil_sebagai_temuan(client, staf, opd):
    client.force_login(staf)
    client.post(reverse("pemanfaatan:pemanfaatan_tambah"), data_baris(opd))
    baris = Pemanfaatan.objects.get()
    assert baris.pks is None
    assert "Tanpa PKS" in client.get(baris.get_absolute_url()).content.decode()
    assert not PerjanjianKerjaSama.objects.exists()


def test_baris_di_bulan_terkunci_tidak_dapat_dipindah_keluar(client, staf, opd, pks, pemanfaatan):
    """Formulir menyalin isian ke objek sebelum layanan berjalan; bulan asal harus dibaca dari basis data."""
    PeriodeTerkunci.objects.create(
        pemilik="laporan-uji", keterangan="Laporan Triwulan I 2026", tahun=2026, bulan_awal=1, bulan_akhir=3
    )
    client.force_login(staf)
    data = data_baris(opd, pks, jenis=pemanfaatan.jenis, bulan=5, keperluan=pemanfaatan.keperluan, jumlah=9)
    respons = client.post(reverse("pemanfaatan:pemanfaatan_ubah", args=[pemanfaatan.pk]), data)
    assert respons.status_code == 200
    assert "terkunci" in respons.content.decode()
    pemanfaatan.refresh_from_db()
    assert (pemanfaatan.bulan, pemanfaatan.jumlah) == (3, 1250)
