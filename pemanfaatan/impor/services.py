"""Penulisan impor Daftar (Langkah 3 SOP): unggah dan periksa → pratinjau → simpan semua, atau batal."""

import logging
from typing import IO

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from akun.akses import pastikan_izin
from akun.models import Pengguna
from pemanfaatan.impor import ImporError
from pemanfaatan.impor.baris import Pemeriksaan, StatusBaris, periksa_semua
from pemanfaatan.impor.berkas import baca_baris, periksa_wadah
from pemanfaatan.impor.nilai import angka
from pemanfaatan.models import ImporPemanfaatan, Pemanfaatan, StatusImpor
from pemanfaatan.services import PemanfaatanError, pastikan_periode_terbuka

logger = logging.getLogger(__name__)

IZIN = "pemanfaatan.add_pemanfaatan"
UKURAN_KELOMPOK = 500


def periksa_berkas(berkas: IO[bytes], ukuran: int) -> Pemeriksaan:
    """Wadah ZIP → baris lembar Daftar → PemanfaatanForm per baris. Tidak menulis apa pun."""
    periksa_wadah(berkas, ukuran)
    return periksa_semua(baca_baris(berkas))


@transaction.atomic
def impor_unggah(*, user: Pengguna, berkas: UploadedFile) -> ImporPemanfaatan:
    """Langkah 3: Staf mengunggah Daftar dalam Excel; setiap baris diperiksa, belum ada yang disimpan ke Daftar."""
    pastikan_izin(user, IZIN)
    pemeriksaan = periksa_berkas(berkas, berkas.size)
    impor = ImporPemanfaatan(nama_asli=(berkas.name or "impor.xlsx")[:255], dibuat_oleh=user)
    _catat_hasil(impor, pemeriksaan)
    # Nama simpanan acak dengan akhiran tetap; nama kiriman hanya disimpan sebagai teks.
    impor.berkas.save("impor.xlsx", berkas, save=False)
    try:
        impor.save()
    except Exception:
        impor.berkas.storage.delete(impor.berkas.name)
        raise
    return impor


def impor_simpan(*, impor: ImporPemanfaatan, user: Pengguna) -> int:
    """Langkah 3: Staf mengonfirmasi impor; semua baris baru disimpan dalam satu transaksi, atau tidak satu pun."""
    pastikan_izin(user, IZIN)
    # Berkas diperiksa ulang karena data master atau Daftar bisa berubah sejak pratinjau. Bila ada
    # baris bermasalah, atau hasilnya berbeda dari pratinjau yang dilihat Staf, tidak ada yang
    # disimpan: pratinjau yang diperbarui tetap disimpan, lalu ImporError menjelaskan alasannya.
    with transaction.atomic():
        impor = ImporPemanfaatan.objects.select_for_update().get(pk=impor.pk)
        _pastikan_pratinjau(impor)
        sebelumnya = _ringkas(impor.hasil)
        pemeriksaan = _periksa_ulang(impor)
        _catat_hasil(impor, pemeriksaan)
        alasan = _alasan_tidak_disimpan(impor, berubah=_ringkas(impor.hasil) != sebelumnya)
        if alasan is None:
            _simpan_baris(impor, pemeriksaan.objek_baru(), user)
        impor.save()
    if alasan is not None:
        raise ImporError(alasan)
    return impor.jumlah_disimpan


@transaction.atomic
def impor_batal(*, impor: ImporPemanfaatan, user: Pengguna) -> None:
    """Langkah 3: Staf membatalkan impor yang belum disimpan; berkas unggahannya dihapus."""
    pastikan_izin(user, IZIN)
    impor = ImporPemanfaatan.objects.select_for_update().get(pk=impor.pk)
    _pastikan_pratinjau(impor)
    berkas = impor.berkas
    impor.status = StatusImpor.DIBATALKAN
    impor.selesai_pada = timezone.now()
    impor.berkas = ""
    impor.save()
    if berkas:
        transaction.on_commit(lambda: berkas.storage.delete(berkas.name))


def _pastikan_pratinjau(impor: ImporPemanfaatan) -> None:
    if impor.status != StatusImpor.PRATINJAU:
        raise ImporError(f"Impor ini sudah berstatus {impor.get_status_display().lower()}; tidak ada yang diubah.")


def _periksa_ulang(impor: ImporPemanfaatan) -> Pemeriksaan:
    try:
        with impor.berkas.open("rb") as berkas:
            return periksa_berkas(berkas, impor.berkas.size)
    except (OSError, ValueError):
        logger.warning("Berkas impor %s tidak dapat dibuka ulang", impor.pk, exc_info=True)
        raise ImporError("Berkas unggahan tidak dapat dibuka lagi; unggah ulang berkasnya.") from None


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
        pemanfaatan.created_by = user
        pemanfaatan.updated_by = user
    try:
        with transaction.atomic():
            bulk_create_with_history(
                objek,
                Pemanfaatan,
                batch_size=UKURAN_KELOMPOK,
                default_user=user,
                default_change_reason=f"Impor Excel {impor.pk}",
            )
    except IntegrityError:
        logger.warning("Impor %s ditolak basis data", impor.pk, exc_info=True)
        raise ImporError(
            "Tidak ada yang disimpan: basis data menolak salah satu baris (mungkin data yang sama baru saja "
            "ditambahkan orang lain). Simpan lagi untuk memeriksa ulang berkas."
        ) from None
    impor.status = StatusImpor.DISIMPAN
    impor.jumlah_disimpan = len(objek)
    impor.selesai_pada = timezone.now()
