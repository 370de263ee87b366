"""Kerangka bersama dokumen PDF: ukuran halaman, gaya, kop surat, nomor halaman, tabel panjang."""

import datetime
import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from io import BytesIO

from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    Image,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from laporan.exports.pdf.aman import bungkus, markup
from laporan.exports.pdf.kode import alamat_verifikasi, kode_verifikasi
from laporan.exports.teks import tanggal_indonesia
from laporan.models import Instansi, JenisDokumen, Laporan

logger = logging.getLogger(__name__)

FONT = "Helvetica"
FONT_TEBAL = "Helvetica-Bold"
UKURAN_TABEL = 7.5
MARGIN_SAMPING = 2 * cm
MARGIN_ATAS = 1.5 * cm
MARGIN_BAWAH = 2.2 * cm  # ruang kaki: kode verifikasi dan nomor halaman
PADDING_BINGKAI = 6  # padding bawaan Frame SimpleDocTemplate di tiap sisi
# Baris yang dibangun untuk mencoba mengisi halaman pertama tabel panjang; digandakan bila semuanya muat.
# Halaman berikutnya menaksir dari kerapatan baris halaman sebelumnya, dengan cadangan.
BARIS_COBA = 64
CADANGAN_TAKSIRAN = 1.25

ABU_KEPALA = colors.HexColor("#E4E7EB")
ABU_GARIS = colors.HexColor("#8A8F98")


def _gaya(nama: str, **atribut) -> ParagraphStyle:
    return ParagraphStyle(nama, **{"fontName": FONT, "fontSize": 10, "leading": 13, **atribut})


GAYA = {
    "biasa": _gaya("biasa", alignment=TA_JUSTIFY, spaceAfter=4),
    "kecil": _gaya("kecil", fontSize=8, leading=10),
    "sel": _gaya("sel", fontSize=UKURAN_TABEL, leading=UKURAN_TABEL + 1.5),
    "judul": _gaya("judul", fontName=FONT_TEBAL, fontSize=13, leading=17, alignment=TA_CENTER),
    "subjudul": _gaya("subjudul", fontSize=10.5, leading=14, alignment=TA_CENTER, spaceAfter=10),
    "bagian": _gaya("bagian", fontName=FONT_TEBAL, fontSize=10.5, leading=14, spaceBefore=10, spaceAfter=4),
    "kop_pemerintah": _gaya("kop_pemerintah", fontName=FONT_TEBAL, fontSize=12, leading=15, alignment=TA_CENTER),
    "kop_dinas": _gaya("kop_dinas", fontName=FONT_TEBAL, fontSize=11, leading=14, alignment=TA_CENTER),
    "kop_alamat": _gaya("kop_alamat", fontSize=8.5, leading=11, alignment=TA_CENTER),
    "ttd": _gaya("ttd", leading=13),
}


@dataclass(frozen=True)
class Dokumen:
    """Yang sama pada setiap halaman satu dokumen: instansi untuk kop, kode dan alamat verifikasinya."""

    instansi: Instansi
    kode: str
    alamat_verifikasi: str
    mendatar: bool = False

    @property
    def ukuran(self) -> tuple[float, float]:
        return landscape(A4) if self.mendatar else A4

    @property
    def lebar_isi(self) -> float:
        return self.ukuran[0] - 2 * MARGIN_SAMPING - 2 * PADDING_BINGKAI

    def tempat_tanggal(self, tanggal: datetime.date) -> str:
        """`Padang, 7 Januari 2021`."""
        return f"{self.instansi.kota}, {tanggal_indonesia(tanggal)}"


def siapkan_dokumen(laporan: Laporan, jenis: JenisDokumen, *, mendatar: bool = False) -> Dokumen:
    kode = kode_verifikasi(laporan, jenis)
    return Dokumen(
        instansi=Instansi.sekarang(), kode=kode, alamat_verifikasi=alamat_verifikasi(kode), mendatar=mendatar
    )


def tanggal_lokal(waktu: datetime.datetime) -> datetime.date:
    return timezone.localtime(waktu).date()


class KanvasBernomor(Canvas):
    """Dua tahap: halaman ditahan sampai jumlahnya diketahui, lalu diberi kaki "Halaman x dari y"."""

    def __init__(self, *args, kode: str, alamat: str, **kwargs):
        super().__init__(*args, **kwargs)
        self._kode = kode
        self._alamat = alamat
        self._halaman: list[dict] = []

    def showPage(self):
        self._halaman.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        jumlah = len(self._halaman)
        for keadaan in self._halaman:
            self.__dict__.update(keadaan)
            self._kaki(jumlah)
            super().showPage()
        super().save()

    def _kaki(self, jumlah: int) -> None:
        lebar, _ = self._pagesize
        y = MARGIN_BAWAH - 0.9 * cm
        self.saveState()
        self.setStrokeColor(ABU_GARIS)
        self.setLineWidth(0.4)
        self.line(MARGIN_SAMPING, y + 10, lebar - MARGIN_SAMPING, y + 10)
        self.setFont(FONT, 7.5)
        self.setFillColor(colors.HexColor("#333333"))
        self.drawString(MARGIN_SAMPING, y, f"Kode verifikasi: {self._kode}")
        self.drawString(MARGIN_SAMPING, y - 9, f"Periksa keaslian dokumen di {self._alamat}")
        self.drawRightString(lebar - MARGIN_SAMPING, y, f"Halaman {self._pageNumber} dari {jumlah}")
        self.restoreState()


def bangun_pdf(cerita: list, *, dokumen: Dokumen, judul: str) -> bytes:
    """Susun flowable menjadi bytes PDF dengan kaki bernomor pada setiap halaman."""
    keluaran = BytesIO()
    templat = SimpleDocTemplate(
        keluaran,
        pagesize=dokumen.ukuran,
        leftMargin=MARGIN_SAMPING,
        rightMargin=MARGIN_SAMPING,
        topMargin=MARGIN_ATAS,
        bottomMargin=MARGIN_BAWAH,
        title=judul,
        author=dokumen.instansi.nama_dinas,
        subject=f"Kode verifikasi {dokumen.kode}",
        creator="SOP Kinerja",
    )
    templat.build(cerita, canvasmaker=partial(KanvasBernomor, kode=dokumen.kode, alamat=dokumen.alamat_verifikasi))
    return keluaran.getvalue()


# --- Kop surat ---------------------------------------------------------------------------------------

TINGGI_LOGO = 2.1 * cm


def _logo(instansi: Instansi) -> Image | None:
    """Lambang daerah dari profil Instansi; berkas yang hilang atau rusak tidak boleh menggagalkan dokumen."""
    if not instansi.logo:
        return None
    try:
        jalur = instansi.logo.path
        lebar, tinggi = ImageReader(jalur).getSize()
    except Exception:  # PIL dan reportlab melempar banyak jenis galat untuk gambar rusak.
        logger.warning("Lambang daerah pada profil Instansi tidak dapat dibaca; kop dicetak tanpa lambang.")
        return None
    return Image(jalur, width=TINGGI_LOGO * lebar / tinggi, height=TINGGI_LOGO)


def kop_surat(dokumen: Dokumen) -> list:
    """PEMERINTAH … / nama Dinas / baris alamat, lambang di kiri, garis ganda di bawahnya."""
    instansi = dokumen.instansi
    baris = [
        Paragraph(markup(instansi.pemerintah.upper()), GAYA["kop_pemerintah"]),
        Paragraph(markup(instansi.nama_dinas.upper()), GAYA["kop_dinas"]),
    ]
    if instansi.alamat:
        baris.append(Paragraph(markup(instansi.alamat), GAYA["kop_alamat"]))
    logo = _logo(instansi)
    lebar_samping = min(max(logo.drawWidth if logo else 0, TINGGI_LOGO) + 0.3 * cm, 4 * cm)
    tabel = Table(
        [[logo or "", baris, ""]],
        colWidths=[lebar_samping, dokumen.lebar_isi - 2 * lebar_samping, lebar_samping],
    )
    tabel.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [
        tabel,
        HRFlowable(width="100%", thickness=2, color=colors.black, spaceBefore=4, spaceAfter=1.5),
        HRFlowable(width="100%", thickness=0.6, color=colors.black, spaceBefore=0, spaceAfter=10),
    ]


def judul_dokumen(judul: str, *subjudul: str) -> list:
    cerita = [Paragraph(markup(judul), GAYA["judul"])]
    cerita += [Paragraph(markup(teks), GAYA["subjudul"]) for teks in subjudul]
    return cerita


def bagian(teks: str) -> list:
    """Judul bagian; pindah ke halaman baru bila tersisa terlalu sedikit ruang di bawahnya."""
    return [CondPageBreak(3.5 * cm), Paragraph(markup(teks), GAYA["bagian"])]


def spasi(tinggi: float = 6) -> Spacer:
    return Spacer(1, tinggi)


# --- Tabel panjang -----------------------------------------------------------------------------------


def gaya_tabel(jumlah_kepala: int, kolom_angka: Iterable[int] = ()) -> list:
    gaya = [
        ("FONT", (0, 0), (-1, -1), FONT, UKURAN_TABEL, UKURAN_TABEL + 1.5),
        ("FONT", (0, 0), (-1, jumlah_kepala - 1), FONT_TEBAL, UKURAN_TABEL, UKURAN_TABEL + 1.5),
        ("BACKGROUND", (0, 0), (-1, jumlah_kepala - 1), ABU_KEPALA),
        ("GRID", (0, 0), (-1, -1), 0.4, ABU_GARIS),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, jumlah_kepala - 1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, jumlah_kepala - 1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    gaya += [("ALIGN", (kolom, jumlah_kepala), (kolom, -1), "RIGHT") for kolom in kolom_angka]
    return gaya


def perintah_potongan(
    perintah: Sequence[tuple], *, jumlah_kepala: int, jumlah_isi: int, awal: int, akhir: int
) -> list[tuple]:
    """Perintah gaya berkoordinat tabel utuh, dipindahkan ke potongan: kepala lalu baris isi `awal`…`akhir - 1`.

    Baris tabel utuh: kepala 0…k-1, isi k…k+n-1 (indeks negatif dihitung dari ujung tabel utuh). Baris
    potongan: kepala 0…k-1, lalu isi `awal` di baris k. Bagian perintah di luar potongan dibuang; perintah
    yang meliputi kepala dan isi tetap satu perintah bila kedua bagiannya bersambung di potongan.
    """
    k = jumlah_kepala
    total = k + jumlah_isi
    hasil = []
    for op, (kolom_awal, baris_awal), (kolom_akhir, baris_akhir), *argumen in perintah:
        baris_awal += total if baris_awal < 0 else 0
        baris_akhir += total if baris_akhir < 0 else 0
        baris_awal, baris_akhir = min(baris_awal, baris_akhir), max(baris_awal, baris_akhir)
        rentang = []
        if baris_awal < k:
            rentang.append((baris_awal, min(baris_akhir, k - 1)))
        mulai, selesai = max(baris_awal, k + awal), min(baris_akhir, k + akhir - 1)
        if mulai <= selesai:
            if rentang and rentang[0][1] == k - 1 and mulai == k + awal:
                rentang[0] = (rentang[0][0], selesai - awal)
            else:
                rentang.append((mulai - awal, selesai - awal))
        hasil += [(op, (kolom_awal, atas), (kolom_akhir, bawah), *argumen) for atas, bawah in rentang]
    return hasil


class TabelBerhalaman(Flowable):
    """Tabel sepanjang apa pun yang memotong dirinya per halaman, kepala diulang di setiap halaman.

    Table reportlab yang dipotong membangun ulang seluruh sisanya (sel, gaya, rentang, tinggi baris) di setiap
    halaman: biayanya tumbuh kuadratik (500 OPD di ±20 halaman berarti ±5.000 baris dibangun). Di sini setiap
    halaman membangun Table dari kepala dan baris yang mungkin muat saja, lalu Table.split reportlab sendiri
    menentukan potongannya; tata letak dan tampilannya sama dengan satu Table panjang.
    """

    def __init__(
        self,
        kepala: Sequence[Sequence],
        isi: Sequence[Sequence],
        lebar_kolom: Sequence[float],
        perintah: Sequence[tuple],
        *,
        awal: int = 0,
        baris_per_poin: float | None = None,
    ):
        super().__init__()
        self.kepala = kepala
        self.isi = isi
        self.lebar_kolom = lebar_kolom
        self.perintah = perintah  # koordinat tabel utuh (kepala + seluruh isi)
        self.awal = awal
        self.baris_per_poin = baris_per_poin  # kerapatan baris isi pada halaman sebelumnya
        self._jumlah_coba = 0
        self._coba: Table | None = None
        self._ukuran_coba: tuple | None = None  # ((lebar, tinggi) tersedia, (lebar, tinggi) Table)

    def _potongan(self, akhir: int) -> Table:
        gaya = perintah_potongan(
            self.perintah, jumlah_kepala=len(self.kepala), jumlah_isi=len(self.isi), awal=self.awal, akhir=akhir
        )
        return Table(
            [*self.kepala, *self.isi[self.awal : akhir]],
            colWidths=list(self.lebar_kolom),
            repeatRows=len(self.kepala),
            style=TableStyle(gaya),
        )

    def _taksiran(self, tinggi: float) -> int:
        """Banyaknya baris yang agaknya sedikit melampaui `tinggi`."""
        if self.baris_per_poin is None:
            return BARIS_COBA
        return math.ceil(self.baris_per_poin * tinggi * CADANGAN_TAKSIRAN) + 2

    def _tabel_coba(self, lebar: float, tinggi: float) -> Table:
        """Table berisi semua sisa baris, atau cukup baris untuk melampaui `tinggi` (lalu dipotong)."""
        if self._coba is None:
            self._jumlah_coba = self._taksiran(tinggi)
        while True:
            akhir = min(self.awal + self._jumlah_coba, len(self.isi))
            if self._coba is None:
                self._coba = self._potongan(akhir)
                self._ukuran_coba = None
            # wrap, split dan drawOn untuk ruang yang sama diminta berturut-turut: ukur sekali saja.
            if self._ukuran_coba is None or self._ukuran_coba[0] != (lebar, tinggi):
                self._ukuran_coba = ((lebar, tinggi), self._coba.wrap(lebar, tinggi))
            if akhir == len(self.isi) or self._ukuran_coba[1][1] > tinggi:
                return self._coba
            self._jumlah_coba = max(2 * self._jumlah_coba, self._taksiran(tinggi))
            self._coba = None

    def wrap(self, lebar_tersedia, tinggi_tersedia):
        # Seperti Table panjang reportlab (longTableOptimize): tinggi dihitung hanya sampai melampaui ruang.
        self._tabel_coba(lebar_tersedia, tinggi_tersedia)
        self.width, self.height = self._ukuran_coba[1]
        return self.width, self.height

    def split(self, lebar_tersedia, tinggi_tersedia):
        bagian = self._tabel_coba(lebar_tersedia, tinggi_tersedia).split(lebar_tersedia, tinggi_tersedia)
        if not bagian:
            return []  # satu baris pun tidak muat: pindah ke halaman berikutnya
        atas = bagian[0]
        terpakai = atas._nrows - len(self.kepala)
        sisa = self.awal + terpakai
        if sisa >= len(self.isi):
            return [atas]
        lanjutan = TabelBerhalaman(
            self.kepala,
            self.isi,
            self.lebar_kolom,
            self.perintah,
            awal=sisa,
            baris_per_poin=(terpakai + 1) / tinggi_tersedia,
        )
        return [atas, lanjutan]

    def drawOn(self, canvas, x, y, _sW=0):
        # Hanya dipanggil bila seluruh sisa tabel muat (wrap sudah dipanggil): gambar Table-nya langsung.
        self._coba.drawOn(canvas, x, y, _sW)


def tabel_bertahap(
    kepala: Sequence[Sequence],
    isi: Sequence[Sequence],
    lebar_kolom: Sequence[float],
    *,
    kolom_angka: Iterable[int] = (),
    gaya: Sequence = (),
    penutup: Sequence[Sequence] = (),
) -> list[Flowable]:
    """Tabel sepanjang apa pun: dipotong per halaman, kepala diulang di setiap halaman.

    `gaya` berkoordinat tabel utuh (kepala lalu seluruh isi). `penutup` (mis. baris jumlah) ditempel setelah
    baris terakhir dan dicetak tebal.
    """
    perintah = [*gaya_tabel(len(kepala), kolom_angka), *gaya]
    if penutup:
        awal_penutup = len(kepala) + len(isi)
        perintah += [
            ("FONT", (0, awal_penutup), (-1, -1), FONT_TEBAL, UKURAN_TABEL, UKURAN_TABEL + 1.5),
            ("BACKGROUND", (0, awal_penutup), (-1, -1), ABU_KEPALA),
        ]
    return [TabelBerhalaman([list(b) for b in kepala], [*isi, *penutup], lebar_kolom, perintah)]


def tabel_keterangan(baris: Sequence[tuple[str, str]], lebar: float, *, lebar_label: float = 6.5 * cm) -> Table:
    """Dua kolom label : nilai tanpa garis, untuk ringkasan singkat (sel string, tidak diurai)."""
    lebar_nilai = lebar - lebar_label - 0.4 * cm
    tabel = Table(
        [[label, ":", bungkus(nilai, font=FONT, ukuran=9.5, lebar=lebar_nilai - 6)] for label, nilai in baris],
        colWidths=[lebar_label, 0.4 * cm, lebar_nilai],
    )
    tabel.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9.5, 12),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return tabel
