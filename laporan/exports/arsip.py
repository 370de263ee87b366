"""Langkah 7: bahan LAKIP Dinas dibuat sekali saat Sekretariat menerima, lalu diarsipkan dengan SHA-256.

Unduhan kemudian selalu mengembalikan byte yang sama, apa pun yang berubah sesudahnya.
"""

import hashlib
import io
import json
import logging
import zipfile
from collections.abc import Callable

from django.utils import timezone

from akun.berkas import BerkasTransaksi
from akun.models import Pengguna
from laporan.exports import pdf, xlsx
from laporan.models import ArsipDokumen, JenisDokumen, Laporan

logger = logging.getLogger(__name__)

TIPE_ISI = {
    JenisDokumen.LAPORAN_PEMANFAATAN: "application/pdf",
    JenisDokumen.LAKIP_BIDANG: "application/pdf",
    JenisDokumen.LEMBAR_KENDALI: "application/pdf",
    JenisDokumen.DAFTAR_XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _nama_dasar(laporan: Laporan) -> str:
    return f"{laporan.get_periode_display()} {laporan.tahun}"


def _pembuat(laporan: Laporan, user: Pengguna) -> dict[JenisDokumen, tuple[Callable[[], bytes], str]]:
    dasar = _nama_dasar(laporan)
    return {
        JenisDokumen.LAPORAN_PEMANFAATAN: (
            lambda: pdf.laporan_pemanfaatan_pdf(laporan),
            f"Laporan Pemanfaatan Data Kependudukan {dasar}.pdf",
        ),
        JenisDokumen.LAKIP_BIDANG: (lambda: pdf.lakip_bidang_pdf(laporan), f"Bahan LAKIP Bidang {dasar}.pdf"),
        JenisDokumen.LEMBAR_KENDALI: (lambda: pdf.lembar_kendali_pdf(laporan), f"Lembar Kendali SOP {dasar}.pdf"),
        JenisDokumen.DAFTAR_XLSX: (
            lambda: xlsx.laporan_xlsx(laporan=laporan, user=user),
            f"Daftar dan Rekap Pemanfaatan {dasar}.xlsx",
        ),
    }


def arsip_buat(*, laporan: Laporan, user: Pengguna, berkas: BerkasTransaksi) -> list[ArsipDokumen]:
    """Buat setiap dokumen sekali dan simpan beserta ukuran dan SHA-256-nya, di dalam `transaksi_berkas()`
    Langkah 7 yang menghapus berkasnya lagi bila transaksi itu batal."""
    arsip = []
    for jenis, (buat, nama) in _pembuat(laporan, user).items():
        isi = buat()
        dokumen = ArsipDokumen(
            laporan=laporan,
            jenis_dokumen=jenis,
            nama_berkas=nama,
            ukuran=len(isi),
            sha256=hashlib.sha256(isi).hexdigest(),
        )
        berkas.simpan(dokumen.berkas, nama, isi)
        dokumen.save()
        arsip.append(dokumen)
    return arsip


def manifes(laporan: Laporan, arsip: list[ArsipDokumen]) -> dict:
    return {
        "laporan": str(laporan),
        "tahun": laporan.tahun,
        "periode": laporan.periode,
        "diarsipkan_pada": timezone.localtime(arsip[0].dibuat_pada).isoformat() if arsip else None,
        "berkas": [{"nama": a.nama_berkas, "ukuran": a.ukuran, "sha256": a.sha256} for a in arsip],
    }


def arsip_zip(laporan: Laporan) -> bytes:
    """Satu ZIP berisi semua dokumen dan manifesnya; isinya tetap sama setiap kali diunduh."""
    arsip = list(laporan.arsip.order_by("jenis_dokumen"))
    if not arsip:
        raise ArsipDokumen.DoesNotExist(f"{laporan} belum diarsipkan.")
    waktu = timezone.localtime(arsip[0].dibuat_pada).timetuple()[:6]
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as berkas_zip:
        for dokumen in arsip:
            with dokumen.berkas.open("rb") as isi:
                berkas_zip.writestr(zipfile.ZipInfo(dokumen.nama_berkas, date_time=waktu), isi.read())
        teks = json.dumps(manifes(laporan, arsip), ensure_ascii=False, indent=2)
        berkas_zip.writestr(zipfile.ZipInfo("manifes.json", date_time=waktu), teks.encode())
    return keluaran.getvalue()
