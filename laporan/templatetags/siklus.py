"""Tampilan siklus SOP: durasi kerja, lajur pelaksana."""

from django import template

from akun.models import Peran
from laporan.waktu_kerja import format_durasi, menit

register = template.Library()

# Urutan lajur seperti kolom Pelaksana pada dokumen SOP.
LAJUR = [Peran.SEKRETARIAT, Peran.KABID, Peran.KASI_KIP, Peran.STAF]


@register.filter
def durasi(nilai) -> str:
    """timedelta → `2 jam 5 menit` (jam kerja)."""
    return "—" if nilai is None else format_durasi(nilai)


@register.filter(name="menit")
def menit_data(nilai) -> str:
    """timedelta → menit tanpa format lokal (`12.50`), untuk atribut data grafik."""
    return "" if nilai is None else str(menit(nilai))


@register.simple_tag
def lajur_pelaksana() -> list[Peran]:
    return LAJUR
