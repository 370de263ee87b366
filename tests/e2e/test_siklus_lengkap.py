"""Satu siklus SOP penuh di peramban, langkah 1–7, dengan satu pengembalian pada Langkah 5.

Empat pengguna demo (kabid, kasi, staf, sekretariat) masing-masing di tab dan sesinya sendiri. Setiap
giliran dimulai dari "Tugas Saya": pengguna membuka Laporan dari kotak masuknya dan menekan tombol aksi
di halaman Laporan, seperti di kantor.
"""

import datetime
import re
from collections import defaultdict

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from laporan.models import HasilLangkah, LangkahLaporan, Laporan, RekapPemanfaatan
from laporan.sop import Aksi, Periode, StatusLaporan, rentang_bulan
from pemanfaatan.models import Pemanfaatan
from tests.e2e.conftest import masuk as masuk_lewat_formulir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ALASAN_PENGEMBALIAN = "Baris NIK Dinas Sosial bulan terakhir belum masuk; tambahkan lalu hitung ulang."
KEPERLUAN_PERBAIKAN = "Verifikasi penerima bantuan sosial (perbaikan setelah dikembalikan)"
JUMLAH_PERBAIKAN = 321


def triwulan_tanpa_laporan_demo(hari_ini: datetime.date) -> tuple[int, Periode]:
    """Triwulan ketiga terakhir yang sudah lewat: datanya lengkap di data demo (24 bulan terakhir), dan dua
    triwulan sesudahnya sudah dipakai siklus demo.

    Periode yang belum berakhir sengaja dihindari: hitungan Langkah 4 mengunci bulan-bulannya.
    """
    triwulan = (Periode.TRIWULAN_1, Periode.TRIWULAN_2, Periode.TRIWULAN_3, Periode.TRIWULAN_4)
    indeks = hari_ini.year * 4 + (hari_ini.month - 1) // 3 - 3
    return indeks // 4, triwulan[indeks % 4]


def angka(teks: str) -> int:
    """'1.234.567' (format Indonesia) → 1234567."""
    return int(re.sub(r"\D", "", teks))


def lencana_tugas(page: Page) -> int:
    return angka(page.locator("#lencana-tugas").inner_text().split()[0])


def status_laporan(page: Page):
    """Lencana status di bawah judul halaman Laporan."""
    return page.locator("#status-laporan .badge")


def buka_dari_tugas_saya(page: Page, judul: str, langkah: str, *, alasan_pengembalian: str | None = None) -> None:
    """Dari menu "Tugas Saya": Laporan ada di kotak masuk pada langkah yang diharapkan, lalu dibuka."""
    page.get_by_role("link", name=re.compile(r"^Tugas Saya")).click()
    expect(page.get_by_role("heading", name="Tugas Saya", level=1)).to_be_visible()
    assert lencana_tugas(page) >= 1
    baris = page.get_by_role("row").filter(has=page.get_by_role("link", name=judul, exact=True))
    expect(baris).to_have_count(1)
    sel_langkah = baris.get_by_role("cell").nth(1)
    expect(sel_langkah).to_contain_text(langkah)
    if alasan_pengembalian is None:
        expect(sel_langkah).not_to_contain_text("Dikembalikan")
    else:
        expect(sel_langkah).to_contain_text("Dikembalikan")
        expect(sel_langkah).to_contain_text(f"Alasan: {alasan_pengembalian}")
    baris.get_by_role("link", name="Buka").click()
    expect(page.get_by_role("heading", name=judul, level=1)).to_be_visible()


def jalankan_aksi(page: Page, aksi: Aksi, status_berikut: StatusLaporan, isi=None) -> None:
    """Klik tombol aksi di halaman Laporan, isi formulirnya, kirim, lalu periksa status baru."""
    page.get_by_role("link", name=aksi.label, exact=True).click()
    expect(page.get_by_role("heading", name=aksi.label, level=1)).to_be_visible()
    if isi is not None:
        isi(page)
    page.get_by_role("button", name=aksi.label, exact=True).click()
    expect(page.get_by_text(f"{aksi.label}: berhasil.")).to_be_visible()
    expect(status_laporan(page)).to_have_text(status_berikut.label)


def test_satu_siklus_penuh_dengan_pengembalian_dari_tugas_saya(buka_tab, live_server, data_demo):
    tahun, periode = triwulan_tanpa_laporan_demo(timezone.localdate())
    bulan_awal, bulan_akhir = rentang_bulan(periode)
    judul = f"Laporan {periode.label} {tahun}"
    tab: dict[str, Page] = {}

    def masuk(username: str) -> Page:
        """Tab pengguna ini; masuk lewat formulir pada kunjungan pertama."""
        if username not in tab:
            tab[username] = buka_tab()
            masuk_lewat_formulir(tab[username], live_server, username)
        return tab[username]

    # Langkah 1 — Kabid memulai Laporan triwulan yang baru berakhir dan memberi arahan.
    kabid = masuk("kabid")
    kabid.get_by_role("link", name="Laporan", exact=True).click()
    kabid.get_by_role("link", name="Mulai Laporan").click()
    kabid.get_by_label("Tahun").fill(str(tahun))
    kabid.get_by_label("Periode").select_option(label=periode.label)
    kabid.get_by_role("button", name="Mulai siklus").click()
    expect(kabid.get_by_role("heading", name=judul, level=1)).to_be_visible()
    expect(status_laporan(kabid)).to_have_text(StatusLaporan.DISPOSISI_KABID.label)
    jalankan_aksi(
        kabid,
        Aksi.BERI_ARAHAN,
        StatusLaporan.DISPOSISI_KASI,
        lambda p: p.get_by_label("Arahan kepada Kasi KIP").fill("Susun Daftar Pemanfaatan triwulan ini."),
    )

    # Langkah 2 — Kasi KIP mengambil tugas ("Kerjakan") lalu memberi petunjuk kepada Staf.
    kasi = masuk("kasi")
    buka_dari_tugas_saya(kasi, judul, "2. Beri petunjuk kepada Staf")
    kasi.get_by_role("button", name="Kerjakan").click()
    expect(kasi.get_by_text("Langkah ini sekarang Anda kerjakan")).to_be_visible()
    jalankan_aksi(
        kasi,
        Aksi.BERI_PETUNJUK,
        StatusLaporan.DAFTAR,
        lambda p: p.get_by_label("Petunjuk kepada Staf").fill("Kumpulkan data dukung semua OPD ber-PKS."),
    )

    # Langkah 3 dan 4 — Staf menutup Daftar (mengakui peringatan) dan melaporkan hitungan.
    staf = masuk("staf")
    buka_dari_tugas_saya(staf, judul, "3. Selesaikan Daftar")
    jalankan_aksi(
        staf,
        Aksi.SELESAIKAN_DAFTAR,
        StatusLaporan.HITUNG,
        lambda p: p.get_by_label("Saya sudah membaca peringatan").check(),
    )
    jalankan_aksi(
        staf,
        Aksi.LAPORKAN_HITUNGAN,
        StatusLaporan.LAPORAN,
        lambda p: p.get_by_label("Saya sudah memeriksa hitungan ini").check(),
    )
    total_pertama = angka(staf.locator("#total-rekap").inner_text())
    assert lencana_tugas(staf) == 0  # giliran Staf sudah lewat

    # Langkah 5 — Kasi KIP mengembalikan Daftar kepada Staf dengan alasan.
    buka_dari_tugas_saya(kasi, judul, "5. Setujui dan sampaikan Laporan kepada Kabid")
    jalankan_aksi(
        kasi,
        Aksi.KEMBALIKAN_KE_STAF,
        StatusLaporan.DAFTAR,
        lambda p: p.get_by_label("Alasan").fill(ALASAN_PENGEMBALIAN),
    )

    # Staf melihatnya lagi di Tugas Saya, menambah baris yang kurang (Daftar terbuka lagi), lalu mengulang 3–4.
    buka_dari_tugas_saya(staf, judul, "3. Selesaikan Daftar", alasan_pengembalian=ALASAN_PENGEMBALIAN)
    expect(staf.get_by_role("region", name="Jejak audit").get_by_text(ALASAN_PENGEMBALIAN)).to_be_visible()
    staf.get_by_role("link", name="lihat Daftar periode ini").click()
    staf.get_by_role("link", name="Tambah baris").click()
    staf.get_by_label("OPD").select_option(label="Dinas Sosial")
    staf.get_by_label("Jenis pemanfaatan").select_option(label="Pemanfaatan NIK")
    staf.get_by_label("Tahun").fill(str(tahun))
    staf.get_by_label("Bulan").select_option(value=str(bulan_akhir))
    staf.get_by_label("Keperluan").fill(KEPERLUAN_PERBAIKAN)
    staf.get_by_label("Metode akses").select_option(label="Web service")
    staf.get_by_label("Jumlah").fill(str(JUMLAH_PERBAIKAN))
    staf.get_by_role("button", name="Simpan").click()
    expect(staf.get_by_text("Baris Daftar disimpan")).to_be_visible()
    buka_dari_tugas_saya(staf, judul, "3. Selesaikan Daftar", alasan_pengembalian=ALASAN_PENGEMBALIAN)
    jalankan_aksi(
        staf,
        Aksi.SELESAIKAN_DAFTAR,
        StatusLaporan.HITUNG,
        lambda p: p.get_by_label("Saya sudah membaca peringatan").check(),
    )
    jalankan_aksi(
        staf,
        Aksi.LAPORKAN_HITUNGAN,
        StatusLaporan.LAPORAN,
        lambda p: p.get_by_label("Saya sudah memeriksa hitungan ini").check(),
    )
    assert angka(staf.locator("#total-rekap").inner_text()) == total_pertama + JUMLAH_PERBAIKAN

    # Langkah 5 — kali ini Kasi KIP menyetujui dan menyampaikan Laporan kepada Kabid.
    def isi_laporan(p: Page) -> None:
        p.get_by_label("Analisa").fill("Pemanfaatan NIK naik; beberapa OPD belum ber-PKS.")
        p.get_by_label("Evaluasi").fill("Data dukung sebagian OPD belum lengkap.")
        p.get_by_label("Rekomendasi").fill("Percepat penandatanganan PKS yang berakhir.")

    buka_dari_tugas_saya(kasi, judul, "5. Setujui dan sampaikan Laporan kepada Kabid")
    jalankan_aksi(kasi, Aksi.SAMPAIKAN_LAPORAN, StatusLaporan.LAKIP_BIDANG, isi_laporan)

    # Langkah 6 — Kabid menyampaikan LAKIP Bidang; realisasi IKU sudah terisi dari hitungan.
    buka_dari_tugas_saya(kabid, judul, "6. Sampaikan LAKIP Bidang kepada Sekretariat")
    jalankan_aksi(
        kabid,
        Aksi.SAMPAIKAN_LAKIP_BIDANG,
        StatusLaporan.LAKIP_DINAS,
        lambda p: p.get_by_label("Narasi LAKIP Bidang").fill("Capaian IKU pemanfaatan data triwulan ini."),
    )

    # Langkah 7 — Sekretariat menerima LAKIP Bidang sebagai bahan LAKIP Dinas.
    sekretariat = masuk("sekretariat")
    buka_dari_tugas_saya(sekretariat, judul, "7. Terima sebagai bahan LAKIP Dinas")
    jalankan_aksi(
        sekretariat,
        Aksi.TERIMA,
        StatusLaporan.SELESAI,
        lambda p: p.get_by_label("Catatan pemeriksaan").fill("Lengkap; dipakai untuk LAKIP Dinas."),
    )
    tindakan = sekretariat.get_by_role("region", name="Tindakan Anda")
    expect(tindakan).to_be_attached()
    expect(tindakan.get_by_role("link")).to_have_count(0)  # Laporan selesai: tak ada aksi lagi
    expect(sekretariat.get_by_role("region", name="Jejak audit").get_by_text(ALASAN_PENGEMBALIAN)).to_be_visible()
    sekretariat.get_by_role("link", name=re.compile(r"^Tugas Saya")).click()
    expect(sekretariat.get_by_text("Tidak ada Laporan yang menunggu Anda.")).to_be_visible()
    assert lencana_tugas(sekretariat) == 0

    # Basis data: status akhir, jejak audit, hitungan beku dan waktu tiap langkah.
    laporan = Laporan.objects.get(tahun=tahun, periode=periode)
    assert laporan.status == StatusLaporan.SELESAI
    riwayat = list(laporan.riwayat.order_by("waktu", "pk").values_list("aksi", "oleh__username", "catatan"))
    assert [(aksi, oleh) for aksi, oleh, _ in riwayat] == [
        ("buat", "kabid"),
        (Aksi.BERI_ARAHAN, "kabid"),
        ("ambil", "kasi"),
        (Aksi.BERI_PETUNJUK, "kasi"),
        (Aksi.SELESAIKAN_DAFTAR, "staf"),
        (Aksi.LAPORKAN_HITUNGAN, "staf"),
        (Aksi.KEMBALIKAN_KE_STAF, "kasi"),
        (Aksi.SELESAIKAN_DAFTAR, "staf"),
        (Aksi.LAPORKAN_HITUNGAN, "staf"),
        (Aksi.SAMPAIKAN_LAPORAN, "kasi"),
        (Aksi.SAMPAIKAN_LAKIP_BIDANG, "kabid"),
        (Aksi.TERIMA, "sekretariat"),
    ]
    assert riwayat[6][2] == ALASAN_PENGEMBALIAN

    # Dihitung ulang di sini, tanpa kode hitungan aplikasi: jumlah Daftar per OPD × jenis dalam periode.
    harapan: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0])
    daftar = Pemanfaatan.objects.filter(tahun=tahun, bulan__gte=bulan_awal, bulan__lte=bulan_akhir)
    for opd_id, jenis, jumlah in daftar.values_list("opd_id", "jenis", "jumlah"):
        harapan[opd_id, jenis][0] += 1
        harapan[opd_id, jenis][1] += jumlah
    rekap = {
        (r.opd_id, r.jenis): [r.jumlah_kegiatan, r.total_jumlah]
        for r in RekapPemanfaatan.objects.filter(laporan=laporan)
    }
    assert rekap == dict(harapan)
    total = sum(jumlah for _, jumlah in harapan.values())
    assert total == total_pertama + JUMLAH_PERBAIKAN
    assert sum(r[1] for r in rekap.values()) == total

    langkah = list(LangkahLaporan.objects.filter(laporan=laporan).order_by("pk"))
    assert [(lk.nomor, lk.hasil) for lk in langkah] == [
        (1, HasilLangkah.SELESAI),
        (2, HasilLangkah.SELESAI),
        (3, HasilLangkah.SELESAI),
        (4, HasilLangkah.SELESAI),
        (5, HasilLangkah.DIKEMBALIKAN),
        (3, HasilLangkah.SELESAI),
        (4, HasilLangkah.SELESAI),
        (5, HasilLangkah.SELESAI),
        (6, HasilLangkah.SELESAI),
        (7, HasilLangkah.SELESAI),
    ]
    assert all(lk.selesai_pada is not None and lk.durasi_kerja is not None for lk in langkah)
    diambil = langkah[1]
    assert diambil.diambil_oleh.username == "kasi"
    assert diambil.durasi_tunggu is not None and diambil.durasi_proses is not None

    for username, page in tab.items():
        assert page.galat_konsol == [], username
