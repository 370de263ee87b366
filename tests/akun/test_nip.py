import pytest
from django.core.exceptions import ValidationError

from akun.forms import PenggunaCreationForm
from akun.validators import format_nip, validasi_nip


@pytest.mark.parametrize(
    "nip",
    [
        "196804151989021001",
        "19680415 198902 1 001",
        "199012312015122002",
        "200002292024011123",  # 29 Februari tahun kabisat
    ],
)
def test_nip_sah_diterima(nip):
    validasi_nip(nip)


@pytest.mark.parametrize(
    ("nip", "kode"),
    [
        ("19680415198902100", "panjang"),  # 17 angka
        ("1968041519890210011", "panjang"),  # 19 angka
        ("19680415198902100A", "panjang"),
        ("196813151989021001", "tanggal_lahir"),  # bulan 13
        ("196802301989021001", "tanggal_lahir"),  # 30 Februari
        ("199902291989021001", "tanggal_lahir"),  # 29 Februari bukan kabisat
        ("209901011989021001", "tanggal_lahir"),  # lahir di masa depan
        ("196804151989001001", "tmt"),  # bulan pengangkatan 00
        ("196804151989023001", "jenis_kelamin"),  # angka ke-15 = 3
        ("196804151989020001", "jenis_kelamin"),  # angka ke-15 = 0
    ],
)
def test_nip_keliru_ditolak_dengan_alasan(nip, kode):
    with pytest.raises(ValidationError) as galat:
        validasi_nip(nip)
    assert galat.value.code == kode


def test_format_nip_berkelompok():
    assert format_nip("196804151989021001") == "19680415 198902 1 001"


@pytest.mark.django_db
def test_formulir_pengguna_menyimpan_nip_tanpa_spasi():
    form = PenggunaCreationForm(
        data={
            "username": "irwan",
            "nama": "Irwan",
            "nip": "19680415 198902 1 001",
            "password1": "kata-sandi-panjang-sekali",
            "password2": "kata-sandi-panjang-sekali",
        }
    )
    assert form.is_valid(), form.errors
    assert form.save().nip == "196804151989021001"


@pytest.mark.django_db
def test_formulir_pengguna_menolak_nip_keliru_dalam_bahasa_indonesia():
    form = PenggunaCreationForm(
        data={
            "username": "irwan",
            "nama": "Irwan",
            "nip": "196804151989023001",
            "password1": "kata-sandi-panjang-sekali",
            "password2": "kata-sandi-panjang-sekali",
        }
    )
    assert not form.is_valid()
    assert "jenis kelamin" in str(form.errors["nip"])


@pytest.mark.django_db
def test_nip_tidak_boleh_dipakai_dua_pengguna(kabid):
    form = PenggunaCreationForm(
        data={
            "username": "lain",
            "nama": "Lain",
            "nip": kabid.nip,
            "password1": "kata-sandi-panjang-sekali",
            "password2": "kata-sandi-panjang-sekali",
        }
    )
    assert not form.is_valid()
    assert "sudah dipakai" in str(form.errors)
