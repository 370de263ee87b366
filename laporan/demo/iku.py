"""IKU Bidang PIAK dan Pemanfaatan Data beserta target tahunannya, untuk demo."""

from dataclasses import dataclass
from decimal import Decimal

from laporan.models import Iku, Polaritas, SumberRealisasi, TargetIku

# (kode, nama, satuan, sumber, target per tahun berjalan)
IKU_DEMO = (
    ("IKU-1", "Persentase OPD yang memanfaatkan data kependudukan", "%", SumberRealisasi.PERSEN_OPD_MEMANFAATKAN, "75"),
    ("IKU-2", "Jumlah OPD dengan PKS pemanfaatan data aktif", "OPD", SumberRealisasi.JUMLAH_OPD_PKS_AKTIF, "40"),
    ("IKU-3", "Jumlah pemanfaatan NIK oleh OPD", "akses", SumberRealisasi.TOTAL_NIK, "500000"),
    ("IKU-4", "Jumlah pemanfaatan KTP-el oleh OPD", "akses", SumberRealisasi.TOTAL_KTP_EL, "120000"),
)


@dataclass
class HasilIku:
    iku_dibuat: int = 0
    target_dibuat: int = 0


def iku_demo_get_or_create(*, tahun: list[int]) -> HasilIku:
    """IKU dan target untuk tahun-tahun demo; yang sudah ada tidak diubah."""
    hasil = HasilIku()
    for urutan, (kode, nama, satuan, sumber, target) in enumerate(IKU_DEMO, start=1):
        iku, dibuat = Iku.objects.get_or_create(
            kode=kode,
            defaults={
                "nama": nama,
                "satuan": satuan,
                "sumber": sumber,
                "polaritas": Polaritas.TINGGI_LEBIH_BAIK,
                "urutan": urutan,
            },
        )
        hasil.iku_dibuat += dibuat
        for t in tahun:
            _, dibuat = TargetIku.objects.get_or_create(iku=iku, tahun=t, defaults={"target": Decimal(target)})
            hasil.target_dibuat += dibuat
    return hasil
