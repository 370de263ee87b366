"""Validasi NIP (Nomor Induk Pegawai) 18 digit.

Susunan NIP: tanggal lahir YYYYMMDD, TMT CPNS YYYYMM, jenis kelamin (1 laki-laki,
2 perempuan), nomor urut tiga digit — ditulis `19680415 198902 1 001`.
"""

import datetime

from django.core.exceptions import ValidationError


def normalisasi_nip(nilai: str) -> str:
    """Buang spasi dan titik yang lazim dipakai saat NIP ditulis berkelompok."""
    return "".join(nilai.split()).replace(".", "")


def validasi_nip(nilai: str) -> None:
    nip = normalisasi_nip(nilai)
    if len(nip) != 18 or not nip.isdigit():
        raise ValidationError("NIP harus terdiri atas 18 angka.", code="panjang")
    try:
        lahir = datetime.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise ValidationError(
            "8 angka pertama NIP harus tanggal lahir yang sah (TTTTBBHH).", code="tanggal_lahir"
        ) from None
    if lahir > datetime.date.today():
        raise ValidationError("Tanggal lahir pada NIP tidak boleh di masa depan.", code="tanggal_lahir")
    if not 1 <= int(nip[12:14]) <= 12:
        raise ValidationError("Angka ke-9 s.d. 14 NIP harus bulan pengangkatan yang sah (TTTTBB).", code="tmt")
    if nip[14] not in "12":
        raise ValidationError("Angka ke-15 NIP (jenis kelamin) harus 1 atau 2.", code="jenis_kelamin")


def format_nip(nip: str) -> str:
    """`196804151989021001` → `19680415 198902 1 001`."""
    if len(nip) != 18:
        return nip
    return f"{nip[0:8]} {nip[8:14]} {nip[14]} {nip[15:18]}"
