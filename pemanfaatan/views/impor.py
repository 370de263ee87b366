"""Impor Daftar Pemanfaatan dari Excel (Langkah 3 SOP): unggah, pratinjau, lalu simpan atau batal."""

import io
from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Page, Paginator
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pemanfaatan.berkas import TIPE_MIME
from pemanfaatan.impor import ImporError, selectors, services
from pemanfaatan.impor.baris import StatusBaris
from pemanfaatan.impor.forms import UnggahImporForm
from pemanfaatan.impor.kolom import KOLOM
from pemanfaatan.impor.nilai import angka
from pemanfaatan.impor.templat import templat_xlsx
from pemanfaatan.models import ImporPemanfaatan, JenisBerkas, StatusImpor

IZIN = "pemanfaatan.add_pemanfaatan"
PER_HALAMAN = 100


@permission_required(IZIN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def impor(request):
    form = UnggahImporForm(request.POST, request.FILES) if request.method == "POST" else UnggahImporForm()
    if form.is_bound and form.is_valid():
        try:
            hasil = services.impor_unggah(user=request.user, berkas=form.cleaned_data["berkas"])
        except ImporError as galat:
            form.add_error("berkas", str(galat))
        else:
            messages.info(request, _ringkasan(hasil))
            return redirect("pemanfaatan:impor_pratinjau", pk=hasil.pk)
    konteks = {
        "form": form,
        "menunggu": selectors.impor_list_pratinjau(user=request.user),
        "maks_baris": settings.IMPOR_MAKS_BARIS,
        "maks_byte": settings.IMPOR_MAKS_BYTE,
    }
    return render(request, "pemanfaatan/impor_unggah.html", konteks)


@permission_required(IZIN, raise_exception=True)
@require_GET
def impor_templat(request):
    return FileResponse(
        io.BytesIO(templat_xlsx()),
        as_attachment=True,
        filename="templat-impor-daftar-pemanfaatan.xlsx",
        content_type=TIPE_MIME[JenisBerkas.XLSX],
    )


@permission_required(IZIN, raise_exception=True)
@require_GET
def impor_pratinjau(request, pk: UUID):
    impor = selectors.impor_get(user=request.user, pk=pk)
    tampil = request.GET.get("status", "")
    baris = impor.hasil
    if tampil in StatusBaris.values:
        baris = [hasil for hasil in baris if hasil["status"] == tampil]
    page_obj = Paginator(baris, PER_HALAMAN).get_page(request.GET.get("halaman"))
    konteks = {
        "impor": impor,
        "page_obj": page_obj,
        "baris": _baris_tampil(page_obj),
        "kolom": KOLOM,
        "tampil": tampil,
        "pilihan_tampil": [("", "Semua", impor.jumlah_baris), *_jumlah_per_status(impor)],
        "StatusImpor": StatusImpor,
        "StatusBaris": StatusBaris,
    }
    return render(request, "pemanfaatan/impor_pratinjau.html", konteks)


@permission_required(IZIN, raise_exception=True)
@require_POST
def impor_simpan(request, pk: UUID):
    impor = selectors.impor_get(user=request.user, pk=pk)
    try:
        jumlah = services.impor_simpan(impor=impor, user=request.user)
    except ImporError as galat:
        messages.error(request, str(galat))
        return redirect("pemanfaatan:impor_pratinjau", pk=pk)
    messages.success(request, f"{angka(jumlah)} baris dari {impor.nama_asli} disimpan ke Daftar Pemanfaatan.")
    return redirect("pemanfaatan:daftar")


@permission_required(IZIN, raise_exception=True)
@require_POST
def impor_batal(request, pk: UUID):
    impor = selectors.impor_get(user=request.user, pk=pk)
    try:
        services.impor_batal(impor=impor, user=request.user)
    except ImporError as galat:
        messages.error(request, str(galat))
        return redirect("pemanfaatan:impor_pratinjau", pk=pk)
    messages.info(request, f"Impor {impor.nama_asli} dibatalkan; berkasnya dihapus dan tidak ada baris yang disimpan.")
    return redirect("pemanfaatan:impor")


def _ringkasan(impor: ImporPemanfaatan) -> str:
    teks = (
        f"{angka(impor.jumlah_baris)} baris diperiksa: {angka(impor.jumlah_sah)} siap disimpan, "
        f"{angka(impor.jumlah_galat)} bermasalah, {angka(impor.jumlah_duplikat)} duplikat."
    )
    return f"{teks} Belum ada yang disimpan; periksa pratinjau di bawah."


def _jumlah_per_status(impor: ImporPemanfaatan) -> list[tuple[str, str, int]]:
    jumlah = {
        StatusBaris.GALAT: impor.jumlah_galat,
        StatusBaris.DUPLIKAT: impor.jumlah_duplikat,
        StatusBaris.SAH: impor.jumlah_sah,
    }
    return [(status.value, status.label, banyak) for status, banyak in jumlah.items()]


def _baris_tampil(page_obj: Page) -> list[dict[str, Any]]:
    """Baris satu halaman pratinjau, dengan tanda sel mana yang bergalat."""
    hasil = []
    for baris in page_obj:
        kolom_galat = {kolom for kolom, _ in baris.get("galat", [])}
        hasil.append(
            {
                **baris,
                "label_status": StatusBaris(baris["status"]).label,
                "sel": [(nilai, kolom in kolom_galat) for kolom, nilai in zip(KOLOM, baris["nilai"], strict=True)],
            }
        )
    return hasil
