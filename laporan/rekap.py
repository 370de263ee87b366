"""Langkah 4: menghitung pemanfaatan dari Daftar satu periode, per OPD × jenis, dalam basis data."""

import calendar
import datetime
import hashlib
import json
from dataclasses import dataclass

from django.db.models import Count, Sum
from django.utils import timezone

from pemanfaatan.models import JenisPemanfaatan, Opd, Pemanfaatan, ada_pks_berlaku


@dataclass(frozen=True)
class HasilHitung:
    baris: list[dict]  # opd, opd__nama, jenis, jenis_label, jumlah_kegiatan, total_jumlah
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
    """Hitungan Langkah 4 dengan agregat basis data: dua kueri berapa pun banyaknya baris.

    GROUP BY OPD × jenis atas Daftar saja, tanpa JOIN ke tabel OPD (agregat termurah; ±20 % lebih cepat pada
    Sumatera Barat), lalu nama, status aktif dan PKS berlaku setiap OPD dalam satu kueri kecil yang diurutkan
    basis data menurut nama, seperti urutan hitungan beku.
    """
    per_opd: dict[int, list[tuple[str, int, int]]] = {}
    for opd, jenis, kegiatan, jumlah in (
        pemanfaatan_periode(tahun=tahun, bulan_awal=bulan_awal, bulan_akhir=bulan_akhir)
        .values_list("opd", "jenis")
        .annotate(Count("pk"), Sum("jumlah"))
        .order_by()
    ):
        per_opd.setdefault(opd, []).append((jenis, kegiatan, jumlah))
    semua_opd = Opd.objects.values_list("pk", "nama", "aktif", ada_pks_berlaku(tanggal_acuan_pks(tahun, bulan_akhir)))
    label = dict(JenisPemanfaatan.choices)
    baris, aktif, memanfaatkan, ber_pks = [], 0, 0, 0
    for opd, nama, opd_aktif, opd_ber_pks in semua_opd.order_by("nama", "pk"):
        # Cakupan dan PKS dihitung atas OPD aktif saja, seperti penyebutnya; pemanfaatan OPD yang sudah
        # dinonaktifkan tetap masuk total jumlah, tetapi tidak membuat cakupan melampaui 100%.
        if opd_aktif:
            aktif += 1
            ber_pks += opd_ber_pks
            memanfaatkan += opd in per_opd
        for jenis, kegiatan, jumlah in sorted(per_opd.get(opd, [])):
            baris.append(
                {
                    "opd": opd,
                    "opd__nama": nama,
                    "jenis": jenis,
                    "jenis_label": label[jenis],
                    "jumlah_kegiatan": kegiatan,
                    "total_jumlah": jumlah,
                }
            )
    return HasilHitung(
        baris=baris, jumlah_opd_aktif=aktif, jumlah_opd_memanfaatkan=memanfaatkan, jumlah_opd_pks_aktif=ber_pks
    )


def sidik_isi(isi: object) -> str:
    """SHA-256 atas bentuk JSON baku `isi` (daftar, kamus, teks, angka): sama bila dan hanya bila isinya sama.

    Dasar bersama sidik yang dibawa halaman aksi dalam kolom tersembunyi, agar transisi hanya menyimpan yang
    dilihat pengguna: hitungan Langkah 4 (`sidik`) dan peringatan kelengkapan Langkah 3 (`kelengkapan.sidik`).
    """
    return hashlib.sha256(json.dumps(isi, sort_keys=True).encode()).hexdigest()


def sidik(hasil: HasilHitung) -> str:
    """Sidik hitungan: berubah bila satu angka pun berubah. Dipakai untuk memastikan yang dibekukan
    pada Langkah 4 sama dengan yang dilihat dan dikonfirmasi Staf."""
    return sidik_isi(
        {
            "baris": [[b["opd"], b["jenis"], b["jumlah_kegiatan"], b["total_jumlah"]] for b in hasil.baris],
            "opd": [hasil.jumlah_opd_aktif, hasil.jumlah_opd_memanfaatkan, hasil.jumlah_opd_pks_aktif],
        }
    )
