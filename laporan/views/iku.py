"""IKU dan targetnya per tahun: dikelola Kabid, dibaca peran lain."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from laporan import services
from laporan.forms import IkuForm, TargetIkuForm
from laporan.models import Iku, TargetIku


@permission_required("laporan.view_iku", raise_exception=True)
def iku_list(request):
    konteks = {
        "daftar_iku": Iku.objects.all(),
        "daftar_target": TargetIku.objects.select_related("iku").order_by("-tahun", "iku__urutan", "iku__kode"),
    }
    return render(request, "laporan/iku_list.html", konteks)


def _form_simpan(request, form_class, izin_simpan, instance, judul: str):
    form = form_class(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.iku_simpan(user=request.user, form=form, izin=izin_simpan)
        messages.success(request, f"{judul}: tersimpan.")
        return redirect("laporan:iku_list")
    return render(request, "pemanfaatan/form.html", {"form": form, "judul": judul})


@permission_required("laporan.add_iku", raise_exception=True)
@require_http_methods(["GET", "POST"])
def iku_tambah(request):
    return _form_simpan(request, IkuForm, "laporan.add_iku", None, "Tambah IKU")


@permission_required("laporan.change_iku", raise_exception=True)
@require_http_methods(["GET", "POST"])
def iku_ubah(request, pk: int):
    iku = get_object_or_404(Iku, pk=pk)
    return _form_simpan(request, IkuForm, "laporan.change_iku", iku, f"Ubah IKU {iku.kode}")


@permission_required("laporan.add_targetiku", raise_exception=True)
@require_http_methods(["GET", "POST"])
def target_tambah(request):
    return _form_simpan(request, TargetIkuForm, "laporan.add_targetiku", None, "Tetapkan target IKU")


@permission_required("laporan.change_targetiku", raise_exception=True)
@require_http_methods(["GET", "POST"])
def target_ubah(request, pk: int):
    target = get_object_or_404(TargetIku, pk=pk)
    return _form_simpan(request, TargetIkuForm, "laporan.change_targetiku", target, f"Ubah target {target}")
