from django.urls import path

from laporan.views import iku, siklus, tugas

app_name = "laporan"

urlpatterns = [
    path("tugas/", tugas.tugas_saya, name="tugas"),
    path("notifikasi/", tugas.notifikasi, name="notifikasi"),
    path("notifikasi/tandai-dibaca/", tugas.notifikasi_tandai_dibaca, name="notifikasi_dibaca"),
    path("laporan/", siklus.laporan_list, name="list"),
    path("laporan/baru/", siklus.laporan_baru, name="baru"),
    path("laporan/<int:pk>/", siklus.laporan_detail, name="detail"),
    path("laporan/<int:pk>/aksi/<str:aksi>/", siklus.laporan_aksi, name="aksi"),
    path("laporan/<int:pk>/kerjakan/", siklus.laporan_ambil, name="ambil"),
    path("laporan/<int:pk>/lepas/", siklus.laporan_lepas, name="lepas"),
    path("iku/", iku.iku_list, name="iku_list"),
    path("iku/tambah/", iku.iku_tambah, name="iku_tambah"),
    path("iku/<int:pk>/ubah/", iku.iku_ubah, name="iku_ubah"),
    path("iku/target/tambah/", iku.target_tambah, name="target_tambah"),
    path("iku/target/<int:pk>/ubah/", iku.target_ubah, name="target_ubah"),
]
