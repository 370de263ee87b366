from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from pemanfaatan.models import DataDukung, ImporPemanfaatan, Opd, Pemanfaatan, PeriodeTerkunci, PerjanjianKerjaSama


@admin.register(Opd)
class OpdAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "singkatan", "jenis", "aktif"]
    list_filter = ["jenis", "aktif"]
    search_fields = ["kode", "nama", "singkatan"]


@admin.register(PerjanjianKerjaSama)
class PerjanjianKerjaSamaAdmin(SimpleHistoryAdmin):
    list_display = ["nomor", "opd", "tanggal", "berlaku_mulai", "berlaku_sampai", "status_tampil"]
    list_filter = ["lingkup_data_kependudukan", "lingkup_nik", "lingkup_ktp_el", "berlaku_sampai", "opd__jenis"]
    search_fields = ["nomor", "opd__nama"]
    date_hierarchy = "berlaku_sampai"
    list_select_related = ["opd"]
    autocomplete_fields = ["opd"]
    # Dokumen PKS diunggah lewat aplikasi (isi diperiksa sebagai PDF), tidak lewat admin.
    exclude = ["dokumen"]

    def has_delete_permission(self, request, obj=None) -> bool:
        # Penghapusan lewat aplikasi: layanannya menolak PKS yang dipakai dan menghapus berkasnya.
        return False

    @admin.display(description="Status hari ini")
    def status_tampil(self, obj: PerjanjianKerjaSama) -> str:
        return obj.status_pada().label


class DataDukungInline(admin.TabularInline):
    model = DataDukung
    extra = 0
    fields = ["nama_asli", "jenis_berkas", "ukuran", "keterangan", "diunggah_oleh", "diunggah_pada"]
    readonly_fields = fields
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None) -> bool:
        # Unggahan harus lewat formulir aplikasi agar isi berkas diperiksa.
        return False


class HanyaBacaMixin:
    """Admin hanya membaca: penulisan lewat layanan aplikasi, yang memeriksa kunci periode, aturan dan isi berkas."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Memulihkan versi lama lewat admin (django-simple-history) akan melewati kunci periode.
        return self.history_view(request, object_id, extra_context=extra_context)


@admin.register(Pemanfaatan)
class PemanfaatanAdmin(HanyaBacaMixin, SimpleHistoryAdmin):
    list_display = ["opd", "jenis", "tahun", "bulan", "keperluan", "metode_akses", "pks", "jumlah", "updated_at"]
    list_filter = ["jenis", "tahun", "bulan", "metode_akses", "opd__jenis"]
    search_fields = ["keperluan", "opd__nama", "pks__nomor", "keterangan"]
    list_select_related = ["opd", "pks"]
    autocomplete_fields = ["opd", "pks"]
    inlines = [DataDukungInline]


@admin.register(DataDukung)
class DataDukungAdmin(HanyaBacaMixin, SimpleHistoryAdmin):
    list_display = ["nama_asli", "pemanfaatan", "jenis_berkas", "ukuran", "diunggah_oleh", "diunggah_pada"]
    list_filter = ["jenis_berkas"]
    search_fields = ["nama_asli", "pemanfaatan__opd__nama", "pemanfaatan__keperluan"]
    list_select_related = ["pemanfaatan__opd", "diunggah_oleh"]
    # Berkas tidak punya URL publik dan diunggah hanya lewat aplikasi, yang memeriksa isinya.
    fields = ["pemanfaatan", "nama_asli", "jenis_berkas", "ukuran", "keterangan", "diunggah_oleh", "diunggah_pada"]
    readonly_fields = ["pemanfaatan", "nama_asli", "jenis_berkas", "ukuran", "diunggah_oleh", "diunggah_pada"]


@admin.register(ImporPemanfaatan)
class ImporPemanfaatanAdmin(admin.ModelAdmin):
    """Jejak impor Excel, hanya untuk dibaca: impor dijalankan lewat halaman aplikasi."""

    list_display = [
        "nama_asli",
        "status",
        "dibuat_oleh",
        "dibuat_pada",
        "jumlah_baris",
        "jumlah_galat",
        "jumlah_duplikat",
        "jumlah_disimpan",
    ]
    list_filter = ["status", "dibuat_pada"]
    search_fields = ["nama_asli", "dibuat_oleh__nama", "dibuat_oleh__username"]
    list_select_related = ["dibuat_oleh"]
    exclude = ["hasil", "berkas"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(PeriodeTerkunci)
class PeriodeTerkunciAdmin(admin.ModelAdmin):
    """Kunci dipasang dan dilepas oleh siklus Laporan; di sini hanya dibaca."""

    list_display = ["keterangan", "tahun", "bulan_awal", "bulan_akhir", "dikunci_pada"]
    list_filter = ["tahun"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
