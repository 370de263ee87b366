"""Dokumen PDF siklus SOP: Laporan Pemanfaatan (Langkah 5), LAKIP Bidang (Langkah 6), Lembar Kendali SOP."""

from laporan.exports.pdf.kode import kode_verifikasi
from laporan.exports.pdf.lakip_bidang import lakip_bidang_pdf
from laporan.exports.pdf.laporan_pemanfaatan import laporan_pemanfaatan_pdf
from laporan.exports.pdf.lembar_kendali import lembar_kendali_pdf
from laporan.exports.pdf.tersedia import dokumen_tersedia

__all__ = [
    "dokumen_tersedia",
    "kode_verifikasi",
    "lakip_bidang_pdf",
    "laporan_pemanfaatan_pdf",
    "lembar_kendali_pdf",
]
