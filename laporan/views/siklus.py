"""Halaman siklus SOP: daftar Laporan, memulai Laporan, halaman Laporan, dan setiap aksi langkahnya."""

from typing import NamedTuple
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from django_fsm import can_proceed

from akun.tampilan import paginasi, urutan_stabil
from laporan import selectors, services
from laporan.exports.pdf import dokumen_tersedia
from laporan.filters import LaporanFilter
from laporan.forms import FORM_AKSI, LaporanBaruForm
from laporan.sop import Aksi, langkah_untuk_aksi, pengembalian_untuk_aksi
from pemanfaatan.models import JenisPemanfaatan


def laporan_list(request):
    filter_laporan = LaporanFilter(request.GET, queryset=selectors.laporan_list(user=request.user))
    page_obj = paginasi(request, urutan_stabil(filter_laporan.qs))
    return render(request, "laporan/laporan_list.html", {"filter": filter_laporan, "page_obj": page_obj})


@permission_required("laporan.add_laporan", raise_exception=True)
@require_http_methods(["GET", "POST"])
def laporan_baru(request):
    form = LaporanBaruForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            laporan = services.laporan_buat(user=request.user, **form.cleaned_data)
        except services.LaporanError as galat:
            form.add_error(None, str(galat))
        else:
            messages.success(request, f"{laporan} dimulai. Langkah 1: beri arahan kepada Kasi KIP.")
            return redirect(laporan)
    return render(request, "laporan/laporan_baru.html", {"form": form})


def tautan_daftar(laporan, **filter_tambahan) -> str:
    """Telusur dari sebuah hitungan ke baris Daftar periode Laporan itu."""
    filter_ = {"tahun": laporan.tahun, "bulan_dari": laporan.bulan_awal, "bulan_sampai": laporan.bulan_akhir}
    return f"{reverse('pemanfaatan:daftar')}?{urlencode({**filter_, **filter_tambahan})}"


class BarisRekap(NamedTuple):
    opd: str
    jenis: str
    jumlah_kegiatan: int
    total_jumlah: int
    tautan: str  # baris Daftar dan data dukung yang membentuk angka ini


# Sumatera Barat (52 OPD × 3 jenis) muat di satu halaman; ribuan OPD tidak dirender sekaligus.
PER_HALAMAN_REKAP = 200


def rekap_dengan_tautan(request, laporan, *, jumlah: int | None = None) -> Page:
    """Satu halaman hitungan beku (`?halaman=`), tiap baris dengan tautan ke baris Daftar dan data dukungnya.

    Dibaca sebagai nilai, bukan objek model, dan alamat periode dibentuk sekali; tiap baris hanya menambah OPD
    dan jenisnya (keduanya aman di URL: bilangan dan kode jenis). `jumlah`: banyak baris bila sudah dihitung.
    """
    dasar = tautan_daftar(laporan)
    label = dict(JenisPemanfaatan.choices)
    baris = laporan.rekap.values_list("opd__nama", "opd_id", "jenis", "jumlah_kegiatan", "total_jumlah")
    halaman = paginasi(request, urutan_stabil(baris), PER_HALAMAN_REKAP, jumlah=jumlah)
    halaman.object_list = [
        BarisRekap(nama, label[jenis], kegiatan, jumlah, f"{dasar}&opd={opd}&jenis={jenis}")
        for nama, opd, jenis, kegiatan, jumlah in halaman.object_list
    ]
    return halaman


def laporan_detail(request, pk: int):
    laporan = selectors.laporan_get(user=request.user, pk=pk)
    total = selectors.total_rekap(laporan=laporan)
    konteks = {
        "laporan": laporan,
        "linimasa": selectors.linimasa(laporan=laporan),
        "ringkasan_waktu": selectors.ringkasan_waktu(laporan=laporan),
        "riwayat": laporan.riwayat.select_related("oleh"),
        "rekap": rekap_dengan_tautan(request, laporan, jumlah=total["banyak_baris"]),
        "total_rekap": total,
        "realisasi_iku": laporan.realisasi_iku.select_related("iku"),
        "aksi_tersedia": selectors.aksi_tersedia(laporan=laporan, user=request.user),
        "langkah_terbuka": laporan.langkah_terbuka(),
        "pengembalian": selectors.alasan_pengembalian(laporan=laporan),
        "tautan_daftar": tautan_daftar(laporan),
        "dokumen_tersedia": dokumen_tersedia(laporan),
    }
    return render(request, "laporan/laporan_detail.html", konteks)


def _konteks_aksi(request, laporan, aksi: Aksi) -> dict:
    """Yang ditampilkan di samping formulir: kelengkapan SOP, dan hitungan/Daftar bila langkah memerlukannya.
    Peringatan kelengkapan Langkah 3 dibentuk formulirnya sendiri (yang juga menyidiknya)."""
    konteks = {"langkah": langkah_untuk_aksi(aksi), "pengembalian": pengembalian_untuk_aksi(aksi)}
    if aksi in (Aksi.SAMPAIKAN_LAPORAN, Aksi.KEMBALIKAN_KE_STAF):
        konteks["rekap"] = rekap_dengan_tautan(request, laporan)
        konteks["tautan_daftar"] = tautan_daftar(laporan)
    return konteks


@require_http_methods(["GET", "POST"])
def laporan_aksi(request, pk: int, aksi: str):
    laporan = selectors.laporan_get(user=request.user, pk=pk)
    if aksi not in Aksi.values:
        raise Http404("Aksi tidak dikenal.")
    aksi = Aksi(aksi)
    if request.method == "POST":
        try:
            services.laporan_transisi(laporan=laporan, aksi=aksi, user=request.user, data=request.POST)
        except services.DataAksiTidakSah as galat:
            form = galat.form
        except services.LaporanSudahDiproses as galat:
            messages.info(request, str(galat))
            return redirect(laporan)
        else:
            messages.success(request, f"{aksi.label}: berhasil.")
            return redirect(laporan)
    elif not can_proceed(getattr(laporan, aksi.value)):
        messages.info(request, f"{aksi.label} tidak tersedia: Laporan berstatus {laporan.get_status_display()}.")
        return redirect(laporan)
    elif (alasan := laporan.alasan_ditolak(request.user, aksi)) is not None:
        raise PermissionDenied(alasan)
    else:
        form = FORM_AKSI[aksi](laporan=laporan)
    konteks = {"laporan": laporan, "aksi": aksi, "form": form, **_konteks_aksi(request, laporan, aksi)}
    return render(request, "laporan/laporan_aksi.html", konteks)


@require_POST
def laporan_ambil(request, pk: int):
    laporan = selectors.laporan_get(user=request.user, pk=pk)
    try:
        services.laporan_ambil(laporan=laporan, user=request.user)
    except services.LaporanSudahDiproses as galat:
        messages.warning(request, str(galat))
    else:
        messages.success(request, "Langkah ini sekarang Anda kerjakan; rekan seperan melihatnya di Tugas Saya.")
    return redirect(laporan)


@require_POST
def laporan_lepas(request, pk: int):
    laporan = selectors.laporan_get(user=request.user, pk=pk)
    services.laporan_lepas(laporan=laporan, user=request.user)
    messages.success(request, "Langkah dilepas; rekan seperan dapat mengerjakannya.")
    return redirect(laporan)
