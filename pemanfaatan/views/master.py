"""Data master: OPD dan Perjanjian Kerja Sama. Kasi KIP mengelola; peran lain membaca."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from akun.tampilan import paginasi, urutan_stabil
from pemanfaatan import selectors, services
from pemanfaatan.filters import OpdFilter, PksFilter
from pemanfaatan.forms import OpdForm, PksForm
from pemanfaatan.services import PemanfaatanError


def opd_list(request):
    filter_opd = OpdFilter(request.GET, queryset=selectors.opd_list(user=request.user))
    page_obj = paginasi(request, urutan_stabil(filter_opd.qs))
    return render(request, "pemanfaatan/opd_list.html", {"filter": filter_opd, "page_obj": page_obj})


def opd_detail(request, pk: int):
    opd = selectors.opd_get(user=request.user, pk=pk)
    daftar_pks = selectors.pks_list(user=request.user).filter(opd=opd)
    return render(request, "pemanfaatan/opd_detail.html", {"opd": opd, "daftar_pks": daftar_pks})


@permission_required("pemanfaatan.add_opd", raise_exception=True)
@require_http_methods(["GET", "POST"])
def opd_tambah(request):
    form = OpdForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        opd = services.opd_create(user=request.user, data=form.cleaned_data)
        messages.success(request, f"OPD {opd} ditambahkan.")
        return redirect("pemanfaatan:opd_detail", pk=opd.pk)
    return render(request, "pemanfaatan/form.html", {"form": form, "judul": "Tambah OPD"})


@permission_required("pemanfaatan.change_opd", raise_exception=True)
@require_http_methods(["GET", "POST"])
def opd_ubah(request, pk: int):
    opd = selectors.opd_get(user=request.user, pk=pk)
    form = OpdForm(request.POST or None, instance=opd)
    if request.method == "POST" and form.is_valid():
        services.opd_update(opd=opd, user=request.user, data=form.cleaned_data)
        messages.success(request, f"Perubahan OPD {opd} disimpan.")
        return redirect("pemanfaatan:opd_detail", pk=opd.pk)
    return render(request, "pemanfaatan/form.html", {"form": form, "judul": f"Ubah OPD {opd}", "batal": opd})


def pks_list(request):
    filter_pks = PksFilter(request.GET, queryset=selectors.pks_list(user=request.user))
    page_obj = paginasi(request, urutan_stabil(filter_pks.qs))
    return render(request, "pemanfaatan/pks_list.html", {"filter": filter_pks, "page_obj": page_obj})


def pks_detail(request, pk: int):
    pks = selectors.pks_get(user=request.user, pk=pk)
    return render(request, "pemanfaatan/pks_detail.html", {"pks": pks})


@permission_required("pemanfaatan.add_perjanjiankerjasama", raise_exception=True)
@require_http_methods(["GET", "POST"])
def pks_tambah(request):
    form = PksForm(request.POST or None, request.FILES or None, initial={"opd": request.GET.get("opd")})
    if request.method == "POST" and form.is_valid():
        pks = services.pks_create(user=request.user, data=form.cleaned_data)
        messages.success(request, f"PKS {pks.nomor} disimpan.")
        return redirect("pemanfaatan:pks_detail", pk=pks.pk)
    return render(request, "pemanfaatan/form.html", {"form": form, "judul": "Tambah Perjanjian Kerja Sama"})


@permission_required("pemanfaatan.change_perjanjiankerjasama", raise_exception=True)
@require_http_methods(["GET", "POST"])
def pks_ubah(request, pk: int):
    pks = selectors.pks_get(user=request.user, pk=pk)
    form = PksForm(request.POST or None, request.FILES or None, instance=pks)
    if request.method == "POST" and form.is_valid():
        services.pks_update(pks=pks, user=request.user, data=form.cleaned_data)
        messages.success(request, f"Perubahan PKS {pks.nomor} disimpan.")
        return redirect("pemanfaatan:pks_detail", pk=pks.pk)
    return render(request, "pemanfaatan/form.html", {"form": form, "judul": f"Ubah PKS {pks.nomor}", "batal": pks})


@permission_required("pemanfaatan.delete_perjanjiankerjasama", raise_exception=True)
@require_http_methods(["GET", "POST"])
def pks_hapus(request, pk: int):
    pks = selectors.pks_get(user=request.user, pk=pk)
    if request.method == "POST":
        try:
            services.pks_delete(pks=pks, user=request.user)
        except PemanfaatanError as galat:
            messages.error(request, str(galat))
            return redirect("pemanfaatan:pks_detail", pk=pk)
        messages.success(request, f"PKS {pks.nomor} dihapus.")
        return redirect("pemanfaatan:pks_list")
    return render(request, "pemanfaatan/konfirmasi_hapus.html", {"objek": pks, "jenis_objek": "PKS"})


def pks_dokumen(request, pk: int):
    pks = selectors.pks_get(user=request.user, pk=pk)
    if not pks.dokumen:
        raise Http404("PKS ini belum memiliki dokumen.")
    return FileResponse(
        pks.dokumen.open("rb"),
        as_attachment=True,
        filename=f"PKS {pks.nomor.replace('/', '-')}.pdf",
        content_type="application/pdf",
    )
