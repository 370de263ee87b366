from django import forms
from django.conf import settings
from django.db.models import Q
from django.template.defaultfilters import filesizeformat

from pemanfaatan.berkas import deteksi_jenis_berkas
from pemanfaatan.models import (
    JenisBerkas,
    MetodeAkses,
    Opd,
    Pemanfaatan,
    PerjanjianKerjaSama,
    TujuanPemanfaatan,
)


def rapikan_spasi(teks: str) -> str:
    return " ".join(teks.split())


def opd_pilihan(opd_sekarang: int | None):
    """OPD yang boleh dipilih: yang aktif, ditambah OPD data yang sedang diubah walau sudah nonaktif."""
    return Opd.objects.filter(Q(aktif=True) | Q(pk=opd_sekarang))


class InputTanggal(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class OpdForm(forms.ModelForm):
    class Meta:
        model = Opd
        fields = ["kode", "nama", "singkatan", "jenis", "aktif"]

    def clean_kode(self) -> str:
        return self.cleaned_data["kode"].strip()

    def clean_nama(self) -> str:
        return rapikan_spasi(self.cleaned_data["nama"])


class PksForm(forms.ModelForm):
    tujuan = forms.MultipleChoiceField(
        label="Tujuan pemanfaatan (UU 24/2013 Pasal 58 ayat 4)",
        choices=TujuanPemanfaatan.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    metode_akses = forms.MultipleChoiceField(
        label="Metode akses", choices=MetodeAkses.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = PerjanjianKerjaSama
        fields = [
            "nomor",
            "opd",
            "tanggal",
            "berlaku_mulai",
            "berlaku_sampai",
            "lingkup_data_kependudukan",
            "lingkup_nik",
            "lingkup_ktp_el",
            "tujuan",
            "metode_akses",
            "dokumen",
            "keterangan",
        ]
        widgets = {"tanggal": InputTanggal(), "berlaku_mulai": InputTanggal(), "berlaku_sampai": InputTanggal()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = opd_pilihan(self.instance.opd_id)

    def clean_nomor(self) -> str:
        return rapikan_spasi(self.cleaned_data["nomor"])

    def clean_dokumen(self):
        dokumen = self.cleaned_data.get("dokumen")
        if not dokumen or dokumen == self.instance.dokumen:
            return dokumen
        if dokumen.size > settings.DOKUMEN_PKS_MAKS_BYTE:
            raise forms.ValidationError(
                f"Dokumen PKS terlalu besar ({filesizeformat(dokumen.size)}); "
                f"batasnya {filesizeformat(settings.DOKUMEN_PKS_MAKS_BYTE)}."
            )
        if deteksi_jenis_berkas(dokumen) != JenisBerkas.PDF:
            raise forms.ValidationError("Dokumen PKS harus berkas PDF (diperiksa dari isi berkas, bukan namanya).")
        return dokumen

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f) for f in PerjanjianKerjaSama.LINGKUP_FIELD.values()):
            self.add_error("lingkup_data_kependudukan", "Pilih sedikitnya satu ruang lingkup pemanfaatan.")
        return cleaned


class PilihanPks(forms.Select):
    """Pilihan PKS yang membawa OPD pemiliknya, agar skrip halaman dapat menyaring PKS menurut OPD."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        opsi = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value:
            opsi["attrs"]["data-opd"] = value.instance.opd_id
        return opsi


class PilihanPksField(forms.ModelChoiceField):
    def label_from_instance(self, pks: PerjanjianKerjaSama) -> str:
        return f"{pks.nomor} — {pks.opd} (berlaku {pks.berlaku_mulai:%d/%m/%Y} s.d. {pks.berlaku_sampai:%d/%m/%Y})"


class PemanfaatanForm(forms.ModelForm):
    """Satu baris Daftar. Dipakai oleh formulir peramban dan oleh impor Excel: satu aturan."""

    class Meta:
        model = Pemanfaatan
        fields = ["opd", "jenis", "tahun", "bulan", "keperluan", "metode_akses", "pks", "jumlah", "keterangan"]
        widgets = {"keterangan": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = opd_pilihan(self.instance.opd_id)
        self.fields["pks"].queryset = PerjanjianKerjaSama.objects.select_related("opd")
        self.fields["pks"].help_text = "Kosongkan bila belum ada PKS; baris akan ditandai sebagai temuan."

    def clean_keperluan(self) -> str:
        return rapikan_spasi(self.cleaned_data["keperluan"])

    def clean(self):
        cleaned = super().clean()
        opd, pks = cleaned.get("opd"), cleaned.get("pks")
        if opd and pks and pks.opd_id != opd.pk:
            self.add_error("pks", f"PKS {pks.nomor} milik {pks.opd}, bukan {opd}.")
        return cleaned


class DataDukungForm(forms.Form):
    berkas = forms.FileField(
        label="Berkas data dukung",
        help_text="PDF, JPG, PNG, XLSX atau DOCX; paling besar 10 MB.",
    )
    keterangan = forms.CharField(max_length=255, required=False)

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if berkas.size > settings.DATA_DUKUNG_MAKS_BYTE:
            raise forms.ValidationError(
                f"Berkas terlalu besar ({filesizeformat(berkas.size)}); "
                f"batasnya {filesizeformat(settings.DATA_DUKUNG_MAKS_BYTE)}."
            )
        jenis = deteksi_jenis_berkas(berkas)
        if jenis is None:
            raise forms.ValidationError(
                "Jenis berkas tidak diterima. Unggah PDF, JPG, PNG, XLSX atau DOCX "
                "(jenis diperiksa dari isi berkas, bukan dari namanya)."
            )
        self.cleaned_data["jenis_berkas"] = jenis
        return berkas
