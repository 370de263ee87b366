"""Kode verifikasi yang tercetak pada dokumen: satu kode tetap per Laporan dan jenis dokumen."""

import secrets
from urllib.parse import urlencode

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse

from laporan.models import JenisDokumen, KodeVerifikasi, Laporan

# Tanpa 0/O, 1/I/L dan U/V: kode dibaca dan diketik ulang orang dari kertas.
ALFABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
PANJANG_KODE = 10
_PERCOBAAN = 5


def kode_acak() -> str:
    return "".join(secrets.choice(ALFABET) for _ in range(PANJANG_KODE))


def kode_verifikasi(laporan: Laporan, jenis_dokumen: JenisDokumen | str) -> str:
    """Kode dokumen ini; dibuat sekali, sehingga cetakan ulang membawa kode yang sama."""
    for _ in range(_PERCOBAAN):
        try:
            with transaction.atomic():
                kode, _dibuat = KodeVerifikasi.objects.get_or_create(
                    laporan=laporan, jenis_dokumen=jenis_dokumen, defaults={"kode": kode_acak()}
                )
            return kode.kode
        except IntegrityError:
            # Kode acak kebetulan sudah dipakai dokumen lain (get_or_create sendiri menangani
            # pembuatan bersamaan untuk dokumen yang sama): coba kode lain.
            continue
    raise RuntimeError("Tidak dapat membuat kode verifikasi yang unik.")


def normalkan_kode(teks: str) -> str:
    """Kode seperti diketik orang: huruf kecil, spasi dan tanda hubung diterima."""
    return "".join(teks.split()).replace("-", "").upper()


def alamat_verifikasi(kode: str) -> str:
    """Alamat lengkap halaman verifikasi untuk kode ini, dicetak sebagai teks (bukan tautan)."""
    return f"{settings.ALAMAT_SITUS.rstrip('/')}{reverse('laporan:verifikasi')}?{urlencode({'kode': kode})}"
