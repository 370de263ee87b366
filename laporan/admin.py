from django.contrib import admin

from laporan.models import (
    ArsipDokumen,
    HariLibur,
    Iku,
    Instansi,
    KodeVerifikasi,
    LangkahLaporan,
    Laporan,
    Notifikasi,
    RealisasiIku,
    RekapPemanfaatan,
    RiwayatLaporan,
    TargetIku,
    WaktuBaku,
)
from pemanfaatan.admin import HanyaBacaMixin


class LangkahInline(HanyaBacaMixin, admin.TabularInline):
    model = LangkahLaporan
    extra = 0
    fields = ["nomor", "diterima_pada", "diambil_oleh", "selesai_oleh", "selesai_pada", "hasil", "durasi_kerja"]
    readonly_fields = fields


class RiwayatInline(HanyaBacaMixin, admin.TabularInline):
    model = RiwayatLaporan
    extra = 0
    fields = ["waktu", "aksi", "dari", "ke", "oleh", "peran", "catatan"]
    readonly_fields = fields


@admin.register(Laporan)
class LaporanAdmin(HanyaBacaMixin, admin.ModelAdmin):
    """Transisi hanya lewat halaman Laporan (layanan laporan_transisi), tidak lewat admin."""

    list_display = ["__str__", "tahun", "periode", "status", "dibuat_oleh", "created_at"]
    list_filter = ["status", "periode", "tahun"]
    search_fields = ["arahan", "petunjuk", "analisa", "narasi_lakip"]
    list_select_related = ["dibuat_oleh"]
    inlines = [LangkahInline, RiwayatInline]


@admin.register(RiwayatLaporan)
class RiwayatLaporanAdmin(HanyaBacaMixin, admin.ModelAdmin):
    list_display = ["waktu", "laporan", "aksi", "dari", "ke", "oleh", "peran"]
    list_filter = ["aksi", "peran"]
    search_fields = ["catatan", "oleh__nama"]
    list_select_related = ["laporan", "oleh"]


@admin.register(LangkahLaporan)
class LangkahLaporanAdmin(HanyaBacaMixin, admin.ModelAdmin):
    list_display = ["laporan", "nomor", "diterima_pada", "selesai_pada", "hasil", "durasi_kerja", "waktu_baku"]
    list_filter = ["nomor", "hasil"]
    list_select_related = ["laporan"]


@admin.register(RekapPemanfaatan)
class RekapPemanfaatanAdmin(HanyaBacaMixin, admin.ModelAdmin):
    list_display = ["laporan", "opd", "jenis", "jumlah_kegiatan", "total_jumlah"]
    list_filter = ["jenis"]
    search_fields = ["opd__nama"]
    list_select_related = ["laporan", "opd"]


@admin.register(RealisasiIku)
class RealisasiIkuAdmin(HanyaBacaMixin, admin.ModelAdmin):
    list_display = ["laporan", "iku", "target", "realisasi_hitung", "realisasi", "capaian"]
    list_select_related = ["laporan", "iku"]


@admin.register(Notifikasi)
class NotifikasiAdmin(HanyaBacaMixin, admin.ModelAdmin):
    list_display = ["dibuat_pada", "penerima", "laporan", "pesan", "dibaca_pada"]
    list_filter = ["dibaca_pada"]
    search_fields = ["pesan", "penerima__nama"]
    list_select_related = ["penerima", "laporan"]


@admin.register(WaktuBaku)
class WaktuBakuAdmin(admin.ModelAdmin):
    """Mengubah waktu baku berlaku untuk Laporan baru; Laporan yang berjalan menyimpan salinannya."""

    list_display = ["nomor", "menit"]
    list_editable = ["menit"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(HariLibur)
class HariLiburAdmin(admin.ModelAdmin):
    list_display = ["tanggal", "keterangan"]
    date_hierarchy = "tanggal"
    search_fields = ["keterangan"]


class TargetInline(admin.TabularInline):
    model = TargetIku
    extra = 1


@admin.register(Iku)
class IkuAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "satuan", "polaritas", "sumber", "aktif", "urutan"]
    list_filter = ["aktif", "polaritas", "sumber"]
    search_fields = ["kode", "nama"]
    inlines = [TargetInline]


@admin.register(TargetIku)
class TargetIkuAdmin(admin.ModelAdmin):
    list_display = ["iku", "tahun", "target"]
    list_filter = ["tahun"]
    list_select_related = ["iku"]


@admin.register(Instansi)
class InstansiAdmin(admin.ModelAdmin):
    """Satu profil instansi untuk kop surat; tidak dapat ditambah atau dihapus."""

    list_display = ["nama_dinas", "pemerintah", "kota"]

    def has_add_permission(self, request) -> bool:
        return not Instansi.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ArsipDokumen)
class ArsipDokumenAdmin(HanyaBacaMixin, admin.ModelAdmin):
    list_display = ["nama_berkas", "laporan", "jenis_dokumen", "ukuran", "sha256", "dibuat_pada"]
    list_filter = ["jenis_dokumen"]
    list_select_related = ["laporan"]
    exclude = ["berkas"]


@admin.register(KodeVerifikasi)
class KodeVerifikasiAdmin(HanyaBacaMixin, admin.ModelAdmin):
    list_display = ["kode", "laporan", "jenis_dokumen", "dibuat_pada"]
    search_fields = ["kode"]
    list_select_related = ["laporan"]
