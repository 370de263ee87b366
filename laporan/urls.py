from django.urls import path

from laporan.views import arsip, dasbor, dokumen, ekspor, iku, siklus, tugas

app_name = "laporan"

urlpatterns = [
    path("dasbor/", dasbor.dasbor, name="dasbor"),
    path("dasbor/ekspor.xlsx", dasbor.dasbor_xlsx, name="dasbor_xlsx"),
    path("tugas/", tugas.tugas_saya, name="tugas"),
    path("notifikasi/", tugas.notifikasi, name="notifikasi"),
    path("notifikasi/tandai-dibaca/", tugas.notifikasi_tandai_dibaca, name="notifikasi_dibaca"),
    path("laporan/", siklus.laporan_list, name="list"),
    path("laporan/baru/", siklus.laporan_baru, name="baru"),
    path("laporan/<int:pk>/", siklus.laporan_detail, name="detail"),
    path("laporan/<int:pk>/aksi/<str:aksi>/", siklus.laporan_aksi, name="aksi"),
    path("laporan/<int:pk>/kerjakan/", siklus.laporan_ambil, name="ambil"),
    path("laporan/<int:pk>/lepas/", siklus.laporan_lepas, name="lepas"),
    path("bahan-lakip-dinas/", arsip.arsip_list, name="arsip_list"),
    path("bahan-lakip-dinas/<int:pk>/", arsip.arsip_unduh, name="arsip_unduh"),
    path("laporan/<int:pk>/bahan-lakip-dinas.zip", arsip.arsip_zip, name="arsip_zip"),
    path("iku/", iku.iku_list, name="iku_list"),
    path("iku/tambah/", iku.iku_tambah, name="iku_tambah"),
    path("iku/<int:pk>/ubah/", iku.iku_ubah, name="iku_ubah"),
    path("iku/target/tambah/", iku.target_tambah, name="target_tambah"),
    path("iku/target/<int:pk>/ubah/", iku.target_ubah, name="target_ubah"),
    path("daftar/ekspor.xlsx", ekspor.daftar_xlsx, name="ekspor_daftar"),
    path("laporan/<int:pk>/daftar.xlsx", ekspor.laporan_xlsx, name="ekspor_laporan"),
    path("laporan/<int:pk>/laporan-pemanfaatan.pdf", dokumen.laporan_pemanfaatan_pdf, name="pdf_laporan_pemanfaatan"),
    path("laporan/<int:pk>/lakip-bidang.pdf", dokumen.lakip_bidang_pdf, name="pdf_lakip_bidang"),
    path("laporan/<int:pk>/lembar-kendali.pdf", dokumen.lembar_kendali_pdf, name="pdf_lembar_kendali"),
    path("verifikasi/", dokumen.verifikasi, name="verifikasi"),
]
