"""Pemeran tetap untuk semua uji: satu pengguna per peran, ditambah satu tanpa peran."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from akun.models import Pengguna, Peran
from pemanfaatan.models import JenisOpd, JenisPemanfaatan, MetodeAkses, Opd, Pemanfaatan, PerjanjianKerjaSama

KATA_SANDI = "sandi-uji-yang-cukup-panjang"


@pytest.fixture(autouse=True)
def _media_sementara(settings, tmp_path):
    """Berkas unggahan tiap uji ke folder sementaranya sendiri."""
    settings.MEDIA_ROOT = tmp_path / "media"


def buat_pengguna(username: str, *peran: Peran, **data) -> Pengguna:
    pengguna = Pengguna.objects.create_user(
        username=username, password=KATA_SANDI, nama=data.pop("nama", username.title()), **data
    )
    pengguna.groups.set(Group.objects.filter(name__in=[p.value for p in peran]))
    return pengguna


@pytest.fixture
def kabid(db):
    return buat_pengguna("kabid", Peran.KABID, nip="196804151989021001", jabatan="Kepala Bidang")


@pytest.fixture
def kasi(db):
    return buat_pengguna("kasi", Peran.KASI_KIP)


@pytest.fixture
def staf(db):
    return buat_pengguna("staf", Peran.STAF)


@pytest.fixture
def sekretariat(db):
    return buat_pengguna("sekretariat", Peran.SEKRETARIAT)


@pytest.fixture
def tanpa_peran(db):
    return buat_pengguna("tamu")


@pytest.fixture
def opd(db):
    return Opd.objects.create(kode="1.02.0.00.0.00.01.0000", nama="Dinas Kesehatan", jenis=JenisOpd.DINAS)


@pytest.fixture
def opd_lain(db):
    return Opd.objects.create(kode="1.06.0.00.0.00.01.0000", nama="Dinas Sosial", jenis=JenisOpd.DINAS)


@pytest.fixture
def pks(opd):
    return PerjanjianKerjaSama.objects.create(
        nomor="120/01/PKS-DUKCAPIL/2024",
        opd=opd,
        tanggal=datetime.date(2024, 1, 2),
        berlaku_mulai=datetime.date(2024, 1, 2),
        berlaku_sampai=datetime.date(2029, 1, 1),
        lingkup_data_kependudukan=True,
        lingkup_nik=True,
        lingkup_ktp_el=False,
        tujuan=["PELAYANAN_PUBLIK"],
        metode_akses=["WEB_SERVICE"],
    )


@pytest.fixture
def pemanfaatan(opd, pks, staf):
    return Pemanfaatan.objects.create(
        opd=opd,
        jenis=JenisPemanfaatan.NIK,
        tahun=2026,
        bulan=3,
        keperluan="Verifikasi peserta JKN",
        metode_akses=MetodeAkses.WEB_SERVICE,
        pks=pks,
        jumlah=1250,
        created_by=staf,
        updated_by=staf,
    )


def baris_daftar(opd, jenis, bulan, jumlah, *, pks=None, tahun=2026, keperluan="Layanan", oleh) -> Pemanfaatan:
    return Pemanfaatan.objects.create(
        opd=opd,
        jenis=jenis,
        tahun=tahun,
        bulan=bulan,
        keperluan=keperluan,
        metode_akses=MetodeAkses.WEB_SERVICE,
        pks=pks,
        jumlah=jumlah,
        created_by=oleh,
        updated_by=oleh,
    )


# --- Jam yang dapat diatur ----------------------------------------------------------------------

WIB = datetime.timezone(datetime.timedelta(hours=7), "WIB")


class Jam:
    """Pengganti `django.utils.timezone.now`: layanan, auto_now_add dan localdate membaca jam ini."""

    def __init__(self, mulai: datetime.datetime):
        self.sekarang = mulai

    def atur(self, teks: str) -> datetime.datetime:
        """Mis. "2026-05-04 08:00" dalam WIB."""
        self.sekarang = datetime.datetime.fromisoformat(teks).replace(tzinfo=WIB)
        return self.sekarang

    def __call__(self) -> datetime.datetime:
        return self.sekarang.astimezone(datetime.UTC)


@pytest.fixture
def jam(monkeypatch):
    jam = Jam(datetime.datetime(2026, 5, 4, 8, 0, tzinfo=WIB))
    monkeypatch.setattr(timezone, "now", jam)
    return jam
