"""Pemeriksaan berkas unggahan berdasarkan isinya, bukan nama atau Content-Type kiriman peramban."""

import zipfile
from typing import IO

from pemanfaatan.models import JenisBerkas

TANDA_AWAL = [
    (b"%PDF-", JenisBerkas.PDF),
    (b"\x89PNG\r\n\x1a\n", JenisBerkas.PNG),
    (b"\xff\xd8\xff", JenisBerkas.JPG),
]
BAGIAN_OFFICE = {
    JenisBerkas.XLSX: "xl/workbook.xml",
    JenisBerkas.DOCX: "word/document.xml",
}
TIPE_MIME = {
    JenisBerkas.PDF: "application/pdf",
    JenisBerkas.PNG: "image/png",
    JenisBerkas.JPG: "image/jpeg",
    JenisBerkas.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    JenisBerkas.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def daftar_isi_zip(berkas: IO[bytes]) -> list[zipfile.ZipInfo] | None:
    """Daftar anggota arsip ZIP (hanya direktori pusat yang dibaca), atau None bila bukan ZIP yang utuh."""
    berkas.seek(0)
    try:
        with zipfile.ZipFile(berkas) as arsip:
            return arsip.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    finally:
        berkas.seek(0)


def deteksi_jenis_berkas(berkas: IO[bytes]) -> JenisBerkas | None:
    """Jenis berkas menurut tanda tangan isinya; None bila bukan salah satu jenis yang diterima."""
    berkas.seek(0)
    awal = berkas.read(8)
    berkas.seek(0)
    for tanda, jenis in TANDA_AWAL:
        if awal.startswith(tanda):
            return jenis
    if not awal.startswith(b"PK\x03\x04"):
        return None
    anggota = daftar_isi_zip(berkas)
    if anggota is None:
        return None
    nama = {info.filename for info in anggota}
    if "[Content_Types].xml" not in nama:
        return None
    for jenis, bagian in BAGIAN_OFFICE.items():
        if bagian in nama:
            return jenis
    return None
