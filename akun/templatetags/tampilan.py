"""Filter dan tag tampilan: angka Indonesia, persen, tajuk kolom yang bisa diurutkan."""

from django import forms, template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.formats import number_format

from akun.angka import bulatkan

register = template.Library()


@register.filter
def angka(nilai) -> str:
    """1234567 → `1.234.567`."""
    if nilai in (None, ""):
        return "—"
    if type(nilai) is int:
        # Hampir semua angka halaman adalah bilangan bulat: pemisah ribuan Indonesia (satu-satunya bahasa
        # aplikasi) tanpa mencari format lokal setiap kali; tabel hitungan memanggil ini ratusan kali.
        return f"{nilai:,}".replace(",", ".")
    return intcomma(nilai, use_l10n=True)


@register.filter
def persen(nilai, desimal: int = 2) -> str:
    """87.5 → `87,50%`."""
    if nilai in (None, ""):
        return "—"
    # number_format memotong desimal (66,66…% → 66%); dibulatkan dulu seperti kebiasaan laporan (67%).
    return f"{number_format(bulatkan(nilai, int(desimal)), decimal_pos=desimal, use_l10n=True, force_grouping=True)}%"


@register.filter
def widget_filter(bidang: forms.BoundField) -> str:
    """Widget kolom filter dengan kelas Bootstrap 5, ditandai tidak sah dan ditautkan ke pesan galatnya."""
    kelas = "form-select" if isinstance(bidang.field.widget, forms.Select) else "form-control"
    if not bidang.errors:
        return bidang.as_widget(attrs={"class": kelas})
    galat = {"class": f"{kelas} is-invalid", "aria-invalid": "true", "aria-describedby": f"galat_{bidang.auto_id}"}
    return bidang.as_widget(attrs=galat)


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
