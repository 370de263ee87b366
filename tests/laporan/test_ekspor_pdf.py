"""Dokumen PDF siklus SOP dibaca kembali dengan pypdf: angka sama dengan basis data, kop, tanda tangan, keamanan.

Angka yang diharapkan ditulis tangan dari `daftar_triwulan` (lihat docstring-nya) dan dicocokkan juga dengan
basis data, sehingga uji tidak dapat lolos bila keduanya sama-sama keliru.
"""

import io
import re
import time
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.db.models import Sum
from django.urls import reverse
from PIL import Image as GambarPil
from pypdf import PdfReader
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from akun.models import Pengguna, Peran
from laporan.exports.pdf import (
    dokumen_tersedia,
    kode_verifikasi,
    lakip_bidang_pdf,
    laporan_pemanfaatan_pdf,
    lembar_kendali_pdf,
)
from laporan.exports.pdf.aman import Pembungkus, bungkus
from laporan.exports.pdf.dasar import perintah_potongan, tabel_bertahap
from laporan.exports.pdf.laporan_pemanfaatan import _lebar_terlebar, total_per_bulan
from laporan.models import Instansi, JenisDokumen, KodeVerifikasi, RealisasiIku, RekapPemanfaatan, SumberRealisasi
from laporan.services import laporan_ambil, laporan_buat, laporan_transisi
from laporan.sop import LANGKAH
from pemanfaatan.models import DataDukung, JenisBerkas, JenisOpd, JenisPemanfaatan, MetodeAkses, Opd, Pemanfaatan
from tests.conftest import buat_pengguna
from tests.laporan.conftest import baris_daftar, buat_iku, data_sah

pytestmark = pytest.mark.django_db

NIP_KABID = "NIP. 19680415 198902 1 001"
NIP_KASI = "NIP. 19750312 200003 1 002"
NAMA_KABID = "Ir. Hendra Saputra, M.Si."
NAMA_KASI = "Rina Marlina, S.Kom."
ALAMAT = "Jalan Rasuna Said No. 00, Padang — Telp. (0751) 000000"
TANGGAL_HARI_INI = "Padang, 4 Mei 2026"  # jam uji: Senin 4 Mei 2026 08.00 WIB


# --- Pembacaan PDF ----------------------------------------------------------------------------------


def halaman_teks(isi: bytes) -> list[str]:
    return [halaman.extract_text() for halaman in PdfReader(io.BytesIO(isi)).pages]


def rapat(teks: str) -> str:
    """Tanpa spasi dan baris baru: teks yang dipatah ke beberapa baris sel tetap dapat dicari."""
    return re.sub(r"\s+", "", teks)


def memuat(isi: bytes, *potongan: str) -> bool:
    semua = rapat("".join(halaman_teks(isi)))
    return all(rapat(p) in semua for p in potongan)


def gambar_per_halaman(isi: bytes) -> list[list[tuple[int, int]]]:
    """Ukuran (piksel) setiap gambar raster yang ditempatkan pada tiap halaman."""
    return [[gambar.image.size for gambar in halaman.images] for halaman in PdfReader(io.BytesIO(isi)).pages]


def tanpa_tautan(isi: bytes) -> bool:
    """Tidak ada anotasi (tautan) di halaman mana pun dan tidak ada aksi URI di katalog.

    Byte mentah tidak diperiksa: aliran terkompresi bisa kebetulan memuat "/URI".
    """
    pembaca = PdfReader(io.BytesIO(isi))
    if "/URI" in str(pembaca.trailer["/Root"]):
        return False
    return all(halaman.get("/Annots") is None for halaman in pembaca.pages)


def png(lebar: int, tinggi: int, warna=(200, 30, 30)) -> bytes:
    keluaran = io.BytesIO()
    GambarPil.new("RGB", (lebar, tinggi), warna).save(keluaran, "PNG")
    return keluaran.getvalue()


# --- Bahan ------------------------------------------------------------------------------------------


@pytest.fixture
def penanda(kabid, kasi):
    """Kabid dan Kasi KIP lengkap dengan jabatan, pangkat/golongan dan NIP untuk blok tanda tangan."""
    Pengguna.objects.filter(pk=kabid.pk).update(
        nama=NAMA_KABID, jabatan="Kepala Bidang PIAK dan Pemanfaatan Data", pangkat_golongan="Pembina (IV/a)"
    )
    Pengguna.objects.filter(pk=kasi.pk).update(
        nama=NAMA_KASI,
        nip="197503122000031002",
        jabatan="Kepala Seksi Kerjasama dan Inovasi Pelayanan",
        pangkat_golongan="Penata Tk. I (III/d)",
    )
    kabid.refresh_from_db()
    kasi.refresh_from_db()
    return {"kabid": kabid, "kasi": kasi}


@pytest.fixture
def instansi(db):
    instansi = Instansi.sekarang()
    instansi.alamat = ALAMAT
    instansi.save()
    return instansi


@pytest.fixture
def siap(jam, instansi, penanda, daftar_triwulan):
    """Jam beku, profil instansi, penanda tangan lengkap dan Daftar Triwulan I 2026."""
    return daftar_triwulan


def kop_ada(isi: bytes) -> bool:
    return memuat(
        isi,
        "PEMERINTAH PROVINSI SUMATERA BARAT",
        "DINAS PENGENDALIAN PENDUDUK, KELUARGA BERENCANA, KEPENDUDUKAN DAN PENCATATAN SIPIL",
        ALAMAT,
    )


def nomor_halaman_benar(isi: bytes) -> bool:
    teks = halaman_teks(isi)
    return all(f"Halaman {i} dari {len(teks)}" in t for i, t in enumerate(teks, start=1))


# --- Laporan Pemanfaatan ----------------------------------------------------------------------------


def test_laporan_pemanfaatan_angka_sama_dengan_hitungan_beku(siap, buat_laporan):
    laporan = buat_laporan("lakip_dinas")
    per_jenis = dict(laporan.rekap.values_list("jenis").annotate(t=Sum("total_jumlah")).values_list("jenis", "t"))
    # Hitungan tangan dari daftar_triwulan, dan basis data memang berisi itu.
    assert per_jenis == {"DATA_KEPENDUDUKAN": 40, "NIK": 370, "KTP_EL": 10}
    assert (laporan.jumlah_opd_aktif, laporan.jumlah_opd_memanfaatkan, laporan.jumlah_opd_pks_aktif) == (3, 3, 1)

    isi = laporan_pemanfaatan_pdf(laporan)

    assert isi.startswith(b"%PDF")
    assert kop_ada(isi)
    assert nomor_halaman_benar(isi)
    assert memuat(
        isi,
        "LAPORAN PEMANFAATAN DATA KEPENDUDUKAN",
        "Triwulan I Tahun 2026 (Januari – Maret 2026)",
        "OPD aktif : 3 OPD",
        "OPD yang memanfaatkan data : 3 OPD (100,00% dari OPD aktif)",
        "OPD dengan PKS aktif : 1 OPD",
        "Pemanfaatan Data Kependudukan : 40",
        "Pemanfaatan NIK : 370",
        "Pemanfaatan KTP-el : 10",
        "Total seluruh pemanfaatan : 420 (6 kegiatan)",
    )
    # Tabel OPD × jenis: No, OPD, (kegiatan, jumlah) untuk DK, NIK, KTP-el, lalu total.
    assert memuat(isi, "1 Dinas Kesehatan 1 40 2 350 1 3 4 393")
    assert memuat(isi, "2 Dinas Sosial – – – – 1 7 1 7")
    assert memuat(isi, "3 RSUD M. Natsir – – 1 20 – – 1 20")
    assert memuat(isi, "Jumlah 1 40 3 370 2 10 6 420")
    assert memuat(isi, "Naik dibanding triwulan lalu.", "Dua OPD belum lapor.", "Surati.")


def test_laporan_pemanfaatan_ditandatangani_kasi_dan_kabid_yang_mengerjakan(siap, buat_laporan, penanda):
    laporan = buat_laporan("lakip_dinas")
    isi = laporan_pemanfaatan_pdf(laporan)
    assert memuat(
        isi,
        "Mengetahui,",
        "Kepala Bidang PIAK dan Pemanfaatan Data,",
        NAMA_KABID,
        "Pembina (IV/a)",
        NIP_KABID,
        TANGGAL_HARI_INI,
        "Kepala Seksi Kerjasama dan Inovasi Pelayanan,",
        NAMA_KASI,
        "Penata Tk. I (III/d)",
        NIP_KASI,
    )


def test_penanda_kabid_mengikuti_jejak_audit(siap, buat_laporan, kabid):
    """Sebelum Langkah 6 yang mengetahui adalah Kabid pemberi arahan; sesudahnya Kabid penyusun LAKIP."""
    kabid_lain = buat_pengguna(
        "kabid2", Peran.KABID, nama="Drs. Yusrizal Pengganti", nip="197001012000011001", jabatan="Plt. Kepala Bidang"
    )
    laporan = buat_laporan("lakip_bidang")
    sebelum = laporan_pemanfaatan_pdf(laporan)
    assert memuat(sebelum, NAMA_KABID, NIP_KABID)
    assert not memuat(sebelum, "Drs. Yusrizal Pengganti")

    laporan = laporan_transisi(
        laporan=laporan,
        aksi="sampaikan_lakip_bidang",
        user=kabid_lain,
        data=data_sah("sampaikan_lakip_bidang", laporan),
    )
    sesudah = laporan_pemanfaatan_pdf(laporan)
    assert memuat(
        sesudah, "Mengetahui,", "Plt. Kepala Bidang,", "Drs. Yusrizal Pengganti", "NIP. 19700101 200001 1 001"
    )
    assert not memuat(sesudah, NAMA_KABID)
    assert memuat(lakip_bidang_pdf(laporan), "Drs. Yusrizal Pengganti", "NIP. 19700101 200001 1 001")


def test_nip_kosong_tidak_dicetak(siap, buat_laporan, kasi):
    Pengguna.objects.filter(pk=kasi.pk).update(nip="", pangkat_golongan="")
    laporan = buat_laporan("lakip_bidang")
    teks = "".join(halaman_teks(laporan_pemanfaatan_pdf(laporan)))
    assert NAMA_KASI in teks
    assert teks.count("NIP.") == 1  # hanya Kabid


def test_total_per_bulan_dari_daftar_sama_dengan_hitungan_beku(siap, buat_laporan):
    laporan = buat_laporan("lakip_bidang")
    per_bulan = total_per_bulan(laporan)
    assert per_bulan == {
        (1, "NIK"): 120,
        (2, "NIK"): 250,
        (2, "KTP_EL"): 3,
        (3, "DATA_KEPENDUDUKAN"): 40,
        (3, "KTP_EL"): 7,
    }
    for jenis in JenisPemanfaatan.values:
        beku = laporan.rekap.filter(jenis=jenis).aggregate(t=Sum("total_jumlah"))["t"]
        assert sum(nilai for (_, j), nilai in per_bulan.items() if j == jenis) == beku


def test_grafik_vektor_tanpa_gambar_raster(siap, buat_laporan):
    laporan = buat_laporan("lakip_bidang")
    isi = laporan_pemanfaatan_pdf(laporan)
    assert memuat(isi, "Total pemanfaatan per jenis", "Total pemanfaatan per bulan", "Januari", "Februari", "Maret")
    assert gambar_per_halaman(isi) == [[] for _ in halaman_teks(isi)]


# --- LAKIP Bidang -----------------------------------------------------------------------------------


def test_lakip_bidang_iku_koreksi_narasi_dan_lampiran(siap, buat_laporan, kabid):
    iku_nik = buat_iku("IKU-1", SumberRealisasi.TOTAL_NIK, target="400", urutan=1)
    iku_opd = buat_iku("IKU-2", SumberRealisasi.JUMLAH_OPD_MEMANFAATKAN, target="5", urutan=2)
    laporan = buat_laporan("lakip_bidang")
    laporan = laporan_transisi(
        laporan=laporan,
        aksi="sampaikan_lakip_bidang",
        user=kabid,
        data={
            "narasi": "Pemanfaatan NIK naik seiring perluasan PKS.",
            f"realisasi_{iku_nik.pk}": "370",
            f"alasan_{iku_nik.pk}": "",
            f"realisasi_{iku_opd.pk}": "4",
            f"alasan_{iku_opd.pk}": "Satu OPD melapor terlambat lewat surat.",
        },
    )
    realisasi = {r.iku.kode: r for r in RealisasiIku.objects.filter(laporan=laporan).select_related("iku")}
    assert (realisasi["IKU-1"].realisasi, realisasi["IKU-1"].capaian) == (Decimal("370"), Decimal("92.50"))
    assert (realisasi["IKU-2"].realisasi_hitung, realisasi["IKU-2"].capaian) == (Decimal("3"), Decimal("80.00"))

    isi = lakip_bidang_pdf(laporan)

    assert kop_ada(isi)
    assert nomor_halaman_benar(isi)
    assert memuat(
        isi,
        "No Indikator Kinerja Satuan Target Realisasi Capaian (%)",
        "1 Indikator IKU-1 angka 400,00 370,00 92,50%",
        "2 Indikator IKU-2 angka 5,00 4,00 * 80,00%",
        "realisasi hasil hitungan 3,00 dikoreksi menjadi 4,00. Alasan: Satu OPD melapor terlambat lewat surat.",
        "Pemanfaatan NIK naik seiring perluasan PKS.",
        TANGGAL_HARI_INI,
        NAMA_KABID,
        NIP_KABID,
    )
    # Laporan Pemanfaatan terlampir dalam dokumen yang sama, setelah LAKIP, dengan penomoran bersambung.
    teks = halaman_teks(isi)
    lampiran = next(i for i, t in enumerate(teks) if "Lampiran LAKIP Bidang" in t)
    assert lampiran >= 1
    assert memuat(isi, "LAPORAN PEMANFAATAN DATA KEPENDUDUKAN", "Jumlah 1 40 3 370 2 10 6 420", NAMA_KASI)
    assert len(teks) == len(halaman_teks(laporan_pemanfaatan_pdf(laporan))) + lampiran


# --- Lembar Kendali ---------------------------------------------------------------------------------


def test_lembar_kendali_waktu_kerja_pengembalian_dan_kode(siap, jam, kabid, kasi, staf, client):
    laporan = laporan_buat(user=kabid, tahun=2026, periode="TRIWULAN_1")

    def jalankan(waktu: str, aksi: str, oleh, data=None):
        nonlocal laporan
        jam.atur(waktu)
        laporan = laporan_transisi(laporan=laporan, aksi=aksi, user=oleh, data=data or data_sah(aksi, laporan))

    jalankan("2026-05-04 08:05", "beri_arahan", kabid)  # 5 menit
    jalankan("2026-05-04 08:30", "beri_petunjuk", kasi)  # 25 menit: melewati 10 menit
    jam.atur("2026-05-04 09:00")
    laporan_ambil(laporan=laporan, user=staf)
    jalankan("2026-05-04 10:00", "selesaikan_daftar", staf)  # 1 jam 30 menit: tunggu 30, proses 60
    jalankan("2026-05-04 10:10", "laporkan_hitungan", staf)  # 10 menit
    alasan = "Baris Februari Dinas Sosial belum ada data dukungnya."
    jalankan("2026-05-04 10:40", "kembalikan_ke_staf", kasi, {"alasan": alasan})  # 30 menit
    jalankan("2026-05-04 11:00", "selesaikan_daftar", staf)  # 20 menit
    jalankan("2026-05-04 11:05", "laporkan_hitungan", staf)  # 5 menit
    jalankan("2026-05-04 11:35", "sampaikan_laporan", kasi)  # 30 menit

    isi = lembar_kendali_pdf(laporan)

    assert kop_ada(isi)
    assert nomor_halaman_benar(isi)
    assert memuat(isi, "LEMBAR KENDALI SOP", "Status : Penyusunan LAKIP Bidang")
    assert memuat(isi, "No Kegiatan Pelaksana Kelengkapan Waktu baku Output Pelaksanaan Durasi kerja Keterangan")
    for langkah in LANGKAH:
        assert memuat(isi, langkah.kegiatan, langkah.output), langkah.nomor
    assert memuat(
        isi,
        f"Selesai oleh {NAMA_KABID}, 4 Mei 2026 pukul 08.05 WIB",
        "25 menit Melewati waktu baku (15 menit lebih)",
        "1 jam 30 menit Dalam waktu baku Tunggu 30 menit, proses 1 jam",
        "Dikembalikan oleh Rina Marlina, S.Kom., 4 Mei 2026 pukul 10.40 WIB",
        "Total waktu kerja siklus : 3 jam 35 menit",
        "Jumlah waktu baku : 7 jam 50 menit",
        "Pengerjaan dalam waktu baku : 7 dari 8 (87,50%)",
        f"Kembalikan kepada Staf oleh Rina Marlina, S.Kom. (Kasi KIP), dari Analisa dan Laporan Kasi ke "
        f"Penyusunan Daftar. Alasan: {alasan}",
        f"Dicetak: {TANGGAL_HARI_INI}",
    )

    kode = KodeVerifikasi.objects.get(laporan=laporan, jenis_dokumen=JenisDokumen.LEMBAR_KENDALI).kode
    assert re.fullmatch(r"[2-9A-HJKMNP-TW-Z]{10}", kode)
    assert memuat(isi, f"Kode verifikasi: {kode}", f"/verifikasi/?kode={kode}")
    assert lembar_kendali_pdf(laporan) and KodeVerifikasi.objects.filter(laporan=laporan).count() == 1

    client.force_login(staf)
    halaman = client.get(reverse("laporan:verifikasi"), {"kode": f" {kode[:5].lower()}-{kode[5:]} "})
    isi_halaman = halaman.content.decode()
    assert halaman.status_code == 200
    assert "Lembar Kendali SOP" in isi_halaman
    assert str(laporan) in isi_halaman
    assert laporan.get_absolute_url() in isi_halaman
    assert "Kode tidak dikenal" not in isi_halaman


def test_lembar_kendali_laporan_dibatalkan_mencatat_alasan(siap, buat_laporan):
    laporan = buat_laporan("dibatalkan")
    isi = lembar_kendali_pdf(laporan)
    assert memuat(isi, "Status : Dibatalkan", "Batalkan Laporan oleh", "Angka Februari belum sesuai surat OPD.")
    assert memuat(isi, "Belum sampai pada langkah ini")


# --- Kode verifikasi --------------------------------------------------------------------------------


def test_kode_verifikasi_tetap_per_dokumen_dan_berbeda_antar_dokumen(siap, buat_laporan):
    laporan = buat_laporan("lakip_dinas")
    kode = {jenis: kode_verifikasi(laporan, jenis) for jenis in JenisDokumen}
    assert len(set(kode.values())) == len(JenisDokumen)
    assert kode_verifikasi(laporan, JenisDokumen.LAKIP_BIDANG) == kode[JenisDokumen.LAKIP_BIDANG]
    assert memuat(laporan_pemanfaatan_pdf(laporan), kode[JenisDokumen.LAPORAN_PEMANFAATAN])
    assert memuat(lakip_bidang_pdf(laporan), kode[JenisDokumen.LAKIP_BIDANG])


def test_verifikasi_kode_tidak_dikenal(client, kasi):
    client.force_login(kasi)
    isi = client.get(reverse("laporan:verifikasi"), {"kode": "ZZZZZZZZZZ"}).content.decode()
    assert "Kode tidak dikenal" in isi
    kosong = client.get(reverse("laporan:verifikasi")).content.decode()
    assert "Kode verifikasi" in kosong and "Kode tidak dikenal" not in kosong


# --- View: izin, ketersediaan, respons ---------------------------------------------------------------

URL_PDF = ["laporan:pdf_laporan_pemanfaatan", "laporan:pdf_lakip_bidang", "laporan:pdf_lembar_kendali"]

# (nama URL, status untuk: anonim, tanpa_peran, kabid, kasi, staf, sekretariat) pada Laporan berstatus lakip_dinas.
TABEL_IZIN = [
    ("laporan:pdf_laporan_pemanfaatan", (302, 403, 200, 200, 200, 200)),
    ("laporan:pdf_lakip_bidang", (302, 403, 200, 200, 200, 200)),
    ("laporan:pdf_lembar_kendali", (302, 403, 200, 200, 200, 200)),
    ("laporan:verifikasi", (302, 403, 200, 200, 200, 200)),
]
PERAN = ["anonim", "tanpa_peran", "kabid", "kasi", "staf", "sekretariat"]


@pytest.mark.parametrize(("nama", "harapan"), TABEL_IZIN)
def test_izin_dokumen(client, request, siap, buat_laporan, nama, harapan):
    laporan = buat_laporan("lakip_dinas")
    url = reverse(nama) if nama == "laporan:verifikasi" else reverse(nama, args=[laporan.pk])
    for peran, status in zip(PERAN, harapan, strict=True):
        client.logout()
        if peran != "anonim":
            client.force_login(request.getfixturevalue(peran))
        respons = client.get(url)
        assert respons.status_code == status, (nama, peran)
        if peran == "anonim":
            assert respons.url.startswith(reverse("login"))


def test_unduhan_pdf_sebagai_lampiran(client, siap, buat_laporan, sekretariat):
    laporan = buat_laporan("lakip_dinas")
    client.force_login(sekretariat)
    respons = client.get(reverse("laporan:pdf_laporan_pemanfaatan", args=[laporan.pk]))
    assert respons["Content-Type"] == "application/pdf"
    assert respons["Content-Disposition"] == (
        'attachment; filename="Laporan_Pemanfaatan_Data_Kependudukan_Triwulan_I_2026.pdf"'
    )
    assert memuat(respons.content, "Pemanfaatan NIK : 370")
    lakip = client.get(reverse("laporan:pdf_lakip_bidang", args=[laporan.pk]))
    assert lakip["Content-Disposition"] == 'attachment; filename="LAKIP_Bidang_Triwulan_I_2026.pdf"'


@pytest.mark.parametrize(
    ("status", "tersedia"),
    [
        ("disposisi_kabid", ["LEMBAR_KENDALI"]),
        ("laporan", ["LEMBAR_KENDALI"]),
        ("lakip_bidang", ["LAPORAN_PEMANFAATAN", "LEMBAR_KENDALI"]),
        ("lakip_dinas", ["LAPORAN_PEMANFAATAN", "LAKIP_BIDANG", "LEMBAR_KENDALI"]),
        ("selesai", ["LAPORAN_PEMANFAATAN", "LAKIP_BIDANG", "LEMBAR_KENDALI"]),
        ("dibatalkan", ["LEMBAR_KENDALI"]),
    ],
)
def test_ketersediaan_dokumen_per_status(client, siap, buat_laporan, kabid, status, tersedia):
    laporan = buat_laporan(status)
    assert dokumen_tersedia(laporan) == tersedia
    client.force_login(kabid)
    halaman = client.get(laporan.get_absolute_url()).content.decode()
    tautan = {
        "LAPORAN_PEMANFAATAN": reverse("laporan:pdf_laporan_pemanfaatan", args=[laporan.pk]),
        "LAKIP_BIDANG": reverse("laporan:pdf_lakip_bidang", args=[laporan.pk]),
        "LEMBAR_KENDALI": reverse("laporan:pdf_lembar_kendali", args=[laporan.pk]),
    }
    for jenis, url in tautan.items():
        assert (url in halaman) == (jenis in tersedia), jenis
        respons = client.get(url)
        if jenis in tersedia:
            isi = b"".join(respons.streaming_content) if respons.streaming else respons.content
            assert respons.status_code == 200 and isi.startswith(b"%PDF"), jenis
        else:
            assert respons.status_code == 302 and respons.url == laporan.get_absolute_url(), jenis
            pesan = client.get(respons.url).content.decode()
            assert "belum tersedia" in pesan, jenis


# --- Keamanan: teks pengguna tidak pernah menjadi markup reportlab -----------------------------------

TEKS_JAHAT = [
    "<b>unclosed",
    "&foo;",
    "&lt;b&gt; &#65; &amp;",  # entitas yang sah pun harus tercetak apa adanya, bukan diterjemahkan
    "<onDraw name=x>",
    "<font size=300>BESAR</font>",
    '<a href="http://evil.example">klik</a>',
    '<img src="{gambar}"/>',
]


@pytest.fixture
def bukti_png(pemanfaatan, staf):
    """Data dukung berupa PNG sungguhan di MEDIA_ROOT: berkas yang dapat dibaca server."""
    data_dukung = DataDukung(
        pemanfaatan=pemanfaatan, nama_asli="bukti.png", jenis_berkas=JenisBerkas.PNG, ukuran=1, diunggah_oleh=staf
    )
    data_dukung.berkas.save("bukti.png", ContentFile(png(11, 7)), save=False)
    data_dukung.save()
    return data_dukung.berkas.path


@pytest.mark.parametrize("pola", TEKS_JAHAT)
def test_teks_jahat_tercetak_apa_adanya(pola, client, jam, instansi, penanda, bukti_png, staf, kasi, kabid, pks):
    jahat = pola.format(gambar=bukti_png)
    # Lambang daerah 30×20: satu-satunya gambar raster yang boleh ada (di kop).
    instansi.logo.save("lambang.png", ContentFile(png(30, 20, (20, 90, 160))), save=False)
    instansi.alamat = f"Alamat {jahat}"
    instansi.save()
    opd_jahat = Opd.objects.create(kode="9.99.0.00.0.00.01.0000", nama=f"Dinas {jahat}", jenis=JenisOpd.DINAS)
    baris_daftar(opd_jahat, JenisPemanfaatan.NIK, 2, 12, oleh=staf)
    iku = buat_iku("IKU-1", SumberRealisasi.TOTAL_NIK, target="100")

    laporan = laporan_buat(user=kabid, tahun=2026, periode="TRIWULAN_1")
    for aksi, oleh in [
        ("beri_arahan", kabid),
        ("beri_petunjuk", kasi),
        ("selesaikan_daftar", staf),
        ("laporkan_hitungan", staf),
    ]:
        laporan = laporan_transisi(laporan=laporan, aksi=aksi, user=oleh, data=data_sah(aksi, laporan))
    isian_kasi = {"analisa": f"Analisa {jahat}", "evaluasi": f"Evaluasi {jahat}", "rekomendasi": f"Saran {jahat}"}
    laporan = laporan_transisi(laporan=laporan, aksi="sampaikan_laporan", user=kasi, data=isian_kasi)
    laporan = laporan_transisi(
        laporan=laporan, aksi="kembalikan_ke_kasi", user=kabid, data={"alasan": f"Alasan pengembalian {jahat}"}
    )
    laporan = laporan_transisi(laporan=laporan, aksi="sampaikan_laporan", user=kasi, data=isian_kasi)
    laporan = laporan_transisi(
        laporan=laporan,
        aksi="sampaikan_lakip_bidang",
        user=kabid,
        data={
            "narasi": f"Narasi {jahat}",
            f"realisasi_{iku.pk}": "1",
            f"alasan_{iku.pk}": f"Keterangan {jahat}",
        },
    )
    client.force_login(kabid)
    harapan = {
        "laporan:pdf_laporan_pemanfaatan": ["Analisa", "Evaluasi", "Saran", "Dinas", "Alamat"],
        "laporan:pdf_lakip_bidang": ["Narasi", "Keterangan", "Analisa", "Dinas", "Alamat"],
        "laporan:pdf_lembar_kendali": ["Alasan pengembalian", "Alamat"],
    }
    for nama, awalan in harapan.items():
        respons = client.get(reverse(nama, args=[laporan.pk]))
        assert respons.status_code == 200, nama
        isi = respons.content
        for kata in awalan:
            assert memuat(isi, f"{kata} {jahat}"), (nama, kata)
        assert tanpa_tautan(isi), nama
        gambar = [ukuran for halaman in gambar_per_halaman(isi) for ukuran in halaman]
        assert gambar and set(gambar) == {(30, 20)}, (nama, gambar)
        # Satu lambang per kop surat: halaman pertama (dan halaman pertama lampiran pada LAKIP).
        assert len(gambar) == (2 if nama == "laporan:pdf_lakip_bidang" else 1), nama


def test_lambang_yang_hilang_tidak_menggagalkan_dokumen(siap, buat_laporan, instansi):
    instansi.logo.save("lambang.png", ContentFile(png(30, 20)), save=True)
    instansi.logo.storage.delete(instansi.logo.name)
    laporan = buat_laporan("lakip_bidang")
    isi = laporan_pemanfaatan_pdf(laporan)
    assert kop_ada(isi)
    assert gambar_per_halaman(isi)[0] == []


# --- Tabel panjang ----------------------------------------------------------------------------------

JUMLAH_OPD = 520  # puluhan halaman tabel


def test_laporan_500_opd_berhalaman_dengan_kepala_berulang(jam, instansi, penanda, buat_laporan, staf):
    opd = Opd.objects.bulk_create(
        Opd(
            kode=f"8.{i:04d}",
            nama=f"Dinas Uji {i:04d} Urusan Pelayanan Administrasi Kependudukan dan Pencatatan Sipil Daerah",
            jenis=JenisOpd.DINAS,
        )
        for i in range(JUMLAH_OPD)
    )
    Pemanfaatan.objects.bulk_create(
        Pemanfaatan(
            opd=item,
            jenis=jenis,
            tahun=2026,
            bulan=1 + i % 3,
            keperluan="Layanan",
            metode_akses=MetodeAkses.WEB_SERVICE,
            jumlah=1000 + i,
            created_by=staf,
            updated_by=staf,
        )
        for i, item in enumerate(opd)
        for jenis in (JenisPemanfaatan.NIK, JenisPemanfaatan.KTP_EL)
    )
    laporan = buat_laporan("lakip_bidang")
    assert RekapPemanfaatan.objects.filter(laporan=laporan).values("opd").distinct().count() == JUMLAH_OPD
    total = sum(2 * (1000 + i) for i in range(JUMLAH_OPD))
    assert laporan.rekap.aggregate(t=Sum("total_jumlah"))["t"] == total

    mulai = time.perf_counter()
    isi = laporan_pemanfaatan_pdf(laporan)
    lama = time.perf_counter() - mulai

    assert lama < 15, f"{lama:.1f} detik"
    teks = halaman_teks(isi)
    assert len(teks) > 10
    assert nomor_halaman_benar(isi)
    kepala = rapat("No OPD Data Kependudukan NIK KTP-el Total Kegiatan Jumlah")
    halaman_tabel = [t for t in teks if "Dinas Uji" in t]
    assert len(halaman_tabel) > 5
    for t in halaman_tabel:
        assert rapat(t).count(kepala) == 1  # di atas setiap halaman, tidak pernah di tengah halaman
    semua = rapat("".join(teks))
    # Setiap OPD tepat satu kali dan berurutan: tidak ada baris yang hilang atau terulang di batas halaman.
    posisi = []
    for i in range(JUMLAH_OPD):
        baris = rapat(f"{i + 1} Dinas Uji {i:04d} Urusan")
        assert semua.count(baris) == 1, baris
        posisi.append(semua.index(baris))
    assert posisi == sorted(posisi)
    per_jenis = ribuan(total // 2)
    assert rapat(f"Total seluruh pemanfaatan : {ribuan(total)} ({ribuan(2 * JUMLAH_OPD)} kegiatan)") in semua
    baris_jumlah = (
        f"Jumlah 0 0 {JUMLAH_OPD} {per_jenis} {JUMLAH_OPD} {per_jenis} {ribuan(2 * JUMLAH_OPD)} {ribuan(total)}"
    )
    assert rapat(baris_jumlah) in semua


def test_tabel_bertahap_terpotong_di_baris_yang_sama_dengan_satu_table_reportlab():
    """Setiap halaman memuat baris yang sama dengan satu Table panjang yang dipotong reportlab sendiri."""
    kepala = [["No", "Uraian", "Jumlah"]]
    isi = [[str(i), "\n".join(f"uraian {i} baris {b}" for b in range(i % 4 + 1)), str(i * 7)] for i in range(300)]
    penutup = [["", "Jumlah", "313.950"]]
    lebar = [40, 300, 80]

    def pdf(cerita: list) -> bytes:
        keluaran = io.BytesIO()
        SimpleDocTemplate(keluaran).build([Spacer(1, 500), *cerita])  # halaman pertama tabel hanya sisa ruang
        return keluaran.getvalue()

    bertahap = tabel_bertahap(kepala, isi, lebar, kolom_angka=[2], penutup=penutup)
    satu_table = Table([*kepala, *isi, *penutup], colWidths=lebar, repeatRows=1, style=TableStyle(bertahap[0].perintah))
    harapan = halaman_teks(pdf([satu_table]))
    assert len(harapan) > 10
    assert halaman_teks(pdf(bertahap)) == harapan


# Tabel utuh: 2 baris kepala (0–1) dan 10 baris isi (2–11, baris 11 = penutup).
# Potongan isi 4…6 = baris utuh 6–8, tercetak sebagai baris 2–4 di bawah kepala.
PERINTAH_POTONGAN = [
    (("GRID", (0, 0), (-1, -1), 0.4), [("GRID", (0, 0), (-1, 4), 0.4)]),
    (("ALIGN", (2, 2), (2, -1), "RIGHT"), [("ALIGN", (2, 2), (2, 4), "RIGHT")]),
    (("FONT", (0, 0), (-1, 1), "Helvetica-Bold"), [("FONT", (0, 0), (-1, 1), "Helvetica-Bold")]),
    (("LINEABOVE", (1, 7), (5, 7), 0.6), [("LINEABOVE", (1, 3), (5, 3), 0.6)]),
    (("LINEABOVE", (1, 7), (5, 5), 0.6), [("LINEABOVE", (1, 2), (5, 3), 0.6)]),  # baris terbalik
    (("BACKGROUND", (0, 11), (-1, -1), "abu"), []),  # penutup tidak di potongan ini
    (("FONT", (0, -1), (-1, -1), "Helvetica-Bold"), []),
    (("BOX", (0, 0), (-1, 3), 0.4), [("BOX", (0, 0), (-1, 1), 0.4)]),  # isi 0–1 tidak di potongan
    (("SPAN", (0, 0), (0, 1)), [("SPAN", (0, 0), (0, 1))]),
]


@pytest.mark.parametrize(("perintah", "harapan"), PERINTAH_POTONGAN)
def test_perintah_gaya_dipindah_ke_potongan_halaman(perintah, harapan):
    assert perintah_potongan([perintah], jumlah_kepala=2, jumlah_isi=10, awal=4, akhir=7) == harapan


def test_perintah_gaya_potongan_terakhir_memuat_penutup():
    perintah = [("BACKGROUND", (0, 11), (-1, -1), "abu"), ("FONT", (0, -1), (-1, -1), "Helvetica-Bold")]
    assert perintah_potongan(perintah, jumlah_kepala=2, jumlah_isi=10, awal=8, akhir=10) == [
        ("BACKGROUND", (0, 3), (-1, 3), "abu"),
        ("FONT", (0, 3), (-1, 3), "Helvetica-Bold"),
    ]


NAMA_OPD = [
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Badan Pengelolaan Keuangan dan Aset Daerah",
    "Dinas Pemberdayaan Masyarakat dan Desa",
    "RSUD M. Natsir",
    "Sekretariat DPRD",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
]


def test_nama_dipatah_seperti_simplesplit_reportlab():
    pembungkus = Pembungkus(font="Helvetica", ukuran=7.5, lebar=80)
    for nama in NAMA_OPD:
        harapan = simpleSplit(nama, "Helvetica", 7.5, 80)
        assert pembungkus(nama).split("\n") == harapan
        assert bungkus(nama, font="Helvetica", ukuran=7.5, lebar=80).split("\n") == harapan
    assert len(simpleSplit(NAMA_OPD[0], "Helvetica", 7.5, 80)) == 2  # memang dipatah


def test_kata_terlalu_panjang_dipatah_per_huruf_dan_baris_yang_muat_apa_adanya():
    pembungkus = Pembungkus(font="Helvetica", ukuran=7.5, lebar=40)
    alamat = "/media/data_dukung/2026/surat_permohonan.pdf"
    baris = pembungkus(f"Berkas {alamat}").split("\n")
    assert baris[0] == "Berkas"
    assert "".join(baris[1:]) == alamat
    assert all(stringWidth(b, "Helvetica", 7.5) <= 40 for b in baris)
    assert pembungkus("a  b") == "a  b"  # muat satu baris: spasi ganda tidak dirapatkan
    assert pembungkus("") == ""


def test_lebar_angka_terlebar_sama_dengan_mengukur_setiap_angka():
    angka = {"7", "1.111", "999", "4.444.444", "3.000.001", "–", "12.345.678", ""}
    for font in ("Helvetica", "Helvetica-Bold"):
        assert _lebar_terlebar(angka, font) == max(stringWidth(t, font, 7.5) for t in angka)
        assert _lebar_terlebar(angka, font) == stringWidth("12.345.678", font, 7.5)


def ribuan(nilai: int) -> str:
    """Ditulis ulang di sini, bukan memakai laporan.exports.teks: 1309880 → `1.309.880`."""
    return f"{nilai:,}".replace(",", ".")
