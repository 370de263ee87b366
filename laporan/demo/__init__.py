"""Data demo: OPD Sumatera Barat, PKS, Daftar Pemanfaatan 24 bulan terakhir, dua siklus SOP dan satu pengguna
per peran.

Dipanggil oleh `python manage.py seed_demo`. Semua tanggal dihitung dari hari ini agar status PKS
(aktif, segera berakhir, berakhir) dan periode laporan tetap bermakna kapan pun demo dimuat.
Setiap penulisan memakai kunci alami (kode OPD, nomor PKS, kunci unik baris Daftar, username), sehingga
menjalankan ulang tidak menggandakan atau mengubah apa pun; data yang sudah ada tidak ditimpa.
Volume dibangkitkan dengan `random.Random` yang diberi benih tetap: hasilnya sama pada setiap basis data.
"""

import csv
import datetime
import random
import secrets
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from akun.models import Pengguna, Peran
from laporan.demo.iku import HasilIku, iku_demo_get_or_create
from laporan.demo.profil import DK, KTP, NIK, PROFIL, Layanan, Profil, RencanaPks
from laporan.demo.siklus import HasilSiklus, siklus_demo_create
from pemanfaatan.models import (
    NAMA_BULAN,
    JenisOpd,
    JenisPemanfaatan,
    MetodeAkses,
    Opd,
    Pemanfaatan,
    PerjanjianKerjaSama,
    StatusPksPemanfaatan,
    TujuanPemanfaatan,
)

ALASAN_RIWAYAT = "Data demo (seed_demo)"
# Nomor PKS demo: 470 (kode klasifikasi arsip urusan kependudukan) / nomor urut register / kode register / tahun.
KODE_REGISTER_PKS = "Dukcapil-PIAK"


class DemoError(Exception):
    """Data demo tidak dapat dimuat; pesannya untuk dibaca orang yang menjalankan perintah."""


def fixture_opd_path() -> Path:
    return Path(apps.get_app_config("pemanfaatan").path) / "fixtures" / "opd_sumbar.csv"


# --- Pengguna demo ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PenggunaDemo:
    username: str
    peran: Peran | None
    nama: str
    nip: str = ""
    jabatan: str = ""
    pangkat_golongan: str = ""
    superuser: bool = False

    @property
    def email(self) -> str:
        # Domain .example dicadangkan (RFC 2606): surel demo tidak pernah sampai ke orang sungguhan.
        return f"{self.username}@sop-kinerja.example"


# Nama dan NIP rekaan; NIP tetap tersusun sah (tanggal lahir, TMT CPNS, jenis kelamin, nomor urut).
PENGGUNA_DEMO = (
    PenggunaDemo("kabid", Peran.KABID, "Syafrizal Chaniago, S.Sos., M.Si.", "197108231997031005",
                 "Kepala Bidang PIAK dan Pemanfaatan Data", "Pembina (IV/a)"),
    PenggunaDemo("kasi", Peran.KASI_KIP, "Rina Marlina, S.Kom., M.T.", "198309212009032002",
                 "Kepala Seksi Kerjasama dan Inovasi Pelayanan", "Penata Tk. I (III/d)"),
    PenggunaDemo("staf", Peran.STAF, "Fadli Ramadhan, S.Kom.", "199602142022031007",
                 "Pengelola Data", "Penata Muda (III/a)"),
    PenggunaDemo("sekretariat", Peran.SEKRETARIAT, "Yuliana Putri, S.E., M.Ak.", "198507122010012003",
                 "Kepala Sub Bagian Perencanaan dan Keuangan", "Penata (III/c)"),
    PenggunaDemo("admin", None, "Administrator Sistem", superuser=True),
)  # fmt: skip


@dataclass(frozen=True)
class HasilPengguna:
    username: str
    peran: str
    dibuat: bool
    kata_sandi_disetel: bool
    kata_sandi: str | None  # hanya diisi bila kata sandi baru dibangkitkan atau disetel


def _pengguna_baru(spec: PenggunaDemo) -> Pengguna:
    return Pengguna(
        username=spec.username,
        email=spec.email,
        nama=spec.nama,
        nip=spec.nip,
        jabatan=spec.jabatan,
        pangkat_golongan=spec.pangkat_golongan,
        is_staff=spec.superuser,
        is_superuser=spec.superuser,
    )


def kata_sandi_validate(kata_sandi: str) -> None:
    """Kata sandi bersama diperiksa dengan validator proyek untuk setiap pengguna demo sebelum apa pun ditulis."""
    for spec in PENGGUNA_DEMO:
        try:
            validate_password(kata_sandi, user=_pengguna_baru(spec))
        except ValidationError as e:
            raise DemoError(f"Kata sandi demo ditolak untuk pengguna {spec.username}: {' '.join(e.messages)}") from None


def _hash_kata_sandi(daftar: list[str]) -> list[str]:
    # PBKDF2 (sejuta iterasi) melepas GIL: lima hash dihitung paralel agar perintah tetap beberapa detik saja.
    with ThreadPoolExecutor(max_workers=len(PENGGUNA_DEMO)) as pelaksana:
        return list(pelaksana.map(make_password, daftar))


def pengguna_demo_get_or_create(*, kata_sandi: str | None = None) -> list[HasilPengguna]:
    """Satu pengguna per peran SOP ditambah `admin`; pengguna yang sudah ada tidak diubah kecuali kata sandinya."""
    ada = Pengguna.objects.in_bulk([spec.username for spec in PENGGUNA_DEMO], field_name="username")
    rencana = []  # (spec, pengguna, dibuat, kata sandi baru atau None)
    for spec in PENGGUNA_DEMO:
        pengguna = ada.get(spec.username)
        if pengguna is None:
            rencana.append((spec, _pengguna_baru(spec), True, kata_sandi or secrets.token_urlsafe(12)))
        else:
            rencana.append((spec, pengguna, False, kata_sandi))
    hash_ = iter(_hash_kata_sandi([sandi for *_, sandi in rencana if sandi]))

    hasil = []
    for spec, pengguna, dibuat, sandi in rencana:
        if sandi:
            pengguna.password = next(hash_)
        if dibuat:
            try:
                pengguna.full_clean()
            except ValidationError as e:
                raise DemoError(f"Pengguna demo {spec.username} tidak dapat dibuat: {' '.join(e.messages)}") from None
            pengguna.save()
            if spec.peran:
                pengguna.groups.add(Group.objects.get(name=spec.peran.value))
        elif sandi:
            pengguna.save(update_fields=["password"])
        peran = spec.peran.value if spec.peran else "superuser"
        hasil.append(HasilPengguna(spec.username, peran, dibuat, bool(sandi), sandi))
    return hasil


# --- OPD ----------------------------------------------------------------------------------------


def opd_fixture_rows() -> list[dict[str, str]]:
    with fixture_opd_path().open(newline="", encoding="utf-8") as berkas:
        return [
            {
                "kode": baris["kode"].strip(),
                "nama": baris["nama"].strip(),
                "jenis": JenisOpd(baris["jenis"].strip()).value,
                "singkatan": (baris.get("singkatan") or "").strip(),
            }
            for baris in csv.DictReader(berkas)
        ]


@dataclass
class HasilOpd:
    opd: dict[str, Opd] = field(default_factory=dict)  # kode di fixture → OPD di basis data
    dibuat: int = 0
    diperbarui: int = 0
    tetap: int = 0
    peringatan: list[str] = field(default_factory=list)


def opd_load_from_fixture() -> HasilOpd:
    """Data master OPD Provinsi Sumatera Barat dari fixture; kode SKPD adalah kunci alaminya."""
    hasil = HasilOpd()
    ada_per_kode = {opd.kode: opd for opd in Opd.objects.all()}
    ada_per_nama = {opd.nama.lower(): opd for opd in ada_per_kode.values()}
    baru = []
    for baris in opd_fixture_rows():
        opd = ada_per_kode.get(baris["kode"])
        if opd is None:
            kembar = ada_per_nama.get(baris["nama"].lower())
            if kembar is not None:
                hasil.peringatan.append(
                    f"OPD {baris['nama']} sudah terdaftar dengan kode {kembar.kode} (fixture: {baris['kode']}); "
                    "data yang ada dipakai tanpa diubah."
                )
                hasil.opd[baris["kode"]] = kembar
                hasil.tetap += 1
                continue
            opd = Opd(**baris)
            baru.append(opd)
            hasil.opd[baris["kode"]] = opd
            continue
        hasil.opd[baris["kode"]] = opd
        berubah = [f for f in ("nama", "jenis", "singkatan") if getattr(opd, f) != baris[f]]
        if berubah:
            for f in berubah:
                setattr(opd, f, baris[f])
            opd.full_clean()
            opd.save(update_fields=berubah)
            hasil.diperbarui += 1
        else:
            hasil.tetap += 1
    for opd in baru:
        opd.full_clean()
    Opd.objects.bulk_create(baru)
    hasil.dibuat = len(baru)
    return hasil


# --- PKS ----------------------------------------------------------------------------------------


def _mundur_tahun(tanggal: datetime.date, tahun: int) -> datetime.date:
    try:
        return tanggal.replace(year=tanggal.year - tahun)
    except ValueError:  # 29 Februari
        return tanggal.replace(year=tanggal.year - tahun, day=28)


def _lingkup(profil: Profil, rencana: RencanaPks) -> frozenset[JenisPemanfaatan]:
    return rencana.lingkup or frozenset(layanan.jenis for layanan in profil.layanan)


def pks_rencana_fields(profil: Profil, rencana: RencanaPks, hari_ini: datetime.date) -> dict:
    """Isi satu PKS demo; tanggal berlaku dihitung mundur dari hari ini menurut `sisa_hari`."""
    berlaku_sampai = hari_ini + datetime.timedelta(days=rencana.sisa_hari)
    berlaku_mulai = _mundur_tahun(berlaku_sampai, rencana.masa_tahun) + datetime.timedelta(days=1)
    tanggal = berlaku_mulai - datetime.timedelta(days=rencana.urut % 9)  # ditandatangani beberapa hari sebelumnya
    lingkup = _lingkup(profil, rencana)
    metode = {layanan.metode for layanan in profil.layanan if layanan.jenis in lingkup and not layanan.tanpa_pks}
    return {
        "nomor": f"470/{rencana.urut:03d}/{KODE_REGISTER_PKS}/{tanggal.year}",
        "tanggal": tanggal,
        "berlaku_mulai": berlaku_mulai,
        "berlaku_sampai": berlaku_sampai,
        "lingkup_data_kependudukan": DK in lingkup,
        "lingkup_nik": NIK in lingkup,
        "lingkup_ktp_el": KTP in lingkup,
        "tujuan": [t.value for t in TujuanPemanfaatan if t in profil.tujuan],
        "metode_akses": [m.value for m in MetodeAkses if m in metode],
    }


@dataclass
class HasilPks:
    pks: dict[str, list[PerjanjianKerjaSama]] = field(default_factory=dict)  # kode OPD → PKS-nya
    dibuat: int = 0
    ada: int = 0
    peringatan: list[str] = field(default_factory=list)


def pks_demo_get_or_create(*, opd: dict[str, Opd], user: Pengguna, hari_ini: datetime.date) -> HasilPks:
    """PKS demo dengan status beragam; PKS yang nomornya sudah ada dibiarkan apa adanya."""
    hasil = HasilPks()
    rencana = [(p, r, pks_rencana_fields(p, r, hari_ini)) for p in PROFIL for r in p.pks]
    # Tahun pada nomor mengikuti tanggal yang dihitung dari hari ini; PKS demo yang dibuat pada hari lain
    # dikenali dari nomor tanpa tahunnya, agar menjalankan ulang kelak tidak menggandakan PKS.
    ada = {
        (pks.opd_id, pks.nomor.rsplit("/", 1)[0]): pks
        for pks in PerjanjianKerjaSama.objects.filter(nomor__contains=f"/{KODE_REGISTER_PKS}/")
    }
    nomor_terpakai = set(
        PerjanjianKerjaSama.objects.filter(nomor__in=[isi["nomor"] for *_, isi in rencana]).values_list(
            "nomor", flat=True
        )
    )
    for profil, _, isi in rencana:
        milik = opd[profil.kode]
        daftar = hasil.pks.setdefault(profil.kode, [])
        pks = ada.get((milik.pk, isi["nomor"].rsplit("/", 1)[0]))
        if pks is not None:
            daftar.append(pks)
            hasil.ada += 1
            continue
        if isi["nomor"] in nomor_terpakai:
            hasil.peringatan.append(f"Nomor PKS {isi['nomor']} sudah dipakai OPD lain; PKS demo ini dilewati.")
            continue
        pks = PerjanjianKerjaSama(opd=milik, **isi)
        if daftar:
            pks.keterangan = f"Perpanjangan PKS nomor {daftar[-1].nomor}."
        pks._history_user = user
        pks.full_clean()
        pks.save()
        daftar.append(pks)
        hasil.dibuat += 1
    return hasil


# --- Daftar Pemanfaatan -------------------------------------------------------------------------


def bulan_terakhir(hari_ini: datetime.date, jumlah: int = 24) -> list[tuple[int, int]]:
    """(tahun, bulan) untuk `jumlah` bulan terakhir, urut dari yang terlama sampai bulan berjalan."""
    indeks = hari_ini.year * 12 + hari_ini.month - 1
    return [(i // 12, i % 12 + 1) for i in range(indeks - jumlah + 1, indeks + 1)]


def nama_bulan(tahun: int, bulan: int) -> str:
    return f"{NAMA_BULAN[bulan - 1]} {tahun}"


def _pilih_pks(
    daftar_pks: list[PerjanjianKerjaSama], profil: Profil, layanan: Layanan, tahun: int, bulan: int
) -> tuple[bool, PerjanjianKerjaSama | None]:
    """(dicatat?, PKS yang disebut Staf) untuk satu layanan pada satu bulan."""
    if layanan.tanpa_pks or not daftar_pks:
        return True, None
    berlaku = [p for p in daftar_pks if p.berlaku_pada_bulan(tahun, bulan)]
    if berlaku:
        mencakup = [p for p in berlaku if p.mencakup(layanan.jenis)]
        return True, max(mencakup or berlaku, key=lambda p: p.berlaku_sampai)
    awal_bulan = datetime.date(tahun, bulan, 1)
    if profil.lanjut_setelah_berakhir and all(p.berlaku_sampai < awal_bulan for p in daftar_pks):
        return True, max(daftar_pks, key=lambda p: p.berlaku_sampai)
    # Sebelum PKS pertama berlaku atau setelah PKS berakhir, OPD tidak memakai data.
    return False, None


def _jumlah(profil: Profil, indeks: int, layanan: Layanan, tahun: int, bulan: int) -> int | None:
    # Benih per (OPD, layanan, bulan): angka sebuah bulan tidak bergantung pada bulan atau OPD lain.
    acak = random.Random(f"{profil.kode}|{indeks}|{tahun}-{bulan:02d}")  # noqa: S311 — data demo, bukan keamanan
    if acak.random() >= layanan.peluang:
        return None
    return max(1, round(layanan.volume * layanan.musim.get(bulan, 1.0) * acak.uniform(0.8, 1.2)))


@dataclass
class HasilPemanfaatan:
    periode: list[tuple[int, int]]
    dibuat: int = 0
    ada: int = 0
    temuan: int = 0  # baris baru tanpa PKS sah


def pemanfaatan_demo_create(
    *, opd: dict[str, Opd], pks: dict[str, list[PerjanjianKerjaSama]], user: Pengguna, hari_ini: datetime.date
) -> HasilPemanfaatan:
    """Langkah 3 (contoh): Daftar Pemanfaatan 24 bulan terakhir, agar dasbor punya pembanding tahun lalu.

    Baris yang kunci alaminya sudah ada dilewati.
    """
    periode = bulan_terakhir(hari_ini)
    hasil = HasilPemanfaatan(periode=periode)
    ada = {
        (opd_id, jenis, tahun, bulan, metode, keperluan.lower())
        for opd_id, jenis, tahun, bulan, metode, keperluan in Pemanfaatan.objects.filter(
            tahun__gte=periode[0][0], opd__in=list(opd.values())
        ).values_list("opd_id", "jenis", "tahun", "bulan", "metode_akses", "keperluan")
    }
    baru = []
    for profil in PROFIL:
        milik = opd[profil.kode]
        for indeks, layanan in enumerate(profil.layanan):
            for tahun, bulan in periode:
                dicatat, dasar = _pilih_pks(pks.get(profil.kode, []), profil, layanan, tahun, bulan)
                jumlah = _jumlah(profil, indeks, layanan, tahun, bulan) if dicatat else None
                if jumlah is None:
                    continue
                if (milik.pk, layanan.jenis, tahun, bulan, layanan.metode, layanan.keperluan.lower()) in ada:
                    hasil.ada += 1
                    continue
                baris = Pemanfaatan(
                    opd=milik,
                    jenis=layanan.jenis,
                    tahun=tahun,
                    bulan=bulan,
                    keperluan=layanan.keperluan,
                    metode_akses=layanan.metode,
                    pks=dasar,
                    jumlah=jumlah,
                    keterangan=layanan.keterangan,
                    created_by=user,
                    updated_by=user,
                )
                if baris.status_pks_hitung() == StatusPksPemanfaatan.TIDAK_BERLAKU:
                    baris.keterangan = "PKS sudah berakhir; perpanjangan masih dalam proses."
                if baris.status_pks_hitung() != StatusPksPemanfaatan.SAH:
                    hasil.temuan += 1
                baru.append(baris)
    bulk_create_with_history(baru, Pemanfaatan, batch_size=500, default_user=user, default_change_reason=ALASAN_RIWAYAT)
    hasil.dibuat = len(baru)
    return hasil


# --- Semua --------------------------------------------------------------------------------------


@dataclass
class HasilDemo:
    opd: HasilOpd
    pks: HasilPks
    pemanfaatan: HasilPemanfaatan
    iku: HasilIku
    siklus: HasilSiklus
    pengguna: list[HasilPengguna]
    kata_sandi_bersama: bool

    @property
    def peringatan(self) -> list[str]:
        siklus = [self.siklus.dilewati] if self.siklus.dilewati else []
        return self.opd.peringatan + self.pks.peringatan + siklus


def pelaku_demo() -> dict[Peran, Pengguna]:
    """Pengguna demo per peran SOP (kabid, kasi, staf, sekretariat), untuk menjalankan siklus demo."""
    pengguna = Pengguna.objects.in_bulk([s.username for s in PENGGUNA_DEMO if s.peran], field_name="username")
    return {s.peran: pengguna[s.username] for s in PENGGUNA_DEMO if s.peran and s.username in pengguna}


@transaction.atomic
def demo_seed(*, hari_ini: datetime.date, kata_sandi: str | None = None) -> HasilDemo:
    """Muat seluruh data demo dalam satu transaksi: gagal di tengah berarti tidak ada yang tersimpan."""
    if kata_sandi:
        kata_sandi_validate(kata_sandi)
    pengguna = pengguna_demo_get_or_create(kata_sandi=kata_sandi)
    pelaku = pelaku_demo()
    kasi, staf = pelaku[Peran.KASI_KIP], pelaku[Peran.STAF]
    hasil_opd = opd_load_from_fixture()
    hasil_pks = pks_demo_get_or_create(opd=hasil_opd.opd, user=kasi, hari_ini=hari_ini)
    hasil_pemanfaatan = pemanfaatan_demo_create(opd=hasil_opd.opd, pks=hasil_pks.pks, user=staf, hari_ini=hari_ini)
    hasil_iku = iku_demo_get_or_create(tahun=sorted({tahun for tahun, _ in hasil_pemanfaatan.periode}))
    # Layanan siklus memakai jam sebenarnya: triwulan yang "sudah usai" tidak boleh dihitung dari hari esok.
    hasil_siklus = siklus_demo_create(hari_ini=min(hari_ini, timezone.localdate()), pelaku=pelaku)
    return HasilDemo(
        opd=hasil_opd,
        pks=hasil_pks,
        pemanfaatan=hasil_pemanfaatan,
        iku=hasil_iku,
        siklus=hasil_siklus,
        pengguna=pengguna,
        kata_sandi_bersama=bool(kata_sandi),
    )
