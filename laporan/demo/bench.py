"""Data tolok ukur (benchmark): Daftar bervolume besar untuk `manage.py bench_data` dan `make bench`.

Dua preset: `sumbar` (52 OPD sungguhan × 3 jenis × 12 bulan × 10 tahun ≈ 20.000 baris) dan `stress`
(2.000.000 baris atas 2.000 OPD). Baris Daftar ditulis langsung ke tabelnya — `COPY` pada PostgreSQL,
`executemany` per potongan pada SQLite — karena `bulk_create` dengan riwayat memakan puluhan menit untuk
2 juta baris. Akibatnya baris tolok ukur tidak punya catatan riwayat (simple-history); halaman yang diukur
tidak membacanya. Satu Laporan tahunan untuk tahun lalu dijalankan lewat layanan sungguhan sampai
Langkah 6 (dengan satu pengembalian), agar halaman Laporan dan Tugas Saya berisi linimasa dan riwayat.
"""

import datetime
import random
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone

from akun.models import Pengguna, Peran
from laporan.demo import opd_load_from_fixture, pelaku_demo, pengguna_demo_get_or_create
from laporan.demo.iku import iku_demo_get_or_create
from laporan.demo.siklus import SAMPAI_LANGKAH_5, jalankan
from laporan.models import Laporan
from laporan.services import laporan_buat
from laporan.sop import Aksi, Periode, StatusLaporan
from pemanfaatan.models import (
    DataDukung,
    JenisBerkas,
    JenisOpd,
    JenisPemanfaatan,
    MetodeAkses,
    Opd,
    Pemanfaatan,
    PerjanjianKerjaSama,
    TujuanPemanfaatan,
)

KATA_SANDI_BAWAAN = "tolok-ukur-rumah-gadang-2026"
BENIH = 20191202  # tanggal SOP: data yang sama pada setiap mesin dan basis data
UKURAN_POTONGAN = 10_000
KODE_OPD_UJI = "9.99.0.00.0.00.{:04d}.0000"

KEPERLUAN = {
    JenisPemanfaatan.DATA_KEPENDUDUKAN: ["Perencanaan program", "Penyaluran bantuan sosial", "Data statistik sektoral"],
    JenisPemanfaatan.NIK: ["Verifikasi peserta JKN", "Pendaftaran layanan perizinan", "Validasi penerima beasiswa"],
    JenisPemanfaatan.KTP_EL: ["Verifikasi pasien rawat jalan", "Layanan samsat", "Pelayanan tatap muka"],
}
METODE = {
    JenisPemanfaatan.DATA_KEPENDUDUKAN: MetodeAkses.WEB_PORTAL,
    JenisPemanfaatan.NIK: MetodeAkses.WEB_SERVICE,
    JenisPemanfaatan.KTP_EL: MetodeAkses.CARD_READER,
}


@dataclass(frozen=True)
class Preset:
    nama: str
    jumlah_opd: int | None  # None: 52 OPD dari fixture Sumatera Barat
    jumlah_tahun: int
    keperluan_per_jenis: int
    jumlah_baris: int | None  # batas atas; None: semua kombinasi
    rasio_data_dukung: float
    uraian: str


PRESET = {
    "sumbar": Preset("sumbar", None, 10, 1, None, 0.5, "52 OPD × 3 jenis × 12 bulan × 10 tahun"),
    "stress": Preset("stress", 2000, 10, 3, 2_000_000, 0.05, "2.000.000 baris atas 2.000 OPD"),
}


@dataclass
class HasilBench:
    preset: str
    mesin: str
    jumlah_opd: int = 0
    jumlah_pks: int = 0
    jumlah_baris: int = 0
    jumlah_data_dukung: int = 0
    laporan_pk: int | None = None
    tahun_laporan: int | None = None
    detik: dict[str, float] = field(default_factory=dict)

    @property
    def total_detik(self) -> float:
        return sum(self.detik.values())


class BenchError(Exception):
    """Data tolok ukur tidak dapat dibangkitkan; pesannya untuk orang yang menjalankan perintah."""


def _catat_waktu(hasil: HasilBench, nama: str, fungsi: Callable):
    mulai = time.perf_counter()
    nilai = fungsi()
    hasil.detik[nama] = time.perf_counter() - mulai
    return nilai


def sapu_postgresql() -> float | None:
    """VACUUM ANALYZE seperti autovacuum di produksi: peta visibilitas terisi (index-only scan mungkin) dan
    statistik perencana mutakhir, juga setelah pengukuran yang menambah lalu membatalkan ribuan baris. Hanya di
    PostgreSQL dan di luar transaksi (VACUUM tidak boleh di dalamnya); lama menyapu dalam detik, atau None."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return None
    mulai = time.perf_counter()
    with connection.cursor() as kursor:
        kursor.execute("VACUUM ANALYZE")
    return time.perf_counter() - mulai


def tahun_data(hari_ini: datetime.date, jumlah_tahun: int) -> list[int]:
    """Tahun-tahun penuh yang sudah lewat, terbaru dulu: tahun lalu dapat dilaporkan (periodenya sudah usai)."""
    return [hari_ini.year - 1 - i for i in range(jumlah_tahun)]


# --- Penulisan massal ----------------------------------------------------------------------------


def tulis_massal(model, kolom: list[str], baris: Iterable[tuple]) -> int:
    """Tulis baris mentah ke tabel model: COPY pada PostgreSQL, executemany per potongan di tempat lain."""
    tabel = connection.ops.quote_name(model._meta.db_table)
    nama_kolom = ", ".join(connection.ops.quote_name(model._meta.get_field(k).column) for k in kolom)
    banyak = 0
    with connection.cursor() as kursor:
        if connection.vendor == "postgresql":
            with kursor.cursor.copy(f"COPY {tabel} ({nama_kolom}) FROM STDIN") as salin:  # noqa: S608
                for item in baris:
                    salin.write_row(item)
                    banyak += 1
            kursor.execute(f"ANALYZE {tabel}")
            return banyak
        tanda = ", ".join(["%s"] * len(kolom))
        perintah = f"INSERT INTO {tabel} ({nama_kolom}) VALUES ({tanda})"  # noqa: S608
        potongan = []
        for item in baris:
            potongan.append(item)
            if len(potongan) >= UKURAN_POTONGAN:
                kursor.executemany(perintah, potongan)
                banyak += len(potongan)
                potongan = []
        if potongan:
            kursor.executemany(perintah, potongan)
            banyak += len(potongan)
    return banyak


# --- OPD dan PKS -------------------------------------------------------------------------------


def opd_bench_create(preset: Preset, batas: int | None = None) -> list[Opd]:
    """52 OPD Sumatera Barat, ditambah OPD rekaan sampai jumlah preset (kode 9.99…, nama `OPD Uji Beban`)."""
    opd_load_from_fixture()
    jumlah = preset.jumlah_opd or Opd.objects.count()
    if batas is not None:
        jumlah = min(jumlah, batas)
    kurang = jumlah - Opd.objects.count()
    if kurang > 0:
        jenis = list(JenisOpd)
        Opd.objects.bulk_create(
            [
                Opd(kode=KODE_OPD_UJI.format(i), nama=f"OPD Uji Beban {i:04d}", jenis=jenis[i % len(jenis)])
                for i in range(1, kurang + 1)
            ],
            batch_size=1000,
        )
    return list(Opd.objects.order_by("kode")[:jumlah])


def pks_bench_create(daftar_opd: list[Opd], tahun: list[int], acak: random.Random) -> dict[int, PerjanjianKerjaSama]:
    """Satu PKS per OPD untuk sembilan dari sepuluh OPD; sebagian sudah berakhir atau tidak mencakup KTP-el."""
    awal, akhir = min(tahun), max(tahun)
    rencana = []
    for nomor, opd in enumerate(daftar_opd, start=1):
        if nomor % 10 == 0:
            continue  # OPD tanpa PKS: barisnya menjadi temuan "Tanpa PKS"
        berakhir = nomor % 7 == 0
        rencana.append(
            PerjanjianKerjaSama(
                nomor=f"470/{nomor:04d}/Bench-PIAK/{awal}",
                opd=opd,
                tanggal=datetime.date(awal, 1, 2),
                berlaku_mulai=datetime.date(awal, 1, 2),
                berlaku_sampai=datetime.date(akhir - 2 if berakhir else akhir + 3, 12, 31),
                lingkup_data_kependudukan=True,
                lingkup_nik=True,
                lingkup_ktp_el=acak.random() < 0.8,
                tujuan=[TujuanPemanfaatan.PELAYANAN_PUBLIK.value],
                metode_akses=[m.value for m in METODE.values()],
            )
        )
    PerjanjianKerjaSama.objects.bulk_create(rencana, batch_size=1000)
    return {pks.opd_id: pks for pks in PerjanjianKerjaSama.objects.filter(nomor__contains="/Bench-PIAK/")}


# --- Daftar -------------------------------------------------------------------------------------

KOLOM_PEMANFAATAN = [
    "opd", "jenis", "tahun", "bulan", "keperluan", "metode_akses", "pks", "jumlah", "keterangan",
    "created_by", "updated_by", "created_at", "updated_at",
]  # fmt: skip


def baris_pemanfaatan(
    *,
    daftar_opd: list[Opd],
    pks: dict[int, PerjanjianKerjaSama],
    tahun: list[int],
    preset: Preset,
    staf: Pengguna,
    batas: int | None,
    acak: random.Random,
) -> Iterator[tuple]:
    """Baris Daftar, tahun terbaru dulu (batas baris memotong tahun terlama)."""
    waktu = timezone.now()
    banyak = 0
    for t in tahun:
        for b in range(1, 13):
            for opd in daftar_opd:
                dasar = pks.get(opd.pk)
                for jenis in JenisPemanfaatan:
                    for keperluan in KEPERLUAN[jenis][: preset.keperluan_per_jenis]:
                        if batas is not None and banyak >= batas:
                            return
                        banyak += 1
                        yield (
                            opd.pk, jenis.value, t, b, keperluan, METODE[jenis].value,
                            dasar.pk if dasar else None, acak.randint(50, 5000), "",
                            staf.pk, staf.pk, waktu, waktu,
                        )  # fmt: skip


def data_dukung_bench_create(rasio: float, staf: Pengguna) -> int:
    """Baris data dukung (hanya catatan basis data, tanpa berkas) untuk setiap baris ke-(1/rasio) Daftar.

    Satu INSERT … SELECT di basis data: baris Daftar tidak perlu dibaca ke Python, dan pada PostgreSQL
    koneksi yang sedang menjalankan COPY tidak dapat sekaligus membaca kursor lain.
    """
    if rasio <= 0:
        return 0
    q = connection.ops.quote_name
    dukung, daftar = q(DataDukung._meta.db_table), q(Pemanfaatan._meta.db_table)
    with connection.cursor() as kursor:
        kursor.execute(
            f"INSERT INTO {dukung} (berkas, nama_asli, jenis_berkas, ukuran, keterangan, pemanfaatan_id, "  # noqa: S608
            f"diunggah_oleh_id, diunggah_pada) SELECT %s, %s, %s, %s, %s, id, %s, %s FROM {daftar} "
            "WHERE id %% %s = 0",
            ["data_dukung/bench/surat-opd.pdf", "surat-opd.pdf", JenisBerkas.PDF.value, 120_000, "", staf.pk,
             timezone.now(), max(1, round(1 / rasio))],
        )  # fmt: skip
        return kursor.rowcount


# --- Satu siklus Laporan -----------------------------------------------------------------------


def laporan_bench_create(*, tahun: int) -> Laporan:
    """Laporan Tahunan `tahun` lewat layanan sungguhan: dikembalikan sekali pada Langkah 5, lalu sampai Langkah 6."""
    urutan = (*SAMPAI_LANGKAH_5, Aksi.KEMBALIKAN_KE_STAF, *SAMPAI_LANGKAH_5[2:], Aksi.SAMPAIKAN_LAPORAN)
    pelaku = pelaku_demo()
    # Notifikasi siklus tolok ukur tidak dikirim ke mana pun.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        laporan = jalankan(laporan_buat(user=pelaku[Peran.KABID], tahun=tahun, periode=Periode.TAHUNAN), urutan, pelaku)
    if laporan.status != StatusLaporan.LAKIP_BIDANG:
        raise BenchError(f"Laporan tolok ukur berhenti pada status {laporan.status}.")
    return laporan


# --- Semua -------------------------------------------------------------------------------------


def bench_generate(
    *,
    preset: str,
    hari_ini: datetime.date,
    kata_sandi: str = KATA_SANDI_BAWAAN,
    batas_baris: int | None = None,
    batas_opd: int | None = None,
) -> HasilBench:
    """Bangkitkan seluruh data tolok ukur ke basis data kosong: pengguna, OPD, PKS, Daftar, data dukung, Laporan."""
    try:
        rencana = PRESET[preset]
    except KeyError:
        raise BenchError(f"Preset tidak dikenal: {preset}. Pilih salah satu: {', '.join(PRESET)}.") from None
    if Pemanfaatan.objects.exists() or Laporan.objects.exists():
        raise BenchError(
            "Basis data ini sudah berisi Daftar atau Laporan. Data tolok ukur hanya dibangkitkan ke basis data "
            "kosong yang khusus untuk tolok ukur (mis. bench_sumbar); tidak ada yang diubah."
        )
    hasil = HasilBench(preset=preset, mesin=connection.vendor)
    acak = random.Random(BENIH)  # noqa: S311 — data tolok ukur, bukan keamanan
    tahun = tahun_data(hari_ini, rencana.jumlah_tahun)
    batas = rencana.jumlah_baris if batas_baris is None else min(batas_baris, rencana.jumlah_baris or batas_baris)
    with transaction.atomic():
        _catat_waktu(hasil, "pengguna", lambda: pengguna_demo_get_or_create(kata_sandi=kata_sandi))
        staf = Pengguna.objects.get(username="staf")
        daftar_opd = _catat_waktu(hasil, "opd", lambda: opd_bench_create(rencana, batas_opd))
        pks = _catat_waktu(hasil, "pks", lambda: pks_bench_create(daftar_opd, tahun, acak))
        hasil.jumlah_baris = _catat_waktu(
            hasil,
            "daftar",
            lambda: tulis_massal(
                Pemanfaatan,
                KOLOM_PEMANFAATAN,
                baris_pemanfaatan(
                    daftar_opd=daftar_opd, pks=pks, tahun=tahun, preset=rencana, staf=staf, batas=batas, acak=acak
                ),
            ),
        )
        hasil.jumlah_data_dukung = _catat_waktu(
            hasil, "data_dukung", lambda: data_dukung_bench_create(rencana.rasio_data_dukung, staf)
        )
        iku_demo_get_or_create(tahun=sorted(tahun))
        laporan = _catat_waktu(hasil, "laporan", lambda: laporan_bench_create(tahun=tahun[0]))
    hasil.jumlah_opd = len(daftar_opd)
    hasil.jumlah_pks = len(pks)
    hasil.laporan_pk = laporan.pk
    hasil.tahun_laporan = laporan.tahun
    return hasil
