from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def beranda(request):
    """Halaman awal: apa yang dapat dikerjakan pengguna sekarang, menurut perannya."""
    return render(request, "akun/beranda.html")
