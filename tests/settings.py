"""Pengaturan untuk uji: pengaturan produksi yang sama, dengan kunci uji dan hasher cepat."""

import os

os.environ.setdefault("SECRET_KEY", "kunci-khusus-uji-otomatis-tidak-untuk-produksi-0123456789")

from sop_kinerja.settings import *  # noqa: E402,F403
from sop_kinerja.settings import STORAGES  # noqa: E402

# Hasher bawaan memakan ~0,6 detik per pengguna.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Uji tidak menjalankan collectstatic; manifest whitenoise hanya untuk produksi.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
# Uji tidak menjalankan collectstatic: whitenoise membaca berkas statis langsung dari folder sumbernya.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
