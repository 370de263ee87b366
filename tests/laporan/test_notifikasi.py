"""Pemberitahuan: hanya setelah transaksi tersimpan, kepada pelaksana langkah berikut, dalam aplikasi dan surel."""

import pytest
from django.core import mail
from django.db import transaction

from akun.models import Peran
from laporan import notifikasi
from laporan.models import Laporan, Notifikasi
from laporan.services import laporan_transisi
from tests.conftest import buat_pengguna
from tests.laporan.conftest import ALASAN, TAHUN, data_sah, potret

pytestmark = pytest.mark.django_db


@pytest.fixture
def pemeran_surel(pemeran, kasi_lain, staf_lain):
    """Semua pemeran punya alamat surel; ada Kasi dan Staf kedua, dan satu Kasi nonaktif."""
    for nama in ("kabid", "kasi", "staf", "sekretariat"):
        pemeran[nama].email = f"{pemeran[nama].username}@sumbarprov.go.id"
        pemeran[nama].save()
    buat_pengguna("kasi-lama", Peran.KASI_KIP, nama="Kasi Purnatugas", email="lama@sumbarprov.go.id", is_active=False)
    return pemeran | {"kasi_lain": kasi_lain, "staf_lain": staf_lain}


def jalankan(laporan, aksi, user, captured, *, staf=None):
    with captured(execute=True) as callbacks:
        laporan = laporan_transisi(laporan=laporan, aksi=aksi, user=user, data=data_sah(aksi, laporan, staf=staf))
    return laporan, callbacks


# aksi, status awal, pelaku, yang diberi tahu: semua pemegang peran langkah berikut yang aktif, kecuali pelakunya
# sendiri (Staf yang menutup Daftar tidak diberi tahu bahwa kini giliran Staf); aksi penutup tidak memberi tahu.
KIRIM = [
    ("beri_arahan", "disposisi_kabid", "kabid", ["kasi", "kasi_lain"]),
    ("beri_petunjuk", "disposisi_kasi", "kasi", ["staf", "staf_lain"]),
    ("selesaikan_daftar", "daftar", "staf", ["staf_lain"]),
    ("laporkan_hitungan", "hitung", "staf", ["kasi", "kasi_lain"]),
    ("sampaikan_laporan", "laporan", "kasi", ["kabid"]),
    ("sampaikan_lakip_bidang", "lakip_bidang", "kabid", ["sekretariat"]),
    ("kembalikan_ke_staf", "laporan", "kasi", ["staf", "staf_lain"]),
    ("kembalikan_ke_kasi", "lakip_bidang", "kabid", ["kasi", "kasi_lain"]),
    ("kembalikan_ke_kabid", "lakip_dinas", "sekretariat", ["kabid"]),
    ("terima", "lakip_dinas", "sekretariat", []),
    ("batalkan", "daftar", "kabid", []),
]


@pytest.mark.parametrize(("aksi", "status", "pelaku", "diberi_tahu"), KIRIM, ids=[k[0] for k in KIRIM])
def test_pelaksana_langkah_berikut_diberi_tahu(
    buat_laporan, pemeran_surel, django_capture_on_commit_callbacks, aksi, status, pelaku, diberi_tahu
):
    laporan = buat_laporan(status)
    mail.outbox.clear()
    laporan, callbacks = jalankan(laporan, aksi, pemeran_surel[pelaku], django_capture_on_commit_callbacks)

    penerima = [pemeran_surel[nama] for nama in diberi_tahu]
    assert sorted(Notifikasi.objects.filter(laporan=laporan).values_list("penerima", flat=True)) == sorted(
        p.pk for p in penerima
    )
    assert sorted(tuple(pesan.to) for pesan in mail.outbox) == sorted((p.email,) for p in penerima)
    if not penerima:
        assert callbacks == []


def test_pemegang_dua_peran_tidak_diberi_tahu_tentang_aksinya_sendiri(
    buat_laporan, kasi, kasi_lain, django_capture_on_commit_callbacks
):
    rangkap = buat_pengguna("rangkap", Peran.STAF, Peran.KASI_KIP, email="rangkap@sumbarprov.go.id")
    laporan = buat_laporan("hitung")
    mail.outbox.clear()
    jalankan(laporan, "laporkan_hitungan", rangkap, django_capture_on_commit_callbacks)
    assert set(Notifikasi.objects.values_list("penerima", flat=True)) == {kasi.pk, kasi_lain.pk}
    assert all(pesan.to != ["rangkap@sumbarprov.go.id"] for pesan in mail.outbox)


def test_pemberitahuan_pengembalian_membawa_alasannya(buat_laporan, kasi, staf, django_capture_on_commit_callbacks):
    laporan = buat_laporan("laporan")
    with django_capture_on_commit_callbacks(execute=True):
        laporan_transisi(laporan=laporan, aksi="kembalikan_ke_staf", user=kasi, data={"alasan": ALASAN})
    assert Notifikasi.objects.get(penerima=staf).pesan == (
        f"Kembalikan kepada Staf oleh Kasi; sekarang giliran Anda: Penyusunan Daftar. Alasan: {ALASAN}"
    )


def test_isi_pemberitahuan_dan_surel(buat_laporan, kabid, kasi, django_capture_on_commit_callbacks, settings):
    settings.ALAMAT_SITUS = "https://sop-kinerja.sumbarprov.go.id/"
    kasi.email = "kasi@sumbarprov.go.id"
    kasi.save()
    laporan = buat_laporan()
    jalankan(laporan, "beri_arahan", kabid, django_capture_on_commit_callbacks)

    catatan = Notifikasi.objects.get()
    assert catatan.penerima == kasi
    assert catatan.laporan == laporan
    assert catatan.pesan == "Beri arahan kepada Kasi KIP oleh Kabid; sekarang giliran Anda: Petunjuk Kasi KIP."
    assert catatan.dibaca_pada is None

    (surel,) = mail.outbox
    assert surel.to == ["kasi@sumbarprov.go.id"]
    assert surel.subject == f"[SOP Kinerja] Laporan Triwulan I {TAHUN}: {catatan.pesan}"
    assert "Yth. Kasi," in surel.body
    assert f"https://sop-kinerja.sumbarprov.go.id/laporan/{laporan.pk}/" in surel.body


def test_tidak_ada_yang_dikirim_sebelum_transaksi_tersimpan(
    buat_laporan, kabid, pemeran_surel, django_capture_on_commit_callbacks
):
    laporan = buat_laporan()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        laporan_transisi(laporan=laporan, aksi="beri_arahan", user=kabid, data=data_sah("beri_arahan", laporan))
    assert len(callbacks) == 1
    assert not Notifikasi.objects.exists()
    assert mail.outbox == []

    # Saat transaksi tersimpan (di sini: menjalankan callback yang tertahan), barulah semuanya dikirim.
    callbacks[0]()
    assert Notifikasi.objects.count() == 2
    assert len(mail.outbox) == 2


def test_transaksi_yang_batal_tidak_mengirim_apa_pun(
    buat_laporan, kabid, pemeran_surel, django_capture_on_commit_callbacks
):
    laporan = buat_laporan()
    sebelum = potret(laporan)
    mail.outbox.clear()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        laporan_transisi(laporan=laporan, aksi="beri_arahan", user=kabid, data=data_sah("beri_arahan", laporan))
        raise RuntimeError("gagal sesudah transisi, mis. langkah lain dalam permintaan yang sama")
    assert callbacks == []
    assert not Notifikasi.objects.exists()
    assert mail.outbox == []
    assert potret(laporan) == sebelum


def test_pengguna_tanpa_surel_tetap_mendapat_pemberitahuan_dalam_aplikasi(
    buat_laporan, kabid, kasi, kasi_lain, django_capture_on_commit_callbacks
):
    assert kasi.email == ""
    laporan = buat_laporan()
    mail.outbox.clear()
    jalankan(laporan, "beri_arahan", kabid, django_capture_on_commit_callbacks)
    assert set(Notifikasi.objects.values_list("penerima", flat=True)) == {kasi.pk, kasi_lain.pk}
    assert [pesan.to for pesan in mail.outbox] == [["kasi2@sumbarprov.go.id"]]


def test_pengguna_nonaktif_tidak_mendapat_apa_pun(buat_laporan, kabid, kasi, django_capture_on_commit_callbacks):
    nonaktif = buat_pengguna("kasi-lama", Peran.KASI_KIP, email="lama@sumbarprov.go.id", is_active=False)
    laporan = buat_laporan()
    mail.outbox.clear()
    jalankan(laporan, "beri_arahan", kabid, django_capture_on_commit_callbacks)
    assert not Notifikasi.objects.filter(penerima=nonaktif).exists()
    assert Notifikasi.objects.filter(penerima=kasi).exists()
    assert all("lama@sumbarprov.go.id" not in pesan.to for pesan in mail.outbox)


def test_staf_ditunjuk_yang_sudah_nonaktif_tidak_diberi_tahu(
    buat_laporan, kasi, staf, staf_lain, django_capture_on_commit_callbacks
):
    """Staf yang ditunjuk pada Langkah 2 lalu dinonaktifkan (pindah tugas) tidak menerima surel lagi ketika
    Kasi mengembalikan Daftar; langkahnya kembali terbuka bagi Staf lain."""
    staf.email = "staf@sumbarprov.go.id"
    staf.save()
    laporan = buat_laporan("laporan", staf_ditunjuk=staf)
    staf.is_active = False
    staf.save()
    mail.outbox.clear()
    jalankan(laporan, "kembalikan_ke_staf", kasi, django_capture_on_commit_callbacks)
    assert not Notifikasi.objects.filter(penerima=staf).exists()
    assert all("staf@sumbarprov.go.id" not in pesan.to for pesan in mail.outbox)
    # Penugasan gugur bersama akunnya: Staf lain yang aktif diberi tahu dan boleh mengerjakan.
    assert Notifikasi.objects.filter(penerima=staf_lain).exists()
    laporan.refresh_from_db()
    assert laporan.alasan_ditolak(staf_lain, "selesaikan_daftar") is None


def test_surel_yang_gagal_tidak_menggagalkan_siklus(
    buat_laporan, kabid, kasi, kasi_lain, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    """Server SMTP (dunia luar) menolak sambungan: pemberitahuan dalam aplikasi tetap tercatat."""

    def smtp_mati(**kwargs):
        raise ConnectionRefusedError("SMTP tidak dapat dihubungi")

    monkeypatch.setattr(notifikasi, "send_mail", smtp_mati)
    laporan = buat_laporan()
    laporan, _ = jalankan(laporan, "beri_arahan", kabid, django_capture_on_commit_callbacks)
    assert Laporan.objects.get(pk=laporan.pk).status == "disposisi_kasi"
    assert set(Notifikasi.objects.values_list("penerima", flat=True)) == {kasi.pk, kasi_lain.pk}
    assert "Surel notifikasi" in caplog.text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_dengan_transaksi_sungguhan(kabid, kasi):
    """Tanpa pembungkus transaksi uji: commit sungguhan mengirim, rollback sungguhan tidak."""
    kasi.email = "kasi@sumbarprov.go.id"
    kasi.save()
    from laporan.services import laporan_buat

    laporan = laporan_buat(user=kabid, tahun=TAHUN, periode="TRIWULAN_1")
    mail.outbox.clear()

    with pytest.raises(RuntimeError), transaction.atomic():
        laporan_transisi(laporan=laporan, aksi="beri_arahan", user=kabid, data=data_sah("beri_arahan", laporan))
        raise RuntimeError("batal")
    assert Laporan.objects.get(pk=laporan.pk).status == "disposisi_kabid"
    assert not Notifikasi.objects.exists()
    assert mail.outbox == []

    laporan_transisi(laporan=laporan, aksi="beri_arahan", user=kabid, data=data_sah("beri_arahan", laporan))
    assert list(Notifikasi.objects.values_list("penerima", flat=True)) == [kasi.pk]
    assert [pesan.to for pesan in mail.outbox] == [["kasi@sumbarprov.go.id"]]


def test_batalkan_dengan_alasan_tidak_memberi_tahu_siapa_pun(
    buat_laporan, kabid, pemeran_surel, django_capture_on_commit_callbacks
):
    laporan = buat_laporan("laporan")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        laporan_transisi(laporan=laporan, aksi="batalkan", user=kabid, data={"alasan": ALASAN})
    assert callbacks == []
    assert not Notifikasi.objects.exists()


def test_alasan_bergaris_banyak_tidak_menggagalkan_surel(buat_laporan, kasi, staf, django_capture_on_commit_callbacks):
    """Judul surel satu baris walau alasan pengembalian diketik beberapa baris; alasannya tetap di isi surel."""
    staf.email = "staf@sumbarprov.go.id"
    staf.save()
    laporan = buat_laporan("laporan")
    mail.outbox.clear()
    alasan = "Baris Februari belum ada.\nData dukung Dinas Sosial\r\nbelum diunggah."
    with django_capture_on_commit_callbacks(execute=True):
        laporan_transisi(laporan=laporan, aksi="kembalikan_ke_staf", user=kasi, data={"alasan": alasan})
    surel = next(pesan for pesan in mail.outbox if "staf@sumbarprov.go.id" in pesan.to)
    assert "\n" not in surel.subject
    assert "Data dukung Dinas Sosial" in surel.body
