from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat


class UnggahImporForm(forms.Form):
    """Hanya memastikan ada berkas; isinya diperiksa oleh layanan impor."""

    berkas = forms.FileField(
        label="Berkas Excel (.xlsx)",
        help_text=f"Isi templat di atas; paling besar {filesizeformat(settings.IMPOR_MAKS_BYTE)}.",
        widget=forms.FileInput(
            attrs={"accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
    )
