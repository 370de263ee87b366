from django.contrib import admin
from django.urls import include, path

from laporan.views.dasbor import beranda

admin.site.site_header = "SOP Kinerja — Administrasi"
admin.site.site_title = "SOP Kinerja"
admin.site.index_title = "Administrasi data"

urlpatterns = [
    path("", beranda, name="beranda"),
    path("akun/", include("akun.urls")),
    path("", include("pemanfaatan.urls")),
    path("", include("laporan.urls")),
    path("admin/", admin.site.urls),
]
