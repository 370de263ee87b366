"""Titik masuk ASGI."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sop_kinerja.settings")
application = get_asgi_application()

from akun.checks import pastikan_secret_key  # noqa: E402  (butuh aplikasi Django yang sudah dimuat)

pastikan_secret_key()
