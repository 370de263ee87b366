"""Kolom berkas impor dan nama-nama lain yang diterima untuk setiap pilihan."""

import re

from pemanfaatan.models import NAMA_BULAN, JenisPemanfaatan, MetodeAkses

OPD = "OPD"
JENIS = "Jenis Pemanfaatan"
TAHUN = "Tahun"
BULAN = "Bulan"
KEPERLUAN = "Keperluan"
METODE = "Metode Akses"
NOMOR_PKS = "Nomor PKS"
JUMLAH = "Jumlah"
KETERANGAN = "Keterangan"

KOLOM = (OPD, JENIS, TAHUN, BULAN, KEPERLUAN, METODE, NOMOR_PKS, JUMLAH, KETERANGAN)

# Bidang PemanfaatanForm → judul kolom Excel, untuk mengembalikan galat formulir ke kolomnya.
KOLOM_BIDANG = {
    "opd": OPD,
    "jenis": JENIS,
    "tahun": TAHUN,
    "bulan": BULAN,
    "keperluan": KEPERLUAN,
    "metode_akses": METODE,
    "pks": NOMOR_PKS,
    "jumlah": JUMLAH,
    "keterangan": KETERANGAN,
}


def kunci_teks(nilai: str) -> str:
    """Kunci pencocokan nama: tanpa beda huruf besar/kecil dan spasi berlebih."""
    return " ".join(nilai.split()).casefold()


def kunci_ringkas(nilai: str) -> str:
    """Kunci pencocokan pilihan: hanya huruf dan angka, sehingga `KTP-el`, `ktp el`, `KTP_EL` sama."""
    return re.sub(r"[\W_]+", "", nilai.casefold())


def _alias_pilihan(choices: type, tambahan: dict[str, str]) -> dict[str, str]:
    alias = {}
    for pilihan in choices:
        alias[kunci_ringkas(pilihan.value)] = pilihan.value
        alias[kunci_ringkas(pilihan.label)] = pilihan.value
    alias.update({kunci_ringkas(nama): nilai for nama, nilai in tambahan.items()})
    return alias


ALIAS_JENIS = _alias_pilihan(
    JenisPemanfaatan,
    {
        "Data Kependudukan": JenisPemanfaatan.DATA_KEPENDUDUKAN,
        "KTP-el": JenisPemanfaatan.KTP_EL,
        "e-KTP": JenisPemanfaatan.KTP_EL,
    },
)
ALIAS_METODE = _alias_pilihan(
    MetodeAkses,
    {"Card reader": MetodeAkses.CARD_READER, "Permintaan tertulis": MetodeAkses.PERMINTAAN_TERTULIS},
)

_SINGKATAN_BULAN = {
    "jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "mei": 5, "jun": 6, "jul": 7,
    "agu": 8, "agt": 8, "ags": 8, "agus": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "nop": 11, "des": 12,
}  # fmt: skip
# Ejaan lama (Pebruari, Nopember) masih sering dipakai di dokumen dinas.
ALIAS_BULAN = {
    **{nama.casefold(): nomor for nomor, nama in enumerate(NAMA_BULAN, start=1)},
    "pebruari": 2,
    "nopember": 11,
    **_SINGKATAN_BULAN,
}
