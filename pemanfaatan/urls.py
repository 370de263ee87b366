from django.urls import path

from pemanfaatan.views import daftar, impor, master

app_name = "pemanfaatan"

urlpatterns = [
    path("opd/", master.opd_list, name="opd_list"),
    path("opd/tambah/", master.opd_tambah, name="opd_tambah"),
    path("opd/<int:pk>/", master.opd_detail, name="opd_detail"),
    path("opd/<int:pk>/ubah/", master.opd_ubah, name="opd_ubah"),
    path("pks/", master.pks_list, name="pks_list"),
    path("pks/tambah/", master.pks_tambah, name="pks_tambah"),
    path("pks/<int:pk>/", master.pks_detail, name="pks_detail"),
    path("pks/<int:pk>/ubah/", master.pks_ubah, name="pks_ubah"),
    path("pks/<int:pk>/hapus/", master.pks_hapus, name="pks_hapus"),
    path("pks/<int:pk>/dokumen/", master.pks_dokumen, name="pks_dokumen"),
    path("daftar/", daftar.daftar, name="daftar"),
    path("daftar/tambah/", daftar.pemanfaatan_tambah, name="pemanfaatan_tambah"),
    path("daftar/<int:pk>/", daftar.pemanfaatan_detail, name="pemanfaatan_detail"),
    path("daftar/<int:pk>/ubah/", daftar.pemanfaatan_ubah, name="pemanfaatan_ubah"),
    path("daftar/<int:pk>/hapus/", daftar.pemanfaatan_hapus, name="pemanfaatan_hapus"),
    path("daftar/<int:pk>/data-dukung/", daftar.data_dukung_tambah, name="data_dukung_tambah"),
    path("data-dukung/<int:pk>/unduh/", daftar.data_dukung_unduh, name="data_dukung_unduh"),
    path("data-dukung/<int:pk>/hapus/", daftar.data_dukung_hapus, name="data_dukung_hapus"),
    path("daftar/impor/", impor.impor, name="impor"),
    path("daftar/impor/templat/", impor.impor_templat, name="impor_templat"),
    path("daftar/impor/<uuid:pk>/", impor.impor_pratinjau, name="impor_pratinjau"),
    path("daftar/impor/<uuid:pk>/simpan/", impor.impor_simpan, name="impor_simpan"),
    path("daftar/impor/<uuid:pk>/batal/", impor.impor_batal, name="impor_batal"),
]
