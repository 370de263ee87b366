"""Realisasi IKU dari hitungan beku sebuah Laporan (bahan LAKIP Bidang, Langkah 6)."""

from decimal import Decimal

from django.db.models import Sum

from laporan.models import Iku, Laporan, SumberRealisasi, TargetIku
from pemanfaatan.models import JenisPemanfaatan

SUMBER_TOTAL_JENIS = {
    SumberRealisasi.TOTAL_DATA_KEPENDUDUKAN: JenisPemanfaatan.DATA_KEPENDUDUKAN,
    SumberRealisasi.TOTAL_NIK: JenisPemanfaatan.NIK,
    SumberRealisasi.TOTAL_KTP_EL: JenisPemanfaatan.KTP_EL,
}


def realisasi_dari_hitungan(*, laporan: Laporan, iku: Iku) -> Decimal | None:
    """Nilai realisasi menurut sumber IKU; None bila IKU diisi manual atau hitungan belum dibekukan."""
    if laporan.dihitung_pada is None or iku.sumber == SumberRealisasi.MANUAL:
        return None
    if iku.sumber == SumberRealisasi.PERSEN_OPD_MEMANFAATKAN:
        persen = laporan.persen_opd_memanfaatkan
        return None if persen is None else persen.quantize(Decimal("0.01"))
    if iku.sumber == SumberRealisasi.JUMLAH_OPD_MEMANFAATKAN:
        return Decimal(laporan.jumlah_opd_memanfaatkan)
    if iku.sumber == SumberRealisasi.JUMLAH_OPD_PKS_AKTIF:
        return Decimal(laporan.jumlah_opd_pks_aktif)
    rekap = laporan.rekap.all()
    if iku.sumber in SUMBER_TOTAL_JENIS:
        rekap = rekap.filter(jenis=SUMBER_TOTAL_JENIS[iku.sumber])
    return Decimal(rekap.aggregate(total=Sum("total_jumlah", default=0))["total"])


def iku_tahun(*, tahun: int) -> list[tuple[Iku, TargetIku | None]]:
    """IKU aktif beserta targetnya pada tahun itu (None bila target belum ditetapkan)."""
    target = {t.iku_id: t for t in TargetIku.objects.filter(tahun=tahun)}
    return [(iku, target.get(iku.pk)) for iku in Iku.objects.filter(aktif=True)]
