"""Kapan setiap dokumen PDF sebuah Laporan tersedia; satu aturan untuk view dan halaman Laporan."""

from laporan.models import JenisDokumen, Laporan
from laporan.sop import StatusLaporan

# Laporan Pemanfaatan adalah keluaran Langkah 5, LAKIP Bidang keluaran Langkah 6.
STATUS_LAPORAN_PEMANFAATAN = frozenset({StatusLaporan.LAKIP_BIDANG, StatusLaporan.LAKIP_DINAS, StatusLaporan.SELESAI})
STATUS_LAKIP_BIDANG = frozenset({StatusLaporan.LAKIP_DINAS, StatusLaporan.SELESAI})


def dokumen_tersedia(laporan: Laporan) -> list[JenisDokumen]:
    """Dokumen PDF yang sudah dapat dibuat pada status Laporan sekarang; Lembar Kendali selalu."""
    tersedia = []
    if laporan.status in STATUS_LAPORAN_PEMANFAATAN:
        tersedia.append(JenisDokumen.LAPORAN_PEMANFAATAN)
    if laporan.status in STATUS_LAKIP_BIDANG:
        tersedia.append(JenisDokumen.LAKIP_BIDANG)
    tersedia.append(JenisDokumen.LEMBAR_KENDALI)
    return tersedia
