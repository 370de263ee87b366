"""Semua penulisan siklus SOP. `laporan_transisi` adalah satu-satunya jalan sebuah Laporan berpindah status."""

from datetime import timedelta
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django_fsm import can_proceed, has_transition_perm

from akun.akses import pastikan_izin
from akun.berkas import transaksi_berkas
from akun.models import Pengguna, Peran
from laporan import notifikasi, rekap
from laporan.exports.arsip import arsip_buat
from laporan.forms import FORM_AKSI, FormAksi, LakipBidangForm, LaporkanHitunganForm
from laporan.models import (
    HasilLangkah,
    LangkahLaporan,
    Laporan,
    Notifikasi,
    RealisasiIku,
    RekapPemanfaatan,
    RiwayatLaporan,
)
from laporan.rekap import tanggal_akhir_bulan
from laporan.selectors import jadwal_kerja, transisi_terakhir, waktu_baku_berlaku
from laporan.sop import (
    Aksi,
    AksiPendamping,
    Periode,
    langkah_pada_status,
    pelaksana_aksi,
    pengembalian_untuk_aksi,
    rentang_bulan,
)
from laporan.waktu_kerja import durasi_kerja
from pemanfaatan.services import periode_buka, periode_kunci


class LaporanError(Exception):
    """Aksi siklus tidak dapat dijalankan; pesannya untuk dibaca pengguna."""


class LaporanDitolak(LaporanError, PermissionDenied):
    """Peran atau keadaan pengguna tidak mengizinkan aksi ini (403)."""


class LaporanSudahDiproses(LaporanError):
    """Status Laporan sudah berubah (oleh orang lain, atau klik ganda) sebelum aksi ini dijalankan."""


class DataAksiTidakSah(LaporanError):
    """Isian formulir aksi belum benar; `form` membawa pesan per bidang."""

    def __init__(self, form: FormAksi):
        super().__init__("Periksa kembali isian formulir.")
        self.form = form


def _pemilik_kunci(laporan: Laporan) -> str:
    return f"laporan-{laporan.pk}"


@transaction.atomic
def laporan_buat(*, user: Pengguna, tahun: int, periode: str, arahan: str = "") -> Laporan:
    """Langkah 1 dimulai: Kabid membuka siklus untuk satu periode."""
    pastikan_izin(user, "laporan.add_laporan")
    if not user.punya_peran(Peran.KABID):
        raise LaporanDitolak("Hanya Kabid yang dapat memulai Laporan.")
    _pastikan_periode_berakhir(tahun, periode)
    # Salinan waktu baku yang berlaku hari ini: perubahan kelak tidak mengubah Laporan yang sudah berjalan.
    waktu_baku = waktu_baku_berlaku()
    laporan = Laporan(tahun=tahun, periode=periode, arahan=arahan, waktu_baku=waktu_baku, dibuat_oleh=user)
    try:
        with transaction.atomic():
            laporan.save()
    except IntegrityError:
        raise LaporanError(
            f"Sudah ada Laporan {laporan.get_periode_display()} {tahun} yang berjalan atau selesai. "
            "Buka Laporan itu, atau batalkan dulu bila keliru."
        ) from None
    sekarang = timezone.now()
    _buka_langkah(laporan, sekarang)
    RiwayatLaporan.objects.create(
        laporan=laporan,
        aksi=AksiPendamping.BUAT,
        dari="",
        ke=laporan.status,
        oleh=user,
        peran=Peran.KABID,
        catatan=arahan,
    )
    return laporan


def _pastikan_periode_berakhir(tahun: int, periode: str) -> None:
    """Hitungan Langkah 4 mengunci bulan-bulan periode; periode yang belum usai tidak boleh ikut terkunci."""
    bulan_akhir = rentang_bulan(periode)[1]
    hari_ini = timezone.localdate()
    if (tahun, bulan_akhir) >= (hari_ini.year, hari_ini.month):
        akhir = date_format(tanggal_akhir_bulan(tahun, bulan_akhir), "j F Y")
        raise LaporanError(
            f"Periode {Periode(periode).label} {tahun} baru berakhir {akhir}. Laporan dapat dimulai setelah "
            "periodenya usai, karena hitungannya mengunci Daftar bulan-bulan itu."
        )


def laporan_transisi(*, laporan: Laporan, aksi: str, user: Pengguna, data: dict[str, Any]) -> Laporan:
    """Jalankan satu aksi SOP: periksa izin, validasi isian, transisi, catat langkah dan audit, beri tahu."""
    try:
        aksi = Aksi(aksi)
    except ValueError:
        raise LaporanError(f"Aksi tidak dikenal: {aksi}.") from None
    # Langkah 7 menulis berkas arsip: bila transaksi ini batal, berkas itu dihapus lagi (lihat transaksi_berkas).
    with transaksi_berkas() as berkas:
        laporan = Laporan.objects.select_for_update().get(pk=laporan.pk)
        metode = getattr(laporan, aksi.value)
        if not can_proceed(metode):
            raise LaporanSudahDiproses(_pesan_sudah_diproses(laporan, aksi))
        alasan = laporan.alasan_ditolak(user, aksi)
        if alasan is not None:
            raise LaporanDitolak(alasan)
        if not has_transition_perm(metode, user):
            raise LaporanDitolak("Anda tidak berwenang menjalankan aksi ini.")
        form = FORM_AKSI[aksi](data=data, laporan=laporan)
        if not form.is_valid():
            raise DataAksiTidakSah(form)

        sekarang = timezone.now()
        dari = laporan.status
        argumen = form.argumen()
        if aksi == Aksi.LAPORKAN_HITUNGAN:
            argumen = _bekukan_hitungan(laporan, user, sekarang, form)
        metode(**argumen)
        laporan.save()
        _setelah_transisi(laporan, aksi, form)
        _tutup_langkah(laporan, user, sekarang, _hasil_langkah(aksi))
        _buka_langkah(laporan, sekarang)
        RiwayatLaporan.objects.create(
            laporan=laporan,
            aksi=aksi,
            dari=dari,
            ke=laporan.status,
            oleh=user,
            peran=pelaksana_aksi(aksi),
            catatan=form.catatan(),
        )
        if aksi == Aksi.TERIMA:
            # Dibuat setelah Langkah 7 ditutup dan dicatat, agar Lembar Kendali memuat seluruh siklus.
            arsip_buat(laporan=laporan, user=user, berkas=berkas)
        if langkah_pada_status(laporan.status) is not None:
            pesan = f"{aksi.label} oleh {user}; sekarang giliran Anda: {laporan.get_status_display()}."
            if pengembalian_untuk_aksi(aksi) is not None:
                pesan += f" Alasan: {form.catatan()}"
            transaction.on_commit(partial(notifikasi.kirim, laporan_id=laporan.pk, pesan=pesan, pelaku_id=user.pk))
    return laporan


def _pesan_sudah_diproses(laporan: Laporan, aksi: Aksi) -> str:
    terakhir = transisi_terakhir(laporan).select_related("oleh").first()
    if terakhir is None:
        return f"{aksi.label} tidak dapat dilakukan saat Laporan berstatus {laporan.get_status_display()}."
    waktu = date_format(timezone.localtime(terakhir.waktu), "j F Y, H.i")
    return (
        f"Laporan ini sudah diproses oleh {terakhir.oleh} pada {waktu} ({terakhir.aksi_label}); "
        f"statusnya sekarang {laporan.get_status_display()}."
    )


def _hasil_langkah(aksi: Aksi) -> str:
    if aksi == Aksi.BATALKAN:
        return HasilLangkah.DIBATALKAN
    if pengembalian_untuk_aksi(aksi) is not None:
        return HasilLangkah.DIKEMBALIKAN
    return HasilLangkah.SELESAI


def _bekukan_hitungan(laporan: Laporan, user: Pengguna, sekarang, form: LaporkanHitunganForm) -> dict:
    """Langkah 4: bulan-bulan periode dikunci lebih dulu, lalu hitungan disimpan sebagai RekapPemanfaatan."""
    periode_kunci(
        pemilik=_pemilik_kunci(laporan),
        keterangan=f"{laporan}, dihitung {date_format(timezone.localtime(sekarang), 'j F Y')}",
        tahun=laporan.tahun,
        bulan_awal=laporan.bulan_awal,
        bulan_akhir=laporan.bulan_akhir,
    )
    hasil = rekap.hitung(tahun=laporan.tahun, bulan_awal=laporan.bulan_awal, bulan_akhir=laporan.bulan_akhir)
    if form.tolak_bila_berubah(rekap.sidik(hasil)):
        # Baris tersimpan di antara pemeriksaan formulir dan penguncian: jangan bekukan angka yang tak dilihat.
        raise DataAksiTidakSah(form)
    RekapPemanfaatan.objects.bulk_create(
        RekapPemanfaatan(
            laporan=laporan,
            opd_id=baris["opd"],
            jenis=baris["jenis"],
            jumlah_kegiatan=baris["jumlah_kegiatan"],
            total_jumlah=baris["total_jumlah"],
        )
        for baris in hasil.baris
    )
    return {
        "oleh": user,
        "pada": sekarang,
        "opd_aktif": hasil.jumlah_opd_aktif,
        "opd_memanfaatkan": hasil.jumlah_opd_memanfaatkan,
        "opd_pks_aktif": hasil.jumlah_opd_pks_aktif,
    }


def _setelah_transisi(laporan: Laporan, aksi: Aksi, form: FormAksi) -> None:
    """Data yang ikut berubah di tabel lain: kunci periode, hitungan beku, realisasi IKU."""
    if aksi in (Aksi.KEMBALIKAN_KE_STAF, Aksi.BATALKAN):
        laporan.rekap.all().delete()
        periode_buka(pemilik=_pemilik_kunci(laporan))
    if aksi == Aksi.SAMPAIKAN_LAKIP_BIDANG:
        assert isinstance(form, LakipBidangForm)
        laporan.realisasi_iku.all().delete()
        RealisasiIku.objects.bulk_create(RealisasiIku(laporan=laporan, **baris) for baris in form.realisasi())


def _buka_langkah(laporan: Laporan, sekarang) -> None:
    langkah = langkah_pada_status(laporan.status)
    if langkah is None:
        return
    waktu_baku = timedelta(minutes=laporan.waktu_baku[str(langkah.nomor)])
    LangkahLaporan.objects.create(laporan=laporan, nomor=langkah.nomor, waktu_baku=waktu_baku, diterima_pada=sekarang)


def _tutup_langkah(laporan: Laporan, user: Pengguna, sekarang, hasil: str) -> None:
    """Durasi kerja dihitung dalam jam kerja, dipisah waktu tunggu dan proses bila langkah diambil."""
    langkah = laporan.langkah.select_for_update().get(selesai_pada__isnull=True)
    jadwal = jadwal_kerja()
    langkah.selesai_oleh = user
    langkah.selesai_pada = sekarang
    langkah.hasil = hasil
    langkah.durasi_kerja = durasi_kerja(langkah.diterima_pada, sekarang, jadwal)
    if langkah.diambil_pada is not None:
        langkah.durasi_tunggu = durasi_kerja(langkah.diterima_pada, langkah.diambil_pada, jadwal)
        langkah.durasi_proses = durasi_kerja(langkah.diambil_pada, sekarang, jadwal)
    langkah.save()


@transaction.atomic
def laporan_ambil(*, laporan: Laporan, user: Pengguna) -> LangkahLaporan:
    """ "Kerjakan": pengguna mengambil langkah yang sedang berjalan agar penanganannya satu orang."""
    laporan = Laporan.objects.select_for_update().get(pk=laporan.pk)
    langkah_sop = langkah_pada_status(laporan.status)
    if langkah_sop is None:
        raise LaporanSudahDiproses(
            f"Laporan ini sudah {laporan.get_status_display().lower()}; tidak ada langkah yang dapat dikerjakan."
        )
    alasan = laporan.alasan_ditolak(user, langkah_sop.aksi)
    langkah = laporan.langkah.select_for_update().get(selesai_pada__isnull=True)
    if langkah.diambil_oleh_id == user.pk:
        return langkah
    if alasan is not None:
        raise LaporanDitolak(alasan)
    langkah.diambil_oleh = user
    langkah.diambil_pada = timezone.now()
    langkah.save(update_fields=["diambil_oleh", "diambil_pada"])
    RiwayatLaporan.objects.create(
        laporan=laporan,
        aksi=AksiPendamping.AMBIL,
        dari=laporan.status,
        ke=laporan.status,
        oleh=user,
        peran=langkah_sop.pelaksana,
    )
    return langkah


@transaction.atomic
def laporan_lepas(*, laporan: Laporan, user: Pengguna) -> None:
    """Pengambil melepas langkah agar rekan seperan dapat mengerjakannya."""
    laporan = Laporan.objects.select_for_update().get(pk=laporan.pk)
    langkah = laporan.langkah.select_for_update().filter(selesai_pada__isnull=True).first()
    if langkah is None or langkah.diambil_oleh_id != user.pk:
        raise LaporanDitolak("Hanya orang yang mengambil langkah ini yang dapat melepasnya.")
    langkah.diambil_oleh = None
    langkah.diambil_pada = None
    langkah.save(update_fields=["diambil_oleh", "diambil_pada"])
    RiwayatLaporan.objects.create(
        laporan=laporan,
        aksi=AksiPendamping.LEPAS,
        dari=laporan.status,
        ke=laporan.status,
        oleh=user,
        peran=langkah_pada_status(laporan.status).pelaksana,
    )


def notifikasi_tandai_dibaca(*, user: Pengguna) -> int:
    """Semua notifikasi pengguna yang belum dibaca ditandai dibaca."""
    return Notifikasi.objects.filter(penerima=user, dibaca_pada__isnull=True).update(dibaca_pada=timezone.now())


@transaction.atomic
def iku_simpan(*, user: Pengguna, form, izin: str):
    """Kabid menetapkan IKU atau target tahunannya (bahan Langkah 6)."""
    pastikan_izin(user, izin)
    return form.save()
