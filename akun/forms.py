from django import forms
from django.contrib.auth.forms import UserChangeForm, UserCreationForm

from akun.models import Pengguna
from akun.validators import normalisasi_nip


class NipFormMixin(forms.ModelForm):
    """NIP boleh diketik berkelompok (`19680415 198902 1 001`); disimpan tanpa spasi."""

    nip = forms.CharField(
        label="NIP", max_length=30, required=False, help_text="18 angka, boleh dikosongkan untuk non-ASN."
    )

    def clean_nip(self) -> str:
        return normalisasi_nip(self.cleaned_data.get("nip", ""))


class PenggunaCreationForm(NipFormMixin, UserCreationForm):
    class Meta:
        model = Pengguna
        fields = ["username", "nama", "email", "nip", "jabatan", "pangkat_golongan"]


class PenggunaChangeForm(NipFormMixin, UserChangeForm):
    class Meta:
        model = Pengguna
        fields = [
            "username",
            "password",
            "nama",
            "email",
            "nip",
            "jabatan",
            "pangkat_golongan",
            "is_active",
            "groups",
            "is_staff",
            "is_superuser",
            "user_permissions",
            "last_login",
            "date_joined",
        ]
        field_classes = {"username": forms.CharField}
