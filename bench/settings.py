"""Pengaturan tolok ukur: pengaturan produksi yang sama, ditambah tampilan dasar (bare view) dan hash cepat.

DEBUG mati seperti di produksi (tanpa pencatatan kueri). Yang berbeda dari produksi hanya hal yang tidak diukur:
- ROOT_URLCONF menambahkan `/bench/kosong/` (tampilan dasar) tanpa menyentuh urls produksi;
- kata sandi pengguna tolok ukur di-hash MD5: login uji beban tidak menunggu PBKDF2 (~0,6 detik CPU per login);
- berkas statis dibaca tanpa manifest (tolok ukur tidak menjalankan collectstatic);
- surel notifikasi ditampung di memori.
"""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "kunci-khusus-tolok-ukur-tidak-untuk-produksi-0123456789abcdef")

from sop_kinerja.settings import *  # noqa: E402,F403
from sop_kinerja.settings import BASE_DIR, STORAGES, TEMPLATES  # noqa: E402

DEBUG = False
ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
# whitenoise memperingatkan bila STATIC_ROOT tidak ada; tolok ukur membaca berkas statis dari folder sumbernya.
STATIC_ROOT = Path(tempfile.gettempdir()) / "sop-kinerja-bench-static"
STATIC_ROOT.mkdir(exist_ok=True)
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TEMPLATES = [{**TEMPLATES[0], "DIRS": [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]}]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or Path(tempfile.gettempdir()) / "sop-kinerja-bench-media")
# Uji beban: ratusan login dari satu alamat tidak boleh dikunci axes; penguncian bukan yang diukur.
AXES_ENABLED = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
