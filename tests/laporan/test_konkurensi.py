"""Dua orang menekan tombol yang sama pada saat yang sama, atau satu orang menekannya dua kali.

Uji berutas memakai sambungan PostgreSQL sungguhan (satu per utas) dan hanya berjalan di PostgreSQL:
SQLite mengunci seluruh berkas basis data dan tidak mengenal SELECT … FOR UPDATE. Uji klik ganda berjalan
di semua basis data.
"""

import threading
import time

import pytest
from django.db import connection, transaction

from akun.models import Peran
from laporan.models import LangkahLaporan, Laporan, RekapPemanfaatan, RiwayatLaporan
from laporan.services import (
    LaporanDitolak,
    LaporanError,
    LaporanSudahDiproses,
    laporan_ambil,
    laporan_buat,
    laporan_transisi,
)
from pemanfaatan.models import PeriodeTerkunci
from tests.conftest import buat_pengguna
from tests.laporan.conftest import ALASAN, data_sah, potret

BATAS_WAKTU = 30


@pytest.fixture
def hanya_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip(
            "Uji berutas butuh PostgreSQL (SELECT … FOR UPDATE dengan sambungan sungguhan per utas); "
            "CI menjalankannya dengan DATABASE_URL=postgres://…"
        )


def _menunggu_kunci() -> int:
    """Banyak sambungan lain yang sedang menunggu kunci baris (pg_locks tidak di-snapshot per transaksi)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(DISTINCT pid) FROM pg_locks WHERE NOT granted AND pid <> pg_backend_pid()")
        return cursor.fetchone()[0]


def serentak(*panggilan, tahan: Laporan | None = None) -> list[tuple[str, object]]:
    """Jalankan setiap panggilan di utasnya sendiri (sambungan sendiri), dilepas bersamaan oleh Barrier.

    Dengan `tahan`, utas utama memegang kunci baris Laporan itu sampai semua utas terbukti menunggu
    kuncinya, lalu melepasnya: tumpang-tindih yang pasti, tidak bergantung pada keberuntungan penjadwalan.
    """
    gerbang = threading.Barrier(len(panggilan))
    hasil: list[tuple[str, object]] = [("belum", None)] * len(panggilan)

    def kerja(nomor, fungsi):
        try:
            gerbang.wait(timeout=BATAS_WAKTU)
            hasil[nomor] = ("berhasil", fungsi())
        except Exception as galat:  # galatnya diperiksa oleh uji
            hasil[nomor] = ("galat", galat)
        finally:
            connection.close()

    utas = [threading.Thread(target=kerja, args=(n, f)) for n, f in enumerate(panggilan)]
    if tahan is None:
        for u in utas:
            u.start()
    else:
        with transaction.atomic():
            Laporan.objects.select_for_update().get(pk=tahan.pk)
            for u in utas:
                u.start()
            batas = time.monotonic() + BATAS_WAKTU
            while _menunggu_kunci() < len(panggilan):
                assert time.monotonic() < batas, "utas tidak pernah sampai menunggu kunci Laporan"
                time.sleep(0.01)
    for u in utas:
        u.join(timeout=BATAS_WAKTU)
        assert not u.is_alive(), "utas macet"
    return hasil


def pisahkan(hasil):
    berhasil = [nilai for jenis, nilai in hasil if jenis == "berhasil"]
    galat = [nilai for jenis, nilai in hasil if jenis == "galat"]
    assert len(berhasil) + len(galat) == len(hasil)
    return berhasil, galat


@pytest.fixture
def kabid_plt(db):
    return buat_pengguna("plt-kabid", Peran.KABID, nama="Plt. Kepala Bidang")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_dua_kabid_memberi_arahan_bersamaan(hanya_postgresql, kabid, kabid_plt):
    laporan = laporan_buat(user=kabid, tahun=2026, periode="TRIWULAN_1")
    data = data_sah("beri_arahan", laporan)

    def oleh(user):
        return lambda: laporan_transisi(laporan=laporan, aksi="beri_arahan", user=user, data=data)

    hasil = serentak(oleh(kabid), oleh(kabid_plt), tahan=laporan)
    berhasil, galat = pisahkan(hasil)

    assert len(berhasil) == 1 and len(galat) == 1
    (kalah,) = galat
    assert isinstance(kalah, LaporanSudahDiproses), repr(kalah)
    pemenang = RiwayatLaporan.objects.get(laporan=laporan, aksi="beri_arahan").oleh
    assert pemenang in (kabid, kabid_plt)
    assert f"sudah diproses oleh {pemenang.nama} pada " in str(kalah)
    assert "(Beri arahan kepada Kasi KIP)" in str(kalah)

    assert Laporan.objects.get(pk=laporan.pk).status == "disposisi_kasi"
    assert RiwayatLaporan.objects.filter(laporan=laporan, aksi="beri_arahan").count() == 1
    assert list(LangkahLaporan.objects.filter(laporan=laporan, selesai_pada__isnull=True).values_list("nomor")) == [
        (2,)
    ]
    assert LangkahLaporan.objects.get(laporan=laporan, nomor=1).selesai_oleh == pemenang


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_persetujuan_dan_pengembalian_bersamaan_hanya_satu_yang_terjadi(
    hanya_postgresql, buat_laporan, kasi, kasi_lain
):
    """Setelah disetujui tidak dapat dikembalikan lagi oleh Kasi, dan sebaliknya: tepat satu yang menang."""
    laporan = buat_laporan("laporan")
    hasil = serentak(
        lambda: laporan_transisi(
            laporan=laporan, aksi="sampaikan_laporan", user=kasi, data=data_sah("sampaikan_laporan", laporan)
        ),
        lambda: laporan_transisi(laporan=laporan, aksi="kembalikan_ke_staf", user=kasi_lain, data={"alasan": ALASAN}),
        tahan=laporan,
    )
    berhasil, galat = pisahkan(hasil)
    assert len(berhasil) == 1
    assert [type(g) for g in galat] == [LaporanSudahDiproses]
    akhir = Laporan.objects.get(pk=laporan.pk).status
    assert akhir == berhasil[0].status
    assert akhir in ("lakip_bidang", "daftar")
    dari_langkah_5 = RiwayatLaporan.objects.filter(laporan=laporan, dari="laporan")
    assert dari_langkah_5.count() == 1
    assert LangkahLaporan.objects.filter(laporan=laporan, selesai_pada__isnull=True).count() == 1
    assert LangkahLaporan.objects.filter(laporan=laporan, nomor=5).get().selesai_oleh == dari_langkah_5.get().oleh
    # Hitungan beku hanya hilang bila pengembalian yang menang.
    assert PeriodeTerkunci.objects.exists() == (akhir == "lakip_bidang")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_dua_staf_melaporkan_hitungan_bersamaan_dibekukan_sekali(
    hanya_postgresql, kabid, kasi, staf, staf_lain, daftar_triwulan
):
    laporan = laporan_buat(user=kabid, tahun=2026, periode="TRIWULAN_1")
    for aksi, user in [("beri_arahan", kabid), ("beri_petunjuk", kasi), ("selesaikan_daftar", staf)]:
        laporan = laporan_transisi(laporan=laporan, aksi=aksi, user=user, data=data_sah(aksi, laporan))

    def oleh(user):
        return lambda: laporan_transisi(
            laporan=laporan, aksi="laporkan_hitungan", user=user, data=data_sah("laporkan_hitungan", laporan)
        )

    berhasil, galat = pisahkan(serentak(oleh(staf), oleh(staf_lain), tahan=laporan))
    assert len(berhasil) == 1
    assert [type(g) for g in galat] == [LaporanSudahDiproses]
    assert RekapPemanfaatan.objects.filter(laporan=laporan).count() == 5
    assert PeriodeTerkunci.objects.count() == 1
    assert RiwayatLaporan.objects.filter(laporan=laporan, aksi="laporkan_hitungan").count() == 1
    assert LangkahLaporan.objects.filter(laporan=laporan, selesai_pada__isnull=True).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_dua_kasi_mengambil_langkah_bersamaan(hanya_postgresql, kabid, kasi, kasi_lain):
    laporan = laporan_buat(user=kabid, tahun=2026, periode="TRIWULAN_1")
    laporan = laporan_transisi(laporan=laporan, aksi="beri_arahan", user=kabid, data=data_sah("beri_arahan", laporan))

    berhasil, galat = pisahkan(
        serentak(
            lambda: laporan_ambil(laporan=laporan, user=kasi),
            lambda: laporan_ambil(laporan=laporan, user=kasi_lain),
            tahan=laporan,
        )
    )
    assert len(berhasil) == 1
    (kalah,) = galat
    assert isinstance(kalah, LaporanDitolak)
    pengambil = LangkahLaporan.objects.get(laporan=laporan, selesai_pada__isnull=True).diambil_oleh
    assert pengambil == berhasil[0].diambil_oleh
    assert str(kalah) == f"Langkah ini sedang dikerjakan oleh {pengambil}; minta ia melepasnya lebih dulu."
    assert RiwayatLaporan.objects.filter(laporan=laporan, aksi="ambil").count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_dua_laporan_untuk_periode_yang_sama_dibuat_bersamaan(hanya_postgresql, kabid, kabid_plt):
    berhasil, galat = pisahkan(
        serentak(
            lambda: laporan_buat(user=kabid, tahun=2026, periode="TRIWULAN_1"),
            lambda: laporan_buat(user=kabid_plt, tahun=2026, periode="TRIWULAN_1"),
        )
    )
    assert len(berhasil) == 1
    (kalah,) = galat
    assert type(kalah) is LaporanError
    assert "Sudah ada Laporan Triwulan I 2026 yang berjalan atau selesai" in str(kalah)
    assert Laporan.objects.count() == 1
    assert LangkahLaporan.objects.count() == 1
    assert RiwayatLaporan.objects.count() == 1


# --- Klik ganda (semua basis data) ---------------------------------------------------------------


@pytest.mark.django_db
def test_klik_ganda_tidak_menjalankan_aksi_dua_kali(buat_laporan, kabid, jam):
    jam.atur("2026-05-04 08:00")
    laporan = buat_laporan()
    jam.atur("2026-05-04 08:05")
    data = data_sah("beri_arahan", laporan)
    laporan_transisi(laporan=laporan, aksi="beri_arahan", user=kabid, data=data)
    sesudah_pertama = potret(laporan)

    jam.atur("2026-05-04 08:06")
    # Objek `laporan` di tangan pemanggil masih berstatus lama, seperti halaman yang belum dimuat ulang.
    assert laporan.status == "disposisi_kabid"
    with pytest.raises(LaporanSudahDiproses) as galat:
        laporan_transisi(laporan=laporan, aksi="beri_arahan", user=kabid, data=data | {"arahan": "Arahan kedua."})
    assert str(galat.value) == (
        "Laporan ini sudah diproses oleh Kabid pada 4 Mei 2026, 08.05 (Beri arahan kepada Kasi KIP); "
        "statusnya sekarang Petunjuk Kasi KIP."
    )
    assert potret(laporan) == sesudah_pertama
    assert Laporan.objects.get(pk=laporan.pk).arahan == data["arahan"]
    assert RiwayatLaporan.objects.filter(laporan=laporan, aksi="beri_arahan").count() == 1


@pytest.mark.django_db
def test_klik_ganda_oleh_orang_lain_menyebut_siapa_yang_memproses(buat_laporan, kasi, kasi_lain, jam):
    jam.atur("2026-05-04 08:00")
    laporan = buat_laporan("disposisi_kasi")
    jam.atur("2026-05-04 10:30")
    laporan_transisi(laporan=laporan, aksi="beri_petunjuk", user=kasi_lain, data=data_sah("beri_petunjuk", laporan))
    sebelum = potret(laporan)
    with pytest.raises(LaporanSudahDiproses) as galat:
        laporan_transisi(laporan=laporan, aksi="beri_petunjuk", user=kasi, data=data_sah("beri_petunjuk", laporan))
    assert str(galat.value).startswith("Laporan ini sudah diproses oleh Kasi Pengganti pada 4 Mei 2026, 10.30")
    assert potret(laporan) == sebelum


@pytest.mark.django_db
def test_klik_ganda_laporkan_hitungan_tidak_membekukan_dua_kali(buat_laporan, daftar_triwulan, staf):
    laporan = buat_laporan("hitung")
    laporan_transisi(laporan=laporan, aksi="laporkan_hitungan", user=staf, data=data_sah("laporkan_hitungan", laporan))
    sebelum = potret(laporan)
    with pytest.raises(LaporanSudahDiproses, match="sudah diproses oleh Staf pada"):
        laporan_transisi(
            laporan=laporan, aksi="laporkan_hitungan", user=staf, data=data_sah("laporkan_hitungan", laporan)
        )
    assert potret(laporan) == sebelum
    assert RekapPemanfaatan.objects.filter(laporan=laporan).count() == 5
    assert PeriodeTerkunci.objects.count() == 1


@pytest.mark.django_db
def test_klik_ganda_pengembalian(buat_laporan, kasi):
    laporan = buat_laporan("laporan")
    laporan_transisi(laporan=laporan, aksi="kembalikan_ke_staf", user=kasi, data={"alasan": ALASAN})
    sebelum = potret(laporan)
    with pytest.raises(LaporanSudahDiproses, match=r"\(Kembalikan kepada Staf\); statusnya sekarang Penyusunan Daftar"):
        laporan_transisi(laporan=laporan, aksi="kembalikan_ke_staf", user=kasi, data={"alasan": ALASAN})
    assert potret(laporan) == sebelum
    assert LangkahLaporan.objects.filter(laporan=laporan, nomor=3).count() == 2


@pytest.mark.django_db
def test_klik_ganda_menyebut_pemroses_walau_langkah_berikut_sudah_diambil(buat_laporan, kasi, kasi_lain, staf, jam):
    """Yang disebut adalah orang yang menjalankan aksinya, bukan Staf yang sesudahnya menekan "Kerjakan"."""
    jam.atur("2026-05-04 08:00")
    laporan = buat_laporan("disposisi_kasi")
    jam.atur("2026-05-04 10:30")
    laporan_transisi(laporan=laporan, aksi="beri_petunjuk", user=kasi_lain, data=data_sah("beri_petunjuk", laporan))
    jam.atur("2026-05-04 10:45")
    laporan_ambil(laporan=laporan, user=staf)
    sebelum = potret(laporan)
    with pytest.raises(LaporanSudahDiproses) as galat:
        laporan_transisi(laporan=laporan, aksi="beri_petunjuk", user=kasi, data=data_sah("beri_petunjuk", laporan))
    assert str(galat.value) == (
        "Laporan ini sudah diproses oleh Kasi Pengganti pada 4 Mei 2026, 10.30 (Beri petunjuk kepada Staf); "
        "statusnya sekarang Penyusunan Daftar."
    )
    assert potret(laporan) == sebelum
