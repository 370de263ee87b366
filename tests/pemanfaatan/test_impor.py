"""Impor Daftar dari Excel (Langkah 3): templat, pratinjau, simpan semua atau tidak sama sekali, berkas berbahaya."""

import datetime
import gc
import html
import io
import json
import re
import time
import zipfile

import openpyxl
import openpyxl.xml
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models.fields.files import FieldFile
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from simple_history.utils import bulk_create_with_history as bulk_create_asli

from akun.models import Peran
from pemanfaatan.forms import PemanfaatanForm
from pemanfaatan.impor import ImporError, nilai, services
from pemanfaatan.impor.baris import Konteks, PemanfaatanImporForm
from pemanfaatan.impor.berkas import TANDA_OLE2
from pemanfaatan.impor.kolom import KOLOM
from pemanfaatan.models import (
    ImporPemanfaatan,
    JenisOpd,
    JenisPemanfaatan,
    MetodeAkses,
    Opd,
    Pemanfaatan,
    StatusImpor,
    StatusPksPemanfaatan,
)
from pemanfaatan.services import periode_kunci
from tests.conftest import buat_pengguna

pytestmark = pytest.mark.django_db

URL_IMPOR = reverse("pemanfaatan:impor")


# --- pembuat berkas ---------------------------------------------------------------------------


def baris(
    opd="Dinas Kesehatan",
    jenis="Pemanfaatan NIK",
    tahun=2026,
    bulan="April",
    keperluan="Verifikasi peserta JKN",
    metode="Web service",
    pks="",
    jumlah=10,
    keterangan="",
):
    return [opd, jenis, tahun, bulan, keperluan, metode, pks, jumlah, keterangan]


def buat_xlsx(daftar_baris, judul=KOLOM, *, tulis_saja=False) -> bytes:
    buku = openpyxl.Workbook(write_only=tulis_saja)
    lembar = buku.create_sheet("Daftar") if tulis_saja else buku.active
    if not tulis_saja:
        lembar.title = "Daftar"
    lembar.append(list(judul))
    for isi in daftar_baris:
        lembar.append(isi)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def buat_zip(anggota: dict[str, bytes]) -> bytes:
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", compression=zipfile.ZIP_DEFLATED) as arsip:
        for nama, isi in anggota.items():
            arsip.writestr(nama, isi)
    return keluaran.getvalue()


def ganti_anggota(isi_xlsx: bytes, nama: str, ubah) -> bytes:
    """Salin arsip .xlsx dengan satu anggota diubah atau ditambah, untuk membuat berkas yang sengaja menyimpang."""
    with zipfile.ZipFile(io.BytesIO(isi_xlsx)) as asal:
        anggota = {info.filename: asal.read(info) for info in asal.infolist()}
    anggota[nama] = ubah(anggota.get(nama, b""))
    return buat_zip(anggota)


def unggah(client, isi: bytes, nama: str = "daftar.xlsx"):
    return client.post(URL_IMPOR, {"berkas": SimpleUploadedFile(nama, isi)})


def impor_dari(client, daftar_baris) -> ImporPemanfaatan:
    respons = unggah(client, buat_xlsx(daftar_baris))
    assert respons.status_code == 302, respons.context["form"].errors if respons.context else respons
    impor = ImporPemanfaatan.objects.get()
    assert respons.url == reverse("pemanfaatan:impor_pratinjau", args=[impor.pk])
    return impor


def galat_berkas(respons) -> str:
    assert respons.status_code == 200
    return " ".join(respons.context["form"].errors["berkas"])


def pesan(respons) -> str:
    """Semua pesan yang ditampilkan pada halaman tujuan, digabung."""
    return " | ".join(str(m) for m in respons.context["messages"]) if respons.context else ""


def simpan(client, impor):
    return client.post(reverse("pemanfaatan:impor_simpan", args=[impor.pk]), follow=True)


@pytest.fixture
def klien_staf(client, staf):
    client.force_login(staf)
    return client


# --- templat ------------------------------------------------------------------------------------


def test_templat_berisi_kolom_daftar_pilihan_dan_petunjuk(klien_staf, opd, opd_lain):
    Opd.objects.create(kode="9.99", nama="Badan Yang Sudah Dibubarkan", jenis=JenisOpd.BADAN, aktif=False)
    respons = klien_staf.get(reverse("pemanfaatan:impor_templat"))
    assert respons.status_code == 200
    assert respons["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "attachment" in respons["Content-Disposition"]

    buku = openpyxl.load_workbook(io.BytesIO(b"".join(respons.streaming_content)))
    assert buku.sheetnames == ["Daftar", "Petunjuk", "Pilihan"]
    assert buku["Pilihan"].sheet_state == "hidden"
    daftar = buku["Daftar"]
    assert [sel.value for sel in daftar[1]] == list(KOLOM)
    assert daftar.max_row == 1, "templat tidak boleh berisi baris contoh yang ikut terimpor"

    validasi = {str(dv.sqref).split(":")[0]: dv for dv in daftar.data_validations.dataValidation}
    assert {"A2", "B2", "D2", "F2", "C2", "H2"} <= set(validasi)
    for sel, nama in [
        ("A2", "pilihan_opd"),
        ("B2", "pilihan_jenis"),
        ("D2", "pilihan_bulan"),
        ("F2", "pilihan_metode"),
    ]:
        assert validasi[sel].type == "list"
        assert validasi[sel].formula1 == f"={nama}"

    def isi_nama(nama):
        lembar, rentang = next(iter(buku.defined_names[nama].destinations))
        return [sel.value for (sel,) in buku[lembar][rentang.replace("$", "")]]

    assert isi_nama("pilihan_opd") == ["Dinas Kesehatan", "Dinas Sosial"]
    assert isi_nama("pilihan_jenis") == list(JenisPemanfaatan.labels)
    assert isi_nama("pilihan_bulan")[7] == "Agustus"
    assert isi_nama("pilihan_metode") == list(MetodeAkses.labels)
    assert "Jangan menulis NIK" in " ".join(str(sel.value) for kolom in buku["Petunjuk"].iter_rows() for sel in kolom)


def test_nama_opd_berawalan_sama_dengan_tidak_menjadi_rumus_di_templat(klien_staf):
    Opd.objects.create(kode="X", nama='=HYPERLINK("http://contoh")', jenis=JenisOpd.DINAS)
    respons = klien_staf.get(reverse("pemanfaatan:impor_templat"))
    isi = b"".join(respons.streaming_content)
    with zipfile.ZipFile(io.BytesIO(isi)) as arsip:
        lembar_pilihan = [n for n in arsip.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in arsip.read(n) for n in lembar_pilihan)


def test_templat_yang_diisi_dapat_diimpor_kembali(klien_staf, opd):
    templat = b"".join(klien_staf.get(reverse("pemanfaatan:impor_templat")).streaming_content)
    buku = openpyxl.load_workbook(io.BytesIO(templat))
    buku["Daftar"].append(baris())
    keluaran = io.BytesIO()
    buku.save(keluaran)

    respons = unggah(klien_staf, keluaran.getvalue())
    impor = ImporPemanfaatan.objects.get()
    assert respons.status_code == 302
    assert (impor.jumlah_baris, impor.jumlah_sah) == (1, 1)


# --- pembacaan nilai sel -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sel", "harapan"),
    [
        (8, 8), (8.0, 8), ("8", 8), ("08", 8), ("Agustus", 8), ("agustus", 8), ("  AGUSTUS ", 8),
        ("Agu", 8), ("Agt", 8), ("agu.", 8), ("Jan", 1), ("Des", 12), ("Mei", 5), ("Nopember", 11), ("Pebruari", 2),
    ],
)  # fmt: skip
def test_bulan_diterima_sebagai_angka_nama_atau_singkatan(sel, harapan):
    assert nilai.bulan(sel) == harapan


@pytest.mark.parametrize("sel", ["Agustusan", "13", 0, "Q3", datetime.date(2026, 8, 1)])
def test_bulan_keliru_ditolak_dengan_saran(sel):
    with pytest.raises(nilai.NilaiSalah, match="tulis angka 1–12 atau nama bulan"):
        nilai.bulan(sel)


@pytest.mark.parametrize(
    ("sel", "harapan"),
    [(1250, 1250), (1250.0, 1250), ("1250", 1250), ("1.250", 1250), ("1.250.000", 1_250_000), (" 1 250 ", 1250),
     ("1.250,00", 1250), (0, 0), ("0", 0)],
)  # fmt: skip
def test_bilangan_ditulis_dengan_atau_tanpa_pemisah_ribuan(sel, harapan):
    assert nilai.bilangan_bulat(sel) == harapan


@pytest.mark.parametrize(
    ("sel", "alasan"),
    [
        (-5, "negatif"), ("-1.250", "negatif"), (2.5, "'2,5' bukan bilangan bulat"), ("2,5", "bukan bilangan bulat"),
        ("1.25", "bukan bilangan bulat"), ("1,250", "bukan bilangan bulat"), ("banyak", "'banyak' bukan angka"),
        (True, "bukan angka"), (datetime.datetime(2026, 1, 1), "bukan angka"), (float("nan"), "bukan angka"),
    ],
)  # fmt: skip
def test_bilangan_keliru_ditolak_dengan_alasan(sel, alasan):
    with pytest.raises(nilai.NilaiSalah, match=alasan):
        nilai.bilangan_bulat(sel)


def test_kutipan_nilai_panjang_dipotong():
    assert len(nilai.kutip("x" * 5000)) <= nilai.PANJANG_KUTIPAN + 2


def test_isi_sel_yang_berulang_dibaca_sekali_dengan_hasil_yang_sama(opd):
    """Konteks.baca mengingat isi sel per berkas; 1, 1.0 dan True tetap dibedakan, galat tetap galat."""
    konteks = Konteks.muat({2026})
    assert konteks.baca("bulan", 1) == konteks.baca("bulan", 1.0) == 1
    for _ in range(2):
        with pytest.raises(nilai.NilaiSalah, match="'BENAR' bukan nama bulan"):
            konteks.baca("bulan", True)
        with pytest.raises(nilai.NilaiSalah, match="tidak ada di data master OPD"):
            konteks.baca("opd", "Dinas Kesehatn")
    assert konteks.baca("opd", " dinas  kesehatan") == opd.pk
    assert konteks.baca("keperluan", "  Layanan ") == "Layanan"


# --- unggah dan pratinjau -------------------------------------------------------------------------


def test_baris_sah_dipratinjau_tanpa_disimpan(klien_staf, opd, pks):
    impor = impor_dari(klien_staf, [baris(pks=pks.nomor, jumlah="1.250", keperluan="  Verifikasi   peserta JKN")])
    assert impor.status == StatusImpor.PRATINJAU
    assert impor.dibuat_oleh.username == "staf"
    assert (impor.jumlah_baris, impor.jumlah_sah, impor.jumlah_galat, impor.jumlah_duplikat) == (1, 1, 0, 0)
    assert impor.hasil == [
        {
            "baris": 2,
            "status": "sah",
            "nilai": [
                "Dinas Kesehatan", "Pemanfaatan NIK", "2026", "April", "Verifikasi peserta JKN", "Web service",
                pks.nomor, "1.250", "",
            ],
            # Nilai bersih menurut PemanfaatanForm, disimpan di server: inilah yang nanti disimpan ke Daftar.
            "data": {
                "opd": opd.pk, "jenis": "NIK", "tahun": 2026, "bulan": 4, "keperluan": "Verifikasi peserta JKN",
                "metode_akses": "WEB_SERVICE", "pks": pks.pk, "jumlah": 1250, "keterangan": "",
            },
        }
    ]  # fmt: skip
    assert impor.berkas.storage.exists(impor.berkas.name)
    assert impor.berkas.name.startswith("impor/") and "daftar" not in impor.berkas.name
    assert not Pemanfaatan.objects.exists()

    respons = klien_staf.get(reverse("pemanfaatan:impor_pratinjau", args=[impor.pk]))
    isi = respons.content.decode()
    assert respons.status_code == 200
    assert "Simpan 1 baris ke Daftar" in isi
    assert "1 baris diperiksa: 1 siap disimpan, 0 bermasalah, 0 duplikat." in pesan(respons)


def test_opd_jenis_metode_dan_angka_ditulis_beragam_diterima(klien_staf, opd, opd_lain):
    isi = [
        baris(opd="  dinas   KESEHATAN ", jenis="NIK", metode="WEB SERVICE", keperluan="A", jumlah="1.250"),
        baris(opd=opd.kode, jenis="ktp-el", metode="card reader", keperluan="B", jumlah=1250.0),
        baris(opd="DINAS SOSIAL", jenis="Data Kependudukan", metode="Permintaan data tertulis", keperluan="C"),
        baris(opd="Dinas Sosial", jenis="DATA_KEPENDUDUKAN", metode="WEB_PORTAL", keperluan="D", bulan="agt"),
        baris(opd="Dinas Sosial", jenis="Pemanfaatan KTP-el", metode="Web portal", keperluan="E", bulan=12),
    ]
    impor = impor_dari(klien_staf, isi)
    assert impor.jumlah_galat == 0, impor.hasil
    simpan(klien_staf, impor)
    tersimpan = {p.keperluan: p for p in Pemanfaatan.objects.all()}
    assert (tersimpan["A"].opd, tersimpan["A"].jenis, tersimpan["A"].jumlah) == (opd, JenisPemanfaatan.NIK, 1250)
    assert (tersimpan["B"].opd, tersimpan["B"].jenis, tersimpan["B"].metode_akses) == (
        opd,
        JenisPemanfaatan.KTP_EL,
        MetodeAkses.CARD_READER,
    )
    assert tersimpan["C"].opd == opd_lain
    assert tersimpan["C"].metode_akses == MetodeAkses.PERMINTAAN_TERTULIS
    assert (tersimpan["D"].jenis, tersimpan["D"].bulan) == (JenisPemanfaatan.DATA_KEPENDUDUKAN, 8)
    assert tersimpan["E"].bulan == 12


def test_baris_bermasalah_dilaporkan_dengan_nomor_baris_kolom_dan_alasan(klien_staf, opd, opd_lain, pks):
    isi = [
        baris(keperluan="benar"),  # baris 2
        baris(bulan="Agustusan"),  # baris 3
        baris(opd="Dinas Kesehatn", keperluan="x"),  # baris 4
        baris(jumlah="-5", jenis="SIM", keperluan="y"),  # baris 5
        baris(keperluan=""),  # baris 6
        baris(opd="Dinas Sosial", pks=pks.nomor, keperluan="z"),  # baris 7
        baris(pks="999/TIDAK/ADA", keperluan="w"),  # baris 8
        baris(tahun=2014, metode="Faks", keperluan="v"),  # baris 9
    ]
    impor = impor_dari(klien_staf, isi)
    galat = {b["baris"]: b.get("galat", []) for b in impor.hasil}
    assert (impor.jumlah_sah, impor.jumlah_galat) == (1, 7)
    assert galat[2] == []
    assert galat[3] == [["Bulan", "'Agustusan' bukan nama bulan; tulis angka 1–12 atau nama bulan (mis. Agustus)."]]
    assert galat[4][0][0] == "OPD" and "'Dinas Kesehatn' tidak ada di data master OPD" in galat[4][0][1]
    assert {kolom for kolom, _ in galat[5]} == {"Jenis Pemanfaatan", "Jumlah"}
    assert "'SIM' bukan jenis pemanfaatan; pilih salah satu: Pemanfaatan Data Kependudukan" in str(galat[5])
    assert galat[6] == [["Keperluan", "wajib diisi."]]
    assert galat[7] == [["Nomor PKS", f"PKS {pks.nomor} milik Dinas Kesehatan, bukan Dinas Sosial."]]
    assert galat[8][0][0] == "Nomor PKS" and "'999/TIDAK/ADA' tidak terdaftar" in galat[8][0][1]
    assert {kolom for kolom, _ in galat[9]} == {"Tahun", "Metode Akses"}

    respons = klien_staf.get(reverse("pemanfaatan:impor_pratinjau", args=[impor.pk]))
    teks = html.unescape(respons.content.decode())
    assert (
        "Baris 3, kolom Bulan: 'Agustusan' bukan nama bulan; tulis angka 1–12 atau nama bulan (mis. Agustus)." in teks
    )
    assert "7 baris bermasalah; tidak ada yang dapat disimpan." in teks
    assert reverse("pemanfaatan:impor_simpan", args=[impor.pk]) not in teks


@pytest.mark.parametrize(
    "ubah",
    [
        {}, {"tahun": 2014}, {"tahun": "abc"}, {"bulan": 13}, {"jumlah": -1}, {"jumlah": "2,5"}, {"keperluan": ""},
        {"keperluan": "x" * 300}, {"keterangan": "a\x00b"}, {"opd": "nonaktif"}, {"opd": 999_999}, {"pks": "opd_lain"},
        {"jenis": "SIM"}, {"metode_akses": ""},
    ],
)  # fmt: skip
def test_formulir_impor_sama_dengan_formulir_peramban(opd, opd_lain, pks, ubah):
    """Salinan formulir per baris memberi galat yang sama persis dengan PemanfaatanForm yang baru dibuat."""
    nonaktif = Opd.objects.create(kode="9.99", nama="Badan Lama", jenis=JenisOpd.BADAN, aktif=False)
    data = {
        "opd": opd.pk, "jenis": "NIK", "tahun": 2026, "bulan": 4, "keperluan": "Layanan", "metode_akses": "WEB_SERVICE",
        "pks": pks.pk, "jumlah": 5, "keterangan": "",
    }  # fmt: skip
    data.update(ubah)
    if data["opd"] == "nonaktif":
        data["opd"] = nonaktif.pk
    if data["pks"] == "opd_lain":
        data["opd"] = opd_lain.pk
    contoh = PemanfaatanImporForm()
    # Baris sebelumnya yang bergalat tidak boleh membekas pada baris berikutnya.
    assert not contoh.untuk_baris({"tahun": "x"}).is_valid()
    form_impor = contoh.untuk_baris(data)
    form_peramban = PemanfaatanForm(data)
    assert form_impor.errors.get_json_data() == form_peramban.errors.get_json_data()
    if form_peramban.is_valid():
        assert form_impor.cleaned_data == form_peramban.cleaned_data
        assert form_impor.instance is not contoh.instance


def test_satu_formulir_contoh_untuk_banyak_baris_sama_dengan_formulir_peramban(opd, opd_lain, pks):
    """Nilai yang sudah lolos tidak diperiksa lagi di baris berikutnya; hasil setiap baris tetap sama persis."""
    Opd.objects.create(kode="9.99", nama="Badan Lama", jenis=JenisOpd.BADAN, aktif=False)
    nonaktif = Opd.objects.get(kode="9.99").pk
    sah = {
        "opd": opd.pk, "jenis": "NIK", "tahun": 2026, "bulan": 4, "keperluan": "Layanan", "metode_akses": "WEB_SERVICE",
        "pks": pks.pk, "jumlah": 5, "keterangan": "",
    }  # fmt: skip
    ubahan = [
        {}, {"tahun": 2014}, {"tahun": "2026"}, {"tahun": 2026.0}, {"tahun": True}, {"bulan": 13}, {"bulan": "4"},
        {"jumlah": -1}, {"jumlah": 2**40}, {"jumlah": 1}, {"jumlah": True}, {"keperluan": ""}, {"keperluan": "x" * 300},
        {"keperluan": "  Layanan   "}, {"opd": nonaktif}, {"opd": opd_lain.pk}, {"pks": ""}, {"jenis": "SIM"},
        {"metode_akses": ""}, {"keterangan": "a\x00b"}, {},
    ]  # fmt: skip
    contoh = PemanfaatanImporForm()
    for ubah in ubahan + ubahan[::-1]:
        data = {**sah, **ubah}
        form_impor, form_peramban = contoh.untuk_baris(data), PemanfaatanForm(data)
        assert form_impor.errors.get_json_data() == form_peramban.errors.get_json_data(), ubah
        if form_peramban.is_valid():
            assert form_impor.cleaned_data == form_peramban.cleaned_data, ubah
            assert [getattr(form_impor.instance, f.attname) for f in Pemanfaatan._meta.fields] == [
                getattr(form_peramban.instance, f.attname) for f in Pemanfaatan._meta.fields
            ], ubah


def test_formulir_impor_membaca_isian_seperti_widget():
    """PemanfaatanImporForm membaca isian dengan data.get(nama), tanpa BoundField: widget peramban harus sama."""
    data = {"opd": 1, "jenis": "NIK", "tahun": 2026, "bulan": 4, "keperluan": "a", "jumlah": 5}
    for nama, bidang in PemanfaatanForm().fields.items():
        assert not bidang.disabled, nama
        assert bidang.widget.value_from_datadict(data, {}, nama) == data.get(nama), nama


def test_galat_tahun_sama_dengan_formulir_peramban(klien_staf, opd):
    """Satu aturan: pesan dari impor adalah pesan PemanfaatanForm."""
    impor = impor_dari(klien_staf, [baris(tahun=2014)])
    form = PemanfaatanForm(
        {"opd": opd.pk, "jenis": "NIK", "tahun": 2014, "bulan": 4, "keperluan": "a", "metode_akses": "WEB_SERVICE",
         "jumlah": 1}
    )  # fmt: skip
    assert impor.hasil[0]["galat"] == [["Tahun", " ".join(form.errors["tahun"])]]


def test_angka_raksasa_menjadi_galat_baris_bukan_galat_server(klien_staf, opd):
    impor = impor_dari(
        klien_staf,
        [baris(tahun=10**20, keperluan="a"), baris(bulan=10**30, keperluan="b"), baris(jumlah="9" * 40, keperluan="c")],
    )
    assert [kolom for b in impor.hasil for kolom, _ in b["galat"]] == ["Tahun", "Bulan", "Jumlah"]


def test_opd_tidak_aktif_ditolak(klien_staf, opd):
    opd.aktif = False
    opd.save()
    impor = impor_dari(klien_staf, [baris()])
    assert impor.hasil[0]["galat"] == [
        ["OPD", "OPD ini sudah tidak aktif sehingga tidak dapat dipilih; tanyakan Kasi KIP."]
    ]


def test_baris_kosong_dilewati_dan_nomor_baris_excel_tetap(klien_staf, opd):
    impor = impor_dari(klien_staf, [baris(keperluan="a"), [None] * 9, ["", "  ", None], baris(bulan="Mbulan")])
    assert impor.jumlah_baris == 2
    assert [b["baris"] for b in impor.hasil] == [2, 5]
    assert impor.hasil[1]["galat"][0][0] == "Bulan"


def test_urutan_kolom_boleh_berbeda_dan_kolom_lain_diabaikan(klien_staf, opd):
    judul = ["Catatan internal", *reversed(KOLOM)]
    respons = unggah(klien_staf, buat_xlsx([["abaikan", *reversed(baris())]], judul=judul))
    assert respons.status_code == 302
    impor = ImporPemanfaatan.objects.get()
    assert impor.jumlah_sah == 1


# --- duplikat -----------------------------------------------------------------------------------


def test_duplikat_data_yang_ada_dan_baris_sebelumnya_dilaporkan_lalu_dilewati(klien_staf, staf, opd, pemanfaatan):
    isi = [
        baris(bulan="Maret", keperluan="  verifikasi   PESERTA jkn "),  # sama dengan fixture pemanfaatan
        baris(bulan="April", keperluan="Layanan A"),
        baris(bulan="4", keperluan="layanan a", jumlah=99),  # sama dengan baris 3
        baris(bulan="April", keperluan="Layanan B"),
    ]
    impor = impor_dari(klien_staf, isi)
    hasil = {b["baris"]: b for b in impor.hasil}
    assert (impor.jumlah_sah, impor.jumlah_duplikat, impor.jumlah_galat) == (2, 2, 0)
    assert hasil[2]["status"] == "duplikat" and hasil[2]["duplikat_pk"] == pemanfaatan.pk
    assert "galat" not in hasil[2], "duplikat tidak boleh dilaporkan sebagai galat keunikan formulir"
    assert hasil[4]["status"] == "duplikat" and hasil[4]["duplikat_baris"] == 3

    teks = klien_staf.get(reverse("pemanfaatan:impor_pratinjau", args=[impor.pk])).content.decode()
    assert "Sama dengan baris 3 di berkas ini; dilewati." in teks
    assert reverse("pemanfaatan:pemanfaatan_detail", args=[pemanfaatan.pk]) in teks
    assert "sudah ada; ubah data yang ada" not in teks

    respons = simpan(klien_staf, impor)
    assert "2 baris dari daftar.xlsx disimpan ke Daftar Pemanfaatan." in pesan(respons)
    assert Pemanfaatan.objects.count() == 3
    assert Pemanfaatan.objects.get(keperluan="Layanan A").jumlah == 10
    pemanfaatan.refresh_from_db()
    assert pemanfaatan.jumlah == 1250


def test_semua_baris_duplikat_tidak_ada_yang_disimpan(klien_staf, opd, pemanfaatan):
    impor = impor_dari(klien_staf, [baris(bulan=3)])
    respons = simpan(klien_staf, impor)
    assert "tidak ada baris baru" in pesan(respons)
    assert Pemanfaatan.objects.count() == 1


def test_model_tidak_punya_batasan_yang_tidak_diperiksa_impor():
    """Impor memeriksa batasan ini tanpa kueri per baris; batasan baru harus ditangani impor juga."""
    assert {c.name for c in Pemanfaatan._meta.constraints} == {
        "pemanfaatan_jumlah_tidak_negatif",
        "pemanfaatan_bulan_sah",
        "pemanfaatan_tahun_sah",
        "pemanfaatan_unik_per_bulan",
    }
    # PemanfaatanImporForm.validate_unique tidak memeriksa apa pun: hanya aman selama ini kosong.
    assert [f.name for f in Pemanfaatan._meta.fields if f.unique] == ["id"]
    assert not Pemanfaatan._meta.unique_together


# --- simpan: semua atau tidak sama sekali ------------------------------------------------------


def test_simpan_menyimpan_semua_baris_dengan_riwayat_pengimpor(klien_staf, staf, opd, pks):
    impor = impor_dari(klien_staf, [baris(keperluan=f"Layanan {i}", pks=pks.nomor) for i in range(3)])
    respons = simpan(klien_staf, impor)
    assert respons.redirect_chain[-1][0] == reverse("pemanfaatan:daftar")
    impor.refresh_from_db()
    assert (impor.status, impor.jumlah_disimpan) == (StatusImpor.DISIMPAN, 3)
    assert impor.selesai_pada is not None
    for pemanfaatan in Pemanfaatan.objects.all():
        assert (pemanfaatan.created_by, pemanfaatan.updated_by, pemanfaatan.pks) == (staf, staf, pks)
        catatan = pemanfaatan.history.get()
        assert (catatan.history_type, catatan.history_user) == ("+", staf)
        assert catatan.history_change_reason == f"Impor Excel {impor.pk}"
    assert Pemanfaatan.history.values("history_date").distinct().count() == 1, "satu impor, satu waktu riwayat"

    respons = simpan(klien_staf, impor)
    assert "sudah berstatus disimpan" in pesan(respons)
    assert Pemanfaatan.objects.count() == 3


def test_simpan_memakai_nilai_pratinjau_tanpa_membuka_berkas_lagi(klien_staf, opd, pks, monkeypatch):
    """Berkas dibaca sekali saat unggah; saat simpan nilai pratinjau yang dipakai, berkasnya tetap ada sebagai bukti."""
    isi = buat_xlsx(
        [baris(keperluan="Layanan A", pks=pks.nomor, jumlah="1.250"), baris(keperluan="Layanan B", jenis="KTP-el")]
    )
    assert unggah(klien_staf, isi).status_code == 302
    impor = ImporPemanfaatan.objects.get()

    def jangan_dibaca(*args, **kwargs):
        raise AssertionError("berkas impor dibaca lagi saat menyimpan")

    monkeypatch.setattr(openpyxl, "load_workbook", jangan_dibaca)
    monkeypatch.setattr(FieldFile, "open", jangan_dibaca)
    respons = simpan(klien_staf, impor)
    monkeypatch.undo()

    assert "2 baris dari daftar.xlsx disimpan ke Daftar Pemanfaatan." in pesan(respons)
    assert sorted(Pemanfaatan.objects.values_list("keperluan", "jenis", "pks", "jumlah")) == [
        ("Layanan A", JenisPemanfaatan.NIK, pks.pk, 1250),
        ("Layanan B", JenisPemanfaatan.KTP_EL, None, 10),
    ]
    impor.refresh_from_db()
    with impor.berkas.open("rb") as berkas:
        assert berkas.read() == isi


def test_isian_permintaan_simpan_tidak_mengubah_atau_menambah_baris(klien_staf, opd, opd_lain):
    """Yang disimpan hanya nilai pratinjau di server; isian POST apa pun diabaikan."""
    impor = impor_dari(klien_staf, [baris(keperluan="Layanan A")])
    sisipan = {**impor.hasil[0], "baris": 3, "data": {**impor.hasil[0]["data"], "keperluan": "Sisipan"}}
    palsu = {
        "hasil": json.dumps([impor.hasil[0], sisipan]),
        "data": json.dumps(sisipan["data"]),
        "opd": opd_lain.pk,
        "keperluan": "Sisipan",
        "jumlah": 999_999,
        "jumlah_sah": 2,
    }
    respons = klien_staf.post(reverse("pemanfaatan:impor_simpan", args=[impor.pk]), palsu, follow=True)
    assert "1 baris dari daftar.xlsx disimpan" in pesan(respons)
    assert list(Pemanfaatan.objects.values_list("opd", "keperluan", "jumlah")) == [(opd.pk, "Layanan A", 10)]


def test_nilai_pratinjau_diperiksa_lagi_dengan_formulir_saat_simpan(klien_staf, opd, opd_lain, pks):
    """Nilai tersimpan tetap melewati PemanfaatanForm: nilai yang diubah di server tidak lolos begitu saja."""
    impor = impor_dari(klien_staf, [baris(keperluan="a"), baris(keperluan="b"), baris(keperluan="c")])
    hasil = impor.hasil
    hasil[0]["data"].update(opd=opd_lain.pk, pks=pks.pk)
    hasil[1]["data"]["tahun"] = 2014
    impor.save()

    respons = simpan(klien_staf, impor)
    assert "Tidak ada yang disimpan: 2 baris bermasalah." in pesan(respons)
    assert not Pemanfaatan.objects.exists()
    impor.refresh_from_db()
    galat = {b["baris"]: b.get("galat") for b in impor.hasil}
    assert galat[2] == [["Nomor PKS", f"PKS {pks.nomor} milik Dinas Kesehatan, bukan Dinas Sosial."]]
    assert galat[3][0][0] == "Tahun"
    assert galat[4] is None


def test_baris_bermasalah_menghalangi_simpan(klien_staf, opd):
    impor = impor_dari(klien_staf, [baris(keperluan="a"), baris(bulan="Agustusan", keperluan="b")])
    respons = simpan(klien_staf, impor)
    assert "Tidak ada yang disimpan: 1 baris bermasalah." in pesan(respons)
    assert not Pemanfaatan.objects.exists()
    impor.refresh_from_db()
    assert impor.status == StatusImpor.PRATINJAU


def test_data_berubah_sejak_pratinjau_tidak_ada_yang_disimpan(klien_staf, opd, opd_lain):
    impor = impor_dari(klien_staf, [baris(opd="Dinas Sosial", keperluan="a"), baris(keperluan="b")])
    assert impor.jumlah_sah == 2
    opd_lain.aktif = False
    opd_lain.save()

    respons = simpan(klien_staf, impor)
    assert "1 baris bermasalah" in pesan(respons)
    assert respons.redirect_chain[-1][0] == reverse("pemanfaatan:impor_pratinjau", args=[impor.pk])
    assert not Pemanfaatan.objects.exists()
    impor.refresh_from_db()
    assert (impor.status, impor.jumlah_sah, impor.jumlah_galat) == (StatusImpor.PRATINJAU, 1, 1)
    assert impor.hasil[0]["galat"] == [
        ["OPD", "OPD ini sudah tidak aktif sehingga tidak dapat dipilih; tanyakan Kasi KIP."]
    ]

    # Kasi KIP mengaktifkan OPD itu lagi: barisnya sah kembali, tetapi Staf harus melihat pratinjaunya dulu.
    opd_lain.aktif = True
    opd_lain.save()
    assert "data di aplikasi berubah sejak pratinjau dibuat" in pesan(simpan(klien_staf, impor))
    assert not Pemanfaatan.objects.exists()
    simpan(klien_staf, impor)
    assert Pemanfaatan.objects.count() == 2


def test_pks_dipindah_ke_opd_lain_sejak_pratinjau_tidak_ada_yang_disimpan(klien_staf, opd, opd_lain, pks):
    impor = impor_dari(
        klien_staf,
        [
            baris(keperluan="a", pks=pks.nomor),
            baris(keperluan="b"),
            baris(keperluan="c", pks=pks.nomor, jenis="Data Kependudukan"),
        ],
    )
    assert impor.jumlah_sah == 3
    pks.opd = opd_lain
    pks.save()

    respons = simpan(klien_staf, impor)
    assert "Tidak ada yang disimpan: 2 baris bermasalah." in pesan(respons)
    assert not Pemanfaatan.objects.exists()
    impor.refresh_from_db()
    pesan_pks = [["Nomor PKS", f"PKS {pks.nomor} milik Dinas Sosial, bukan Dinas Kesehatan."]]
    assert [b.get("galat") for b in impor.hasil] == [pesan_pks, None, pesan_pks]


def test_pks_dihapus_sejak_pratinjau_tidak_ada_yang_disimpan(klien_staf, opd, pks):
    impor = impor_dari(klien_staf, [baris(keperluan="a", pks=pks.nomor), baris(keperluan="b")])
    pks.delete()

    respons = simpan(klien_staf, impor)
    assert "Tidak ada yang disimpan: 1 baris bermasalah." in pesan(respons)
    assert not Pemanfaatan.objects.exists()
    impor.refresh_from_db()
    assert impor.hasil[0]["galat"] == [
        [
            "Nomor PKS",
            "PKS ini sudah tidak terdaftar; kosongkan bila belum ada PKS, "
            "atau minta Kasi KIP mencatat PKS itu lebih dulu.",
        ]
    ]


def test_bulan_dikunci_sejak_pratinjau_tidak_ada_yang_disimpan(klien_staf, opd):
    impor = impor_dari(klien_staf, [baris(keperluan="a", bulan="April"), baris(keperluan="b", bulan="Maret")])
    periode_kunci(pemilik="laporan-uji", keterangan="Laporan Triwulan I 2026", tahun=2026, bulan_awal=1, bulan_akhir=3)

    respons = simpan(klien_staf, impor)
    assert "Tidak ada yang disimpan. Daftar bulan Maret 2026 terkunci" in pesan(respons)
    assert not Pemanfaatan.objects.exists()
    assert not Pemanfaatan.history.exists()
    impor.refresh_from_db()
    assert (impor.status, impor.jumlah_sah, impor.jumlah_disimpan) == (StatusImpor.PRATINJAU, 2, 0)


def test_temuan_pks_diperbarui_saat_simpan(klien_staf, opd, pks):
    """Temuan PKS bukan galat: baris tetap disimpan, dan pratinjau mencatat temuan menurut data saat simpan."""
    impor = impor_dari(klien_staf, [baris(pks=pks.nomor, bulan="April"), baris(pks=pks.nomor, bulan="Maret")])
    assert [b.get("catatan") for b in impor.hasil] == [None, None]
    pks.berlaku_sampai = datetime.date(2026, 3, 31)
    pks.save()

    simpan(klien_staf, impor)
    assert set(Pemanfaatan.objects.values_list("bulan", "pks")) == {(4, pks.pk), (3, pks.pk)}
    impor.refresh_from_db()
    assert impor.status == StatusImpor.DISIMPAN
    assert [b.get("catatan") for b in impor.hasil] == [StatusPksPemanfaatan.TIDAK_BERLAKU.label, None]


def test_pratinjau_versi_lama_tanpa_nilai_bersih_tidak_disimpan(klien_staf, opd):
    impor = impor_dari(klien_staf, [baris()])
    impor.hasil = [{nama: isi for nama, isi in b.items() if nama != "data"} for b in impor.hasil]
    impor.save()

    respons = simpan(klien_staf, impor)
    assert "pratinjau ini dibuat oleh versi aplikasi sebelumnya" in pesan(respons)
    assert not Pemanfaatan.objects.exists()


def test_simpan_tanpa_kueri_per_baris(klien_staf, staf, opd, pks):
    """Pemeriksaan ulang memakai data master yang dimuat sekali: 5 baris dan 60 baris, kueri sama banyak."""

    def kueri_simpan(banyak: int) -> int:
        isi = [baris(keperluan=f"Layanan {banyak}-{i}", pks=pks.nomor if i % 2 else "") for i in range(banyak)]
        impor = services.impor_unggah(user=staf, berkas=SimpleUploadedFile("daftar.xlsx", buat_xlsx(isi)))
        with CaptureQueriesContext(connection) as kueri:
            assert services.impor_simpan(impor=impor, user=staf) == banyak
        return len(kueri)

    assert kueri_simpan(5) == kueri_simpan(60)


def test_duplikat_yang_dihapus_sejak_pratinjau_minta_konfirmasi_ulang(klien_staf, opd, pemanfaatan):
    impor = impor_dari(klien_staf, [baris(bulan="Maret", keperluan="Verifikasi peserta JKN"), baris(keperluan="b")])
    assert (impor.jumlah_sah, impor.jumlah_duplikat) == (1, 1)
    pemanfaatan.delete()

    respons = simpan(klien_staf, impor)
    assert "data di aplikasi berubah sejak pratinjau dibuat" in pesan(respons)
    assert not Pemanfaatan.objects.exists()
    impor.refresh_from_db()
    assert (impor.jumlah_sah, impor.jumlah_duplikat) == (2, 0)

    simpan(klien_staf, impor)
    assert Pemanfaatan.objects.count() == 2


def test_duplikat_baru_sejak_pratinjau_minta_konfirmasi_ulang(klien_staf, staf, opd):
    impor = impor_dari(klien_staf, [baris(keperluan="a"), baris(keperluan="b")])
    Pemanfaatan.objects.create(
        opd=opd, jenis="NIK", tahun=2026, bulan=4, keperluan="A", metode_akses="WEB_SERVICE", jumlah=1,
        created_by=staf, updated_by=staf,
    )  # fmt: skip

    respons = simpan(klien_staf, impor)
    assert "data di aplikasi berubah sejak pratinjau dibuat" in pesan(respons)
    assert Pemanfaatan.objects.count() == 1
    impor.refresh_from_db()
    assert (impor.jumlah_sah, impor.jumlah_duplikat) == (1, 1)

    simpan(klien_staf, impor)
    assert Pemanfaatan.objects.count() == 2


def test_penolakan_basis_data_di_tengah_simpan_membatalkan_semua(klien_staf, staf, opd, monkeypatch):
    """Baris pertama sudah masuk ketika baris terakhir ditolak basis data: semuanya harus batal."""
    impor = impor_dari(klien_staf, [baris(keperluan=f"Layanan {i}") for i in range(5)])

    def sela_lalu_simpan(objek, model, **kwargs):
        # Orang lain menyimpan baris yang sama dengan baris terakhir, tepat sebelum impor menulis.
        terakhir = objek[-1]
        Pemanfaatan.objects.create(
            opd=terakhir.opd, jenis=terakhir.jenis, tahun=terakhir.tahun, bulan=terakhir.bulan,
            keperluan=terakhir.keperluan, metode_akses=terakhir.metode_akses, jumlah=1,
            created_by=staf, updated_by=staf,
        )  # fmt: skip
        return bulk_create_asli(objek, model, **kwargs)

    monkeypatch.setattr(services, "UKURAN_KELOMPOK", 1)
    monkeypatch.setattr(services, "bulk_create_with_history", sela_lalu_simpan)
    respons = simpan(klien_staf, impor)
    assert "basis data menolak salah satu baris" in pesan(respons)
    assert not Pemanfaatan.objects.exists()
    assert not Pemanfaatan.history.exists()
    impor.refresh_from_db()
    assert impor.status == StatusImpor.PRATINJAU


def test_batal_menghapus_berkas_dan_tidak_menyimpan(klien_staf, opd, django_capture_on_commit_callbacks):
    impor = impor_dari(klien_staf, [baris()])
    nama, storage = impor.berkas.name, impor.berkas.storage
    with django_capture_on_commit_callbacks(execute=True):
        respons = klien_staf.post(reverse("pemanfaatan:impor_batal", args=[impor.pk]))
    assert respons.url == URL_IMPOR
    impor.refresh_from_db()
    assert impor.status == StatusImpor.DIBATALKAN
    assert not storage.exists(nama)
    respons = simpan(klien_staf, impor)
    assert "sudah berstatus dibatalkan" in pesan(respons)
    assert not Pemanfaatan.objects.exists()


def test_pratinjau_yang_terbengkalai_dibatalkan_perintah_bersihkan_impor(
    klien_staf, staf, opd, django_capture_on_commit_callbacks
):
    """Pratinjau yang tidak dikonfirmasi lebih dari 7 hari dibatalkan dan berkasnya dihapus; yang baru dan yang
    sudah disimpan (berkasnya bukti) tidak tersentuh."""
    for keperluan in ("Lama disimpan", "Lama terbengkalai", "Baru"):
        assert unggah(klien_staf, buat_xlsx([baris(keperluan=keperluan)])).status_code == 302
    impor = {i.hasil[0]["data"]["keperluan"]: i for i in ImporPemanfaatan.objects.all()}
    services.impor_simpan(impor=impor["Lama disimpan"], user=staf)
    delapan_hari_lalu = timezone.now() - datetime.timedelta(days=8)
    lama = [impor["Lama disimpan"].pk, impor["Lama terbengkalai"].pk]
    ImporPemanfaatan.objects.filter(pk__in=lama).update(diperiksa_pada=delapan_hari_lalu)
    berkas = {k: (i.berkas.storage, i.berkas.name) for k, i in impor.items()}

    keluaran = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("bersihkan_impor", stdout=keluaran)
    assert "1 pratinjau impor yang lebih tua dari 7 hari dibatalkan" in keluaran.getvalue()
    status = {k: ImporPemanfaatan.objects.get(pk=i.pk).status for k, i in impor.items()}
    assert status == {
        "Lama disimpan": StatusImpor.DISIMPAN,
        "Lama terbengkalai": StatusImpor.DIBATALKAN,
        "Baru": StatusImpor.PRATINJAU,
    }
    assert {k: penyimpanan.exists(nama) for k, (penyimpanan, nama) in berkas.items()} == {
        "Lama disimpan": True,
        "Lama terbengkalai": False,
        "Baru": True,
    }
    with pytest.raises(CommandError, match="sedikitnya 1"):
        call_command("bersihkan_impor", hari=0)


def test_pratinjau_besar_dipaginasi_dan_disaring(klien_staf, opd):
    isi = [baris(keperluan=f"Layanan {i}", bulan="Agustusan" if i % 50 == 0 else 4) for i in range(250)]
    impor = impor_dari(klien_staf, isi)
    url = reverse("pemanfaatan:impor_pratinjau", args=[impor.pk])
    assert (impor.jumlah_sah, impor.jumlah_galat) == (245, 5)

    respons = klien_staf.get(url, {"halaman": 3})
    assert respons.context["page_obj"].paginator.num_pages == 3
    assert [b["baris"] for b in respons.context["baris"]] == list(range(202, 252))

    respons = klien_staf.get(url, {"status": "galat"})
    assert [b["baris"] for b in respons.context["baris"]] == [2, 52, 102, 152, 202]


# --- berkas yang ditolak seluruhnya ------------------------------------------------------------


def test_batas_bawaan_di_pengaturan_produksi():
    from sop_kinerja import settings as pengaturan

    assert pengaturan.IMPOR_MAKS_BYTE == 5 * 1024 * 1024
    assert pengaturan.IMPOR_MAKS_BARIS == 50_000


def test_openpyxl_memakai_defusedxml():
    assert openpyxl.xml.DEFUSEDXML is True


def tolak(client, isi: bytes, nama: str = "daftar.xlsx") -> str:
    """Unggah yang harus ditolak: pesan galatnya, dan dipastikan tidak ada yang tersimpan."""
    teks = galat_berkas(unggah(client, isi, nama))
    assert not ImporPemanfaatan.objects.exists()
    assert not Pemanfaatan.objects.exists()
    return teks


def test_tanpa_berkas_ditolak(klien_staf):
    respons = klien_staf.post(URL_IMPOR, {})
    assert respons.status_code == 200
    assert respons.context["form"].errors["berkas"]


def test_csv_ditolak(klien_staf, opd):
    csv = ";".join(KOLOM).encode() + b"\nDinas Kesehatan;NIK;2026;4;a;Web service;;1;\n"
    assert "bukan berkas Excel .xlsx" in tolak(klien_staf, csv, "daftar.csv")


def test_pdf_yang_diganti_namanya_ditolak(klien_staf):
    assert "bukan berkas Excel .xlsx" in tolak(klien_staf, b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n")


def test_zip_yang_bukan_buku_kerja_ditolak(klien_staf):
    assert "bukan buku kerja Excel" in tolak(klien_staf, buat_zip({"word/document.xml": b"<w/>"}))


def test_berkas_terenkripsi_ditolak(klien_staf):
    # Excel menyimpan buku kerja berkata sandi sebagai berkas OLE2 (CFB), bukan ZIP.
    assert "terkunci kata sandi" in tolak(klien_staf, TANDA_OLE2 + bytes(4096))


def test_berkas_terpotong_ditolak(klien_staf, opd):
    isi = buat_xlsx([baris()])
    assert "rusak atau tidak lengkap" in tolak(klien_staf, isi[: len(isi) // 2])


def test_xml_rusak_di_dalam_zip_ditolak(klien_staf, opd):
    isi = ganti_anggota(buat_xlsx([baris()]), "xl/workbook.xml", lambda _: b"<workbook><sheets>")
    assert "rusak atau tidak dapat dibaca" in tolak(klien_staf, isi)


def test_entitas_xml_berbahaya_ditolak_tanpa_diurai(klien_staf, opd):
    bom = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    isi = ganti_anggota(
        buat_xlsx([baris()]),
        "xl/worksheets/sheet1.xml",
        lambda asli: bom + asli.replace(b"<sheetData>", b"<sheetData>&lol2;"),
    )
    assert "rusak atau tidak dapat dibaca" in tolak(klien_staf, isi)


def test_berkas_lebih_dari_5_mb_ditolak(klien_staf):
    assert "Berkas terlalu besar (5,0\xa0MB); batasnya 5,0\xa0MB" in tolak(
        klien_staf, b"PK\x03\x04" + bytes(5 * 1024 * 1024)
    )


def test_berkas_di_atas_batas_yang_diatur_ditolak(klien_staf, opd, settings):
    isi = buat_xlsx([baris()])
    settings.IMPOR_MAKS_BYTE = len(isi) - 1
    assert "Berkas terlalu besar" in tolak(klien_staf, isi)
    settings.IMPOR_MAKS_BYTE = len(isi)
    assert unggah(klien_staf, isi).status_code == 302


def test_judul_kolom_yang_hilang_disebutkan(klien_staf, opd):
    judul = [k for k in KOLOM if k not in ("Bulan", "Jumlah")]
    teks = tolak(klien_staf, buat_xlsx([["x"] * len(judul)], judul=judul))
    assert "kolom yang tidak ada: Bulan, Jumlah" in teks


def test_lembar_tanpa_baris_data_ditolak(klien_staf):
    assert "tidak berisi baris data" in tolak(klien_staf, buat_xlsx([]))


def test_baris_melebihi_batas_ditolak(klien_staf, opd, settings):
    settings.IMPOR_MAKS_BARIS = 20
    isi = [baris(keperluan=f"Layanan {i}") for i in range(21)]
    assert "lebih dari 20 baris data (berhenti membaca di baris 22)" in tolak(klien_staf, buat_xlsx(isi))
    assert unggah(klien_staf, buat_xlsx(isi[:20])).status_code == 302


def test_terlalu_banyak_anggota_zip_ditolak(klien_staf, opd):
    with zipfile.ZipFile(io.BytesIO(buat_xlsx([baris()]))) as asal:
        anggota = {info.filename: asal.read(info) for info in asal.infolist()}
    anggota.update({f"xl/media/gambar{i}.png": b"x" for i in range(250)})
    assert "berisi 2" in tolak(klien_staf, buat_zip(anggota))


def test_bom_zip_dengan_rasio_mampat_tinggi_ditolak(klien_staf, opd):
    nol = bytes(20 * 1024 * 1024)  # 20 MB nol → beberapa puluh KB setelah dimampatkan
    isi = ganti_anggota(buat_xlsx([baris()]), "xl/media/image1.png", lambda _: nol)
    assert len(isi) < 200 * 1024
    assert "mampat" in tolak(klien_staf, isi)


def test_isi_terurai_lebih_dari_100_mb_ditolak(klien_staf, opd):
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as arsip:
        arsip.writestr("xl/workbook.xml", b"<workbook/>")
        arsip.writestr("xl/worksheets/sheet1.xml", bytes(101 * 1024 * 1024))
    assert "setelah diurai" in tolak(klien_staf, keluaran.getvalue())


def test_tag_dimensi_yang_berbohong_tidak_memotong_baris(klien_staf, opd):
    isi = buat_xlsx([baris(keperluan=f"Layanan {i}") for i in range(300)])
    isi = ganti_anggota(
        isi,
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(rb"<dimension ref=\"[^\"]*\" ?/>", b'<dimension ref="A1:I2"/>', xml),
    )
    with zipfile.ZipFile(io.BytesIO(isi)) as arsip:
        assert b'<dimension ref="A1:I2"/>' in arsip.read("xl/worksheets/sheet1.xml")
    respons = unggah(klien_staf, isi)
    assert respons.status_code == 302
    impor = ImporPemanfaatan.objects.get()
    assert impor.jumlah_baris == impor.jumlah_sah == 300
    assert impor.hasil[-1]["baris"] == 301


def test_nomor_baris_palsu_yang_sangat_besar_tidak_membuat_pembacaan_tak_berujung(klien_staf, opd):
    isi = ganti_anggota(
        buat_xlsx([baris(), baris(keperluan="b")]),
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b'<row r="3"', b'<row r="99999999999"').replace(b'r="A3"', b'r="A99999999999"'),
    )
    mulai = time.perf_counter()
    assert "di luar batas Excel" in tolak(klien_staf, isi)
    assert time.perf_counter() - mulai < 10


# --- izin ----------------------------------------------------------------------------------------


@pytest.fixture
def impor_staf(staf, opd):
    return ImporPemanfaatan.objects.create(nama_asli="daftar.xlsx", dibuat_oleh=staf, hasil=[])


@pytest.mark.parametrize("peran", ["kabid", "sekretariat", "tanpa_peran"])
def test_peran_tanpa_izin_tambah_mendapat_403(client, request, peran, impor_staf):
    client.force_login(request.getfixturevalue(peran))
    assert client.get(URL_IMPOR).status_code == 403
    assert client.post(URL_IMPOR, {"berkas": SimpleUploadedFile("a.xlsx", buat_xlsx([baris()]))}).status_code == 403
    assert client.get(reverse("pemanfaatan:impor_templat")).status_code == 403
    assert client.get(reverse("pemanfaatan:impor_pratinjau", args=[impor_staf.pk])).status_code == 403
    assert client.post(reverse("pemanfaatan:impor_simpan", args=[impor_staf.pk])).status_code == 403
    assert client.post(reverse("pemanfaatan:impor_batal", args=[impor_staf.pk])).status_code == 403
    assert not ImporPemanfaatan.objects.exclude(pk=impor_staf.pk).exists()


def test_tamu_dialihkan_ke_halaman_masuk(client, impor_staf):
    for url in [URL_IMPOR, reverse("pemanfaatan:impor_pratinjau", args=[impor_staf.pk])]:
        assert client.get(url).url.startswith(reverse("login"))


@pytest.mark.parametrize("peran", [Peran.STAF, Peran.KASI_KIP])
def test_pratinjau_milik_staf_lain_tidak_terlihat(client, peran, impor_staf):
    client.force_login(buat_pengguna("rekan", peran))
    assert client.get(URL_IMPOR).status_code == 200
    assert client.get(reverse("pemanfaatan:impor_pratinjau", args=[impor_staf.pk])).status_code == 404
    assert client.post(reverse("pemanfaatan:impor_simpan", args=[impor_staf.pk])).status_code == 404
    assert client.post(reverse("pemanfaatan:impor_batal", args=[impor_staf.pk])).status_code == 404
    impor_staf.refresh_from_db()
    assert impor_staf.status == StatusImpor.PRATINJAU


def test_simpan_dan_batal_hanya_lewat_post(klien_staf, impor_staf):
    assert klien_staf.get(reverse("pemanfaatan:impor_simpan", args=[impor_staf.pk])).status_code == 405
    assert klien_staf.get(reverse("pemanfaatan:impor_batal", args=[impor_staf.pk])).status_code == 405


# --- volume -------------------------------------------------------------------------------------


def test_sepuluh_ribu_baris_dalam_satu_permintaan(klien_staf, staf, opd, opd_lain, pks):
    nama_opd = ["Dinas Kesehatan", opd_lain.kode, "dinas  sosial"]
    isi = [
        baris(
            opd=nama_opd[i % 3],
            jenis=["NIK", "Pemanfaatan Data Kependudukan", "KTP-el"][i % 3],
            bulan=(i % 12) + 1,
            keperluan=f"Layanan {i}",
            pks=pks.nomor if i % 3 == 0 else "",
            jumlah=f"{i:,}".replace(",", "."),
        )
        for i in range(10_000)
    ]
    berkas = buat_xlsx(isi, tulis_saja=True)
    mulai = time.perf_counter()
    respons = unggah(klien_staf, berkas)
    assert respons.status_code == 302
    impor = ImporPemanfaatan.objects.get()
    assert (impor.jumlah_sah, impor.jumlah_galat, impor.jumlah_duplikat) == (10_000, 0, 0)
    tengah = time.perf_counter()
    respons = klien_staf.post(reverse("pemanfaatan:impor_simpan", args=[impor.pk]))
    selesai = time.perf_counter()
    assert respons.status_code == 302
    assert Pemanfaatan.objects.count() == 10_000
    assert Pemanfaatan.history.filter(history_type="+", history_user=staf).count() == 10_000
    assert Pemanfaatan.objects.get(keperluan="Layanan 9999").jumlah == 9999
    print(f"\n10.000 baris: unggah+pratinjau {tengah - mulai:.1f} s, simpan {selesai - tengah:.1f} s")


# --- pengumpul sampah ---------------------------------------------------------------------------


def test_pengumpul_sampah_ditunda_selama_impor_dan_dinyalakan_lagi(klien_staf, opd):
    """Puluhan ribu objek impor tidak dipindai GC berulang kali; sesudahnya GC menyala lagi, juga setelah galat."""
    pengumpulan = []

    def catat(fase, info):
        if fase == "start":
            pengumpulan.append(info["generation"])

    daftar = [baris(keperluan=f"Keperluan {i:04d}", bulan=1 + i % 12, tahun=2026 + i // 12 % 2) for i in range(600)]
    isi = buat_xlsx(daftar)
    gc.callbacks.append(catat)
    try:
        assert unggah(klien_staf, isi).status_code == 302
        selama_unggah = list(pengumpulan)
        impor = ImporPemanfaatan.objects.get()
        pengumpulan.clear()
        services.impor_simpan(impor=impor, user=impor.dibuat_oleh)
        selama_simpan = list(pengumpulan)
    finally:
        gc.callbacks.remove(catat)
    assert Pemanfaatan.objects.count() == 600
    # Yang tercatat hanya di luar layanan (klien uji, middleware) dan satu saat GC menyala lagi, bukan per baris.
    assert len(selama_unggah) <= 3 and len(selama_simpan) <= 1
    assert gc.isenabled()
    with pytest.raises(ImporError):
        services.impor_unggah(user=impor.dibuat_oleh, berkas=SimpleUploadedFile("x.xlsx", b"bukan excel"))
    assert gc.isenabled()
