"""Pemeriksaan kunci rahasia: tanpa SECRET_KEY, sesi login dan token CSRF tidak aman."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

PESAN_KUNCI_KOSONG = (
    "SECRET_KEY belum diisi. Isi variabel lingkungan SECRET_KEY dengan string acak yang panjang "
    '(mis. hasil `python -c "import secrets; print(secrets.token_urlsafe(50))"`).'
)


def secret_key_terisi() -> bool:
    try:
        return bool(settings.SECRET_KEY)
    except ImproperlyConfigured:
        return False


def pastikan_secret_key() -> None:
    """Dipanggil saat server web dimuat: produksi tanpa SECRET_KEY gagal seketika, bukan di permintaan pertama."""
    if not secret_key_terisi():
        raise ImproperlyConfigured(PESAN_KUNCI_KOSONG)


@checks.register(checks.Tags.security, deploy=True)
def periksa_secret_key(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    if secret_key_terisi():
        return []
    return [checks.Error(PESAN_KUNCI_KOSONG, id="akun.E001")]
