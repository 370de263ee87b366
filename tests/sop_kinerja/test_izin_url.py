"""Tabel izin yang ditulis tangan: setiap URL × tamu dan setiap peran → status yang diharapkan.

Tabel ini sengaja tidak diturunkan dari kode yang diuji. Kolom: anonim, tanpa peran, Kabid,
Kasi KIP, Staf, Sekretariat. 302 untuk anonim berarti dialihkan ke halaman masuk.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from laporan.models import Iku, LangkahLaporan, Laporan, RiwayatLaporan
from laporan.services import laporan_buat
from laporan.sop import Periode
from pemanfaatan.models import (
    DataDukung,
    ImporPemanfaatan,
    JenisBerkas,
    Opd,
    Pemanfaatan,
    PerjanjianKerjaSama,
    StatusImpor,
)

PERAN = ["anonim", "tanpa_peran", "kabid", "kasi", "staf", "sekretariat"]

# (nama URL, argumen, status untuk: anonim, tanpa_peran, kabid, kasi, staf, sekretariat)
TABEL_GET = [
    ("beranda", None, (302, 200, 200, 200, 200, 200)),
    ("password_change", None, (302, 200, 200, 200, 200, 200)),
    ("pemanfaatan:opd_list", None, (302, 403, 200, 200, 200, 200)),
    ("pemanfaatan:opd_detail", "opd", (302, 403, 200, 200, 200, 200)),
    ("pemanfaatan:opd_tambah", None, (302, 403, 403, 200, 403, 403)),
    ("pemanfaatan:opd_ubah", "opd", (302, 403, 403, 200, 403, 403)),
    ("pemanfaatan:pks_list", None, (302, 403, 200, 200, 200, 200)),
    ("pemanfaatan:pks_detail", "pks", (302, 403, 200, 200, 200, 200)),
    ("pemanfaatan:pks_dokumen", "pks", (302, 403, 200, 200, 200, 200)),
    ("pemanfaatan:pks_tambah", None, (302, 403, 403, 200, 403, 403)),
    ("pemanfaatan:pks_ubah", "pks", (302, 403, 403, 200, 403, 403)),
    ("pemanfaatan:pks_hapus", "pks", (302, 403, 403, 200, 403, 403)),
    ("pemanfaatan:daftar", None, (302, 403, 200, 200, 200, 200)),
    ("pemanfaatan:pemanfaatan_detail", "pemanfaatan", (302, 403, 200, 200, 200, 200)),
    ("pemanfaatan:pemanfaatan_tambah", None, (302, 403, 403, 200, 200, 403)),
    ("pemanfaatan:pemanfaatan_ubah", "pemanfaatan", (302, 403, 403, 200, 200, 403)),
    ("pemanfaatan:pemanfaatan_hapus", "pemanfaatan", (302, 403, 403, 200, 200, 403)),
    ("pemanfaatan:data_dukung_unduh", "data_dukung", (302, 403, 200, 200, 200, 200)),
    ("pemanfaatan:data_dukung_hapus", "data_dukung", (302, 403, 403, 200, 200, 403)),
    ("pemanfaatan:impor", None, (302, 403, 403, 200, 200, 403)),
    ("pemanfaatan:impor_templat", None, (302, 403, 403, 200, 200, 403)),
    # Pratinjau impor milik Staf: Kasi KIP pun tidak melihat pratinjau orang lain (404).
    ("pemanfaatan:impor_pratinjau", "impor", (302, 403, 403, 404, 200, 403)),
    ("laporan:tugas", None, (302, 200, 200, 200, 200, 200)),
    ("laporan:notifikasi", None, (302, 200, 200, 200, 200, 200)),
    ("laporan:list", None, (302, 403, 200, 200, 200, 200)),
    ("laporan:baru", None, (302, 403, 200, 403, 403, 403)),
    ("laporan:detail", "laporan", (302, 403, 200, 200, 200, 200)),
    # Laporan berstatus disposisi_kabid: hanya Kabid yang boleh membuka formulir arahan.
    ("laporan:aksi", ("laporan", "beri_arahan"), (302, 403, 200, 403, 403, 403)),
    ("laporan:aksi", ("laporan", "batalkan"), (302, 403, 200, 403, 403, 403)),
    ("laporan:iku_list", None, (302, 403, 200, 200, 200, 200)),
    ("laporan:dasbor", None, (302, 403, 200, 200, 200, 200)),
    ("laporan:dasbor_xlsx", None, (302, 403, 200, 200, 200, 200)),
    ("laporan:iku_tambah", None, (302, 403, 200, 403, 403, 403)),
    ("laporan:target_tambah", None, (302, 403, 200, 403, 403, 403)),
]

# Tindakan POST yang mengubah data: yang ditolak harus 403 (atau dialihkan ke login bila anonim).
TABEL_POST_DITOLAK = [
    ("pemanfaatan:opd_tambah", None, ("anonim", "tanpa_peran", "kabid", "staf", "sekretariat")),
    ("pemanfaatan:pks_hapus", "pks", ("anonim", "tanpa_peran", "kabid", "staf", "sekretariat")),
    ("pemanfaatan:pemanfaatan_tambah", None, ("anonim", "tanpa_peran", "kabid", "sekretariat")),
    ("pemanfaatan:pemanfaatan_hapus", "pemanfaatan", ("anonim", "tanpa_peran", "kabid", "sekretariat")),
    ("pemanfaatan:data_dukung_tambah", "pemanfaatan", ("anonim", "tanpa_peran", "kabid", "sekretariat")),
    ("pemanfaatan:data_dukung_hapus", "data_dukung", ("anonim", "tanpa_peran", "kabid", "sekretariat")),
    ("pemanfaatan:impor", None, ("anonim", "tanpa_peran", "kabid", "sekretariat")),
    ("pemanfaatan:impor_simpan", "impor", ("anonim", "tanpa_peran", "kabid", "sekretariat")),
    ("pemanfaatan:impor_batal", "impor", ("anonim", "tanpa_peran", "kabid", "sekretariat")),
    ("laporan:baru", None, ("anonim", "tanpa_peran", "kasi", "staf", "sekretariat")),
    ("laporan:aksi", ("laporan", "beri_arahan"), ("anonim", "tanpa_peran", "kasi", "staf", "sekretariat")),
    ("laporan:aksi", ("laporan", "batalkan"), ("anonim", "tanpa_peran", "kasi", "staf", "sekretariat")),
    ("laporan:ambil", "laporan", ("anonim", "tanpa_peran", "kasi", "staf", "sekretariat")),
    ("laporan:iku_tambah", None, ("anonim", "tanpa_peran", "kasi", "staf", "sekretariat")),
]


@pytest.fixture
def objek(opd, pks, pemanfaatan, staf, kabid):
    pks.dokumen.save("pks.pdf", io.BytesIO(b"%PDF-1.4\n%%EOF\n"))
    data_dukung = DataDukung(
        pemanfaatan=pemanfaatan, nama_asli="bukti.pdf", jenis_berkas=JenisBerkas.PDF, ukuran=15, diunggah_oleh=staf
    )
    data_dukung.berkas.save("bukti.pdf", SimpleUploadedFile("bukti.pdf", b"%PDF-1.4\n%%EOF\n"), save=False)
    data_dukung.save()
    impor = ImporPemanfaatan.objects.create(nama_asli="daftar.xlsx", dibuat_oleh=staf)
    laporan = laporan_buat(user=kabid, tahun=2026, periode=Periode.TRIWULAN_1)
    return {
        "laporan": laporan,
        "opd": opd,
        "pks": pks,
        "pemanfaatan": pemanfaatan,
        "data_dukung": data_dukung,
        "impor": impor,
    }


def klien_sebagai(client, request, peran: str):
    if peran != "anonim":
        client.force_login(request.getfixturevalue(peran))
    return client


def alamat(nama: str, kunci, objek: dict) -> str:
    """kunci: None, nama objek, atau (nama objek, aksi) untuk URL aksi Laporan."""
    if kunci is None:
        return reverse(nama)
    if isinstance(kunci, tuple):
        return reverse(nama, args=[objek[kunci[0]].pk, kunci[1]])
    return reverse(nama, args=[objek[kunci].pk])


@pytest.mark.parametrize("peran", PERAN)
@pytest.mark.parametrize(("nama", "kunci", "harapan"), TABEL_GET, ids=[baris[0] for baris in TABEL_GET])
def test_get(client, request, objek, peran, nama, kunci, harapan):
    respons = klien_sebagai(client, request, peran).get(alamat(nama, kunci, objek))
    assert respons.status_code == harapan[PERAN.index(peran)]
    if respons.status_code == 302 and peran == "anonim":
        assert respons.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    ("nama", "kunci", "ditolak"), TABEL_POST_DITOLAK, ids=[baris[0] for baris in TABEL_POST_DITOLAK]
)
def test_post_ditolak_tidak_mengubah_apa_pun(client, request, objek, nama, kunci, ditolak):
    def hitung():
        return (
            ImporPemanfaatan.objects.filter(status=StatusImpor.PRATINJAU).count(),
            Opd.objects.count(),
            PerjanjianKerjaSama.objects.count(),
            Pemanfaatan.objects.count(),
            DataDukung.objects.count(),
            Iku.objects.count(),
            list(Laporan.objects.values_list("status", flat=True)),
            RiwayatLaporan.objects.count(),
            LangkahLaporan.objects.filter(diambil_oleh__isnull=False).count(),
        )

    sebelum = hitung()
    for peran in ditolak:
        client.logout()
        respons = klien_sebagai(client, request, peran).post(alamat(nama, kunci, objek), {})
        assert respons.status_code == (302 if peran == "anonim" else 403), peran
    assert hitung() == sebelum


def test_berkas_unggahan_tidak_punya_url_publik(client, objek, kasi, settings):
    """MEDIA_URL tidak dipasang: berkas data dukung hanya bisa diambil lewat view berizin."""
    client.force_login(kasi)
    nama_simpanan = objek["data_dukung"].berkas.name
    assert client.get(f"/media/{nama_simpanan}").status_code == 404
    assert client.get(f"{settings.MEDIA_URL}{nama_simpanan}").status_code == 404
