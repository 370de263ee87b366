import django_filters

from laporan.models import Laporan
from laporan.sop import Periode, StatusLaporan


class LaporanFilter(django_filters.FilterSet):
    tahun = django_filters.NumberFilter(label="Tahun")
    periode = django_filters.ChoiceFilter(choices=Periode.choices, empty_label="Semua periode")
    status = django_filters.ChoiceFilter(choices=StatusLaporan.choices, empty_label="Semua status")
    urut = django_filters.OrderingFilter(
        fields=[("tahun", "tahun"), ("periode", "periode"), ("status", "status"), ("created_at", "dibuat")],
        field_labels={"tahun": "Tahun", "periode": "Periode", "status": "Status", "created_at": "Dibuat"},
        label="Urutkan",
        empty_label="Bawaan",
    )

    class Meta:
        model = Laporan
        fields = ["tahun", "periode", "status"]
