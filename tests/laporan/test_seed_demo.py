"""Perintah `seed_demo`: data demo yang realistis, aman dijalankan ulang, dan tidak pernah masuk produksi diam-diam."""

import csv
import datetime
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import F, Sum
from django.utils import timezone

from akun.models import Pengguna, Peran
from akun.validators import validasi_nip
from laporan import demo
from laporan.models import ArsipDokumen, Laporan, RekapPemanfaatan, RiwayatLaporan
from laporan.sop import Aksi, StatusLaporan
from pemanfaatan.models import (
    JenisPemanfaatan,
    MetodeAkses,
    Opd,
    Pemanfaatan,
    PerjanjianKerjaSama,
    StatusPks,
    StatusPksPemanfaatan,
    TujuanPemanfaatan,
)

FIXTURE = Path(__file__).resolve().parents[2] / "pemanfaatan" / "fixtures" / "opd_sumbar.csv"
PERAN_DEMO = {
    "kabid": Peran.KABID,
    "kasi": Peran.KASI_KIP,
    "staf": Peran.STAF,
    "sekretariat": Peran.SEKRETARIAT,
}

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _debug(settings, monkeypatch):
    # pytest-django mematikan DEBUG; demo lokal berjalan dengan DEBUG hidup.
    settings.DEBUG = True
    monkeypatch.delenv("KATA_SANDI_DEMO", raising=False)


def jalankan(*args: str) -> str:
    keluaran = StringIO()
    call_command("seed_demo", *args, stdout=keluaran)
    return keluaran.getvalue()


def baris_fixture() -> list[dict[str, str]]:
    with FIXTURE.open(newline="", encoding="utf-8") as berkas:
        return list(csv.DictReader(berkas))


def dua_puluh_empat_bulan(hari_ini: datetime.date) -> set[tuple[int, int]]:
    tahun, bulan, hasil = hari_ini.year, hari_ini.month, set()
    for _ in range(24):
        hasil.add((tahun, bulan))
        tahun, bulan = (tahun - 1, 12) if bulan == 1 else (tahun, bulan - 1)
    return hasil


def potret() -> dict:
    """Semua yang tidak boleh berubah bila perintah dijalankan ulang."""
    return {
        "opd": sorted(Opd.objects.values_list("kode", "nama", "jenis", "singkatan")),
        "pks": sorted(PerjanjianKerjaSama.objects.values_list("nomor", "berlaku_mulai", "berlaku_sampai")),
        "pemanfaatan": sorted(
            Pemanfaatan.objects.values_list("opd__kode", "jenis", "tahun", "bulan", "keperluan", "jumlah", "pks__nomor")
        ),
        "pengguna": sorted(Pengguna.objects.values_list("username", "password", "nama", "nip")),
        "keanggotaan": sorted(Pengguna.objects.values_list("username", "groups__name")),
        "riwayat_pks": PerjanjianKerjaSama.history.count(),
        "riwayat_pemanfaatan": Pemanfaatan.history.count(),
    }


def kata_sandi_tercetak(keluaran: str, username: str) -> str:
    cocok = re.search(rf"^\s+{username}\s+.+?\s+(\S+)$", keluaran, re.MULTILINE)
    assert cocok, f"{username} tidak ada dalam tabel login:\n{keluaran}"
    return cocok.group(1)


def test_fixture_opd_berisi_52_opd_sumatera_barat():
    baris = baris_fixture()
    assert len(baris) == 52
    assert len({b["kode"] for b in baris}) == 52
    assert list(baris[0]) == ["kode", "nama", "jenis", "singkatan"]
    assert {p.kode for p in demo.PROFIL} <= {b["kode"] for b in baris}


def test_memuat_semua_opd_dari_fixture():
    jalankan()

    harapan = {(b["kode"], b["nama"], b["jenis"], b["singkatan"]) for b in baris_fixture()}
    assert set(Opd.objects.values_list("kode", "nama", "jenis", "singkatan")) == harapan
    assert Opd.objects.count() == 52
    assert Opd.objects.get(kode="1.02.0.00.0.00.01.0000").singkatan == "Dinkes"
    assert Opd.objects.get(kode="4.01.BIRO.02").jenis == "Biro"


def test_opd_yang_diubah_dikembalikan_ke_fixture():
    jalankan()
    Opd.objects.filter(kode="5.02.0.00.0.00.02.0000").update(singkatan="salah")

    keluaran = jalankan()

    assert Opd.objects.get(kode="5.02.0.00.0.00.02.0000").singkatan == "Bapenda"
    assert "OPD: 0 dibuat, 1 diperbarui dari fixture, 51 sudah ada." in keluaran


def test_pks_beragam_status_dan_sebagian_opd_tanpa_pks():
    jalankan()

    status = set(PerjanjianKerjaSama.objects.with_status().values_list("status", flat=True))
    assert {StatusPks.AKTIF, StatusPks.SEGERA_BERAKHIR, StatusPks.BERAKHIR} <= status
    tanpa_pks = Opd.objects.filter(pks__isnull=True).count()
    assert 0.1 * 52 <= tanpa_pks <= 0.3 * 52
    assert not Opd.objects.get(kode="2.12.0.00.0.00.01.0000").pks.exists()  # Dinas Dukcapil sendiri
    for pks in PerjanjianKerjaSama.objects.all():
        assert re.fullmatch(r"470/\d{3}/Dukcapil-PIAK/\d{4}", pks.nomor)
        assert pks.nomor.endswith(str(pks.tanggal.year))
        assert pks.tanggal <= pks.berlaku_mulai < pks.berlaku_sampai
        assert pks.tujuan and set(pks.tujuan) <= set(TujuanPemanfaatan.values)
        assert pks.metode_akses and set(pks.metode_akses) <= set(MetodeAkses.values)
        pks.full_clean()


def test_pemanfaatan_mencakup_dua_puluh_empat_bulan_terakhir():
    jalankan()

    bulan = set(Pemanfaatan.objects.values_list("tahun", "bulan").distinct())
    assert bulan == dua_puluh_empat_bulan(timezone.localdate())
    assert set(Pemanfaatan.objects.values_list("jenis", flat=True)) == set(JenisPemanfaatan.values)
    assert not Pemanfaatan.objects.filter(jumlah=0).exists()
    for baris in Pemanfaatan.objects.all()[:20]:
        baris.full_clean()


def test_dua_puluh_empat_bulan_melintasi_pergantian_tahun():
    demo.demo_seed(hari_ini=datetime.date(2026, 2, 10))

    bulan = set(Pemanfaatan.objects.values_list("tahun", "bulan").distinct())
    assert bulan == dua_puluh_empat_bulan(datetime.date(2026, 2, 10))


def test_volume_realistis_per_opd():
    jalankan()

    def per_bulan(kode: str, jenis: JenisPemanfaatan) -> list[int]:
        baris = Pemanfaatan.objects.filter(opd__kode=kode, jenis=jenis)
        return list(baris.values("tahun", "bulan").annotate(total=Sum("jumlah")).values_list("total", flat=True))

    assert min(per_bulan("1.02.0.00.0.00.01.0000", JenisPemanfaatan.NIK)) >= 1000  # Dinkes: peserta JKN
    assert min(per_bulan("5.02.0.00.0.00.02.0000", JenisPemanfaatan.KTP_EL)) >= 1000  # Bapenda: card reader Samsat
    assert 100 <= min(per_bulan("5.03.0.00.0.00.01.0000", JenisPemanfaatan.NIK)) < 1000  # BKD: ratusan
    # Tidak setiap OPD ber-PKS memakai data setiap bulan.
    bulan_per_opd = [
        Pemanfaatan.objects.filter(opd=opd).values("tahun", "bulan").distinct().count()
        for opd in Opd.objects.filter(pks__isnull=False).distinct()
    ]
    assert 24 in bulan_per_opd
    assert sum(b < 24 for b in bulan_per_opd) >= 10


def test_sebagian_kecil_baris_tanpa_pks_sah():
    jalankan()

    status = list(Pemanfaatan.objects.with_status_pks().values_list("status_pks", flat=True))
    assert StatusPksPemanfaatan.TANPA_PKS in status
    assert StatusPksPemanfaatan.TIDAK_BERLAKU in status
    temuan = sum(s != StatusPksPemanfaatan.SAH for s in status)
    assert 0 < temuan < 0.1 * len(status)
    # PKS yang disebut selalu milik OPD baris itu sendiri.
    assert not Pemanfaatan.objects.exclude(pks=None).exclude(pks__opd=F("opd")).exists()


def test_riwayat_tercatat_atas_nama_staf_dan_kasi():
    jalankan()
    staf = Pengguna.objects.get(username="staf")
    kasi = Pengguna.objects.get(username="kasi")

    assert Pemanfaatan.history.filter(history_type="+").count() == Pemanfaatan.objects.count()
    assert set(Pemanfaatan.history.values_list("history_user", flat=True)) == {staf.pk}
    assert set(PerjanjianKerjaSama.history.values_list("history_user", flat=True)) == {kasi.pk}
    assert set(Pemanfaatan.objects.values_list("created_by", "updated_by").distinct()) == {(staf.pk, staf.pk)}


def test_menjalankan_ulang_tidak_mengubah_apa_pun():
    jalankan()
    sebelum = potret()

    keluaran = jalankan()

    assert potret() == sebelum
    assert "PKS: 0 dibuat" in keluaran
    assert "0 baris dibuat" in keluaran
    assert "Pengguna demo: 0 dibuat, 5 sudah ada." in keluaran
    assert "python manage.py changepassword kabid" in keluaran


def test_angka_sama_pada_basis_data_lain():
    jalankan()
    pertama = potret()["pemanfaatan"]
    Pemanfaatan.objects.all().delete()

    jalankan()

    assert potret()["pemanfaatan"] == pertama


def test_pengguna_demo_per_peran_dengan_nip_sah():
    keluaran = jalankan()

    for username, peran in PERAN_DEMO.items():
        pengguna = Pengguna.objects.get(username=username)
        assert list(pengguna.groups.values_list("name", flat=True)) == [peran.value]
        pengguna.full_clean()
        validasi_nip(pengguna.nip)
        assert pengguna.nama and pengguna.jabatan and pengguna.pangkat_golongan
        assert not pengguna.is_staff
        assert pengguna.check_password(kata_sandi_tercetak(keluaran, username))
    admin = Pengguna.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff and not admin.groups.exists()
    assert admin.check_password(kata_sandi_tercetak(keluaran, "admin"))
    assert "tidak akan ditampilkan lagi" in keluaran


def test_pengguna_yang_sudah_ada_tidak_diubah():
    lama = Pengguna.objects.create_user(username="kabid", password="sandi-lama-yang-panjang", nama="Kabid Lama")

    keluaran = jalankan()

    lama.refresh_from_db()
    assert lama.nama == "Kabid Lama"
    assert lama.check_password("sandi-lama-yang-panjang")
    assert not lama.groups.exists()
    assert "kabid sudah ada" in keluaran
    assert "python manage.py changepassword kabid" in keluaran
    assert not re.search(r"^\s+kabid\s+Kabid\s+\S+$", keluaran, re.MULTILINE)
    assert Pengguna.objects.get(username="kasi").groups.filter(name=Peran.KASI_KIP).exists()


def test_kata_sandi_bersama_juga_untuk_pengguna_yang_sudah_ada():
    jalankan()

    keluaran = jalankan("--kata-sandi", "sandi-demo-bersama")

    for username in [*PERAN_DEMO, "admin"]:
        assert Pengguna.objects.get(username=username).check_password("sandi-demo-bersama")
        assert kata_sandi_tercetak(keluaran, username) == "sandi-demo-bersama"


def test_kata_sandi_bersama_dari_variabel_lingkungan(monkeypatch):
    monkeypatch.setenv("KATA_SANDI_DEMO", "sandi-dari-lingkungan")

    jalankan()

    assert Pengguna.objects.get(username="staf").check_password("sandi-dari-lingkungan")


def test_kata_sandi_lemah_ditolak_sebelum_apa_pun_ditulis():
    with pytest.raises(CommandError, match="Kata sandi demo ditolak"):
        jalankan("--kata-sandi", "12345678")

    assert not Pengguna.objects.exists()
    assert not Opd.objects.exists()


def test_menolak_bila_debug_mati(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="--izinkan-produksi"):
        jalankan()

    assert not Pengguna.objects.exists()
    assert not Opd.objects.exists()
    assert not PerjanjianKerjaSama.objects.exists()
    assert not Pemanfaatan.objects.exists()


def test_debug_mati_dengan_izin_eksplisit(settings):
    settings.DEBUG = False

    keluaran = jalankan("--izinkan-produksi", "--kata-sandi", "sandi-server-pelatihan")

    assert Opd.objects.count() == 52
    assert Pemanfaatan.objects.exists()
    assert Pengguna.objects.get(username="sekretariat").check_password("sandi-server-pelatihan")
    # Kata sandi yang diberikan pemanggil tidak diulang ke log di luar DEBUG.
    assert "sandi-server-pelatihan" not in keluaran
    assert "(sesuai --kata-sandi/KATA_SANDI_DEMO)" in keluaran


def test_pks_tidak_digandakan_bila_dijalankan_pada_hari_lain():
    demo.demo_seed(hari_ini=datetime.date(2026, 12, 20))
    jumlah_pks = PerjanjianKerjaSama.objects.count()

    hasil = demo.demo_seed(hari_ini=datetime.date(2027, 1, 15))

    assert PerjanjianKerjaSama.objects.count() == jumlah_pks
    assert hasil.pks.dibuat == 0
    assert Pemanfaatan.objects.filter(tahun=2027, bulan=1).exists()


def test_dua_siklus_sop_demo_lewat_layanan_dan_tidak_digandakan():
    jalankan()
    keluaran = jalankan()

    tahun, periode = demo.siklus.triwulan_usai(timezone.localdate())[0]
    selesai = Laporan.objects.get(status=StatusLaporan.SELESAI)
    menunggu = Laporan.objects.get(status=StatusLaporan.LAPORAN)
    assert (selesai.tahun, selesai.periode) == (tahun, periode)
    assert Laporan.objects.count() == 2
    assert list(RiwayatLaporan.objects.filter(aksi=Aksi.KEMBALIKAN_KE_STAF).values_list("laporan", flat=True)) == [
        selesai.pk
    ]
    assert ArsipDokumen.objects.filter(laporan=selesai).count() == 4
    # Hitungan beku sama dengan Daftar periodenya.
    for laporan in (selesai, menunggu):
        daftar = Pemanfaatan.objects.filter(
            tahun=laporan.tahun, bulan__gte=laporan.bulan_awal, bulan__lte=laporan.bulan_akhir
        )
        beku = RekapPemanfaatan.objects.filter(laporan=laporan).aggregate(t=Sum("total_jumlah"))["t"]
        assert beku == daftar.aggregate(t=Sum("jumlah"))["t"] > 0
    assert "Siklus SOP sudah ada" in keluaran


def test_siklus_demo_dilewati_bila_pengguna_demo_tidak_berperan():
    Pengguna.objects.create_user(username="kabid", password="sandi-lama-yang-panjang", nama="Kabid Lama")

    keluaran = jalankan()

    assert not Laporan.objects.exists()
    assert "siklus SOP demo tidak dibuat karena pengguna kabid tidak berperan Kepala Bidang" in keluaran
