"""Berkas media yang ditulis di dalam transaksi basis data: dihapus lagi bila transaksinya tidak tersimpan.

Dipakai setiap layanan yang menyimpan berkas beserta barisnya: arsip Langkah 7, data dukung, unggahan impor.
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.files.base import ContentFile, File
from django.core.files.storage import Storage
from django.db import transaction
from django.db.models.fields.files import FieldFile

logger = logging.getLogger(__name__)


class BerkasTransaksi:
    """Berkas yang ditulis ke penyimpanan media di dalam satu transaksi, untuk dihapus bila transaksi itu batal."""

    def __init__(self) -> None:
        self._tertulis: list[tuple[Storage, str]] = []

    def simpan(self, berkas: FieldFile, nama: str, isi: bytes | File) -> None:
        berkas.save(nama, isi if isinstance(isi, File) else ContentFile(isi), save=False)
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

    Baris (ArsipDokumen, DataDukung, ImporPemanfaatan) dan berkasnya harus ada bersama-sama atau tidak sama sekali.
    Berkas ditulis *sebelum* commit, tidak pada `on_commit`: berkas yang ditulis sesudah commit dapat gagal (disk
    penuh, proses berhenti) ketika barisnya sudah tersimpan, dan baris yang menunjuk berkas hilang tidak dapat
    diperbaiki lagi (dokumen Langkah 7 dibuat sekali; unggahan tidak ada lagi pada pengunggahnya). Ditulis sebelum
    commit, berkas sudah ada saat barisnya tersimpan. Sebaliknya, bila blok keluar dengan galat di langkah mana pun
    (termasuk commit yang ditolak basis data: `atomic` me-rollback lalu meneruskan galatnya) atau ditandai rollback
    tanpa galat (`set_rollback`), berkas yang sudah ditulis dihapus sebelum galatnya diteruskan, sehingga tidak ada
    berkas tanpa baris.

    Batasnya: bila blok ini dibungkus transaksi pemanggil, keluar tanpa galat hanya berarti savepoint dilepas;
    rollback transaksi pemanggil sesudahnya tidak terlihat dari sini (Django tidak punya kait on_rollback),
    begitu pula proses yang mati di antara menulis berkas dan commit. Keduanya hanya dapat meninggalkan berkas
    tanpa baris (bernama acak, dapat dicocokkan dengan tabelnya), tidak pernah baris tanpa berkas.
    Halaman memanggil layanan di luar transaksi lain (ATOMIC_REQUESTS mati), sehingga di sana blok ini adalah
    transaksinya sendiri dan keluar tanpa galat berarti sudah di-commit.
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
