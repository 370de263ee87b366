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

# Basis data uji PostgreSQL per salinan kerja: dua CI atau dua pengembang di satu mesin tidak saling menghapus
# basis data ujinya (Django bawaannya selalu memakai test_<nama> yang sama). SQLite di memori tidak terpengaruh.
if DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    import hashlib
    from pathlib import Path

    _salinan = hashlib.sha256(str(Path(__file__).resolve().parent.parent).encode()).hexdigest()[:8]
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_{_salinan}"}  # noqa: F405
