"""Indikator satu tahun dari Daftar berjalan: cakupan OPD, total per jenis, tren bulanan, OPD teratas,
OPD ber-PKS yang diam, temuan PKS, pembanding tahun lalu dan capaian IKU."""

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.db.models import Count, Q, Sum
from django.utils import timezone

from akun.angka import bulatkan
from laporan.dasbor import tautan
from laporan.dasbor.cuplikan import Cuplikan, cuplikan
from laporan.iku import SUMBER_TOTAL_JENIS, AngkaKinerja, iku_tahun, realisasi
from laporan.models import Iku, SumberRealisasi, hitung_capaian
from laporan.rekap import tanggal_acuan_pks
from pemanfaatan.filters import TIDAK_SAH
from pemanfaatan.models import (
    NAMA_BULAN,
    JenisPemanfaatan,
    Opd,
    Pemanfaatan,
    StatusPksPemanfaatan,
    ada_pemanfaatan,
    ada_pks_berlaku,
)

BANYAK_OPD_TERATAS = 10


@dataclass(frozen=True)
class NilaiJenis:
    jenis: JenisPemanfaatan
    jumlah_baris: int
    total: int
    tautan: str

    @property
    def label(self) -> str:
        return self.jenis.label


@dataclass(frozen=True)
class BulanTren:
    bulan: int
    nilai: list[NilaiJenis]
    akan_datang: bool  # bulan yang belum tiba: kosong di grafik, bukan nol

    @property
    def label(self) -> str:
        return NAMA_BULAN[self.bulan - 1]

    @property
    def total(self) -> int:
        return sum(n.total for n in self.nilai)


@dataclass(frozen=True)
class OpdTeratas:
    opd_id: int
    nama: str
    jumlah_baris: int
    total: int
    tautan: str  # baris Daftar OPD ini pada tahun itu


@dataclass(frozen=True)
class Temuan:
    status: StatusPksPemanfaatan
    jumlah_baris: int
    total: int
    tautan: str

    @property
    def label(self) -> str:
        return self.status.label


@dataclass(frozen=True)
class BandingJenis:
    jenis: JenisPemanfaatan
    tahun_ini: int
    tahun_lalu: int
    tautan_ini: str
    tautan_lalu: str

    @property
    def label(self) -> str:
        return self.jenis.label

    @property
    def perubahan_persen(self) -> Decimal | None:
        if not self.tahun_lalu:
            return None
        return bulatkan(Decimal(self.tahun_ini - self.tahun_lalu) * 100 / Decimal(self.tahun_lalu))


@dataclass(frozen=True)
class Pembanding:
    tahun_lalu: int
    bulan_sampai: int  # bulan lengkap terakhir; 0 bila belum ada
    per_jenis: list[BandingJenis]
    opd_ini: int
    opd_lalu: int
    tautan_opd_ini: str
    tautan_opd_lalu: str

    @property
    def ada(self) -> bool:
        return self.bulan_sampai > 0

    @property
    def rentang(self) -> str:
        return "Januari" if self.bulan_sampai == 1 else f"Januari – {NAMA_BULAN[self.bulan_sampai - 1]}"


@dataclass(frozen=True)
class CapaianIku:
    iku: Iku
    target: Decimal | None
    realisasi: Decimal | None
    capaian: Decimal | None
    tautan: str | None  # catatan yang membentuk realisasinya; None bila diisi manual


def bulan_berjalan(tahun: int) -> int:
    """Bulan yang sudah tiba pada tahun itu: bulan sekarang tahun ini, 12 untuk tahun lalu, 0 untuk tahun depan."""
    hari_ini = timezone.localdate()
    if tahun == hari_ini.year:
        return hari_ini.month
    return 12 if tahun < hari_ini.year else 0


def bulan_lengkap(tahun: int) -> int:
    """Bulan lengkap terakhir: pembanding tahun lalu tidak boleh memuat bulan yang baru berjalan sebagian."""
    hari_ini = timezone.localdate()
    if tahun == hari_ini.year:
        return hari_ini.month - 1
    return bulan_berjalan(tahun)


class PerBulanJenis:
    """Banyak baris dan total per tahun × bulan × jenis untuk tahun ini dan tahun lalu, dari satu GROUP BY (paling
    banyak 72 kelompok): ringkasan setahun, per jenis, tren bulanan dan pembanding dijumlahkan dari sini, bukan
    dengan satu pindaian Daftar per bagian."""

    def __init__(self, tahun: int):
        kelompok = (
            Pemanfaatan.objects.filter(tahun__in=(tahun, tahun - 1))
            .values_list("tahun", "bulan", "jenis")
            .annotate(Count("pk"), Sum("jumlah"))
            .order_by()
        )
        self._nilai = {(th, bulan, jenis): (banyak, total) for th, bulan, jenis, banyak, total in kelompok}

    def jumlah(self, tahun: int, *, jenis: str | None = None, bulan: int | None = None, sampai_bulan: int = 12):
        """(banyak baris, total) pada tahun itu, untuk satu jenis dan/atau satu bulan, atau Januari..sampai_bulan."""
        banyak = total = 0
        for (th, bln, jns), (n, t) in self._nilai.items():
            if th == tahun and bln <= sampai_bulan and jenis in (None, jns) and bulan in (None, bln):
                banyak, total = banyak + n, total + t
        return banyak, total


def _jumlah_opd(tahun: int, bulan_sampai: int) -> dict:
    """Satu kueri atas OPD aktif: banyaknya, yang ber-PKS pada tanggal acuan, dan yang memanfaatkan setahun serta
    Januari sampai `bulan_sampai` tahun ini dan tahun lalu (pembanding). EXISTS per OPD lewat indeks (opd, tahun),
    bukan COUNT(DISTINCT) atas seluruh baris yang digabung dengan tabel OPD."""
    # Rentang setahun penuh (tahun yang sudah lewat) tidak perlu syarat bulan: indeks (opd, tahun) saja.
    sampai = bulan_sampai if bulan_sampai < 12 else None
    agregat = {
        "aktif": Count("pk"),
        "ber_pks": Count("pk", filter=Q(ada_pks_berlaku(tanggal_acuan_pks(tahun, 12)))),
        "memanfaatkan": Count("pk", filter=Q(ada_pemanfaatan(tahun))),
        "memanfaatkan_lalu": Count("pk", filter=Q(ada_pemanfaatan(tahun - 1, sampai_bulan=sampai))),
    }
    if sampai is not None:
        agregat["memanfaatkan_ini"] = Count("pk", filter=Q(ada_pemanfaatan(tahun, sampai_bulan=sampai)))
    hasil = Opd.objects.filter(aktif=True).aggregate(**agregat)
    hasil.setdefault("memanfaatkan_ini", hasil["memanfaatkan"])
    return hasil


def _tren(tahun: int, bulan_terakhir: int, per_bulan: PerBulanJenis) -> list[BulanTren]:
    tren = []
    for bulan in range(1, 13):
        per_jenis = []
        for jenis in JenisPemanfaatan:
            banyak, total = per_bulan.jumlah(tahun, jenis=jenis.value, bulan=bulan)
            per_jenis.append(
                NilaiJenis(
                    jenis=jenis,
                    jumlah_baris=banyak,
                    total=total,
                    tautan=tautan.daftar(tahun=tahun, bulan=bulan, jenis=jenis.value),
                )
            )
        tren.append(BulanTren(bulan=bulan, nilai=per_jenis, akan_datang=bulan > bulan_terakhir))
    return tren


def _opd_teratas(tahun: int) -> list[OpdTeratas]:
    teratas = (
        Pemanfaatan.objects.filter(tahun=tahun)
        .values("opd", "opd__nama")
        .annotate(jumlah_baris=Count("pk"), total=Sum("jumlah"))
        .order_by("-total", "opd__nama")[:BANYAK_OPD_TERATAS]
    )
    return [
        OpdTeratas(
            opd_id=baris["opd"],
            nama=baris["opd__nama"],
            jumlah_baris=baris["jumlah_baris"],
            total=baris["total"],
            tautan=tautan.daftar(tahun=tahun, opd=baris["opd"]),
        )
        for baris in teratas
    ]


def _temuan(tahun: int) -> list[Temuan]:
    """Baris yang dasar hukumnya tidak sah: tanpa PKS, PKS tidak berlaku pada bulannya, atau tidak mencakup jenis."""
    per_status = {
        baris["status_pks"]: baris
        for baris in Pemanfaatan.objects.with_status_pks()
        .filter(tahun=tahun)
        .exclude(status_pks=StatusPksPemanfaatan.SAH)
        .values("status_pks")
        .annotate(jumlah_baris=Count("pk"), total=Sum("jumlah"))
        .order_by()
    }
    return [
        Temuan(
            status=status,
            jumlah_baris=per_status.get(status.value, {}).get("jumlah_baris", 0),
            total=per_status.get(status.value, {}).get("total", 0),
            tautan=tautan.daftar(tahun=tahun, status_pks=status.value),
        )
        for status in StatusPksPemanfaatan
        if status != StatusPksPemanfaatan.SAH
    ]


def _pembanding(tahun: int, bulan_sampai: int, per_bulan: PerBulanJenis, opd: dict) -> Pembanding:
    """Tahun ini dan tahun lalu pada rentang bulan yang sama, dari `PerBulanJenis` dan `_jumlah_opd`."""
    lalu = tahun - 1
    return Pembanding(
        tahun_lalu=lalu,
        bulan_sampai=bulan_sampai,
        per_jenis=[
            BandingJenis(
                jenis=jenis,
                tahun_ini=per_bulan.jumlah(tahun, jenis=jenis.value, sampai_bulan=bulan_sampai)[1],
                tahun_lalu=per_bulan.jumlah(lalu, jenis=jenis.value, sampai_bulan=bulan_sampai)[1],
                tautan_ini=tautan.daftar(tahun=tahun, jenis=jenis.value, bulan_sampai=bulan_sampai),
                tautan_lalu=tautan.daftar(tahun=lalu, jenis=jenis.value, bulan_sampai=bulan_sampai),
            )
            for jenis in JenisPemanfaatan
        ],
        opd_ini=opd["memanfaatkan_ini"],
        opd_lalu=opd["memanfaatkan_lalu"],
        tautan_opd_ini=tautan.opd(aktif="true", pemanfaatan_tahun=tahun, pemanfaatan_sampai_bulan=bulan_sampai),
        tautan_opd_lalu=tautan.opd(aktif="true", pemanfaatan_tahun=lalu, pemanfaatan_sampai_bulan=bulan_sampai),
    )


def _tautan_realisasi(iku: Iku, tahun: int) -> str | None:
    """Daftar yang membentuk realisasi IKU: OPD yang memanfaatkan, OPD ber-PKS pada tanggal acuan, atau baris."""
    if iku.sumber in (SumberRealisasi.PERSEN_OPD_MEMANFAATKAN, SumberRealisasi.JUMLAH_OPD_MEMANFAATKAN):
        return tautan.opd(aktif="true", pemanfaatan_tahun=tahun)
    if iku.sumber == SumberRealisasi.JUMLAH_OPD_PKS_AKTIF:
        return tautan.opd(aktif="true", pks_berlaku_pada=tanggal_acuan_pks(tahun, 12).isoformat())
    if iku.sumber in SUMBER_TOTAL_JENIS:
        return tautan.daftar(tahun=tahun, jenis=SUMBER_TOTAL_JENIS[iku.sumber].value)
    if iku.sumber == SumberRealisasi.TOTAL_SEMUA:
        return tautan.daftar(tahun=tahun)
    return None


def _capaian_iku(tahun: int, angka: AngkaKinerja) -> list[CapaianIku]:
    hasil = []
    for iku, target in iku_tahun(tahun=tahun):
        nilai = realisasi(iku=iku, angka=angka)
        nilai_target = target.target if target else None
        capaian = None
        if nilai is not None and nilai_target:
            capaian = hitung_capaian(realisasi=nilai, target=nilai_target, polaritas=iku.polaritas)
        hasil.append(
            CapaianIku(
                iku=iku, target=nilai_target, realisasi=nilai, capaian=capaian, tautan=_tautan_realisasi(iku, tahun)
            )
        )
    return hasil


class Indikator:
    """Indikator kinerja satu tahun dari Daftar berjalan (belum tentu sudah dibekukan dalam sebuah Laporan).

    Setiap bagian dihitung saat pertama dibaca: beranda Kabid hanya membaca kartu ringkas, dasbor dan unduhan
    Excel membaca semuanya. Banyak kueri tetap tidak bergantung pada banyaknya baris.
    """

    def __init__(self, *, tahun: int):
        self.tahun = tahun
        self.tautan_tahun = tautan.daftar(tahun=tahun)
        self.tautan_opd_aktif = tautan.opd(aktif="true")
        self.tautan_opd_memanfaatkan = tautan.opd(aktif="true", pemanfaatan_tahun=tahun)
        self.tautan_temuan = tautan.daftar(tahun=tahun, status_pks=TIDAK_SAH)

    @cached_property
    def _bulan_lengkap(self) -> int:
        return bulan_lengkap(self.tahun)

    @cached_property
    def _per_bulan(self) -> PerBulanJenis:
        return PerBulanJenis(self.tahun)

    @cached_property
    def _opd(self) -> dict:
        return _jumlah_opd(self.tahun, self._bulan_lengkap)

    @property
    def jumlah_opd_aktif(self) -> int:
        return self._opd["aktif"]

    @property
    def opd_memanfaatkan(self) -> int:
        return self._opd["memanfaatkan"]

    @property
    def persen_cakupan(self) -> Decimal | None:
        """Cakupan dengan rumus yang sama dengan realisasi IKU dan LAKIP Bidang (`AngkaKinerja`)."""
        persen = self._angka.persen_opd_memanfaatkan
        return None if persen is None else bulatkan(persen)

    @property
    def jumlah_baris(self) -> int:
        return self._per_bulan.jumlah(self.tahun)[0]

    @property
    def total_jumlah(self) -> int:
        return self._per_bulan.jumlah(self.tahun)[1]

    @cached_property
    def per_jenis(self) -> list[NilaiJenis]:
        hasil = []
        for jenis in JenisPemanfaatan:
            banyak, total = self._per_bulan.jumlah(self.tahun, jenis=jenis.value)
            tautan_jenis = tautan.daftar(tahun=self.tahun, jenis=jenis.value)
            hasil.append(NilaiJenis(jenis=jenis, jumlah_baris=banyak, total=total, tautan=tautan_jenis))
        return hasil

    @cached_property
    def tren(self) -> list[BulanTren]:
        return _tren(self.tahun, bulan_berjalan(self.tahun), self._per_bulan)

    @cached_property
    def opd_teratas(self) -> list[OpdTeratas]:
        return _opd_teratas(self.tahun)

    @cached_property
    def opd_pks_tanpa_pemanfaatan(self) -> Cuplikan:
        return cuplikan(
            Opd.objects.filter(aktif=True).pks_berlaku_tahun(self.tahun).tanpa_pemanfaatan(self.tahun).order_by("nama"),
            tautan.opd(aktif="true", pks_berlaku_tahun=self.tahun, tanpa_pemanfaatan_tahun=self.tahun),
        )

    @cached_property
    def temuan(self) -> list[Temuan]:
        return _temuan(self.tahun)

    @property
    def temuan_baris(self) -> int:
        return sum(t.jumlah_baris for t in self.temuan)

    @property
    def temuan_total(self) -> int:
        return sum(t.total for t in self.temuan)

    @cached_property
    def pembanding(self) -> Pembanding:
        return _pembanding(self.tahun, self._bulan_lengkap, self._per_bulan, self._opd)

    @cached_property
    def _angka(self) -> AngkaKinerja:
        return AngkaKinerja(
            jumlah_opd_aktif=self.jumlah_opd_aktif,
            jumlah_opd_memanfaatkan=self.opd_memanfaatkan,
            jumlah_opd_pks_aktif=self._opd["ber_pks"],
            total_per_jenis={n.jenis.value: n.total for n in self.per_jenis},
        )

    @cached_property
    def iku(self) -> list[CapaianIku]:
        return _capaian_iku(self.tahun, self._angka)


def indikator_tahun(*, tahun: int) -> Indikator:
    """Indikator kinerja tahun itu dari Daftar berjalan, dihitung bagian demi bagian saat dibaca."""
    return Indikator(tahun=tahun)
