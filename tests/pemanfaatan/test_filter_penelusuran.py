"""Filter penelusuran dari dasbor: keadaan PKS OPD, OPD ber-PKS/memanfaatkan/tanpa pemanfaatan pada suatu tahun,
dan baris Daftar yang dasar hukumnya tidak sah.

Hari ini dibekukan pada Senin 4 Mei 2026 (WIB), sehingga keadaan PKS "hari ini" tetap. Semua hasil yang
diharapkan ditulis tangan dari tabel OPD dan PKS di fixture `cast_opd`.
"""

import datetime

import lxml.html
import pytest
from django.urls import reverse

from pemanfaatan.models import (
    JenisOpd,
    JenisPemanfaatan,
    KeadaanPksOpd,
    Opd,
    PerjanjianKerjaSama,
)
from tests.conftest import baris_daftar

pytestmark = pytest.mark.django_db

HARI_INI = datetime.date(2026, 5, 4)
URL_OPD = reverse("pemanfaatan:opd_list")
URL_DAFTAR = reverse("pemanfaatan:daftar")

SEMUA_OPD = [
    "Badan Pendapatan Daerah",
    "Biro Hukum",
    "Dinas Kesehatan",
    "Dinas Pariwisata",
    "Dinas Sosial",
    "Inspektorat",
    "RSUD M. Natsir",
    "Satuan Polisi Pamong Praja",
]


@pytest.fixture(autouse=True)
def hari_ini(jam):
    """`timezone.now` (dan `localdate`) membaca Senin 4 Mei 2026 pukul 10.00 WIB."""
    jam.atur("2026-05-04 10:00")
    return HARI_INI


def buat_opd(kode: str, nama: str, jenis: str, *, aktif: bool = True) -> Opd:
    return Opd.objects.create(kode=kode, nama=nama, jenis=jenis, aktif=aktif)


def buat_pks(
    nomor: str, opd: Opd, mulai: str, sampai: str, *, nik: bool = True, dk: bool = True
) -> PerjanjianKerjaSama:
    mulai_, sampai_ = datetime.date.fromisoformat(mulai), datetime.date.fromisoformat(sampai)
    return PerjanjianKerjaSama.objects.create(
        nomor=nomor,
        opd=opd,
        tanggal=mulai_,
        berlaku_mulai=mulai_,
        berlaku_sampai=sampai_,
        lingkup_data_kependudukan=dk,
        lingkup_nik=nik,
        lingkup_ktp_el=False,
    )


@pytest.fixture
def cast_opd(opd, opd_lain, pks):
    """Delapan OPD dan PKS-nya; keadaan pada 4 Mei 2026 ditulis tangan di kanan.

    Dinas Kesehatan     PKS 2024-01-02 – 2029-01-01 (fixture)            BERLAKU
    Dinas Sosial        tanpa PKS                                         TANPA_PKS
    RSUD M. Natsir      2021-01-04 – 2025-12-31                           PERLU_PERPANJANGAN
    Biro Hukum          2019-01-02 – 2021-01-03, 2021-01-04 – 2024-12-31  PERLU_PERPANJANGAN (2 PKS)
    Badan Pendapatan    2022-01-03 – 2025-06-30, pengganti 2026-07-01 –   tidak satu pun: pengganti sudah ada
    Inspektorat         2023-05-05 – 2026-05-04 (berakhir hari ini)       BERLAKU
    Satpol PP           2026-05-04 – 2028-05-03 (mulai hari ini)          BERLAKU
    Dinas Pariwisata    nonaktif, tanpa PKS                               TANPA_PKS
    """
    rsud = buat_opd("1.02.0.00.0.00.02.0000", "RSUD M. Natsir", JenisOpd.RUMAH_SAKIT)
    biro = buat_opd("4.01.0.00.0.00.01.0003", "Biro Hukum", JenisOpd.BIRO)
    bapenda = buat_opd("5.02.0.00.0.00.01.0000", "Badan Pendapatan Daerah", JenisOpd.BADAN)
    inspektorat = buat_opd("6.01.0.00.0.00.01.0000", "Inspektorat", JenisOpd.INSPEKTORAT)
    satpol = buat_opd("1.05.0.00.0.00.01.0000", "Satuan Polisi Pamong Praja", JenisOpd.SATUAN)
    pariwisata = buat_opd("3.26.0.00.0.00.01.0000", "Dinas Pariwisata", JenisOpd.DINAS, aktif=False)
    daftar_pks = {
        "rsud": buat_pks("PKS/RSUD/2021", rsud, "2021-01-04", "2025-12-31"),
        "biro_1": buat_pks("PKS/BIRO/2019", biro, "2019-01-02", "2021-01-03"),
        "biro_2": buat_pks("PKS/BIRO/2021", biro, "2021-01-04", "2024-12-31"),
        "bapenda_lama": buat_pks("PKS/BAPENDA/2022", bapenda, "2022-01-03", "2025-06-30"),
        "bapenda_baru": buat_pks("PKS/BAPENDA/2026", bapenda, "2026-07-01", "2029-06-30"),
        "inspektorat": buat_pks("PKS/INSPEKTORAT/2023", inspektorat, "2023-05-05", "2026-05-04"),
        "satpol": buat_pks("PKS/SATPOL/2026", satpol, "2026-05-04", "2028-05-03"),
    }
    return {
        "kesehatan": opd,
        "sosial": opd_lain,
        "rsud": rsud,
        "biro": biro,
        "bapenda": bapenda,
        "inspektorat": inspektorat,
        "satpol": satpol,
        "pariwisata": pariwisata,
        "pks": {"kesehatan": pks, **daftar_pks},
    }


def nama(queryset) -> list[str]:
    return sorted(queryset.values_list("nama", flat=True))


# --- OpdQuerySet --------------------------------------------------------------------------------


def test_keadaan_pks_hari_ini(cast_opd):
    assert nama(Opd.objects.keadaan_pks(KeadaanPksOpd.BERLAKU)) == [
        "Dinas Kesehatan",
        "Inspektorat",
        "Satuan Polisi Pamong Praja",
    ]
    assert nama(Opd.objects.keadaan_pks(KeadaanPksOpd.PERLU_PERPANJANGAN)) == ["Biro Hukum", "RSUD M. Natsir"]
    assert nama(Opd.objects.keadaan_pks(KeadaanPksOpd.TANPA_PKS)) == ["Dinas Pariwisata", "Dinas Sosial"]


def test_pks_pengganti_yang_belum_berlaku_bukan_perlu_perpanjangan(cast_opd):
    """Badan Pendapatan: PKS lama berakhir, penggantinya baru berlaku 1 Juli; tidak perlu diperpanjang lagi."""
    bapenda = cast_opd["bapenda"].pk
    for keadaan in KeadaanPksOpd:
        assert not Opd.objects.keadaan_pks(keadaan).filter(pk=bapenda).exists(), keadaan
    # Begitu penggantinya berlaku, ia masuk BERLAKU.
    assert Opd.objects.keadaan_pks(KeadaanPksOpd.BERLAKU, datetime.date(2026, 7, 1)).filter(pk=bapenda).exists()


def test_keadaan_pks_pada_tanggal_lain(cast_opd):
    besok = datetime.date(2026, 5, 5)
    # Besok PKS Inspektorat sudah berakhir.
    assert nama(Opd.objects.keadaan_pks(KeadaanPksOpd.BERLAKU, besok)) == [
        "Dinas Kesehatan",
        "Satuan Polisi Pamong Praja",
    ]
    assert nama(Opd.objects.keadaan_pks(KeadaanPksOpd.PERLU_PERPANJANGAN, besok)) == [
        "Biro Hukum",
        "Inspektorat",
        "RSUD M. Natsir",
    ]
    # Kemarin PKS Satpol PP belum berlaku, tetapi sudah ditandatangani: bukan perlu perpanjangan, bukan tanpa PKS.
    kemarin = datetime.date(2026, 5, 3)
    assert nama(Opd.objects.keadaan_pks(KeadaanPksOpd.BERLAKU, kemarin)) == ["Dinas Kesehatan", "Inspektorat"]
    assert nama(Opd.objects.keadaan_pks(KeadaanPksOpd.TANPA_PKS, kemarin)) == ["Dinas Pariwisata", "Dinas Sosial"]
    # Pada 1 Januari 2025 hanya PKS Biro Hukum (sampai 31 Desember 2024) yang sudah berakhir semuanya.
    awal_2025 = datetime.date(2025, 1, 1)
    assert nama(Opd.objects.keadaan_pks(KeadaanPksOpd.PERLU_PERPANJANGAN, awal_2025)) == ["Biro Hukum"]


def test_keadaan_pks_tidak_dikenal_ditolak(cast_opd):
    with pytest.raises(ValueError, match="XYZ"):
        Opd.objects.keadaan_pks("XYZ")


@pytest.mark.parametrize(
    ("tahun", "harapan"),
    [
        # Biro Hukum punya dua PKS yang beririsan dengan 2021: tetap satu baris.
        (2020, ["Biro Hukum"]),
        (2021, ["Biro Hukum", "RSUD M. Natsir"]),
        # RSUD berakhir 31 Desember 2025: masih 2025, tidak 2026. Badan Pendapatan: lama (2025); yang baru
        # mulai 1 Juli 2026, sesudah hari ini (4 Mei 2026), jadi belum dihitung untuk 2026.
        (2025, ["Badan Pendapatan Daerah", "Dinas Kesehatan", "Inspektorat", "RSUD M. Natsir"]),
        (2026, ["Dinas Kesehatan", "Inspektorat", "Satuan Polisi Pamong Praja"]),
        (2030, []),
    ],
)
def test_pks_berlaku_tahun_beririsan_dengan_tahun(cast_opd, tahun, harapan):
    hasil = Opd.objects.pks_berlaku_tahun(tahun)
    assert nama(hasil) == harapan
    assert hasil.count() == len(harapan)


@pytest.fixture
def daftar_2026(cast_opd, pemanfaatan, staf):
    """Dinas Kesehatan Maret (fixture) dan April 2026, RSUD Januari 2026, Dinas Pariwisata (nonaktif) Maret 2026,
    Dinas Sosial Desember 2025."""
    nik = JenisPemanfaatan.NIK
    baris_daftar(cast_opd["kesehatan"], nik, 4, 300, pks=cast_opd["pks"]["kesehatan"], tahun=2026, oleh=staf)
    baris_daftar(cast_opd["rsud"], nik, 1, 20, tahun=2026, oleh=staf)
    baris_daftar(cast_opd["pariwisata"], JenisPemanfaatan.DATA_KEPENDUDUKAN, 3, 5, tahun=2026, oleh=staf)
    baris_daftar(cast_opd["sosial"], JenisPemanfaatan.KTP_EL, 12, 7, tahun=2025, oleh=staf)
    return cast_opd


def test_memanfaatkan_pada_tahun(daftar_2026):
    hasil = Opd.objects.memanfaatkan(2026)
    assert nama(hasil) == ["Dinas Kesehatan", "Dinas Pariwisata", "RSUD M. Natsir"]
    assert hasil.count() == 3  # Dinas Kesehatan dua baris, satu OPD
    assert nama(Opd.objects.memanfaatkan(2025)) == ["Dinas Sosial"]
    assert nama(Opd.objects.memanfaatkan(2024)) == []


def test_tanpa_pemanfaatan_setahun_dan_sebulan(daftar_2026):
    assert nama(Opd.objects.tanpa_pemanfaatan(2026)) == [
        "Badan Pendapatan Daerah",
        "Biro Hukum",
        "Dinas Sosial",
        "Inspektorat",
        "Satuan Polisi Pamong Praja",
    ]
    # Maret 2026: hanya Dinas Kesehatan dan Dinas Pariwisata yang punya baris.
    assert nama(Opd.objects.tanpa_pemanfaatan(2026, 3)) == [
        "Badan Pendapatan Daerah",
        "Biro Hukum",
        "Dinas Sosial",
        "Inspektorat",
        "RSUD M. Natsir",
        "Satuan Polisi Pamong Praja",
    ]
    assert "RSUD M. Natsir" not in nama(Opd.objects.tanpa_pemanfaatan(2026, 1))
    assert nama(Opd.objects.tanpa_pemanfaatan(2026, 2)) == SEMUA_OPD
    # Desember 2025 milik tahun 2025, bukan bulan 12 tahun berapa pun.
    assert "Dinas Sosial" in nama(Opd.objects.tanpa_pemanfaatan(2026, 12))
    assert "Dinas Sosial" not in nama(Opd.objects.tanpa_pemanfaatan(2025, 12))


# --- Halaman daftar OPD -------------------------------------------------------------------------


def buka(client, url: str, **parameter):
    respons = client.get(url, parameter)
    assert respons.status_code == 200
    return respons


def hasil_opd(respons) -> tuple[int, int, list[str]]:
    """(angka data-jumlah-hasil di halaman, hitungan paginator, nama OPD yang tampil)."""
    dokumen = lxml.html.fromstring(respons.content)
    (angka,) = dokumen.xpath("//@data-jumlah-hasil")
    return int(angka), respons.context["page_obj"].paginator.count, [o.nama for o in respons.context["page_obj"]]


@pytest.mark.parametrize(
    ("parameter", "harapan"),
    [
        ({"keadaan_pks": "BERLAKU"}, ["Dinas Kesehatan", "Inspektorat", "Satuan Polisi Pamong Praja"]),
        ({"keadaan_pks": "PERLU_PERPANJANGAN"}, ["Biro Hukum", "RSUD M. Natsir"]),
        ({"keadaan_pks": "TANPA_PKS"}, ["Dinas Pariwisata", "Dinas Sosial"]),
        # Tautan dasbor selalu membawa aktif=true: OPD nonaktif tidak ikut.
        ({"keadaan_pks": "TANPA_PKS", "aktif": "true"}, ["Dinas Sosial"]),
        ({"pks_berlaku_tahun": "2021"}, ["Biro Hukum", "RSUD M. Natsir"]),
        # Tahun berjalan dihitung sampai hari ini: pengganti Badan Pendapatan baru mulai 1 Juli.
        ({"pks_berlaku_tahun": "2026"}, ["Dinas Kesehatan", "Inspektorat", "Satuan Polisi Pamong Praja"]),
        ({"pemanfaatan_tahun": "2026"}, ["Dinas Kesehatan", "Dinas Pariwisata", "RSUD M. Natsir"]),
        ({"pemanfaatan_tahun": "2026", "aktif": "true"}, ["Dinas Kesehatan", "RSUD M. Natsir"]),
        ({"pemanfaatan_tahun": "2025"}, ["Dinas Sosial"]),
        (
            {"tanpa_pemanfaatan_tahun": "2026"},
            ["Badan Pendapatan Daerah", "Biro Hukum", "Dinas Sosial", "Inspektorat", "Satuan Polisi Pamong Praja"],
        ),
        (
            {"tanpa_pemanfaatan_tahun": "2026", "tanpa_pemanfaatan_bulan": "3"},
            [
                "Badan Pendapatan Daerah",
                "Biro Hukum",
                "Dinas Sosial",
                "Inspektorat",
                "RSUD M. Natsir",
                "Satuan Polisi Pamong Praja",
            ],
        ),
        ({"tanpa_pemanfaatan_tahun": "2026", "tanpa_pemanfaatan_bulan": "2"}, SEMUA_OPD),
        # Bulan tanpa tahun tidak menyaring apa pun.
        ({"tanpa_pemanfaatan_bulan": "3"}, SEMUA_OPD),
        # Ber-PKS 2026 (sampai hari ini) tetapi tanpa baris Daftar 2026.
        (
            {"pks_berlaku_tahun": "2026", "tanpa_pemanfaatan_tahun": "2026"},
            ["Inspektorat", "Satuan Polisi Pamong Praja"],
        ),
        # Pembanding dasbor: berbaris pada Januari sampai bulan itu.
        ({"pemanfaatan_tahun": "2026", "pemanfaatan_sampai_bulan": "2"}, ["RSUD M. Natsir"]),
        (
            {"pemanfaatan_tahun": "2026", "pemanfaatan_sampai_bulan": "3"},
            ["Dinas Kesehatan", "Dinas Pariwisata", "RSUD M. Natsir"],
        ),
    ],
)
def test_daftar_opd_tersaring(client, kasi, daftar_2026, parameter, harapan):
    client.force_login(kasi)
    respons = buka(client, URL_OPD, **parameter)
    assert hasil_opd(respons) == (len(harapan), len(harapan), harapan)
    assert not respons.context["filter"].errors


def test_filter_tidak_mengubah_jumlah_pks_per_opd(client, kasi, daftar_2026):
    """Saringan berupa subkueri, bukan JOIN: kolom PKS tetap menghitung semua PKS OPD itu."""
    client.force_login(kasi)
    respons = buka(client, URL_OPD, pks_berlaku_tahun="2021", urut="-jumlah_pks")
    assert [(o.nama, o.jumlah_pks) for o in respons.context["page_obj"]] == [("Biro Hukum", 2), ("RSUD M. Natsir", 1)]
    respons = buka(client, URL_OPD, keadaan_pks="BERLAKU", pemanfaatan_tahun="2026")
    assert [(o.nama, o.jumlah_pks) for o in respons.context["page_obj"]] == [("Dinas Kesehatan", 1)]


def pesan_galat(respons, nama_kolom: str) -> str:
    """Pesan galat yang ditautkan ke kolom filter itu (aria-describedby), bila kolomnya ditandai tidak sah."""
    dokumen = lxml.html.fromstring(respons.content)
    (kolom,) = dokumen.xpath(f'//form[@aria-label="Filter"]//*[@name="{nama_kolom}"]')
    assert "is-invalid" in kolom.get("class", "").split()
    assert kolom.get("aria-invalid") == "true"
    return " ".join(dokumen.get_element_by_id(kolom.get("aria-describedby")).text_content().split())


@pytest.mark.parametrize(
    ("parameter", "kolom", "pesan", "banyak"),
    [
        # Nilai yang tidak sah diabaikan dan ditandai di formulirnya dengan pesannya; saringan lain tetap berlaku.
        ({"tanpa_pemanfaatan_tahun": "abc"}, "tanpa_pemanfaatan_tahun", "Masukkan keseluruhan angka bilangan.", 8),
        ({"keadaan_pks": "XYZ"}, "keadaan_pks", "XYZ bukan salah satu dari pilihan yang tersedia", 8),
        ({"keadaan_pks": "XYZ", "aktif": "true"}, "keadaan_pks", "XYZ bukan salah satu", 7),
        ({"pks_berlaku_tahun": "1900"}, "pks_berlaku_tahun", "2015", 8),
        ({"pemanfaatan_tahun": "99999999999999999999"}, "pemanfaatan_tahun", "2100", 8),
        # Bulan 13 diabaikan: yang tampil OPD tanpa baris Daftar sepanjang 2026.
        (
            {"tanpa_pemanfaatan_tahun": "2026", "tanpa_pemanfaatan_bulan": "13"},
            "tanpa_pemanfaatan_bulan",
            "13 bukan",
            5,
        ),
    ],
)
def test_nilai_filter_tidak_sah_ditandai_bukan_galat_server(client, kasi, daftar_2026, parameter, kolom, pesan, banyak):
    client.force_login(kasi)
    respons = buka(client, URL_OPD, **parameter)
    assert list(respons.context["filter"].errors) == [kolom]
    assert hasil_opd(respons)[:2] == (banyak, banyak)
    assert pesan in pesan_galat(respons, kolom)


# --- Halaman Daftar: status_pks=TIDAK_SAH -------------------------------------------------------


@pytest.fixture
def baris_status(cast_opd, pemanfaatan, staf):
    """Status PKS tiap baris 2026 (ditulis tangan):

    Dinas Kesehatan NIK Maret 1.250, PKS mencakup NIK (fixture)             SAH
    Dinas Kesehatan KTP-el Februari 30, PKS tidak mencakup KTP-el           TIDAK_MENCAKUP
    Dinas Sosial NIK Maret 7, tanpa PKS                                     TANPA_PKS
    RSUD NIK Januari 20, PKS berakhir 31 Desember 2025                      TIDAK_BERLAKU
    Badan Pendapatan NIK Juni 11, PKS pengganti baru mulai 1 Juli           TIDAK_BERLAKU
    Badan Pendapatan NIK Juli 500, PKS pengganti                            SAH
    Inspektorat Data Kependudukan Mei 40, PKS berakhir 4 Mei (masih bulan itu) SAH
    """
    p = cast_opd["pks"]
    nik = JenisPemanfaatan.NIK
    baris_daftar(cast_opd["kesehatan"], JenisPemanfaatan.KTP_EL, 2, 30, pks=p["kesehatan"], tahun=2026, oleh=staf)
    baris_daftar(cast_opd["sosial"], nik, 3, 7, tahun=2026, oleh=staf)
    baris_daftar(cast_opd["rsud"], nik, 1, 20, pks=p["rsud"], tahun=2026, oleh=staf)
    baris_daftar(cast_opd["bapenda"], nik, 6, 11, pks=p["bapenda_baru"], tahun=2026, oleh=staf)
    baris_daftar(cast_opd["bapenda"], nik, 7, 500, pks=p["bapenda_baru"], tahun=2026, oleh=staf)
    baris_daftar(
        cast_opd["inspektorat"], JenisPemanfaatan.DATA_KEPENDUDUKAN, 5, 40, pks=p["inspektorat"], tahun=2026, oleh=staf
    )
    return cast_opd


def test_daftar_tidak_sah_memuat_semua_baris_yang_bukan_sah(client, kasi, baris_status):
    client.force_login(kasi)
    respons = buka(client, URL_DAFTAR, status_pks="TIDAK_SAH")
    ringkasan = respons.context["ringkasan"]
    # 30 + 7 + 20 + 11; NIK 7 + 20 + 11, KTP-el 30; OPD: Kesehatan, Sosial, RSUD, Badan Pendapatan.
    assert (ringkasan["jumlah_baris"], ringkasan["total_jumlah"], ringkasan["jumlah_opd"]) == (4, 68, 4)
    assert ringkasan["per_jenis"] == [
        ("Pemanfaatan Data Kependudukan", 0),
        ("Pemanfaatan NIK", 38),
        ("Pemanfaatan KTP-el", 30),
    ]
    assert respons.context["page_obj"].paginator.count == 4
    assert sorted((b.opd.nama, b.bulan, b.status_pks) for b in respons.context["page_obj"]) == [
        ("Badan Pendapatan Daerah", 6, "TIDAK_BERLAKU"),
        ("Dinas Kesehatan", 2, "TIDAK_MENCAKUP"),
        ("Dinas Sosial", 3, "TANPA_PKS"),
        ("RSUD M. Natsir", 1, "TIDAK_BERLAKU"),
    ]
    dokumen = lxml.html.fromstring(respons.content)
    assert dokumen.get_element_by_id("total-baris").text_content().strip() == "4"
    assert dokumen.get_element_by_id("total-jumlah").text_content().strip() == "68"


@pytest.mark.parametrize(
    ("parameter", "baris", "total"),
    [
        ({"status_pks": "SAH"}, 3, 1790),  # 1.250 + 500 + 40
        ({"status_pks": "TIDAK_BERLAKU"}, 2, 31),
        ({"status_pks": "TANPA_PKS"}, 1, 7),
        ({"status_pks": "TIDAK_MENCAKUP"}, 1, 30),
        # Maret 2026: baris Dinas Kesehatan sah, baris Dinas Sosial tanpa PKS.
        ({"status_pks": "TIDAK_SAH", "tahun": "2026", "bulan": "3"}, 1, 7),
        ({"status_pks": "TIDAK_SAH", "opd": "rsud"}, 1, 20),
    ],
)
def test_status_pks_lain_dan_gabungan(client, kasi, baris_status, parameter, baris, total):
    client.force_login(kasi)
    if "opd" in parameter:  # kunci OPD pada fixture → pk-nya
        parameter = {**parameter, "opd": baris_status[parameter["opd"]].pk}
    ringkasan = buka(client, URL_DAFTAR, **parameter).context["ringkasan"]
    assert (ringkasan["jumlah_baris"], ringkasan["total_jumlah"]) == (baris, total)


def test_status_pks_tidak_dikenal_ditandai_bukan_galat_server(client, kasi, baris_status):
    client.force_login(kasi)
    respons = buka(client, URL_DAFTAR, status_pks="XYZ")
    assert list(respons.context["filter"].errors) == ["status_pks"]
    assert respons.context["ringkasan"]["jumlah_baris"] == 7
    assert "XYZ bukan salah satu dari pilihan yang tersedia" in pesan_galat(respons, "status_pks")


@pytest.mark.parametrize("kolom", ["pks_berlaku_tahun", "pemanfaatan_tahun", "tanpa_pemanfaatan_tahun"])
def test_tahun_pecahan_ditolak_bukan_dipotong(client, kasi, daftar_2026, kolom):
    """ "2026.9" bukan tahun: harus ditandai tidak sah, bukan diam-diam dibaca sebagai 2026."""
    client.force_login(kasi)
    respons = buka(client, URL_OPD, **{kolom: "2026.9"})
    assert list(respons.context["filter"].errors) == [kolom]
    assert hasil_opd(respons)[:2] == (8, 8)
