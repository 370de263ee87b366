"""Realisasi IKU dari hitungan: hitungan beku sebuah Laporan (LAKIP Bidang, Langkah 6) atau Daftar berjalan (dasbor)."""

from dataclasses import dataclass
from decimal import Decimal

from akun.angka import bulatkan
from laporan.models import Iku, Laporan, SumberRealisasi, TargetIku
from laporan.selectors import total_rekap
from pemanfaatan.models import JenisPemanfaatan

SUMBER_TOTAL_JENIS = {
    SumberRealisasi.TOTAL_DATA_KEPENDUDUKAN: JenisPemanfaatan.DATA_KEPENDUDUKAN,
    SumberRealisasi.TOTAL_NIK: JenisPemanfaatan.NIK,
    SumberRealisasi.TOTAL_KTP_EL: JenisPemanfaatan.KTP_EL,
}


@dataclass(frozen=True)
class AngkaKinerja:
    """Angka yang menjadi sumber realisasi IKU, dari mana pun asalnya."""

    jumlah_opd_aktif: int
    jumlah_opd_memanfaatkan: int
    jumlah_opd_pks_aktif: int
    total_per_jenis: dict[str, int]

    @property
    def persen_opd_memanfaatkan(self) -> Decimal | None:
        if not self.jumlah_opd_aktif:
            return None
        return Decimal(self.jumlah_opd_memanfaatkan * 100) / Decimal(self.jumlah_opd_aktif)


def realisasi(*, iku: Iku, angka: AngkaKinerja) -> Decimal | None:
    """Nilai realisasi menurut sumber IKU; None bila IKU diisi manual atau persentasenya tidak terdefinisi."""
    if iku.sumber == SumberRealisasi.MANUAL:
        return None
    if iku.sumber == SumberRealisasi.PERSEN_OPD_MEMANFAATKAN:
        persen = angka.persen_opd_memanfaatkan
        return None if persen is None else bulatkan(persen)
    if iku.sumber == SumberRealisasi.JUMLAH_OPD_MEMANFAATKAN:
        return Decimal(angka.jumlah_opd_memanfaatkan)
    if iku.sumber == SumberRealisasi.JUMLAH_OPD_PKS_AKTIF:
        return Decimal(angka.jumlah_opd_pks_aktif)
    if iku.sumber in SUMBER_TOTAL_JENIS:
        return Decimal(angka.total_per_jenis[SUMBER_TOTAL_JENIS[iku.sumber]])
    return Decimal(sum(angka.total_per_jenis.values()))


def angka_laporan(laporan: Laporan) -> AngkaKinerja | None:
    """Angka dari hitungan beku Langkah 4; None bila belum dibekukan."""
    if laporan.dihitung_pada is None:
        return None
    total = total_rekap(laporan=laporan)
    return AngkaKinerja(
        jumlah_opd_aktif=laporan.jumlah_opd_aktif,
        jumlah_opd_memanfaatkan=laporan.jumlah_opd_memanfaatkan,
        jumlah_opd_pks_aktif=laporan.jumlah_opd_pks_aktif,
        total_per_jenis={jenis.value: total[f"jenis_{jenis.value}"] for jenis in JenisPemanfaatan},
    )


def realisasi_dari_hitungan(*, laporan: Laporan, iku: Iku) -> Decimal | None:
    """Realisasi dari hitungan beku Laporan; None bila IKU diisi manual atau hitungan belum dibekukan."""
    angka = angka_laporan(laporan)
    return None if angka is None else realisasi(iku=iku, angka=angka)


def iku_tahun(*, tahun: int) -> list[tuple[Iku, TargetIku | None]]:
    """IKU aktif beserta targetnya pada tahun itu (None bila target belum ditetapkan)."""
    target = {t.iku_id: t for t in TargetIku.objects.filter(tahun=tahun)}
    return [(iku, target.get(iku.pk)) for iku in Iku.objects.filter(aktif=True)]
