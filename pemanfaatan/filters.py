"""Filter dan urutan untuk daftar-daftar di halaman pemanfaatan (django-filter)."""

import django_filters
from django import forms
from django.db.models import Q

from pemanfaatan.models import (
    TAHUN_MAKSIMUM,
    TAHUN_MINIMUM,
    Bulan,
    JenisOpd,
    JenisPemanfaatan,
    KeadaanPksOpd,
    MetodeAkses,
    Opd,
    StatusPks,
    StatusPksPemanfaatan,
)

PILIHAN_YA_TIDAK = forms.Select(choices=[("", "Semua"), ("true", "Sudah ada"), ("false", "Belum ada")])
PILIHAN_AKTIF = forms.Select(choices=[("", "Semua"), ("true", "Aktif"), ("false", "Nonaktif")])


class TahunFilter(django_filters.NumberFilter):
    """Tahun bilangan bulat: `2026.9` ditolak dengan pesan, bukan dipotong diam-diam menjadi 2026."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", TAHUN_MINIMUM)
        kwargs.setdefault("max_value", TAHUN_MAKSIMUM)
        super().__init__(*args, **kwargs)


# Temuan kepatuhan di dasbor: semua baris yang dasar hukumnya tidak sah, apa pun sebabnya.
TIDAK_SAH = "TIDAK_SAH"


class OpdFilter(django_filters.FilterSet):
    cari = django_filters.CharFilter(label="Cari", method="filter_cari")
    jenis = django_filters.ChoiceFilter(choices=JenisOpd.choices, empty_label="Semua jenis")
    aktif = django_filters.BooleanFilter(label="Status", widget=PILIHAN_AKTIF)
    keadaan_pks = django_filters.ChoiceFilter(
        choices=KeadaanPksOpd.choices, label="Keadaan PKS", empty_label="Semua keadaan PKS", method="filter_keadaan_pks"
    )
    pks_berlaku_tahun = TahunFilter(label="Ber-PKS pada tahun", method="filter_pks_berlaku_tahun")
    pks_berlaku_pada = django_filters.DateFilter(
        label="Ber-PKS pada tanggal", method="filter_pks_berlaku_pada", widget=forms.DateInput(attrs={"type": "date"})
    )
    pemanfaatan_tahun = TahunFilter(label="Memanfaatkan pada tahun", method="filter_pemanfaatan")
    pemanfaatan_sampai_bulan = django_filters.ChoiceFilter(
        choices=Bulan.choices, label="… Januari sampai", empty_label="Setahun penuh", method="filter_bulan_pendamping"
    )
    # Penelusuran dari dasbor: OPD tanpa baris Daftar pada tahun itu, atau pada satu bulannya saja.
    tanpa_pemanfaatan_tahun = TahunFilter(label="Tanpa pemanfaatan pada tahun", method="filter_tanpa_pemanfaatan")
    tanpa_pemanfaatan_bulan = django_filters.ChoiceFilter(
        choices=Bulan.choices, label="… pada bulan", empty_label="Setahun penuh", method="filter_bulan_pendamping"
    )
    urut = django_filters.OrderingFilter(
        fields=[("nama", "nama"), ("kode", "kode"), ("jenis", "jenis"), ("jumlah_pks", "jumlah_pks")],
        field_labels={"nama": "Nama", "kode": "Kode", "jenis": "Jenis", "jumlah_pks": "Jumlah PKS"},
        label="Urutkan",
        empty_label="Bawaan",
    )

    class Meta:
        model = Opd
        fields = ["cari", "jenis", "aktif"]

    def filter_cari(self, queryset, name, value):
        kata = value.strip()
        return queryset.filter(Q(nama__icontains=kata) | Q(kode__icontains=kata) | Q(singkatan__icontains=kata))

    def filter_keadaan_pks(self, queryset, name, value):
        return queryset.keadaan_pks(value)

    def filter_pks_berlaku_pada(self, queryset, name, value):
        return queryset.pks_berlaku_pada(value)

    def filter_pks_berlaku_tahun(self, queryset, name, value):
        return queryset.pks_berlaku_tahun(value)

    def filter_bulan_pendamping(self, queryset, name, value):
        """Bulan hanya berarti bersama tahunnya: dibaca oleh filter tahun; bulan tanpa tahun tidak menyaring."""
        return queryset

    def _bulan_pendamping(self, nama: str) -> int | None:
        bulan = self.form.cleaned_data.get(nama)
        return int(bulan) if bulan else None

    def filter_pemanfaatan(self, queryset, name, value):
        return queryset.memanfaatkan(value, self._bulan_pendamping("pemanfaatan_sampai_bulan"))

    def filter_tanpa_pemanfaatan(self, queryset, name, value):
        return queryset.tanpa_pemanfaatan(value, self._bulan_pendamping("tanpa_pemanfaatan_bulan"))


class PksFilter(django_filters.FilterSet):
    cari = django_filters.CharFilter(label="Cari nomor/OPD", method="filter_cari")
    status = django_filters.ChoiceFilter(choices=StatusPks.choices, label="Status", empty_label="Semua status")
    opd = django_filters.ModelChoiceFilter(queryset=Opd.objects.all(), label="OPD", empty_label="Semua OPD")
    urut = django_filters.OrderingFilter(
        fields=[("nomor", "nomor"), ("opd__nama", "opd"), ("berlaku_sampai", "berlaku_sampai"), ("tanggal", "tanggal")],
        field_labels={"nomor": "Nomor", "opd__nama": "OPD", "berlaku_sampai": "Berlaku sampai", "tanggal": "Tanggal"},
        label="Urutkan",
        empty_label="Bawaan",
    )

    def filter_cari(self, queryset, name, value):
        kata = value.strip()
        return queryset.filter(Q(nomor__icontains=kata) | Q(opd__nama__icontains=kata))


class PemanfaatanFilter(django_filters.FilterSet):
    opd = django_filters.ModelChoiceFilter(queryset=Opd.objects.all(), label="OPD", empty_label="Semua OPD")
    jenis = django_filters.ChoiceFilter(choices=JenisPemanfaatan.choices, empty_label="Semua jenis")
    tahun = TahunFilter(label="Tahun")
    bulan = django_filters.ChoiceFilter(choices=Bulan.choices, empty_label="Semua bulan")
    # Rentang bulan untuk menelusuri hitungan sebuah Laporan (triwulan, semester, tahun) ke barisnya.
    bulan_dari = django_filters.NumberFilter(field_name="bulan", lookup_expr="gte", label="Dari bulan ke-")
    bulan_sampai = django_filters.NumberFilter(field_name="bulan", lookup_expr="lte", label="Sampai bulan ke-")
    metode_akses = django_filters.ChoiceFilter(
        choices=MetodeAkses.choices, label="Metode akses", empty_label="Semua metode"
    )
    status_pks = django_filters.ChoiceFilter(
        choices=[*StatusPksPemanfaatan.choices, (TIDAK_SAH, "Semua yang tidak sah (temuan)")],
        label="Status PKS",
        empty_label="Semua status PKS",
        method="filter_status_pks",
    )
    ada_data_dukung = django_filters.BooleanFilter(
        label="Data dukung", method="filter_ada_data_dukung", widget=PILIHAN_YA_TIDAK
    )
    cari = django_filters.CharFilter(label="Cari keperluan", field_name="keperluan", lookup_expr="icontains")
    urut = django_filters.OrderingFilter(
        fields=[
            ("tahun", "tahun"),
            ("bulan", "bulan"),
            ("opd__nama", "opd"),
            ("jenis", "jenis"),
            ("jumlah", "jumlah"),
            ("updated_at", "diubah"),
        ],
        field_labels={
            "tahun": "Tahun",
            "bulan": "Bulan",
            "opd__nama": "OPD",
            "jenis": "Jenis",
            "jumlah": "Jumlah",
            "updated_at": "Terakhir diubah",
        },
        label="Urutkan",
        empty_label="Bawaan",
    )

    def filter_status_pks(self, queryset, name, value):
        if value == TIDAK_SAH:
            return queryset.exclude(status_pks=StatusPksPemanfaatan.SAH)
        return queryset.filter(status_pks=value)

    def filter_ada_data_dukung(self, queryset, name, value):
        return queryset.filter(jumlah_data_dukung__gt=0) if value else queryset.filter(jumlah_data_dukung=0)
