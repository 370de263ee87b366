"""Lembar Kendali SOP: tabel Prosedur SOP (dari laporan.sop) di samping jalannya siklus yang sebenarnya."""

from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.units import cm

from laporan import selectors
from laporan.exports.pdf.aman import bungkus, paragraf
from laporan.exports.pdf.dasar import (
    ABU_GARIS,
    FONT,
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
)
from laporan.exports.teks import periode_laporan, persen_indonesia, waktu_indonesia
from laporan.models import JenisDokumen, LangkahLaporan, Laporan
from laporan.sop import AKSI_PENGEMBALIAN, Aksi, AksiPendamping
from laporan.waktu_kerja import format_durasi

JUDUL = "Lembar Kendali SOP"
NAMA_SOP = "Pengumpulan dan Penghitungan Data Kinerja Pemanfaatan Data Kependudukan"
MERAH_MUDA = colors.HexColor("#F8D7DA")

# Lebar kolom (cm) selain Kegiatan, yang mengambil sisa lebar halaman mendatar.
KOLOM = [
    ("No", 0.7),
    ("Kegiatan", None),
    ("Pelaksana", 1.85),
    ("Kelengkapan", 2.6),
    ("Waktu baku", 1.7),
    ("Output", 2.8),
    ("Pelaksanaan", 4.6),
    ("Durasi kerja", 2.0),
    ("Keterangan", 3.2),
]


def _pelaksanaan(catatan: LangkahLaporan) -> str:
    baris = [f"Diterima {waktu_indonesia(catatan.diterima_pada)}"]
    if catatan.selesai_pada is not None:
        baris.append(
            f"{catatan.get_hasil_display()} oleh {catatan.selesai_oleh}, {waktu_indonesia(catatan.selesai_pada)}"
        )
    elif catatan.diambil_oleh is not None:
        baris.append(f"Dikerjakan {catatan.diambil_oleh} sejak {waktu_indonesia(catatan.diambil_pada)}")
    else:
        baris.append("Belum diambil")
    return "\n".join(baris)


def _keterangan(catatan: LangkahLaporan) -> str:
    if catatan.durasi_kerja is None:
        return "Sedang berjalan"
    if catatan.melewati_waktu_baku:
        baris = [f"Melewati waktu baku ({format_durasi(catatan.durasi_kerja - catatan.waktu_baku)} lebih)"]
    else:
        baris = ["Dalam waktu baku"]
    if catatan.durasi_proses is not None:
        baris.append(f"Tunggu {format_durasi(catatan.durasi_tunggu)}, proses {format_durasi(catatan.durasi_proses)}")
    return "\n".join(baris)


def _tabel_langkah(laporan: Laporan, lebar: float) -> list:
    lebar_kolom = [ukuran * cm if ukuran else 0 for _, ukuran in KOLOM]
    lebar_kolom[1] = lebar - sum(lebar_kolom)

    def sel(teks: str, kolom: int) -> str:
        return bungkus(teks, font=FONT, ukuran=UKURAN_TABEL, lebar=lebar_kolom[kolom] - 6)

    isi, gaya = [], []
    for baris in selectors.linimasa(laporan=laporan):
        langkah = baris.langkah
        sop = [
            str(langkah.nomor),
            sel(langkah.kegiatan, 1),
            sel(langkah.pelaksana.value, 2),
            sel(langkah.kelengkapan, 3),
            sel(format_durasi(baris.waktu_baku), 4),
            sel(langkah.output, 5),
        ]
        if not baris.catatan:
            isi.append([*sop, "Belum sampai pada langkah ini", "–", ""])
        for urutan, catatan in enumerate(baris.catatan):
            durasi = "–" if catatan.durasi_kerja is None else format_durasi(catatan.durasi_kerja)
            pelaksanaan = [sel(_pelaksanaan(catatan), 6), sel(durasi, 7), sel(_keterangan(catatan), 8)]
            # Pengerjaan ulang (setelah dikembalikan) di bawah baris SOP-nya, tanpa mengulang teks SOP dan
            # tanpa garis pemisah di kolom SOP. Bukan SPAN: sel gabungan tidak dapat dipotong antarhalaman.
            isi.append([*(sop if urutan == 0 else [str(langkah.nomor)] + [""] * (len(sop) - 1)), *pelaksanaan])
            if urutan > 0:
                gaya.append(("LINEABOVE", (1, len(isi)), (len(sop) - 1, len(isi)), 0.6, colors.white))
            if catatan.melewati_waktu_baku:
                gaya.append(("BACKGROUND", (8, len(isi)), (8, len(isi)), MERAH_MUDA))
    # Indeks baris di atas dihitung dengan satu baris kepala pada tabel utuh; tabel_bertahap memindahkannya
    # ke potongan tiap halaman.
    # Bingkai digambar terakhir agar garis putih di atas tidak menghapus tepi bawah tabel di akhir halaman.
    gaya.append(("BOX", (0, 0), (-1, -1), 0.4, ABU_GARIS))
    return tabel_bertahap([[judul for judul, _ in KOLOM]], isi, lebar_kolom, gaya=gaya)


def _pengembalian(laporan: Laporan) -> list:
    aksi = [*AKSI_PENGEMBALIAN, Aksi.BATALKAN]
    daftar = laporan.riwayat.filter(aksi__in=aksi).select_related("oleh").order_by("waktu", "pk")
    cerita = [
        paragraf(
            f"{nomor}. {waktu_indonesia(r.waktu)} — {r.aksi_label} oleh {r.oleh} ({r.peran}), "
            f"dari {r.dari_label} ke {r.ke_label}. Alasan: {r.catatan or '—'}",
            GAYA["biasa"],
        )
        for nomor, r in enumerate(daftar, start=1)
    ]
    return cerita or [paragraf("Tidak ada pengembalian atau pembatalan.", GAYA["biasa"])]


def _identitas(laporan: Laporan, dokumen: Dokumen) -> list:
    dibuat = laporan.riwayat.filter(aksi=AksiPendamping.BUAT).select_related("oleh").first()
    baris = [
        ("Laporan", periode_laporan(laporan)),
        ("Status", laporan.get_status_display()),
        ("Dimulai", f"{dibuat.oleh}, {waktu_indonesia(dibuat.waktu)}" if dibuat else "—"),
    ]
    return [tabel_keterangan(baris, dokumen.lebar_isi, lebar_label=4 * cm)]


def _ringkasan(laporan: Laporan, dokumen: Dokumen) -> list:
    ringkasan = selectors.ringkasan_waktu(laporan=laporan)
    baris = [
        ("Total waktu kerja siklus", format_durasi(ringkasan.total_kerja)),
        ("Jumlah waktu baku", format_durasi(ringkasan.total_baku)),
    ]
    if ringkasan.jumlah_langkah:
        sesuai = persen_indonesia(ringkasan.persen_sesuai_baku)
        baris.append(
            (
                "Pengerjaan dalam waktu baku",
                f"{ringkasan.jumlah_sesuai_baku} dari {ringkasan.jumlah_langkah} ({sesuai})",
            )
        )
    return [tabel_keterangan(baris, dokumen.lebar_isi, lebar_label=5 * cm)]


def lembar_kendali_pdf(laporan: Laporan) -> bytes:
    """Jalannya satu siklus terhadap tabel Prosedur dan Mutu Baku SOP, pada status apa pun."""
    dokumen = siapkan_dokumen(laporan, JenisDokumen.LEMBAR_KENDALI, mendatar=True)
    cerita = kop_surat(dokumen)
    cerita += judul_dokumen(JUDUL.upper(), f"SOP {NAMA_SOP}")
    cerita += _identitas(laporan, dokumen)
    cerita += [*bagian("A. Prosedur SOP dan pelaksanaannya"), *_tabel_langkah(laporan, dokumen.lebar_isi)]
    cerita.append(paragraf("Waktu dihitung dalam jam kerja, di luar hari libur.", GAYA["kecil"]))
    cerita += [*bagian("B. Waktu siklus"), *_ringkasan(laporan, dokumen)]
    cerita += [*bagian("C. Pengembalian dan pembatalan"), *_pengembalian(laporan)]
    cerita += [
        *bagian("D. Verifikasi"),
        paragraf(
            f"Kode verifikasi dokumen ini: {dokumen.kode}. Periksa keaslian di {dokumen.alamat_verifikasi}",
            GAYA["biasa"],
        ),
        spasi(),
        paragraf(f"Dicetak: {dokumen.tempat_tanggal(timezone.localdate())}", GAYA["biasa"]),
    ]
    judul = f"{JUDUL} {laporan.get_periode_display()} {laporan.tahun}"
    return bangun_pdf(cerita, dokumen=dokumen, judul=judul)
