"""Tampilan dasar (bare view): templat minimal lewat seluruh middleware, oleh pengguna yang sudah masuk.

Inilah lantai biaya setiap halaman: sesi, autentikasi, CSRF, CSP, axes, riwayat, dan satu templat kecil.
Templatnya tidak memakai base.html dan dirender tanpa RequestContext, jadi context processor aplikasi
(lencana Tugas Saya, notifikasi) tidak ikut: biaya itu milik halaman aplikasi, dan ikut terukur di sana.
"""

from django.http import HttpResponse
from django.template.loader import get_template


def kosong(request):
    isi = get_template("bench/kosong.html").render({"nama": request.user.get_full_name() or request.user.username})
    return HttpResponse(isi)
