"""Unduhan Excel: Daftar menurut filter yang sedang dipakai, dan Daftar serta Rekap beku sebuah Laporan."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from akun.tampilan import urutan_stabil
from laporan import selectors
from laporan.exports import sumber, xlsx
from laporan.models import JenisDokumen
from laporan.views.arsip import respons_arsip
from pemanfaatan.filters import PemanfaatanFilter
from pemanfaatan.selectors import pemanfaatan_list


def unduhan_xlsx(isi: bytes, nama_berkas: str) -> HttpResponse:
    respons = HttpResponse(isi, content_type=xlsx.TIPE_KONTEN)
    respons["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=nama_berkas)
    return respons


@require_GET
def daftar_xlsx(request):
    filter_daftar = PemanfaatanFilter(request.GET, queryset=pemanfaatan_list(user=request.user))
    isi = xlsx.daftar_xlsx(
        daftar=urutan_stabil(filter_daftar.qs),
        user=request.user,
        periode=sumber.periode_filter(filter_daftar),
        saringan=sumber.keterangan_filter(filter_daftar),
    )
    tahun = sumber.tahun_filter(filter_daftar)
    return unduhan_xlsx(isi, f"Daftar Pemanfaatan {tahun}.xlsx" if tahun else "Daftar Pemanfaatan.xlsx")


@require_GET
def laporan_xlsx(request, pk: int):
    laporan = selectors.laporan_get(user=request.user, pk=pk)
    daftar = pemanfaatan_list(user=request.user)
    if not sumber.hitungan_beku_tersedia(laporan):
        messages.warning(
            request,
            "Daftar dan Rekap Excel belum tersedia: hitungan Laporan ini belum dibekukan. "
            "Berkas dapat diunduh setelah Staf melaporkan hitungan pada Langkah 4.",
        )
        return redirect(laporan)
    if (arsip := respons_arsip(laporan, JenisDokumen.DAFTAR_XLSX)) is not None:
        return arsip
    isi = xlsx.laporan_xlsx(laporan=laporan, user=request.user, daftar=daftar)
    return unduhan_xlsx(isi, f"Daftar dan Rekap Pemanfaatan {laporan.get_periode_display()} {laporan.tahun}.xlsx")
