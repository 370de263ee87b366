"""Siklus SOP demo: dua triwulan terakhir yang sudah usai dijalankan lewat layanan yang sama dengan peramban.

Triwulan yang lebih lama sudah selesai (dengan satu pengembalian dari Kasi KIP, agar dasbor kepatuhan punya
alasan untuk ditampilkan); triwulan terakhir berhenti di Langkah 5, menunggu pemeriksaan Kasi KIP.
Laporan yang periodenya sudah punya Laporan tidak dibuat ulang.
"""

import datetime
from dataclasses import dataclass, field

from akun.models import Pengguna, Peran
from laporan import kelengkapan, rekap
from laporan.iku import angka_laporan, iku_tahun, realisasi
from laporan.models import Laporan
from laporan.services import laporan_buat, laporan_transisi
from laporan.sop import Aksi, Periode, StatusLaporan, pelaksana_aksi

TRIWULAN = (Periode.TRIWULAN_1, Periode.TRIWULAN_2, Periode.TRIWULAN_3, Periode.TRIWULAN_4)
ALASAN_PENGEMBALIAN = (
    "Data dukung dua OPD belum diunggah; lengkapi dulu sebelum hitungan dilaporkan kembali (contoh pengembalian)."
)


@dataclass
class HasilSiklus:
    dibuat: list[str] = field(default_factory=list)
    ada: list[str] = field(default_factory=list)
    dilewati: str = ""  # mengapa siklus demo tidak dijalankan


def triwulan_usai(hari_ini: datetime.date, jumlah: int = 2) -> list[tuple[int, Periode]]:
    """(tahun, triwulan) yang sudah berakhir sebelum bulan ini, terlama dulu."""
    tahun, indeks = hari_ini.year, (hari_ini.month - 1) // 3 - 1
    hasil = []
    while len(hasil) < jumlah:
        if indeks < 0:
            tahun, indeks = tahun - 1, 3
        hasil.append((tahun, TRIWULAN[indeks]))
        indeks -= 1
    return list(reversed(hasil))


def _isian(aksi: Aksi, laporan: Laporan, staf: Pengguna) -> dict:
    """Isian formulir tiap langkah, seperti yang dikirim peramban oleh pelaksananya."""
    periode = f"{laporan.get_periode_display()} {laporan.tahun}"
    if aksi == Aksi.BERI_ARAHAN:
        return {"arahan": f"Susun Daftar Pemanfaatan Data Kependudukan oleh OPD untuk {periode}."}
    if aksi == Aksi.BERI_PETUNJUK:
        return {"petunjuk": "Lengkapi Daftar dan data dukung dari semua OPD ber-PKS.", "staf": staf.pk}
    if aksi in (Aksi.SELESAIKAN_DAFTAR, Aksi.LAPORKAN_HITUNGAN):
        # Sidik peringatan (Langkah 3) dan hitungan (Langkah 4) yang dilihat pelaksana saat halamannya dibuka.
        periode_daftar = {"tahun": laporan.tahun, "bulan_awal": laporan.bulan_awal, "bulan_akhir": laporan.bulan_akhir}
        if aksi == Aksi.SELESAIKAN_DAFTAR:
            return {"akui_peringatan": "on", "sidik": kelengkapan.sidik(kelengkapan.periksa(**periode_daftar))}
        return {"konfirmasi": "on", "sidik": rekap.sidik(rekap.hitung(**periode_daftar))}
    if aksi == Aksi.SAMPAIKAN_LAPORAN:
        return {
            "analisa": f"Pemanfaatan data kependudukan {periode} tercatat lengkap per OPD dan jenis.",
            "evaluasi": "Beberapa pemanfaatan belum didukung PKS yang sah; lihat temuan di dasbor.",
            "rekomendasi": "Surati OPD yang PKS-nya berakhir agar segera memperpanjang.",
        }
    if aksi == Aksi.SAMPAIKAN_LAKIP_BIDANG:
        angka = angka_laporan(laporan)
        data = {"narasi": f"Capaian kinerja pemanfaatan data kependudukan {periode}."}
        for iku, target in iku_tahun(tahun=laporan.tahun):
            nilai = realisasi(iku=iku, angka=angka)
            data[f"realisasi_{iku.pk}"] = str(nilai if nilai is not None else target.target)
            data[f"alasan_{iku.pk}"] = ""
        return data
    if aksi == Aksi.TERIMA:
        return {"catatan_pemeriksaan": "Lengkap dan sesuai; diterima sebagai bahan LAKIP Dinas."}
    return {"alasan": ALASAN_PENGEMBALIAN}


def jalankan(laporan: Laporan, urutan_aksi: tuple[Aksi, ...], pelaku: dict[Peran, Pengguna]) -> Laporan:
    """Setiap aksi dijalankan pelaksananya menurut SOP lewat `laporan_transisi`, berisian seperti dari peramban."""
    for aksi in urutan_aksi:
        data = _isian(aksi, laporan, pelaku[Peran.STAF])
        laporan = laporan_transisi(laporan=laporan, aksi=aksi, user=pelaku[pelaksana_aksi(aksi)], data=data)
    return laporan


SAMPAI_LANGKAH_5 = (Aksi.BERI_ARAHAN, Aksi.BERI_PETUNJUK, Aksi.SELESAIKAN_DAFTAR, Aksi.LAPORKAN_HITUNGAN)
SIKLUS_SELESAI = (
    *SAMPAI_LANGKAH_5,
    Aksi.KEMBALIKAN_KE_STAF,
    Aksi.SELESAIKAN_DAFTAR,
    Aksi.LAPORKAN_HITUNGAN,
    Aksi.SAMPAIKAN_LAPORAN,
    Aksi.SAMPAIKAN_LAKIP_BIDANG,
    Aksi.TERIMA,
)


def siklus_demo_create(*, hari_ini: datetime.date, pelaku: dict[Peran, Pengguna]) -> HasilSiklus:
    """Satu siklus selesai dan satu yang menunggu Kasi KIP di Langkah 5, untuk dua triwulan terakhir."""
    hasil = HasilSiklus()
    for peran, pengguna in pelaku.items():
        if not pengguna.punya_peran(peran):
            hasil.dilewati = (
                f"siklus SOP demo tidak dibuat karena pengguna {pengguna.username} tidak berperan {peran.label}; "
                "beri ia perannya lewat admin lalu jalankan ulang perintah ini."
            )
            return hasil
    for (tahun, periode), urutan_aksi in zip(triwulan_usai(hari_ini), (SIKLUS_SELESAI, SAMPAI_LANGKAH_5), strict=True):
        nama = f"{periode.label} {tahun}"
        if Laporan.objects.filter(tahun=tahun, periode=periode).exclude(status=StatusLaporan.DIBATALKAN).exists():
            hasil.ada.append(nama)
            continue
        jalankan(laporan_buat(user=pelaku[Peran.KABID], tahun=tahun, periode=periode), urutan_aksi, pelaku)
        hasil.dibuat.append(nama)
    return hasil
