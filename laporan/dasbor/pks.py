"""Pantauan PKS hari ini: perjanjian yang segera berakhir, OPD yang PKS-nya berakhir tanpa pengganti,
dan OPD aktif yang belum pernah ber-PKS."""

from dataclasses import dataclass

from django.db.models import Max

from laporan.dasbor import tautan
from laporan.dasbor.cuplikan import Cuplikan, cuplikan
from pemanfaatan.models import KeadaanPksOpd, Opd, PerjanjianKerjaSama, StatusPks


@dataclass(frozen=True)
class PantauanPks:
    segera_berakhir: Cuplikan  # PerjanjianKerjaSama, berlaku_sampai terdekat dulu
    perlu_perpanjangan: Cuplikan  # Opd dengan `berakhir_pada`
    tanpa_pks: Cuplikan  # Opd

    @property
    def perlu_tindakan(self) -> int:
        return self.segera_berakhir.jumlah + self.perlu_perpanjangan.jumlah + self.tanpa_pks.jumlah


def pantauan_pks() -> PantauanPks:
    """Enam kueri berapa pun banyaknya OPD dan PKS."""
    opd_aktif = Opd.objects.filter(aktif=True)
    return PantauanPks(
        segera_berakhir=cuplikan(
            PerjanjianKerjaSama.objects.with_status()
            .filter(status=StatusPks.SEGERA_BERAKHIR)
            .select_related("opd")
            .order_by("berlaku_sampai", "nomor"),
            tautan.pks(status=StatusPks.SEGERA_BERAKHIR.value),
        ),
        perlu_perpanjangan=cuplikan(
            opd_aktif.keadaan_pks(KeadaanPksOpd.PERLU_PERPANJANGAN)
            .annotate(berakhir_pada=Max("pks__berlaku_sampai"))
            .order_by("berakhir_pada", "nama"),
            tautan.opd(aktif="true", keadaan_pks=KeadaanPksOpd.PERLU_PERPANJANGAN.value),
        ),
        tanpa_pks=cuplikan(
            opd_aktif.keadaan_pks(KeadaanPksOpd.TANPA_PKS).order_by("nama"),
            tautan.opd(aktif="true", keadaan_pks=KeadaanPksOpd.TANPA_PKS.value),
        ),
    )
