"""Langkah 7: bahan LAKIP Dinas dibuat sekali saat Sekretariat menerima, lalu diarsipkan dengan SHA-256.

Unduhan kemudian selalu mengembalikan byte yang sama, apa pun yang berubah sesudahnya.
"""

import hashlib
import io
import json
import logging
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone

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


class BerkasTransaksi:
    """Berkas yang ditulis ke penyimpanan media di dalam satu transaksi, untuk dihapus bila transaksi itu batal."""

    def __init__(self) -> None:
        self._tertulis: list[tuple[Storage, str]] = []

    def simpan(self, berkas: FieldFile, nama: str, isi: bytes) -> None:
        berkas.save(nama, ContentFile(isi), save=False)
        self._tertulis.append((berkas.storage, berkas.name))

    def hapus_semua(self) -> None:
        for penyimpanan, nama in self._tertulis:
            try:
                penyimpanan.delete(nama)
            except Exception:
                # Galat aslinya yang diteruskan; berkas yang tak terhapus dicatat agar dapat dibersihkan tangan.
                logger.exception("Berkas %s tertinggal di penyimpanan setelah transaksinya batal.", nama)
        self._tertulis.clear()


@contextmanager
def transaksi_berkas() -> Iterator[BerkasTransaksi]:
    """`transaction.atomic()` yang menghapus berkas yang ditulis di dalamnya bila transaksinya tidak jadi tersimpan.

    Baris ArsipDokumen dan berkasnya harus ada bersama-sama atau tidak sama sekali. Berkas ditulis *sebelum*
    commit, tidak pada `on_commit`: berkas yang ditulis sesudah commit dapat gagal (disk penuh, proses berhenti)
    ketika baris dan Langkah 7 sudah tersimpan, dan baris yang menunjuk berkas hilang tidak dapat diperbaiki lagi,
    karena dokumen dibuat sekali dan byte-nya tidak dapat dibentuk ulang. Ditulis sebelum commit, berkas sudah ada
    saat barisnya tersimpan. Sebaliknya, bila blok keluar dengan galat di langkah mana pun (termasuk commit yang
    ditolak basis data: `atomic` me-rollback lalu meneruskan galatnya) atau ditandai rollback tanpa galat
    (`set_rollback`), berkas yang sudah ditulis dihapus sebelum galatnya diteruskan, sehingga tidak ada berkas
    tanpa baris.

    Batasnya: bila blok ini dibungkus transaksi pemanggil, keluar tanpa galat hanya berarti savepoint dilepas;
    rollback transaksi pemanggil sesudahnya tidak terlihat dari sini (Django tidak punya kait on_rollback),
    begitu pula proses yang mati di antara menulis berkas dan commit. Keduanya hanya dapat meninggalkan berkas
    tanpa baris (bernama acak, dapat dicocokkan dengan tabel ArsipDokumen), tidak pernah baris tanpa berkas.
    Halaman Laporan memanggil `laporan_transisi` di luar transaksi lain (ATOMIC_REQUESTS mati), sehingga di sana
    blok ini adalah transaksinya sendiri dan keluar tanpa galat berarti sudah di-commit.
    """
    berkas = BerkasTransaksi()
    try:
        with transaction.atomic():
            yield berkas
            batal = transaction.get_rollback()
    except BaseException:
        berkas.hapus_semua()
        raise
    if batal:
        berkas.hapus_semua()


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
