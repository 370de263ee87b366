"""Pemberitahuan ketika Laporan sampai ke sebuah peran: dalam aplikasi dan lewat surel."""

import logging

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import send_mail

from akun.models import Peran
from laporan.models import Laporan, Notifikasi
from laporan.sop import langkah_pada_status

logger = logging.getLogger(__name__)


def penerima(laporan: Laporan):
    """Pengguna yang kini harus bertindak: Staf yang ditunjuk, atau semua pemegang peran pelaksana."""
    langkah = langkah_pada_status(laporan.status)
    if langkah is None:
        return []
    if langkah.pelaksana == Peran.STAF and laporan.staf_ditunjuk_aktif is not None:
        return [laporan.staf_ditunjuk_aktif]
    return list(Group.objects.get(name=langkah.pelaksana).user_set.filter(is_active=True))


def kirim(*, laporan_id: int, pesan: str, pelaku_id: int) -> None:
    """Dijalankan lewat transaction.on_commit: tidak ada pemberitahuan untuk transaksi yang batal.

    Pelaku aksi tidak diberi tahu tentang aksinya sendiri, walau ia juga memegang peran berikutnya.
    """
    laporan = Laporan.objects.select_related("staf_ditunjuk").get(pk=laporan_id)
    daftar = [pengguna for pengguna in penerima(laporan) if pengguna.pk != pelaku_id]
    Notifikasi.objects.bulk_create(Notifikasi(penerima=p, laporan=laporan, pesan=pesan[:300]) for p in daftar)
    tautan = f"{settings.ALAMAT_SITUS.rstrip('/')}{laporan.get_absolute_url()}"
    for pengguna in daftar:
        if not pengguna.email:
            continue
        try:
            send_mail(
                # Alasan pengembalian bisa bergaris banyak; judul surel harus satu baris.
                subject=" ".join(f"[SOP Kinerja] {laporan}: {pesan}".split())[:200],
                message=f"Yth. {pengguna.nama},\n\n{pesan}\n\nBuka Laporan: {tautan}\n\n— SOP Kinerja",
                from_email=None,
                recipient_list=[pengguna.email],
            )
        except (OSError, ValueError):
            # Surel yang gagal tidak boleh menggagalkan siklus; notifikasi dalam aplikasi tetap ada.
            logger.exception("Surel notifikasi %s ke %s gagal", laporan, pengguna.email)
