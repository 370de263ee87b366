"""Bahan LAKIP Dinas untuk Sekretariat: Laporan yang diterima per tahun, dengan arsip dokumennya."""

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header

from akun.tampilan import paginasi
from laporan import selectors
from laporan.exports.arsip import TIPE_ISI
from laporan.exports.arsip import arsip_zip as buat_zip
from laporan.models import ArsipDokumen, JenisDokumen, Laporan


def arsip_list(request):
    tahun = request.GET.get("tahun", "")
    tahun_angka = int(tahun) if tahun.isascii() and tahun.isdigit() else None
    diterima = selectors.laporan_diterima(user=request.user, tahun=tahun_angka)
    tahun_ini = timezone.localdate().year
    konteks = {
        "page_obj": paginasi(request, diterima),
        "tahun": tahun,
        "daftar_tahun": range(tahun_ini, tahun_ini - 6, -1),
    }
    return render(request, "laporan/arsip_list.html", konteks)


def _respons(dokumen: ArsipDokumen) -> FileResponse:
    return FileResponse(
        dokumen.berkas.open("rb"),
        as_attachment=True,
        filename=dokumen.nama_berkas,
        content_type=TIPE_ISI[dokumen.jenis_dokumen],
    )


def respons_arsip(laporan: Laporan, jenis: JenisDokumen) -> FileResponse | None:
    """Sesudah Langkah 7 yang berlaku adalah dokumen yang diarsipkan, bukan hasil cetak ulang."""
    dokumen = laporan.arsip.filter(jenis_dokumen=jenis).first()
    return None if dokumen is None else _respons(dokumen)


def arsip_unduh(request, pk: int):
    return _respons(selectors.arsip_get(user=request.user, pk=pk))


def arsip_zip(request, pk: int):
    laporan = selectors.laporan_get(user=request.user, pk=pk)
    if not laporan.arsip.exists():
        raise Http404("Laporan ini belum diterima Sekretariat, jadi belum ada bahan LAKIP Dinas.")
    respons = HttpResponse(buat_zip(laporan), content_type="application/zip")
    nama = f"Bahan LAKIP Dinas {laporan.get_periode_display()} {laporan.tahun}.zip"
    respons["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=nama)
    return respons
