"""Memeriksa wadah berkas .xlsx lalu membaca barisnya, tanpa mempercayai apa pun yang ditulis pengunggah.

Berkas .xlsx adalah arsip ZIP berisi XML. Sebelum openpyxl membukanya, daftar isi ZIP
(direktori pusat) diperiksa: jumlah anggota, total ukuran terurai, dan rasio kompresi,
agar "bom ZIP" ditolak tanpa pernah diurai. openpyxl sendiri memakai defusedxml untuk
menolak entitas XML berbahaya (billion laughs).
"""

import logging
import zipfile
from dataclasses import dataclass
from typing import IO, Any

import openpyxl
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from pemanfaatan.berkas import daftar_isi_zip
from pemanfaatan.impor import ImporError
from pemanfaatan.impor.kolom import KOLOM, kunci_teks
from pemanfaatan.impor.nilai import angka, kosong

logger = logging.getLogger(__name__)

MAKS_ANGGOTA_ZIP = 200
MAKS_UKURAN_TERURAI = 100 * 1024 * 1024
MAKS_RASIO_KOMPRESI = 100
# Anggota kecil boleh sangat mampat (XML berulang); rasio baru berbahaya bila ukurannya besar.
RASIO_DIPERIKSA_MULAI = 1024 * 1024
# Judul kolom dicari di kolom A sampai AD; sel lebih jauh di kanan diabaikan tanpa dibaca.
MAKS_KOLOM_DIBACA = 30
NAMA_LEMBAR = "Daftar"
# Nomor baris terakhir yang dikenal Excel. openpyxl mengisi celah nomor baris dengan baris kosong,
# jadi nomor baris palsu yang sangat besar akan membuat pembacaan tak berujung tanpa batas ini.
MAKS_NOMOR_BARIS_EXCEL = 1_048_576

TANDA_ZIP = b"PK\x03\x04"
TANDA_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SARAN_SIMPAN = 'Buka berkas di Excel lalu simpan ulang sebagai "Buku Kerja Excel (*.xlsx)".'


@dataclass(frozen=True)
class BarisMentah:
    """Satu baris berisi dari lembar Daftar: nomor baris Excel dan isi sel per judul kolom."""

    nomor: int
    sel: dict[str, Any]


def periksa_wadah(berkas: IO[bytes], ukuran: int) -> None:
    """Tolak berkas yang bukan .xlsx utuh atau yang isinya terlalu besar untuk diurai dengan aman."""
    batas = settings.IMPOR_MAKS_BYTE
    if ukuran > batas:
        raise ImporError(
            f"Berkas terlalu besar ({filesizeformat(ukuran)}); batasnya {filesizeformat(batas)}. "
            "Bagi data menjadi beberapa berkas."
        )
    berkas.seek(0)
    awal = berkas.read(8)
    berkas.seek(0)
    if awal.startswith(TANDA_OLE2):
        raise ImporError(
            "Berkas ini terkunci kata sandi (terenkripsi) atau berformat Excel lama (.xls). "
            f"Hapus kata sandinya, lalu simpan sebagai .xlsx. {SARAN_SIMPAN}"
        )
    if not awal.startswith(TANDA_ZIP):
        raise ImporError(
            "Berkas ini bukan berkas Excel .xlsx (mis. CSV atau PDF yang diganti namanya). "
            f"Pakai templat yang disediakan. {SARAN_SIMPAN}"
        )
    anggota = daftar_isi_zip(berkas)
    if anggota is None:
        raise ImporError(f"Berkas Excel rusak atau tidak lengkap (mungkin terpotong saat disalin). {SARAN_SIMPAN}")
    _periksa_anggota(anggota)


def _periksa_anggota(anggota: list[zipfile.ZipInfo]) -> None:
    # Ukuran dibaca dari direktori pusat; zipfile tidak pernah mengurai melebihi ukuran yang
    # tercatat di sana (CRC gagal), jadi angka ini juga batas kerja openpyxl nanti.
    if "xl/workbook.xml" not in {info.filename for info in anggota}:
        raise ImporError(f"Berkas ini arsip ZIP, tetapi bukan buku kerja Excel .xlsx. {SARAN_SIMPAN}")
    mencurigakan = "Berkas ditolak karena strukturnya tidak wajar untuk sebuah Daftar"
    if len(anggota) > MAKS_ANGGOTA_ZIP:
        raise ImporError(f"{mencurigakan}: berisi {len(anggota)} bagian (batas {MAKS_ANGGOTA_ZIP}). {SARAN_SIMPAN}")
    total = sum(info.file_size for info in anggota)
    if total > MAKS_UKURAN_TERURAI:
        raise ImporError(
            f"{mencurigakan}: isinya {filesizeformat(total)} setelah diurai "
            f"(batas {filesizeformat(MAKS_UKURAN_TERURAI)}). Bagi data menjadi beberapa berkas."
        )
    for info in anggota:
        rasio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RASIO_DIPERIKSA_MULAI and rasio > MAKS_RASIO_KOMPRESI:
            raise ImporError(
                f"{mencurigakan}: bagian {info.filename[:80]} mampat {rasio:.0f} kali "
                f"(batas {MAKS_RASIO_KOMPRESI} kali). {SARAN_SIMPAN}"
            )


def baca_baris(berkas: IO[bytes]) -> list[BarisMentah]:
    """Semua baris berisi lembar Daftar, paling banyak IMPOR_MAKS_BARIS; baris kosong dilewati."""
    berkas.seek(0)
    try:
        buku = openpyxl.load_workbook(berkas, read_only=True, data_only=True)
    except Exception:
        # openpyxl melempar bermacam jenis galat untuk bagian XML yang rusak atau berbahaya.
        logger.warning("Berkas impor tidak dapat dibuka openpyxl", exc_info=True)
        raise ImporError(f"Berkas Excel rusak atau tidak dapat dibaca. {SARAN_SIMPAN}") from None
    try:
        return _baca_lembar(_pilih_lembar(buku))
    except ImporError:
        raise
    except Exception:
        logger.warning("Lembar impor tidak dapat dibaca", exc_info=True)
        raise ImporError(f"Isi lembar Excel rusak atau tidak dapat dibaca. {SARAN_SIMPAN}") from None
    finally:
        buku.close()


def _pilih_lembar(buku):
    if NAMA_LEMBAR in buku.sheetnames:
        return buku[NAMA_LEMBAR]
    if not buku.worksheets:
        raise ImporError("Buku kerja tidak berisi lembar data.")
    return buku.worksheets[0]


def _baca_lembar(lembar) -> list[BarisMentah]:
    # Tag <dimension> ditulis oleh pengunggah; mode read-only mempercayainya dan diam-diam
    # berhenti di sana. Abaikan, dan hitung baris sendiri.
    lembar.reset_dimensions()
    baris_lembar = lembar.iter_rows(min_row=1, max_col=MAKS_KOLOM_DIBACA, values_only=True)
    posisi = _posisi_kolom(next(baris_lembar, ()))
    batas = settings.IMPOR_MAKS_BARIS
    hasil = []
    for nomor, isi in enumerate(baris_lembar, start=2):
        if nomor > MAKS_NOMOR_BARIS_EXCEL:
            raise ImporError(f"Lembar berisi baris di luar batas Excel; berkas rusak. {SARAN_SIMPAN}")
        if isi.count(None) == len(isi):
            continue  # jalan pintas untuk baris kosong, yang bisa berjumlah sejuta
        sel = {kolom: isi[indeks] for kolom, indeks in posisi.items() if indeks < len(isi)}
        if all(kosong(nilai) for nilai in sel.values()):
            continue
        if len(hasil) >= batas:
            raise ImporError(
                f"Berkas berisi lebih dari {angka(batas)} baris data (berhenti membaca di baris "
                f"{angka(nomor)}); bagi data menjadi beberapa berkas."
            )
        hasil.append(BarisMentah(nomor=nomor, sel=sel))
    if not hasil:
        raise ImporError("Lembar Daftar tidak berisi baris data di bawah judul kolom.")
    return hasil


def _posisi_kolom(judul: tuple) -> dict[str, int]:
    """Indeks setiap kolom wajib menurut judul di baris 1; urutan kolom boleh berbeda dari templat."""
    ada = {}
    for indeks, nilai in enumerate(judul):
        if isinstance(nilai, str) and kunci_teks(nilai):
            ada.setdefault(kunci_teks(nilai), indeks)
    posisi = {kolom: ada[kunci_teks(kolom)] for kolom in KOLOM if kunci_teks(kolom) in ada}
    hilang = [kolom for kolom in KOLOM if kolom not in posisi]
    if hilang:
        raise ImporError(
            f"Judul kolom di baris 1 tidak lengkap; kolom yang tidak ada: {', '.join(hilang)}. "
            f"Baris 1 harus berisi: {', '.join(KOLOM)} (unduh templat untuk contohnya)."
        )
    return posisi
