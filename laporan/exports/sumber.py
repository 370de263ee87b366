"""Sumber baris keluaran: setiap sumber menghasilkan satu baris judul kolom, lalu baris-baris datanya.

Excel (`xlsx.py`), PDF dan dasbor membaca dari sini, sehingga isi dan urutan kolom hanya ditulis sekali.
Nilai dikembalikan sebagai nilai Python (int, Decimal, datetime, str), bukan teks yang sudah diformat:
format angka dan tanggal Indonesia adalah urusan keluarannya.
"""

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from itertools import groupby

from django.db.models import Count, F, QuerySet, Sum
from django.utils import timezone

from akun.models import Pengguna
from laporan.exports.teks import angka_indonesia, waktu_indonesia
from laporan.models import Instansi, Laporan
from laporan.sop import StatusLaporan
from pemanfaatan.models import NAMA_BULAN, JenisPemanfaatan, MetodeAkses, Pemanfaatan, StatusPksPemanfaatan

# Baris yang diambil dari basis data sekaligus: 100.000 baris Daftar tidak pernah berada di memori bersamaan.
UKURAN_POTONGAN = 2000

# IKU baru ada setelah Kabid menyampaikan LAKIP Bidang (Langkah 6 selesai).
STATUS_DENGAN_IKU = frozenset({StatusLaporan.LAKIP_DINAS, StatusLaporan.SELESAI})


class JenisKolom(StrEnum):
    TEKS = "teks"
    TAHUN = "tahun"
    ANGKA = "angka"
    DESIMAL = "desimal"
    WAKTU = "waktu"


@dataclass(frozen=True)
class Kolom:
    """Judul satu kolom beserta jenis nilainya dan lebar tampilannya (dalam karakter)."""

    judul: str
    jenis: JenisKolom = JenisKolom.TEKS
    lebar: int = 14

    def __str__(self) -> str:
        return self.judul


# --- Daftar -------------------------------------------------------------------------------------

KOLOM_DAFTAR = (
    Kolom("Tahun", JenisKolom.TAHUN, 7),
    Kolom("Bulan", lebar=11),
    Kolom("Kode OPD", lebar=24),
    Kolom("Nama OPD", lebar=36),
    Kolom("Jenis pemanfaatan", lebar=28),
    Kolom("Keperluan", lebar=40),
    Kolom("Metode akses", lebar=22),
    Kolom("Nomor PKS", lebar=26),
    Kolom("Status PKS", lebar=24),
    Kolom("Jumlah", JenisKolom.ANGKA, 12),
    Kolom("Keterangan", lebar=40),
    Kolom("Data dukung (berkas)", JenisKolom.ANGKA, 11),
    Kolom("Diubah oleh", lebar=24),
    Kolom("Diubah pada", JenisKolom.WAKTU, 22),
)

_BIDANG_DAFTAR = (
    "tahun",
    "bulan",
    "opd__kode",
    "opd__nama",
    "jenis",
    "keperluan",
    "metode_akses",
    "pks__nomor",
    "status_pks",
    "jumlah",
    "keterangan",
    "jumlah_data_dukung",
    "updated_by__nama",
    "updated_at",
)


def daftar_siap_ekspor(daftar: QuerySet[Pemanfaatan]) -> QuerySet[Pemanfaatan]:
    """Lengkapi anotasi yang dibaca Daftar (status PKS, jumlah data dukung) bila belum ada."""
    if "status_pks" not in daftar.query.annotations:
        daftar = daftar.with_status_pks()
    if "jumlah_data_dukung" not in daftar.query.annotations:
        daftar = daftar.annotate(jumlah_data_dukung=Count("data_dukung"))
    return daftar


def baris_daftar(daftar: QuerySet[Pemanfaatan]) -> Iterator[tuple]:
    """Judul kolom, lalu setiap baris Daftar dalam urutan queryset, diambil per potongan."""
    yield KOLOM_DAFTAR
    jenis_label = dict(JenisPemanfaatan.choices)
    metode_label = dict(MetodeAkses.choices)
    status_label = dict(StatusPksPemanfaatan.choices)
    zona = timezone.get_current_timezone()
    nilai = daftar_siap_ekspor(daftar).values_list(*_BIDANG_DAFTAR)
    for baris in nilai.iterator(chunk_size=UKURAN_POTONGAN):
        (tahun, bulan, kode, nama, jenis, keperluan, metode, nomor_pks, status_pks, jumlah, keterangan, bukti,
         diubah_oleh, diubah_pada) = baris  # fmt: skip
        yield (
            tahun,
            NAMA_BULAN[bulan - 1],
            kode,
            nama,
            jenis_label.get(jenis, jenis),
            keperluan,
            metode_label.get(metode, metode),
            nomor_pks or "",
            status_label.get(status_pks, status_pks),
            jumlah,
            keterangan,
            bukti,
            diubah_oleh or "",
            diubah_pada.astimezone(zona),
        )


def daftar_laporan(laporan: Laporan, daftar: QuerySet[Pemanfaatan] | None = None) -> QuerySet[Pemanfaatan]:
    """Baris Daftar periode Laporan (terkunci sejak Langkah 4), berurutan menurut bulan lalu OPD."""
    if daftar is None:
        daftar = Pemanfaatan.objects.all()
    return daftar.filter(tahun=laporan.tahun, bulan__gte=laporan.bulan_awal, bulan__lte=laporan.bulan_akhir).order_by(
        "bulan", "opd__nama", "jenis", "keperluan", "pk"
    )


# --- Rekap OPD × jenis --------------------------------------------------------------------------

KOLOM_REKAP = (
    Kolom("Kode OPD", lebar=24),
    Kolom("Nama OPD", lebar=40),
    *(
        kolom
        for jenis in JenisPemanfaatan
        for kolom in (
            Kolom(f"{jenis.label}: kegiatan", JenisKolom.ANGKA, 16),
            Kolom(f"{jenis.label}: jumlah", JenisKolom.ANGKA, 16),
        )
    ),
)


def _pivot_opd(kelompok: Iterable[dict]) -> Iterator[tuple]:
    """Baris (kode, nama, jenis, kegiatan, jumlah) yang berurutan per OPD menjadi satu baris per OPD."""
    urutan_jenis = list(JenisPemanfaatan.values)
    for (kode, nama), isi in groupby(kelompok, key=lambda b: (b["opd__kode"], b["opd__nama"])):
        angka = [0] * (2 * len(urutan_jenis))
        for b in isi:
            posisi = 2 * urutan_jenis.index(b["jenis"])
            angka[posisi] += b["kegiatan"]
            angka[posisi + 1] += b["jumlah"]
        yield (kode, nama, *angka)


def baris_rekap(daftar: QuerySet[Pemanfaatan]) -> Iterator[tuple]:
    """Rekap langsung dari Daftar (mis. hasil filter): per OPD, banyak baris dan total jumlah tiap jenis."""
    yield KOLOM_REKAP
    # Queryset Daftar dapat membawa agregat (jumlah data dukung) yang menggandakan baris bila dikelompokkan
    # ulang; karena itu pengelompokan dilakukan atas pk-nya saja.
    dasar = Pemanfaatan.objects.filter(pk__in=daftar.order_by().values("pk"))
    kelompok = (
        dasar.values("opd__kode", "opd__nama", "jenis")
        .annotate(kegiatan=Count("pk"), jumlah=Sum("jumlah"))
        .order_by("opd__nama", "opd__kode", "jenis")
    )
    yield from _pivot_opd(kelompok)


def baris_rekap_beku(laporan: Laporan) -> Iterator[tuple]:
    """Rekap dari hitungan yang dibekukan pada Langkah 4 (RekapPemanfaatan), bukan dari Daftar hari ini."""
    yield KOLOM_REKAP
    kelompok = laporan.rekap.values(
        "opd__kode", "opd__nama", "jenis", kegiatan=F("jumlah_kegiatan"), jumlah=F("total_jumlah")
    ).order_by("opd__nama", "opd__kode", "jenis")
    yield from _pivot_opd(kelompok)


# --- IKU ----------------------------------------------------------------------------------------

KOLOM_IKU = (
    Kolom("Kode", lebar=12),
    Kolom("Indikator kinerja", lebar=50),
    Kolom("Satuan", lebar=12),
    Kolom("Target", JenisKolom.DESIMAL, 14),
    Kolom("Realisasi", JenisKolom.DESIMAL, 14),
    Kolom("Capaian (%)", JenisKolom.DESIMAL, 13),
    Kolom("Catatan koreksi", lebar=50),
)


def iku_tersedia(laporan: Laporan) -> bool:
    return laporan.status in STATUS_DENGAN_IKU


def baris_iku(laporan: Laporan) -> Iterator[tuple]:
    """IKU pada LAKIP Bidang (Langkah 6): target, realisasi dan capaian (%) sebagai angka."""
    yield KOLOM_IKU
    for realisasi in laporan.realisasi_iku.select_related("iku"):
        catatan = ""
        if realisasi.dikoreksi:
            catatan = f"Dikoreksi dari {angka_indonesia(realisasi.realisasi_hitung, 2)}: {realisasi.alasan_koreksi}"
        yield (
            realisasi.iku.kode,
            realisasi.iku.nama,
            realisasi.iku.satuan,
            realisasi.target,
            realisasi.realisasi,
            realisasi.capaian,
            catatan,
        )


# --- Keterangan dokumen -------------------------------------------------------------------------

KOLOM_INFO = (Kolom("Keterangan", lebar=32), Kolom("Isi", lebar=90))


def hitungan_beku_tersedia(laporan: Laporan) -> bool:
    """Daftar dan Rekap sebuah Laporan ada sejak hitungan dibekukan (Langkah 4), kecuali Laporan dibatalkan."""
    return laporan.dihitung_pada is not None and laporan.status != StatusLaporan.DIBATALKAN


def baris_info(
    *,
    instansi: Instansi,
    user: Pengguna,
    pada: datetime.datetime,
    dokumen: str,
    periode: str,
    laporan: Laporan | None = None,
    saringan: Iterable[str] = (),
) -> Iterator[tuple]:
    """Asal dokumen: instansi, periode, Laporan dan statusnya, serta kapan dan oleh siapa dibuat."""
    yield KOLOM_INFO
    yield ("Pemerintah", instansi.pemerintah)
    yield ("Dinas", instansi.nama_dinas)
    yield ("Bidang", instansi.nama_bidang)
    yield ("Dokumen", dokumen)
    yield ("Periode", periode)
    for uraian in saringan:
        yield ("Filter", uraian)
    if laporan is not None:
        yield ("Laporan", str(laporan))
        yield ("Status Laporan", laporan.get_status_display())
        if laporan.dihitung_pada:
            yield ("Hitungan dibekukan (Langkah 4)", waktu_indonesia(laporan.dihitung_pada))
            yield ("Dihitung oleh", str(laporan.dihitung_oleh) if laporan.dihitung_oleh else "—")
            yield ("OPD aktif", laporan.jumlah_opd_aktif)
            yield ("OPD yang memanfaatkan data", laporan.jumlah_opd_memanfaatkan)
            yield ("OPD dengan PKS aktif", laporan.jumlah_opd_pks_aktif)
    yield ("Dibuat pada", waktu_indonesia(pada))
    yield ("Dibuat oleh", str(user))
    yield ("NIP", user.nip_tampil or "—")


# --- Filter Daftar ------------------------------------------------------------------------------

# Tahun dan bulan sudah tertulis sebagai periode, tidak diulang sebagai filter.
_PERIODE = ("tahun", "bulan", "bulan_dari", "bulan_sampai")


def _nilai_bulan(nilai) -> int | None:
    try:
        bulan = int(nilai)
    except (TypeError, ValueError):
        return None
    return bulan if 1 <= bulan <= 12 else None


def _tampil_filter(field, nilai) -> str:
    """Isian filter sebagaimana tertulis di halaman: label pilihan, nama objek, atau angka tanpa desimal."""
    pilihan = getattr(field, "choices", None) or getattr(field.widget, "choices", None)
    if pilihan is not None and not hasattr(nilai, "pk"):
        label = {str(kunci).lower(): teks for kunci, teks in pilihan}
        daftar = nilai if isinstance(nilai, list | tuple) else [nilai]
        return ", ".join(str(label.get(str(n).lower(), n)) for n in daftar)
    if isinstance(nilai, Decimal) and nilai == nilai.to_integral_value():
        return str(int(nilai))
    return str(nilai)


def _data_filter(filterset) -> dict:
    """Isian filter yang sah; isian yang keliru diabaikan filter, jadi juga tidak disebut di dokumen."""
    filterset.form.is_valid()
    return getattr(filterset.form, "cleaned_data", {})


def keterangan_filter(filterset) -> list[str]:
    """Filter Daftar yang sedang dipakai selain periode, untuk dicetak bersama Daftar: `OPD: Dinas Kesehatan`."""
    data = _data_filter(filterset)
    hasil = []
    for nama, saringan in filterset.filters.items():
        nilai = data.get(nama)
        if nama in _PERIODE or nilai in (None, "", [], ()):
            continue
        hasil.append(f"{saringan.label or nama}: {_tampil_filter(filterset.form.fields[nama], nilai)}")
    return hasil


def tahun_filter(filterset) -> int | None:
    tahun = _data_filter(filterset).get("tahun")
    return None if tahun is None else int(tahun)


def periode_filter(filterset) -> str:
    """Periode Daftar menurut filter tahun/bulan: `Januari–Maret 2026`, `Tahun 2026`, atau `Semua periode`."""
    data = _data_filter(filterset)
    tahun = tahun_filter(filterset)
    bulan = _nilai_bulan(data.get("bulan"))
    dari, sampai = _nilai_bulan(data.get("bulan_dari")), _nilai_bulan(data.get("bulan_sampai"))
    if bulan is not None:
        bagian = NAMA_BULAN[bulan - 1]
    elif dari is not None or sampai is not None:
        bagian = f"{NAMA_BULAN[(dari or 1) - 1]}–{NAMA_BULAN[(sampai or 12) - 1]}"
    else:
        bagian = ""
    if tahun is None:
        return f"{bagian}, semua tahun" if bagian else "Semua periode"
    return f"{bagian} {tahun}" if bagian else f"Tahun {tahun}"
