"""Templat <select> proyek (tanpa include per opsi) menghasilkan HTML yang sama dengan templat bawaan Django."""

import lxml.html
import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer

PILIHAN = [("", "Semua"), ("1", 'Dinas <Kesehatan> & "Sosial"'), ("2", "Biro Hukum"), (3, "Angka")]
BERKELOMPOK = [("Dinas", [("1", "Dinas Kesehatan"), ("2", "Dinas Sosial")]), ("Badan", [("3", "Bappeda")])]


def pohon(html: str) -> list:
    """Susunan elemen, atribut dan teks; spasi di antara elemen tidak dihitung."""
    akar = lxml.html.fragment_fromstring(html)
    return [(el.tag, sorted(el.attrib.items()), (el.text or "").strip()) for el in akar.iter()]


@pytest.mark.parametrize(
    ("widget", "nilai"),
    [
        (forms.Select(choices=PILIHAN), "1"),
        (forms.Select(choices=PILIHAN, attrs={"class": "form-select", "aria-invalid": "true"}), 3),
        (forms.Select(choices=PILIHAN), None),
        (forms.SelectMultiple(choices=PILIHAN), ["1", "2"]),
        (forms.NullBooleanSelect(), True),
        (forms.Select(choices=BERKELOMPOK), "2"),
    ],
)
def test_select_sama_dengan_bawaan_django(widget, nilai):
    assert get_default_renderer().__class__.__name__ == "TemplatesSetting"
    proyek = widget.render("pilihan", nilai, attrs={"id": "id_pilihan"})
    bawaan = widget.render("pilihan", nilai, attrs={"id": "id_pilihan"}, renderer=DjangoTemplates())
    assert pohon(proyek) == pohon(bawaan)
    assert "<Kesehatan>" not in proyek


def test_opsi_terpilih_dan_label_di_escape():
    html = forms.Select(choices=PILIHAN).render("opd", "1")
    (terpilih,) = lxml.html.fragment_fromstring(html).xpath("//option[@selected]")
    assert terpilih.get("value") == "1"
    assert terpilih.text == 'Dinas <Kesehatan> & "Sosial"'
    assert "&lt;Kesehatan&gt; &amp;" in html
