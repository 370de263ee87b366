"""Blok tanda tangan orang yang benar-benar mengerjakan langkahnya, menurut jejak audit."""

from dataclasses import dataclass

from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from akun.models import Pengguna
from laporan.exports.pdf.aman import markup
from laporan.exports.pdf.dasar import GAYA
from laporan.models import Laporan, RiwayatLaporan

TINGGI_RUANG_TANDA_TANGAN = 56


def riwayat_terakhir(laporan: Laporan, aksi: str) -> RiwayatLaporan | None:
    """Catatan terakhir sebuah aksi: bila Laporan pernah dikembalikan, yang berlaku pengiriman terakhir."""
    return laporan.riwayat.filter(aksi=aksi).select_related("oleh").order_by("-waktu", "-pk").first()


@dataclass(frozen=True)
class Penanda:
    """Satu kolom tanda tangan: baris pembuka (tempat dan tanggal, atau "Mengetahui,"), jabatan, orangnya."""

    pembuka: str
    jabatan_bawaan: str  # bila jabatan pengguna belum diisi: nama peran
    pengguna: Pengguna | None

    @property
    def jabatan(self) -> str:
        return (self.pengguna.jabatan if self.pengguna else "") or self.jabatan_bawaan


def _kolom(penanda: Penanda | None) -> list:
    """Enam baris satu kolom; baris yang sama di kedua kolom sejajar karena berada di baris tabel yang sama."""
    if penanda is None:
        return ["", "", "", "", "", ""]
    gaya = GAYA["ttd"]
    pengguna = penanda.pengguna
    nama = f"<u><b>{markup(pengguna.nama or pengguna.username)}</b></u>" if pengguna else "(belum ditandatangani)"
    return [
        Paragraph(markup(penanda.pembuka), gaya),
        Paragraph(markup(f"{penanda.jabatan},"), gaya),
        Spacer(1, TINGGI_RUANG_TANDA_TANGAN),
        Paragraph(nama, gaya),
        Paragraph(markup(pengguna.pangkat_golongan), gaya) if pengguna and pengguna.pangkat_golongan else "",
        Paragraph(markup(f"NIP. {pengguna.nip_tampil}"), gaya) if pengguna and pengguna.nip else "",
    ]


def blok_tanda_tangan(*, lebar: float, kiri: Penanda | None = None, kanan: Penanda | None = None) -> KeepTogether:
    """Penanda kanan adalah pembuat dokumen; kiri untuk atasan yang "Mengetahui,"."""
    kolom_kiri, kolom_kanan = _kolom(kiri), _kolom(kanan)
    data = [[a, "", b] for a, b in zip(kolom_kiri, kolom_kanan, strict=True)]
    tabel = Table(data, colWidths=[lebar * 0.45, lebar * 0.1, lebar * 0.45])
    tabel.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return KeepTogether([Spacer(1, 18), tabel])
