from django import forms
from django.contrib.auth.forms import UserChangeForm, UserCreationForm

from akun.models import Pengguna
from akun.validators import normalisasi_nip


class NipFormMixin:
    """NIP boleh diketik berkelompok (`19680415 198902 1 001`); disimpan tanpa spasi."""

    def clean_nip(self) -> str:
        return normalisasi_nip(self.cleaned_data.get("nip", ""))


class PenggunaCreationForm(NipFormMixin, UserCreationForm):
    class Meta:
        model = Pengguna
        fields = ["username", "nama", "email", "nip", "jabatan", "pangkat_golongan"]


class PenggunaChangeForm(NipFormMixin, UserChangeForm):
    class Meta:
        model = Pengguna
        fields = "__all__"
        field_classes = {"username": forms.CharField}
