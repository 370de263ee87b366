"""Dasbor tahunan: setiap angka sama dengan hitungan tangan dari catatan uji, setiap tautan membuka catatan
yang membentuk angka itu, dan banyak kueri tidak bergantung pada banyaknya baris.

Tahun uji 2025 (sudah lewat, jadi setahun penuh); pembandingnya 2024. Jam uji tetap (fixture `jam`: Senin
4 Mei 2026), agar keadaan PKS (berlaku, segera berakhir, perlu perpanjangan) tidak bergeser bersama tanggal
mesin; tanggal PKS yang relatif terhadap hari itu dihitung dari `timezone.localdate()`.
"""

import datetime
import io
import random
from collections import defaultdict
from decimal import Decimal

import lxml.html
import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse, set_script_prefix
from django.utils import timezone

from laporan.dasbor import tautan
from laporan.dasbor.indikator import indikator_tahun
from laporan.dasbor.pks import pantauan_pks
from laporan.models import Iku, SumberRealisasi
from pemanfaatan.models import JenisOpd, JenisPemanfaatan, MetodeAkses, Opd, Pemanfaatan, PerjanjianKerjaSama
from tests.laporan.conftest import baris_daftar, buat_iku
from tests.laporan.test_ekspor_xlsx import tabel

pytestmark = pytest.mark.django_db

TAHUN = 2025
DK, NIK, KTP = JenisPemanfaatan.DATA_KEPENDUDUKAN, JenisPemanfaatan.NIK, JenisPemanfaatan.KTP_EL
URL_DASBOR = reverse("laporan:dasbor")


def buat_opd(kode: str, nama: str, *, aktif: bool = True) -> Opd:
    return Opd.objects.create(kode=kode, nama=nama, jenis=JenisOpd.DINAS, aktif=aktif)


def buat_pks(nomor: str, opd: Opd, mulai: datetime.date, sampai: datetime.date, *jenis) -> PerjanjianKerjaSama:
    return PerjanjianKerjaSama.objects.create(
        nomor=nomor,
        opd=opd,
        tanggal=mulai,
        berlaku_mulai=mulai,
        berlaku_sampai=sampai,
        lingkup_data_kependudukan=DK in jenis,
        lingkup_nik=NIK in jenis,
        lingkup_ktp_el=KTP in jenis,
    )


@pytest.fixture
def data(staf, jam):
    """Catatan uji; angka yang diharapkan ditulis tangan di tiap uji.

    A Dinas Kesehatan   aktif, PKS 2024–2029 (Data Kependudukan + NIK, tidak KTP-el)
    B Dinas Sosial      aktif, PKS 2023 – 30 Juni 2025, tidak diperpanjang
    C Bapenda           aktif, tanpa PKS
    D Biro Lama         NONAKTIF, PKS 2024–2030
    E Dinas Pendidikan  aktif, PKS 2025–2027, tanpa baris 2025
    F RSUD              aktif, PKS 1 Okt 2025 – hari ini + 30 hari (segera berakhir)
    G Dinas Pariwisata  aktif, tanpa PKS, tanpa baris
    H Biro Hukum        aktif, PKS 2020–2022 dan PKS baru yang mulai hari ini + 10 hari
    """
    hari_ini = timezone.localdate()
    opd = {
        "A": buat_opd("1.02", "Dinas Kesehatan"),
        "B": buat_opd("1.06", "Dinas Sosial"),
        "C": buat_opd("5.02", "Badan Pendapatan Daerah"),
        "D": buat_opd("9.99", "Biro Lama", aktif=False),
        "E": buat_opd("1.01", "Dinas Pendidikan"),
        "F": buat_opd("1.02.02", "RSUD Dr. Achmad Mochtar"),
        "G": buat_opd("3.26", "Dinas Pariwisata"),
        "H": buat_opd("4.01.05", "Biro Hukum"),
    }
    pks = {
        "A": buat_pks("PKS/A", opd["A"], datetime.date(2024, 1, 1), datetime.date(2029, 12, 31), DK, NIK),
        "B": buat_pks("PKS/B", opd["B"], datetime.date(2023, 1, 1), datetime.date(2025, 6, 30), NIK),
        "D": buat_pks("PKS/D", opd["D"], datetime.date(2024, 1, 1), datetime.date(2030, 1, 1), DK),
        "E": buat_pks("PKS/E", opd["E"], datetime.date(2025, 1, 1), datetime.date(2027, 12, 31), NIK),
        "F": buat_pks("PKS/F", opd["F"], datetime.date(2025, 10, 1), hari_ini + datetime.timedelta(days=30), NIK),
        "H-lama": buat_pks("PKS/H1", opd["H"], datetime.date(2020, 1, 1), datetime.date(2022, 12, 31), NIK),
        "H-baru": buat_pks(
            "PKS/H2", opd["H"], hari_ini + datetime.timedelta(days=10), hari_ini + datetime.timedelta(days=700), NIK
        ),
    }
    A, B, C, D, F = (opd[k] for k in "ABCDF")
    # 2025
    baris_daftar(A, DK, 1, 100, pks=pks["A"], tahun=TAHUN, oleh=staf)
    baris_daftar(A, DK, 2, 50, pks=pks["A"], tahun=TAHUN, oleh=staf, keperluan="Layanan kedua")
    baris_daftar(A, NIK, 3, 300, pks=pks["A"], tahun=TAHUN, oleh=staf)
    baris_daftar(A, KTP, 4, 7, pks=pks["A"], tahun=TAHUN, oleh=staf)  # PKS A tidak mencakup KTP-el
    baris_daftar(A, NIK, 12, 40, pks=pks["A"], tahun=TAHUN, oleh=staf)
    baris_daftar(B, NIK, 3, 20, pks=pks["B"], tahun=TAHUN, oleh=staf)
    baris_daftar(B, NIK, 8, 30, pks=pks["B"], tahun=TAHUN, oleh=staf)  # PKS B sudah berakhir pada Agustus
    baris_daftar(C, KTP, 6, 5, tahun=TAHUN, oleh=staf)  # tanpa PKS
    baris_daftar(D, DK, 1, 1000, pks=pks["D"], tahun=TAHUN, oleh=staf)  # OPD nonaktif: masuk total, tidak masuk cakupan
    baris_daftar(F, NIK, 11, 60, pks=pks["F"], tahun=TAHUN, oleh=staf)
    # 2024 (pembanding) dan 2026 (tidak boleh ikut)
    baris_daftar(A, DK, 1, 80, pks=pks["A"], tahun=2024, oleh=staf)
    baris_daftar(A, NIK, 12, 10, pks=pks["A"], tahun=2024, oleh=staf)
    baris_daftar(B, NIK, 5, 15, pks=pks["B"], tahun=2024, oleh=staf)
    baris_daftar(A, NIK, 1, 9, pks=pks["A"], tahun=2026, oleh=staf)
    return {"opd": opd, "pks": pks}


# --- Angka -------------------------------------------------------------------------------------


def test_indikator_sama_dengan_hitungan_tangan(data):
    hasil = indikator_tahun(tahun=TAHUN)

    assert (hasil.jumlah_opd_aktif, hasil.opd_memanfaatkan) == (7, 4)  # aktif: A B C E F G H; pakai: A B C F
    assert hasil.persen_cakupan == Decimal("57.14")
    assert (hasil.jumlah_baris, hasil.total_jumlah) == (10, 1612)
    assert [(n.jenis, n.jumlah_baris, n.total) for n in hasil.per_jenis] == [(DK, 3, 1150), (NIK, 5, 450), (KTP, 2, 12)]
    tren = {b.bulan: [n.total for n in b.nilai] for b in hasil.tren}
    assert tren == {
        1: [1100, 0, 0],
        2: [50, 0, 0],
        3: [0, 320, 0],
        4: [0, 0, 7],
        5: [0, 0, 0],
        6: [0, 0, 5],
        7: [0, 0, 0],
        8: [0, 30, 0],
        9: [0, 0, 0],
        10: [0, 0, 0],
        11: [0, 60, 0],
        12: [0, 40, 0],
    }
    assert [(o.nama, o.total) for o in hasil.opd_teratas] == [
        ("Biro Lama", 1000),
        ("Dinas Kesehatan", 497),
        ("RSUD Dr. Achmad Mochtar", 60),
        ("Dinas Sosial", 50),
        ("Badan Pendapatan Daerah", 5),
    ]
    assert {t.status.value: (t.jumlah_baris, t.total) for t in hasil.temuan} == {
        "TANPA_PKS": (1, 5),
        "TIDAK_BERLAKU": (1, 30),
        "TIDAK_MENCAKUP": (1, 7),
    }
    assert (hasil.temuan_baris, hasil.temuan_total) == (3, 42)
    # E ber-PKS 2025 tanpa baris; H hanya ber-PKS sebelum dan sesudah 2025.
    assert [o.nama for o in hasil.opd_pks_tanpa_pemanfaatan.contoh] == ["Dinas Pendidikan"]
    pembanding = hasil.pembanding
    assert (pembanding.tahun_lalu, pembanding.bulan_sampai) == (2024, 12)
    assert [(b.tahun_ini, b.tahun_lalu) for b in pembanding.per_jenis] == [(1150, 80), (450, 25), (12, 0)]
    assert [b.perubahan_persen for b in pembanding.per_jenis] == [Decimal("1337.50"), Decimal("1700.00"), None]
    assert (pembanding.opd_ini, pembanding.opd_lalu) == (4, 2)


def test_capaian_iku_dari_daftar_berjalan(data):
    buat_iku("IKU-1", SumberRealisasi.PERSEN_OPD_MEMANFAATKAN, target="50", tahun=TAHUN)
    buat_iku("IKU-2", SumberRealisasi.TOTAL_NIK, target="500", tahun=TAHUN)
    # PKS berlaku 31 Desember 2025 pada OPD aktif: A, E, F (B berakhir Juni, D nonaktif, H belum berlaku).
    buat_iku("IKU-3", SumberRealisasi.JUMLAH_OPD_PKS_AKTIF, target="4", tahun=TAHUN)
    Iku.objects.create(kode="IKU-4", nama="Tanpa target", satuan="%", sumber=SumberRealisasi.TOTAL_SEMUA)

    hasil = {b.iku.kode: (b.target, b.realisasi, b.capaian) for b in indikator_tahun(tahun=TAHUN).iku}

    assert hasil == {
        "IKU-1": (Decimal("50"), Decimal("57.14"), Decimal("114.28")),
        "IKU-2": (Decimal("500"), Decimal("450"), Decimal("90.00")),
        "IKU-3": (Decimal("4"), Decimal("3"), Decimal("75.00")),
        "IKU-4": (None, Decimal("1612"), None),
    }


def test_realisasi_iku_menaut_ke_catatan_pembentuknya(client, kabid, data):
    buat_iku("IKU-1", SumberRealisasi.PERSEN_OPD_MEMANFAATKAN, target="50", tahun=TAHUN)
    buat_iku("IKU-2", SumberRealisasi.TOTAL_NIK, target="500", tahun=TAHUN)
    buat_iku("IKU-3", SumberRealisasi.JUMLAH_OPD_PKS_AKTIF, target="4", tahun=TAHUN)
    buat_iku("IKU-4", SumberRealisasi.TOTAL_SEMUA, target="1000", tahun=TAHUN)
    buat_iku("IKU-5", SumberRealisasi.MANUAL, target="1", tahun=TAHUN)
    dom = halaman_dasbor(client, kabid)

    tautan = {a.get("data-realisasi"): a.get("href") for a in dom.xpath('//table[@id="tabel-iku"]//a')}
    assert set(tautan) == {"PERSEN_OPD_MEMANFAATKAN", "TOTAL_NIK", "JUMLAH_OPD_PKS_AKTIF", "TOTAL_SEMUA"}
    # Persentase: 4 OPD aktif yang memanfaatkan (dari 7); OPD ber-PKS pada 31 Desember 2025: A, E, F.
    assert [o.nama for o in client.get(tautan["PERSEN_OPD_MEMANFAATKAN"]).context["page_obj"]] == [
        "Badan Pendapatan Daerah",
        "Dinas Kesehatan",
        "Dinas Sosial",
        "RSUD Dr. Achmad Mochtar",
    ]
    assert banyak_hasil(client, tautan["JUMLAH_OPD_PKS_AKTIF"]) == 3
    assert ringkasan_daftar(client, tautan["TOTAL_NIK"])["total_jumlah"] == 450
    assert ringkasan_daftar(client, tautan["TOTAL_SEMUA"])["total_jumlah"] == 1612


def test_pantauan_pks_hari_ini(data):
    pantauan = pantauan_pks()

    assert [p.nomor for p in pantauan.segera_berakhir.contoh] == ["PKS/F"]
    # H punya PKS baru yang belum berlaku: dihitung sudah diperpanjang.
    assert [(o.nama, o.berakhir_pada) for o in pantauan.perlu_perpanjangan.contoh] == [
        ("Dinas Sosial", datetime.date(2025, 6, 30))
    ]
    assert [o.nama for o in pantauan.tanpa_pks.contoh] == ["Badan Pendapatan Daerah", "Dinas Pariwisata"]
    assert pantauan.perlu_tindakan == 4


# --- Halaman dan penelusuran -------------------------------------------------------------------


def halaman_dasbor(client, user, tahun=TAHUN):
    client.force_login(user)
    respons = client.get(URL_DASBOR, {"tahun": tahun})
    assert respons.status_code == 200
    return lxml.html.fromstring(respons.content.decode())


def angka_tampil(teks: str) -> int:
    return int(teks.strip().replace(".", ""))


def ringkasan_daftar(client, href: str) -> dict:
    respons = client.get(href)
    assert respons.status_code == 200, href
    return respons.context["ringkasan"]


def banyak_hasil(client, href: str) -> int:
    respons = client.get(href)
    assert respons.status_code == 200, href
    return respons.context["page_obj"].paginator.count


def test_halaman_menampilkan_angka_yang_sama(client, kabid, data):
    dom = halaman_dasbor(client, kabid)

    def angka(kunci):
        return dom.xpath(f'//*[@data-angka="{kunci}"]')[0].text_content().strip()

    assert angka("persen-cakupan") == "57,14%"
    assert (angka("opd-memanfaatkan"), angka("opd-aktif")) == ("4", "7")
    assert angka("total-jumlah") == "1.612"
    assert angka("temuan-baris") == "3"
    assert angka("opd-pks-diam") == "1"
    assert (angka("jenis-DATA_KEPENDUDUKAN"), angka("jenis-NIK"), angka("jenis-KTP_EL")) == ("1.150", "450", "12")
    assert (angka("pks-segera-berakhir"), angka("opd-perlu-perpanjangan"), angka("opd-tanpa-pks")) == ("1", "1", "2")


def test_setiap_angka_daftar_membuka_baris_yang_membentuknya(client, kabid, data):
    """Setiap angka dasbor yang menaut ke Daftar: total jumlah atau banyak baris yang dibuka = angka yang diklik."""
    dom = halaman_dasbor(client, kabid)
    bagian = '//section[@id="indikator"]'
    ke_daftar = dom.xpath(f'{bagian}//a[starts-with(@href, "{reverse("pemanfaatan:daftar")}")]')
    # Angka banyak baris bertanda data-baris; yang lain total jumlah.
    banyak_baris = [a for a in ke_daftar if a.get("data-baris") is not None]
    total = [a for a in ke_daftar if a.get("data-baris") is None]
    # Tren 12 × 3, per jenis 3, OPD teratas 5, pembanding 6, kartu total, jumlah temuan (kartu dan 3 status).
    assert len(total) == 36 + 3 + 5 + 6 + 1 + 4
    # Baris per jenis 3, per OPD teratas 5, kartu "dari N baris", temuan (kartu dan 3 status).
    assert len(banyak_baris) == 3 + 5 + 1 + 4
    for a in total:
        assert ringkasan_daftar(client, a.get("href"))["total_jumlah"] == angka_tampil(a.text_content()), a.get("href")
    for a in banyak_baris:
        assert ringkasan_daftar(client, a.get("href"))["jumlah_baris"] == angka_tampil(a.text_content()), a.get("href")


def test_temuan_membuka_baris_tanpa_pks_sah(client, kabid, data):
    dom = halaman_dasbor(client, kabid)
    semua = ringkasan_daftar(client, dom.xpath('//a[@data-angka="temuan-baris"]')[0].get("href"))
    assert (semua["jumlah_baris"], semua["total_jumlah"]) == (3, 42)
    respons = client.get(dom.xpath('//a[@data-angka="temuan-TIDAK_MENCAKUP"]')[0].get("href"))
    assert [b.keperluan for b in respons.context["page_obj"]] == ["Layanan"]
    assert [b.jumlah for b in respons.context["page_obj"]] == [7]


def test_angka_opd_dan_pks_membuka_daftar_yang_sama_banyaknya(client, kabid, data):
    dom = halaman_dasbor(client, kabid)
    kunci = [
        "opd-memanfaatkan",
        "opd-aktif",
        "opd-pks-diam",
        "pks-segera-berakhir",
        "opd-perlu-perpanjangan",
        "opd-tanpa-pks",
    ]
    for nama in kunci:
        a = dom.xpath(f'//a[@data-angka="{nama}"]')[0]
        assert banyak_hasil(client, a.get("href")) == angka_tampil(a.text_content()), nama
    # Pembanding OPD: 4 OPD aktif berbaris pada 2025, 2 pada 2024 (Januari–Desember).
    pembanding = dom.xpath('//table[@id="tabel-pembanding"]//a[@data-opd]')
    assert [angka_tampil(a.text_content()) for a in pembanding] == [4, 2]
    for a in pembanding:
        assert banyak_hasil(client, a.get("href")) == angka_tampil(a.text_content())
    # Nama OPD di pantauan menuju halaman OPD-nya.
    tanpa_pks = dom.xpath('//section[@id="pantauan-pks"]//a[starts-with(@href, "/opd/")]')
    assert {a.get("href") for a in tanpa_pks} >= {
        data["opd"]["C"].get_absolute_url(),
        data["opd"]["G"].get_absolute_url(),
    }


def test_pilihan_tahun_memuat_tahun_berdata_dan_tahun_yang_dipilih(client, kabid, data):
    dom = halaman_dasbor(client, kabid, tahun=2019)
    pilihan = [(o.get("value"), o.get("selected") is not None) for o in dom.xpath('//select[@name="tahun"]/option')]
    ini = str(timezone.localdate().year)
    assert pilihan == [(t, t == "2019") for t in sorted({ini, "2026", "2025", "2024", "2019"}, reverse=True)]


def test_tahun_tidak_sah_jatuh_ke_tahun_berjalan_dengan_pesan(client, kabid, data):
    client.force_login(kabid)
    respons = client.get(URL_DASBOR, {"tahun": "20x5"})
    assert respons.status_code == 200
    assert respons.context["dasbor"].tahun == timezone.localdate().year
    assert "Tahun pada alamat tidak sah" in respons.content.decode()
    assert client.get(URL_DASBOR, {"tahun": "1900"}).context["dasbor"].tahun == timezone.localdate().year


def test_teks_pengguna_di_dasbor_di_escape(client, kabid, staf):
    jahat = buat_opd("6.66", '<script>alert("x")</script> Dinas')
    baris_daftar(jahat, NIK, 1, 5, tahun=TAHUN, oleh=staf)
    client.force_login(kabid)
    teks = client.get(URL_DASBOR, {"tahun": TAHUN}).content.decode()
    assert '<script>alert("x")</script>' not in teks
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Dinas" in teks


# --- Kueri tetap --------------------------------------------------------------------------------


def isi_acak(banyak: int, staf, opd: list[Opd], pks: dict[int, PerjanjianKerjaSama]) -> None:
    acak = random.Random(banyak)  # noqa: S311 — data uji
    unik = set()
    baru = []
    while len(baru) < banyak:
        o = acak.choice(opd)
        kunci = (o.pk, acak.choice(list(JenisPemanfaatan)), acak.choice([2024, 2025]), acak.randint(1, 12))
        keperluan = f"Layanan {acak.randint(1, 40)}"
        if (*kunci, keperluan) in unik:
            continue
        unik.add((*kunci, keperluan))
        baru.append(
            Pemanfaatan(
                opd=o,
                jenis=kunci[1],
                tahun=kunci[2],
                bulan=kunci[3],
                keperluan=keperluan,
                metode_akses=MetodeAkses.WEB_PORTAL,
                pks=pks.get(o.pk) if acak.random() < 0.8 else None,
                jumlah=acak.randint(0, 5000),
                created_by=staf,
                updated_by=staf,
            )
        )
    Pemanfaatan.objects.bulk_create(baru, batch_size=2000)


def hitung_python(tahun: int) -> dict:
    """Hitungan pembanding dengan Python biasa atas seluruh baris (bukan modul dasbor)."""
    aktif = set(Opd.objects.filter(aktif=True).values_list("pk", flat=True))
    per_jenis, per_opd, opd_pakai, per_bulan = defaultdict(int), defaultdict(int), set(), defaultdict(int)
    for opd_id, jenis, bulan, jumlah in Pemanfaatan.objects.filter(tahun=tahun).values_list(
        "opd", "jenis", "bulan", "jumlah"
    ):
        per_jenis[jenis] += jumlah
        per_opd[opd_id] += jumlah
        per_bulan[(bulan, jenis)] += jumlah
        if opd_id in aktif:
            opd_pakai.add(opd_id)
    return {"per_jenis": dict(per_jenis), "per_opd": dict(per_opd), "opd": len(opd_pakai), "per_bulan": per_bulan}


def banyak_kueri(client, url: str, params=None) -> int:
    with CaptureQueriesContext(connection) as kueri:
        assert client.get(url, params or {}).status_code == 200
    return len(kueri.captured_queries)


@pytest.fixture
def opd_banyak(staf):
    opd = [buat_opd(f"X.{i:03d}", f"OPD Uji {i:03d}") for i in range(60)]
    pks = {
        o.pk: buat_pks(f"PKS/X/{o.pk}", o, datetime.date(2024, 1, 1), datetime.date(2030, 1, 1), DK, NIK, KTP)
        for o in opd[::2]
    }
    return opd, pks


@pytest.mark.parametrize("peran", ["kabid", "kasi", "staf", "sekretariat"])
def test_kueri_dasbor_dan_beranda_tetap_pada_10_dan_1000_baris(client, request, staf, opd_banyak, peran):
    user = request.getfixturevalue(peran)
    client.force_login(user)
    opd, pks = opd_banyak
    isi_acak(10, staf, opd, pks)
    kecil = {url: banyak_kueri(client, url, {"tahun": TAHUN}) for url in (URL_DASBOR, reverse("beranda"))}

    # 1.000 baris acak sudah mengenai ke-60 OPD, ketiga jenis dan setiap bulan; skala jutaan milik make bench.
    isi_acak(1_000, staf, opd, pks)
    besar = {url: banyak_kueri(client, url, {"tahun": TAHUN}) for url in (URL_DASBOR, reverse("beranda"))}

    assert besar == kecil


def test_angka_dasbor_sama_dengan_hitungan_python_pada_1000_baris(staf, opd_banyak):
    opd, pks = opd_banyak
    isi_acak(1_000, staf, opd, pks)
    Opd.objects.filter(pk__in=[o.pk for o in opd[:5]]).update(aktif=False)
    harapan = hitung_python(TAHUN)

    hasil = indikator_tahun(tahun=TAHUN)

    assert {n.jenis.value: n.total for n in hasil.per_jenis} == {
        j.value: harapan["per_jenis"].get(j, 0) for j in JenisPemanfaatan
    }
    assert hasil.opd_memanfaatkan == harapan["opd"]
    assert hasil.jumlah_opd_aktif == 55
    nama = dict(Opd.objects.values_list("pk", "nama"))
    teratas = sorted(harapan["per_opd"].items(), key=lambda item: (-item[1], nama[item[0]]))[:10]
    assert [(o.opd_id, o.total) for o in hasil.opd_teratas] == teratas
    for bulan in hasil.tren:
        for nilai in bulan.nilai:
            assert nilai.total == harapan["per_bulan"].get((bulan.bulan, nilai.jenis.value), 0)


# --- Unduhan Excel ------------------------------------------------------------------------------


def unduh_dasbor(client, user, tahun=TAHUN) -> openpyxl.Workbook:
    client.force_login(user)
    respons = client.get(reverse("laporan:dasbor_xlsx"), {"tahun": tahun})
    assert respons.status_code == 200
    assert respons["Content-Disposition"] == f'attachment; filename="Dasbor Kinerja Pemanfaatan {tahun}.xlsx"'
    return openpyxl.load_workbook(io.BytesIO(respons.content))


def test_unduhan_excel_memuat_angka_dasbor(client, sekretariat, data):
    buku = unduh_dasbor(client, sekretariat)

    assert buku.sheetnames[:3] == ["Ringkasan", "Per jenis", "Tren bulanan"]
    assert buku.sheetnames[-1] == "Info"
    ringkasan = {b["Indikator"]: (b["Nilai"], b["Persen"]) for b in tabel(buku["Ringkasan"])}
    assert ringkasan["OPD aktif"] == (7, None)
    assert ringkasan["OPD aktif yang memanfaatkan data (cakupan)"] == (4, 57.14)
    assert ringkasan["Total jumlah pemanfaatan"] == (1612, None)
    assert ringkasan["Temuan: jumlah pemanfaatan tanpa PKS yang sah"] == (42, None)
    assert ringkasan["OPD aktif tanpa PKS"] == (2, None)
    tren = {b["Bulan"]: b["Total"] for b in tabel(buku["Tren bulanan"])}
    assert (tren["Januari"], tren["Maret"], tren["Desember"], sum(tren.values())) == (1100, 320, 40, 1612)
    assert [(b["Jenis pemanfaatan"], b["Total jumlah"]) for b in tabel(buku["Per jenis"])] == [
        ("Pemanfaatan Data Kependudukan", 1150),
        ("Pemanfaatan NIK", 450),
        ("Pemanfaatan KTP-el", 12),
    ]
    assert [b["OPD"] for b in tabel(buku["OPD tanpa PKS"])] == ["Badan Pendapatan Daerah", "Dinas Pariwisata"]
    assert tabel(buku["PKS segera berakhir"])[0]["Sisa hari"] == 30
    assert len(tabel(buku["Kepatuhan SOP"])) == 7


def test_unduhan_excel_memuat_daftar_lengkap_dan_teks_tidak_menjadi_rumus(client, kasi, data):
    for i in range(14):
        buat_opd(f"7.{i:02d}", f"OPD Tanpa PKS {i:02d}")
    buat_opd("7.99", '=HYPERLINK("http://contoh.invalid","klik")')

    buku = unduh_dasbor(client, kasi)

    ws = buku["OPD tanpa PKS"]
    nama = [b["OPD"] for b in tabel(ws)]
    assert len(nama) == 17  # seluruhnya, bukan sepuluh contoh di halaman
    sel = next(s for s in ws["B"] if s.value == '=HYPERLINK("http://contoh.invalid","klik")')
    assert sel.data_type == "s"
    assert sel.quotePrefix


# --- Tahun berjalan (jam dibekukan: Senin 4 Mei 2026) -------------------------------------------


def test_tahun_berjalan_membandingkan_bulan_lengkap_dan_mengosongkan_bulan_mendatang(client, jam, kabid, staf):
    dinkes = buat_opd("1.02", "Dinas Kesehatan")
    for tahun in (2025, 2026):
        for bulan in (1, 4, 5):
            baris_daftar(dinkes, NIK, bulan, 10 * bulan + tahun - 2025, tahun=tahun, oleh=staf)
    hasil = indikator_tahun(tahun=2026)

    # Mei baru berjalan empat hari: pembanding Januari–April (10 + 40 + 1 + 1 = 52 dibanding 50).
    assert (hasil.pembanding.bulan_sampai, hasil.pembanding.rentang) == (4, "Januari – April")
    assert [(b.tahun_ini, b.tahun_lalu) for b in hasil.pembanding.per_jenis] == [(0, 0), (52, 50), (0, 0)]
    assert [b.akan_datang for b in hasil.tren] == [False] * 5 + [True] * 7
    assert hasil.total_jumlah == 11 + 41 + 51  # total setahun tetap memuat Mei

    dom = halaman_dasbor(client, kabid, tahun=2026)
    sel = dom.xpath('//table[@id="tabel-tren"]/tbody/tr')
    assert [td.get("data-nilai") for td in sel[4].xpath("td[@data-nilai]")] == ["0", "51", "0"]  # Mei
    assert [td.get("data-nilai") for td in sel[5].xpath("td[@data-nilai]")] == ["", "", ""]  # Juni
    assert "Dibanding 2025 (Januari – April)" in lxml.html.tostring(dom, encoding="unicode")


def test_januari_belum_punya_bulan_lengkap_untuk_dibandingkan(client, jam, kabid):
    jam.atur("2026-01-15 09:00")
    assert indikator_tahun(tahun=2026).pembanding.ada is False
    dom = halaman_dasbor(client, kabid, tahun=2026)
    assert not dom.xpath('//table[@id="tabel-pembanding"]')
    assert "Belum ada bulan yang lengkap pada 2026" in lxml.html.tostring(dom, encoding="unicode")


def test_tautan_dasbor_mengikuti_awalan_skrip():
    """Alamat dasar tautan dibentuk sekali per awalan skrip: aplikasi di bawah /sop/ tetap menaut benar."""
    assert tautan.daftar(tahun=2025, jenis="NIK") == "/daftar/?tahun=2025&jenis=NIK"
    set_script_prefix("/sop/")
    try:
        assert tautan.daftar(tahun=2025) == "/sop/daftar/?tahun=2025"
        assert tautan.opd() == "/sop/opd/"
    finally:
        set_script_prefix("/")
    assert tautan.opd() == reverse("pemanfaatan:opd_list")
