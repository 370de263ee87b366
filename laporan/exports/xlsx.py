"""Daftar, Rekap, IKU dan keterangan dokumen sebagai buku kerja Excel (openpyxl, mode tulis-saja).

Mode tulis-saja mengalirkan setiap baris ke berkas sementara begitu ditambahkan, sehingga 100.000 baris Daftar
tidak pernah ditampung di memori. Akibatnya, apa pun yang ditulis di kepala lembar (panel beku, lebar kolom,
muat-ke-halaman) diatur sebelum baris pertama; penyaring otomatis dan pengaturan cetak ditulis di ekor lembar,
jadi boleh diatur setelah baris terakhir.

Teks dari pengguna tidak pernah menjadi rumus: setiap `str` ditulis sebagai sel teks, dan yang berawalan
`=`, `+`, `-`, `@`, tab atau CR diberi tanda kutip awal (quotePrefix) agar Excel tidak menafsirkannya ulang
saat sel disunting. Satu-satunya rumus adalah SUM yang ditulis modul ini sendiri.
"""

import copy
import datetime
import io
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import BinaryIO

from django.db.models import QuerySet
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from akun.models import Pengguna
from laporan.exports import sumber
from laporan.exports.sumber import JenisKolom, Kolom
from laporan.exports.teks import periode_laporan, tanggal_indonesia
from laporan.models import Instansi, Laporan
from pemanfaatan.models import Pemanfaatan

TIPE_KONTEN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

AWALAN_BERBAHAYA = ("=", "+", "-", "@", "\t", "\r")

# `#,##0` tampil dengan pemisah ribuan menurut lokal Excel pembaca (1.234.567 di Excel berbahasa Indonesia);
# [$-421] (Bahasa Indonesia) membuat nama bulan tertulis `Mei`, bukan `May`, di Excel berbahasa apa pun.
FORMAT_ANGKA = {
    JenisKolom.ANGKA: "#,##0",
    JenisKolom.DESIMAL: "#,##0.00",
}
FORMAT_WAKTU = "[$-421]d mmmm yyyy hh:mm"
FORMAT_TANGGAL = "[$-421]d mmmm yyyy"

_TIPIS = Side(style="thin", color="999999")


def _gaya_bernama() -> list[NamedStyle]:
    """Gaya bernama: sel menyalin gayanya lewat satu pencarian nama, tanpa membandingkan objek Font/Alignment
    untuk setiap sel dari 100.000 baris. NamedStyle terikat pada satu buku kerja, jadi dibuat baru per buku.
    """
    garis = Border(top=_TIPIS, bottom=_TIPIS)
    return [
        NamedStyle("sop_judul", font=Font(bold=True, size=13)),
        NamedStyle("sop_subjudul", font=Font(bold=True, size=11)),
        NamedStyle("sop_keterangan", font=Font(italic=True, size=10)),
        NamedStyle(
            "sop_kepala",
            font=Font(bold=True),
            fill=PatternFill("solid", fgColor="DDEBF7"),
            border=Border(top=_TIPIS, bottom=_TIPIS, left=_TIPIS, right=_TIPIS),
            alignment=Alignment(wrap_text=True, vertical="center", horizontal="center"),
        ),
        NamedStyle("sop_angka", number_format=FORMAT_ANGKA[JenisKolom.ANGKA]),
        NamedStyle("sop_desimal", number_format=FORMAT_ANGKA[JenisKolom.DESIMAL]),
        NamedStyle("sop_waktu", number_format=FORMAT_WAKTU),
        NamedStyle("sop_tanggal", number_format=FORMAT_TANGGAL),
        NamedStyle("sop_total_teks", font=Font(bold=True), border=garis),
        NamedStyle("sop_total_angka", font=Font(bold=True), number_format=FORMAT_ANGKA[JenisKolom.ANGKA], border=garis),
    ]


_GAYA_ANGKA = {JenisKolom.ANGKA: "sop_angka", JenisKolom.DESIMAL: "sop_desimal"}


def _bersihkan(teks: str) -> str:
    # Karakter kendali selain tab/LF/CR tidak dapat disimpan dalam XML lembar kerja sama sekali.
    return ILLEGAL_CHARACTERS_RE.sub("", teks)


def sel_teks(ws: WriteOnlyWorksheet, teks: str, gaya: str | None = None) -> Cell:
    """Sel teks yang tidak pernah menjadi rumus, apa pun awalnya; isinya tetap persis seperti yang ditulis."""
    teks = _bersihkan(teks)
    sel = WriteOnlyCell(ws, value=teks)
    # openpyxl menebak `=…` sebagai rumus dan `#N/A` sebagai galat; paksa menjadi teks setelah nilai diisi.
    sel.data_type = "s"
    if gaya:
        sel.style = gaya
    if teks.startswith(AWALAN_BERBAHAYA):
        sel.quotePrefix = True
    return sel


def sel_rumus(ws: WriteOnlyWorksheet, rumus: str, gaya: str = "sop_angka") -> Cell:
    sel = WriteOnlyCell(ws, value=rumus)
    if sel.data_type != "f":
        raise ValueError(f"Bukan rumus: {rumus!r}")
    sel.style = gaya
    return sel


def _teks_atau_sel(ws: WriteOnlyWorksheet, teks: str) -> str | Cell:
    """Teks yang aman diberikan polos kepada openpyxl; yang tidak, menjadi sel teks `sel_teks`.

    openpyxl hanya menafsirkan ulang teks yang berawalan `=` (rumus) atau sama dengan kode galat (`#N/A`);
    teks lain ditulisnya sebagai teks apa adanya. Teks polos jauh lebih murah: openpyxl memakai ulang satu
    objek sel untuk nilai polos, sedangkan setiap objek sel buatan sendiri melewati jalur pengecualian di
    `_values_to_row`. Teks berawalan berbahaya tetap mendapat quotePrefix lewat `sel_teks`.
    """
    teks = _bersihkan(teks)
    if teks.startswith(AWALAN_BERBAHAYA) or teks in ERROR_CODES:
        return sel_teks(ws, teks)
    return teks


class BukuKerja:
    """Satu buku kerja tulis-saja dengan lembar-lembar berjudul Dinas yang siap dicetak."""

    def __init__(self, *, instansi: Instansi, judul: str, pembuat: str):
        self.instansi = instansi
        self.wb = Workbook(write_only=True)
        self.wb.properties.title = judul
        self.wb.properties.creator = pembuat
        self._gaya = {}
        for gaya in _gaya_bernama():
            self.wb.add_named_style(gaya)
            # Larik gaya yang sudah terikat pada buku ini: menyalinnya ke sel sama dengan `sel.style = nama`,
            # tanpa mencari nama di daftar gaya (yang dibangun ulang setiap kali) untuk setiap sel.
            self._gaya[gaya.name] = gaya.as_tuple()

    def _sel_bergaya(self, ws: WriteOnlyWorksheet, nilai, gaya: str) -> Cell:
        sel = WriteOnlyCell(ws, value=nilai)
        sel._style = copy.copy(self._gaya[gaya])
        return sel

    def _pengubah(self, ws: WriteOnlyWorksheet, kolom: Kolom) -> Callable:
        """Fungsi nilai sumber baris → sel untuk satu kolom: teks, angka (int/Decimal), atau tanggal-waktu sungguhan.

        Keputusan per kolom diambil sekali, bukan sekali per sel (100.000 baris × 14 kolom). Sel bergaya kira-kira
        dua kali lebih mahal ditulis openpyxl daripada nilai polos, jadi hanya angka dan waktu yang diberi gaya
        (format angka dan tanggal); teks dan tahun ditulis polos, dengan lebar kolom yang cukup.
        """
        zona = timezone.get_current_timezone()
        gaya_angka = _GAYA_ANGKA.get(kolom.jenis, "sop_angka")
        angka_polos = kolom.jenis == JenisKolom.TAHUN

        def angka(nilai):
            return nilai if angka_polos else self._sel_bergaya(ws, nilai, gaya_angka)

        def ubah(nilai):
            tipe = type(nilai)
            if tipe is str:
                return _teks_atau_sel(ws, nilai)
            if nilai is None:
                return None
            if tipe is int or tipe is Decimal or tipe is float:
                return angka(nilai)
            if tipe is datetime.datetime:
                # Excel tidak mengenal zona waktu: waktu ditulis sebagai jam dinding Asia/Jakarta.
                if nilai.tzinfo is not None:
                    nilai = nilai.astimezone(zona).replace(tzinfo=None)
                return self._sel_bergaya(ws, nilai, "sop_waktu")
            if tipe is datetime.date:
                return self._sel_bergaya(ws, nilai, "sop_tanggal")
            # Turunan angka (IntegerChoices) tetap angka; bool, pilihan teks dan lainnya ditulis sebagai teks.
            if isinstance(nilai, int | Decimal | float) and not isinstance(nilai, bool):
                return angka(nilai)
            return _teks_atau_sel(ws, str(nilai))

        return ubah

    def _lembar(self, nama: str, kolom: tuple[Kolom, ...], judul: Iterable[str]) -> tuple[WriteOnlyWorksheet, int]:
        """Lembar baru: judul (nama Dinas, nama lembar, keterangan), baris kosong, lalu judul kolom.

        Mengembalikan lembar dan nomor baris judul kolom.
        """
        ws = self.wb.create_sheet(nama)
        judul = [self.instansi.nama_dinas, *judul]
        baris_kepala = len(judul) + 2
        for indeks, item in enumerate(kolom, 1):
            ws.column_dimensions[get_column_letter(indeks)].width = item.lebar
        ws.freeze_panes = f"A{baris_kepala + 1}"
        self._atur_cetak(ws, baris_kepala)
        for nomor, teks in enumerate(judul):
            gaya = "sop_judul" if nomor == 0 else "sop_subjudul" if nomor == 1 else "sop_keterangan"
            ws.append([sel_teks(ws, teks, gaya)])
        ws.append([])
        ws.append([sel_teks(ws, item.judul, "sop_kepala") for item in kolom])
        return ws, baris_kepala

    def _atur_cetak(self, ws: WriteOnlyWorksheet, baris_kepala: int) -> None:
        ws.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE
        ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # sebanyak halaman yang diperlukan ke bawah
        ws.print_title_rows = f"{baris_kepala}:{baris_kepala}"
        # `&` adalah kode kepala halaman Excel; `&&` mencetak satu `&`.
        ws.oddHeader.center.text = self.instansi.nama_dinas.replace("&", "&&")
        ws.oddHeader.center.size = 9
        ws.oddFooter.left.text = ws.title.replace("&", "&&")
        ws.oddFooter.right.text = "Halaman &P dari &N"

    @staticmethod
    def _saring(ws: WriteOnlyWorksheet, baris_kepala: int, baris_akhir: int, jumlah_kolom: int) -> None:
        ws.auto_filter.ref = f"A{baris_kepala}:{get_column_letter(jumlah_kolom)}{max(baris_akhir, baris_kepala)}"

    def tabel(self, nama: str, baris: Iterator[tuple], *, judul: Iterable[str]) -> int:
        """Satu lembar dari sebuah sumber baris (judul kolom, lalu data); mengembalikan banyak baris data."""
        kolom = next(baris)
        ws, baris_kepala = self._lembar(nama, kolom, judul)
        pengubah = [self._pengubah(ws, item) for item in kolom]
        banyak = 0
        for data in baris:
            ws.append([ubah(nilai) for ubah, nilai in zip(pengubah, data, strict=True)])
            banyak += 1
        self._saring(ws, baris_kepala, baris_kepala + banyak, len(kolom))
        return banyak

    def rekap(self, baris: Iterator[tuple], *, judul: Iterable[str]) -> int:
        """Lembar Rekap OPD × jenis: total per OPD dan baris TOTAL berupa rumus SUM yang hidup.

        Kolom angka sumber Rekap berpasangan per jenis: banyak kegiatan, lalu total jumlah.
        """
        kolom_data = next(baris)
        angka = [i for i, item in enumerate(kolom_data, 1) if item.jenis == JenisKolom.ANGKA]
        kolom_kegiatan, kolom_jumlah = angka[0::2], angka[1::2]
        kolom = (
            *kolom_data,
            Kolom("Total kegiatan", JenisKolom.ANGKA, 14),
            Kolom("Total jumlah", JenisKolom.ANGKA, 16),
        )
        ws, baris_kepala = self._lembar("Rekap", kolom, judul)
        pengubah = [self._pengubah(ws, item) for item in kolom]
        nomor = baris_kepala
        for data in baris:
            nomor += 1
            sel = [ubah(nilai) for ubah, nilai in zip(pengubah[: len(kolom_data)], data, strict=True)]
            for kelompok in (kolom_kegiatan, kolom_jumlah):
                acuan = ",".join(f"{get_column_letter(k)}{nomor}" for k in kelompok)
                sel.append(sel_rumus(ws, f"=SUM({acuan})"))
            ws.append(sel)
        pertama, terakhir = baris_kepala + 1, nomor
        total = [sel_teks(ws, "TOTAL", "sop_total_teks"), sel_teks(ws, "", "sop_total_teks")]
        for indeks in range(3, len(kolom) + 1):
            huruf = get_column_letter(indeks)
            if terakhir >= pertama:
                total.append(sel_rumus(ws, f"=SUM({huruf}{pertama}:{huruf}{terakhir})", "sop_total_angka"))
            else:
                total.append(pengubah[indeks - 1](0))
        ws.append(total)
        self._saring(ws, baris_kepala, terakhir, len(kolom))
        return terakhir - baris_kepala

    def info(self, baris: Iterator[tuple]) -> None:
        self.tabel("Info", baris, judul=["Keterangan dokumen"])

    def simpan(self, keluaran: BinaryIO) -> None:
        self.wb.save(keluaran)

    def sebagai_byte(self) -> bytes:
        keluaran = io.BytesIO()
        self.simpan(keluaran)
        return keluaran.getvalue()


JUDUL_DAFTAR = "Daftar Pemanfaatan Data Kependudukan oleh OPD"
JUDUL_REKAP = "Rekap Pemanfaatan Data Kependudukan per OPD dan Jenis"
JUDUL_IKU = "Indikator Kinerja Utama pada LAKIP Bidang"


def daftar_xlsx(
    *, daftar: QuerySet[Pemanfaatan], user: Pengguna, periode: str, saringan: list[str] | None = None
) -> bytes:
    """Daftar yang sedang difilter di halaman Daftar, beserta Rekap langsungnya dan keterangan dokumen."""
    saringan = saringan or []
    instansi = Instansi.sekarang()
    buku = BukuKerja(instansi=instansi, judul=JUDUL_DAFTAR, pembuat=str(user))
    keterangan = [f"Periode: {periode}"]
    if saringan:
        keterangan.append(f"Filter: {'; '.join(saringan)}")
    buku.tabel("Daftar", sumber.baris_daftar(daftar), judul=[JUDUL_DAFTAR, *keterangan])
    buku.rekap(sumber.baris_rekap(daftar), judul=[JUDUL_REKAP, *keterangan])
    buku.info(
        sumber.baris_info(
            instansi=instansi,
            user=user,
            pada=timezone.now(),
            dokumen=JUDUL_DAFTAR,
            periode=periode,
            saringan=saringan,
        )
    )
    return buku.sebagai_byte()


def laporan_xlsx(*, laporan: Laporan, user: Pengguna, daftar: QuerySet[Pemanfaatan] | None = None) -> bytes:
    """Daftar periode Laporan, Rekap dari hitungan beku Langkah 4, IKU bila Langkah 6 selesai, dan keterangan.

    `daftar` adalah Daftar yang boleh dibaca pengguna (dari selektornya); tanpa itu, seluruh Daftar.
    """
    if not sumber.hitungan_beku_tersedia(laporan):
        raise ValueError(f"{laporan} belum memiliki hitungan beku (Langkah 4).")
    instansi = Instansi.sekarang()
    periode = periode_laporan(laporan)
    buku = BukuKerja(instansi=instansi, judul=f"Daftar dan Rekap Pemanfaatan {laporan}", pembuat=str(user))
    dibekukan = f"Hitungan dibekukan {tanggal_indonesia(timezone.localtime(laporan.dihitung_pada))}"
    buku.tabel(
        "Daftar",
        sumber.baris_daftar(sumber.daftar_laporan(laporan, daftar)),
        judul=[JUDUL_DAFTAR, f"Periode: {periode}", f"{dibekukan}; baris Daftar periode ini terkunci sejak itu"],
    )
    buku.rekap(sumber.baris_rekap_beku(laporan), judul=[JUDUL_REKAP, f"Periode: {periode}", dibekukan])
    if sumber.iku_tersedia(laporan):
        buku.tabel("IKU", sumber.baris_iku(laporan), judul=[JUDUL_IKU, f"Periode: {periode}"])
    buku.info(
        sumber.baris_info(
            instansi=instansi,
            user=user,
            pada=timezone.now(),
            dokumen=f"Daftar dan Rekap Pemanfaatan Data Kependudukan — {laporan}",
            periode=periode,
            laporan=laporan,
        )
    )
    return buku.sebagai_byte()
