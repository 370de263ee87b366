"""Unduhan dokumen PDF sebuah Laporan dan halaman verifikasi kode yang tercetak padanya."""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from akun.akses import pastikan_izin
from laporan import selectors
from laporan.exports import pdf
from laporan.exports.pdf.kode import PANJANG_KODE, normalkan_kode
from laporan.models import JenisDokumen, KodeVerifikasi
from laporan.views.arsip import respons_arsip

NAMA_BERKAS = {
    JenisDokumen.LAPORAN_PEMANFAATAN: "Laporan Pemanfaatan Data Kependudukan",
    JenisDokumen.LAKIP_BIDANG: "LAKIP Bidang",
    JenisDokumen.LEMBAR_KENDALI: "Lembar Kendali SOP",
}


def _unduh(request, pk: int, jenis: JenisDokumen, buat) -> HttpResponse:
    laporan = selectors.laporan_get(user=request.user, pk=pk)
    if jenis not in pdf.dokumen_tersedia(laporan):
        messages.info(
            request,
            f"{NAMA_BERKAS[jenis]} belum tersedia: Laporan masih berstatus {laporan.get_status_display()}.",
        )
        return redirect(laporan)
    if (arsip := respons_arsip(laporan, jenis)) is not None:
        return arsip
    nama = f"{NAMA_BERKAS[jenis]} {laporan.get_periode_display()} {laporan.tahun}.pdf".replace(" ", "_")
    respons = HttpResponse(buat(laporan), content_type="application/pdf")
    respons["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=nama)
    return respons


@require_GET
def laporan_pemanfaatan_pdf(request, pk: int):
    return _unduh(request, pk, JenisDokumen.LAPORAN_PEMANFAATAN, pdf.laporan_pemanfaatan_pdf)


@require_GET
def lakip_bidang_pdf(request, pk: int):
    return _unduh(request, pk, JenisDokumen.LAKIP_BIDANG, pdf.lakip_bidang_pdf)


@require_GET
def lembar_kendali_pdf(request, pk: int):
    return _unduh(request, pk, JenisDokumen.LEMBAR_KENDALI, pdf.lembar_kendali_pdf)


class VerifikasiForm(forms.Form):
    kode = forms.CharField(
        label="Kode verifikasi",
        max_length=40,
        help_text=f"{PANJANG_KODE} huruf dan angka yang tercetak di kaki setiap halaman dokumen.",
    )

    def clean_kode(self) -> str:
        return normalkan_kode(self.cleaned_data["kode"])


@require_GET
def verifikasi(request):
    # Yang ditampilkan (periode, status, tautan Laporan) hanya untuk peran yang boleh melihat Laporan.
    pastikan_izin(request.user, "laporan.view_laporan")
    form = VerifikasiForm(request.GET or None)
    kode = None
    if form.is_valid():
        kode = KodeVerifikasi.objects.select_related("laporan").filter(kode=form.cleaned_data["kode"]).first()
    return render(request, "laporan/verifikasi.html", {"form": form, "kode": kode, "dicari": form.is_bound})
