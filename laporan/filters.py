import django_filters
from django import forms
from django.db.models import Exists, OuterRef

from laporan.models import Laporan, RiwayatLaporan
from laporan.sop import Periode, StatusLaporan
from pemanfaatan.filters import TahunFilter


class LaporanFilter(django_filters.FilterSet):
    tahun = TahunFilter(label="Tahun")
    periode = django_filters.ChoiceFilter(choices=Periode.choices, empty_label="Semua periode")
    status = django_filters.ChoiceFilter(choices=StatusLaporan.choices, empty_label="Semua status")
    dikembalikan = django_filters.BooleanFilter(
        label="Pernah dikembalikan",
        method="filter_dikembalikan",
        widget=forms.Select(choices=[("", "Semua"), ("true", "Pernah dikembalikan"), ("false", "Tidak pernah")]),
    )
    urut = django_filters.OrderingFilter(
        fields=[("tahun", "tahun"), ("periode", "periode"), ("status", "status"), ("created_at", "dibuat")],
        field_labels={"tahun": "Tahun", "periode": "Periode", "status": "Status", "created_at": "Dibuat"},
        label="Urutkan",
        empty_label="Bawaan",
    )

    class Meta:
        model = Laporan
        fields = ["tahun", "periode", "status"]

    def filter_dikembalikan(self, queryset, name, value):
        pengembalian = RiwayatLaporan.objects.pengembalian().filter(laporan=OuterRef("pk"))
        return queryset.filter(Exists(pengembalian)) if value else queryset.exclude(Exists(pengembalian))
