"""Invarian data: batasan basis data, status PKS, dan status PKS per baris Daftar."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from pemanfaatan.models import (
    JenisOpd,
    JenisPemanfaatan,
    MetodeAkses,
    Opd,
    Pemanfaatan,
    PerjanjianKerjaSama,
    StatusPks,
    StatusPksPemanfaatan,
)

pytestmark = pytest.mark.django_db


def baris(opd, staf, **ubah) -> Pemanfaatan:
    data = {
        "opd": opd,
        "jenis": JenisPemanfaatan.NIK,
        "tahun": 2026,
        "bulan": 3,
        "keperluan": "Verifikasi peserta JKN",
        "metode_akses": MetodeAkses.WEB_SERVICE,
        "jumlah": 10,
        "created_by": staf,
        "updated_by": staf,
    }
    data.update(ubah)
    return Pemanfaatan(**data)


def test_jumlah_negatif_ditolak_basis_data(opd, staf):
    with pytest.raises(IntegrityError), transaction.atomic():
        Pemanfaatan.objects.bulk_create([baris(opd, staf, jumlah=0)])
        Pemanfaatan.objects.filter(opd=opd).update(jumlah=-1)


def test_bulan_di_luar_1_12_ditolak_basis_data(opd, staf):
    with pytest.raises(IntegrityError), transaction.atomic():
        Pemanfaatan.objects.bulk_create([baris(opd, staf, bulan=13)])


def test_baris_ganda_ditolak_walau_beda_huruf_besar(opd, staf):
    baris(opd, staf).save()
    with pytest.raises(IntegrityError), transaction.atomic():
        baris(opd, staf, keperluan="VERIFIKASI PESERTA JKN").save()
    with pytest.raises(ValidationError) as galat:
        baris(opd, staf, keperluan="verifikasi peserta jkn").full_clean()
    assert "sudah ada" in str(galat.value)


def test_baris_beda_metode_bukan_ganda(opd, staf):
    baris(opd, staf).save()
    baris(opd, staf, metode_akses=MetodeAkses.WEB_PORTAL).save()
    assert Pemanfaatan.objects.count() == 2


def test_nama_opd_unik_tanpa_memandang_huruf_besar(opd):
    with pytest.raises(IntegrityError), transaction.atomic():
        Opd.objects.create(kode="9.99", nama="DINAS KESEHATAN", jenis=JenisOpd.DINAS)


def test_kode_opd_unik(opd):
    with pytest.raises(IntegrityError), transaction.atomic():
        Opd.objects.create(kode=opd.kode, nama="Dinas Lain", jenis=JenisOpd.DINAS)


def test_pks_masa_berlaku_harus_urut(opd):
    with pytest.raises(IntegrityError), transaction.atomic():
        PerjanjianKerjaSama.objects.create(
            nomor="X/1",
            opd=opd,
            tanggal=datetime.date(2024, 1, 1),
            berlaku_mulai=datetime.date(2024, 1, 1),
            berlaku_sampai=datetime.date(2023, 12, 31),
            lingkup_nik=True,
        )


def test_pks_harus_punya_ruang_lingkup(opd):
    with pytest.raises(IntegrityError), transaction.atomic():
        PerjanjianKerjaSama.objects.create(
            nomor="X/2",
            opd=opd,
            tanggal=datetime.date(2024, 1, 1),
            berlaku_mulai=datetime.date(2024, 1, 1),
            berlaku_sampai=datetime.date(2025, 1, 1),
        )


@pytest.mark.parametrize(
    ("mulai", "sampai", "status"),
    [
        (datetime.date(2020, 1, 1), datetime.date(2026, 6, 14), StatusPks.BERAKHIR),  # kemarin
        (datetime.date(2020, 1, 1), datetime.date(2026, 6, 15), StatusPks.SEGERA_BERAKHIR),  # hari ini
        (datetime.date(2020, 1, 1), datetime.date(2026, 9, 13), StatusPks.SEGERA_BERAKHIR),  # +90 hari
        (datetime.date(2020, 1, 1), datetime.date(2026, 9, 14), StatusPks.AKTIF),  # +91 hari
        (datetime.date(2026, 7, 1), datetime.date(2030, 1, 1), StatusPks.BELUM_BERLAKU),
    ],
)
def test_status_pks_sama_di_python_dan_basis_data(opd, mulai, sampai, status):
    hari_ini = datetime.date(2026, 6, 15)
    pks = PerjanjianKerjaSama.objects.create(
        nomor="470/1/2020", opd=opd, tanggal=mulai, berlaku_mulai=mulai, berlaku_sampai=sampai, lingkup_nik=True
    )
    assert pks.status_pada(hari_ini) == status
    assert PerjanjianKerjaSama.objects.with_status(hari_ini).get(pk=pks.pk).status == status


@pytest.mark.parametrize(
    ("ubah", "status"),
    [
        ({"pks": None}, StatusPksPemanfaatan.TANPA_PKS),
        ({"tahun": 2023, "bulan": 12}, StatusPksPemanfaatan.TIDAK_BERLAKU),  # sebelum PKS berlaku
        ({"tahun": 2029, "bulan": 2}, StatusPksPemanfaatan.TIDAK_BERLAKU),  # setelah PKS berakhir
        ({"tahun": 2024, "bulan": 1}, StatusPksPemanfaatan.SAH),  # bulan mulai berlaku (2 Januari)
        ({"tahun": 2029, "bulan": 1}, StatusPksPemanfaatan.SAH),  # bulan berakhir (1 Januari)
        ({"jenis": JenisPemanfaatan.KTP_EL}, StatusPksPemanfaatan.TIDAK_MENCAKUP),
        ({}, StatusPksPemanfaatan.SAH),
    ],
)
def test_status_pks_baris_sama_di_python_dan_basis_data(opd, pks, staf, ubah, status):
    data = {"pks": pks, **ubah}
    objek = baris(opd, staf, **data)
    objek.save()
    assert objek.status_pks_hitung() == status
    assert Pemanfaatan.objects.with_status_pks().get(pk=objek.pk).status_pks == status


def test_riwayat_mencatat_setiap_perubahan(pemanfaatan, staf):
    pemanfaatan.jumlah = 2000
    pemanfaatan._history_user = staf
    pemanfaatan.save()
    riwayat = list(pemanfaatan.history.order_by("history_date"))
    assert [r.history_type for r in riwayat] == ["+", "~"]
    assert [r.jumlah for r in riwayat] == [1250, 2000]
    assert riwayat[-1].history_user == staf
