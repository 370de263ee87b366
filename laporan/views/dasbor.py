"""Beranda per peran, dasbor tahunan, dan unduhan Excel tabel-tabel dasbor."""

from django.contrib import messages
from django.shortcuts import render
from django.views.decorators.http import require_GET

from laporan.dasbor import selectors
from laporan.exports import dasbor as dasbor_xlsx_
from laporan.forms import TahunDasborForm
from laporan.views.ekspor import unduhan_xlsx
from pemanfaatan.models import TAHUN_MAKSIMUM, TAHUN_MINIMUM


@require_GET
def beranda(request):
    """Halaman awal: yang perlu dikerjakan tiap peran pengguna lebih dulu, lalu tautan ke dasbor lengkap."""
    return render(request, "laporan/beranda.html", {"beranda": selectors.beranda(user=request.user)})


def _tahun(request) -> int:
    form = TahunDasborForm(request.GET)
    if request.GET.get("tahun") and not form.is_valid():
        messages.warning(
            request,
            f"Tahun pada alamat tidak sah ({TAHUN_MINIMUM}–{TAHUN_MAKSIMUM}); yang ditampilkan tahun berjalan.",
        )
    return form.tahun_dipilih()


@require_GET
def dasbor(request):
    tahun = _tahun(request)
    konteks = {
        "dasbor": selectors.dasbor_tahun(user=request.user, tahun=tahun),
        "pilihan_tahun": selectors.pilihan_tahun(user=request.user, dipilih=tahun),
    }
    return render(request, "laporan/dasbor.html", konteks)


@require_GET
def dasbor_xlsx(request):
    dasbor = selectors.dasbor_tahun(user=request.user, tahun=_tahun(request))
    isi = dasbor_xlsx_.dasbor_xlsx(dasbor=dasbor, user=request.user)
    return unduhan_xlsx(isi, f"Dasbor Kinerja Pemanfaatan {dasbor.tahun}.xlsx")
