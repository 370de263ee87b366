"""Tugas Saya (kotak masuk per peran) dan notifikasi dalam aplikasi."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from akun.tampilan import paginasi
from laporan import selectors, services


def tugas_saya(request):
    return render(request, "laporan/tugas_saya.html", {"tugas": selectors.tugas_saya(user=request.user)})


def notifikasi(request):
    page_obj = paginasi(request, selectors.notifikasi_list(user=request.user))
    return render(request, "laporan/notifikasi.html", {"page_obj": page_obj})


@require_POST
def notifikasi_tandai_dibaca(request):
    services.notifikasi_tandai_dibaca(user=request.user)
    return redirect("laporan:notifikasi")
