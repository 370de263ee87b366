"""Langkah 3: pemeriksaan kelengkapan Daftar satu periode sebelum Staf menutupnya."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, Exists, OuterRef
from django.urls import reverse

from laporan.rekap import pemanfaatan_periode, sidik_isi, tanggal_acuan_pks
from pemanfaatan.models import Opd, PerjanjianKerjaSama, StatusPksPemanfaatan

CONTOH_MAKS = 10


@dataclass(frozen=True)
class Peringatan:
    kode: str
    pesan: str
    jumlah: int
    contoh: list[str]
    tautan: str


def _tautan_daftar(tahun: int, bulan_awal: int, bulan_akhir: int, **filter_tambahan) -> str:
    filter_ = {"tahun": tahun, "bulan_dari": bulan_awal, "bulan_sampai": bulan_akhir, **filter_tambahan}
    return f"{reverse('pemanfaatan:daftar')}?{urlencode(filter_)}"


def periksa(*, tahun: int, bulan_awal: int, bulan_akhir: int) -> list[Peringatan]:
    """OPD ber-PKS aktif tanpa baris, baris tanpa PKS yang sah, dan baris tanpa data dukung."""
    daftar = pemanfaatan_periode(tahun=tahun, bulan_awal=bulan_awal, bulan_akhir=bulan_akhir)
    peringatan = []

    pks_aktif = PerjanjianKerjaSama.objects.berlaku_pada(tanggal_acuan_pks(tahun, bulan_akhir))
    opd_diam = list(
        Opd.objects.filter(aktif=True)
        .filter(Exists(pks_aktif.filter(opd=OuterRef("pk"))))
        .exclude(Exists(daftar.filter(opd=OuterRef("pk"))))
        .values_list("nama", flat=True)
    )
    if opd_diam:
        peringatan.append(
            Peringatan(
                "opd_tanpa_baris",
                f"{len(opd_diam)} OPD memiliki PKS aktif tetapi tidak punya baris Daftar pada periode ini.",
                len(opd_diam),
                opd_diam[:CONTOH_MAKS],
                reverse("pemanfaatan:pks_list") + "?status=AKTIF",
            )
        )

    per_status = dict(
        daftar.with_status_pks()
        .exclude(status_pks=StatusPksPemanfaatan.SAH)
        .values_list("status_pks")
        .annotate(n=Count("pk"))
        .values_list("status_pks", "n")
    )
    for status, jumlah in sorted(per_status.items()):
        peringatan.append(
            Peringatan(
                f"pks_{status.lower()}",
                f"{jumlah} baris berstatus “{StatusPksPemanfaatan(status).label}”.",
                jumlah,
                [],
                _tautan_daftar(tahun, bulan_awal, bulan_akhir, status_pks=status),
            )
        )

    tanpa_bukti = daftar.filter(data_dukung__isnull=True).count()
    if tanpa_bukti:
        peringatan.append(
            Peringatan(
                "tanpa_data_dukung",
                f"{tanpa_bukti} baris belum memiliki data dukung (bukti).",
                tanpa_bukti,
                [],
                _tautan_daftar(tahun, bulan_awal, bulan_akhir, ada_data_dukung="false"),
            )
        )
    return peringatan


def sidik(peringatan: list[Peringatan]) -> str:
    """Sidik peringatan yang dibaca Staf: berubah bila satu pesan, banyak atau contoh OPD pun berubah. Dipakai
    untuk memastikan yang diakui dan disimpan pada Langkah 3 sama dengan yang dilihat Staf. Tautan tidak ikut:
    hanya jalan menuju baris, dibentuk dari periode Laporan."""
    return sidik_isi([[p.kode, p.pesan, p.jumlah, p.contoh] for p in peringatan])
