"""Jalur panas yang diukur, masing-masing dengan dasarnya sendiri yang diukur pada run yang sama.

| jalur                         | dasar                                                             |
|-------------------------------|-------------------------------------------------------------------|
| halaman Daftar, Dasbor, …     | tampilan dasar: templat minimal lewat seluruh middleware          |
| hitungan Langkah 4 (rekap)    | SQL mentah GROUP BY yang menghasilkan angka yang sama             |
| ekspor Excel Daftar           | openpyxl tulis-saja menulis sel dan gaya yang sama dari data siap |
| impor Excel (periksa + simpan)| openpyxl baca-saja mengiterasi berkas yang sama                   |
| PDF Laporan Pemanfaatan       | reportlab membangun tabel yang sama dari teks sel yang sudah jadi |

Pengukuran yang menambah data (OPD ekstra, baris ekstra, impor) berjalan di dalam transaksi yang
dibatalkan di akhir, jadi basis data tolok ukur tidak berubah dan run berikutnya mengukur hal yang sama.
"""

import datetime
import io
import json
import random
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from akun.models import Pengguna
from akun.tampilan import urutan_stabil
from bench.measure import hitung_kueri, memori_puncak, ukur_berpasangan
from laporan import rekap
from laporan.demo.bench import KOLOM_PEMANFAATAN, tulis_massal
from laporan.exports import sumber, xlsx
from laporan.exports.pdf import laporan_pemanfaatan_pdf
from laporan.exports.pdf.dasar import FONT_TEBAL, MARGIN_ATAS, MARGIN_BAWAH, MARGIN_SAMPING, UKURAN_TABEL, gaya_tabel
from laporan.exports.teks import angka_indonesia
from laporan.models import Instansi, Laporan, RekapPemanfaatan
from pemanfaatan.impor import kolom as k
from pemanfaatan.impor.services import impor_simpan, impor_unggah
from pemanfaatan.models import (
    DataDukung,
    JenisOpd,
    JenisPemanfaatan,
    MetodeAkses,
    Opd,
    Pemanfaatan,
    PerjanjianKerjaSama,
)
from pemanfaatan.selectors import pemanfaatan_list

# Target rasio per preset (None: tidak ditargetkan pada preset itu).
TARGET = {
    "daftar": {"sumbar": 5, "stress": 20},
    "dasbor": {"sumbar": 10, "stress": 50},
    "laporan": {"sumbar": 5, "stress": 5},
    "tugas": {"sumbar": 5, "stress": 5},
    "beranda": {"sumbar": None, "stress": None},
    "bingkai": {"sumbar": None, "stress": None},
    "rekap": {"sumbar": 1.5, "stress": 1.5},
    "ekspor_excel": {"sumbar": 1.3, "stress": 1.3},
    "impor_excel": {"sumbar": 3, "stress": None},
    "pdf_laporan": {"sumbar": 1.5, "stress": None},
}
BATAS_MEMORI_EKSPOR_MB = 150


@dataclass(frozen=True)
class Ukuran:
    """Besar beban tiap pengukuran; uji asap memakai angka kecil."""

    ekspor: int = 100_000
    impor: int = 10_000
    opd_pdf: int = 500


@dataclass
class Konteks:
    preset: str
    laporan: Laporan
    pengguna: dict[str, Pengguna]
    ukuran: Ukuran = field(default_factory=Ukuran)
    ulang: int = 5
    pemanasan: int = 1
    memori_subproses: bool = True
    klien: dict[str, Client] = field(default_factory=dict)

    @property
    def tahun(self) -> int:
        return self.laporan.tahun

    def klien_untuk(self, username: str) -> Client:
        if username not in self.klien:
            klien = Client()
            klien.force_login(self.pengguna[username])
            self.klien[username] = klien
        return self.klien[username]


@dataclass
class HasilKasus:
    kunci: str
    judul: str
    dasar: str
    target: float | None
    pengukuran: dict | None = None
    catatan: str = ""
    tambahan: dict = field(default_factory=dict)

    @property
    def rasio(self) -> float | None:
        return self.pengukuran["rasio"] if self.pengukuran else None

    @property
    def lulus(self) -> bool | None:
        if self.target is None or self.rasio is None:
            return None
        return self.rasio <= self.target

    def ke_json(self) -> dict:
        return {
            "kunci": self.kunci,
            "judul": self.judul,
            "dasar": self.dasar,
            "target": self.target,
            "rasio": self.rasio,
            "lulus": self.lulus,
            "catatan": self.catatan,
            **(self.pengukuran or {}),
            **self.tambahan,
        }


class BenchGagal(Exception):
    """Jalur yang diukur tidak berhasil (mis. halaman bukan 200): angkanya tidak bermakna."""


@contextmanager
def dibatalkan() -> Iterator[None]:
    """Semua tulisan di dalamnya dibatalkan di akhir."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


# --- Halaman ------------------------------------------------------------------------------------


def minta(klien: Client, alamat: str) -> None:
    respons = klien.get(alamat)
    if respons.status_code != 200:
        raise BenchGagal(f"GET {alamat} menjawab {respons.status_code}, bukan 200.")
    b"".join(respons) if respons.streaming else respons.content  # noqa: B018 — isi dibaca seperti oleh peramban


def halaman(konteks: Konteks) -> list[tuple[str, str, str, str]]:
    """(kunci, judul, pengguna, alamat) halaman yang diukur."""
    dasbor = f"{reverse('laporan:dasbor')}?tahun={konteks.tahun}"
    return [
        ("daftar", "Daftar: halaman pertama dengan total, filter bawaan", "staf", reverse("pemanfaatan:daftar")),
        ("dasbor", f"Dasbor tahun {konteks.tahun}", "kabid", dasbor),
        ("laporan", "Halaman Laporan (linimasa, hitungan, riwayat)", "kasi", konteks.laporan.get_absolute_url()),
        ("tugas", "Tugas Saya", "kabid", reverse("laporan:tugas")),
        ("beranda", "Beranda (keterangan)", "kabid", reverse("beranda")),
        # Lantai setiap halaman aplikasi: base.html, navigasi berizin, lencana, tanpa isi (keterangan).
        ("bingkai", "Bingkai halaman saja (keterangan)", "kabid", reverse("password_change_done")),
    ]


def kasus_halaman(konteks: Konteks) -> list[HasilKasus]:
    hasil = []
    dasar_alamat = reverse("bench_kosong")
    for kunci, judul, username, alamat in halaman(konteks):
        kasus = HasilKasus(kunci, judul, "tampilan dasar", TARGET[kunci][konteks.preset])
        klien = konteks.klien_untuk(username)
        pengukuran = ukur_berpasangan(
            lambda a=alamat, kl=klien: minta(kl, a),
            lambda kl=klien: minta(kl, dasar_alamat),
            ulang=konteks.ulang,
            pemanasan=konteks.pemanasan,
        )
        kasus.pengukuran = pengukuran.ke_json()
        kasus.tambahan["alamat"] = alamat
        hasil.append(kasus)
    return hasil


@contextmanager
def sepuluh_baris(tahun: int) -> Iterator[None]:
    """Daftar tinggal 10 baris (tahun Laporan) di dalam transaksi yang dibatalkan; OPD, PKS, Laporan tetap."""
    with dibatalkan():
        simpan = list(Pemanfaatan.objects.filter(tahun=tahun).order_by("pk").values_list("pk", flat=True)[:10])
        daftar = ", ".join(str(int(pk)) for pk in simpan) or "0"
        tabel_dukung = connection.ops.quote_name(DataDukung._meta.db_table)
        tabel_daftar = connection.ops.quote_name(Pemanfaatan._meta.db_table)
        with connection.cursor() as kursor:
            kursor.execute(f"DELETE FROM {tabel_dukung} WHERE pemanfaatan_id NOT IN ({daftar})")  # noqa: S608
            kursor.execute(f"DELETE FROM {tabel_daftar} WHERE id NOT IN ({daftar})")  # noqa: S608
        yield


def kueri_halaman(konteks: Konteks) -> dict[str, dict]:
    """Jumlah kueri SQL tiap halaman pada data penuh dan pada 10 baris Daftar: harus sama."""
    daftar_halaman = [(kunci, u, a) for kunci, _, u, a in halaman(konteks)]
    daftar_halaman.append(("dasar", "staf", reverse("bench_kosong")))

    # Klien (dan login-nya) dibuat sebelum menghitung: yang dihitung hanya permintaan halamannya.
    klien = {u: konteks.klien_untuk(u) for _, u, _ in daftar_halaman}

    def hitung_semua() -> dict[str, int]:
        return {kunci: hitung_kueri(lambda u=u, a=a: minta(klien[u], a)) for kunci, u, a in daftar_halaman}

    penuh = hitung_semua()
    with sepuluh_baris(konteks.tahun):
        kecil = hitung_semua()
    return {kunci: {"penuh": penuh[kunci], "sepuluh_baris": kecil[kunci]} for kunci in penuh}


# --- Langkah 4 ----------------------------------------------------------------------------------


def rekap_sql_mentah(tahun: int, bulan_awal: int, bulan_akhir: int) -> tuple[list, int, int]:
    """Angka Langkah 4 dengan SQL tulisan tangan: GROUP BY OPD × jenis, OPD aktif, OPD aktif ber-PKS berlaku."""
    q = connection.ops.quote_name
    daftar, opd, pks = (q(m._meta.db_table) for m in (Pemanfaatan, Opd, PerjanjianKerjaSama))
    acuan = rekap.tanggal_acuan_pks(tahun, bulan_akhir)
    with connection.cursor() as kursor:
        kursor.execute(
            f"SELECT p.opd_id, o.nama, o.aktif, p.jenis, COUNT(*), SUM(p.jumlah) FROM {daftar} p "  # noqa: S608
            f"JOIN {opd} o ON o.id = p.opd_id WHERE p.tahun = %s AND p.bulan >= %s AND p.bulan <= %s "
            "GROUP BY p.opd_id, o.nama, o.aktif, p.jenis ORDER BY o.nama, p.jenis",
            [tahun, bulan_awal, bulan_akhir],
        )
        baris = kursor.fetchall()
        kursor.execute(f"SELECT COUNT(*) FROM {opd} WHERE aktif")  # noqa: S608
        aktif = kursor.fetchone()[0]
        kursor.execute(
            f"SELECT COUNT(DISTINCT k.opd_id) FROM {pks} k JOIN {opd} o ON o.id = k.opd_id "  # noqa: S608
            "WHERE k.berlaku_mulai <= %s AND k.berlaku_sampai >= %s AND o.aktif",
            [acuan, acuan],
        )
        ber_pks = kursor.fetchone()[0]
    return baris, aktif, ber_pks


def kasus_rekap(konteks: Konteks) -> HasilKasus:
    kasus = HasilKasus("rekap", "Hitungan Langkah 4 (rekap)", "SQL mentah GROUP BY", TARGET["rekap"][konteks.preset])
    periode = {"tahun": konteks.tahun, "bulan_awal": 1, "bulan_akhir": 12}
    orm = rekap.hitung(**periode)
    mentah, aktif, ber_pks = rekap_sql_mentah(*periode.values())
    sama = [(b["opd"], b["jenis"], b["jumlah_kegiatan"], b["total_jumlah"]) for b in orm.baris] == [
        (b[0], b[3], b[4], b[5]) for b in mentah
    ] and (orm.jumlah_opd_aktif, orm.jumlah_opd_memanfaatkan, orm.jumlah_opd_pks_aktif) == (
        aktif,
        len({b[0] for b in mentah if b[2]}),  # OPD aktif yang berbaris
        ber_pks,
    )
    if not sama:
        raise BenchGagal("Hitungan Langkah 4 berbeda dari SQL mentah: dasar tidak sebanding.")
    pengukuran = ukur_berpasangan(
        lambda: rekap.hitung(**periode),
        lambda: rekap_sql_mentah(*periode.values()),
        ulang=konteks.ulang,
        pemanasan=konteks.pemanasan,
    )
    kasus.pengukuran = pengukuran.ke_json()
    kasus.tambahan["baris_rekap"] = len(mentah)
    kasus.tambahan["baris_daftar_dihitung"] = orm.jumlah_kegiatan
    return kasus


# --- Ekspor Excel -------------------------------------------------------------------------------


def tambah_baris(jumlah: int, staf: Pengguna, tahun: int) -> int:
    """Baris Daftar tambahan (di dalam transaksi yang akan dibatalkan) agar ekspor berisi `jumlah` baris."""
    daftar_opd = list(Opd.objects.order_by("pk").values_list("pk", flat=True))
    waktu = timezone.now()
    acak = random.Random(7)  # noqa: S311

    def baris():
        for i in range(jumlah):
            opd = daftar_opd[i % len(daftar_opd)]
            jenis = list(JenisPemanfaatan)[i % 3]
            yield (opd, jenis.value, tahun - (i // 100_000), (i // len(daftar_opd)) % 12 + 1,
                   f"Tambahan tolok ukur {i:06d}", MetodeAkses.WEB_SERVICE.value, None, acak.randint(1, 9999),
                   "", staf.pk, staf.pk, waktu, waktu)  # fmt: skip

    return tulis_massal(Pemanfaatan, KOLOM_PEMANFAATAN, baris())


def _tanpa_zona(nilai):
    if isinstance(nilai, datetime.datetime) and timezone.is_aware(nilai):
        return timezone.localtime(nilai).replace(tzinfo=None)
    return nilai


def openpyxl_mentah(daftar: list[tuple], rekap_baris: list[tuple], info: list[tuple], judul: str) -> bytes:
    """Sel yang sama dengan ekspor (judul, kepala, data, rumus SUM Rekap, Info) dengan openpyxl tulis-saja polos."""
    from laporan.exports.xlsx import _gaya_bernama

    wb = openpyxl.Workbook(write_only=True)
    for gaya in _gaya_bernama():
        wb.add_named_style(gaya)

    def sel(ws, nilai, gaya):
        c = WriteOnlyCell(ws, value=nilai)
        c.style = gaya
        return c

    def lembar(nama, kolom, judul_lembar):
        ws = wb.create_sheet(nama)
        for i, item in enumerate(kolom, 1):
            ws.column_dimensions[get_column_letter(i)].width = item.lebar
        ws.freeze_panes = "A6"
        for gaya, teks in zip(("sop_judul", "sop_subjudul", "sop_keterangan"), judul_lembar, strict=False):
            ws.append([sel(ws, teks, gaya)])
        ws.append([])
        ws.append([sel(ws, item.judul, "sop_kepala") for item in kolom])
        return ws

    gaya_kolom = {"angka": "sop_angka", "desimal": "sop_desimal", "waktu": "sop_waktu"}
    for nama, baris in (("Daftar", daftar), ("Info", info)):
        kolom, *isi = baris
        gaya = [gaya_kolom.get(item.jenis) for item in kolom]
        ws = lembar(nama, kolom, ["Dinas", judul, "Periode"])
        for data in isi:
            ws.append([v if g is None or v is None else sel(ws, v, g) for v, g in zip(data, gaya, strict=True)])
        ws.auto_filter.ref = f"A5:{get_column_letter(len(kolom))}{5 + len(isi)}"
    kolom, *isi = rekap_baris
    ws = lembar("Rekap", kolom, ["Dinas", judul, "Periode"])
    for nomor, data in enumerate(isi, start=6):
        sel_baris = [data[0], data[1], *(sel(ws, v, "sop_angka") for v in data[2:])]
        sel_baris += [sel(ws, f"=SUM(C{nomor},E{nomor},G{nomor})", "sop_angka")]
        sel_baris += [sel(ws, f"=SUM(D{nomor},F{nomor},H{nomor})", "sop_angka")]
        ws.append(sel_baris)
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def siapkan_ekspor(ukuran: int) -> tuple[Pengguna, object, str]:
    """Staf, queryset Daftar berisi tepat `ukuran` baris (dengan urutan halaman Daftar), dan catatan.

    Bila Daftar lebih kecil, baris ditambahkan: pemanggil harus berada di dalam `dibatalkan()`.
    """
    staf = Pengguna.objects.get(username="staf")
    catatan = ""
    ada = Pemanfaatan.objects.count()
    if ada < ukuran:
        tambah_baris(ukuran - ada, staf, Laporan.objects.order_by("pk").first().tahun)
        catatan = f"{ukuran - ada:,} baris ditambahkan sementara (dibatalkan setelah diukur).".replace(",", ".")
    batas_pk = Pemanfaatan.objects.order_by("pk").values_list("pk", flat=True)[ukuran - 1]
    return staf, urutan_stabil(pemanfaatan_list(user=staf).filter(pk__lte=batas_pk)), catatan


def memori_ekspor(ukuran: int, subproses: bool) -> dict:
    """Memori puncak ekspor; di proses baru bila basis datanya dapat dibuka proses lain (bukan basis data uji)."""
    if not subproses:
        with dibatalkan():
            staf, daftar, _ = siapkan_ekspor(ukuran)
            hasil = memori_puncak(lambda: xlsx.daftar_xlsx(daftar=daftar, user=staf, periode="Semua periode"))
        return {**hasil, "cara": "dalam proses (dapat meremehkan: memori lama dipakai ulang)"}
    keluaran = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "bench.memori", str(ukuran)],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    return {**json.loads(keluaran.stdout.strip().splitlines()[-1]), "cara": "proses baru"}


def kasus_ekspor(konteks: Konteks) -> HasilKasus:
    ukuran = konteks.ukuran.ekspor
    kasus = HasilKasus(
        "ekspor_excel",
        f"Ekspor Excel Daftar {ukuran:,} baris".replace(",", "."),
        "openpyxl tulis-saja, sel sama",
        TARGET["ekspor_excel"][konteks.preset],
    )
    with dibatalkan():
        staf, daftar, kasus.catatan = siapkan_ekspor(ukuran)
        instansi = Instansi.sekarang()
        info = list(
            sumber.baris_info(
                instansi=instansi, user=staf, pada=timezone.now(), dokumen=xlsx.JUDUL_DAFTAR, periode="Semua periode"
            )
        )
        data_daftar = [tuple(_tanpa_zona(v) for v in baris) for baris in sumber.baris_daftar(daftar)]
        data_rekap = list(sumber.baris_rekap(daftar))
        if len(data_daftar) - 1 != ukuran:
            raise BenchGagal(f"Ekspor berisi {len(data_daftar) - 1} baris, bukan {ukuran}.")
        pengukuran = ukur_berpasangan(
            lambda: xlsx.daftar_xlsx(daftar=daftar, user=staf, periode="Semua periode"),
            lambda: openpyxl_mentah(data_daftar, data_rekap, info, xlsx.JUDUL_DAFTAR),
            ulang=konteks.ulang,
            pemanasan=konteks.pemanasan,
        )
        kasus.pengukuran = pengukuran.ke_json()
    memori = memori_ekspor(ukuran, konteks.memori_subproses)
    kasus.tambahan["memori"] = memori
    kasus.tambahan["batas_memori_mb"] = BATAS_MEMORI_EKSPOR_MB
    kasus.tambahan["memori_lulus"] = memori["kenaikan_mb"] <= BATAS_MEMORI_EKSPOR_MB
    return kasus


# --- Impor Excel --------------------------------------------------------------------------------


def berkas_impor(jumlah: int, tahun: int) -> bytes:
    """Berkas impor berisi `jumlah` baris baru yang sah (tahun tanpa data dan tanpa kunci periode)."""
    opd = list(Opd.objects.filter(aktif=True).order_by("pk"))
    pks = {p.opd_id: p.nomor for p in PerjanjianKerjaSama.objects.all()}
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Daftar")
    ws.append(list(k.KOLOM))
    jenis_semua = list(JenisPemanfaatan)
    for i in range(jumlah):
        milik = opd[i % len(opd)]
        jenis = jenis_semua[i % 3]
        ws.append(
            [milik.nama, jenis.label, tahun, 1, f"Impor tolok ukur {i:06d}", MetodeAkses.WEB_SERVICE.label,
             pks.get(milik.pk, ""), 100 + i % 900, "Dari surat OPD"]
        )  # fmt: skip
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def openpyxl_baca_mentah(isi: bytes) -> int:
    wb = openpyxl.load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
    banyak = sum(1 for _ in wb["Daftar"].iter_rows(values_only=True))
    wb.close()
    return banyak


def kasus_impor(konteks: Konteks) -> HasilKasus:
    ukuran = konteks.ukuran.impor
    kasus = HasilKasus(
        "impor_excel",
        f"Impor Excel {ukuran:,} baris (periksa + simpan)".replace(",", "."),
        "openpyxl baca-saja, berkas sama",
        TARGET["impor_excel"][konteks.preset],
    )
    staf = konteks.pengguna["staf"]
    tahun = timezone.localdate().year
    isi = berkas_impor(ukuran, tahun)
    rincian: dict[str, list[float]] = {"unggah_periksa": [], "simpan_periksa_ulang": []}

    def impor():
        import time

        with dibatalkan():
            mulai = time.perf_counter()
            hasil = impor_unggah(user=staf, berkas=SimpleUploadedFile("impor.xlsx", isi))
            tengah = time.perf_counter()
            try:
                disimpan = impor_simpan(impor=hasil, user=staf)
            finally:
                hasil.berkas.storage.delete(hasil.berkas.name)
            rincian["unggah_periksa"].append(tengah - mulai)
            rincian["simpan_periksa_ulang"].append(time.perf_counter() - tengah)
            if disimpan != ukuran:
                raise BenchGagal(f"Impor menyimpan {disimpan} baris, bukan {ukuran}.")

    pengukuran = ukur_berpasangan(
        impor, lambda: openpyxl_baca_mentah(isi), ulang=konteks.ulang, pemanasan=konteks.pemanasan
    )
    kasus.pengukuran = pengukuran.ke_json()
    kasus.tambahan["rincian_median_detik"] = {n: sorted(v)[len(v) // 2] for n, v in rincian.items()}
    kasus.tambahan["ukuran_berkas_kb"] = len(isi) / 1024
    return kasus


# --- PDF Laporan Pemanfaatan --------------------------------------------------------------------


def siapkan_rekap_pdf(laporan: Laporan, jumlah_opd: int) -> None:
    """Hitungan beku Laporan diganti `jumlah_opd` OPD × 3 jenis (di dalam transaksi yang akan dibatalkan)."""
    kurang = jumlah_opd - Opd.objects.count()
    if kurang > 0:
        Opd.objects.bulk_create(
            [
                Opd(kode=f"9.98.0.00.0.00.{i:04d}.0000", nama=f"OPD Tambahan PDF {i:04d}", jenis=JenisOpd.DINAS)
                for i in range(kurang)
            ]
        )
    RekapPemanfaatan.objects.filter(laporan=laporan).delete()
    acak = random.Random(5)  # noqa: S311
    RekapPemanfaatan.objects.bulk_create(
        [
            RekapPemanfaatan(
                laporan=laporan,
                opd_id=opd,
                jenis=jenis,
                jumlah_kegiatan=acak.randint(1, 40),
                total_jumlah=acak.randint(100, 2_000_000),
            )  # fmt: skip
            for opd in Opd.objects.order_by("nama").values_list("pk", flat=True)[:jumlah_opd]
            for jenis in JenisPemanfaatan.values
        ],
        batch_size=1000,
    )


def tabel_reportlab_mentah(laporan: Laporan) -> tuple[list[list[str]], list[float], list]:
    """Isi, lebar dan gaya tabel OPD × jenis yang sama dengan PDF, sebagai teks sel yang sudah jadi."""
    jenis = JenisPemanfaatan.values
    kepala = [
        ["No", "OPD", "Data Kependudukan", "", "NIK", "", "KTP-el", "", "Total", ""],
        ["", ""] + ["Kegiatan", "Jumlah"] * 4,
    ]
    per_opd: dict[int, list] = {}
    for opd, nama, j, kegiatan, jumlah in laporan.rekap.order_by("opd__nama", "opd_id", "jenis").values_list(
        "opd_id", "opd__nama", "jenis", "jumlah_kegiatan", "total_jumlah"
    ):
        per_opd.setdefault(opd, [nama, {}, {}])
        per_opd[opd][1][j] = kegiatan
        per_opd[opd][2][j] = jumlah
    isi = []
    for nomor, (nama, kegiatan, jumlah) in enumerate(per_opd.values(), start=1):
        sel = [str(nomor), nama]
        for j in jenis:
            sel += [angka_indonesia(kegiatan.get(j, 0)), angka_indonesia(jumlah.get(j, 0))]
        sel += [angka_indonesia(sum(kegiatan.values())), angka_indonesia(sum(jumlah.values()))]
        isi.append(sel)
    penutup = [["", "Jumlah"] + ["0"] * 8]
    lebar_isi = A4[0] - 2 * MARGIN_SAMPING - 12
    lebar_angka = [1.35 * cm if i % 2 == 0 else 1.6 * cm for i in range(8)]
    lebar = [0.75 * cm, lebar_isi - 0.75 * cm - sum(lebar_angka), *lebar_angka]
    gaya = [*gaya_tabel(2, range(2, 10)), ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1))]
    gaya += [("SPAN", (2 + 2 * i, 0), (3 + 2 * i, 0)) for i in range(4)]
    gaya += [("FONT", (0, -1), (-1, -1), FONT_TEBAL, UKURAN_TABEL, UKURAN_TABEL + 1.5)]
    return [*kepala, *isi, *penutup], lebar, gaya


def reportlab_mentah(data: list[list[str]], lebar: list[float], gaya: list) -> bytes:
    keluaran = io.BytesIO()
    dokumen = SimpleDocTemplate(
        keluaran,
        pagesize=A4,
        leftMargin=MARGIN_SAMPING,
        rightMargin=MARGIN_SAMPING,
        topMargin=MARGIN_ATAS,
        bottomMargin=MARGIN_BAWAH,
    )
    dokumen.build([Table(data, colWidths=lebar, repeatRows=2, style=TableStyle(gaya))])
    return keluaran.getvalue()


def kasus_pdf(konteks: Konteks) -> HasilKasus:
    jumlah_opd = konteks.ukuran.opd_pdf
    kasus = HasilKasus(
        "pdf_laporan",
        f"PDF Laporan Pemanfaatan {jumlah_opd} OPD",
        "reportlab, tabel sama",
        TARGET["pdf_laporan"][konteks.preset],
    )
    laporan = konteks.laporan
    with dibatalkan():
        siapkan_rekap_pdf(laporan, jumlah_opd)
        data, lebar, gaya = tabel_reportlab_mentah(laporan)
        pdf = laporan_pemanfaatan_pdf(laporan)
        pengukuran = ukur_berpasangan(
            lambda: laporan_pemanfaatan_pdf(laporan),
            lambda: reportlab_mentah(data, lebar, gaya),
            ulang=konteks.ulang,
            pemanasan=konteks.pemanasan,
        )
    kasus.pengukuran = pengukuran.ke_json()
    kasus.tambahan["ukuran_pdf_kb"] = len(pdf) / 1024
    return kasus


# --- Semua --------------------------------------------------------------------------------------

KASUS: dict[str, Callable[[Konteks], HasilKasus | list[HasilKasus]]] = {
    "halaman": kasus_halaman,
    "rekap": kasus_rekap,
    "ekspor_excel": kasus_ekspor,
    "impor_excel": kasus_impor,
    "pdf_laporan": kasus_pdf,
}
