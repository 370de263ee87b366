"""Bantuan tampilan yang dipakai semua aplikasi: paginasi daftar."""

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

PER_HALAMAN = 25


def paginasi(request, queryset: QuerySet, per_halaman: int = PER_HALAMAN, *, jumlah: int | None = None) -> Page:
    """Halaman dari `?halaman=`; nomor yang keliru jatuh ke halaman pertama/terakhir, bukan 404.

    `jumlah`: banyak baris yang sudah dihitung halaman (mis. bersama totalnya), agar tidak dihitung dua kali.
    """
    if not queryset.ordered:
        raise ValueError("Daftar yang dipaginasi harus berurutan tetap.")
    paginator = Paginator(queryset, per_halaman)
    if jumlah is not None:
        paginator.count = jumlah  # menimpa cached_property: tanpa SELECT COUNT(*) kedua
    return paginator.get_page(request.GET.get("halaman"))


def urutan_stabil(queryset: QuerySet) -> QuerySet:
    """Tambahkan pk sebagai urutan terakhir agar paginasi tidak mengulang/melewatkan baris."""
    urutan = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
    return queryset.order_by(*urutan, "pk")
