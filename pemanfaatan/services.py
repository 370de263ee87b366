"""Semua penulisan data master dan Daftar Pemanfaatan (Langkah 3 SOP: Staf mengisi Daftar)."""

from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.db.models import ProtectedError

from akun.akses import pastikan_izin
from akun.berkas import transaksi_berkas
from akun.models import Pengguna
from pemanfaatan.models import (
    NAMA_BULAN,
    DataDukung,
    JenisBerkas,
    Opd,
    Pemanfaatan,
    PeriodeTerkunci,
    PerjanjianKerjaSama,
)


class PemanfaatanError(Exception):
    """Tindakan ditolak karena aturan bisnis; pesannya untuk dibaca pengguna."""


# Ruang kunci advisory PostgreSQL untuk "Daftar tahun X"; angka tahun ditambahkan kepadanya.
KUNCI_DAFTAR_TAHUN = 7_300_000


def kunci_daftar_tahun(tahun: int) -> None:
    """Serialisasi penulisan Daftar dan pembekuan hitungan satu tahun sampai transaksi selesai.

    Tanpa ini, di PostgreSQL sebuah baris bisa tersimpan tepat setelah Langkah 4 menghitung tetapi
    sebelum kuncinya terlihat: baris itu ada di bulan terkunci tetapi tidak ada di hitungan beku.
    SQLite sudah menyerialkan semua penulisan.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [KUNCI_DAFTAR_TAHUN + tahun])


def pastikan_periode_terbuka(tahun: int, bulan: int) -> None:
    """Tolak perubahan Daftar pada bulan yang hitungannya sudah dibekukan (Langkah 4)."""
    kunci_daftar_tahun(tahun)
    kunci = PeriodeTerkunci.objects.mencakup(tahun, bulan).first()
    if kunci is not None:
        raise PemanfaatanError(
            f"Daftar bulan {NAMA_BULAN[bulan - 1]} {tahun} terkunci karena hitungannya sudah dilaporkan "
            f"({kunci.keterangan}). Minta Kasi KIP mengembalikan Laporan kepada Staf bila ada yang harus diperbaiki."
        )


@transaction.atomic
def periode_kunci(*, pemilik: str, keterangan: str, tahun: int, bulan_awal: int, bulan_akhir: int) -> None:
    """Langkah 4: bulan-bulan periode Laporan dikunci; panggil sebelum menghitung, dalam transaksi yang sama."""
    kunci_daftar_tahun(tahun)
    PeriodeTerkunci.objects.update_or_create(
        pemilik=pemilik,
        defaults={"keterangan": keterangan, "tahun": tahun, "bulan_awal": bulan_awal, "bulan_akhir": bulan_akhir},
    )


@transaction.atomic
def periode_buka(*, pemilik: str) -> None:
    """Langkah 5 (dikembalikan) atau pembatalan: kunci Laporan itu dilepas."""
    PeriodeTerkunci.objects.filter(pemilik=pemilik).delete()


def _simpan_dengan_riwayat(obj, user: Pengguna) -> None:
    # Dicatat eksplisit agar riwayat benar juga di luar permintaan web (impor, perintah).
    obj._history_user = user
    obj.full_clean()
    obj.save()


def _terapkan(obj, data: dict[str, Any]) -> None:
    for field, nilai in data.items():
        setattr(obj, field, nilai)


def _hapus_berkas_setelah_commit(*berkas) -> None:
    """Berkas di penyimpanan dihapus hanya bila penghapusan di basis data benar-benar tersimpan."""
    for item in berkas:
        if item:
            transaction.on_commit(lambda item=item: item.storage.delete(item.name))


@transaction.atomic
def opd_create(*, user: Pengguna, data: dict[str, Any]) -> Opd:
    """Kasi KIP menambah OPD ke data master."""
    pastikan_izin(user, "pemanfaatan.add_opd")
    opd = Opd(**data)
    opd.full_clean()
    opd.save()
    return opd


@transaction.atomic
def opd_update(*, opd: Opd, user: Pengguna, data: dict[str, Any]) -> Opd:
    """Kasi KIP mengubah data OPD."""
    pastikan_izin(user, "pemanfaatan.change_opd")
    _terapkan(opd, data)
    opd.full_clean()
    opd.save()
    return opd


@transaction.atomic
def pks_create(*, user: Pengguna, data: dict[str, Any]) -> PerjanjianKerjaSama:
    """Kasi KIP mencatat Perjanjian Kerja Sama baru beserta dokumennya."""
    pastikan_izin(user, "pemanfaatan.add_perjanjiankerjasama")
    pks = PerjanjianKerjaSama(**data)
    _simpan_dengan_riwayat(pks, user)
    return pks


@transaction.atomic
def pks_update(*, pks: PerjanjianKerjaSama, user: Pengguna, data: dict[str, Any]) -> PerjanjianKerjaSama:
    """Kasi KIP mengubah PKS; dokumen lama dihapus bila diganti."""
    pastikan_izin(user, "pemanfaatan.change_perjanjiankerjasama")
    # Formulir sudah menyalin isian ke objek ini; dokumen lama dibaca dari basis data.
    nama_lama = PerjanjianKerjaSama.objects.filter(pk=pks.pk).values_list("dokumen", flat=True).get()
    _terapkan(pks, data)
    dokumen_lama = None
    if nama_lama and nama_lama != pks.dokumen.name:
        dokumen_lama = pks.dokumen.field.attr_class(pks, pks.dokumen.field, nama_lama)
    _simpan_dengan_riwayat(pks, user)
    _hapus_berkas_setelah_commit(dokumen_lama)
    return pks


@transaction.atomic
def pks_delete(*, pks: PerjanjianKerjaSama, user: Pengguna) -> None:
    """Kasi KIP menghapus PKS yang belum dipakai oleh baris Daftar mana pun."""
    pastikan_izin(user, "pemanfaatan.delete_perjanjiankerjasama")
    dokumen = pks.dokumen
    pks._history_user = user
    try:
        pks.delete()
    except ProtectedError:
        raise PemanfaatanError(
            f"PKS {pks.nomor} tidak dapat dihapus karena sudah menjadi dasar baris Daftar Pemanfaatan. "
            "Ubah masa berlakunya bila PKS sudah berakhir."
        ) from None
    _hapus_berkas_setelah_commit(dokumen)


@transaction.atomic
def pemanfaatan_create(*, user: Pengguna, data: dict[str, Any]) -> Pemanfaatan:
    """Langkah 3: Staf memasukkan satu baris ke Daftar Pemanfaatan Data Kependudukan."""
    pastikan_izin(user, "pemanfaatan.add_pemanfaatan")
    pastikan_periode_terbuka(data["tahun"], data["bulan"])
    pemanfaatan = Pemanfaatan(**data, created_by=user, updated_by=user)
    _simpan_dengan_riwayat(pemanfaatan, user)
    return pemanfaatan


@transaction.atomic
def pemanfaatan_update(*, pemanfaatan: Pemanfaatan, user: Pengguna, data: dict[str, Any]) -> Pemanfaatan:
    """Langkah 3: Staf memperbaiki satu baris Daftar."""
    pastikan_izin(user, "pemanfaatan.change_pemanfaatan")
    # Formulir sudah menyalin isian ke objek ini: bulan asal dibaca dari basis data, bukan dari objek.
    asal = Pemanfaatan.objects.select_for_update().values("tahun", "bulan").get(pk=pemanfaatan.pk)
    pastikan_periode_terbuka(asal["tahun"], asal["bulan"])
    pastikan_periode_terbuka(data["tahun"], data["bulan"])
    _terapkan(pemanfaatan, data)
    pemanfaatan.updated_by = user
    _simpan_dengan_riwayat(pemanfaatan, user)
    return pemanfaatan


@transaction.atomic
def pemanfaatan_delete(*, pemanfaatan: Pemanfaatan, user: Pengguna) -> None:
    """Langkah 3: Staf menghapus baris Daftar beserta data dukungnya."""
    pastikan_izin(user, "pemanfaatan.delete_pemanfaatan")
    pastikan_periode_terbuka(pemanfaatan.tahun, pemanfaatan.bulan)
    berkas = [dd.berkas for dd in pemanfaatan.data_dukung.all()]
    for dd in pemanfaatan.data_dukung.all():
        dd._history_user = user
        dd.delete()
    pemanfaatan._history_user = user
    pemanfaatan.delete()
    _hapus_berkas_setelah_commit(*berkas)


@transaction.atomic
def data_dukung_create(
    *, pemanfaatan: Pemanfaatan, user: Pengguna, berkas: UploadedFile, jenis_berkas: JenisBerkas, keterangan: str = ""
) -> DataDukung:
    """Langkah 3: Staf melampirkan bukti (data dukung) pada satu baris Daftar."""
    pastikan_izin(user, "pemanfaatan.add_datadukung")
    pastikan_periode_terbuka(pemanfaatan.tahun, pemanfaatan.bulan)
    data_dukung = DataDukung(
        pemanfaatan=pemanfaatan,
        nama_asli=berkas.name[:255],
        jenis_berkas=jenis_berkas,
        ukuran=berkas.size,
        keterangan=keterangan,
        diunggah_oleh=user,
    )
    with transaksi_berkas() as tertulis:
        # Akhiran nama simpanan mengikuti jenis yang terdeteksi dari isi, bukan nama kiriman.
        tertulis.simpan(data_dukung.berkas, f"bukti.{jenis_berkas}", berkas)
        _simpan_dengan_riwayat(data_dukung, user)
    return data_dukung


@transaction.atomic
def data_dukung_delete(*, data_dukung: DataDukung, user: Pengguna) -> None:
    """Langkah 3: Staf menghapus bukti yang salah unggah."""
    pastikan_izin(user, "pemanfaatan.delete_datadukung")
    pastikan_periode_terbuka(data_dukung.pemanfaatan.tahun, data_dukung.pemanfaatan.bulan)
    berkas = data_dukung.berkas
    data_dukung._history_user = user
    data_dukung.delete()
    _hapus_berkas_setelah_commit(berkas)
