"""Halaman siklus SOP lewat klien HTTP: formulir tiap langkah, tombol per peran, Tugas Saya, notifikasi, IKU."""

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from laporan.models import Iku, LangkahLaporan, Laporan, Notifikasi, RekapPemanfaatan, RiwayatLaporan, TargetIku
from pemanfaatan.models import JenisOpd, JenisPemanfaatan, Opd, Pemanfaatan
from tests.laporan.conftest import PERIODE, TAHUN, data_sah

pytestmark = pytest.mark.django_db


def test_kabid_memulai_laporan_dan_periode_ganda_ditolak(client, kabid):
    client.force_login(kabid)
    respons = client.post(reverse("laporan:baru"), {"tahun": TAHUN, "periode": PERIODE})
    laporan = Laporan.objects.get()
    assert respons.status_code == 302 and respons.url == laporan.get_absolute_url()
    assert laporan.status == "disposisi_kabid"
    assert LangkahLaporan.objects.get(laporan=laporan).nomor == 1
    ganda = client.post(reverse("laporan:baru"), {"tahun": TAHUN, "periode": PERIODE})
    assert ganda.status_code == 200
    assert "Sudah ada Laporan Triwulan I 2026" in ganda.content.decode()
    assert Laporan.objects.count() == 1


@pytest.mark.parametrize(
    ("peran", "tombol_ada", "tombol_tidak"),
    [
        ("kabid", ["Beri arahan kepada Kasi KIP", "Batalkan Laporan"], ["Beri petunjuk kepada Staf"]),
        ("kasi", [], ["Beri arahan kepada Kasi KIP", "Batalkan Laporan"]),
        ("staf", [], ["Beri arahan kepada Kasi KIP", "Kerjakan"]),
    ],
)
def test_halaman_laporan_hanya_menampilkan_aksi_peran_itu(
    client, request, buat_laporan, peran, tombol_ada, tombol_tidak
):
    laporan = buat_laporan()
    client.force_login(request.getfixturevalue(peran))
    isi = client.get(laporan.get_absolute_url()).content.decode()
    for tombol in tombol_ada:
        assert tombol in isi
    for tombol in tombol_tidak:
        assert f">{tombol}<" not in isi
    assert "Memberi arahan kepada Kasi untuk membuat Daftar" in isi  # linimasa dari sop.py


def test_formulir_langkah_menampilkan_kelengkapan_sop(client, kabid, buat_laporan):
    laporan = buat_laporan()
    client.force_login(kabid)
    isi = client.get(reverse("laporan:aksi", args=[laporan.pk, "beri_arahan"])).content.decode()
    assert "Langkah 1 SOP" in isi and "Disposisi" in isi and "10 menit" in isi


def test_isian_keliru_tampil_kembali_tanpa_perubahan(client, kasi, buat_laporan):
    laporan = buat_laporan("laporan")
    client.force_login(kasi)
    respons = client.post(reverse("laporan:aksi", args=[laporan.pk, "kembalikan_ke_staf"]), {"alasan": "x"})
    assert respons.status_code == 200
    assert "alasan" in respons.context["form"].errors
    laporan.refresh_from_db()
    assert laporan.status == "laporan"


def test_klik_ganda_tidak_menjalankan_aksi_dua_kali(client, kabid, buat_laporan):
    laporan = buat_laporan()
    client.force_login(kabid)
    url = reverse("laporan:aksi", args=[laporan.pk, "beri_arahan"])
    data = data_sah("beri_arahan", laporan)
    assert client.post(url, data).status_code == 302
    kedua = client.post(url, data, follow=True)
    assert "sudah diproses oleh Kabid" in kedua.content.decode()
    assert RiwayatLaporan.objects.filter(laporan=laporan, aksi="beri_arahan").count() == 1


def test_aksi_peran_lain_ditolak_403_dengan_alasan(client, staf, buat_laporan):
    laporan = buat_laporan()
    client.force_login(staf)
    respons = client.post(reverse("laporan:aksi", args=[laporan.pk, "beri_arahan"]), data_sah("beri_arahan", laporan))
    assert respons.status_code == 403
    assert "hanya dapat dilakukan oleh Kepala Bidang" in respons.content.decode()
    laporan.refresh_from_db()
    assert laporan.status == "disposisi_kabid"


def test_kerjakan_lalu_lepas(client, kasi, kasi_lain, buat_laporan):
    laporan = buat_laporan("disposisi_kasi")
    client.force_login(kasi)
    client.post(reverse("laporan:ambil", args=[laporan.pk]))
    langkah = LangkahLaporan.objects.get(laporan=laporan, selesai_pada__isnull=True)
    assert langkah.diambil_oleh == kasi
    client.force_login(kasi_lain)
    isi = client.get(laporan.get_absolute_url()).content.decode()
    assert "sedang dikerjakan oleh" in isi and "Beri petunjuk kepada Staf" not in isi
    assert client.get(reverse("laporan:aksi", args=[laporan.pk, "beri_petunjuk"])).status_code == 403
    client.force_login(kasi)
    client.post(reverse("laporan:lepas", args=[laporan.pk]))
    langkah.refresh_from_db()
    assert langkah.diambil_oleh is None


def test_tugas_saya_dan_lencana(client, kasi, staf, buat_laporan):
    laporan = buat_laporan("disposisi_kasi")
    client.force_login(kasi)
    respons = client.get(reverse("laporan:tugas"))
    assert [t.laporan for t in respons.context["tugas"]] == [laporan]
    assert respons.context["jumlah_tugas"] == 1
    assert 'id="lencana-tugas">1<' in respons.content.decode()
    client.force_login(staf)
    assert client.get(reverse("laporan:tugas")).context["tugas"] == []


def test_notifikasi_dan_tandai_dibaca(client, kasi, buat_laporan, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        buat_laporan("disposisi_kasi")
    client.force_login(kasi)
    respons = client.get(reverse("laporan:notifikasi"))
    assert respons.context["jumlah_notifikasi_baru"] == 1
    assert "Beri arahan kepada Kasi KIP oleh Kabid" in respons.content.decode()
    client.post(reverse("laporan:notifikasi_dibaca"))
    assert not Notifikasi.objects.filter(penerima=kasi, dibaca_pada__isnull=True).exists()


def test_kabid_mengelola_iku_dan_target(client, kabid, staf):
    client.force_login(kabid)
    client.post(
        reverse("laporan:iku_tambah"),
        {
            "kode": "IKU-9",
            "nama": "Jumlah pemanfaatan NIK",
            "satuan": "akses",
            "polaritas": "TINGGI",
            "sumber": "TOTAL_NIK",
            "urutan": 1,
            "aktif": "on",
        },
    )
    iku = Iku.objects.get(kode="IKU-9")
    client.post(reverse("laporan:target_tambah"), {"iku": iku.pk, "tahun": TAHUN, "target": "1000"})
    assert TargetIku.objects.get(iku=iku, tahun=TAHUN).target == 1000
    client.force_login(staf)
    assert (
        client.post(reverse("laporan:target_tambah"), {"iku": iku.pk, "tahun": TAHUN + 1, "target": "5"}).status_code
        == 403
    )
    assert TargetIku.objects.count() == 1


def hitung_kueri(client, url) -> int:
    with CaptureQueriesContext(connection) as kueri:
        assert client.get(url).status_code == 200
    return len(kueri)


def test_halaman_laporan_dan_tugas_jumlah_kuerinya_tetap(client, kasi, buat_laporan, daftar_triwulan, opd_lain):
    laporan = buat_laporan("laporan")
    client.force_login(kasi)
    kueri_laporan = hitung_kueri(client, laporan.get_absolute_url())
    kueri_tugas = hitung_kueri(client, reverse("laporan:tugas"))
    # Lebih banyak Laporan dan hitungan tidak boleh menambah kueri.
    buat_laporan("laporan", periode="TRIWULAN_2")
    buat_laporan("laporan", periode="TRIWULAN_3")
    assert hitung_kueri(client, laporan.get_absolute_url()) == kueri_laporan
    assert hitung_kueri(client, reverse("laporan:tugas")) == kueri_tugas


def test_laporan_yang_dikembalikan_ditandai_dengan_alasannya(client, kasi, staf, buat_laporan):
    laporan = buat_laporan("laporan")
    client.force_login(kasi)
    alasan = "Data dukung Dinas Sosial bulan Februari belum ada."
    client.post(reverse("laporan:aksi", args=[laporan.pk, "kembalikan_ke_staf"]), {"alasan": alasan})
    client.force_login(staf)
    tugas = client.get(reverse("laporan:tugas"))
    assert tugas.context["tugas"][0].alasan_pengembalian == alasan
    assert "Dikembalikan" in tugas.content.decode()
    halaman = client.get(laporan.get_absolute_url()).content.decode()
    assert "Dikembalikan</strong> oleh Kasi" in halaman and alasan in halaman


def test_laporan_untuk_periode_yang_belum_usai_ditolak(client, kabid):
    client.force_login(kabid)
    tahun_ini = timezone.localdate().year
    respons = client.post(reverse("laporan:baru"), {"tahun": tahun_ini, "periode": "TAHUNAN"})
    assert f"Periode Tahunan {tahun_ini} baru berakhir 31 Desember {tahun_ini}" in respons.content.decode()
    assert not Laporan.objects.exists()


def baris_susulan(laporan, opd, staf) -> Pemanfaatan:
    """Baris tanpa data dukung yang masuk ke periode Laporan setelah halaman langkahnya dibuka."""
    return Pemanfaatan.objects.create(
        opd=opd,
        jenis="NIK",
        tahun=laporan.tahun,
        bulan=laporan.bulan_awal,
        keperluan="Baris susulan",
        metode_akses="WEB_SERVICE",
        jumlah=77,
        created_by=staf,
        updated_by=staf,
    )


def test_hitungan_yang_berubah_sejak_dilihat_tidak_dibekukan(client, staf, buat_laporan, daftar_triwulan, opd):
    laporan = buat_laporan("hitung")
    url = reverse("laporan:aksi", args=[laporan.pk, "laporkan_hitungan"])
    client.force_login(staf)
    sidik_dilihat = client.get(url).context["form"]["sidik"].value()
    # Baris baru masuk ke periode itu sebelum Staf menekan tombol.
    baris_susulan(laporan, opd, staf)
    respons = client.post(url, {"konfirmasi": "on", "sidik": sidik_dilihat})
    assert respons.status_code == 200
    assert "Daftar berubah sejak halaman ini dibuka" in respons.content.decode()
    laporan.refresh_from_db()
    assert laporan.status == "hitung" and not laporan.rekap.exists()
    # Formulir yang ditampilkan ulang membawa sidik hitungan terbaru dan dapat dikirim lagi.
    sidik_baru = respons.context["form"]["sidik"].value()
    assert sidik_baru != sidik_dilihat
    assert client.post(url, {"konfirmasi": "on", "sidik": sidik_baru}).status_code == 302
    laporan.refresh_from_db()
    assert laporan.status == "laporan"
    assert sum(r.total_jumlah for r in laporan.rekap.all()) == sum(
        Pemanfaatan.objects.filter(
            tahun=laporan.tahun, bulan__gte=laporan.bulan_awal, bulan__lte=laporan.bulan_akhir
        ).values_list("jumlah", flat=True)
    )


def test_peringatan_yang_berubah_sejak_dibaca_tidak_diakui(client, staf, buat_laporan, daftar_triwulan, opd):
    laporan = buat_laporan("daftar")
    url = reverse("laporan:aksi", args=[laporan.pk, "selesaikan_daftar"])
    client.force_login(staf)
    halaman = client.get(url)
    sidik_dibaca = halaman.context["form"]["sidik"].value()
    assert "3 baris belum memiliki data dukung (bukti)." in halaman.content.decode()
    # Baris tanpa data dukung masuk ke periode itu sebelum Staf menekan tombol.
    baris_susulan(laporan, opd, staf)
    respons = client.post(url, {"akui_peringatan": "on", "sidik": sidik_dibaca})
    assert respons.status_code == 200
    isi = respons.content.decode()
    assert "peringatan kelengkapannya tidak lagi sama dengan yang Anda baca" in isi
    laporan.refresh_from_db()
    assert laporan.status == "daftar" and laporan.peringatan_daftar == []
    assert not RiwayatLaporan.objects.filter(laporan=laporan, aksi="selesaikan_daftar").exists()
    # Ditampilkan ulang dengan peringatan terbaru, sidiknya, dan kotak pengakuan yang belum dicentang.
    halaman_baru = lxml.html.fromstring(isi)
    kelengkapan = halaman_baru.xpath('//section[@aria-labelledby="judul-kelengkapan"]//li')
    ditampilkan = [li.text.strip() for li in kelengkapan]
    assert "4 baris belum memiliki data dukung (bukti)." in ditampilkan
    assert "3 baris belum memiliki data dukung (bukti)." not in isi
    (sidik_baru,) = halaman_baru.xpath('//input[@name="sidik"]/@value')
    assert sidik_baru != sidik_dibaca
    assert halaman_baru.xpath('//input[@name="akui_peringatan"]')[0].get("checked") is None
    assert client.post(url, {"akui_peringatan": "on", "sidik": sidik_baru}).status_code == 302
    laporan.refresh_from_db()
    assert laporan.status == "hitung"
    assert laporan.peringatan_daftar == ditampilkan


def test_setiap_hitungan_beku_menaut_ke_baris_daftar_yang_membentuknya(client, kasi, buat_laporan, daftar_triwulan):
    laporan = buat_laporan("laporan")
    client.force_login(kasi)
    rekap = client.get(reverse("laporan:detail", args=[laporan.pk])).context["rekap"]

    assert len(rekap) == 5  # Dinkes NIK, DK, KTP-el; Dinsos KTP-el; RSUD NIK
    for baris in rekap:
        ringkasan = client.get(baris.tautan).context["ringkasan"]
        assert (ringkasan["jumlah_baris"], ringkasan["total_jumlah"]) == (baris.jumlah_kegiatan, baris.total_jumlah)


def test_hitungan_beku_ribuan_opd_dipaginasi_total_tetap_utuh(client, kasi, buat_laporan, daftar_triwulan):
    """Tabel hitungan beku 200 baris per halaman; total dan banyak kueri tidak bergantung pada halaman."""
    laporan = buat_laporan("laporan")
    url = reverse("laporan:detail", args=[laporan.pk])
    client.force_login(kasi)
    with CaptureQueriesContext(connection) as kueri_sedikit:
        client.get(url)
    tambahan = Opd.objects.bulk_create(
        Opd(kode=f"9.99.{i:04d}", nama=f"OPD Uji {i:03d}", jenis=JenisOpd.DINAS) for i in range(70)
    )
    RekapPemanfaatan.objects.bulk_create(
        RekapPemanfaatan(laporan=laporan, opd=o, jenis=jenis, jumlah_kegiatan=1, total_jumlah=2)
        for o in tambahan
        for jenis in JenisPemanfaatan
    )
    semua = RekapPemanfaatan.objects.filter(laporan=laporan).count()
    assert semua == 5 + 210
    with CaptureQueriesContext(connection) as kueri_banyak:
        pertama = client.get(url)
    assert len(kueri_banyak) == len(kueri_sedikit)
    kedua = client.get(url, {"halaman": 2})
    assert (len(pertama.context["rekap"]), len(kedua.context["rekap"])) == (200, semua - 200)
    assert pertama.context["rekap"].paginator.count == semua
    nama = [b.opd for b in pertama.context["rekap"]] + [b.opd for b in kedua.context["rekap"]]
    assert len(nama) == semua and nama == sorted(nama)
    # Total hitungan beku di kedua halaman adalah total seluruh tabel, bukan halaman itu saja.
    for respons in (pertama, kedua):
        total = lxml.html.fromstring(respons.content).get_element_by_id("total-rekap").text_content()
        assert total == f"{350 + 40 + 3 + 7 + 20 + 210 * 2:,}".replace(",", ".")
    assert "Baris 201–215 dari 215" in kedua.content.decode()


def test_halaman_laporan_membaca_catatan_langkah_sekali(client, kasi, buat_laporan):
    """Linimasa, ringkasan waktu, langkah terbuka dan aksi yang tersedia memakai satu bacaan catatan langkah."""
    laporan = buat_laporan("disposisi_kasi")
    client.force_login(kasi)
    with CaptureQueriesContext(connection) as kueri:
        respons = client.get(reverse("laporan:detail", args=[laporan.pk]))
    assert respons.context["langkah_terbuka"] == laporan.langkah.get(selesai_pada__isnull=True)
    assert respons.context["aksi_tersedia"]
    assert len([q for q in kueri if 'FROM "laporan_langkahlaporan"' in q["sql"]]) == 1


def test_daftar_laporan_menolak_tahun_pecahan_dengan_pesan(client, kasi, buat_laporan):
    """`tahun=2026.9` tidak dipotong diam-diam menjadi 2026: ditandai tidak sah dan tidak menyaring."""
    laporan = buat_laporan("disposisi_kasi")
    client.force_login(kasi)
    respons = client.get(reverse("laporan:list"), {"tahun": f"{laporan.tahun}.9"})
    assert "tahun" in respons.context["filter"].errors
    assert list(respons.context["page_obj"]) == [laporan]
    assert list(client.get(reverse("laporan:list"), {"tahun": laporan.tahun + 1}).context["page_obj"]) == []
