"""Laporan Pemanfaatan Data Kependudukan: keluaran Langkah 5, dari hitungan beku Langkah 4."""

from dataclasses import dataclass, field

from django.db.models import Sum
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth

from akun.models import Peran
from laporan import selectors
from laporan.exports.pdf.aman import Pembungkus, paragraf
from laporan.exports.pdf.dasar import (
    FONT,
    FONT_TEBAL,
    GAYA,
    UKURAN_TABEL,
    Dokumen,
    bagian,
    bangun_pdf,
    judul_dokumen,
    kop_surat,
    siapkan_dokumen,
    spasi,
    tabel_bertahap,
    tabel_keterangan,
    tanggal_lokal,
)
from laporan.exports.pdf.grafik import grafik_per_bulan, grafik_per_jenis
from laporan.exports.pdf.tanda_tangan import Penanda, blok_tanda_tangan, riwayat_terakhir
from laporan.exports.pdf.tersedia import STATUS_LAKIP_BIDANG
from laporan.exports.teks import angka_indonesia, periode_laporan, persen_indonesia, waktu_indonesia
from laporan.models import JenisDokumen, Laporan
from laporan.rekap import pemanfaatan_periode
from laporan.sop import Aksi
from pemanfaatan.models import NAMA_BULAN, JenisPemanfaatan

JUDUL = "Laporan Pemanfaatan Data Kependudukan"
JENIS = list(JenisPemanfaatan)


def label_pendek(jenis: JenisPemanfaatan) -> str:
    """`Pemanfaatan NIK` → `NIK` untuk kepala kolom dan sumbu grafik."""
    return jenis.label.removeprefix("Pemanfaatan ")


@dataclass
class BarisOpd:
    nama: str
    kegiatan: dict[str, int] = field(default_factory=dict)
    jumlah: dict[str, int] = field(default_factory=dict)


def rekap_per_opd(laporan: Laporan) -> list[BarisOpd]:
    """Hitungan beku sebagai matriks OPD × jenis, satu kueri berapa pun banyaknya OPD."""
    per_opd: dict[int, BarisOpd] = {}
    baris = laporan.rekap.order_by("opd__nama", "opd_id", "jenis").values_list(
        "opd_id", "opd__nama", "jenis", "jumlah_kegiatan", "total_jumlah"
    )
    for opd_id, nama, jenis, kegiatan, jumlah in baris:
        item = per_opd.setdefault(opd_id, BarisOpd(nama=nama))
        item.kegiatan[jenis] = kegiatan
        item.jumlah[jenis] = jumlah
    return list(per_opd.values())


def total_per_bulan(laporan: Laporan) -> dict[tuple[int, str], int]:
    """Total jumlah per (bulan, jenis) dari Daftar periode itu; baris-barisnya terkunci sejak Langkah 4."""
    baris = (
        pemanfaatan_periode(tahun=laporan.tahun, bulan_awal=laporan.bulan_awal, bulan_akhir=laporan.bulan_akhir)
        .values("bulan", "jenis")
        .annotate(total=Sum("jumlah"))
        .order_by()
    )
    return {(item["bulan"], item["jenis"]): item["total"] for item in baris}


def _angka_sel(nilai: int) -> str:
    return angka_indonesia(nilai) if nilai else "–"


def _ringkasan(laporan: Laporan, total: dict, lebar: float) -> list:
    persen = persen_indonesia(laporan.persen_opd_memanfaatkan)
    baris = [
        ("OPD aktif", f"{angka_indonesia(laporan.jumlah_opd_aktif or 0)} OPD"),
        (
            "OPD yang memanfaatkan data",
            f"{angka_indonesia(laporan.jumlah_opd_memanfaatkan or 0)} OPD ({persen} dari OPD aktif)",
        ),
        ("OPD dengan PKS aktif", f"{angka_indonesia(laporan.jumlah_opd_pks_aktif or 0)} OPD"),
        *((label, angka_indonesia(nilai)) for label, nilai in total["per_jenis"]),
        (
            "Total seluruh pemanfaatan",
            f"{angka_indonesia(total['semua_jumlah'])} ({angka_indonesia(total['semua_kegiatan'])} kegiatan)",
        ),
    ]
    if laporan.dihitung_pada:
        baris.append(("Dihitung (Langkah 4)", f"{laporan.dihitung_oleh}, {waktu_indonesia(laporan.dihitung_pada)}"))
    return [tabel_keterangan(baris, lebar)]


def _lebar_terlebar(teks: set[str], font: str) -> float:
    """Lebar teks terlebar, diukur sekali per bentuk teks.

    Lebar string fon standar PDF adalah jumlah lebar hurufnya, jadi huruf yang sama lebarnya (angka 0–9)
    dapat disamakan tanpa mengubah lebar: 500 angka tujuh digit menjadi satu bentuk `0.000.000`.
    """
    wakil: dict[float, str] = {}
    peta = {ord(huruf): wakil.setdefault(stringWidth(huruf, font, UKURAN_TABEL), huruf) for huruf in set().union(*teks)}
    return max(stringWidth(bentuk, font, UKURAN_TABEL) for bentuk in {t.translate(peta) for t in teks})


def _lebar_angka(isi: list[list[str]], penutup: list[str], kolom: int, minimum: float) -> float:
    """Kolom angka selebar angka terpanjangnya (penutup dicetak tebal), agar jutaan tidak meluber."""
    terlebar = max(
        _lebar_terlebar({baris[kolom] for baris in isi}, FONT), stringWidth(penutup[kolom], FONT_TEBAL, UKURAN_TABEL)
    )
    return max(minimum, terlebar + 8)


def _tabel_opd(daftar: list[BarisOpd], lebar: float) -> list:
    kepala = [
        ["No", "OPD"] + [x for jenis in JENIS for x in (label_pendek(jenis), "")] + ["Total", ""],
        ["", ""] + ["Kegiatan", "Jumlah"] * (len(JENIS) + 1),
    ]
    isi = []
    total_kegiatan = dict.fromkeys(JenisPemanfaatan.values, 0)
    total_jumlah = dict.fromkeys(JenisPemanfaatan.values, 0)
    for nomor, opd in enumerate(daftar, start=1):
        sel = [str(nomor), opd.nama]
        for jenis in JenisPemanfaatan.values:
            sel += [_angka_sel(opd.kegiatan.get(jenis, 0)), _angka_sel(opd.jumlah.get(jenis, 0))]
            total_kegiatan[jenis] += opd.kegiatan.get(jenis, 0)
            total_jumlah[jenis] += opd.jumlah.get(jenis, 0)
        sel += [angka_indonesia(sum(opd.kegiatan.values())), angka_indonesia(sum(opd.jumlah.values()))]
        isi.append(sel)
    if not isi:
        isi.append(["", "Tidak ada pemanfaatan pada periode ini."] + [""] * (2 * len(JENIS) + 2))
    penutup = ["", "Jumlah"]
    for jenis in JenisPemanfaatan.values:
        penutup += [angka_indonesia(total_kegiatan[jenis]), angka_indonesia(total_jumlah[jenis])]
    penutup += [angka_indonesia(sum(total_kegiatan.values())), angka_indonesia(sum(total_jumlah.values()))]
    kolom_angka = range(2, 4 + 2 * len(JENIS))
    lebar_nomor = _lebar_angka(isi, penutup, 0, 0.75 * cm)
    lebar_kolom_angka = [_lebar_angka(isi, penutup, k, 1.35 * cm if k % 2 == 0 else 1.5 * cm) for k in kolom_angka]
    lebar_opd = lebar - lebar_nomor - sum(lebar_kolom_angka)
    bungkus_nama = Pembungkus(font=FONT, ukuran=UKURAN_TABEL, lebar=lebar_opd - 6)
    for sel in isi:
        sel[1] = bungkus_nama(sel[1])
    rentang = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1))]
    rentang += [("SPAN", (2 + 2 * i, 0), (3 + 2 * i, 0)) for i in range(len(JENIS) + 1)]
    return tabel_bertahap(
        kepala,
        isi,
        [lebar_nomor, lebar_opd, *lebar_kolom_angka],
        kolom_angka=kolom_angka,
        gaya=rentang,
        penutup=[penutup],
    )


def _grafik(laporan: Laporan, total: dict, lebar: float) -> list:
    per_jenis = [(label_pendek(jenis), total[f"jenis_{jenis.value}"]) for jenis in JENIS]
    bulan = list(range(laporan.bulan_awal, laporan.bulan_akhir + 1))
    per_bulan = total_per_bulan(laporan)
    nama_bulan = [NAMA_BULAN[b - 1][:3] if len(bulan) > 6 else NAMA_BULAN[b - 1] for b in bulan]
    seri = [(label_pendek(jenis), [per_bulan.get((b, jenis.value), 0) for b in bulan]) for jenis in JENIS]
    return [grafik_per_jenis(per_jenis, lebar=lebar), spasi(8), grafik_per_bulan(nama_bulan, seri, lebar=lebar)]


def _teks_kasi(judul: str, isi: str) -> list:
    return [*bagian(judul), paragraf(isi or "—", GAYA["biasa"])]


def penanda_laporan(laporan: Laporan, dokumen: Dokumen) -> tuple[Penanda, Penanda]:
    """Kasi KIP yang menyampaikan (Langkah 5); Kabid yang menyusun LAKIP Bidang, atau yang memberi arahan."""
    disampaikan = riwayat_terakhir(laporan, Aksi.SAMPAIKAN_LAPORAN)
    aksi_kabid = Aksi.SAMPAIKAN_LAKIP_BIDANG if laporan.status in STATUS_LAKIP_BIDANG else Aksi.BERI_ARAHAN
    kabid = riwayat_terakhir(laporan, aksi_kabid)
    tanggal = tanggal_lokal(disampaikan.waktu if disampaikan else laporan.updated_at)
    return (
        Penanda("Mengetahui,", Peran.KABID.label, kabid.oleh if kabid else None),
        Penanda(dokumen.tempat_tanggal(tanggal), Peran.KASI_KIP.label, disampaikan.oleh if disampaikan else None),
    )


def isi_laporan_pemanfaatan(laporan: Laporan, dokumen: Dokumen, *, lampiran: bool = False) -> list:
    """Flowable Laporan Pemanfaatan; juga dilampirkan utuh pada LAKIP Bidang sebagai data dukungnya."""
    lebar = dokumen.lebar_isi
    cerita = kop_surat(dokumen)
    if lampiran:
        cerita.append(paragraf("Lampiran LAKIP Bidang — data dukung pengukuran kinerja", GAYA["kecil"]))
        cerita.append(spasi(4))
    pemerintah = dokumen.instansi.pemerintah.title()
    cerita += judul_dokumen(f"{JUDUL.upper()} OLEH OPD", f"Lingkup {pemerintah}", periode_laporan(laporan))
    total = selectors.total_rekap(laporan=laporan)
    cerita += [*bagian("A. Ringkasan"), *_ringkasan(laporan, total, lebar)]
    cerita += [*bagian("B. Rekapitulasi per OPD dan jenis pemanfaatan"), *_tabel_opd(rekap_per_opd(laporan), lebar)]
    cerita += [*bagian("C. Grafik"), *_grafik(laporan, total, lebar)]
    cerita += _teks_kasi("D. Analisa", laporan.analisa)
    cerita += _teks_kasi("E. Evaluasi", laporan.evaluasi)
    cerita += _teks_kasi("F. Rekomendasi", laporan.rekomendasi)
    kiri, kanan = penanda_laporan(laporan, dokumen)
    cerita.append(blok_tanda_tangan(lebar=lebar, kiri=kiri, kanan=kanan))
    return cerita


def laporan_pemanfaatan_pdf(laporan: Laporan) -> bytes:
    """Langkah 5: Laporan Kasi KIP kepada Kabid tentang jumlah pemanfaatan Data Kependudukan oleh OPD."""
    dokumen = siapkan_dokumen(laporan, JenisDokumen.LAPORAN_PEMANFAATAN)
    judul = f"{JUDUL} {laporan.get_periode_display()} {laporan.tahun}"
    return bangun_pdf(isi_laporan_pemanfaatan(laporan, dokumen), dokumen=dokumen, judul=judul)
