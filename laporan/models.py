"""Siklus SOP: Laporan sebagai mesin status, langkah-langkahnya, jejak audit, hitungan beku dan IKU."""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from akun.angka import bulatkan
from akun.models import Peran
from laporan.sop import (
    AKSI_PENGEMBALIAN,
    LANGKAH,
    STATUS_DAPAT_DIBATALKAN,
    Aksi,
    AksiPendamping,
    Periode,
    StatusLaporan,
    langkah_pada_status,
    pelaksana_aksi,
    rentang_bulan,
)
from pemanfaatan.models import TAHUN_MAKSIMUM, TAHUN_MINIMUM, JenisPemanfaatan, NamaBerkasAcak, Opd


class WaktuBaku(models.Model):
    """Waktu baku tiap langkah yang berlaku sekarang; Laporan baru menyalinnya saat dibuat."""

    nomor = models.PositiveSmallIntegerField(
        "langkah", primary_key=True, validators=[MinValueValidator(1), MaxValueValidator(len(LANGKAH))]
    )
    menit = models.PositiveIntegerField("waktu baku (menit)", validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = "waktu baku langkah"
        verbose_name_plural = "waktu baku langkah"
        ordering = ["nomor"]

    def __str__(self) -> str:
        return f"Langkah {self.nomor}: {self.menit} menit"


class HariLibur(models.Model):
    """Hari libur tambahan (mis. cuti bersama) di luar libur nasional dari paket `holidays`."""

    tanggal = models.DateField(unique=True)
    keterangan = models.CharField(max_length=200)

    class Meta:
        verbose_name = "hari libur tambahan"
        verbose_name_plural = "hari libur tambahan"
        ordering = ["-tanggal"]

    def __str__(self) -> str:
        return f"{self.tanggal:%d-%m-%Y} {self.keterangan}"


def _izin(aksi: Aksi):
    """Izin transisi django-fsm: satu aturan untuk semua aksi, di Laporan.alasan_ditolak."""

    def periksa(laporan: "Laporan", user) -> bool:
        return laporan.alasan_ditolak(user, aksi) is None

    return periksa


class Laporan(ConcurrentTransitionMixin, models.Model):
    """Satu siklus SOP untuk satu periode: dari arahan Kabid sampai bahan LAKIP Dinas diterima."""

    tahun = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(TAHUN_MINIMUM), MaxValueValidator(TAHUN_MAKSIMUM)]
    )
    periode = models.CharField(max_length=12, choices=Periode.choices)
    status = FSMField(
        max_length=20, choices=StatusLaporan.choices, default=StatusLaporan.DISPOSISI_KABID, protected=True
    )
    waktu_baku = models.JSONField(
        "waktu baku saat dibuat (menit per langkah)", default=dict, help_text="Salinan, tidak ikut berubah."
    )
    arahan = models.TextField("arahan Kabid", blank=True)
    petunjuk = models.TextField("petunjuk Kasi KIP", blank=True)
    staf_ditunjuk = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Staf yang ditunjuk",
    )
    peringatan_daftar = models.JSONField("peringatan Daftar yang diakui Staf", default=list, blank=True)
    dihitung_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dihitung_pada = models.DateTimeField(null=True, blank=True)
    jumlah_opd_aktif = models.PositiveIntegerField(null=True, blank=True)
    jumlah_opd_memanfaatkan = models.PositiveIntegerField(null=True, blank=True)
    jumlah_opd_pks_aktif = models.PositiveIntegerField("jumlah OPD dengan PKS aktif", null=True, blank=True)
    analisa = models.TextField(blank=True)
    evaluasi = models.TextField(blank=True)
    rekomendasi = models.TextField(blank=True)
    narasi_lakip = models.TextField("narasi LAKIP Bidang", blank=True)
    catatan_pemeriksaan = models.TextField("catatan pemeriksaan Sekretariat", blank=True)
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("dibuat pada", auto_now_add=True)
    updated_at = models.DateTimeField("diubah pada", auto_now=True)

    class Meta:
        verbose_name = "laporan"
        verbose_name_plural = "laporan"
        ordering = ["-tahun", "periode", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["tahun", "periode"],
                condition=~Q(status=StatusLaporan.DIBATALKAN),
                name="laporan_satu_per_periode",
                violation_error_message="Sudah ada Laporan yang berjalan atau selesai untuk periode ini.",
            ),
        ]
        indexes = [models.Index(fields=["status"], name="laporan_status_idx")]

    def __str__(self) -> str:
        return f"Laporan {self.get_periode_display()} {self.tahun}"

    def get_absolute_url(self) -> str:
        return reverse("laporan:detail", args=[self.pk])

    @property
    def bulan_awal(self) -> int:
        return rentang_bulan(self.periode)[0]

    @property
    def bulan_akhir(self) -> int:
        return rentang_bulan(self.periode)[1]

    @property
    def langkah_sekarang(self):
        return langkah_pada_status(self.status)

    @property
    def total_waktu_baku(self) -> timedelta:
        """Jumlah waktu baku ketujuh langkah yang berlaku bagi Laporan ini (7 jam 50 menit menurut SOP)."""
        return sum((timedelta(minutes=menit) for menit in self.waktu_baku.values()), timedelta())

    @property
    def persen_opd_memanfaatkan(self) -> Decimal | None:
        if not self.jumlah_opd_aktif or self.jumlah_opd_memanfaatkan is None:
            return None
        return Decimal(self.jumlah_opd_memanfaatkan * 100) / Decimal(self.jumlah_opd_aktif)

    @property
    def staf_ditunjuk_aktif(self):
        """Staf yang ditunjuk pada Langkah 2, selama akunnya aktif; bila sudah nonaktif, semua Staf boleh."""
        staf = self.staf_ditunjuk
        return staf if staf is not None and staf.is_active else None

    def langkah_terbuka(self) -> "LangkahLaporan | None":
        """Catatan langkah yang sedang dikerjakan; dari catatan yang sudah dibaca halaman bila ada
        (`selectors.langkah_laporan`), tanpa kueri lagi."""
        return next((c for c in self.langkah.all() if c.selesai_pada is None), None)

    def alasan_ditolak(self, user, aksi: Aksi) -> str | None:
        """Mengapa pengguna tidak boleh menjalankan aksi ini sekarang; None bila boleh.

        Satu-satunya aturan izin transisi: peran pelaksana, Staf yang ditunjuk, pengambil tugas,
        dan pembuat ≠ pemeriksa. Status sumbernya diperiksa django-fsm.
        """
        pelaksana = pelaksana_aksi(aksi)
        if not user.punya_peran(pelaksana):
            return f"Aksi ini hanya dapat dilakukan oleh {pelaksana.label}."
        staf_ditunjuk = self.staf_ditunjuk_aktif
        if pelaksana == Peran.STAF and staf_ditunjuk is not None and user.pk != staf_ditunjuk.pk:
            return f"Langkah ini ditugaskan Kasi KIP kepada {staf_ditunjuk}."
        if aksi == Aksi.SAMPAIKAN_LAPORAN and user.pk == self.dihitung_oleh_id:
            return (
                "Anda sendiri yang melaporkan hitungan ini pada Langkah 4; persetujuannya harus oleh "
                "Kasi KIP lain (pembuat tidak boleh sekaligus pemeriksa)."
            )
        langkah = self.langkah_terbuka()
        if aksi != Aksi.BATALKAN and langkah and langkah.diambil_oleh_id not in (None, user.pk):
            return f"Langkah ini sedang dikerjakan oleh {langkah.diambil_oleh}; minta ia melepasnya lebih dulu."
        return None

    # --- Transisi: hanya status dan bidang yang harus berubah bersamanya. ---------------------

    @transition(status, StatusLaporan.DISPOSISI_KABID, StatusLaporan.DISPOSISI_KASI, permission=_izin(Aksi.BERI_ARAHAN))
    def beri_arahan(self, *, arahan: str) -> None:
        """Langkah 1: Kabid memberi arahan kepada Kasi KIP."""
        self.arahan = arahan

    @transition(status, StatusLaporan.DISPOSISI_KASI, StatusLaporan.DAFTAR, permission=_izin(Aksi.BERI_PETUNJUK))
    def beri_petunjuk(self, *, petunjuk: str, staf=None) -> None:
        """Langkah 2: Kasi KIP memberi petunjuk kepada Staf, boleh menunjuk satu Staf."""
        self.petunjuk = petunjuk
        self.staf_ditunjuk = staf

    @transition(status, StatusLaporan.DAFTAR, StatusLaporan.HITUNG, permission=_izin(Aksi.SELESAIKAN_DAFTAR))
    def selesaikan_daftar(self, *, peringatan: list[str]) -> None:
        """Langkah 3: Staf menutup Daftar, mengakui peringatan kelengkapan yang tersisa."""
        self.peringatan_daftar = peringatan

    @transition(status, StatusLaporan.HITUNG, StatusLaporan.LAPORAN, permission=_izin(Aksi.LAPORKAN_HITUNGAN))
    def laporkan_hitungan(self, *, oleh, pada, opd_aktif: int, opd_memanfaatkan: int, opd_pks_aktif: int) -> None:
        """Langkah 4: Staf melaporkan hitungan kepada Kasi KIP; hitungan dibekukan."""
        self.dihitung_oleh = oleh
        self.dihitung_pada = pada
        self.jumlah_opd_aktif = opd_aktif
        self.jumlah_opd_memanfaatkan = opd_memanfaatkan
        self.jumlah_opd_pks_aktif = opd_pks_aktif

    @transition(status, StatusLaporan.LAPORAN, StatusLaporan.LAKIP_BIDANG, permission=_izin(Aksi.SAMPAIKAN_LAPORAN))
    def sampaikan_laporan(self, *, analisa: str, evaluasi: str, rekomendasi: str) -> None:
        """Langkah 5: Kasi KIP menyetujui hitungan dan menyampaikan Laporan kepada Kabid."""
        self.analisa = analisa
        self.evaluasi = evaluasi
        self.rekomendasi = rekomendasi

    @transition(
        status, StatusLaporan.LAKIP_BIDANG, StatusLaporan.LAKIP_DINAS, permission=_izin(Aksi.SAMPAIKAN_LAKIP_BIDANG)
    )
    def sampaikan_lakip_bidang(self, *, narasi: str) -> None:
        """Langkah 6: Kabid menyampaikan LAKIP Bidang kepada Sekretariat."""
        self.narasi_lakip = narasi

    @transition(status, StatusLaporan.LAKIP_DINAS, StatusLaporan.SELESAI, permission=_izin(Aksi.TERIMA))
    def terima(self, *, catatan: str) -> None:
        """Langkah 7: Sekretariat menerima LAKIP Bidang sebagai bahan LAKIP Dinas."""
        self.catatan_pemeriksaan = catatan

    def _lepas_hitungan(self) -> None:
        self.dihitung_oleh = None
        self.dihitung_pada = None
        self.jumlah_opd_aktif = None
        self.jumlah_opd_memanfaatkan = None
        self.jumlah_opd_pks_aktif = None

    @transition(status, StatusLaporan.LAPORAN, StatusLaporan.DAFTAR, permission=_izin(Aksi.KEMBALIKAN_KE_STAF))
    def kembalikan_ke_staf(self) -> None:
        """Langkah 5: Kasi KIP mengembalikan Daftar kepada Staf; hitungan beku dilepas."""
        self._lepas_hitungan()

    @transition(status, StatusLaporan.LAKIP_BIDANG, StatusLaporan.LAPORAN, permission=_izin(Aksi.KEMBALIKAN_KE_KASI))
    def kembalikan_ke_kasi(self) -> None:
        """Langkah 6: Kabid mengembalikan Laporan kepada Kasi KIP."""

    @transition(
        status, StatusLaporan.LAKIP_DINAS, StatusLaporan.LAKIP_BIDANG, permission=_izin(Aksi.KEMBALIKAN_KE_KABID)
    )
    def kembalikan_ke_kabid(self) -> None:
        """Langkah 7: Sekretariat mengembalikan LAKIP Bidang kepada Kabid."""

    @transition(status, list(STATUS_DAPAT_DIBATALKAN), StatusLaporan.DIBATALKAN, permission=_izin(Aksi.BATALKAN))
    def batalkan(self) -> None:
        """Kabid membatalkan Laporan (mis. dibuat untuk periode yang keliru); hitungannya ikut dilepas."""
        self._lepas_hitungan()


class HasilLangkah(models.TextChoices):
    SELESAI = "SELESAI", "Selesai"
    DIKEMBALIKAN = "DIKEMBALIKAN", "Dikembalikan"
    DIBATALKAN = "DIBATALKAN", "Dibatalkan"


class LangkahLaporan(models.Model):
    """Satu kali pengerjaan satu langkah SOP. Langkah yang dikembalikan mendapat baris baru."""

    laporan = models.ForeignKey(Laporan, on_delete=models.CASCADE, related_name="langkah")
    nomor = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(len(LANGKAH))])
    waktu_baku = models.DurationField()
    diterima_pada = models.DateTimeField("diterima (serah terima)")
    diambil_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    diambil_pada = models.DateTimeField(null=True, blank=True)
    selesai_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    selesai_pada = models.DateTimeField(null=True, blank=True)
    hasil = models.CharField(max_length=15, choices=HasilLangkah.choices, blank=True)
    durasi_kerja = models.DurationField("durasi kerja", null=True, blank=True)
    durasi_tunggu = models.DurationField("waktu tunggu sebelum diambil", null=True, blank=True)
    durasi_proses = models.DurationField("waktu proses setelah diambil", null=True, blank=True)

    class Meta:
        verbose_name = "langkah laporan"
        verbose_name_plural = "langkah laporan"
        ordering = ["diterima_pada", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["laporan"], condition=Q(selesai_pada__isnull=True), name="langkah_satu_yang_terbuka"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.laporan} · langkah {self.nomor}"

    @property
    def melewati_waktu_baku(self) -> bool | None:
        if self.durasi_kerja is None:
            return None
        return self.durasi_kerja > self.waktu_baku


class RiwayatLaporanQuerySet(models.QuerySet):
    def pengembalian(self):
        """Catatan pengembalian (Kasi KIP, Kabid atau Sekretariat mengembalikan Laporan dengan alasan)."""
        return self.filter(aksi__in=AKSI_PENGEMBALIAN)


class RiwayatLaporan(models.Model):
    """Jejak audit yang hanya bertambah: setiap transisi, siapa, sebagai peran apa, dan alasannya."""

    laporan = models.ForeignKey(Laporan, on_delete=models.CASCADE, related_name="riwayat")
    aksi = models.CharField(max_length=30)
    dari = models.CharField(max_length=20, blank=True)
    ke = models.CharField(max_length=20)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    peran = models.CharField("sebagai", max_length=20, blank=True)
    catatan = models.TextField("catatan/alasan", blank=True)
    waktu = models.DateTimeField(auto_now_add=True)

    objects = RiwayatLaporanQuerySet.as_manager()

    class Meta:
        verbose_name = "riwayat laporan"
        verbose_name_plural = "riwayat laporan"
        ordering = ["waktu", "pk"]

    def __str__(self) -> str:
        return f"{self.laporan} · {self.aksi} · {self.waktu:%d-%m-%Y %H:%M}"

    @property
    def aksi_label(self) -> str:
        return Aksi(self.aksi).label if self.aksi in Aksi.values else AksiPendamping(self.aksi).label

    @property
    def dari_label(self) -> str:
        return StatusLaporan(self.dari).label if self.dari else "—"

    @property
    def ke_label(self) -> str:
        return StatusLaporan(self.ke).label


class RekapPemanfaatan(models.Model):
    """Hitungan yang dibekukan pada Langkah 4: per OPD × jenis, banyak baris Daftar dan total jumlahnya."""

    laporan = models.ForeignKey(Laporan, on_delete=models.CASCADE, related_name="rekap")
    opd = models.ForeignKey(Opd, on_delete=models.PROTECT, related_name="+")
    jenis = models.CharField(max_length=20, choices=JenisPemanfaatan.choices)
    jumlah_kegiatan = models.PositiveIntegerField("banyak kegiatan (baris Daftar)")
    total_jumlah = models.PositiveBigIntegerField("total jumlah pemanfaatan")

    class Meta:
        verbose_name = "rekap pemanfaatan"
        verbose_name_plural = "rekap pemanfaatan"
        ordering = ["opd__nama", "jenis"]
        constraints = [models.UniqueConstraint(fields=["laporan", "opd", "jenis"], name="rekap_unik")]

    def __str__(self) -> str:
        return f"{self.laporan} · {self.opd} · {self.get_jenis_display()}"


class Polaritas(models.TextChoices):
    TINGGI_LEBIH_BAIK = "TINGGI", "Makin tinggi makin baik"
    RENDAH_LEBIH_BAIK = "RENDAH", "Makin rendah makin baik"


class SumberRealisasi(models.TextChoices):
    """Cara realisasi IKU dihitung dari hitungan beku Laporan."""

    PERSEN_OPD_MEMANFAATKAN = "PERSEN_OPD_MEMANFAATKAN", "Persentase OPD yang memanfaatkan data"
    JUMLAH_OPD_MEMANFAATKAN = "JUMLAH_OPD_MEMANFAATKAN", "Jumlah OPD yang memanfaatkan data"
    JUMLAH_OPD_PKS_AKTIF = "JUMLAH_OPD_PKS_AKTIF", "Jumlah OPD dengan PKS aktif"
    TOTAL_DATA_KEPENDUDUKAN = "TOTAL_DATA_KEPENDUDUKAN", "Jumlah pemanfaatan Data Kependudukan"
    TOTAL_NIK = "TOTAL_NIK", "Jumlah pemanfaatan NIK"
    TOTAL_KTP_EL = "TOTAL_KTP_EL", "Jumlah pemanfaatan KTP-el"
    TOTAL_SEMUA = "TOTAL_SEMUA", "Jumlah seluruh pemanfaatan"
    MANUAL = "MANUAL", "Diisi Kabid (tidak dihitung otomatis)"


class Iku(models.Model):
    """Indikator Kinerja Utama Bidang yang dilaporkan di LAKIP Bidang."""

    kode = models.CharField(max_length=20, unique=True)
    nama = models.CharField("indikator kinerja", max_length=255)
    satuan = models.CharField(max_length=40)
    polaritas = models.CharField(max_length=10, choices=Polaritas.choices, default=Polaritas.TINGGI_LEBIH_BAIK)
    sumber = models.CharField("sumber realisasi", max_length=30, choices=SumberRealisasi.choices)
    aktif = models.BooleanField(default=True)
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "IKU"
        verbose_name_plural = "IKU"
        ordering = ["urutan", "kode"]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"


class TargetIku(models.Model):
    iku = models.ForeignKey(Iku, on_delete=models.CASCADE, related_name="target")
    tahun = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(TAHUN_MINIMUM), MaxValueValidator(TAHUN_MAKSIMUM)]
    )
    target = models.DecimalField(max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))])

    class Meta:
        verbose_name = "target IKU"
        verbose_name_plural = "target IKU"
        ordering = ["-tahun", "iku__urutan"]
        constraints = [
            models.UniqueConstraint(
                fields=["iku", "tahun"], name="target_iku_unik", violation_error_message="Target tahun ini sudah ada."
            ),
            models.CheckConstraint(condition=Q(target__gt=0), name="target_iku_positif"),
        ]

    def __str__(self) -> str:
        return f"{self.iku.kode} {self.tahun}: {self.target}"


def hitung_capaian(*, realisasi: Decimal, target: Decimal, polaritas: str) -> Decimal:
    """Capaian (%) = realisasi/target × 100, atau (2 − realisasi/target) × 100 bila makin rendah makin baik."""
    rasio = realisasi / target
    if polaritas == Polaritas.RENDAH_LEBIH_BAIK:
        rasio = 2 - rasio
    return bulatkan(rasio * 100)


class RealisasiIku(models.Model):
    """IKU pada LAKIP Bidang sebuah Laporan (Langkah 6): target, realisasi, dan koreksinya bila ada."""

    laporan = models.ForeignKey(Laporan, on_delete=models.CASCADE, related_name="realisasi_iku")
    iku = models.ForeignKey(Iku, on_delete=models.PROTECT, related_name="+")
    target = models.DecimalField(max_digits=14, decimal_places=2)
    realisasi_hitung = models.DecimalField("realisasi dari hitungan", max_digits=14, decimal_places=2, null=True)
    realisasi = models.DecimalField(max_digits=14, decimal_places=2, validators=[MinValueValidator(0)])
    alasan_koreksi = models.TextField(blank=True)

    class Meta:
        verbose_name = "realisasi IKU"
        verbose_name_plural = "realisasi IKU"
        ordering = ["iku__urutan", "iku__kode"]
        constraints = [models.UniqueConstraint(fields=["laporan", "iku"], name="realisasi_iku_unik")]

    def __str__(self) -> str:
        return f"{self.laporan} · {self.iku.kode}"

    @property
    def capaian(self) -> Decimal:
        return hitung_capaian(realisasi=self.realisasi, target=self.target, polaritas=self.iku.polaritas)

    @property
    def dikoreksi(self) -> bool:
        return self.realisasi_hitung is not None and self.realisasi != self.realisasi_hitung


class Notifikasi(models.Model):
    """Pemberitahuan dalam aplikasi; surel yang sama dikirim setelah transaksi tersimpan."""

    penerima = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifikasi")
    laporan = models.ForeignKey(Laporan, on_delete=models.CASCADE, related_name="+")
    pesan = models.CharField(max_length=300)
    dibaca_pada = models.DateTimeField(null=True, blank=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "notifikasi"
        verbose_name_plural = "notifikasi"
        ordering = ["-dibuat_pada", "-pk"]
        indexes = [models.Index(fields=["penerima", "dibaca_pada"], name="notifikasi_penerima_idx")]

    def __str__(self) -> str:
        return self.pesan


class Instansi(models.Model):
    """Profil instansi untuk kop surat dan blok tanda tangan; satu baris, diubah administrator."""

    pemerintah = models.CharField(max_length=150, default="PEMERINTAH PROVINSI SUMATERA BARAT")
    nama_dinas = models.CharField(
        "nama dinas",
        max_length=200,
        default="DINAS PENGENDALIAN PENDUDUK, KELUARGA BERENCANA, KEPENDUDUKAN DAN PENCATATAN SIPIL",
    )
    nama_bidang = models.CharField("nama bidang", max_length=200, default="Bidang PIAK dan Pemanfaatan Data")
    alamat = models.CharField(
        "baris alamat", max_length=300, blank=True, help_text="Alamat, telepon, laman dan surel seperti pada kop surat."
    )
    kota = models.CharField(
        "kota penandatanganan", max_length=60, default="Padang", help_text="Untuk “Padang, 7 Januari 2021”."
    )
    logo = models.ImageField(
        "lambang daerah", upload_to=NamaBerkasAcak("instansi"), blank=True, help_text="PNG atau JPG, di kiri kop."
    )

    class Meta:
        verbose_name = "profil instansi"
        verbose_name_plural = "profil instansi"

    def __str__(self) -> str:
        return self.nama_dinas

    @classmethod
    def sekarang(cls) -> "Instansi":
        """Profil yang berlaku; dibuat dengan nilai bawaan bila belum ada."""
        instansi, _ = cls.objects.get_or_create(pk=1)
        return instansi


class JenisDokumen(models.TextChoices):
    LAPORAN_PEMANFAATAN = "LAPORAN_PEMANFAATAN", "Laporan Pemanfaatan Data Kependudukan (PDF)"
    LAKIP_BIDANG = "LAKIP_BIDANG", "Bahan LAKIP Bidang (PDF)"
    LEMBAR_KENDALI = "LEMBAR_KENDALI", "Lembar Kendali SOP (PDF)"
    DAFTAR_XLSX = "DAFTAR_XLSX", "Daftar dan Rekap Pemanfaatan (Excel)"


class KodeVerifikasi(models.Model):
    """Kode yang tercetak pada dokumen; halaman verifikasi menunjukkan Laporan dan dokumen pemiliknya."""

    kode = models.CharField(max_length=20, unique=True)
    laporan = models.ForeignKey(Laporan, on_delete=models.CASCADE, related_name="kode_verifikasi")
    jenis_dokumen = models.CharField(max_length=30, choices=JenisDokumen.choices)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "kode verifikasi"
        verbose_name_plural = "kode verifikasi"
        constraints = [
            models.UniqueConstraint(fields=["laporan", "jenis_dokumen"], name="kode_verifikasi_per_dokumen"),
        ]

    def __str__(self) -> str:
        return self.kode


class ArsipDokumen(models.Model):
    """Dokumen bahan LAKIP Dinas yang dibuat sekali saat Sekretariat menerima (Langkah 7)."""

    laporan = models.ForeignKey(Laporan, on_delete=models.PROTECT, related_name="arsip")
    jenis_dokumen = models.CharField(max_length=30, choices=JenisDokumen.choices)
    nama_berkas = models.CharField(max_length=200)
    berkas = models.FileField(upload_to=NamaBerkasAcak("arsip"), max_length=200)
    ukuran = models.PositiveIntegerField("ukuran (byte)")
    sha256 = models.CharField("SHA-256", max_length=64)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "arsip dokumen"
        verbose_name_plural = "arsip dokumen"
        ordering = ["laporan", "jenis_dokumen"]
        constraints = [models.UniqueConstraint(fields=["laporan", "jenis_dokumen"], name="arsip_satu_per_jenis")]

    def __str__(self) -> str:
        return self.nama_berkas
