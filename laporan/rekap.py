"""Langkah 4: menghitung pemanfaatan dari Daftar satu periode, per OPD × jenis, dalam basis data."""

import calendar
import datetime
import hashlib
import json
from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.utils import timezone

from pemanfaatan.models import JenisPemanfaatan, Opd, Pemanfaatan, ada_pks_berlaku


@dataclass(frozen=True)
class HasilHitung:
    baris: list[dict]  # opd, opd__nama, opd__aktif, jenis, jenis_label, jumlah_kegiatan, total_jumlah
    jumlah_opd_aktif: int
    jumlah_opd_memanfaatkan: int
    jumlah_opd_pks_aktif: int

    def total_per_jenis(self) -> dict[str, int]:
        total = {jenis.value: 0 for jenis in JenisPemanfaatan}
        for baris in self.baris:
            total[baris["jenis"]] += baris["total_jumlah"]
        return total

    @property
    def jumlah_kegiatan(self) -> int:
        return sum(baris["jumlah_kegiatan"] for baris in self.baris)

    @property
    def total_jumlah(self) -> int:
        return sum(baris["total_jumlah"] for baris in self.baris)


def pemanfaatan_periode(*, tahun: int, bulan_awal: int, bulan_akhir: int):
    return Pemanfaatan.objects.filter(tahun=tahun, bulan__gte=bulan_awal, bulan__lte=bulan_akhir)


def tanggal_akhir_bulan(tahun: int, bulan: int) -> datetime.date:
    return datetime.date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])


def tanggal_acuan_pks(tahun: int, bulan_akhir: int) -> datetime.date:
    """PKS dinilai aktif pada akhir periode, atau hari ini bila periode belum berakhir."""
    return min(tanggal_akhir_bulan(tahun, bulan_akhir), timezone.localdate())


def hitung(*, tahun: int, bulan_awal: int, bulan_akhir: int) -> HasilHitung:
    """Hitungan Langkah 4 dengan agregat basis data: dua kueri berapa pun banyaknya baris."""
    baris = list(
        pemanfaatan_periode(tahun=tahun, bulan_awal=bulan_awal, bulan_akhir=bulan_akhir)
        .values("opd", "opd__nama", "opd__aktif", "jenis")
        .annotate(jumlah_kegiatan=Count("pk"), total_jumlah=Sum("jumlah"))
        .order_by("opd__nama", "jenis")
    )
    for item in baris:
        item["jenis_label"] = JenisPemanfaatan(item["jenis"]).label
    opd = jumlah_opd(pada=tanggal_acuan_pks(tahun, bulan_akhir))
    return HasilHitung(
        baris=baris,
        jumlah_opd_aktif=opd.aktif,
        # Cakupan dihitung atas OPD aktif saja, seperti penyebutnya; pemanfaatan OPD yang sudah dinonaktifkan
        # tetap masuk total jumlah, tetapi tidak membuat cakupan melampaui 100%.
        jumlah_opd_memanfaatkan=len({b["opd"] for b in baris if b["opd__aktif"]}),
        jumlah_opd_pks_aktif=opd.ber_pks,
    )


@dataclass(frozen=True)
class JumlahOpd:
    aktif: int
    ber_pks: int  # OPD aktif yang punya PKS berlaku pada tanggal acuan


def jumlah_opd(*, pada: datetime.date) -> JumlahOpd:
    """OPD aktif dan OPD aktif ber-PKS berlaku pada tanggal itu, dalam satu kueri."""
    ber_pks = Count("pk", filter=Q(ada_pks_berlaku(pada)))
    return JumlahOpd(**Opd.objects.filter(aktif=True).aggregate(aktif=Count("pk"), ber_pks=ber_pks))


def sidik(hasil: HasilHitung) -> str:
    """Sidik hitungan: berubah bila satu angka pun berubah. Dipakai untuk memastikan yang dibekukan
    pada Langkah 4 sama dengan yang dilihat dan dikonfirmasi Staf."""
    isi = {
        "baris": [[b["opd"], b["jenis"], b["jumlah_kegiatan"], b["total_jumlah"]] for b in hasil.baris],
        "opd": [hasil.jumlah_opd_aktif, hasil.jumlah_opd_memanfaatkan, hasil.jumlah_opd_pks_aktif],
    }
    return hashlib.sha256(json.dumps(isi, sort_keys=True).encode()).hexdigest()
