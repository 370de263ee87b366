"""Formulir tiap aksi siklus SOP. Setiap formulir menerima `laporan` dan menyerahkan argumen transisinya."""

from decimal import Decimal

from django import forms
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.functional import cached_property

from akun.models import Pengguna, Peran
from laporan import kelengkapan, rekap
from laporan.iku import angka_laporan, iku_tahun, realisasi
from laporan.models import Iku, Laporan, TargetIku
from laporan.sop import Aksi, Periode
from pemanfaatan.models import TAHUN_MAKSIMUM, TAHUN_MINIMUM


class LaporanBaruForm(forms.Form):
    tahun = forms.IntegerField(min_value=2015, max_value=2100)
    periode = forms.ChoiceField(choices=Periode.choices, initial=Periode.TAHUNAN)
    arahan = forms.CharField(
        label="Arahan kepada Kasi KIP (boleh diisi nanti pada Langkah 1)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun"].initial = timezone.localdate().year


class FormAksi(forms.Form):
    """Dasar formulir aksi: `argumen()` untuk metode transisi, `catatan()` untuk jejak audit."""

    def __init__(self, *args, laporan: Laporan, **kwargs):
        self.laporan = laporan
        super().__init__(*args, **kwargs)

    def argumen(self) -> dict:
        return {}

    def catatan(self) -> str:
        return ""


def _teks(label: str, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": 4}), **kwargs)


class ArahanForm(FormAksi):
    arahan = _teks("Arahan kepada Kasi KIP")

    def argumen(self) -> dict:
        return {"arahan": self.cleaned_data["arahan"]}


class PetunjukForm(FormAksi):
    petunjuk = _teks("Petunjuk kepada Staf")
    staf = forms.ModelChoiceField(
        queryset=Pengguna.objects.none(),
        required=False,
        label="Tugaskan kepada Staf (opsional)",
        help_text="Bila diisi, hanya Staf ini yang mengerjakan Langkah 3 dan 4.",
        empty_label="Siapa pun yang berperan Staf",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        staf = Group.objects.get(name=Peran.STAF).user_set.filter(is_active=True)
        self.fields["staf"].queryset = staf.order_by("nama")

    def argumen(self) -> dict:
        return {"petunjuk": self.cleaned_data["petunjuk"], "staf": self.cleaned_data["staf"]}


class FormBersidik(FormAksi):
    """Aksi yang mengesahkan isi yang dilihat pengguna (hitungan, peringatan), bukan isi sesaat transisi.

    Halaman membawa sidik isi itu (`sidik_terkini()`) dalam kolom tersembunyi; saat transisi, isi dibentuk ulang
    dan sidiknya harus sama. Bila berbeda, formulir ditolak dengan `pesan_berubah` dan ditampilkan ulang
    membawa sidik isi terbaru, sehingga pengguna memeriksa isi yang baru lalu mengirimnya lagi.
    """

    sidik = forms.CharField(widget=forms.HiddenInput)
    pesan_berubah = "Isi halaman ini berubah sejak dibuka. Periksa isi terbaru di atas, lalu kirim lagi."

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sidik"].initial = self.sidik_terkini()

    def sidik_terkini(self) -> str:
        raise NotImplementedError

    def clean(self):
        cleaned = super().clean()
        self.tolak_bila_berubah(self.sidik_terkini())
        return cleaned

    def tolak_bila_berubah(self, terkini: str) -> bool:
        """Bila sidik kiriman bukan `terkini`: galat formulir umum (kolom sidik tersembunyi, galatnya harus
        terlihat di atas formulir) dan sidik terbaru untuk pengiriman berikutnya."""
        if self.cleaned_data.get("sidik") == terkini:
            return False
        self.perbarui_sidik(terkini)
        self.add_error(None, self.pesan_berubah)
        return True

    def perbarui_sidik(self, sidik: str) -> None:
        """Formulir yang ditampilkan ulang membawa sidik isi terbaru, agar dapat dikirim lagi."""
        data = self.data.copy()
        data["sidik"] = sidik
        self.data = data


PESAN_PERINGATAN_BERUBAH = (
    "Daftar berubah sejak halaman ini dibuka, sehingga peringatan kelengkapannya tidak lagi sama dengan yang Anda "
    "baca. Baca peringatan terbaru di atas, lalu selesaikan Daftar lagi (centang pengakuannya bila masih ada "
    "peringatan)."
)


class SelesaikanDaftarForm(FormBersidik):
    """Langkah 3: peringatan yang diakui dan disimpan harus persis yang dibaca Staf (dicocokkan lewat sidiknya).

    Peringatan dibentuk sekali per formulir: halaman menampilkan, sidik menandai, dan transisi menyimpan daftar
    yang sama.
    """

    akui_peringatan = forms.BooleanField(
        required=False,
        label="Saya sudah membaca peringatan kelengkapan di atas dan tetap menutup Daftar.",
    )
    pesan_berubah = PESAN_PERINGATAN_BERUBAH

    @cached_property
    def peringatan(self) -> list[kelengkapan.Peringatan]:
        laporan = self.laporan
        return kelengkapan.periksa(tahun=laporan.tahun, bulan_awal=laporan.bulan_awal, bulan_akhir=laporan.bulan_akhir)

    def sidik_terkini(self) -> str:
        return kelengkapan.sidik(self.peringatan)

    def clean(self):
        cleaned = super().clean()
        if self.peringatan and not cleaned.get("akui_peringatan"):
            self.add_error(
                "akui_peringatan",
                "Daftar masih punya peringatan kelengkapan. Lengkapi dulu, atau centang kotak ini untuk "
                "menutup Daftar dengan peringatan tersebut.",
            )
        return cleaned

    def perbarui_sidik(self, sidik: str) -> None:
        super().perbarui_sidik(sidik)
        # Centang itu mengakui peringatan yang sudah dibaca; peringatan yang baru harus dibaca dan diakui lagi.
        self.data.pop("akui_peringatan", None)

    def argumen(self) -> dict:
        return {"peringatan": [p.pesan for p in self.peringatan]}

    def catatan(self) -> str:
        return " ".join(p.pesan for p in self.peringatan)


PESAN_HITUNGAN_BERUBAH = (
    "Daftar berubah sejak halaman ini dibuka, sehingga hitungannya tidak lagi sama dengan yang Anda periksa. "
    "Periksa hitungan terbaru di atas, lalu laporkan lagi."
)


class LaporkanHitunganForm(FormBersidik):
    """Langkah 4: yang dibekukan harus persis hitungan yang dilihat Staf (dicocokkan lewat sidiknya)."""

    konfirmasi = forms.BooleanField(label="Saya sudah memeriksa hitungan ini dan melaporkannya kepada Kasi KIP.")
    pesan_berubah = PESAN_HITUNGAN_BERUBAH

    @cached_property
    def hitungan(self) -> rekap.HasilHitung:
        laporan = self.laporan
        return rekap.hitung(tahun=laporan.tahun, bulan_awal=laporan.bulan_awal, bulan_akhir=laporan.bulan_akhir)

    def sidik_terkini(self) -> str:
        return rekap.sidik(self.hitungan)


class SampaikanLaporanForm(FormAksi):
    analisa = _teks("Analisa")
    evaluasi = _teks("Evaluasi")
    rekomendasi = _teks("Rekomendasi")

    def argumen(self) -> dict:
        return {key: self.cleaned_data[key] for key in ("analisa", "evaluasi", "rekomendasi")}


class AlasanForm(FormAksi):
    """Pengembalian dan pembatalan: alasan wajib, dan dicatat di jejak audit."""

    alasan = _teks("Alasan", min_length=10, help_text="Tulis apa yang harus diperbaiki atau mengapa dibatalkan.")

    def catatan(self) -> str:
        return self.cleaned_data["alasan"]


class LakipBidangForm(FormAksi):
    """Langkah 6: tiap IKU dengan target, realisasi (terisi dari hitungan, boleh dikoreksi dengan alasan)."""

    narasi = _teks("Narasi LAKIP Bidang")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.baris_iku: list[tuple[Iku, TargetIku | None, Decimal | None]] = []
        angka = angka_laporan(self.laporan)
        for iku, target in iku_tahun(tahun=self.laporan.tahun):
            hitungan = None if angka is None else realisasi(iku=iku, angka=angka)
            self.baris_iku.append((iku, target, hitungan))
            self.fields[f"realisasi_{iku.pk}"] = forms.DecimalField(
                label=f"Realisasi {iku.nama} ({iku.satuan})",
                min_value=0,
                max_digits=14,
                decimal_places=2,
                initial=hitungan,
            )
            self.fields[f"alasan_{iku.pk}"] = forms.CharField(
                label=f"Alasan koreksi {iku.kode}", required=False, widget=forms.Textarea(attrs={"rows": 2})
            )

    def clean(self):
        cleaned = super().clean()
        if not self.baris_iku:
            raise forms.ValidationError(
                f"Belum ada IKU aktif. Tetapkan IKU dan target tahun {self.laporan.tahun} lebih dulu di halaman IKU."
            )
        for iku, target, hitungan in self.baris_iku:
            if target is None:
                self.add_error(f"realisasi_{iku.pk}", f"Target {iku.kode} tahun {self.laporan.tahun} belum ditetapkan.")
            realisasi = cleaned.get(f"realisasi_{iku.pk}")
            dikoreksi = realisasi is not None and hitungan is not None and realisasi != hitungan
            if dikoreksi and not cleaned.get(f"alasan_{iku.pk}", "").strip():
                self.add_error(
                    f"alasan_{iku.pk}",
                    f"Realisasi diubah dari hasil hitungan ({hitungan}); tulis alasan koreksinya.",
                )
        return cleaned

    def realisasi(self) -> list[dict]:
        return [
            {
                "iku": iku,
                "target": target.target,
                "realisasi_hitung": hitungan,
                "realisasi": self.cleaned_data[f"realisasi_{iku.pk}"],
                "alasan_koreksi": self.cleaned_data[f"alasan_{iku.pk}"].strip(),
            }
            for iku, target, hitungan in self.baris_iku
        ]

    def argumen(self) -> dict:
        return {"narasi": self.cleaned_data["narasi"]}


class TerimaForm(FormAksi):
    catatan_pemeriksaan = _teks("Catatan pemeriksaan")

    def argumen(self) -> dict:
        return {"catatan": self.cleaned_data["catatan_pemeriksaan"]}

    def catatan(self) -> str:
        return self.cleaned_data["catatan_pemeriksaan"]


FORM_AKSI: dict[Aksi, type[FormAksi]] = {
    Aksi.BERI_ARAHAN: ArahanForm,
    Aksi.BERI_PETUNJUK: PetunjukForm,
    Aksi.SELESAIKAN_DAFTAR: SelesaikanDaftarForm,
    Aksi.LAPORKAN_HITUNGAN: LaporkanHitunganForm,
    Aksi.SAMPAIKAN_LAPORAN: SampaikanLaporanForm,
    Aksi.SAMPAIKAN_LAKIP_BIDANG: LakipBidangForm,
    Aksi.TERIMA: TerimaForm,
    Aksi.KEMBALIKAN_KE_STAF: AlasanForm,
    Aksi.KEMBALIKAN_KE_KASI: AlasanForm,
    Aksi.KEMBALIKAN_KE_KABID: AlasanForm,
    Aksi.BATALKAN: AlasanForm,
}


class IkuForm(forms.ModelForm):
    class Meta:
        model = Iku
        fields = ["kode", "nama", "satuan", "polaritas", "sumber", "urutan", "aktif"]


class TargetIkuForm(forms.ModelForm):
    class Meta:
        model = TargetIku
        fields = ["iku", "tahun", "target"]


class TahunDasborForm(forms.Form):
    """Tahun dasbor dari `?tahun=`; kosong berarti tahun berjalan."""

    tahun = forms.IntegerField(required=False, min_value=TAHUN_MINIMUM, max_value=TAHUN_MAKSIMUM)

    def tahun_dipilih(self) -> int:
        if self.is_valid() and self.cleaned_data["tahun"]:
            return self.cleaned_data["tahun"]
        return timezone.localdate().year
