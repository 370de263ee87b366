"""Beranda per peran: yang perlu dikerjakan peran itu lebih dulu, sebelum dasbor lengkap."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Sum
from django.utils import timezone

from akun.models import Pengguna, Peran
from laporan.dasbor import tautan
from laporan.dasbor.cuplikan import Cuplikan, cuplikan
from laporan.dasbor.indikator import Indikator, indikator_tahun
from laporan.dasbor.kepatuhan import Kepatuhan, kepatuhan_tahun
from laporan.dasbor.pks import PantauanPks, pantauan_pks
from laporan.models import Laporan
from laporan.selectors import Tugas, laporan_list, tugas_saya
from laporan.sop import StatusLaporan
from pemanfaatan.models import NAMA_BULAN, DataDukung, Opd, Pemanfaatan


@dataclass(frozen=True)
class BagianStaf:
    tanpa_data_dukung: Cuplikan  # baris Daftar tahun ini yang belum berbukti
    opd_tanpa_baris_bulan_ini: Cuplikan
    nama_bulan: str


@dataclass(frozen=True)
class BagianKasi:
    menunggu_pemeriksaan: list[Laporan]  # dengan total_jumlah dan jumlah_kegiatan dari hitungan beku
    tautan_menunggu: str
    pks: PantauanPks


@dataclass(frozen=True)
class BagianKabid:
    indikator: Indikator
    kepatuhan: Kepatuhan


@dataclass(frozen=True)
class BagianSekretariat:
    menunggu_pemeriksaan: list[Laporan]
    tautan_menunggu: str
    diterima: list[Laporan]  # dengan jumlah_arsip
    tautan_diterima: str  # Bahan LAKIP Dinas tahun itu


@dataclass(frozen=True)
class Beranda:
    tahun: int
    tugas: list[Tugas]
    staf: BagianStaf | None = None
    kasi: BagianKasi | None = None
    kabid: BagianKabid | None = None
    sekretariat: BagianSekretariat | None = None


def _bagian_staf(tahun: int) -> BagianStaf:
    hari_ini = timezone.localdate()
    tanpa_bukti = (
        Pemanfaatan.objects.filter(tahun=tahun)
        .exclude(Exists(DataDukung.objects.filter(pemanfaatan=OuterRef("pk"))))
        .select_related("opd")
        .order_by("-bulan", "opd__nama", "jenis", "pk")
    )
    return BagianStaf(
        tanpa_data_dukung=cuplikan(tanpa_bukti, tautan.daftar(tahun=tahun, ada_data_dukung="false")),
        opd_tanpa_baris_bulan_ini=cuplikan(
            Opd.objects.filter(aktif=True).tanpa_pemanfaatan(hari_ini.year, hari_ini.month).order_by("nama"),
            tautan.opd(aktif="true", tanpa_pemanfaatan_tahun=hari_ini.year, tanpa_pemanfaatan_bulan=hari_ini.month),
        ),
        nama_bulan=f"{NAMA_BULAN[hari_ini.month - 1]} {hari_ini.year}",
    )


def _dengan_total_rekap(daftar):
    return daftar.annotate(
        total_jumlah=Sum("rekap__total_jumlah", default=0), jumlah_kegiatan=Sum("rekap__jumlah_kegiatan", default=0)
    )


def _bagian_kasi(user: Pengguna) -> BagianKasi:
    menunggu = laporan_list(user=user).filter(status=StatusLaporan.LAPORAN).order_by("tahun", "periode")
    return BagianKasi(
        menunggu_pemeriksaan=list(_dengan_total_rekap(menunggu)),
        tautan_menunggu=tautan.laporan(status=StatusLaporan.LAPORAN.value),
        pks=pantauan_pks(),
    )


def _bagian_sekretariat(user: Pengguna, tahun: int) -> BagianSekretariat:
    semua = laporan_list(user=user)
    return BagianSekretariat(
        menunggu_pemeriksaan=list(semua.filter(status=StatusLaporan.LAKIP_DINAS).order_by("tahun", "periode")),
        tautan_menunggu=tautan.laporan(status=StatusLaporan.LAKIP_DINAS.value),
        diterima=list(
            semua.filter(status=StatusLaporan.SELESAI, tahun=tahun)
            .annotate(jumlah_arsip=Count("arsip"))
            .order_by("periode", "pk")
        ),
        tautan_diterima=tautan.bahan_lakip_dinas(tahun=tahun),
    )


def beranda_untuk(*, user: Pengguna) -> Beranda:
    """Bagian beranda untuk setiap peran yang dipegang pengguna, tahun berjalan."""
    tahun = timezone.localdate().year
    return Beranda(
        tahun=tahun,
        tugas=tugas_saya(user=user),
        staf=_bagian_staf(tahun) if user.punya_peran(Peran.STAF) else None,
        kasi=_bagian_kasi(user) if user.punya_peran(Peran.KASI_KIP) else None,
        kabid=(
            BagianKabid(indikator=indikator_tahun(tahun=tahun), kepatuhan=kepatuhan_tahun(tahun=tahun))
            if user.punya_peran(Peran.KABID)
            else None
        ),
        sekretariat=_bagian_sekretariat(user, tahun) if user.punya_peran(Peran.SEKRETARIAT) else None,
    )
