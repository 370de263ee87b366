"""Tabel-tabel dasbor sebagai satu buku kerja Excel: angka yang sama dengan halaman, daftar lengkap tanpa potongan.

Setiap lembar ditulis lewat `BukuKerja.tabel`, sehingga aturan keamanannya sama dengan unduhan Daftar: teks
pengguna (nama OPD, alasan pengembalian) tidak pernah menjadi rumus.
"""

from collections.abc import Iterator

from django.utils import timezone

from akun.angka import bulatkan
from akun.models import Pengguna
from laporan.dasbor.kepatuhan import LANGKAH_PENGEMBALIAN
from laporan.dasbor.selectors import Dasbor
from laporan.exports.sumber import JenisKolom, Kolom, baris_info
from laporan.exports.xlsx import BukuKerja
from laporan.models import Instansi
from laporan.waktu_kerja import menit
from pemanfaatan.models import JenisPemanfaatan

ANGKA, DESIMAL, WAKTU = JenisKolom.ANGKA, JenisKolom.DESIMAL, JenisKolom.WAKTU
JUDUL = "Dasbor Kinerja Pemanfaatan Data Kependudukan"


def _ringkasan(dasbor: Dasbor) -> Iterator[tuple]:
    i, k = dasbor.indikator, dasbor.kepatuhan
    yield (Kolom("Indikator", lebar=56), Kolom("Nilai", ANGKA, 16), Kolom("Persen", DESIMAL, 12))
    yield ("OPD aktif", i.jumlah_opd_aktif, None)
    yield ("OPD aktif yang memanfaatkan data (cakupan)", i.opd_memanfaatkan, i.persen_cakupan)
    yield ("Baris Daftar", i.jumlah_baris, None)
    yield ("Total jumlah pemanfaatan", i.total_jumlah, None)
    for nilai in i.per_jenis:
        yield (nilai.label, nilai.total, None)
    yield ("Temuan: baris tanpa PKS yang sah", i.temuan_baris, None)
    yield ("Temuan: jumlah pemanfaatan tanpa PKS yang sah", i.temuan_total, None)
    yield ("OPD ber-PKS tanpa pemanfaatan", i.opd_pks_tanpa_pemanfaatan.jumlah, None)
    yield ("PKS segera berakhir (≤ 90 hari)", dasbor.pks.segera_berakhir.jumlah, None)
    yield ("OPD dengan PKS berakhir, belum diperpanjang", dasbor.pks.perlu_perpanjangan.jumlah, None)
    yield ("OPD aktif tanpa PKS", dasbor.pks.tanpa_pks.jumlah, None)
    yield ("Laporan sedang berjalan", len(k.berjalan), None)
    yield ("Pengembalian sepanjang tahun", k.pengembalian.jumlah, None)


def _per_jenis(dasbor: Dasbor) -> Iterator[tuple]:
    yield (Kolom("Jenis pemanfaatan", lebar=32), Kolom("Banyak baris", ANGKA), Kolom("Total jumlah", ANGKA, 16))
    for nilai in dasbor.indikator.per_jenis:
        yield (nilai.label, nilai.jumlah_baris, nilai.total)


def _tren(dasbor: Dasbor) -> Iterator[tuple]:
    yield (
        Kolom("Bulan", lebar=12),
        *(Kolom(jenis.label, ANGKA, 18) for jenis in JenisPemanfaatan),
        Kolom("Total", ANGKA, 16),
    )
    for bulan in dasbor.indikator.tren:
        yield (bulan.label, *(n.total for n in bulan.nilai), bulan.total)


def _opd_teratas(dasbor: Dasbor) -> Iterator[tuple]:
    yield (Kolom("Peringkat", ANGKA, 10), Kolom("OPD", lebar=48), Kolom("Banyak baris", ANGKA), Kolom("Total", ANGKA))
    for peringkat, opd in enumerate(dasbor.indikator.opd_teratas, 1):
        yield (peringkat, opd.nama, opd.jumlah_baris, opd.total)


def _temuan(dasbor: Dasbor) -> Iterator[tuple]:
    yield (Kolom("Status PKS", lebar=36), Kolom("Banyak baris", ANGKA), Kolom("Total jumlah", ANGKA, 16))
    for temuan in dasbor.indikator.temuan:
        yield (temuan.label, temuan.jumlah_baris, temuan.total)


def _pembanding(dasbor: Dasbor) -> Iterator[tuple]:
    p = dasbor.indikator.pembanding
    yield (
        Kolom("Uraian", lebar=36),
        Kolom(f"{dasbor.tahun}", ANGKA, 16),
        Kolom(f"{p.tahun_lalu}", ANGKA, 16),
        Kolom("Perubahan (%)", DESIMAL, 14),
    )
    for banding in p.per_jenis:
        yield (banding.label, banding.tahun_ini, banding.tahun_lalu, banding.perubahan_persen)
    yield ("OPD aktif yang memanfaatkan", p.opd_ini, p.opd_lalu, None)


def _iku(dasbor: Dasbor) -> Iterator[tuple]:
    yield (
        Kolom("Kode", lebar=10),
        Kolom("Indikator", lebar=48),
        Kolom("Satuan", lebar=12),
        Kolom("Target", DESIMAL),
        Kolom("Realisasi berjalan", DESIMAL, 18),
        Kolom("Capaian (%)", DESIMAL),
    )
    for baris in dasbor.indikator.iku:
        yield (baris.iku.kode, baris.iku.nama, baris.iku.satuan, baris.target, baris.realisasi, baris.capaian)


def _opd_pks_diam(dasbor: Dasbor) -> Iterator[tuple]:
    yield (Kolom("Kode OPD", lebar=24), Kolom("OPD", lebar=48))
    for opd in dasbor.indikator.opd_pks_tanpa_pemanfaatan.semua.iterator():
        yield (opd.kode, opd.nama)


def _pks_segera_berakhir(dasbor: Dasbor) -> Iterator[tuple]:
    hari_ini = timezone.localdate()
    yield (
        Kolom("Nomor PKS", lebar=30),
        Kolom("OPD", lebar=48),
        Kolom("Berlaku sampai", lebar=18),
        Kolom("Sisa hari", ANGKA, 10),
    )
    for pks in dasbor.pks.segera_berakhir.semua.iterator():
        yield (pks.nomor, pks.opd.nama, pks.berlaku_sampai, (pks.berlaku_sampai - hari_ini).days)


def _opd_perlu_perpanjangan(dasbor: Dasbor) -> Iterator[tuple]:
    yield (Kolom("Kode OPD", lebar=24), Kolom("OPD", lebar=48), Kolom("PKS terakhir berakhir", lebar=20))
    for opd in dasbor.pks.perlu_perpanjangan.semua.iterator():
        yield (opd.kode, opd.nama, opd.berakhir_pada)


def _opd_tanpa_pks(dasbor: Dasbor) -> Iterator[tuple]:
    yield (Kolom("Kode OPD", lebar=24), Kolom("OPD", lebar=48), Kolom("Jenis", lebar=14))
    for opd in dasbor.pks.tanpa_pks.semua.iterator():
        yield (opd.kode, opd.nama, opd.get_jenis_display())


def _kepatuhan(dasbor: Dasbor) -> Iterator[tuple]:
    yield (
        Kolom("Langkah", ANGKA, 8),
        Kolom("Kegiatan", lebar=48),
        Kolom("Pelaksana", lebar=14),
        Kolom("Waktu baku (menit)", DESIMAL, 12),
        Kolom("Dikerjakan (kali)", ANGKA, 12),
        Kolom("Dalam waktu baku (kali)", ANGKA, 12),
        Kolom("Dalam waktu baku (%)", DESIMAL, 12),
        Kolom("Median (menit kerja)", DESIMAL, 12),
        Kolom("Dikembalikan (kali)", ANGKA, 12),
        Kolom("Penilaian", lebar=26),
    )
    for baris in dasbor.kepatuhan.per_langkah:
        persen = baris.persen_sesuai
        yield (
            baris.langkah.nomor,
            baris.langkah.kegiatan,
            baris.langkah.pelaksana.label,
            menit(baris.waktu_baku),
            baris.jumlah,
            baris.jumlah_sesuai,
            None if persen is None else bulatkan(persen),
            menit(baris.median),
            baris.jumlah_pengembalian,
            baris.penilaian.label,
        )


def _berjalan(dasbor: Dasbor) -> Iterator[tuple]:
    yield (
        Kolom("Laporan", lebar=30),
        Kolom("Langkah", ANGKA, 8),
        Kolom("Pelaksana", lebar=14),
        Kolom("Dikerjakan oleh", lebar=24),
        Kolom("Diterima pada", WAKTU, 22),
        Kolom("Menunggu (menit kerja)", DESIMAL, 14),
        Kolom("Waktu baku (menit)", DESIMAL, 12),
    )
    for baris in dasbor.kepatuhan.berjalan:
        yield (
            str(baris.laporan),
            baris.langkah.nomor,
            baris.langkah.pelaksana.label,
            str(baris.catatan.diambil_oleh) if baris.catatan.diambil_oleh else "—",
            baris.catatan.diterima_pada,
            menit(baris.menunggu),
            menit(baris.catatan.waktu_baku),
        )


def _pengembalian(dasbor: Dasbor) -> Iterator[tuple]:
    yield (
        Kolom("Waktu", WAKTU, 22),
        Kolom("Laporan", lebar=30),
        Kolom("Langkah", ANGKA, 8),
        Kolom("Dikembalikan oleh", lebar=24),
        Kolom("Alasan", lebar=60),
    )
    for riwayat in dasbor.kepatuhan.pengembalian.semua.iterator():
        yield (
            riwayat.waktu,
            str(riwayat.laporan),
            LANGKAH_PENGEMBALIAN[riwayat.aksi],
            str(riwayat.oleh),
            riwayat.catatan,
        )


def _siklus(dasbor: Dasbor) -> Iterator[tuple]:
    yield (
        Kolom("Laporan", lebar=30),
        Kolom("Status", lebar=26),
        Kolom("Total kerja (menit)", DESIMAL, 14),
        Kolom("Waktu baku (menit)", DESIMAL, 14),
        Kolom("Dikembalikan (kali)", ANGKA, 12),
        Kolom("Dalam waktu baku", lebar=12),
    )
    for siklus in dasbor.kepatuhan.siklus:
        yield (
            str(siklus.laporan),
            siklus.laporan.get_status_display(),
            menit(siklus.total_kerja),
            menit(siklus.total_baku),
            siklus.jumlah_pengembalian,
            "Ya" if siklus.sesuai_baku else "Tidak",
        )


LEMBAR = (
    ("Ringkasan", _ringkasan, "Ringkasan indikator"),
    ("Per jenis", _per_jenis, "Total per jenis pemanfaatan"),
    ("Tren bulanan", _tren, "Jumlah pemanfaatan per bulan dan jenis"),
    ("OPD teratas", _opd_teratas, "OPD dengan jumlah pemanfaatan terbesar"),
    ("Temuan PKS", _temuan, "Pemanfaatan tanpa PKS yang sah (temuan kepatuhan)"),
    ("Pembanding", _pembanding, "Perbandingan dengan tahun lalu pada rentang bulan yang sama"),
    ("IKU", _iku, "Capaian IKU sementara dari Daftar berjalan"),
    ("OPD PKS tanpa pemanfaatan", _opd_pks_diam, "OPD aktif ber-PKS tanpa baris Daftar pada tahun ini"),
    ("PKS segera berakhir", _pks_segera_berakhir, "PKS yang berakhir dalam 90 hari"),
    ("OPD perlu perpanjangan", _opd_perlu_perpanjangan, "OPD aktif yang seluruh PKS-nya sudah berakhir"),
    ("OPD tanpa PKS", _opd_tanpa_pks, "OPD aktif yang belum pernah ber-PKS"),
    ("Kepatuhan SOP", _kepatuhan, "Waktu kerja per langkah dibanding waktu baku (monitoring SOP)"),
    ("Laporan berjalan", _berjalan, "Laporan yang belum selesai dan langkah yang ditunggu"),
    ("Pengembalian", _pengembalian, "Pengembalian beserta alasannya"),
    ("Siklus", _siklus, "Total waktu kerja per siklus dibanding waktu baku"),
)


def dasbor_xlsx(*, dasbor: Dasbor, user: Pengguna) -> bytes:
    """Semua tabel dasbor tahun itu, satu lembar per tabel, ditambah keterangan dokumen."""
    instansi = Instansi.sekarang()
    buku = BukuKerja(instansi=instansi, judul=f"{JUDUL} {dasbor.tahun}", pembuat=str(user))
    periode = f"Tahun {dasbor.tahun}"
    for nama, sumber_baris, keterangan in LEMBAR:
        buku.tabel(nama, sumber_baris(dasbor), judul=[f"{JUDUL} — {keterangan}", periode])
    buku.info(baris_info(instansi=instansi, user=user, pada=timezone.now(), dokumen=JUDUL, periode=periode))
    return buku.sebagai_byte()
