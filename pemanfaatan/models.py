import calendar
import datetime
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from simple_history.models import HistoricalRecords

HARI_SEGERA_BERAKHIR = 90
TAHUN_MINIMUM = 2015
TAHUN_MAKSIMUM = 2100

NAMA_BULAN = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip


class Bulan(models.IntegerChoices):
    JANUARI = 1, "Januari"
    FEBRUARI = 2, "Februari"
    MARET = 3, "Maret"
    APRIL = 4, "April"
    MEI = 5, "Mei"
    JUNI = 6, "Juni"
    JULI = 7, "Juli"
    AGUSTUS = 8, "Agustus"
    SEPTEMBER = 9, "September"
    OKTOBER = 10, "Oktober"
    NOVEMBER = 11, "November"
    DESEMBER = 12, "Desember"


class JenisOpd(models.TextChoices):
    DINAS = "Dinas", "Dinas"
    BADAN = "Badan", "Badan"
    BIRO = "Biro", "Biro"
    RUMAH_SAKIT = "Rumah Sakit", "Rumah Sakit"
    SEKRETARIAT = "Sekretariat", "Sekretariat"
    INSPEKTORAT = "Inspektorat", "Inspektorat"
    SATUAN = "Satuan", "Satuan"


class JenisPemanfaatan(models.TextChoices):
    DATA_KEPENDUDUKAN = "DATA_KEPENDUDUKAN", "Pemanfaatan Data Kependudukan"
    NIK = "NIK", "Pemanfaatan NIK"
    KTP_EL = "KTP_EL", "Pemanfaatan KTP-el"


class MetodeAkses(models.TextChoices):
    WEB_SERVICE = "WEB_SERVICE", "Web service"
    WEB_PORTAL = "WEB_PORTAL", "Web portal"
    CARD_READER = "CARD_READER", "Card reader KTP-el"
    PERMINTAAN_TERTULIS = "PERMINTAAN_TERTULIS", "Permintaan data tertulis"


class TujuanPemanfaatan(models.TextChoices):
    """Lima tujuan pemanfaatan menurut UU 24/2013 Pasal 58 ayat (4)."""

    PELAYANAN_PUBLIK = "PELAYANAN_PUBLIK", "Pelayanan publik"
    PERENCANAAN_PEMBANGUNAN = "PERENCANAAN_PEMBANGUNAN", "Perencanaan pembangunan"
    ALOKASI_ANGGARAN = "ALOKASI_ANGGARAN", "Alokasi anggaran"
    PEMBANGUNAN_DEMOKRASI = "PEMBANGUNAN_DEMOKRASI", "Pembangunan demokrasi"
    PENEGAKAN_HUKUM = "PENEGAKAN_HUKUM", "Penegakan hukum dan pencegahan kriminal"


class StatusPks(models.TextChoices):
    BELUM_BERLAKU = "BELUM_BERLAKU", "Belum berlaku"
    AKTIF = "AKTIF", "Aktif"
    SEGERA_BERAKHIR = "SEGERA_BERAKHIR", "Segera berakhir"
    BERAKHIR = "BERAKHIR", "Berakhir"


class StatusPksPemanfaatan(models.TextChoices):
    """Keabsahan dasar hukum satu baris Daftar pada bulan pemanfaatannya."""

    SAH = "SAH", "PKS sah"
    TANPA_PKS = "TANPA_PKS", "Tanpa PKS"
    TIDAK_BERLAKU = "TIDAK_BERLAKU", "PKS tidak berlaku pada bulan itu"
    TIDAK_MENCAKUP = "TIDAK_MENCAKUP", "PKS tidak mencakup jenis ini"


@deconstructible
class NamaBerkasAcak:
    """Berkas unggahan disimpan dengan nama acak; nama asli hanya disimpan di basis data."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        akhiran = PurePath(filename).suffix.lower()
        return f"{self.folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{akhiran}"

    def __eq__(self, other) -> bool:
        return isinstance(other, NamaBerkasAcak) and other.folder == self.folder


class KeadaanPksOpd(models.TextChoices):
    """Keadaan perjanjian sebuah OPD hari ini, untuk pantauan PKS."""

    BERLAKU = "BERLAKU", "Punya PKS yang berlaku"
    PERLU_PERPANJANGAN = "PERLU_PERPANJANGAN", "PKS sudah berakhir, belum diperpanjang"
    TANPA_PKS = "TANPA_PKS", "Belum pernah ber-PKS"


class OpdQuerySet(models.QuerySet):
    def keadaan_pks(self, keadaan: str, pada: datetime.date | None = None):
        """OPD menurut keadaan PKS-nya pada tanggal itu. PKS yang belum berlaku dihitung sebagai pengganti."""
        pada = pada or timezone.localdate()
        masih_ada = models.Exists(
            PerjanjianKerjaSama.objects.filter(opd=models.OuterRef("pk"), berlaku_sampai__gte=pada)
        )
        pernah = models.Exists(PerjanjianKerjaSama.objects.filter(opd=models.OuterRef("pk")))
        if keadaan == KeadaanPksOpd.BERLAKU:
            return self.pks_berlaku_pada(pada)
        if keadaan == KeadaanPksOpd.PERLU_PERPANJANGAN:
            return self.filter(pernah).exclude(masih_ada)
        if keadaan == KeadaanPksOpd.TANPA_PKS:
            return self.exclude(pernah)
        raise ValueError(f"Keadaan PKS tidak dikenal: {keadaan}")

    def pks_berlaku_pada(self, pada: datetime.date):
        """OPD yang punya PKS berlaku pada tanggal itu (dasar hitungan "OPD dengan PKS aktif")."""
        return self.filter(ada_pks_berlaku(pada))

    def pks_berlaku_tahun(self, tahun: int):
        """OPD yang punya PKS yang sudah berlaku pada tahun itu: masa berlakunya beririsan dengan 1 Januari
        sampai akhir tahun, atau sampai hari ini bila tahun itu sedang berjalan (PKS yang baru mulai bulan
        depan belum membuat OPD "ber-PKS tetapi diam")."""
        akhir = min(datetime.date(tahun, 12, 31), timezone.localdate())
        return self.filter(
            models.Exists(
                PerjanjianKerjaSama.objects.filter(
                    opd=models.OuterRef("pk"), berlaku_mulai__lte=akhir, berlaku_sampai__gte=datetime.date(tahun, 1, 1)
                )
            )
        )

    def memanfaatkan(self, tahun: int, sampai_bulan: int | None = None):
        """OPD yang punya sedikitnya satu baris Daftar pada tahun itu (atau pada Januari sampai bulan itu)."""
        return self.filter(ada_pemanfaatan(tahun, sampai_bulan=sampai_bulan))

    def tanpa_pemanfaatan(self, tahun: int, bulan: int | None = None):
        """OPD yang tidak punya satu pun baris Daftar pada tahun itu (atau pada bulan itu saja)."""
        return self.exclude(ada_pemanfaatan(tahun, bulan=bulan))


def ada_pemanfaatan(tahun: int, *, bulan: int | None = None, sampai_bulan: int | None = None) -> models.Exists:
    """Syarat atas OPD: punya baris Daftar pada tahun itu (atau bulan itu, atau Januari sampai bulan itu)."""
    baris = Pemanfaatan.objects.filter(opd=models.OuterRef("pk"), tahun=tahun)
    if bulan is not None:
        baris = baris.filter(bulan=bulan)
    if sampai_bulan is not None:
        baris = baris.filter(bulan__lte=sampai_bulan)
    return models.Exists(baris)


def ada_pks_berlaku(pada: datetime.date) -> models.Exists:
    """Syarat atas OPD: punya PKS yang berlaku pada tanggal itu."""
    return models.Exists(PerjanjianKerjaSama.objects.berlaku_pada(pada).filter(opd=models.OuterRef("pk")))


class Opd(models.Model):
    kode = models.CharField(max_length=40, unique=True, help_text="Kode SKPD dari daftar anggaran daerah.")
    nama = models.CharField(max_length=200)
    singkatan = models.CharField(max_length=40, blank=True)
    jenis = models.CharField(max_length=20, choices=JenisOpd.choices)
    aktif = models.BooleanField(
        default=True, help_text="OPD yang sudah dibubarkan/digabung dinonaktifkan, bukan dihapus."
    )

    objects = OpdQuerySet.as_manager()

    class Meta:
        verbose_name = "OPD"
        verbose_name_plural = "OPD"
        ordering = ["nama"]
        constraints = [
            models.UniqueConstraint(
                Lower("nama"), name="opd_nama_unik", violation_error_message="Nama OPD ini sudah terdaftar."
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    def get_absolute_url(self) -> str:
        return reverse("pemanfaatan:opd_detail", args=[self.pk])


class PksQuerySet(models.QuerySet):
    def with_status(self, pada: datetime.date | None = None):
        """Anotasi `status` (aktif / segera berakhir / berakhir / belum berlaku) pada tanggal itu."""
        pada = pada or timezone.localdate()
        batas = pada + datetime.timedelta(days=HARI_SEGERA_BERAKHIR)
        return self.annotate(
            status=Case(
                When(berlaku_sampai__lt=pada, then=Value(StatusPks.BERAKHIR)),
                When(berlaku_mulai__gt=pada, then=Value(StatusPks.BELUM_BERLAKU)),
                When(berlaku_sampai__lte=batas, then=Value(StatusPks.SEGERA_BERAKHIR)),
                default=Value(StatusPks.AKTIF),
                output_field=models.CharField(),
            )
        )

    def berlaku_pada(self, pada: datetime.date):
        return self.filter(berlaku_mulai__lte=pada, berlaku_sampai__gte=pada)


class PerjanjianKerjaSama(models.Model):
    nomor = models.CharField("nomor PKS", max_length=120, unique=True)
    opd = models.ForeignKey(Opd, on_delete=models.PROTECT, related_name="pks", verbose_name="OPD")
    tanggal = models.DateField("tanggal penandatanganan")
    berlaku_mulai = models.DateField("berlaku mulai")
    berlaku_sampai = models.DateField("berlaku sampai")
    lingkup_data_kependudukan = models.BooleanField("mencakup Data Kependudukan", default=False)
    lingkup_nik = models.BooleanField("mencakup NIK", default=False)
    lingkup_ktp_el = models.BooleanField("mencakup KTP-el", default=False)
    tujuan = models.JSONField("tujuan pemanfaatan", default=list, blank=True)
    metode_akses = models.JSONField("metode akses", default=list, blank=True)
    dokumen = models.FileField("dokumen PKS (PDF)", upload_to=NamaBerkasAcak("pks"), blank=True)
    keterangan = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PksQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "perjanjian kerja sama"
        verbose_name_plural = "perjanjian kerja sama"
        ordering = ["-berlaku_sampai", "nomor"]
        constraints = [
            models.CheckConstraint(
                condition=Q(berlaku_sampai__gte=F("berlaku_mulai")),
                name="pks_masa_berlaku_urut",
                violation_error_message="Tanggal akhir berlaku tidak boleh sebelum tanggal mulai berlaku.",
            ),
            models.CheckConstraint(
                condition=Q(lingkup_data_kependudukan=True) | Q(lingkup_nik=True) | Q(lingkup_ktp_el=True),
                name="pks_lingkup_terisi",
                violation_error_message="Pilih sedikitnya satu ruang lingkup pemanfaatan.",
            ),
        ]

    def __str__(self) -> str:
        return self.nomor

    def get_absolute_url(self) -> str:
        return reverse("pemanfaatan:pks_detail", args=[self.pk])

    LINGKUP_FIELD = {
        JenisPemanfaatan.DATA_KEPENDUDUKAN: "lingkup_data_kependudukan",
        JenisPemanfaatan.NIK: "lingkup_nik",
        JenisPemanfaatan.KTP_EL: "lingkup_ktp_el",
    }

    def mencakup(self, jenis: str) -> bool:
        return getattr(self, self.LINGKUP_FIELD[jenis])

    @property
    def ruang_lingkup_label(self) -> list[str]:
        return [JenisPemanfaatan(j).label for j, field in self.LINGKUP_FIELD.items() if getattr(self, field)]

    @property
    def tujuan_label(self) -> list[str]:
        return [TujuanPemanfaatan(t).label for t in self.tujuan if t in TujuanPemanfaatan.values]

    @property
    def metode_akses_label(self) -> list[str]:
        return [MetodeAkses(m).label for m in self.metode_akses if m in MetodeAkses.values]

    def status_pada(self, pada: datetime.date | None = None) -> StatusPks:
        pada = pada or timezone.localdate()
        if self.berlaku_sampai < pada:
            return StatusPks.BERAKHIR
        if self.berlaku_mulai > pada:
            return StatusPks.BELUM_BERLAKU
        if self.berlaku_sampai <= pada + datetime.timedelta(days=HARI_SEGERA_BERAKHIR):
            return StatusPks.SEGERA_BERAKHIR
        return StatusPks.AKTIF

    def berlaku_pada_bulan(self, tahun: int, bulan: int) -> bool:
        """PKS berlaku pada bulan itu bila masa berlakunya beririsan dengan bulan tersebut."""
        awal = datetime.date(tahun, bulan, 1)
        akhir = datetime.date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])
        return self.berlaku_mulai <= akhir and self.berlaku_sampai >= awal


class IndeksBulan(models.Func):
    """Tanggal → tahun × 12 + bulan, agar bulan dapat dibandingkan sebagai bilangan.

    Di SQLite, ExtractYear/ExtractMonth memanggil fungsi Python untuk setiap baris (≈ 30 ms per 20.000 baris
    Daftar di dasbor); tanggal di SQLite tersimpan sebagai teks ISO `YYYY-MM-DD`, jadi cukup dipotong.
    """

    arity = 1
    output_field = models.IntegerField()
    template = (
        "(CAST(EXTRACT(YEAR FROM %(expressions)s) AS INTEGER) * 12"
        " + CAST(EXTRACT(MONTH FROM %(expressions)s) AS INTEGER))"
    )

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = super().as_sql(compiler, connection, **extra_context)
        if params:
            raise ValueError(
                "IndeksBulan hanya untuk kolom tanggal: parameter akan tersusun keliru karena disebut dua kali."
            )
        return sql, params

    def as_postgresql(self, compiler, connection, **extra_context):
        # date_part (double) jauh lebih murah daripada EXTRACT (numeric sejak PostgreSQL 14) per baris Daftar.
        return self.as_sql(
            compiler,
            connection,
            template=(
                "(date_part('year', %(expressions)s)::integer * 12 + date_part('month', %(expressions)s)::integer)"
            ),
            **extra_context,
        )

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template=(
                "(CAST(substr(%(expressions)s, 1, 4) AS INTEGER) * 12 + CAST(substr(%(expressions)s, 6, 2) AS INTEGER))"
            ),
            **extra_context,
        )


class PemanfaatanQuerySet(models.QuerySet):
    def with_status_pks(self):
        """Anotasi `status_pks`: tanpa PKS, PKS tidak berlaku pada bulan itu, tidak mencakup jenis, atau sah."""
        bulan_ini = F("tahun") * 12 + F("bulan")
        mulai = IndeksBulan("pks__berlaku_mulai")
        sampai = IndeksBulan("pks__berlaku_sampai")
        return self.alias(_bulan=bulan_ini, _mulai=mulai, _sampai=sampai).annotate(
            status_pks=Case(
                When(pks__isnull=True, then=Value(StatusPksPemanfaatan.TANPA_PKS)),
                When(
                    Q(_mulai__gt=F("_bulan")) | Q(_sampai__lt=F("_bulan")),
                    then=Value(StatusPksPemanfaatan.TIDAK_BERLAKU),
                ),
                When(
                    Q(jenis=JenisPemanfaatan.DATA_KEPENDUDUKAN, pks__lingkup_data_kependudukan=False)
                    | Q(jenis=JenisPemanfaatan.NIK, pks__lingkup_nik=False)
                    | Q(jenis=JenisPemanfaatan.KTP_EL, pks__lingkup_ktp_el=False),
                    then=Value(StatusPksPemanfaatan.TIDAK_MENCAKUP),
                ),
                default=Value(StatusPksPemanfaatan.SAH),
                output_field=models.CharField(),
            )
        )


class Pemanfaatan(models.Model):
    """Satu baris Daftar Pemanfaatan Data Kependudukan oleh OPD. Hanya jumlah, tanpa data pribadi."""

    opd = models.ForeignKey(Opd, on_delete=models.PROTECT, related_name="pemanfaatan", verbose_name="OPD")
    jenis = models.CharField("jenis pemanfaatan", max_length=20, choices=JenisPemanfaatan.choices)
    tahun = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(TAHUN_MINIMUM), MaxValueValidator(TAHUN_MAKSIMUM)]
    )
    bulan = models.PositiveSmallIntegerField(choices=Bulan.choices)
    keperluan = models.CharField(max_length=255, help_text="Layanan atau keperluan yang memakai data.")
    metode_akses = models.CharField("metode akses", max_length=30, choices=MetodeAkses.choices)
    pks = models.ForeignKey(
        PerjanjianKerjaSama,
        on_delete=models.PROTECT,
        related_name="pemanfaatan",
        null=True,
        blank=True,
        verbose_name="PKS",
    )
    jumlah = models.PositiveIntegerField(help_text="Jumlah akses/rekaman data yang dimanfaatkan.")
    keterangan = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="dibuat oleh"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="diubah oleh"
    )
    created_at = models.DateTimeField("dibuat pada", auto_now_add=True)
    updated_at = models.DateTimeField("diubah pada", auto_now=True)

    objects = PemanfaatanQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at", "created_by", "updated_by"])

    class Meta:
        verbose_name = "pemanfaatan"
        verbose_name_plural = "daftar pemanfaatan"
        ordering = ["-tahun", "-bulan", "opd__nama", "jenis"]
        constraints = [
            models.CheckConstraint(condition=Q(jumlah__gte=0), name="pemanfaatan_jumlah_tidak_negatif"),
            models.CheckConstraint(condition=Q(bulan__gte=1, bulan__lte=12), name="pemanfaatan_bulan_sah"),
            models.CheckConstraint(
                condition=Q(tahun__gte=TAHUN_MINIMUM, tahun__lte=TAHUN_MAKSIMUM), name="pemanfaatan_tahun_sah"
            ),
            models.UniqueConstraint(
                "opd",
                "jenis",
                "tahun",
                "bulan",
                "metode_akses",
                Lower("keperluan"),
                name="pemanfaatan_unik_per_bulan",
                violation_error_message=(
                    "Data untuk OPD, jenis, bulan, metode akses dan keperluan yang sama sudah ada; "
                    "ubah data yang ada alih-alih menambah baris baru."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["tahun", "bulan"], name="pemanfaatan_periode_idx"),
            models.Index(fields=["opd", "tahun"], name="pemanfaatan_opd_tahun_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.opd} · {self.get_jenis_display()} · {self.get_bulan_display()} {self.tahun}"

    def get_absolute_url(self) -> str:
        return reverse("pemanfaatan:pemanfaatan_detail", args=[self.pk])

    def status_pks_hitung(self) -> StatusPksPemanfaatan:
        """Sama dengan anotasi `with_status_pks`, untuk satu objek di memori (mis. pratinjau impor)."""
        if self.pks is None:
            return StatusPksPemanfaatan.TANPA_PKS
        if not self.pks.berlaku_pada_bulan(self.tahun, self.bulan):
            return StatusPksPemanfaatan.TIDAK_BERLAKU
        if not self.pks.mencakup(self.jenis):
            return StatusPksPemanfaatan.TIDAK_MENCAKUP
        return StatusPksPemanfaatan.SAH


class JenisBerkas(models.TextChoices):
    PDF = "pdf", "PDF"
    JPG = "jpg", "Gambar JPEG"
    PNG = "png", "Gambar PNG"
    XLSX = "xlsx", "Excel (XLSX)"
    DOCX = "docx", "Word (DOCX)"


class DataDukung(models.Model):
    """Berkas bukti satu baris Daftar; hanya dapat diunduh lewat view yang memeriksa izin."""

    pemanfaatan = models.ForeignKey(Pemanfaatan, on_delete=models.CASCADE, related_name="data_dukung")
    berkas = models.FileField(upload_to=NamaBerkasAcak("data_dukung"), max_length=200)
    nama_asli = models.CharField("nama berkas", max_length=255)
    jenis_berkas = models.CharField(max_length=10, choices=JenisBerkas.choices)
    ukuran = models.PositiveIntegerField("ukuran (byte)")
    keterangan = models.CharField(max_length=255, blank=True)
    diunggah_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    diunggah_pada = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["berkas", "diunggah_pada"])

    class Meta:
        verbose_name = "data dukung"
        verbose_name_plural = "data dukung"
        ordering = ["diunggah_pada"]

    def __str__(self) -> str:
        return self.nama_asli

    def get_absolute_url(self) -> str:
        return self.pemanfaatan.get_absolute_url()


class StatusImpor(models.TextChoices):
    PRATINJAU = "PRATINJAU", "Menunggu konfirmasi"
    DISIMPAN = "DISIMPAN", "Disimpan"
    DIBATALKAN = "DIBATALKAN", "Dibatalkan"


class ImporPemanfaatan(models.Model):
    """Satu unggahan Excel Daftar (Langkah 3): diperiksa dan dipratinjau dulu, disimpan setelah dikonfirmasi."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    berkas = models.FileField(upload_to=NamaBerkasAcak("impor"), max_length=200, blank=True)
    nama_asli = models.CharField("nama berkas", max_length=255)
    status = models.CharField(max_length=20, choices=StatusImpor.choices, default=StatusImpor.PRATINJAU)
    # Hasil pemeriksaan per baris, beserta nilai bersih baris yang lolos (`data`): halaman pratinjau tidak membaca
    # ulang berkas setiap kali dibuka, dan simpan memakai nilai ini. Berkasnya tetap disimpan sebagai bukti.
    hasil = models.JSONField("hasil pemeriksaan per baris", default=list, blank=True)
    jumlah_baris = models.PositiveIntegerField("baris berisi", default=0)
    jumlah_sah = models.PositiveIntegerField("baris sah", default=0)
    jumlah_galat = models.PositiveIntegerField("baris bermasalah", default=0)
    jumlah_duplikat = models.PositiveIntegerField("baris duplikat", default=0)
    jumlah_disimpan = models.PositiveIntegerField("baris disimpan", default=0)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="diunggah oleh"
    )
    dibuat_pada = models.DateTimeField("diunggah pada", auto_now_add=True)
    diperiksa_pada = models.DateTimeField("terakhir diperiksa", default=timezone.now)
    selesai_pada = models.DateTimeField("disimpan/dibatalkan pada", null=True, blank=True)

    class Meta:
        verbose_name = "impor Daftar"
        verbose_name_plural = "impor Daftar"
        ordering = ["-dibuat_pada"]

    def __str__(self) -> str:
        return f"{self.nama_asli} ({self.get_status_display()})"


class PeriodeTerkunciQuerySet(models.QuerySet):
    def mencakup(self, tahun: int, bulan: int):
        return self.filter(tahun=tahun, bulan_awal__lte=bulan, bulan_akhir__gte=bulan)


class PeriodeTerkunci(models.Model):
    """Bulan-bulan yang barisnya tidak boleh diubah karena hitungannya sudah dibekukan (Langkah 4).

    Ditulis oleh siklus Laporan; dibaca oleh layanan Daftar di sini, sehingga aplikasi pemanfaatan
    tidak perlu mengenal Laporan.
    """

    pemilik = models.CharField(max_length=60, unique=True, help_text="Siapa yang mengunci, mis. laporan-12.")
    keterangan = models.CharField(max_length=200)
    tahun = models.PositiveSmallIntegerField()
    bulan_awal = models.PositiveSmallIntegerField(choices=Bulan.choices)
    bulan_akhir = models.PositiveSmallIntegerField(choices=Bulan.choices)
    dikunci_pada = models.DateTimeField(auto_now_add=True)

    objects = PeriodeTerkunciQuerySet.as_manager()

    class Meta:
        verbose_name = "periode terkunci"
        verbose_name_plural = "periode terkunci"
        ordering = ["-tahun", "bulan_awal"]
        constraints = [
            models.CheckConstraint(
                condition=Q(bulan_awal__gte=1, bulan_akhir__lte=12, bulan_awal__lte=F("bulan_akhir")),
                name="periode_terkunci_bulan_sah",
            ),
        ]

    def __str__(self) -> str:
        return self.keterangan
