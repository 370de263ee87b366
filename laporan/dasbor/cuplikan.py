"""Cuplikan: banyaknya sebuah himpunan catatan, beberapa contohnya, dan tautan ke seluruhnya."""

from dataclasses import dataclass

from django.db.models import QuerySet

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
    """Dua kueri: hitungan dan contoh terbatas, agar halaman tetap ringan pada ribuan OPD."""
    return Cuplikan(jumlah=queryset.count(), contoh=list(queryset[:banyak]), tautan=tautan_semua, semua=queryset)
