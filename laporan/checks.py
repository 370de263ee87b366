from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from laporan.waktu_kerja import JadwalKerja


@checks.register()
def periksa_jadwal_kerja(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Jam kerja yang salah tulis ketahuan saat aplikasi dinyalakan, bukan di tengah permintaan."""
    try:
        JadwalKerja.dari_pengaturan()
    except (ImproperlyConfigured, ValueError) as galat:
        return [
            checks.Error(
                str(galat), hint="Periksa JAM_KERJA_MULAI, JAM_KERJA_SELESAI dan HARI_KERJA.", id="laporan.E001"
            )
        ]
    return []
