"""Daftar Pemanfaatan Data Kependudukan oleh OPD (Langkah 3 SOP) dan data dukungnya."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from akun.tampilan import paginasi, urutan_stabil
from pemanfaatan import selectors, services
from pemanfaatan.berkas import TIPE_MIME
from pemanfaatan.filters import PemanfaatanFilter
from pemanfaatan.forms import DataDukungForm, PemanfaatanForm
from pemanfaatan.services import PemanfaatanError


def daftar(request):
    filter_daftar = PemanfaatanFilter(request.GET, queryset=selectors.pemanfaatan_list(user=request.user))
    ringkasan = selectors.pemanfaatan_ringkasan(daftar=filter_daftar.qs)
    page_obj = paginasi(request, urutan_stabil(filter_daftar.qs), jumlah=ringkasan["jumlah_baris"])
    konteks = {"filter": filter_daftar, "page_obj": page_obj, "ringkasan": ringkasan}
    return render(request, "pemanfaatan/daftar.html", konteks)


def pemanfaatan_detail(request, pk: int):
    pemanfaatan = selectors.pemanfaatan_get(user=request.user, pk=pk)
    konteks = {
        "pemanfaatan": pemanfaatan,
        "data_dukung": pemanfaatan.data_dukung.select_related("diunggah_oleh"),
        "riwayat": selectors.pemanfaatan_riwayat(pemanfaatan=pemanfaatan),
        "form_data_dukung": DataDukungForm(),
    }
    return render(request, "pemanfaatan/pemanfaatan_detail.html", konteks)


@permission_required("pemanfaatan.add_pemanfaatan", raise_exception=True)
@require_http_methods(["GET", "POST"])
def pemanfaatan_tambah(request):
    hari_ini = timezone.localdate()
    awal = {"tahun": hari_ini.year, "bulan": hari_ini.month, **request.GET.dict()}
    form = PemanfaatanForm(request.POST or None, initial=awal)
    if request.method == "POST" and form.is_valid():
        try:
            pemanfaatan = services.pemanfaatan_create(user=request.user, data=form.cleaned_data)
        except PemanfaatanError as galat:
            form.add_error(None, str(galat))
        else:
            messages.success(request, f"Baris Daftar disimpan: {pemanfaatan}. Lampirkan data dukungnya di bawah.")
            return redirect("pemanfaatan:pemanfaatan_detail", pk=pemanfaatan.pk)
    return render(request, "pemanfaatan/form.html", {"form": form, "judul": "Tambah baris Daftar Pemanfaatan"})


@permission_required("pemanfaatan.change_pemanfaatan", raise_exception=True)
@require_http_methods(["GET", "POST"])
def pemanfaatan_ubah(request, pk: int):
    pemanfaatan = selectors.pemanfaatan_get(user=request.user, pk=pk)
    form = PemanfaatanForm(request.POST or None, instance=pemanfaatan)
    if request.method == "POST" and form.is_valid():
        try:
            services.pemanfaatan_update(pemanfaatan=pemanfaatan, user=request.user, data=form.cleaned_data)
        except PemanfaatanError as galat:
            form.add_error(None, str(galat))
        else:
            messages.success(request, "Perubahan disimpan dan dicatat dalam riwayat.")
            return redirect("pemanfaatan:pemanfaatan_detail", pk=pk)
    konteks = {"form": form, "judul": f"Ubah baris Daftar: {pemanfaatan}", "batal": pemanfaatan}
    return render(request, "pemanfaatan/form.html", konteks)


@permission_required("pemanfaatan.delete_pemanfaatan", raise_exception=True)
@require_http_methods(["GET", "POST"])
def pemanfaatan_hapus(request, pk: int):
    pemanfaatan = selectors.pemanfaatan_get(user=request.user, pk=pk)
    if request.method == "POST":
        try:
            services.pemanfaatan_delete(pemanfaatan=pemanfaatan, user=request.user)
        except PemanfaatanError as galat:
            messages.error(request, str(galat))
            return redirect("pemanfaatan:pemanfaatan_detail", pk=pk)
        messages.success(request, f"Baris Daftar dihapus: {pemanfaatan}.")
        return redirect("pemanfaatan:daftar")
    konteks = {
        "objek": pemanfaatan,
        "jenis_objek": "baris Daftar",
        "jumlah_data_dukung": pemanfaatan.data_dukung.count(),
    }
    return render(request, "pemanfaatan/konfirmasi_hapus.html", konteks)


@permission_required("pemanfaatan.add_datadukung", raise_exception=True)
@require_http_methods(["POST"])
def data_dukung_tambah(request, pk: int):
    pemanfaatan = selectors.pemanfaatan_get(user=request.user, pk=pk)
    form = DataDukungForm(request.POST, request.FILES)
    if not form.is_valid():
        for galat in form.errors.values():
            messages.error(request, " ".join(galat))
        return redirect("pemanfaatan:pemanfaatan_detail", pk=pk)
    try:
        data_dukung = services.data_dukung_create(pemanfaatan=pemanfaatan, user=request.user, **form.cleaned_data)
    except PemanfaatanError as galat:
        messages.error(request, str(galat))
    else:
        messages.success(request, f"Data dukung {data_dukung.nama_asli} dilampirkan.")
    return redirect("pemanfaatan:pemanfaatan_detail", pk=pk)


def data_dukung_unduh(request, pk: int):
    data_dukung = selectors.data_dukung_get(user=request.user, pk=pk)
    return FileResponse(
        data_dukung.berkas.open("rb"),
        as_attachment=True,
        filename=data_dukung.nama_asli,
        content_type=TIPE_MIME[data_dukung.jenis_berkas],
    )


@permission_required("pemanfaatan.delete_datadukung", raise_exception=True)
@require_http_methods(["GET", "POST"])
def data_dukung_hapus(request, pk: int):
    data_dukung = selectors.data_dukung_get(user=request.user, pk=pk)
    if request.method == "POST":
        try:
            services.data_dukung_delete(data_dukung=data_dukung, user=request.user)
        except PemanfaatanError as galat:
            messages.error(request, str(galat))
        else:
            messages.success(request, f"Data dukung {data_dukung.nama_asli} dihapus.")
        return redirect("pemanfaatan:pemanfaatan_detail", pk=data_dukung.pemanfaatan_id)
    return render(request, "pemanfaatan/konfirmasi_hapus.html", {"objek": data_dukung, "jenis_objek": "data dukung"})
