"""Cuplikan: banyaknya sebuah himpunan catatan, beberapa contohnya, dan tautan ke seluruhnya."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet, Window

BANYAK_CONTOH = 10


@dataclass(frozen=True)
class Cuplikan:
    """Sebuah himpunan catatan: banyaknya, beberapa contoh untuk ditampilkan, dan tautan ke seluruhnya."""

    jumlah: int
    contoh: list
    tautan: str
    semua: QuerySet  # seluruh catatannya, belum dibaca: untuk unduhan Excel

    @property
    def terpotong(self) -> bool:
        return self.jumlah > len(self.contoh)


def cuplikan(queryset, tautan_semua: str, banyak: int = BANYAK_CONTOH) -> Cuplikan:
    """Satu kueri: contoh terbatas beserta banyaknya seluruh catatan (fungsi jendela COUNT(*) OVER ()),
    agar halaman tetap ringan pada ribuan OPD. Himpunan kosong tidak punya baris pembawa hitungan: 0."""
    contoh = list(queryset.annotate(_jumlah_semua=Window(Count("*")))[:banyak])
    jumlah = contoh[0]._jumlah_semua if contoh else 0
    return Cuplikan(jumlah=jumlah, contoh=contoh, tautan=tautan_semua, semua=queryset)
