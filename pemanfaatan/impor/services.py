"""Penulisan impor Daftar (Langkah 3 SOP): unggah dan periksa → pratinjau → simpan semua, atau batal."""

import datetime
import gc
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from akun.akses import pastikan_izin
from akun.berkas import transaksi_berkas
from akun.models import Pengguna
from pemanfaatan.impor import ImporError
from pemanfaatan.impor.baris import Pemeriksaan, StatusBaris, periksa_semua, periksa_ulang
from pemanfaatan.impor.berkas import baca_baris, periksa_wadah
from pemanfaatan.impor.nilai import angka
from pemanfaatan.models import ImporPemanfaatan, Pemanfaatan, StatusImpor
from pemanfaatan.services import PemanfaatanError, kunci_daftar_tahun, pastikan_periode_terbuka

logger = logging.getLogger(__name__)

IZIN = "pemanfaatan.add_pemanfaatan"
UKURAN_KELOMPOK = 500
BIDANG_TANPA_HASIL = [f.name for f in ImporPemanfaatan._meta.concrete_fields if not f.primary_key and f.name != "hasil"]


@contextmanager
def _pengumpul_sampah_ditunda() -> Iterator[None]:
    """Pengumpul sampah siklik Python ditunda selama satu impor.

    Satu impor membuat puluhan ribu objek (sel, nilai bersih, objek model dan riwayatnya) yang hidup sampai
    impor selesai; setiap 700 alokasi GC generasi 0 memindai ulang semuanya (±10–30 % waktu impor 10.000
    baris). Objek tanpa siklus tetap dibebaskan penghitung referensi; siklus yang tersisa dikumpulkan sesudahnya.
    """
    aktif = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aktif:
            gc.enable()


def periksa_berkas(berkas: IO[bytes], ukuran: int) -> Pemeriksaan:
    """Wadah ZIP → baris lembar Daftar → PemanfaatanForm per baris. Tidak menulis apa pun."""
    periksa_wadah(berkas, ukuran)
    return periksa_semua(baca_baris(berkas))


@_pengumpul_sampah_ditunda()
def impor_unggah(*, user: Pengguna, berkas: UploadedFile) -> ImporPemanfaatan:
    """Langkah 3: Staf mengunggah Daftar dalam Excel; setiap baris diperiksa, belum ada yang disimpan ke Daftar."""
    pastikan_izin(user, IZIN)
    pemeriksaan = periksa_berkas(berkas, berkas.size)
    impor = ImporPemanfaatan(nama_asli=(berkas.name or "impor.xlsx")[:255], dibuat_oleh=user)
    _catat_hasil(impor, pemeriksaan)
    with transaksi_berkas() as tertulis:
        # Nama simpanan acak dengan akhiran tetap; nama kiriman hanya disimpan sebagai teks.
        tertulis.simpan(impor.berkas, "impor.xlsx", berkas)
        impor.save()
    return impor


@_pengumpul_sampah_ditunda()
def impor_simpan(*, impor: ImporPemanfaatan, user: Pengguna) -> int:
    """Langkah 3: Staf mengonfirmasi impor; semua baris baru disimpan dalam satu transaksi, atau tidak satu pun."""
    pastikan_izin(user, IZIN)
    # Yang disimpan adalah nilai baris yang diperiksa saat pratinjau dan tersimpan di server, bukan
    # isi permintaan dan bukan pembacaan ulang berkas (berkasnya tetap disimpan sebagai bukti).
    # Data master dan Daftar bisa berubah sejak pratinjau, jadi bagian yang bergantung padanya
    # diperiksa ulang. Bila ada baris bermasalah, atau hasilnya berbeda dari pratinjau yang dilihat
    # Staf, tidak ada yang disimpan: pratinjau yang diperbarui tetap disimpan, lalu ImporError
    # menjelaskan alasannya.
    with transaction.atomic():
        impor = ImporPemanfaatan.objects.select_for_update().get(pk=impor.pk)
        _pastikan_pratinjau(impor)
        alasan = _alasan_tanpa_periksa_ulang(impor)
        if alasan is None:
            sebelumnya = impor.hasil
            # Sampai transaksi selesai, tidak ada penulisan lain ke Daftar tahun-tahun ini (PostgreSQL):
            # duplikat dan kunci periode yang diperiksa di bawah tetap benar saat baris disimpan.
            for tahun in sorted({baris["data"]["tahun"] for baris in sebelumnya}):
                kunci_daftar_tahun(tahun)
            pemeriksaan = periksa_ulang(sebelumnya)
            _catat_hasil(impor, pemeriksaan)
            alasan = _alasan_tidak_disimpan(impor, berubah=_ringkas(impor.hasil) != _ringkas(sebelumnya))
            if alasan is None:
                _simpan_baris(impor, pemeriksaan.objek_baru(), user)
            # Hasil per baris (±4 MB untuk 10.000 baris) ditulis ulang hanya bila pemeriksaan ulang mengubahnya.
            impor.save(update_fields=None if impor.hasil != sebelumnya else BIDANG_TANPA_HASIL)
    if alasan is not None:
        raise ImporError(alasan)
    return impor.jumlah_disimpan


@transaction.atomic
def impor_batal(*, impor: ImporPemanfaatan, user: Pengguna) -> None:
    """Langkah 3: Staf membatalkan impor yang belum disimpan; berkas unggahannya dihapus."""
    pastikan_izin(user, IZIN)
    impor = ImporPemanfaatan.objects.select_for_update().get(pk=impor.pk)
    _pastikan_pratinjau(impor)
    _batalkan(impor)


@transaction.atomic
def impor_kedaluwarsa_batalkan(*, sebelum: datetime.datetime) -> int:
    """Pratinjau yang tidak pernah dikonfirmasi dan terakhir diperiksa sebelum waktu itu dibatalkan, berkasnya
    dihapus (perintah `bersihkan_impor`, dijadwalkan tiap malam). Impor yang disimpan tidak disentuh: berkasnya
    bukti apa yang diimpor."""
    kedaluwarsa = ImporPemanfaatan.objects.select_for_update().filter(
        status=StatusImpor.PRATINJAU, diperiksa_pada__lt=sebelum
    )
    banyak = 0
    for impor in kedaluwarsa:
        _batalkan(impor)
        banyak += 1
    return banyak


def _batalkan(impor: ImporPemanfaatan) -> None:
    berkas = impor.berkas
    impor.status = StatusImpor.DIBATALKAN
    impor.selesai_pada = timezone.now()
    impor.berkas = ""
    impor.save(update_fields=["status", "selesai_pada", "berkas"])
    if berkas:
        transaction.on_commit(lambda: berkas.storage.delete(berkas.name))


def _pastikan_pratinjau(impor: ImporPemanfaatan) -> None:
    if impor.status != StatusImpor.PRATINJAU:
        raise ImporError(f"Impor ini sudah berstatus {impor.get_status_display().lower()}; tidak ada yang diubah.")


def _alasan_tanpa_periksa_ulang(impor: ImporPemanfaatan) -> str | None:
    """Pratinjau yang tidak dapat disimpan apa pun keadaan data di aplikasi."""
    if all("data" in baris for baris in impor.hasil):
        return None
    if impor.jumlah_galat:
        # Baris tanpa nilai bersih salah isi selnya: hanya berkas yang diperbaiki yang dapat menolongnya.
        return _alasan_tidak_disimpan(impor, berubah=False)
    return (
        "Tidak ada yang disimpan: pratinjau ini dibuat oleh versi aplikasi sebelumnya. "
        "Batalkan impor ini, lalu unggah ulang berkasnya."
    )


def _catat_hasil(impor: ImporPemanfaatan, pemeriksaan: Pemeriksaan) -> None:
    impor.hasil = pemeriksaan.ke_json()
    impor.jumlah_baris = len(pemeriksaan.baris)
    impor.jumlah_sah = pemeriksaan.jumlah(StatusBaris.SAH)
    impor.jumlah_galat = pemeriksaan.jumlah(StatusBaris.GALAT)
    impor.jumlah_duplikat = pemeriksaan.jumlah(StatusBaris.DUPLIKAT)
    impor.diperiksa_pada = timezone.now()


def _ringkas(hasil: list[dict]) -> list[tuple[int, str]]:
    return [(baris["baris"], baris["status"]) for baris in hasil]


def _alasan_tidak_disimpan(impor: ImporPemanfaatan, *, berubah: bool) -> str | None:
    if impor.jumlah_galat:
        return (
            f"Tidak ada yang disimpan: {angka(impor.jumlah_galat)} baris bermasalah. "
            "Perbaiki baris-baris itu di berkas Excel, lalu unggah ulang."
        )
    if berubah:
        return (
            "Tidak ada yang disimpan: data di aplikasi berubah sejak pratinjau dibuat sehingga hasil "
            "pemeriksaan berubah. Periksa pratinjau terbaru, lalu simpan lagi."
        )
    if not impor.jumlah_sah:
        return "Tidak ada yang disimpan: tidak ada baris baru; semua baris duplikat data yang sudah ada."
    return None


def _simpan_baris(impor: ImporPemanfaatan, objek: list[Pemanfaatan], user: Pengguna) -> None:
    """Semua baris baru sekaligus, masing-masing dengan catatan riwayat "+" atas nama pengimpor."""
    for tahun, bulan in sorted({(p.tahun, p.bulan) for p in objek}):
        try:
            pastikan_periode_terbuka(tahun, bulan)
        except PemanfaatanError as galat:
            raise ImporError(f"Tidak ada yang disimpan. {galat}") from None
    for pemanfaatan in objek:
        pemanfaatan.created_by_id = pemanfaatan.updated_by_id = user.pk
    try:
        with transaction.atomic():
            bulk_create_with_history(
                objek,
                Pemanfaatan,
                batch_size=UKURAN_KELOMPOK,
                default_user=user,
                default_change_reason=f"Impor Excel {impor.pk}",
                # Satu waktu untuk semua catatan riwayat impor ini: semuanya masuk sekaligus.
                default_date=timezone.now(),
            )
    except IntegrityError:
        logger.warning("Impor %s ditolak basis data", impor.pk, exc_info=True)
        raise ImporError(
            "Tidak ada yang disimpan: basis data menolak salah satu baris (mungkin data yang sama baru saja "
            "ditambahkan orang lain). Simpan lagi untuk memeriksa ulang baris-barisnya."
        ) from None
    impor.status = StatusImpor.DISIMPAN
    impor.jumlah_disimpan = len(objek)
    impor.selesai_pada = timezone.now()
