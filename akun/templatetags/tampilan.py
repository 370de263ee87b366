"""Filter dan tag tampilan: angka Indonesia, persen, tajuk kolom yang bisa diurutkan."""

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.formats import number_format

from akun.angka import bulatkan

register = template.Library()


@register.filter
def angka(nilai) -> str:
    """1234567 → `1.234.567`."""
    if nilai in (None, ""):
        return "—"
    return intcomma(nilai, use_l10n=True)


@register.filter
def persen(nilai, desimal: int = 2) -> str:
    """87.5 → `87,50%`."""
    if nilai in (None, ""):
        return "—"
    # number_format memotong desimal (66,66…% → 66%); dibulatkan dulu seperti kebiasaan laporan (67%).
    return f"{number_format(bulatkan(nilai, int(desimal)), decimal_pos=desimal, use_l10n=True, force_grouping=True)}%"


@register.inclusion_tag("_urut_kolom.html", takes_context=True)
def urut_kolom(context, kunci: str, label: str, kelas: str = "") -> dict:
    """Tajuk kolom yang mengubah `?urut=` (naik → turun → naik) dan tetap membawa filter lain."""
    sekarang = context["request"].GET.get("urut", "")
    if sekarang == kunci:
        arah, berikut = "naik", f"-{kunci}"
    elif sekarang == f"-{kunci}":
        arah, berikut = "turun", kunci
    else:
        arah, berikut = "", kunci
    return {"request": context["request"], "label": label, "berikut": berikut, "arah": arah, "kelas": kelas}
