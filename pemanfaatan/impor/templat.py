"""Templat Excel impor Daftar (Langkah 3): judul kolom, daftar pilihan, dan petunjuk pengisian."""

import io

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from pemanfaatan.impor import kolom as k
from pemanfaatan.impor.berkas import NAMA_LEMBAR
from pemanfaatan.impor.nilai import angka
from pemanfaatan.models import NAMA_BULAN, TAHUN_MAKSIMUM, TAHUN_MINIMUM, JenisPemanfaatan, MetodeAkses, Opd

NAMA_LEMBAR_PILIHAN = "Pilihan"
LEBAR_KOLOM = {
    k.OPD: 45, k.JENIS: 32, k.TAHUN: 8, k.BULAN: 12, k.KEPERLUAN: 40,
    k.METODE: 26, k.NOMOR_PKS: 30, k.JUMLAH: 12, k.KETERANGAN: 40,
}  # fmt: skip
# Kolom teks diformat "@" agar Excel tidak mengubah nomor PKS atau kode OPD menjadi angka/tanggal.
KOLOM_TEKS = {k.OPD, k.KEPERLUAN, k.NOMOR_PKS, k.KETERANGAN}
PROMPT = {k.OPD: "Pilih dari daftar, atau tulis kode OPD.", k.BULAN: "Pilih nama bulan, atau tulis angka 1–12."}


def templat_xlsx() -> bytes:
    """Berkas templat kosong dengan daftar pilihan dari data master saat ini."""
    buku = Workbook()
    daftar = buku.active
    daftar.title = NAMA_LEMBAR
    _isi_judul(daftar)
    _isi_petunjuk(buku.create_sheet("Petunjuk"))
    _pasang_validasi(daftar, _isi_pilihan(buku))
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def _isi_judul(lembar: Worksheet) -> None:
    baris_terakhir = settings.IMPOR_MAKS_BARIS + 1
    for nomor, judul in enumerate(k.KOLOM, start=1):
        sel = lembar.cell(row=1, column=nomor, value=judul)
        sel.font = Font(bold=True, color="FFFFFF")
        sel.fill = PatternFill("solid", fgColor="1F4E79")
        sel.alignment = Alignment(vertical="center")
        huruf = sel.column_letter
        lembar.column_dimensions[huruf].width = LEBAR_KOLOM[judul]
        if judul in KOLOM_TEKS:
            lembar.column_dimensions[huruf].number_format = "@"
        if judul == k.JUMLAH:
            lembar.column_dimensions[huruf].number_format = "#,##0"
    lembar.freeze_panes = "A2"
    lembar.auto_filter.ref = f"A1:{lembar.cell(row=1, column=len(k.KOLOM)).column_letter}{baris_terakhir}"


def _isi_pilihan(buku: Workbook) -> dict[str, str]:
    """Lembar tersembunyi berisi daftar pilihan; dirujuk lewat nama agar berlaku di semua versi Excel."""
    lembar = buku.create_sheet(NAMA_LEMBAR_PILIHAN)
    lembar.sheet_state = "hidden"
    daftar = {
        "pilihan_opd": (k.OPD, list(Opd.objects.filter(aktif=True).order_by("nama").values_list("nama", flat=True))),
        "pilihan_jenis": (k.JENIS, list(JenisPemanfaatan.labels)),
        "pilihan_bulan": (k.BULAN, list(NAMA_BULAN)),
        "pilihan_metode": (k.METODE, list(MetodeAkses.labels)),
    }
    rentang = {}
    for nomor, (nama, (judul, isi)) in enumerate(daftar.items(), start=1):
        lembar.cell(row=1, column=nomor, value=judul).font = Font(bold=True)
        for baris, teks in enumerate(isi, start=2):
            _tulis_teks(lembar, baris, nomor, teks)
        huruf = lembar.cell(row=1, column=nomor).column_letter
        referensi = f"{NAMA_LEMBAR_PILIHAN}!${huruf}$2:${huruf}${max(len(isi), 1) + 1}"
        buku.defined_names[nama] = DefinedName(nama, attr_text=referensi)
        rentang[judul] = nama
    return rentang


def _tulis_teks(lembar: Worksheet, baris: int, kolom: int, teks: str) -> None:
    # Teks dari basis data tidak boleh menjadi rumus walau diawali "=".
    sel = lembar.cell(row=baris, column=kolom, value=teks)
    sel.data_type = "s"


def _pasang_validasi(lembar: Worksheet, rentang: dict[str, str]) -> None:
    """Daftar tarik-turun dan batas angka. Hanya peringatan: kode OPD dan angka bulan juga diterima."""
    baris_terakhir = settings.IMPOR_MAKS_BARIS + 1
    for nomor, judul in enumerate(k.KOLOM, start=1):
        validasi = _validasi_kolom(judul, rentang)
        if validasi is None:
            continue
        huruf = lembar.cell(row=1, column=nomor).column_letter
        validasi.add(f"{huruf}2:{huruf}{baris_terakhir}")
        lembar.add_data_validation(validasi)


def _validasi_kolom(judul: str, rentang: dict[str, str]) -> DataValidation | None:
    umum = {"allow_blank": True, "showErrorMessage": True, "errorStyle": "warning", "errorTitle": judul}
    if judul in rentang:
        return DataValidation(
            type="list",
            formula1=f"={rentang[judul]}",
            error=f"Nilai ini tidak ada dalam daftar pilihan {judul}. Lanjutkan hanya bila Anda yakin.",
            showInputMessage=judul in PROMPT,
            promptTitle=judul,
            prompt=PROMPT.get(judul),
            **umum,
        )
    if judul == k.TAHUN:
        return DataValidation(
            type="whole",
            operator="between",
            formula1=str(TAHUN_MINIMUM),
            formula2=str(TAHUN_MAKSIMUM),
            error=f"Tahun harus antara {TAHUN_MINIMUM} dan {TAHUN_MAKSIMUM}.",
            **umum,
        )
    if judul == k.JUMLAH:
        return DataValidation(
            type="whole",
            operator="greaterThanOrEqual",
            formula1="0",
            error="Jumlah harus bilangan bulat 0 atau lebih.",
            **umum,
        )
    return None


def _petunjuk() -> list[tuple[str, str]]:
    """Baris lembar Petunjuk; judul bagian ditulis tanpa isi di kolom B."""
    return [
        ("Petunjuk pengisian Daftar Pemanfaatan Data Kependudukan oleh OPD", ""),
        ("Kolom", ""),
        (k.OPD, "Nama OPD dari daftar pilihan, atau kode OPD. Huruf besar/kecil dan spasi berlebih diabaikan."),
        (k.JENIS, "Pemanfaatan Data Kependudukan, Pemanfaatan NIK, atau Pemanfaatan KTP-el (boleh: NIK, KTP-el)."),
        (k.TAHUN, f"Tahun pemanfaatan, {TAHUN_MINIMUM}–{TAHUN_MAKSIMUM}."),
        (k.BULAN, "Angka 1–12 atau nama bulan (Januari … Desember; singkatan Jan, Agu, Des juga diterima)."),
        (k.KEPERLUAN, "Layanan atau keperluan yang memakai data (wajib)."),
        (k.METODE, "Web service, Web portal, Card reader KTP-el, atau Permintaan data tertulis."),
        (
            k.NOMOR_PKS,
            "Nomor PKS yang menjadi dasar, persis seperti tercatat; PKS harus milik OPD pada baris itu. "
            "Kosongkan bila belum ada PKS (baris akan ditandai sebagai temuan).",
        ),
        (k.JUMLAH, "Jumlah akses/rekaman data, bilangan bulat 0 atau lebih; boleh ditulis 1250 atau 1.250."),
        (k.KETERANGAN, "Catatan tambahan (boleh kosong). Jangan menulis NIK atau data pribadi apa pun."),
        ("Aturan", ""),
        ("1", "Isi mulai baris 2 lembar Daftar; jangan mengubah judul kolom di baris 1. Baris kosong dilewati."),
        (
            "2",
            "Setiap baris diperiksa dengan aturan yang sama dengan formulir di aplikasi; "
            "pratinjau menampilkan hasil setiap baris sebelum ada yang disimpan.",
        ),
        ("3", "Bila ada satu saja baris bermasalah, tidak ada yang disimpan: perbaiki berkas lalu unggah ulang."),
        (
            "4",
            "Baris yang sama dengan data yang sudah ada (OPD, jenis, tahun, bulan, metode akses, keperluan) "
            "ditandai duplikat dan dilewati, tidak digandakan.",
        ),
        (
            "5",
            f"Paling banyak {angka(settings.IMPOR_MAKS_BARIS)} baris dan {filesizeformat(settings.IMPOR_MAKS_BYTE)} "
            "per berkas. Simpan sebagai .xlsx tanpa kata sandi.",
        ),
    ]


def _isi_petunjuk(lembar: Worksheet) -> None:
    lembar.column_dimensions["A"].width = 22
    lembar.column_dimensions["B"].width = 110
    for baris, (kiri, kanan) in enumerate(_petunjuk(), start=1):
        _tulis_teks(lembar, baris, 1, kiri)
        if kanan:
            _tulis_teks(lembar, baris, 2, kanan)
            lembar.cell(row=baris, column=2).alignment = Alignment(wrap_text=True, vertical="top")
        else:
            lembar.cell(row=baris, column=1).font = Font(bold=True, size=12)
