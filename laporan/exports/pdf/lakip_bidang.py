"""Bahan LAKIP Bidang: keluaran Langkah 6, dengan Laporan Pemanfaatan terlampir sebagai data dukungnya."""

from reportlab.lib.units import cm
from reportlab.platypus import PageBreak

from akun.models import Peran
from laporan.exports.pdf.aman import bungkus, paragraf
from laporan.exports.pdf.dasar import (
    FONT,
    GAYA,
    UKURAN_TABEL,
    bagian,
    bangun_pdf,
    judul_dokumen,
    kop_surat,
    siapkan_dokumen,
    tabel_bertahap,
    tanggal_lokal,
)
from laporan.exports.pdf.laporan_pemanfaatan import isi_laporan_pemanfaatan
from laporan.exports.pdf.tanda_tangan import Penanda, blok_tanda_tangan, riwayat_terakhir
from laporan.exports.teks import angka_indonesia, periode_laporan, persen_indonesia
from laporan.models import JenisDokumen, Laporan, RealisasiIku
from laporan.sop import Aksi

JUDUL = "Laporan Kinerja Bidang"


def _nilai(nilai) -> str:
    return angka_indonesia(nilai, 2)


def _tabel_iku(realisasi: list[RealisasiIku], lebar: float) -> list:
    lebar_tetap = [0.75 * cm, 1.9 * cm, 2.1 * cm, 2.1 * cm, 2 * cm]
    lebar_indikator = lebar - sum(lebar_tetap)
    kepala = [["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"]]
    isi = [
        [
            str(nomor),
            bungkus(r.iku.nama, font=FONT, ukuran=UKURAN_TABEL, lebar=lebar_indikator - 6),
            bungkus(r.iku.satuan, font=FONT, ukuran=UKURAN_TABEL, lebar=lebar_tetap[1] - 6),
            _nilai(r.target),
            _nilai(r.realisasi) + (" *" if r.dikoreksi else ""),
            persen_indonesia(r.capaian),
        ]
        for nomor, r in enumerate(realisasi, start=1)
    ]
    if not isi:
        isi.append(["", "Belum ada IKU pada LAKIP Bidang ini.", "", "", "", ""])
    lebar_kolom = [lebar_tetap[0], lebar_indikator, *lebar_tetap[1:]]
    return tabel_bertahap(kepala, isi, lebar_kolom, kolom_angka=(3, 4, 5))


def _koreksi(realisasi: list[RealisasiIku]) -> list:
    """Realisasi yang dikoreksi dari hasil hitungan beserta alasannya, dan keterangan IKU yang diisi manual."""
    cerita = []
    for nomor, r in enumerate(realisasi, start=1):
        if r.dikoreksi:
            teks = (
                f"{nomor}. {r.iku.nama}: realisasi hasil hitungan {_nilai(r.realisasi_hitung)} dikoreksi menjadi "
                f"{_nilai(r.realisasi)}. Alasan: {r.alasan_koreksi or '—'}"
            )
        elif r.alasan_koreksi:
            teks = f"{nomor}. {r.iku.nama}: keterangan: {r.alasan_koreksi}"
        else:
            continue
        cerita.append(paragraf(teks, GAYA["biasa"]))
    if not cerita:
        return []
    return [*bagian("B. Koreksi dan keterangan realisasi"), *cerita]


def lakip_bidang_pdf(laporan: Laporan) -> bytes:
    """Langkah 6: Kabid menyampaikan LAKIP Bidang (IKU, koreksi, narasi) kepada Sekretariat."""
    dokumen = siapkan_dokumen(laporan, JenisDokumen.LAKIP_BIDANG)
    lebar = dokumen.lebar_isi
    realisasi = list(laporan.realisasi_iku.select_related("iku"))
    koreksi = _koreksi(realisasi)
    cerita = kop_surat(dokumen)
    cerita += judul_dokumen(
        f"BAHAN {JUDUL.upper()} (LAKIP BIDANG)", dokumen.instansi.nama_bidang, periode_laporan(laporan)
    )
    cerita += [*bagian("A. Pengukuran kinerja (Indikator Kinerja Utama)"), *_tabel_iku(realisasi, lebar)]
    if any(r.dikoreksi for r in realisasi):
        cerita.append(paragraf("* realisasi dikoreksi dari hasil hitungan; lihat bagian B.", GAYA["kecil"]))
    cerita += koreksi
    cerita += [*bagian(f"{'C' if koreksi else 'B'}. Narasi"), paragraf(laporan.narasi_lakip or "—", GAYA["biasa"])]
    disampaikan = riwayat_terakhir(laporan, Aksi.SAMPAIKAN_LAKIP_BIDANG)
    tanggal = tanggal_lokal(disampaikan.waktu if disampaikan else laporan.updated_at)
    kabid = Penanda(dokumen.tempat_tanggal(tanggal), Peran.KABID.label, disampaikan.oleh if disampaikan else None)
    cerita.append(blok_tanda_tangan(lebar=lebar, kanan=kabid))
    # Satu dokumen, bukan dua PDF yang disambung: nomor halaman dan kode verifikasi berlaku untuk semuanya.
    cerita += [PageBreak(), *isi_laporan_pemanfaatan(laporan, dokumen, lampiran=True)]
    judul = f"LAKIP Bidang {laporan.get_periode_display()} {laporan.tahun}"
    return bangun_pdf(cerita, dokumen=dokumen, judul=judul)
