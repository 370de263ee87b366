"""Validasi setiap baris impor dengan PemanfaatanForm: satu aturan dengan formulir di peramban.

Data master (OPD, PKS) dan kunci data yang sudah ada dimuat sekali per pemeriksaan, sehingga
memeriksa 10.000 baris tidak berarti puluhan ribu kueri.

Dua pemeriksaan: `periksa_semua` membaca sel berkas saat unggah dan menyimpan nilai bersih setiap
baris di pratinjau; `periksa_ulang` memeriksa nilai tersimpan itu lagi saat Staf menyimpan, hanya
pada bagian yang dapat berubah sejak pratinjau, tanpa membaca berkas lagi.
"""

import copy
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from pemanfaatan.forms import PemanfaatanForm
from pemanfaatan.impor import kolom as k
from pemanfaatan.impor.berkas import BarisMentah
from pemanfaatan.impor.nilai import NilaiSalah, angka, bilangan_bulat, bulan, kosong, kutip, pilihan, teks_sel
from pemanfaatan.models import (
    TAHUN_MAKSIMUM,
    TAHUN_MINIMUM,
    Bulan,
    JenisPemanfaatan,
    MetodeAkses,
    Opd,
    Pemanfaatan,
    PerjanjianKerjaSama,
    StatusPksPemanfaatan,
)

PANJANG_TAMPILAN = 120
LABEL_JENIS = dict(JenisPemanfaatan.choices)
LABEL_BULAN = dict(Bulan.choices)
LABEL_METODE = dict(MetodeAkses.choices)

Kunci = tuple[int, str, int, int, str, str]

# Bidang yang isinya khas untuk setiap baris; bidang lainnya berulang di banyak baris dan, saat periksa
# ulang, cukup diperiksa PemanfaatanForm sekali per kombinasi nilainya (lihat `periksa_ulang`).
BIDANG_KHAS_BARIS = ("keperluan", "jumlah", "keterangan")
BIDANG_KOMBINASI = tuple(nama for nama in PemanfaatanForm._meta.fields if nama not in BIDANG_KHAS_BARIS)
_kombinasi = operator.itemgetter(*BIDANG_KOMBINASI)


class StatusBaris(models.TextChoices):
    SAH = "sah", "Siap disimpan"
    GALAT = "galat", "Bermasalah"
    DUPLIKAT = "duplikat", "Duplikat (dilewati)"


def kunci_unik(opd_id: int, jenis: str, tahun: int, bulan_: int, metode: str, keperluan: str) -> Kunci:
    """Kunci alami satu baris Daftar, sama dengan batasan `pemanfaatan_unik_per_bulan`.

    Keperluan dibandingkan tanpa beda huruf dan spasi berlebih: sedikit lebih ketat daripada
    basis data, agar impor tidak pernah berhenti di tengah karena pelanggaran keunikan.
    """
    return (opd_id, jenis, tahun, bulan_, metode, " ".join(keperluan.split()).lower())


def _ambil_pilihan(bidang, objek: dict[int, Any], nilai):
    """Pengganti ModelChoiceField.to_python: mencari di pilihan yang sudah dimuat, bukan satu kueri per baris."""
    if nilai in bidang.empty_values:
        return None
    try:
        return objek[int(nilai)]
    except (KeyError, ValueError, TypeError):
        raise ValidationError(
            bidang.error_messages["invalid_choice"], code="invalid_choice", params={"value": nilai}
        ) from None


def _tanpa_batasan_basis_data(exclude=None) -> None:
    """Batasan model tidak diperiksa per baris; lihat PemanfaatanImporForm."""


class PemanfaatanImporForm(PemanfaatanForm):
    """PemanfaatanForm untuk baris impor: aturan yang sama, tanpa kueri basis data per baris.

    - Pilihan OPD dan PKS dimuat sekali dari queryset formulir ini sendiri (mis. hanya OPD
      aktif), lalu setiap baris mencarinya di memori.
    - Batasan model tidak diperiksa lewat kueri per baris: keunikan diperiksa dari kunci yang
      dimuat sekali (dan dilaporkan sebagai duplikat, bukan galat); batasan cek lainnya
      (jumlah ≥ 0, bulan 1–12, tahun) sudah dijaga validator bidang. Basis data tetap
      menegakkan semuanya saat menyimpan, di dalam satu transaksi.
    - Field.clean satu bidang formulir hanya bergantung pada nilai bidang itu. OPD, jenis, tahun,
      bulan, metode akses dan PKS berulang di ribuan baris, jadi nilai yang sudah lolos tidak
      diperiksa lagi di baris berikutnya; nilai yang gagal selalu diperiksa ulang agar pesannya
      sama. `clean_<bidang>`, `clean()` dan pemeriksaan model tetap dijalankan untuk setiap baris.

    Satu formulir contoh (tidak terikat) dibuat per berkas; setiap baris memakai salinannya
    lewat `untuk_baris`, dan semua salinan berbagi pilihan dan catatan nilai yang sudah lolos.
    """

    def __init__(self):
        super().__init__()
        self.pilihan: dict[str, dict[int, Any]] = {}
        for nama in ("opd", "pks"):
            bidang = self.fields[nama]
            self.pilihan[nama] = {objek.pk: objek for objek in bidang.queryset}
            bidang.to_python = partial(_ambil_pilihan, bidang, self.pilihan[nama])
        for bidang in self.fields.values():
            if isinstance(bidang, forms.TypedChoiceField):
                # Pilihan dari model dibungkus iterator yang menyisipkan pilihan kosong setiap kali
                # diiterasi; daftar yang sama, dibentuk sekali, memberi hasil yang sama.
                bidang.choices = list(bidang.choices)
        # (bidang, jenis nilai, nilai) → nilai bersih. Jenis ikut menjadi kunci karena 1, 1.0 dan True
        # sama bagi dict tetapi tidak bagi Field.clean.
        self.lolos: dict[tuple[str, type, Any], Any] = {}
        self.ada_clean_bidang = {nama for nama in self.fields if hasattr(self, f"clean_{nama}")}

    def untuk_baris(self, data: dict[str, Any]) -> "PemanfaatanImporForm":
        """Formulir terikat untuk satu baris, disalin dari formulir contoh ini.

        Membuat formulir baru menyalin (deepcopy) semua bidang beserta queryset-nya: sekitar dua
        pertiga waktu memeriksa 10.000 baris. Bidang tidak diubah selama validasi sehingga aman
        dipakai bersama; yang khas per baris (data, galat, cache BoundField, instance) dibuat
        baru di sini, seperti yang dilakukan BaseForm.__init__. Syaratnya:
        PemanfaatanForm.__init__ tidak boleh bergantung pada data yang diikat (dijaga uji
        `test_formulir_impor_sama_dengan_formulir_peramban`).
        """
        form = copy.copy(self)
        form.is_bound = True
        form.data = data
        form._errors = None
        form._bound_fields_cache = {}
        form.instance = Pemanfaatan()
        form.instance.validate_constraints = _tanpa_batasan_basis_data
        return form

    def _clean_fields(self):
        """BaseForm._clean_fields tanpa BoundField dan tanpa memeriksa ulang nilai yang sudah lolos.

        BoundField (nama HTML, label, id) hanya dipakai untuk membaca isian widget, tetapi
        membuatnya untuk setiap bidang di setiap baris memakan seperlima waktu memeriksa.
        Widget formulir ini (Select, TextInput, NumberInput, Textarea) membaca isian dengan
        `data.get(nama)` dan tidak ada bidang yang dinonaktifkan (dijaga uji
        `test_formulir_impor_membaca_isian_seperti_widget`), jadi nilai diambil langsung.
        `clean_<bidang>` tetap dijalankan untuk setiap baris.
        """
        for nama, bidang in self.fields.items():
            nilai = self.data.get(nama)
            kunci = (nama, type(nilai), nilai)
            try:
                if kunci not in self.lolos:
                    self.lolos[kunci] = bidang.clean(nilai)
                self.cleaned_data[nama] = self.lolos[kunci]
                if nama in self.ada_clean_bidang:
                    self.cleaned_data[nama] = getattr(self, f"clean_{nama}")()
            except ValidationError as galat:
                self.add_error(nama, galat)

    def _get_validation_exclusions(self):
        # OPD dan PKS sudah dicocokkan dengan objek yang baru dimuat; pemeriksaan keberadaan
        # ForeignKey oleh model hanya akan menambah dua kueri per baris.
        return super()._get_validation_exclusions() | {"opd", "pks"}

    def validate_unique(self):
        """Keunikan diperiksa dari kunci yang dimuat sekali (lihat `_tandai_duplikat`), bukan per baris.

        Untuk baris baru, Model.validate_unique hanya memeriksa bidang `unique=True` dan
        `unique_together`; Pemanfaatan tidak punya keduanya (dijaga uji
        `test_model_tidak_punya_batasan_yang_tidak_diperiksa_impor`), jadi yang dilewati di sini
        hanya pencarian pemeriksaan yang pasti kosong.
        """


@dataclass
class Konteks:
    """Formulir contoh, data master, dan kunci data yang sudah ada: dimuat sekali untuk seluruh berkas."""

    contoh: PemanfaatanImporForm
    opd_per_kunci: dict[str, Opd]
    pks_per_nomor: dict[str, PerjanjianKerjaSama]
    sudah_ada: dict[Kunci, int]
    terbaca: dict[tuple[str, type, Any], Any] = field(default_factory=dict)

    @classmethod
    def muat(cls, tahun: set[int]) -> "Konteks":
        contoh = PemanfaatanImporForm()
        # Semua OPD, juga yang nonaktif: agar pesannya "sudah tidak aktif", bukan "tidak ada".
        semua_opd = list(Opd.objects.all())
        opd_per_kunci = {k.kunci_teks(opd.nama): opd for opd in semua_opd}
        opd_per_kunci.update({k.kunci_teks(opd.kode): opd for opd in semua_opd})
        sudah_ada = {
            kunci_unik(*baris[1:]): baris[0]
            for baris in Pemanfaatan.objects.filter(tahun__in=tahun).values_list(
                "pk", "opd_id", "jenis", "tahun", "bulan", "metode_akses", "keperluan"
            )
        }
        return cls(
            contoh=contoh,
            opd_per_kunci=opd_per_kunci,
            pks_per_nomor={k.kunci_teks(pks.nomor): pks for pks in contoh.pilihan["pks"].values()},
            sudah_ada=sudah_ada,
        )

    def baca(self, bidang: str, nilai: Any) -> Any:
        """Isi sel → nilai formulir lewat PEMBACA.

        OPD, jenis, tahun, bulan, metode akses dan PKS berulang di ribuan baris; isi sel yang sama
        cukup dibaca sekali per berkas. Jenis nilai ikut menjadi kunci karena 1, 1.0 dan True sama
        bagi dict tetapi tidak bagi pembaca.
        """
        if bidang not in BIDANG_KOMBINASI:
            return PEMBACA[bidang](nilai, self)
        kunci = (bidang, type(nilai), nilai)
        if kunci not in self.terbaca:
            try:
                self.terbaca[kunci] = PEMBACA[bidang](nilai, self)
            except NilaiSalah as galat:
                self.terbaca[kunci] = galat
        hasil = self.terbaca[kunci]
        if isinstance(hasil, NilaiSalah):
            raise NilaiSalah(str(hasil))
        return hasil


@dataclass
class HasilBaris:
    """Hasil pemeriksaan satu baris Excel; saat periksa ulang, baris sah mendapat `objek` siap disimpan.

    `data` adalah nilai bersih baris itu menurut PemanfaatanForm (OPD dan PKS sebagai pk), ada bila
    isi selnya lolos pemeriksaan. Nilai ini disimpan di pratinjau, di server, dan menjadi satu-satunya
    sumber baris yang disimpan ke Daftar.
    """

    nomor: int
    nilai: list[str]
    galat: list[tuple[str, str]] = field(default_factory=list)
    duplikat_pk: int | None = None
    duplikat_baris: int | None = None
    catatan: str = ""
    data: dict[str, Any] | None = None
    objek: Pemanfaatan | None = None

    @property
    def status(self) -> StatusBaris:
        if self.galat:
            return StatusBaris.GALAT
        if self.duplikat_pk or self.duplikat_baris:
            return StatusBaris.DUPLIKAT
        return StatusBaris.SAH

    def ke_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"baris": self.nomor, "status": self.status.value, "nilai": self.nilai}
        if self.galat:
            # Daftar, bukan tuple: sama dengan yang dibaca kembali dari JSON, agar hasil dapat dibandingkan.
            data["galat"] = [[kolom, pesan] for kolom, pesan in self.galat]
        for nama in ("duplikat_pk", "duplikat_baris", "catatan", "data"):
            if getattr(self, nama):
                data[nama] = getattr(self, nama)
        return data


@dataclass
class Pemeriksaan:
    """Hasil pemeriksaan seluruh berkas."""

    baris: list[HasilBaris]

    def jumlah(self, status: StatusBaris) -> int:
        return sum(1 for hasil in self.baris if hasil.status == status)

    def objek_baru(self) -> list[Pemanfaatan]:
        return [hasil.objek for hasil in self.baris if hasil.status == StatusBaris.SAH]

    def ke_json(self) -> list[dict[str, Any]]:
        return [hasil.ke_json() for hasil in self.baris]


def periksa_semua(baris_mentah: list[BarisMentah]) -> Pemeriksaan:
    """Periksa setiap baris dan tandai duplikat terhadap data yang ada maupun baris sebelumnya di berkas."""
    konteks = Konteks.muat(_tahun_dalam_berkas(baris_mentah))
    dilihat: dict[Kunci, int] = {}
    return Pemeriksaan([periksa_baris(mentah, konteks, dilihat) for mentah in baris_mentah])


def _tahun_dalam_berkas(baris_mentah: list[BarisMentah]) -> set[int]:
    """Tahun yang sah di berkas, untuk memuat data yang sudah ada; tahun di luar rentang ditolak formulir."""
    tahun = set()
    for mentah in baris_mentah:
        try:
            nilai = bilangan_bulat(mentah.sel.get(k.TAHUN))
        except NilaiSalah:
            continue
        if TAHUN_MINIMUM <= nilai <= TAHUN_MAKSIMUM:
            tahun.add(nilai)
    return tahun


def periksa_baris(mentah: BarisMentah, konteks: Konteks, dilihat: dict[Kunci, int]) -> HasilBaris:
    """Baca sel → data formulir → PemanfaatanForm → galat per kolom, duplikat, atau baris siap simpan."""
    hasil = HasilBaris(nomor=mentah.nomor, nilai=[])
    data = {}
    for bidang, kolom in k.KOLOM_BIDANG.items():
        try:
            data[bidang] = konteks.baca(bidang, mentah.sel.get(kolom))
        except NilaiSalah as galat:
            hasil.galat.append((kolom, str(galat)))
            data[bidang] = ""
    form = konteks.contoh.untuk_baris(data)
    _galat_formulir(form, hasil)
    if hasil.galat:
        # Baris bergalat ditampilkan seperti yang tertulis di sel, agar Staf mengenalinya di berkasnya.
        hasil.nilai = [_potong(teks_sel(mentah.sel.get(kolom))) for kolom in k.KOLOM]
    else:
        hasil.nilai = _tampilan(form.cleaned_data)
        hasil.data = {
            nama: nilai.pk if isinstance(nilai, models.Model) else nilai for nama, nilai in form.cleaned_data.items()
        }
    _tandai_duplikat(form.cleaned_data, konteks, dilihat, hasil)
    if hasil.status == StatusBaris.SAH:
        # Saat pratinjau objek formulir hanya dipakai untuk temuan PKS, tidak disimpan di hasil: 10.000
        # objek model yang tetap hidup sampai akhir pemeriksaan memperlambat pengumpul sampah Python.
        hasil.catatan = _catatan_pks(form.instance)
    return hasil


def periksa_ulang(tersimpan: list[dict[str, Any]]) -> Pemeriksaan:
    """Nilai bersih baris pratinjau diperiksa lagi terhadap data di aplikasi saat ini, tanpa membaca berkas.

    Yang dapat berubah sejak pratinjau hanyalah yang bergantung pada basis data: pilihan OPD dan
    PKS beserta aturan PemanfaatanForm tentang keduanya (OPD aktif, PKS terdaftar dan milik OPD
    itu), status PKS, dan duplikat terhadap Daftar maupun baris lain di berkas. Keperluan, jumlah
    dan keterangan hanya diatur aturan tetap (wajib, panjang, angka) yang sudah lolos saat
    pratinjau. Karena itu PemanfaatanForm — tetap satu-satunya sumber aturan baris — dijalankan
    sekali untuk setiap kombinasi bidang lainnya (OPD, PKS, jenis, tahun, bulan, metode akses),
    dan hasilnya berlaku bagi semua baris dengan kombinasi itu. Syaratnya: aturan formulir yang
    membaca basis data tidak memakai ketiga bidang khas baris itu.

    Setiap baris di `tersimpan` harus membawa `data`; baris yang isi selnya salah harus diperbaiki
    di berkas dan diunggah ulang.
    """
    konteks = Konteks.muat({baris["data"]["tahun"] for baris in tersimpan})
    dilihat: dict[Kunci, int] = {}
    per_kombinasi: dict[tuple, tuple[dict[str, Any], list[tuple[str, str]]]] = {}
    # Temuan PKS hanya bergantung pada PKS, tahun, bulan dan jenis: juga cukup sekali per kombinasi.
    catatan: dict[tuple, str] = {}
    hasil = []
    for lama in tersimpan:
        data = lama["data"]
        kombinasi = _kombinasi(data)
        if kombinasi not in per_kombinasi:
            form = konteks.contoh.untuk_baris(data)
            pertama = HasilBaris(nomor=lama["baris"], nilai=lama["nilai"])
            _galat_formulir(form, pertama)
            bersih = {nama: nilai for nama, nilai in form.cleaned_data.items() if nama not in BIDANG_KHAS_BARIS}
            per_kombinasi[kombinasi] = (bersih, pertama.galat)
        bersih, galat = per_kombinasi[kombinasi]
        baris = HasilBaris(nomor=lama["baris"], nilai=lama["nilai"], galat=list(galat), data=data)
        bersih = {**bersih, **{nama: data[nama] for nama in BIDANG_KHAS_BARIS}}
        _tandai_duplikat(bersih, konteks, dilihat, baris)
        if baris.status == StatusBaris.SAH:
            baris.objek = Pemanfaatan(**bersih)
            if kombinasi not in catatan:
                catatan[kombinasi] = _catatan_pks(baris.objek)
            baris.catatan = catatan[kombinasi]
        hasil.append(baris)
    return Pemeriksaan(hasil)


def _catatan_pks(objek: Pemanfaatan) -> str:
    """Temuan PKS baris sah (tanpa PKS, tidak berlaku, tidak mencakup jenis); bukan galat."""
    status_pks = objek.status_pks_hitung()
    return "" if status_pks == StatusPksPemanfaatan.SAH else status_pks.label


def _galat_formulir(form: PemanfaatanImporForm, hasil: HasilBaris) -> None:
    """Galat formulir dikembalikan ke judul kolom Excel; kolom yang sudah bergalat tidak diulang."""
    sudah = {kolom for kolom, _ in hasil.galat}
    for bidang, daftar_galat in form.errors.as_data().items():
        kolom = k.KOLOM_BIDANG.get(bidang, "")
        if kolom in sudah:
            continue
        for galat in daftar_galat:
            hasil.galat.append((kolom, _pesan_galat(bidang, galat)))


def _pesan_galat(bidang: str, galat: ValidationError) -> str:
    if galat.code == "required":
        return "wajib diisi."
    if bidang == "opd" and galat.code == "invalid_choice":
        return "OPD ini sudah tidak aktif sehingga tidak dapat dipilih; tanyakan Kasi KIP."
    if bidang == "pks" and galat.code == "invalid_choice":
        # Hanya terjadi saat periksa ulang: PKS yang dikenali saat pratinjau sudah dihapus.
        return (
            "PKS ini sudah tidak terdaftar; kosongkan bila belum ada PKS, "
            "atau minta Kasi KIP mencatat PKS itu lebih dulu."
        )
    return " ".join(galat.messages)


def _tandai_duplikat(data: dict[str, Any], konteks: Konteks, dilihat: dict[Kunci, int], hasil: HasilBaris) -> None:
    bagian = [data.get(nama) for nama in ("opd", "jenis", "tahun", "bulan", "metode_akses", "keperluan")]
    # Bukan `nilai in (None, "")`: itu membandingkan objek OPD lewat Model.__eq__ untuk setiap baris.
    if any(nilai is None or (isinstance(nilai, str) and not nilai) for nilai in bagian):
        return
    kunci = kunci_unik(bagian[0].pk, *bagian[1:])
    if kunci in konteks.sudah_ada:
        hasil.duplikat_pk = konteks.sudah_ada[kunci]
    elif kunci in dilihat:
        hasil.duplikat_baris = dilihat[kunci]
    else:
        dilihat[kunci] = hasil.nomor


def _tampilan(data: dict[str, Any]) -> list[str]:
    return [
        data["opd"].nama,
        LABEL_JENIS[data["jenis"]],
        str(data["tahun"]),
        LABEL_BULAN[data["bulan"]],
        _potong(data["keperluan"]),
        LABEL_METODE[data["metode_akses"]],
        data["pks"].nomor if data["pks"] else "",
        angka(data["jumlah"]),
        _potong(data["keterangan"]),
    ]


def _potong(teks: str) -> str:
    return teks if len(teks) <= PANJANG_TAMPILAN else teks[: PANJANG_TAMPILAN - 1] + "…"


def _baca_opd(nilai: Any, konteks: Konteks) -> int | str:
    if kosong(nilai):
        return ""
    opd = konteks.opd_per_kunci.get(k.kunci_teks(teks_sel(nilai)))
    if opd is None:
        raise NilaiSalah(
            f"{kutip(nilai)} tidak ada di data master OPD; tulis kode atau nama OPD seperti pada "
            "daftar pilihan di templat."
        )
    return opd.pk


def _baca_pks(nilai: Any, konteks: Konteks) -> int | str:
    if kosong(nilai):
        return ""
    pks = konteks.pks_per_nomor.get(k.kunci_teks(teks_sel(nilai)))
    if pks is None:
        raise NilaiSalah(
            f"Nomor PKS {kutip(nilai)} tidak terdaftar; kosongkan bila belum ada PKS, "
            "atau minta Kasi KIP mencatat PKS itu lebih dulu."
        )
    return pks.pk


def _boleh_kosong(baca: Callable[[Any], Any]) -> Callable[[Any, Konteks], Any]:
    """Sel kosong diteruskan apa adanya; PemanfaatanForm yang memutuskan apakah kolom itu wajib."""
    return lambda nilai, konteks: "" if kosong(nilai) else baca(nilai)


PEMBACA: dict[str, Callable[[Any, Konteks], Any]] = {
    "opd": _baca_opd,
    "jenis": _boleh_kosong(
        partial(pilihan, alias=k.ALIAS_JENIS, nama="jenis pemanfaatan", label=JenisPemanfaatan.labels)
    ),
    "tahun": _boleh_kosong(bilangan_bulat),
    "bulan": _boleh_kosong(bulan),
    "keperluan": _boleh_kosong(teks_sel),
    "metode_akses": _boleh_kosong(
        partial(pilihan, alias=k.ALIAS_METODE, nama="metode akses", label=MetodeAkses.labels)
    ),
    "pks": _baca_pks,
    "jumlah": _boleh_kosong(bilangan_bulat),
    "keterangan": _boleh_kosong(teks_sel),
}
