"""Alamat IP klien untuk penguncian login (django-axes)."""

from django.conf import settings


def alamat_klien(request) -> str | None:
    """IP klien yang tidak dapat dipalsukan pengirim.

    Tanpa reverse proxy, REMOTE_ADDR. Di balik N proxy tepercaya, alamat ke-N dari kanan pada
    X-Forwarded-For: entri di kirinya ditulis pengirim sendiri dan tidak boleh dipercaya,
    karena penyerang bisa berganti "IP" di tiap percobaan untuk menghindari penguncian.
    """
    jumlah_proxy = settings.JUMLAH_PROXY
    if jumlah_proxy <= 0:
        return request.META.get("REMOTE_ADDR")
    diteruskan = [
        bagian.strip() for bagian in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if bagian.strip()
    ]
    if len(diteruskan) < jumlah_proxy:
        return request.META.get("REMOTE_ADDR")
    return diteruskan[-jumlah_proxy]
