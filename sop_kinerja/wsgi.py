"""Titik masuk WSGI (gunicorn)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sop_kinerja.settings")
application = get_wsgi_application()

from akun.checks import pastikan_secret_key  # noqa: E402  (butuh aplikasi Django yang sudah dimuat)

pastikan_secret_key()
