"""Pengaturan SOP Kinerja.

Satu berkas untuk semua lingkungan: setiap nilai datang dari variabel lingkungan
(lihat `.env.example`). Tanpa variabel apa pun, aplikasi berjalan sebagai produksi
dengan DEBUG mati, sehingga SECRET_KEY wajib diberikan.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

# Tanpa SECRET_KEY di produksi, server web (sop_kinerja/wsgi.py, asgi.py) dan `check --deploy` menolak
# berjalan (akun/checks.py); perintah yang tidak memakai kunci (migrate, makemigrations) tetap jalan.
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "django-insecure-khusus-pengembangan-lokal-jangan-dipakai-di-produksi"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "axes",
    "csp",
    "django_fsm",
    "akun",
    "pemanfaatan",
    "laporan",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sop_kinerja.urls"
# Widget formulir dirender mesin templat proyek, agar templates/django/forms/ dapat menimpa templat bawaan
# yang lambat (pilihan <select> dirender tanpa {% include %} per opsi).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "sop_kinerja.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "akun.context_processors.navigasi",
                "laporan.context_processors.tugas",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "akun.Pengguna"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "akun.backends.OneQueryPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "beranda"
LOGOUT_REDIRECT_URL = "login"

# Penguncian login: kunci per pasangan (nama pengguna, alamat IP), bukan per IP saja,
# agar satu penyerang di balik NAT kantor tidak mengunci seluruh pegawai.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MENIT", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/terkunci.html"
AXES_CLIENT_IP_CALLABLE = "akun.alamat_ip.alamat_klien"
# Jumlah reverse proxy tepercaya di depan aplikasi (0 = langsung dari klien).
JUMLAH_PROXY = env.int("JUMLAH_PROXY", default=0)

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["sop_kinerja.formats"]

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Berkas unggahan (data dukung, dokumen PKS) tidak pernah punya URL publik:
# MEDIA_URL sengaja tidak dipasang di urls.py; unduhan hanya lewat view berizin.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media-tidak-publik/"
FILE_UPLOAD_PERMISSIONS = 0o640
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="sop-kinerja@localhost")
# Surel dikirim setelah transaksi; server surel yang macet tidak boleh menggantung permintaan.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Keamanan
HTTPS = env.bool("HTTPS", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
if env.bool("BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HSTS preload sengaja tidak diaktifkan secara bawaan (lihat README): daftar preload
# berlaku untuk seluruh domain induk dan sulit ditarik kembali.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Batas unggahan dan impor
DATA_DUKUNG_MAKS_BYTE = 10 * 1024 * 1024
DOKUMEN_PKS_MAKS_BYTE = 10 * 1024 * 1024
IMPOR_MAKS_BYTE = 5 * 1024 * 1024
IMPOR_MAKS_BARIS = 50_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# --- Jam kerja untuk waktu baku SOP (laporan/waktu_kerja.py, DESIGN §6) ---
# Lama tiap langkah SOP dihitung hanya pada jam kerja hari kerja (WIB). Jam ditulis JJ:MM dan
# diperiksa oleh JadwalKerja.dari_pengaturan; nilai yang salah menghasilkan ImproperlyConfigured.
JAM_KERJA_MULAI = env.str("JAM_KERJA_MULAI", default="07:30")
JAM_KERJA_SELESAI = env.str("JAM_KERJA_SELESAI", default="16:00")
# Nomor hari ISO dipisah koma: 1 = Senin … 7 = Minggu.
try:
    HARI_KERJA = [int(hari) for hari in env.list("HARI_KERJA", default=["1", "2", "3", "4", "5"])]
except ValueError as exc:
    raise ImproperlyConfigured(
        "HARI_KERJA harus berupa nomor hari dipisah koma, 1 = Senin … 7 = Minggu (mis. 1,2,3,4,5)."
    ) from exc
# --- akhir jam kerja ---

# Alamat situs untuk tautan di surel notifikasi, mis. https://sop-kinerja.sumbarprov.go.id
ALAMAT_SITUS = env.str("ALAMAT_SITUS", default="http://127.0.0.1:8000")
