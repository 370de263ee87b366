"""URL produksi ditambah tampilan dasar tolok ukur; urls produksi tidak berubah."""

from django.urls import path

from bench.views import kosong
from sop_kinerja.urls import urlpatterns as urlpatterns_produksi

urlpatterns = [path("bench/kosong/", kosong, name="bench_kosong"), *urlpatterns_produksi]
