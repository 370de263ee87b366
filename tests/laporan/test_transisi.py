"""Matriks transisi siklus SOP: 11 aksi × 9 status × 5 pemeran, ditulis tangan dari tabel DESIGN §5.

Setiap sel dijalankan lewat `laporan_transisi` pada Laporan yang dimajukan lewat layanan. Yang diizinkan:
status berpindah, tepat satu baris RiwayatLaporan, langkah lama ditutup dan langkah berikut dibuka. Yang
ditolak: galat yang tepat, dan Laporan, riwayat, langkah, hitungan beku serta kunci periode tidak berubah.
"""

import pytest
from django.db import transaction

from akun.models import Peran
from laporan.models import LangkahLaporan, Laporan, RiwayatLaporan
from laporan.services import LaporanDitolak, LaporanError, LaporanSudahDiproses, laporan_buat, laporan_transisi
from laporan.sop import Aksi, StatusLaporan
from tests.conftest import buat_pengguna
from tests.laporan.conftest import ALASAN, JALAN_MAJU, data_sah, potret, status_ke

pytestmark = pytest.mark.django_db

STATUS = [
    "disposisi_kabid",
    "disposisi_kasi",
    "daftar",
    "hitung",
    "laporan",
    "lakip_bidang",
    "lakip_dinas",
    "selesai",
    "dibatalkan",
]
AKSI = [
    "beri_arahan",
    "beri_petunjuk",
    "selesaikan_daftar",
    "laporkan_hitungan",
    "sampaikan_laporan",
    "sampaikan_lakip_bidang",
    "terima",
    "kembalikan_ke_staf",
    "kembalikan_ke_kasi",
    "kembalikan_ke_kabid",
    "batalkan",
]
PERAN = ["kabid", "kasi", "staf", "sekretariat", "tanpa_peran"]

# status → {(aksi, pemeran): status tujuan}. Setiap pasangan (aksi, pemeran) yang tidak tertulis ditolak.
BOLEH = {
    "disposisi_kabid": {
        ("beri_arahan", "kabid"): "disposisi_kasi",
        ("batalkan", "kabid"): "dibatalkan",
    },
    "disposisi_kasi": {
        ("beri_petunjuk", "kasi"): "daftar",
        ("batalkan", "kabid"): "dibatalkan",
    },
    "daftar": {
        ("selesaikan_daftar", "staf"): "hitung",
        ("batalkan", "kabid"): "dibatalkan",
    },
    "hitung": {
        ("laporkan_hitungan", "staf"): "laporan",
        ("batalkan", "kabid"): "dibatalkan",
    },
    "laporan": {
        ("sampaikan_laporan", "kasi"): "lakip_bidang",
        ("kembalikan_ke_staf", "kasi"): "daftar",
        ("batalkan", "kabid"): "dibatalkan",
    },
    "lakip_bidang": {
        ("sampaikan_lakip_bidang", "kabid"): "lakip_dinas",
        ("kembalikan_ke_kasi", "kabid"): "laporan",
        ("batalkan", "kabid"): "dibatalkan",
    },
    "lakip_dinas": {
        ("terima", "sekretariat"): "selesai",
        ("kembalikan_ke_kabid", "sekretariat"): "lakip_bidang",
    },
    "selesai": {},
    "dibatalkan": {},
}

# Langkah SOP yang terbuka selama Laporan berstatus itu; selesai dan dibatalkan tidak punya langkah terbuka.
LANGKAH_PADA = {
    "disposisi_kabid": 1,
    "disposisi_kasi": 2,
    "daftar": 3,
    "hitung": 4,
    "laporan": 5,
    "lakip_bidang": 6,
    "lakip_dinas": 7,
}

# Bagaimana langkah yang sedang berjalan ditutup oleh aksi itu.
HASIL_LANGKAH = {
    "beri_arahan": "SELESAI",
    "beri_petunjuk": "SELESAI",
    "selesaikan_daftar": "SELESAI",
    "laporkan_hitungan": "SELESAI",
    "sampaikan_laporan": "SELESAI",
    "sampaikan_lakip_bidang": "SELESAI",
    "terima": "SELESAI",
    "kembalikan_ke_staf": "DIKEMBALIKAN",
    "kembalikan_ke_kasi": "DIKEMBALIKAN",
    "kembalikan_ke_kabid": "DIKEMBALIKAN",
    "batalkan": "DIBATALKAN",
}

# Peran yang dicatat di RiwayatLaporan.peran (nama Group) dan disebut dalam pesan penolakan.
NAMA_PERAN = {"kabid": "Kabid", "kasi": "Kasi KIP", "staf": "Staf", "sekretariat": "Sekretariat"}
PELAKSANA = {
    "beri_arahan": "Kepala Bidang PIAK dan Pemanfaatan Data",
    "beri_petunjuk": "Kepala Seksi Kerjasama dan Inovasi Pelayanan",
    "selesaikan_daftar": "Staf Seksi Kerjasama dan Inovasi Pelayanan",
    "laporkan_hitungan": "Staf Seksi Kerjasama dan Inovasi Pelayanan",
    "sampaikan_laporan": "Kepala Seksi Kerjasama dan Inovasi Pelayanan",
    "sampaikan_lakip_bidang": "Kepala Bidang PIAK dan Pemanfaatan Data",
    "terima": "Sekretariat Dinas",
    "kembalikan_ke_staf": "Kepala Seksi Kerjasama dan Inovasi Pelayanan",
    "kembalikan_ke_kasi": "Kepala Bidang PIAK dan Pemanfaatan Data",
    "kembalikan_ke_kabid": "Sekretariat Dinas",
    "batalkan": "Kepala Bidang PIAK dan Pemanfaatan Data",
}

KASUS_BOLEH = [(status, aksi, peran) for status in STATUS for (aksi, peran) in BOLEH[status]]
KASUS_TOLAK = [
    (status, aksi, peran) for status in STATUS for aksi in AKSI for peran in PERAN if (aksi, peran) not in BOLEH[status]
]


def _id(kasus) -> str:
    return "-".join(kasus)


@pytest.fixture(scope="module")
def panggung(django_db_setup, django_db_blocker):
    """Satu Laporan pada tiap status, dibangun lewat layanan sekali untuk seluruh modul.

    Seperti setUpTestData: dibangun di dalam transaksi yang dibatalkan di akhir modul, dan setiap uji
    berjalan dalam savepoint-nya sendiri (fixture `db`), jadi perubahan satu uji tidak terlihat uji lain.
    Tahun 2016–2024 (periode yang sudah usai) agar tidak berbenturan dengan Laporan 2026 uji lain di modul ini.
    """
    with django_db_blocker.unblock():
        atomik = transaction.atomic()
        atomik.__enter__()
        try:
            pemeran = {
                "kabid": buat_pengguna("matriks-kabid", Peran.KABID, nama="Kabid Matriks"),
                "kasi": buat_pengguna("matriks-kasi", Peran.KASI_KIP, nama="Kasi Matriks"),
                "staf": buat_pengguna("matriks-staf", Peran.STAF, nama="Staf Matriks"),
                "sekretariat": buat_pengguna("matriks-sekretariat", Peran.SEKRETARIAT, nama="Sekretariat Matriks"),
                "tanpa_peran": buat_pengguna("matriks-tamu", nama="Tamu Matriks"),
            }
            laporan = {}
            for tahun, status in enumerate(STATUS, start=2016):
                item = laporan_buat(user=pemeran["kabid"], tahun=tahun, periode="TAHUNAN")
                if status == "dibatalkan":
                    item = laporan_transisi(
                        laporan=item, aksi="batalkan", user=pemeran["kabid"], data={"alasan": ALASAN}
                    )
                while item.status != status:
                    aksi, peran = JALAN_MAJU[item.status]
                    item = laporan_transisi(laporan=item, aksi=aksi, user=pemeran[peran], data=data_sah(aksi, item))
                laporan[status] = item.pk
        except BaseException:
            transaction.set_rollback(True)
            atomik.__exit__(None, None, None)
            raise
    yield pemeran, laporan
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomik.__exit__(None, None, None)


def test_matriks_mencakup_semua_status_aksi_dan_peran():
    """Status, aksi atau peran baru di kode harus ditambahkan ke tabel di atas, bukan lolos tanpa uji."""
    assert set(STATUS) == set(StatusLaporan.values)
    assert set(AKSI) == set(Aksi.values)
    assert set(NAMA_PERAN.values()) == set(Peran.values)
    assert len(KASUS_BOLEH) + len(KASUS_TOLAK) == 11 * 9 * 5
    assert len(KASUS_BOLEH) == 16


@pytest.mark.parametrize(("status", "aksi", "peran"), KASUS_BOLEH, ids=map(_id, KASUS_BOLEH))
def test_aksi_yang_diizinkan(panggung, status, aksi, peran):
    pemeran, per_status = panggung
    laporan = Laporan.objects.get(pk=per_status[status])
    assert laporan.status == status
    user = pemeran[peran]
    tujuan = BOLEH[status][(aksi, peran)]
    riwayat_lama = set(RiwayatLaporan.objects.filter(laporan=laporan).values_list("pk", flat=True))
    langkah_lama = {c.pk: c for c in LangkahLaporan.objects.filter(laporan=laporan)}
    terbuka = LangkahLaporan.objects.get(laporan=laporan, selesai_pada__isnull=True)
    assert terbuka.nomor == LANGKAH_PADA[status]

    hasil = laporan_transisi(laporan=laporan, aksi=aksi, user=user, data=data_sah(aksi, laporan))

    assert hasil.status == tujuan
    assert status_ke(laporan) == tujuan

    riwayat_baru = RiwayatLaporan.objects.filter(laporan=laporan).exclude(pk__in=riwayat_lama)
    assert [(r.aksi, r.dari, r.ke, r.oleh, r.peran) for r in riwayat_baru] == [
        (aksi, status, tujuan, user, NAMA_PERAN[peran])
    ]

    ditutup = LangkahLaporan.objects.get(pk=terbuka.pk)
    assert ditutup.selesai_oleh == user
    assert ditutup.selesai_pada is not None
    assert ditutup.hasil == HASIL_LANGKAH[aksi]
    assert ditutup.durasi_kerja is not None

    langkah_baru = LangkahLaporan.objects.filter(laporan=laporan).exclude(pk__in=langkah_lama)
    masih_terbuka = LangkahLaporan.objects.filter(laporan=laporan, selesai_pada__isnull=True)
    if tujuan in LANGKAH_PADA:
        # Langkah tujuan selalu baris baru (juga bila dikembalikan), diterima saat langkah lama selesai.
        assert [(c.nomor, c.diterima_pada, c.selesai_pada) for c in langkah_baru] == [
            (LANGKAH_PADA[tujuan], ditutup.selesai_pada, None)
        ]
        assert list(masih_terbuka) == list(langkah_baru)
    else:
        assert not langkah_baru.exists()
        assert not masih_terbuka.exists()
    # Langkah yang sudah selesai sebelumnya tidak disentuh.
    for pk, lama in langkah_lama.items():
        if pk != terbuka.pk:
            baru = LangkahLaporan.objects.get(pk=pk)
            assert (baru.selesai_pada, baru.selesai_oleh_id, baru.hasil) == (
                lama.selesai_pada,
                lama.selesai_oleh_id,
                lama.hasil,
            )


@pytest.mark.parametrize(("status", "aksi", "peran"), KASUS_TOLAK, ids=map(_id, KASUS_TOLAK))
def test_aksi_yang_ditolak(panggung, status, aksi, peran):
    pemeran, per_status = panggung
    laporan = Laporan.objects.get(pk=per_status[status])
    assert laporan.status == status
    data = data_sah(aksi, laporan)
    sebelum = potret(laporan)
    aksi_ada_pada_status = any(a == aksi for (a, _) in BOLEH[status])

    if aksi_ada_pada_status:
        # Status benar, orangnya salah: 403 dengan keterangan siapa yang berhak.
        with pytest.raises(LaporanDitolak) as galat:
            laporan_transisi(laporan=laporan, aksi=aksi, user=pemeran[peran], data=data)
        assert f"hanya dapat dilakukan oleh {PELAKSANA[aksi]}" in str(galat.value)
    else:
        with pytest.raises(LaporanSudahDiproses) as galat:
            laporan_transisi(laporan=laporan, aksi=aksi, user=pemeran[peran], data=data)
        assert "sudah diproses oleh" in str(galat.value)

    assert potret(laporan) == sebelum


# Isian yang disimpan oleh tiap aksi maju: aksi → {bidang Laporan: nilai dari data_sah}.
ISIAN_TERSIMPAN = {
    "beri_arahan": {"arahan": "Susun Daftar Pemanfaatan triwulan ini."},
    "beri_petunjuk": {"petunjuk": "Kumpulkan data dukung dari semua OPD.", "staf_ditunjuk": None},
    "sampaikan_laporan": {
        "analisa": "Naik dibanding triwulan lalu.",
        "evaluasi": "Dua OPD belum lapor.",
        "rekomendasi": "Surati.",
    },
    "sampaikan_lakip_bidang": {"narasi_lakip": "Capaian pemanfaatan data kependudukan triwulan ini."},
    "terima": {"catatan_pemeriksaan": "Lengkap, diterima."},
}
STATUS_AKSI = {
    "beri_arahan": "disposisi_kabid",
    "beri_petunjuk": "disposisi_kasi",
    "sampaikan_laporan": "laporan",
    "sampaikan_lakip_bidang": "lakip_bidang",
    "terima": "lakip_dinas",
}
PELAKU_AKSI = {
    "beri_arahan": "kabid",
    "beri_petunjuk": "kasi",
    "sampaikan_laporan": "kasi",
    "sampaikan_lakip_bidang": "kabid",
    "terima": "sekretariat",
}


@pytest.mark.parametrize("aksi", list(ISIAN_TERSIMPAN))
def test_isian_aksi_tersimpan_di_laporan(buat_laporan, pemeran, aksi):
    laporan = buat_laporan(STATUS_AKSI[aksi])
    laporan_transisi(laporan=laporan, aksi=aksi, user=pemeran[PELAKU_AKSI[aksi]], data=data_sah(aksi, laporan))
    laporan.refresh_from_db()
    for bidang, nilai in ISIAN_TERSIMPAN[aksi].items():
        assert getattr(laporan, bidang) == nilai


@pytest.mark.parametrize(
    ("status", "aksi", "peran"),
    [
        ("laporan", "kembalikan_ke_staf", "kasi"),
        ("lakip_bidang", "kembalikan_ke_kasi", "kabid"),
        ("lakip_dinas", "kembalikan_ke_kabid", "sekretariat"),
        ("daftar", "batalkan", "kabid"),
    ],
)
def test_alasan_pengembalian_dan_pembatalan_dicatat_di_riwayat(buat_laporan, pemeran, status, aksi, peran):
    laporan = buat_laporan(status)
    laporan_transisi(laporan=laporan, aksi=aksi, user=pemeran[peran], data={"alasan": ALASAN})
    assert RiwayatLaporan.objects.filter(laporan=laporan).latest("pk").catatan == ALASAN


def test_aksi_tidak_dikenal_ditolak_tanpa_perubahan(buat_laporan, kabid):
    laporan = buat_laporan()
    sebelum = potret(laporan)
    with pytest.raises(LaporanError, match="Aksi tidak dikenal: hapus_laporan"):
        laporan_transisi(laporan=laporan, aksi="hapus_laporan", user=kabid, data={})
    assert potret(laporan) == sebelum


def test_status_tidak_dapat_diubah_langsung(buat_laporan):
    """FSMField(protected=True): status hanya berubah lewat transisi, tidak dengan penugasan biasa."""
    laporan = buat_laporan()
    with pytest.raises(AttributeError):
        laporan.status = "selesai"


def test_siklus_lengkap_meninggalkan_jejak_setiap_aksi(buat_laporan, kabid, kasi, staf, sekretariat):
    laporan = buat_laporan("selesai")
    jejak = list(RiwayatLaporan.objects.filter(laporan=laporan).values_list("aksi", "dari", "ke", "oleh", "peran"))
    assert jejak == [
        ("buat", "", "disposisi_kabid", kabid.pk, "Kabid"),
        ("beri_arahan", "disposisi_kabid", "disposisi_kasi", kabid.pk, "Kabid"),
        ("beri_petunjuk", "disposisi_kasi", "daftar", kasi.pk, "Kasi KIP"),
        ("selesaikan_daftar", "daftar", "hitung", staf.pk, "Staf"),
        ("laporkan_hitungan", "hitung", "laporan", staf.pk, "Staf"),
        ("sampaikan_laporan", "laporan", "lakip_bidang", kasi.pk, "Kasi KIP"),
        ("sampaikan_lakip_bidang", "lakip_bidang", "lakip_dinas", kabid.pk, "Kabid"),
        ("terima", "lakip_dinas", "selesai", sekretariat.pk, "Sekretariat"),
    ]
    langkah = list(LangkahLaporan.objects.filter(laporan=laporan).values_list("nomor", "hasil", "selesai_oleh"))
    assert langkah == [
        (1, "SELESAI", kabid.pk),
        (2, "SELESAI", kasi.pk),
        (3, "SELESAI", staf.pk),
        (4, "SELESAI", staf.pk),
        (5, "SELESAI", kasi.pk),
        (6, "SELESAI", kabid.pk),
        (7, "SELESAI", sekretariat.pk),
    ]
